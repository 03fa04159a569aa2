#include "BackupDetailsDialog.h"

#include "FileUtil.h"
#include "archive/ArchiveReader.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace fcb {

BackupDetailsDialog::BackupDetailsDialog(
    const BackupItem& item, const QString& lastVerification, bool local, QWidget* parent)
    : QDialog(parent)
    , m_metadata(new QTableWidget(this))
    , m_checksums(new QPlainTextEdit(this))
    , m_verification(new QLabel(
          lastVerification.isEmpty() ? tr("Not verified in this session.") : lastVerification, this))
{
    setWindowTitle(tr("Backup details: %1").arg(item.fileName));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(640, 560);
    auto* form = new QFormLayout;
    form->addRow(tr("File:"), new QLabel(item.fileName, this));
    form->addRow(tr("Size:"), new QLabel(files::humanSize(item.sizeBytes), this));
    form->addRow(tr("Created:"),
        new QLabel(QLocale().toString(item.created.toLocalTime(), QLocale::LongFormat), this));
    auto* path = new QLabel(item.path, this);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Path:"), path);
    m_verification->setObjectName(QStringLiteral("lastVerification"));
    m_verification->setWordWrap(true);
    form->addRow(tr("Last verification:"), m_verification);

    m_metadata->setObjectName(QStringLiteral("metadataTable"));
    m_metadata->setColumnCount(2);
    m_metadata->setHorizontalHeaderLabels({ tr("Key"), tr("Value") });
    m_metadata->horizontalHeader()->setStretchLastSection(true);
    m_metadata->verticalHeader()->hide();
    m_metadata->setEditTriggers(QAbstractItemView::NoEditTriggers);
    if (item.metadata) {
        const QJsonObject object = QJsonDocument::fromJson(item.metadata->toJson()).object();
        m_metadata->setRowCount(int(object.size()));
        int row = 0;
        for (auto it = object.begin(); it != object.end(); ++it, ++row) {
            m_metadata->setItem(row, 0, new QTableWidgetItem(it.key()));
            m_metadata->setItem(row, 1, new QTableWidgetItem(it.value().toVariant().toString()));
        }
    }
    m_checksums->setObjectName(QStringLiteral("checksums"));
    m_checksums->setReadOnly(true);
    m_checksums->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_checksums->setPlaceholderText(local
            ? tr("Reading SHA256SUMS…")
            : tr("Checksums are read from the archive; download it to see them."));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Metadata"), this));
    layout->addWidget(m_metadata, 1);
    layout->addWidget(new QLabel(tr("SHA-256 checksums"), this));
    layout->addWidget(m_checksums, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (local) {
        auto* watcher = new QFutureWatcher<Result<QByteArray>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
            const auto sums = watcher->result();
            m_checksums->setPlainText(sums
                    ? QString::fromUtf8(*sums)
                    : tr("No SHA256SUMS in this archive (as in archives written by FastCMS itself)."));
            Q_EMIT checksumsLoaded();
        });
        const QString zip = item.path;
        watcher->setFuture(QtConcurrent::run(
            [zip] { return archive::readEntry(zip, QStringLiteral("SHA256SUMS"), 64 << 20); }));
    }
}

QString BackupDetailsDialog::metadataText() const
{
    QStringList rows;
    for (int row = 0; row < m_metadata->rowCount(); ++row)
        rows.append(
            m_metadata->item(row, 0)->text() + QStringLiteral("=") + m_metadata->item(row, 1)->text());
    return rows.join(QLatin1Char('\n'));
}

QString BackupDetailsDialog::checksumsText() const
{
    return m_checksums->toPlainText();
}

QString BackupDetailsDialog::verificationText() const
{
    return m_verification->text();
}

} // namespace fcb
