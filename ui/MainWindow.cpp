#include "MainWindow.h"

#include "FileUtil.h"
#include "Prompter.h"
#include "backend/LocalBackend.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupsController.h"
#include "backups/PaginationBar.h"
#include "backups/RowActionDelegate.h"
#include "browse/BrowseController.h"
#include "connection/ConnectionController.h"
#include "connection/SecretStore.h"
#include "curl/CurlController.h"
#include "diff/DiffController.h"
#include "drill/DrillController.h"
#include "jobs/JobRunner.h"
#include "jobs/JobsModel.h"
#include "jobs/JobsPanel.h"
#include "offsite/OffsiteController.h"
#include "retention/PruneController.h"
#include "schedule/ScheduleController.h"
#include "widgets/Banner.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

namespace fcb {

namespace {

QString notesHtml()
{
    return QObject::tr(
        "<h3>Important backup information</h3>"
        "<ul>"
        "<li>Restoring a backup will <b>overwrite</b> your current database and uploaded files.</li>"
        "<li>Always create a backup before performing major operations.</li>"
        "<li>Store backups in a secure location separate from your server.</li>"
        "<li>Test your backups regularly to ensure they can be restored: <i>Verify</i> checks one end to "
        "end.</li>"
        "</ul>"
        "<h3>What gets backed up</h3>"
        "<ul>"
        "<li>The database (<tt>app.db</tt>), as a consistent snapshot even while the server writes</li>"
        "<li>Uploaded files in <tt>data/files/</tt></li>"
        "<li>Backup metadata (time, app version) and SHA-256 checksums</li>"
        "</ul>"
        "<h3>How a restore works</h3>"
        "<p>A restore is <i>staged</i> first and applied when the FastCMS server restarts. The current "
        "database and files are kept as <tt>app.db.before_restore</tt> and "
        "<tt>files_before_restore/</tt>.</p>");
}

QString ageText(const QDateTime& then)
{
    const qint64 seconds = then.secsTo(QDateTime::currentDateTimeUtc());
    if (seconds < 90)
        return MainWindow::tr("just now");
    if (seconds < 90 * 60)
        return MainWindow::tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 48 * 3600)
        return MainWindow::tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    return MainWindow::tr("%n day(s) ago", nullptr, int(seconds / 86400));
}

} // namespace

MainWindow::MainWindow(Prompter* prompter, std::unique_ptr<SecretStore> secrets, QWidget* parent)
    : QMainWindow(parent)
    , m_ownPrompter(prompter ? nullptr : std::make_unique<DialogPrompter>())
    , m_jobs(new JobsModel(this))
    , m_banner(new Banner(this))
    , m_runner(new JobRunner(m_jobs, m_banner, this))
    , m_backups(new BackupsController(this, m_runner, m_banner, prompter ? prompter : m_ownPrompter.get()))
    , m_pagination(new PaginationBar(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_newest(new QLabel(this))
{
    setWindowTitle(tr("FastCMS Backup Console"));
    resize(1260, 740); // room for every column and the row buttons beside the notes
    m_banner->setObjectName(QStringLiteral("banner"));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_newest->setObjectName(QStringLiteral("newestBackup"));
    Prompter* asker = prompter ? prompter : m_ownPrompter.get();
    const FeatureParts parts { this, m_backups, m_runner, m_banner, asker };
    m_drills = new DrillController(parts);
    m_prune = new PruneController(parts);
    m_offsite = new OffsiteController(parts);
    m_schedules = new ScheduleController(parts);
    m_curl = new CurlController(parts);
    m_diffs = new DiffController(parts);
    m_browser = new BrowseController(parts);
    m_backups->setRestoreQuestionExtras(
        [this](RestoreQuestion& question) { m_diffs->describeRestore(question); });
    m_connections = new ConnectionController(
        this, asker, secrets ? std::move(secrets) : std::make_unique<KeychainSecretStore>());
    m_features = { m_drills, m_prune, m_offsite, m_schedules, m_curl, m_diffs, m_browser };

    addToolBarAndMenus();
    setUpTable();
    layOut();
    connectControllers();
}

void MainWindow::addToolBarAndMenus()
{
    const auto a = [this](const char* name) { return action(QString::fromLatin1(name)); };
    auto* toolbar = addToolBar(tr("Backups"));
    toolbar->setObjectName(QStringLiteral("backupsToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(20, 20));
    toolbar->addActions({ a("actionCreateBackup"), a("actionVerify"), a("actionRestore"), a("actionDownload"),
        a("actionDelete") });
    toolbar->addSeparator();
    toolbar->addAction(a("actionRefresh"));

    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addActions(m_connections->actions());
    fileMenu->addMenu(m_connections->recentMenu());
    fileMenu->addSeparator();
    addActions(m_connections->actions());
    auto* quit = fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    addLanguageMenu();
    auto* backupMenu = menuBar()->addMenu(tr("&Backups"));
    backupMenu->addActions({ a("actionCreateBackup"), a("actionVerify"), a("actionDrill"), a("actionBrowse"),
        a("actionCompare"), a("actionRestore"), a("actionDownload"), a("actionDelete") });
    backupMenu->addSeparator();
    backupMenu->addActions(
        { a("actionPrunePreview"), a("actionPushOffsite"), a("actionOffsiteTarget"), a("actionSchedule") });
    backupMenu->addMenu(m_curl->menu());
    backupMenu->addSeparator();
    backupMenu->addActions({ a("actionUnstage"), a("actionApplyRestore") });
    backupMenu->addSeparator();
    backupMenu->addActions({ a("actionCopyName"), a("actionCopyPath"), a("actionOpenFolder"),
        a("actionRefresh"), a("actionPreviousPage"), a("actionNextPage") });
    fileMenu->insertAction(quit, a("actionImport"));
    fileMenu->insertSeparator(quit);
    setAcceptDrops(true);
    addActions(m_backups->actions());
    for (FeatureController* feature : m_features)
        addActions(feature->actions());
}

void MainWindow::addLanguageMenu()
{
    // The language follows the system unless chosen here; it applies from the next start.
    auto* settingsMenu = menuBar()->addMenu(tr("&Settings"));
    auto* languageMenu = settingsMenu->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    const QList<QPair<QString, QString>> choices { { QString(), tr("System default") },
        { QStringLiteral("en"), QStringLiteral("English") },
        { QStringLiteral("de"), QStringLiteral("Deutsch") } };
    for (const auto& [code, name] : choices) {
        QAction* language = languageMenu->addAction(name);
        language->setObjectName(
            QStringLiteral("actionLanguage_") + (code.isEmpty() ? QStringLiteral("system") : code));
        language->setCheckable(true);
        language->setChecked(code == chosen);
        languages->addAction(language);
        connect(language, &QAction::triggered, this, [this, code] {
            QSettings().setValue(QStringLiteral("language"), code);
            m_banner->show(tr("The language changes when the console starts again."), Banner::Kind::Info);
        });
    }
}

void MainWindow::setUpTable()
{
    const auto a = [this](const char* name) { return action(QString::fromLatin1(name)); };
    // Sorting happens within the page, by raw values (bytes, times), not by text.
    auto* sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_backups->model());
    sorted->setSortRole(BackupTableModel::RawValueRole);
    m_table->setModel(sorted);
    m_table->setObjectName(QStringLiteral("backupsTable"));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BackupTableModel::Created, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({ a("actionVerify"), a("actionDrill"), a("actionBrowse"), a("actionCompare"),
        a("actionRestore"), a("actionPushOffsite"), a("actionDelete"), a("actionCopyName"),
        a("actionCopyPath"), a("actionOpenFolder") });
    m_table->horizontalHeader()->setSectionResizeMode(BackupTableModel::Copies, QHeaderView::Stretch);
    m_backups->setSelectionModel(m_table->selectionModel());
    for (FeatureController* feature : m_features)
        feature->setSelectionModel(m_table->selectionModel());
    // The prune preview's column shows only while a preview is open.
    m_table->setColumnHidden(BackupTableModel::Retention, true);
    // The full path is in the file name's tooltip, the details and Copy Path.
    m_table->setColumnHidden(BackupTableModel::Path, true);
    auto* rowActions = new RowActionDelegate(
        [this](const QString& name, RowActionDelegate::Action action) {
            return m_backups->unavailableReason(name, action);
        },
        m_table);
    m_table->setItemDelegateForColumn(BackupTableModel::Actions, rowActions);
    m_table->setMouseTracking(true);
    connect(rowActions, &RowActionDelegate::actionRequested, m_backups, &BackupsController::runRowAction);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.column() != BackupTableModel::Actions)
            m_backups->showDetails(index.data(BackupTableModel::FileNameRole).toString());
    });
    m_pagination->setNavigation(a("actionPreviousPage"), a("actionNextPage"));
    connect(m_pagination, &PaginationBar::pageSizeChanged, m_backups, &BackupsController::setPageSize);
}

void MainWindow::layOut()
{
    auto* left = new QWidget(this);
    auto* layout = new QVBoxLayout(left);
    layout->addWidget(m_banner);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_pagination);
    auto* notes = new QTextBrowser(this);
    notes->setObjectName(QStringLiteral("notes"));
    notes->setHtml(notesHtml());
    notes->setOpenExternalLinks(false);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(notes);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 1010, 250 });
    setCentralWidget(splitter);

    auto* jobsDock = new QDockWidget(tr("Jobs"), this);
    jobsDock->setObjectName(QStringLiteral("jobsDock"));
    jobsDock->setWidget(new JobsPanel(m_jobs, jobsDock));
    jobsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, jobsDock);
    resizeDocks({ jobsDock }, { 170 }, Qt::Vertical);

    statusBar()->addPermanentWidget(m_newest);
}

void MainWindow::connectControllers()
{
    connect(m_prune, &PruneController::retentionPreviewChanged, this, [this](bool shown) {
        m_table->setColumnHidden(BackupTableModel::Retention, !shown);
        m_table->resizeColumnToContents(BackupTableModel::Retention);
    });
    connect(m_backups, &BackupsController::pageLoaded, this, [this](int page, int pages, qint64 total) {
        m_pagination->setState(page, pages, total);
        m_summary->setText(total == 0
                ? tr("No backups yet: press Create Backup (Ctrl+N) to make the first one.")
                : QString());
        m_summary->setVisible(total == 0);
        m_table->resizeColumnsToContents();
        m_table->resizeRowsToContents();
        m_table->horizontalHeader()->setSectionResizeMode(BackupTableModel::Copies, QHeaderView::Stretch);
    });
    connect(m_backups, &BackupsController::listFailed, this, [this](const QString& message) {
        m_summary->setText(tr("The backups could not be listed: %1").arg(message));
        m_summary->setVisible(true);
    });
    connect(m_backups, &BackupsController::statusLoaded, this, [this](const BackendStatus& status) {
        m_lastStatus = status;
        showStatus(status);
    });
    // The allowed age comes from the installed schedule.
    const auto annotationsLoaded = [this] {
        if (m_lastStatus)
            showStatus(*m_lastStatus);
        m_table->resizeColumnToContents(BackupTableModel::LastVerified);
    };
    connect(m_schedules, &ScheduleController::allowedAgeLoaded, this, annotationsLoaded);
    connect(m_drills, &DrillController::recordsLoaded, this, annotationsLoaded);
    connect(m_offsite, &OffsiteController::copiesLoaded, this, annotationsLoaded);
    connect(m_backups, &BackupsController::jobFinished, this, &MainWindow::jobFinished);
    connect(m_backups, &BackupsController::refreshed, this, &MainWindow::refreshed);
}

MainWindow::~MainWindow()
{
    // The controllers go first, while the runner, the table and its selection they listen to
    // are all still there.
    qDeleteAll(m_features);
    m_features.clear();
    delete m_backups;
}

void MainWindow::openDataFolder(const DataFolder& folder)
{
    openBackend(std::make_unique<LocalBackend>(folder));
}

void MainWindow::openBackend(std::unique_ptr<Backend> backend)
{
    setWindowTitle(tr("%1 — FastCMS Backup Console").arg(backend->describe()));
    m_backups->setBackend(std::move(backend));
}

void MainWindow::createFirstBackupIfEmpty()
{
    m_backups->createFirstBackupIfEmpty();
}

QAction* MainWindow::action(const QString& name) const
{
    if (QAction* a = m_backups->action(name))
        return a;
    for (FeatureController* feature : m_features)
        if (QAction* a = feature->action(name))
            return a;
    for (QAction* a : m_connections->actions())
        if (a->objectName() == name)
            return a;
    return findChild<QAction*>(name);
}

BackupTableModel* MainWindow::model() const
{
    return m_backups->model();
}

bool MainWindow::isBusy() const
{
    return m_runner->busy();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".zip"), Qt::CaseInsensitive)) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".zip"), Qt::CaseInsensitive)) {
            m_backups->importArchive(url.toLocalFile());
            event->acceptProposedAction();
            return; // one at a time: each import is a job of its own
        }
}

void MainWindow::showStatus(const BackendStatus& status)
{
    // The same health rules as `fastcms-backup status --check`: the installed schedule's
    // interval and a margin (a day and a bit without one), twice the room.
    const qint64 maxAge = m_schedules->allowedBackupAge();
    const QString warning = QStringLiteral("QLabel { color: #7a1712; font-weight: bold; }");
    if (!status.newest) {
        m_newest->setText(tr("No backup yet"));
        m_newest->setStyleSheet(warning);
        return;
    }
    QString text = tr("Newest backup: %1 (%2)").arg(status.newest->fileName, ageText(status.newest->created));
    bool healthy = true;
    if (status.newest->created.secsTo(QDateTime::currentDateTimeUtc()) > maxAge) {
        text += maxAge == 26 * 3600
            ? tr(" — older than a day")
            : tr(" — older than the schedule allows (%n hour(s))", nullptr, int(maxAge / 3600));
        healthy = false;
    }
    if (status.local && status.local->freeBytes >= 0
        && status.local->freeBytes < 2 * status.newest->sizeBytes) {
        text += tr(" — only %1 free").arg(files::humanSize(status.local->freeBytes));
        healthy = false;
    }
    if (status.local) {
        text += tr(" · backups use %1").arg(files::humanSize(status.local->backupsTotalBytes));
        if (status.local->freeBytes >= 0 && healthy)
            text += tr(", %1 free").arg(files::humanSize(status.local->freeBytes));
    }
    m_newest->setText(text);
    m_newest->setStyleSheet(healthy ? QString() : warning);
}

} // namespace fcb
