#include "RestoreDialog.h"

#include <QInputDialog>

#include "FileUtil.h"
#include "diff/DiffView.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace fcb {

RestoreDialog::RestoreDialog(const RestoreQuestion& question, QWidget* parent)
    : QDialog(parent)
    , m_question(question)
    , m_typed(new QLineEdit(this))
    , m_preview(new DiffView(DiffView::Wording::Restore, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Restore %1").arg(question.backup.fileName));
    auto* layout = new QVBoxLayout(this);
    auto* warning
        = new QLabel(tr("<b>Restoring overwrites the server's current database and uploaded files.</b><br>"
                        "The restore is staged now and takes effect when the FastCMS server restarts. "
                        "The current data is kept as a safety copy."),
            this);
    warning->setWordWrap(true);
    layout->addWidget(warning);
    auto* form = new QFormLayout;
    form->addRow(tr("Backup:"), new QLabel(question.backup.fileName, this));
    form->addRow(tr("Created:"),
        new QLabel(QLocale().toString(question.backup.created.toLocalTime(), QLocale::LongFormat), this));
    form->addRow(tr("Size:"), new QLabel(files::humanSize(question.backup.sizeBytes), this));
    auto* verification = new QLabel(question.verification, this);
    verification->setWordWrap(true);
    verification->setStyleSheet(
        question.verified ? QStringLiteral("color: #184d27;") : QStringLiteral("color: #7a1712;"));
    form->addRow(tr("Verification:"), verification);
    layout->addLayout(form);
    m_preview->setObjectName(QStringLiteral("restorePreview"));
    layout->addWidget(m_preview, 1);
    if (question.preview)
        m_preview->start(question.preview);
    else
        m_preview->showUnavailable(question.noPreview);
    if (question.exportRows)
        connect(m_preview, &DiffView::exportRequested, this, question.exportRows);
    resize(760, 560);
    auto* prompt = new QLabel(tr("Type the backup's name to confirm:"), this);
    layout->addWidget(prompt);
    m_typed->setObjectName(QStringLiteral("typedName"));
    m_typed->setPlaceholderText(question.backup.fileName);
    layout->addWidget(m_typed);
    QPushButton* restore = m_buttons->addButton(tr("Restore"), QDialogButtonBox::DestructiveRole);
    restore->setObjectName(QStringLiteral("confirmRestore"));
    restore->setEnabled(false);
    layout->addWidget(m_buttons);
    connect(m_typed, &QLineEdit::textChanged, this, [this, restore] { restore->setEnabled(canAccept()); });
    connect(restore, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

bool RestoreDialog::canAccept() const
{
    const QString typed = m_typed->text().trimmed();
    return typed == m_question.backup.fileName || typed == m_question.backup.id;
}

bool DialogPrompter::confirmDelete(QWidget* parent, const QStringList& names)
{
    const QString text = names.size() == 1
        ? QObject::tr("Delete %1? This cannot be undone.").arg(names.first())
        : QObject::tr("Delete these %n backups? This cannot be undone.", nullptr, int(names.size()));
    return QMessageBox::question(parent, QObject::tr("Delete backups"), text,
               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

bool DialogPrompter::confirmRestore(QWidget* parent, const RestoreQuestion& question)
{
    RestoreDialog dialog(question, parent);
    return dialog.exec() == QDialog::Accepted;
}

bool DialogPrompter::confirmApply(QWidget* parent, const QString& backupName)
{
    return QMessageBox::question(parent, QObject::tr("Apply the restore now"),
               QObject::tr("Apply the restore of %1 now? The server must be stopped. The current data "
                           "is kept as app.db.before_restore and files_before_restore/.")
                   .arg(backupName),
               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

QString DialogPrompter::chooseArchive(QWidget* parent)
{
    return QFileDialog::getOpenFileName(
        parent, QObject::tr("Import a backup"), QString(), QObject::tr("Backups (*.zip)"));
}

QString DialogPrompter::chooseSaveFile(QWidget* parent, const QString& title, const QString& suggested)
{
    return QFileDialog::getSaveFileName(
        parent, title, suggested, QObject::tr("JSON (*.json);;CSV (*.csv);;SQL INSERT statements (*.sql)"));
}

QString DialogPrompter::chooseOutputFolder(QWidget* parent, const QString& title)
{
    return QFileDialog::getExistingDirectory(parent, title);
}

QString DialogPrompter::chooseFolder(QWidget* parent)
{
    return QFileDialog::getExistingDirectory(parent, QObject::tr("Open a FastCMS data folder"));
}

std::optional<QString> DialogPrompter::askText(
    QWidget* parent, const QString& title, const QString& label, const QString& current)
{
    bool ok = false;
    const QString text = QInputDialog::getText(parent, title, label, QLineEdit::Normal, current, &ok);
    if (!ok)
        return std::nullopt;
    return text.trimmed();
}

} // namespace fcb
