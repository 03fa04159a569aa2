#include "BackupsController.h"

#include "FeatureController.h"
#include "FileUtil.h"
#include "backups/BackupDetailsDialog.h"
#include "backups/BackupTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFileInfo>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLocale>
#include <QUrl>
#include <QWidget>

#include <algorithm>

namespace fcb {

BackupsController::BackupsController(QWidget* window, JobRunner* runner, Banner* banner, Prompter* prompter)
    : QObject(window)
    , m_window(window)
    , m_runner(runner)
    , m_banner(banner)
    , m_prompter(prompter)
    , m_model(new BackupTableModel(this))
{
    const auto make = [this](const QString& name, const QString& text, const QKeySequence& keys,
                          const QString& tip, void (BackupsController::*slot)()) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setToolTip(tip);
        connect(action, &QAction::triggered, this, slot);
        m_actions.append(action);
        return action;
    };
    m_create = make(QStringLiteral("actionCreateBackup"), tr("&Create Backup"), QKeySequence::New,
        tr("Back up the database and uploaded files now (Ctrl+N)"), &BackupsController::createBackup);
    m_verify = make(QStringLiteral("actionVerify"), tr("&Verify"), QKeySequence(Qt::CTRL | Qt::Key_T),
        tr("Check the selected backup's checksums and database"), &BackupsController::verifySelected);
    m_restore = make(QStringLiteral("actionRestore"), tr("&Restore…"), QKeySequence(Qt::CTRL | Qt::Key_R),
        tr("Stage the selected backup; the server applies it when it restarts"),
        &BackupsController::restoreSelected);
    m_delete = make(QStringLiteral("actionDelete"), tr("&Delete…"), QKeySequence::Delete,
        tr("Delete the selected backups"), &BackupsController::deleteSelected);
    m_refresh = make(QStringLiteral("actionRefresh"), tr("Re&fresh"), QKeySequence::Refresh,
        tr("Reload the list (F5)"), &BackupsController::refresh);
    m_unstage = make(QStringLiteral("actionUnstage"), tr("&Unstage"), {}, tr("Cancel the staged restore"),
        &BackupsController::unstage);
    m_apply = make(QStringLiteral("actionApplyRestore"), tr("&Apply Now…"), {},
        tr("Apply the staged restore now (the server must be stopped)"), &BackupsController::applyRestore);
    m_previous = new QAction(tr("&Previous"), this);
    m_previous->setObjectName(QStringLiteral("actionPreviousPage"));
    m_previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_previous->setToolTip(tr("Previous page (Alt+Left)"));
    connect(m_previous, &QAction::triggered, this, [this] {
        m_page = qMax(1, m_page - 1);
        refresh();
    });
    m_next = new QAction(tr("&Next"), this);
    m_next->setObjectName(QStringLiteral("actionNextPage"));
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_next->setToolTip(tr("Next page (Alt+Right)"));
    connect(m_next, &QAction::triggered, this, [this] {
        m_page = qMin(m_totalPages, m_page + 1);
        refresh();
    });
    m_copyName = new QAction(tr("Copy &Name"), this);
    m_copyName->setObjectName(QStringLiteral("actionCopyName"));
    m_copyName->setShortcut(QKeySequence::Copy);
    connect(m_copyName, &QAction::triggered, this,
        [this] { QApplication::clipboard()->setText(selectedNames().join(QLatin1Char('\n'))); });
    m_copyPath = new QAction(tr("Copy &Path"), this);
    m_copyPath->setObjectName(QStringLiteral("actionCopyPath"));
    connect(m_copyPath, &QAction::triggered, this, [this] {
        if (const BackupItem* item = selectedItem())
            QApplication::clipboard()->setText(item->path);
    });
    m_import = new QAction(tr("&Import Backup…"), this);
    m_import->setObjectName(QStringLiteral("actionImport"));
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_import->setToolTip(tr("Add a backup zip from this computer (or drop one on the window)"));
    connect(m_import, &QAction::triggered, this, [this] {
        const QString path = m_prompter->chooseArchive(m_window);
        if (!path.isEmpty())
            importArchive(path);
    });
    m_openFolder = new QAction(tr("&Open Containing Folder"), this);
    m_openFolder->setObjectName(QStringLiteral("actionOpenFolder"));
    connect(m_openFolder, &QAction::triggered, this, [this] {
        if (const BackupItem* item = selectedItem())
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(item->path).absolutePath()));
    });
    m_download = make(QStringLiteral("actionDownload"), tr("Do&wnload…"), QKeySequence(Qt::CTRL | Qt::Key_D),
        tr("Save a verified copy of the selected backup on this computer"),
        &BackupsController::downloadSelected);
    m_actions << m_previous << m_next << m_copyName << m_copyPath << m_import << m_openFolder;
    // Icons come from the application's resources (resources/icons/actions).
    const auto icon = [](QAction* action, const char* name) {
        action->setIcon(
            QIcon(QStringLiteral(":/icons/actions/") + QString::fromLatin1(name) + QStringLiteral(".svg")));
    };
    icon(m_create, "create");
    icon(m_verify, "verify");
    icon(m_restore, "restore");
    icon(m_delete, "delete");
    icon(m_refresh, "refresh");
    icon(m_download, "download");
    connect(m_runner, &JobRunner::busyChanged, this, &BackupsController::updateActions);
    // After every job, whoever ran it: the list shows what it changed.
    connect(m_runner, &JobRunner::jobFinished, this, [this](bool success) {
        updateActions();
        refresh();
        Q_EMIT jobFinished(success);
    });
    updateActions();
}

BackupsController::~BackupsController() = default;

QList<QAction*> BackupsController::actions() const
{
    return m_actions;
}

QAction* BackupsController::action(const QString& objectName) const
{
    return actionNamed(m_actions, objectName);
}

void BackupsController::setSelectionModel(QItemSelectionModel* selection)
{
    m_selection = selection;
    connect(selection, &QItemSelectionModel::selectionChanged, this, &BackupsController::updateActions);
    updateActions();
}

void BackupsController::setBackend(std::unique_ptr<Backend> backend)
{
    m_backend = std::move(backend);
    m_page = 1;
    m_caps = {};
    m_banner->hide();
    Q_EMIT backendChanged();
    auto capsJob = m_backend->capabilities();
    auto* watcher = new QFutureWatcher<Result<Capabilities>>(this);
    Backend* asked = m_backend.get();
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, asked] {
        watcher->deleteLater();
        if (const auto caps = watcher->result(); caps && asked == m_backend.get()) {
            m_caps = *caps;
            updateActions();
            Q_EMIT capabilitiesChanged();
            m_model->refreshActions();
        }
    });
    watcher->setFuture(capsJob.future);
    refresh();
}

void BackupsController::setPageSize(int size)
{
    if (size == m_pageSize)
        return;
    m_pageSize = size;
    m_page = 1;
    refresh();
}

void BackupsController::createFirstBackupIfEmpty()
{
    connect(
        this, &BackupsController::refreshed, this,
        [this] {
            if (m_model->page().total == 0 && !m_runner->busy())
                createBackup();
        },
        Qt::SingleShotConnection);
}

void BackupsController::refresh()
{
    if (!m_backend)
        return;
    // Listings run in parallel on the pool and may finish out of order: only the newest counts.
    const quint64 generation = ++m_refreshGeneration;
    auto listJob = m_backend->list(m_page, m_pageSize);
    auto* watcher = new QFutureWatcher<Result<BackupPage>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_refreshGeneration)
            return;
        const auto page = watcher->result();
        if (!page) {
            m_banner->show(page.error().message, Banner::Kind::Error);
            // Rows of an earlier listing (or an empty table) would tell a story that is not so.
            m_model->setPage(BackupPage {});
            m_totalPages = 0;
            updateActions();
            Q_EMIT listFailed(page.error().message);
            Q_EMIT refreshed();
            return;
        }
        if (page->items.isEmpty() && page->total > 0 && m_page > page->totalPages) {
            m_page = page->totalPages; // the last page emptied under us
            refresh();
            return;
        }
        m_model->setPage(*page);
        m_totalPages = page->totalPages;
        updateActions();
        Q_EMIT pageLoaded(page->page, page->totalPages, page->total);
        Q_EMIT refreshed();
    });
    watcher->setFuture(listJob.future);

    auto statusJob = m_backend->status();
    auto* statusWatcher = new QFutureWatcher<Result<BackendStatus>>(this);
    connect(statusWatcher, &QFutureWatcherBase::finished, this, [this, statusWatcher, generation] {
        statusWatcher->deleteLater();
        if (generation != m_refreshGeneration)
            return;
        const auto status = statusWatcher->result();
        if (!status)
            return;
        showPending(*status);
        Q_EMIT statusLoaded(*status);
    });
    statusWatcher->setFuture(statusJob.future);
}

QStringList BackupsController::selectedNames() const
{
    QStringList names;
    if (!m_selection)
        return names;
    for (const QModelIndex& index : m_selection->selectedRows())
        names.append(index.data(BackupTableModel::FileNameRole).toString());
    return names;
}

const BackupItem* BackupsController::selectedItem() const
{
    // The view may sort through a proxy: find the item by name, not by row.
    const QStringList names = selectedNames();
    if (names.size() != 1)
        return nullptr;
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->itemAt(row)->fileName == names.first())
            return m_model->itemAt(row);
    return nullptr;
}

void BackupsController::updateActions()
{
    m_model->refreshActions();
    const bool ready = m_backend && !m_runner->busy();
    const QStringList names = selectedNames();
    const int selected = int(names.size());
    const bool actable
        = std::all_of(names.cbegin(), names.cend(), [this](const QString& name) { return actsOn(name); });
    const BackupItem* single = selectedItem();
    m_create->setEnabled(ready);
    m_verify->setEnabled(ready && selected == 1 && actable);
    m_restore->setEnabled(ready && selected == 1 && actable && single && single->valid);
    m_delete->setEnabled(ready && selected >= 1 && actable);
    m_refresh->setEnabled(m_backend != nullptr);
    m_previous->setEnabled(m_backend && m_page > 1);
    m_next->setEnabled(m_backend && m_page < m_totalPages);
    m_copyName->setEnabled(selected >= 1);
    m_copyPath->setEnabled(selected == 1);
    m_import->setEnabled(ready);
    m_openFolder->setEnabled(selected == 1 && m_backend && !m_backend->isRemote());
    m_download->setEnabled(ready && selected == 1 && actable && m_caps.download);
    m_download->setToolTip(m_backend && m_backend->isRemote() && !m_caps.download
            ? tr("This server does not offer downloads")
            : tr("Save a verified copy of the selected backup on this computer"));
    m_verify->setToolTip(m_backend && m_backend->isRemote() && !m_caps.download
            ? tr("Verifying needs the backup's bytes, and this server does not offer downloads")
            : tr("Check the selected backup's checksums and database"));
    if (m_backend && m_backend->isRemote() && !m_caps.download)
        m_verify->setEnabled(false);
    m_unstage->setEnabled(ready && m_pendingRestore && !m_backend->isRemote());
    m_apply->setEnabled(ready && m_pendingRestore && m_canApply);
}

void BackupsController::createBackup()
{
    if (!m_backend || m_runner->busy())
        return;
    m_runner->track<CreateResult>(
        tr("Create backup"), m_backend->describe(), m_backend->create({}), [this](const CreateResult& r) {
            m_banner->show(
                tr("Created %1 (%2).").arg(r.backup.fileName, files::humanSize(r.backup.sizeBytes)),
                Banner::Kind::Success);
        });
}

void BackupsController::verifySelected()
{
    if (const BackupItem* item = selectedItem(); item && actsOn(item->fileName))
        verifyBackup(item->fileName);
}

void BackupsController::verifyBackup(const QString& name)
{
    if (!m_backend || m_runner->busy())
        return;
    m_runner->track<VerifyReport>(
        tr("Verify"), name, m_backend->verify(name), [this, name](const VerifyReport& r) {
            m_lastVerification.insert(name,
                tr("%1: %2").arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat),
                    r.ok() ? tr("sound") : r.problems().join(QLatin1Char(' '))));
            m_banner->show(r.ok()
                    ? tr("%1 is a sound backup.").arg(name)
                    : tr("%1 failed verification: %2").arg(name, r.problems().join(QLatin1Char(' '))),
                r.ok() ? Banner::Kind::Success : Banner::Kind::Error);
        });
}

void BackupsController::deleteSelected()
{
    const QStringList names = selectedNames();
    if (std::all_of(names.cbegin(), names.cend(), [this](const QString& name) { return actsOn(name); }))
        deleteBackups(names);
}

void BackupsController::deleteBackups(const QStringList& names, std::function<void()> done)
{
    if (!m_backend || m_runner->busy() || names.isEmpty() || !m_prompter->confirmDelete(m_window, names))
        return;
    // One job per backup, one after the other.
    const auto next = std::make_shared<std::function<void(int)>>();
    *next = [this, names, next, done](int i) {
        if (i >= names.size()) {
            m_banner->show(tr("Deleted %n backup(s).", nullptr, int(names.size())), Banner::Kind::Success);
            if (done)
                done();
            return;
        }
        m_runner->track<void>(
            tr("Delete"), names[i], m_backend->remove(names[i]), [next, i] { (*next)(i + 1); });
    };
    (*next)(0);
}

void BackupsController::restoreSelected()
{
    if (const BackupItem* item = selectedItem(); item && item->valid && actsOn(item->fileName))
        restoreBackup(*item);
}

void BackupsController::restoreBackup(const BackupItem& item)
{
    if (!m_backend || m_runner->busy())
        return;
    // Check it first, so the confirmation can say what was found.
    m_runner->await(m_backend->verify(item.fileName), [this, item](const Result<VerifyReport>& report) {
        RestoreQuestion question;
        question.backup = item;
        question.remote = m_backend->isRemote();
        if (report) {
            question.verified = report->ok();
            question.verification = report->ok()
                ? tr("Verified: sound.")
                : tr("FAILED: %1").arg(report->problems().join(QLatin1Char(' ')));
        } else {
            question.verification = tr("Not verified: %1").arg(report.error().message);
        }
        if (m_restoreExtras)
            m_restoreExtras(question);
        if (!m_prompter->confirmRestore(m_window, question))
            return;
        m_runner->track<StageResult>(tr("Stage restore"), item.fileName,
            m_backend->stageRestore(item.fileName), [](const StageResult&) {});
    });
}

void BackupsController::importArchive(const QString& path)
{
    if (!m_backend || m_runner->busy())
        return;
    m_runner->track<BackupItem>(m_backend->isRemote() ? tr("Upload") : tr("Import"),
        QFileInfo(path).fileName(), m_backend->upload(path), [this](const BackupItem& item) {
            m_banner->show(tr("Added %1 (%2).").arg(item.fileName, files::humanSize(item.sizeBytes)),
                Banner::Kind::Success);
        });
}

void BackupsController::downloadSelected()
{
    if (const BackupItem* item = selectedItem(); item && actsOn(item->fileName))
        downloadBackup(item->fileName);
}

void BackupsController::downloadBackup(const QString& name)
{
    if (!m_backend || m_runner->busy() || !m_caps.download)
        return;
    const QString folder = m_prompter->chooseFolder(m_window);
    if (folder.isEmpty())
        return;
    m_runner->track<DownloadResult>(
        tr("Download"), name, m_backend->download(name, folder), [this](const DownloadResult& r) {
            m_banner->show(tr("Saved a verified copy as %1.").arg(r.path), Banner::Kind::Success);
        });
}

const BackupItem* BackupsController::itemNamed(const QString& name) const
{
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->itemAt(row)->fileName == name)
            return m_model->itemAt(row);
    return nullptr;
}

bool BackupsController::actsOn(const QString& fileName) const
{
    const BackupItem* item = itemNamed(fileName);
    return m_backend && item && (item->valid || !m_backend->isRemote());
}

QString BackupsController::unavailableReason(const QString& fileName, int rowAction) const
{
    const BackupItem* item = itemNamed(fileName);
    if (!m_backend || !item)
        return tr("Not available");
    if (!actsOn(fileName))
        return tr("The server lists this as no valid backup: %1").arg(item->invalidReason);
    if (m_runner->busy())
        return tr("Another job is running");
    switch (rowAction) {
    case 0: // restore
        if (!item->valid)
            return tr("This file is not a valid backup");
        if (item->staged)
            return tr("This backup is already staged for restore");
        return {};
    case 1: // download
        if (!m_caps.download)
            return m_backend->isRemote() ? tr("This server does not offer downloads")
                                         : tr("Checking what is possible…");
        return {};
    case 2: // verify
        if (m_backend->isRemote() && !m_caps.download)
            return tr("Verifying needs the backup's bytes, and this server does not offer downloads");
        return {};
    case 3: // delete
        if (item->staged && !m_backend->isRemote())
            return tr("Unstage the restore before deleting this backup");
        return {};
    }
    return {};
}

void BackupsController::runRowAction(const QString& fileName, int rowAction)
{
    const BackupItem* item = itemNamed(fileName);
    if (!item || !unavailableReason(fileName, rowAction).isEmpty())
        return;
    switch (rowAction) {
    case 0:
        restoreBackup(*item);
        break;
    case 1:
        downloadBackup(fileName);
        break;
    case 2:
        verifyBackup(fileName);
        break;
    case 3:
        deleteBackups({ fileName });
        break;
    }
}

void BackupsController::showDetails(const QString& fileName)
{
    const BackupItem* item = itemNamed(fileName);
    if (!item || !m_backend)
        return;
    auto* dialog = new BackupDetailsDialog(
        *item, m_lastVerification.value(fileName), !m_backend->isRemote(), m_window);
    dialog->setObjectName(QStringLiteral("backupDetails"));
    dialog->show();
}

void BackupsController::unstage()
{
    if (!m_backend || m_runner->busy())
        return;
    m_runner->track<void>(tr("Unstage restore"), m_backend->describe(), m_backend->unstageRestore(), [this] {
        m_banner->show(
            tr("The staged restore was removed; FastCMS will start normally."), Banner::Kind::Success);
    });
}

void BackupsController::applyRestore()
{
    if (!m_backend || !m_caps.applyRestore || m_runner->busy())
        return;
    if (!m_prompter->confirmApply(m_window, m_banner->property("pendingBackup").toString()))
        return;
    // The way back: a backup of the data as it is now, taken first, that can be restored like
    // any other (besides the safety copies the apply itself keeps).
    Backend* local = m_backend.get();
    m_runner->track<CreateResult>(tr("Back up before restoring"), local->describe(),
        local->create({ QStringLiteral("pre-restore") }), [this, local](const CreateResult& before) {
            const QString wayBack = before.backup.fileName;
            m_runner->track<ApplyResult>(tr("Apply restore"), local->describe(), local->applyRestore(),
                [this, wayBack](const ApplyResult& r) {
                    m_banner->show(tr("Restored %1. The data from before is in the backup %2 "
                                      "(restore it to go back) and in %3.")
                                       .arg(r.backupFilename, wayBack, r.safetyDatabase),
                        Banner::Kind::Success);
                });
        });
}

void BackupsController::showPending(const BackendStatus& status)
{
    m_pendingRestore = status.restorePending;
    m_canApply = status.local && !status.local->databaseInUse && status.restorePending;
    if (status.restorePending && !m_runner->busy()) {
        m_banner->setProperty("pendingBackup", status.pendingBackup);
        QList<QAction*> actions;
        if (!status.target.isEmpty() && status.local)
            actions << m_unstage << m_apply;
        updateActions();
        m_banner->show(
            tr("Restore of %1 is staged: restart the server to apply it.").arg(status.pendingBackup),
            Banner::Kind::Warning, actions);
    } else if (!status.restorePending && m_banner->kind() == Banner::Kind::Warning && m_banner->isVisible()) {
        m_banner->hide();
    }
    updateActions();
}

} // namespace fcb
