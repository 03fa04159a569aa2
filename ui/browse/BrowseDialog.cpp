#include "BrowseDialog.h"

#include "FileUtil.h"
#include "model/Diff.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace fcb {

namespace {

constexpr int PathRole = Qt::UserRole + 1; // the entry's archive path ("files/a/" for folders)
constexpr int IsFileRole = Qt::UserRole + 2;
constexpr int FlaggedRole = Qt::UserRole + 3;
constexpr int SortRole = Qt::UserRole + 4; // raw values: bytes, times, numbers; folders first

} // namespace

BrowseDialog::BrowseDialog(
    const QString& backup, Job<Result<ArchiveListing>> listing, Offers offers, QWidget* parent)
    : QDialog(parent)
    , m_backup(backup)
    , m_offers(offers)
    , m_token(listing.token)
    , m_status(new QLabel(tr("Reading what %1 holds…").arg(backup), this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("browseDialog"));
    setWindowTitle(tr("Browse %1").arg(backup));
    m_model->setHorizontalHeaderLabels(
        { tr("Name"), tr("Size"), tr("Compressed"), tr("Modified"), tr("CRC-32"), tr("Note") });
    m_filter->setObjectName(QStringLiteral("browseFilter"));
    m_filter->setPlaceholderText(tr("Filter by name"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(Name);
    m_proxy->setSortRole(SortRole);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_view->expandAll();
    });
    m_view->setObjectName(QStringLiteral("browseTree"));
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(Name, Qt::AscendingOrder);
    m_view->header()->setSectionResizeMode(Name, QHeaderView::Stretch);
    QDialogButtonBox* buttons = makeButtons();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    updateButtons();
    resize(820, 560);
    watchListing(listing);
}

// Extract…, Restore This File and History… beside Close, on the selection.
QDialogButtonBox* BrowseDialog::makeButtons()
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_extract = buttons->addButton(tr("E&xtract…"), QDialogButtonBox::ActionRole);
    m_extract->setObjectName(QStringLiteral("browseExtract"));
    m_extract->setToolTip(
        tr("Write the selected files and folders to a folder, each checked against its checksums"));
    m_restoreFile = buttons->addButton(tr("&Restore This File"), QDialogButtonBox::ActionRole);
    m_restoreFile->setObjectName(QStringLiteral("browseRestoreFile"));
    m_restoreFile->setToolTip(m_offers.restoreFile
            ? tr("Put the selected upload back into the live files folder; a file of that name is kept as "
                 "NAME.before_restore")
            : tr("Only for a data folder on this machine"));
    m_history = buttons->addButton(tr("&History…"), QDialogButtonBox::ActionRole);
    m_history->setObjectName(QStringLiteral("browseHistory"));
    m_history->setToolTip(m_offers.history
            ? tr("Every backup that holds the selected upload, and where it changed")
            : tr("Only for a data folder on this machine"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_extract, &QPushButton::clicked, this, [this] { Q_EMIT extractRequested(selectedPaths()); });
    connect(m_restoreFile, &QPushButton::clicked, this,
        [this] { Q_EMIT restoreFileRequested(selectedPaths().value(0)); });
    connect(m_history, &QPushButton::clicked, this,
        [this] { Q_EMIT historyRequested(selectedPaths().value(0)); });
    connect(
        m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BrowseDialog::updateButtons);
    return buttons;
}

void BrowseDialog::watchListing(const Job<Result<ArchiveListing>>& listing)
{
    auto* watcher = new QFutureWatcher<Result<ArchiveListing>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, watcher](int value) {
        if (!watcher->progressText().isEmpty())
            m_status->setText(tr("%1 (%2%)").arg(watcher->progressText()).arg(value / 10));
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<ArchiveListing> result = watcher->result();
        if (!result) {
            m_status->setText(tr("%1 cannot be read: %2").arg(m_backup, result.error().message));
            return;
        }
        showListing(*result);
    });
    watcher->setFuture(listing.future);
}

BrowseDialog::~BrowseDialog()
{
    m_token->cancel();
}

QStandardItem* BrowseDialog::folderFor(const QString& folderPath)
{
    if (folderPath.isEmpty())
        return m_model->invisibleRootItem();
    if (QStandardItem* known = m_folders.value(folderPath))
        return known;
    const qsizetype cut = folderPath.lastIndexOf(QLatin1Char('/'), -2);
    QStandardItem* parent = folderFor(cut < 0 ? QString() : folderPath.left(cut + 1));
    auto* item = new QStandardItem(folderPath.mid(cut + 1).chopped(1));
    item->setData(folderPath, PathRole);
    item->setData(false, IsFileRole);
    item->setData(QString(QStringLiteral("0") + item->text().toLower()), SortRole);
    QList<QStandardItem*> row { item };
    for (int c = 1; c < ColumnCount; ++c) {
        row.append(new QStandardItem);
        row.last()->setData(-1, SortRole);
    }
    parent->appendRow(row);
    m_folders.insert(folderPath, item);
    return item;
}

void BrowseDialog::showListing(const ArchiveListing& listing)
{
    const QLocale locale;
    for (const ListedEntry& e : listing.entries) {
        const bool flagged = !e.flag.isEmpty();
        if (e.isDirectory && !flagged) {
            folderFor(e.name);
            continue;
        }
        // A flagged name is shown whole at the top, never split into folders it could escape.
        const qsizetype cut = flagged ? -1 : e.name.lastIndexOf(QLatin1Char('/'));
        QStandardItem* parent = folderFor(cut < 0 ? QString() : e.name.left(cut + 1));
        auto* name = new QStandardItem(flagged ? e.name : e.name.mid(cut + 1));
        name->setData(e.name, PathRole);
        name->setData(!e.isDirectory, IsFileRole);
        name->setData(flagged, FlaggedRole);
        name->setToolTip(e.name);
        name->setData(QString(QStringLiteral("1") + name->text().toLower()), SortRole);
        auto* size = new QStandardItem(files::humanSize(qint64(e.size)));
        size->setData(qlonglong(e.size), SortRole);
        auto* compressed = new QStandardItem(files::humanSize(qint64(e.compressedSize)));
        compressed->setData(qlonglong(e.compressedSize), SortRole);
        auto* modified = new QStandardItem(locale.toString(e.modified, QLocale::ShortFormat));
        modified->setData(e.modified, SortRole);
        auto* crc = new QStandardItem(crcHex(e.crc));
        crc->setData(qlonglong(e.crc), SortRole);
        auto* note = new QStandardItem(e.flag);
        note->setData(e.flag, SortRole);
        if (flagged) {
            name->setForeground(QColor(0x7a, 0x17, 0x12));
            note->setForeground(QColor(0x7a, 0x17, 0x12));
        }
        parent->appendRow({ name, size, compressed, modified, crc, note });
    }
    m_loaded = true;
    m_status->setText(tr("%1: %2 entries, %3 (%4 compressed).")
                          .arg(listing.fileName)
                          .arg(listing.entries.size())
                          .arg(files::humanSize(qint64(listing.totalSize)),
                              files::humanSize(qint64(listing.totalCompressed)))
        + (listing.flagged
                ? QLatin1Char(' ') + tr("%1 names a restore would refuse are flagged.").arg(listing.flagged)
                : QString()));
    if (QStandardItem* uploads = m_folders.value(QStringLiteral("files/")))
        m_view->expand(m_proxy->mapFromSource(uploads->index()));
    for (int column : { Size, Compressed, Modified, Crc })
        m_view->resizeColumnToContents(column);
    updateButtons();
}

QStringList BrowseDialog::selectedPaths() const
{
    QStringList paths;
    const auto rows = m_view->selectionModel()->selectedRows(Name);
    for (const QModelIndex& index : rows)
        paths.append(index.data(PathRole).toString());
    return paths;
}

bool BrowseDialog::selectPath(const QString& path)
{
    const auto found
        = m_model->match(m_model->index(0, Name), PathRole, path, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (found.isEmpty())
        return false;
    const QModelIndex index = m_proxy->mapFromSource(found.first());
    m_view->scrollTo(index);
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void BrowseDialog::updateButtons()
{
    const auto rows = m_view->selectionModel()->selectedRows(Name);
    bool anyFlagged = false;
    for (const QModelIndex& index : rows)
        anyFlagged = anyFlagged || index.data(FlaggedRole).toBool();
    const bool oneUpload = rows.size() == 1 && rows.first().data(IsFileRole).toBool()
        && rows.first().data(PathRole).toString().startsWith(QStringLiteral("files/")) && !anyFlagged;
    m_extract->setEnabled(m_loaded && !rows.isEmpty() && !anyFlagged);
    m_restoreFile->setEnabled(m_loaded && m_offers.restoreFile && oneUpload);
    m_history->setEnabled(m_loaded && m_offers.history && oneUpload);
}

} // namespace fcb
