#include "DiffView.h"

#include "FileUtil.h"

#include <QAction>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fcb {

namespace {

enum Role
{
    TableRole = Qt::UserRole + 1, // on a table item: its name
    KeyRole, // on a row item: its key as JSON text
    LoadedRole, // on a table item: its rows were asked for
};

} // namespace

DiffView::DiffView(Wording wording, QWidget* parent)
    : QWidget(parent)
    , m_wording(wording)
    , m_status(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    m_status->setObjectName(QStringLiteral("diffStatus"));
    m_status->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("diffTree"));
    m_tree->setHeaderLabels({ tr("What"), tr("Difference") });
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* exportRows = new QAction(tr("&Export Rows…"), this);
    exportRows->setObjectName(QStringLiteral("actionExportRows"));
    exportRows->setToolTip(tr("Write the selected rows (or the whole table) of the backup to a file"));
    m_tree->addAction(exportRows);
    connect(exportRows, &QAction::triggered, this, [this] {
        if (!selectedTable().isEmpty())
            Q_EMIT exportRequested(selectedTable(), selectedKeys());
    });
    connect(m_tree, &QTreeWidget::itemExpanded, this, &DiffView::loadRows);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_tree, 1);
    m_tree->hide();
}

DiffView::~DiffView()
{
    for (const auto& token : std::as_const(m_running))
        token->cancel();
}

void DiffView::start(Fetch fetch)
{
    m_fetch = std::move(fetch);
    m_done = false;
    m_status->setText(m_wording == Wording::Restore ? tr("Working out what this restore changes…")
                                                    : tr("Comparing the two backups…"));
    const Job<Result<DiffReport>> job = m_fetch(QString());
    m_running.append(job.token);
    auto* watcher = new QFutureWatcher<Result<DiffReport>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, watcher](int value) {
        if (!watcher->progressText().isEmpty())
            m_status->setText(tr("%1 (%2%)").arg(watcher->progressText()).arg(value / 10));
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, token = job.token] {
        watcher->deleteLater();
        m_running.removeAll(token);
        m_done = true;
        const Result<DiffReport> result = watcher->result();
        if (!result) {
            m_status->setText(tr("The differences could not be worked out: %1").arg(result.error().message));
            Q_EMIT finished(false);
            return;
        }
        showReport(*result);
        Q_EMIT finished(true);
    });
    watcher->setFuture(job.future);
}

void DiffView::showUnavailable(const QString& reason)
{
    m_done = true;
    m_status->setText(reason);
    m_tree->hide();
}

QString DiffView::onlyInOther(qint64 n) const
{
    return m_wording == Wording::Restore ? tr("%1 you would lose").arg(n) : tr("%1 added since").arg(n);
}

QString DiffView::onlyInBackup(qint64 n) const
{
    return m_wording == Wording::Restore ? tr("%1 brought back").arg(n) : tr("%1 deleted since").arg(n);
}

QString DiffView::changed(qint64 n) const
{
    return m_wording == Wording::Restore ? tr("%1 changed back").arg(n) : tr("%1 changed").arg(n);
}

// The counts that are not zero, in words; "no change" when all are.
QStringList DiffView::counts(qint64 otherOnly, qint64 backupOnly, qint64 changedRows) const
{
    QStringList parts;
    if (otherOnly)
        parts.append(onlyInOther(otherOnly));
    if (backupOnly)
        parts.append(onlyInBackup(backupOnly));
    if (changedRows)
        parts.append(changed(changedRows));
    return parts;
}

QString DiffView::joined(const QStringList& parts) const
{
    return parts.isEmpty() ? tr("no change") : parts.join(QStringLiteral(", "));
}

QString DiffView::summary(const DiffReport& r) const
{
    if (r.identical())
        return m_wording == Wording::Restore
            ? tr("Nothing changes: the backup holds what the live data holds.")
            : tr("The two backups hold the same records and uploads.");
    qint64 lose = 0;
    qint64 back = 0;
    qint64 differ = 0;
    for (const TableDiff& t : r.tables) {
        lose += t.onlyInOther;
        back += t.onlyInBackup;
        differ += t.changed;
    }
    QStringList uploads = counts(r.filesOnlyInOther, r.filesOnlyInBackup, r.filesChanged);
    if (r.filesOnlyInOther)
        uploads[0] += QStringLiteral(" (%1)").arg(files::humanSize(r.bytesOnlyInOther));
    if (r.filesOnlyInBackup)
        uploads[r.filesOnlyInOther ? 1 : 0]
            += QStringLiteral(" (%1)").arg(files::humanSize(r.bytesOnlyInBackup));
    return (m_wording == Wording::Restore ? tr("What this restore changes:")
                                          : tr("What changed between them:"))
        + QLatin1Char(' ')
        + tr("records: %1; uploads: %2.").arg(joined(counts(lose, back, differ)), joined(uploads));
}

void DiffView::showReport(const DiffReport& report)
{
    m_status->setText(summary(report));
    m_tree->clear();
    addTables(report);
    addSchema(report);
    addUploads(report);
    m_tree->setVisible(!report.identical());
}

void DiffView::addTables(const DiffReport& report)
{
    for (const TableDiff& t : report.tables) {
        if (!t.differs())
            continue;
        QStringList parts;
        if (!t.inOther)
            parts.append(
                m_wording == Wording::Restore ? tr("table brought back") : tr("table deleted since"));
        else if (!t.inBackup)
            parts.append(
                m_wording == Wording::Restore ? tr("table you would lose") : tr("table added since"));
        parts += counts(t.onlyInOther, t.onlyInBackup, t.changed);
        auto* item = new QTreeWidgetItem(m_tree, { t.name, parts.join(QStringLiteral(", ")) });
        item->setData(0, TableRole, t.name);
        item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    }
}

void DiffView::addSchema(const DiffReport& report)
{
    if (report.schema.isEmpty())
        return;
    auto* schema = new QTreeWidgetItem(
        m_tree, { tr("Schema"), tr("%1 definitions differ").arg(report.schema.size()) });
    for (const SchemaChange& s : report.schema) {
        QString text = s.kind == SchemaChange::Kind::Added
            ? (m_wording == Wording::Restore ? tr("you would lose") : tr("added since"))
            : s.kind == SchemaChange::Kind::Removed
            ? (m_wording == Wording::Restore ? tr("brought back") : tr("deleted since"))
            : tr("changed");
        if (!s.columnsAdded.isEmpty())
            text += tr("; columns %1: %2")
                        .arg(m_wording == Wording::Restore ? tr("you would lose") : tr("added since"),
                            s.columnsAdded.join(QStringLiteral(", ")));
        if (!s.columnsRemoved.isEmpty())
            text += tr("; columns %1: %2")
                        .arg(m_wording == Wording::Restore ? tr("brought back") : tr("deleted since"),
                            s.columnsRemoved.join(QStringLiteral(", ")));
        new QTreeWidgetItem(schema, { s.type + QLatin1Char(' ') + s.name, text });
    }
}

void DiffView::addUploads(const DiffReport& report)
{
    if (report.files.isEmpty())
        return;
    auto* uploads = new QTreeWidgetItem(m_tree,
        { tr("Uploads"),
            joined(counts(report.filesOnlyInOther, report.filesOnlyInBackup, report.filesChanged)) });
    for (const FileDiff& f : report.files) {
        const QString text = f.kind == FileDiff::Kind::OnlyInOther
            ? (m_wording == Wording::Restore ? tr("you would lose (%1)") : tr("added since (%1)"))
                  .arg(files::humanSize(f.otherSize))
            : f.kind == FileDiff::Kind::OnlyInBackup
            ? (m_wording == Wording::Restore ? tr("brought back (%1)") : tr("deleted since (%1)"))
                  .arg(files::humanSize(f.backupSize))
            : tr("changed (%1 → %2)").arg(files::humanSize(f.backupSize), files::humanSize(f.otherSize));
        new QTreeWidgetItem(uploads, { f.path, text });
    }
}

// A table's rows are fetched the first time it is opened: the first page of them.
void DiffView::loadRows(QTreeWidgetItem* tableItem)
{
    if (!m_fetch || tableItem->data(0, TableRole).toString().isEmpty()
        || tableItem->data(0, LoadedRole).toBool())
        return;
    tableItem->setData(0, LoadedRole, true);
    auto* loading = new QTreeWidgetItem(tableItem, { tr("Loading the rows…") });
    Q_UNUSED(loading);
    const Job<Result<DiffReport>> job = m_fetch(tableItem->data(0, TableRole).toString());
    m_running.append(job.token);
    auto* watcher = new QFutureWatcher<Result<DiffReport>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, tableItem, token = job.token] {
        watcher->deleteLater();
        m_running.removeAll(token);
        showRows(tableItem, watcher->result());
    });
    watcher->setFuture(job.future);
}

void DiffView::showRows(QTreeWidgetItem* tableItem, const Result<DiffReport>& result)
{
    qDeleteAll(tableItem->takeChildren());
    if (!result || !result->rows) {
        new QTreeWidgetItem(tableItem,
            { tr("The rows could not be read: %1")
                    .arg(result ? tr("no such table") : result.error().message) });
        return;
    }
    const RowPage& page = *result->rows;
    for (const RowDiff& row : page.rows) {
        QString text = row.kind == RowDiff::Kind::OnlyInOther
            ? (m_wording == Wording::Restore ? tr("you would lose") : tr("added since"))
            : row.kind == RowDiff::Kind::OnlyInBackup
            ? (m_wording == Wording::Restore ? tr("brought back") : tr("deleted since"))
            : tr("changed");
        QStringList columns;
        for (const ColumnChange& c : row.columns)
            columns.append(
                QStringLiteral("%1: %2 → %3")
                    .arg(c.column, jsonText(m_wording == Wording::Restore ? c.otherValue : c.backupValue),
                        jsonText(m_wording == Wording::Restore ? c.backupValue : c.otherValue)));
        if (!columns.isEmpty())
            text += QStringLiteral(": ") + columns.join(QStringLiteral("; "));
        auto* item = new QTreeWidgetItem(tableItem, { keyText(row.key), text });
        item->setData(0, KeyRole, QString::fromUtf8(QJsonDocument(row.key).toJson(QJsonDocument::Compact)));
        item->setToolTip(1, text);
    }
    if (page.total > page.rows.size())
        new QTreeWidgetItem(tableItem,
            { tr("… and %1 more rows").arg(page.total - page.rows.size()),
                tr("fastcms-backup diff --table %1 --rows lists them all").arg(page.table) });
}

QString DiffView::selectedTable() const
{
    const auto selected = m_tree->selectedItems();
    for (QTreeWidgetItem* item : selected) {
        QTreeWidgetItem* table = item->data(0, TableRole).toString().isEmpty() ? item->parent() : item;
        if (table && !table->data(0, TableRole).toString().isEmpty())
            return table->data(0, TableRole).toString();
    }
    return {};
}

// The keys of the selected rows, where each is keyed by one column.
QStringList DiffView::selectedKeys() const
{
    QStringList keys;
    const auto selected = m_tree->selectedItems();
    for (QTreeWidgetItem* item : selected) {
        const QJsonObject key = QJsonDocument::fromJson(item->data(0, KeyRole).toString().toUtf8()).object();
        if (key.size() == 1) {
            const QJsonValue value = key.begin().value();
            keys.append(value.isString() ? value.toString() : jsonText(value));
        }
    }
    return keys;
}

} // namespace fcb
