#pragma once

#include "Prompter.h"
#include "backend/Backend.h"
#include "jobs/JobRunner.h"
#include "widgets/Banner.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QItemSelectionModel;
class QWidget;

namespace fcb {

class BackupTableModel;

// Owns the open backend and the backups' own actions: one page of backups, create, verify,
// delete, download, import and the restore flow. Its jobs run through the shared JobRunner; the
// other features (drill/, retention/, offsite/, schedule/, curl/) read the open backend and the
// selection from here. Widgets only lay out what it owns.
class BackupsController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupsController)

public:
    BackupsController(QWidget* window, JobRunner* runner, Banner* banner, Prompter* prompter);
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
    bool busy() const { return m_runner->busy(); }
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
    // capabilities() has the open backend's answer.
    void capabilitiesChanged();

public:
    QStringList selectedNames() const;
    // Adds to every restore question what another feature knows (what the restore changes).
    void setRestoreQuestionExtras(std::function<void(RestoreQuestion&)> extras)
    {
        m_restoreExtras = std::move(extras);
    }
    // The current page's item with that name, or nullptr.
    const BackupItem* itemNamed(const QString& name) const;
    // Whether a backup on this page may be named in a request: an entry a server listed with a
    // hostile name or impossible details is shown, never acted on.
    bool actsOn(const QString& fileName) const;
    // Asks first, then deletes one after the other; done() once all are gone.
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
    JobRunner* m_runner;
    Banner* m_banner;
    Prompter* m_prompter;
    std::function<void(RestoreQuestion&)> m_restoreExtras;
    std::unique_ptr<Backend> m_backend;
    BackupTableModel* m_model;
    QItemSelectionModel* m_selection = nullptr;
    int m_page = 1;
    int m_pageSize = 20;
    int m_totalPages = 1;
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

} // namespace fcb
