#pragma once

#include "Prompter.h"
#include "backend/Backend.h"
#include "jobs/JobsModel.h"
#include "widgets/Banner.h"

#include <QFutureWatcher>

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QItemSelectionModel;
class QWidget;

namespace fcb {

class BackupTableModel;

// Owns the backups' actions and talks to the backend: one page of backups, the running jobs,
// the restore flow. Widgets only lay out what it owns.
class BackupsController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupsController)

public:
    BackupsController(QWidget* window, JobsModel* jobs, Banner* banner, Prompter* prompter);
    ~BackupsController() override;

    void setBackend(std::unique_ptr<Backend> backend);
    Backend* backend() const { return m_backend.get(); }
    // What the backend offers, once it has said (nothing until then).
    const Capabilities& capabilities() const { return m_caps; }
    BackupTableModel* model() const { return m_model; }
    void setSelectionModel(QItemSelectionModel* selection);
    QList<QAction*> actions() const;
    QAction* action(const QString& objectName) const;
    int page() const { return m_page; }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);
    bool busy() const { return m_busy; }
    // Once the first listing shows an empty folder, make a backup (the demo does this).
    void createFirstBackupIfEmpty();

    // Adds a backup zip from this machine: imported into a local folder after validation, or
    // uploaded where the server accepts uploads.
    void importArchive(const QString& path);
    // The painted row buttons: why an action does not apply to a backup (empty when it does),
    // and running it on that row's backup.
    QString unavailableReason(const QString& fileName, int rowAction) const;
    void runRowAction(const QString& fileName, int rowAction);
    // The details of a backup: metadata, checksums, and what its last verification found.
    void showDetails(const QString& fileName);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void pageLoaded(int page, int totalPages, qint64 total);
    void listFailed(const QString& message);
    void statusLoaded(const fcb::BackendStatus& status);
    void jobFinished(bool success);
    void refreshed();
    void backendChanged();

public:
    // Runs a job in the jobs panel (one at a time), shows its failure in the banner, calls
    // onSuccess with its value, then refreshes the list.
    template<typename T, typename OnSuccess>
    void track(const QString& type, const QString& target, Job<Result<T>> job, OnSuccess onSuccess);
    QStringList selectedNames() const;
    // The current page's item with that name, or nullptr.
    const BackupItem* itemNamed(const QString& name) const;
    // Whether a backup on this page may be named in a request: an entry a server listed with a
    // hostile name or impossible details is shown, never acted on.
    bool actsOn(const QString& fileName) const;
    Banner* banner() const { return m_banner; }
    // Asks first, then deletes one after the other; done(true) once all are gone.
    void deleteBackups(const QStringList& names, std::function<void()> done = {});

private:
    const BackupItem* selectedItem() const;
    void updateActions();
    void createBackup();
    void verifySelected();
    void deleteSelected();
    void restoreSelected();
    void downloadSelected();
    void verifyBackup(const QString& name);
    void restoreBackup(const BackupItem& item);
    void downloadBackup(const QString& name);
    void unstage();
    void applyRestore();
    void showPending(const BackendStatus& status);

    QWidget* m_window;
    JobsModel* m_jobs;
    Banner* m_banner;
    Prompter* m_prompter;
    std::unique_ptr<Backend> m_backend;
    BackupTableModel* m_model;
    QItemSelectionModel* m_selection = nullptr;
    int m_page = 1;
    int m_pageSize = 20;
    int m_totalPages = 1;
    bool m_busy = false;
    quint64 m_refreshGeneration = 0;
    bool m_pendingRestore = false;
    bool m_canApply = false;
    QList<QAction*> m_actions;
    QAction* m_create;
    QAction* m_verify;
    QAction* m_delete;
    QAction* m_restore;
    QAction* m_unstage;
    QAction* m_apply;
    QAction* m_refresh;
    QAction* m_previous;
    QAction* m_next;
    QAction* m_copyName;
    QAction* m_copyPath;
    QAction* m_import;
    QAction* m_download;
    Capabilities m_caps;
    QHash<QString, QString> m_lastVerification; // file name -> when and what
    QAction* m_openFolder;
};

template<typename T, typename OnSuccess>
inline void BackupsController::track(const QString& type, const QString& target, Job<Result<T>> job, OnSuccess onSuccess)
{
    const int id = m_jobs->add(type, target, job.token);
    m_busy = true;
    updateActions();
    auto* watcher = new QFutureWatcher<Result<T>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this, id, watcher](int value) { m_jobs->setProgress(id, value, watcher->progressText()); });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, id, watcher, onSuccess] {
        watcher->deleteLater();
        m_busy = false;
        const auto result = watcher->result();
        bool success = false;
        if (!result) {
            const bool cancelled = result.error().code == ErrorCode::Cancelled;
            m_jobs->finish(id, cancelled ? JobsModel::State::Cancelled : JobsModel::State::Failed,
                           cancelled ? tr("Cancelled") : result.error().message);
            m_banner->show(cancelled ? tr("Cancelled; nothing was left half-written.") : result.error().message,
                           cancelled ? Banner::Kind::Info : Banner::Kind::Error);
        } else {
            success = true;
            m_jobs->finish(id, JobsModel::State::Succeeded, tr("Done"));
            if constexpr (std::is_void_v<T>)
                onSuccess();
            else
                onSuccess(*result);
        }
        updateActions();
        refresh();
        Q_EMIT jobFinished(success);
    });
    watcher->setFuture(job.future);
}

} // namespace fcb
