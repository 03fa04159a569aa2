#include "MainWindow.h"

#include "FileUtil.h"
#include "backend/LocalBackend.h"
#include "backups/BackupTableModel.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace fcb {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_model(new BackupTableModel(this))
{
    setWindowTitle(tr("FastCMS Backup Console"));
    resize(1000, 560);

    m_create = new QAction(tr("&Create Backup"), this);
    m_create->setObjectName(QStringLiteral("actionCreateBackup"));
    m_create->setShortcut(QKeySequence::New);
    m_verify = new QAction(tr("&Verify"), this);
    m_verify->setObjectName(QStringLiteral("actionVerify"));
    m_verify->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_delete = new QAction(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("actionDelete"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_refresh = new QAction(tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("actionRefresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    auto* quit = new QAction(tr("&Quit"), this);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(m_create, &QAction::triggered, this, &MainWindow::createBackup);
    connect(m_verify, &QAction::triggered, this, &MainWindow::verifySelected);
    connect(m_delete, &QAction::triggered, this, &MainWindow::deleteSelected);
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    addAction(quit);

    auto* toolbar = addToolBar(tr("Backups"));
    toolbar->setObjectName(QStringLiteral("backupsToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions({m_create, m_verify, m_delete, m_refresh});

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel(central);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_table = new QTableView(central);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setAlternatingRowColors(true);
    layout->addWidget(m_banner);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    setCentralWidget(central);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);

    m_jobLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_cancel->setVisible(false);
    statusBar()->addWidget(m_jobLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_jobCancel)
            m_jobCancel->cancel();
    });
    updateActions();
}

MainWindow::~MainWindow()
{
    if (m_job && m_jobRunning) {
        m_jobCancel->cancel();
        m_job->waitForFinished();
    }
}

QAction* MainWindow::action(const QString& name) const
{
    return findChild<QAction*>(name);
}

void MainWindow::openDataFolder(const DataFolder& folder)
{
    openBackend(std::make_unique<LocalBackend>(LocalEngine(folder)));
}

void MainWindow::openBackend(std::unique_ptr<Backend> backend)
{
    m_backend = std::move(backend);
    setWindowTitle(tr("%1 — FastCMS Backup Console").arg(m_backend->describe()));
    refresh();
}

void MainWindow::refresh()
{
    if (!m_backend)
        return;
    auto* watcher = new QFutureWatcher<Result<BackupPage>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0)
            return;
        const auto page = watcher->result();
        if (!page) {
            showBanner(page.error().message, true);
            return;
        }
        m_model->setPage(*page);
        m_table->resizeColumnsToContents();
        m_table->horizontalHeader()->setSectionResizeMode(BackupTableModel::Path, QHeaderView::Stretch);
        m_summary->setText(page->total == 0 ? tr("No backups yet: press Create Backup to make the first one.")
                                            : tr("Total: %n backup(s) · Page %1 of %2", nullptr, int(page->total))
                                                  .arg(page->page)
                                                  .arg(page->totalPages));
        updateActions();
        Q_EMIT refreshed();
    });
    watcher->setFuture(m_backend->list(1, 50).future);
}

template<typename T, typename OnSuccess>
void MainWindow::runJob(const QString& title, Job<Result<T>> job, OnSuccess onSuccess)
{
    auto* watcher = new QFutureWatcher<Result<T>>(this);
    m_job = watcher;
    m_jobCancel = job.token;
    m_jobRunning = true;
    m_jobLabel->setText(title);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    updateActions();
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(watcher, &QFutureWatcherBase::progressTextChanged, m_jobLabel, &QLabel::setText);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, onSuccess] {
        watcher->deleteLater();
        m_job = nullptr;
        m_jobRunning = false;
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
        m_jobLabel->clear();
        bool success = false;
        if (const auto result = watcher->result(); !result) {
            if (result.error().code == ErrorCode::Cancelled)
                showBanner(tr("Cancelled; nothing was left half-written."), false);
            else
                showBanner(result.error().message, true);
        } else {
            success = true;
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

void MainWindow::createFirstBackupIfEmpty()
{
    // Used for the demo: once the first listing shows an empty folder, make a backup so the
    // table has something to show.
    connect(this, &MainWindow::refreshed, this, [this] {
        if (m_model->page().total == 0)
            createBackup();
    }, Qt::SingleShotConnection);
}

void MainWindow::createBackup()
{
    if (!m_backend || m_jobRunning)
        return;
    runJob<CreateResult>(tr("Creating backup"), m_backend->create({}), [this](const CreateResult& r) {
        showBanner(tr("Created %1 (%2).").arg(r.backup.fileName, files::humanSize(r.backup.sizeBytes)), false);
    });
}

void MainWindow::verifySelected()
{
    const QString name = selectedName();
    if (!m_backend || m_jobRunning || name.isEmpty())
        return;
    runJob<VerifyReport>(tr("Verifying %1").arg(name), m_backend->verify(name), [this, name](const VerifyReport& r) {
        showBanner(r.ok() ? tr("%1 is a sound backup.").arg(name)
                          : tr("%1 failed verification: %2").arg(name, r.problems().join(QLatin1Char(' '))),
                   !r.ok());
    });
}

void MainWindow::deleteSelected()
{
    const QString name = selectedName();
    if (!m_backend || m_jobRunning || name.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete backup"), tr("Delete %1? This cannot be undone.").arg(name))
        != QMessageBox::Yes)
        return;
    runJob<void>(tr("Deleting %1").arg(name), m_backend->remove(name),
                 [this, name] { showBanner(tr("Deleted %1.").arg(name), false); });
}

QString MainWindow::selectedName() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(BackupTableModel::FileNameRole).toString();
}

void MainWindow::updateActions()
{
    const bool ready = m_backend && !m_jobRunning;
    const bool selected = !selectedName().isEmpty();
    m_create->setEnabled(ready);
    m_verify->setEnabled(ready && selected);
    m_delete->setEnabled(ready && selected);
    m_refresh->setEnabled(m_backend != nullptr);
}

void MainWindow::showBanner(const QString& text, bool error)
{
    m_banner->setText(text);
    m_banner->setStyleSheet(error ? QStringLiteral("QLabel { background: #fde2e1; color: #7a1712; padding: 8px; border-radius: 4px; }")
                                  : QStringLiteral("QLabel { background: #e3f1e6; color: #184d27; padding: 8px; border-radius: 4px; }"));
    m_banner->setVisible(true);
}

} // namespace fcb
