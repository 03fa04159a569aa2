#pragma once

#include "backend/Backend.h"
#include "DataFolder.h"

#include <QFutureWatcher>
#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;

namespace fcb {

class BackupTableModel;

// The console's window over one local data folder: the backups table, create/verify/delete,
// and a progress bar with Cancel for the running job. Work runs on the engine's pool.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openDataFolder(const DataFolder& folder);
    // Any backend: a local data folder or a server.
    void openBackend(std::unique_ptr<Backend> backend);
    void createFirstBackupIfEmpty();
    QAction* action(const QString& name) const;
    BackupTableModel* model() const { return m_model; }
    bool isBusy() const { return m_jobRunning; }

Q_SIGNALS:
    void jobFinished(bool success);
    void refreshed();

private:
    void refresh();
    void createBackup();
    void verifySelected();
    void deleteSelected();
    QString selectedName() const;
    void updateActions();
    void showBanner(const QString& text, bool error);
    template<typename T, typename OnSuccess>
    void runJob(const QString& title, Job<Result<T>> job, OnSuccess onSuccess);

    std::unique_ptr<Backend> m_backend;
    BackupTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_jobLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QAction* m_create = nullptr;
    QAction* m_verify = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_refresh = nullptr;
    QFutureWatcherBase* m_job = nullptr;
    std::shared_ptr<CancelToken> m_jobCancel;
    bool m_jobRunning = false;
};

} // namespace fcb
