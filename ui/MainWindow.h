#pragma once

#include "DataFolder.h"
#include "backend/Backend.h"
#include "connection/SecretStore.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QTableView;

namespace fcb {

class Banner;
class BackupTableModel;
class BackupsController;
class ConnectionController;

class JobsModel;
class CurlController;
class BrowseController;
class DiffController;
class DrillController;
class FeatureController;
class JobRunner;
class OffsiteController;
class PruneController;
class ScheduleController;
class PaginationBar;
class Prompter;

// Lays out the console: the backups table with its pagination bar and banner, the notes side
// panel, the jobs panel and the status bar. Behaviour lives in the controllers.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // prompter: who answers confirmations (dialogs by default; tests script it).
    // secrets: where sign-in tokens are kept (the system keychain by default).
    explicit MainWindow(
        Prompter* prompter = nullptr, std::unique_ptr<SecretStore> secrets = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    void openDataFolder(const DataFolder& folder);
    void openBackend(std::unique_ptr<Backend> backend);
    void createFirstBackupIfEmpty();
    QAction* action(const QString& name) const;
    BackupTableModel* model() const;
    BackupsController* backups() const { return m_backups; }
    DrillController* drills() const { return m_drills; }
    DiffController* diffs() const { return m_diffs; }
    BrowseController* browser() const { return m_browser; }
    PruneController* prune() const { return m_prune; }
    OffsiteController* offsite() const { return m_offsite; }
    ScheduleController* schedules() const { return m_schedules; }
    CurlController* curl() const { return m_curl; }
    ConnectionController* connections() const { return m_connections; }
    JobsModel* jobs() const { return m_jobs; }
    Banner* banner() const { return m_banner; }
    PaginationBar* pagination() const { return m_pagination; }
    QTableView* table() const { return m_table; }
    bool isBusy() const;

Q_SIGNALS:
    void jobFinished(bool success);
    void refreshed();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // The constructor's steps.
    void addToolBarAndMenus();
    void addLanguageMenu();
    void setUpTable();
    void layOut();
    void connectControllers();
    void showStatus(const BackendStatus& status);

    std::unique_ptr<Prompter> m_ownPrompter;
    JobsModel* m_jobs;
    Banner* m_banner;
    JobRunner* m_runner;
    BackupsController* m_backups;
    ConnectionController* m_connections = nullptr;
    DrillController* m_drills = nullptr;
    DiffController* m_diffs = nullptr;
    BrowseController* m_browser = nullptr;
    PruneController* m_prune = nullptr;
    OffsiteController* m_offsite = nullptr;
    ScheduleController* m_schedules = nullptr;
    CurlController* m_curl = nullptr;
    QList<FeatureController*> m_features;
    std::optional<BackendStatus> m_lastStatus;
    PaginationBar* m_pagination;
    QTableView* m_table;
    QLabel* m_summary;
    QLabel* m_newest;
};

} // namespace fcb
