#include "BrowseController.h"

#include "FileUtil.h"
#include "backend/Backend.h"
#include "backups/BackupsController.h"
#include "browse/BrowseDialog.h"
#include "jobs/JobRunner.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fcb {

BrowseController::BrowseController(const FeatureParts& parts)
    : FeatureController(parts)
{
    m_browseAction
        = makeAction("actionBrowse", tr("&Browse…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
            tr("Show what the selected backup holds; extract files, put one upload back, see its history"),
            [this] { browseSelected(); });
    updateActions();
}

void BrowseController::updateActions()
{
    m_browseAction->setEnabled(m_parts.backups->backend() && m_parts.backups->capabilities().browse
        && !actableSelection().isEmpty());
}

void BrowseController::browseSelected()
{
    Backend* backend = m_parts.backups->backend();
    const QString name = actableSelection();
    if (!backend || name.isEmpty())
        return;
    const bool live = m_parts.backups->capabilities().live;
    auto* dialog = new BrowseDialog(name, backend->listArchive(name), { live, live }, m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BrowseDialog::extractRequested, this,
        [this, name](const QStringList& paths) { extract(name, paths); });
    connect(dialog, &BrowseDialog::restoreFileRequested, this,
        [this, name](const QString& path) { restoreFile(name, path); });
    connect(dialog, &BrowseDialog::historyRequested, this, &BrowseController::showHistory);
    dialog->show();
    m_browse = dialog;
}

void BrowseController::extract(const QString& backup, const QStringList& paths)
{
    Backend* backend = m_parts.backups->backend();
    if (!backend || paths.isEmpty())
        return;
    if (m_parts.runner->busy()) {
        m_parts.banner->show(tr("Another job is running; extract when it is done."), Banner::Kind::Info);
        return;
    }
    const QString folder = m_parts.prompter->chooseOutputFolder(m_parts.window, tr("Extract into"));
    if (folder.isEmpty())
        return;
    m_parts.runner->track<ExtractResult>(tr("Extract"), backup,
        backend->extract(backup, paths, folder, false), [this](const ExtractResult& r) {
            m_parts.banner->show(tr("Extracted %1 files (%2) into %3, each checked against its checksums.")
                                     .arg(r.written.size())
                                     .arg(files::humanSize(r.bytes), r.outputDir),
                Banner::Kind::Success);
        });
}

void BrowseController::restoreFile(const QString& backup, const QString& path)
{
    Backend* backend = m_parts.backups->backend();
    if (!backend || path.isEmpty() || !m_parts.backups->capabilities().live)
        return;
    if (m_parts.runner->busy()) {
        m_parts.banner->show(
            tr("Another job is running; restore the file when it is done."), Banner::Kind::Info);
        return;
    }
    m_parts.runner->track<RestoreFileResult>(
        tr("Restore file"), path, backend->restoreFile(backup, path), [this](const RestoreFileResult& r) {
            m_parts.banner->show(r.keptAs.isEmpty()
                    ? tr("Restored %1.").arg(r.path)
                    : tr("Restored %1; the file that was there is kept as %2.").arg(r.path, r.keptAs),
                Banner::Kind::Success);
        });
}

void BrowseController::showHistory(const QString& path)
{
    Backend* backend = m_parts.backups->backend();
    if (!backend || path.isEmpty())
        return;
    if (m_parts.runner->busy()) {
        m_parts.banner->show(
            tr("Another job is running; look at the history when it is done."), Banner::Kind::Info);
        return;
    }
    m_parts.runner->track<HistoryResult>(
        tr("History"), path, backend->history(path), [this](const HistoryResult& r) { openHistory(r); });
}

void BrowseController::openHistory(const HistoryResult& history)
{
    auto* dialog = new QDialog(m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("historyDialog"));
    dialog->setWindowTitle(tr("History of %1").arg(history.path));
    auto* tree = new QTreeWidget(dialog);
    tree->setObjectName(QStringLiteral("historyTree"));
    tree->setRootIsDecorated(false);
    tree->setHeaderLabels({ tr("Backup"), tr("Created"), tr("Size"), tr("CRC-32"), tr("Change") });
    const QLocale locale;
    for (const HistoryEntry& e : history.entries) {
        const QString change = e.change == HistoryEntry::Change::Appeared ? tr("appeared")
            : e.change == HistoryEntry::Change::Changed                   ? tr("changed")
            : e.change == HistoryEntry::Change::Disappeared               ? tr("gone")
                                                                          : tr("same");
        new QTreeWidgetItem(tree,
            { e.backup, locale.toString(e.created.toLocalTime(), QLocale::ShortFormat),
                e.present ? files::humanSize(qint64(e.size)) : QString(),
                e.present ? crcHex(e.crc) : QString(), change });
    }
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(tree, 1);
    layout->addWidget(buttons);
    dialog->resize(720, 420);
    dialog->show();
    m_history = dialog;
}

} // namespace fcb
