#include "MaintenanceController.h"

#include "Prompter.h"
#include "backups/BackupsController.h"
#include "schedule/Schedule.h"
#include "WorkerPool.h"
#include "offsite/Offsite.h"
#include "schedule/ScheduleDialog.h"
#include "widgets/Banner.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QItemSelectionModel>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QtConcurrent>

namespace fcb {

namespace {

constexpr auto kOffsiteKey = "offsite/targets";

struct Annotations
{
    QHash<QString, DrillRecord> drills;
    qint64 allowedAge = 0;
};

} // namespace

MaintenanceController::MaintenanceController(QWidget* window, BackupsController* backups, Prompter* prompter)
    : QObject(window)
    , m_window(window)
    , m_backups(backups)
    , m_prompter(prompter)
    , m_curlMenu(new QMenu(tr("Copy as c&url"), window))
{
    const auto make = [this](const char* name, const QString& text, const QKeySequence& keys, const QString& tip,
                             void (MaintenanceController::*slot)()) {
        auto* action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(keys);
        action->setToolTip(tip);
        connect(action, &QAction::triggered, this, slot);
        m_actions.append(action);
        return action;
    };
    m_drill = make("actionDrill", tr("Restore &Drill"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                   tr("Restore the selected backup into a throw-away folder and check it end to end"),
                   &MaintenanceController::drillSelected);
    m_prune = make("actionPrunePreview", tr("&Prune…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                   tr("Show which backups the retention policy (7 daily, 4 weekly, 12 monthly) would delete"),
                   &MaintenanceController::previewPrune);
    m_applyPrune = make("actionApplyPrune", tr("Delete Them…"), {}, tr("Delete the backups the preview marks"),
                        &MaintenanceController::applyPrune);
    m_closePrune = make("actionClosePrune", tr("Close Preview"), {}, {}, &MaintenanceController::closePrune);
    m_pushOffsite = make("actionPushOffsite", tr("Copy &Off-site"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                         tr("Copy the selected backups (or all that are missing there) to the off-site target with rclone"),
                         &MaintenanceController::pushOffsite);
    m_offsiteTargetAction = make("actionOffsiteTarget", tr("Off-site &Target…"), {},
                                 tr("Choose the rclone remote that keeps off-site copies"), &MaintenanceController::chooseOffsiteTarget);
    m_schedule = make("actionSchedule", tr("&Schedule Backups…"), {}, tr("A systemd timer or crontab line that backs up and prunes"),
                      &MaintenanceController::showSchedule);
    const QList<QPair<QString, curl::Action>> curls{{tr("&List Backups"), curl::Action::List},
                                                    {tr("&Create a Backup"), curl::Action::Create},
                                                    {tr("&Download the Selected Backup"), curl::Action::Download},
                                                    {tr("De&lete the Selected Backup"), curl::Action::Delete},
                                                    {tr("&Stage the Selected Backup for Restore"), curl::Action::Restore},
                                                    {tr("&Upload a Backup"), curl::Action::Upload}};
    for (const auto& [text, kind] : curls) {
        QAction* action = m_curlMenu->addAction(text);
        action->setObjectName(QStringLiteral("actionCurl%1").arg(int(kind)));
        connect(action, &QAction::triggered, this, [this, kind = int(kind)] { copyCurl(kind); });
        m_curlActions.append(action);
    }
    m_curlMenu->setObjectName(QStringLiteral("curlMenu"));

    connect(m_backups, &BackupsController::backendChanged, this, [this] {
        stopListing();
        closePrune();
        m_backups->model()->setDrills({});
        ++m_generation;
        m_listingOffsite = false;
        updateActions();
    });
    connect(m_backups, &BackupsController::refreshed, this, &MaintenanceController::reloadAnnotations);
    connect(m_backups, &BackupsController::jobFinished, this, &MaintenanceController::updateActions);
    updateActions();
}

MaintenanceController::~MaintenanceController()
{
    stopListing();
}

void MaintenanceController::stopListing()
{
    // rclone is stopped; the listing's answer is ignored (the generation moved on).
    if (m_listing)
        m_listing->cancel();
    m_listing.reset();
    m_listingOffsite = false;
}

QAction* MaintenanceController::action(const QString& objectName) const
{
    for (QAction* a : m_actions + m_curlActions)
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

void MaintenanceController::setSelectionModel(QItemSelectionModel* selection)
{
    m_selection = selection;
    connect(selection, &QItemSelectionModel::selectionChanged, this, &MaintenanceController::updateActions);
    updateActions();
}

QString MaintenanceController::offsiteTarget() const
{
    const Backend* backend = m_backups->backend();
    if (!backend || backend->isRemote())
        return {};
    return QSettings().value(QString::fromLatin1(kOffsiteKey)).toMap().value(backend->describe()).toString();
}

void MaintenanceController::setOffsiteTarget(const QString& remote)
{
    const Backend* backend = m_backups->backend();
    if (!backend || backend->isRemote())
        return;
    QVariantMap targets = QSettings().value(QString::fromLatin1(kOffsiteKey)).toMap();
    if (remote.isEmpty())
        targets.remove(backend->describe());
    else
        targets.insert(backend->describe(), remote);
    QSettings().setValue(QString::fromLatin1(kOffsiteKey), targets);
    stopListing();
    ++m_generation;
    reloadAnnotations();
    updateActions();
}

void MaintenanceController::updateActions()
{
    const Backend* backend = m_backups->backend();
    const bool ready = backend && !m_backups->busy();
    const QStringList names = m_backups->selectedNames();
    const int selected = int(names.size());
    const bool remote = backend && backend->isRemote();
    // A server's entry with a hostile name or impossible details is never named in a request.
    const bool actable = selected == 1 && m_backups->actsOn(names.first());
    m_drill->setEnabled(ready && actable);
    m_prune->setEnabled(ready);
    m_applyPrune->setEnabled(ready && !m_pruneDeletes.isEmpty());
    m_pushOffsite->setEnabled(ready && !remote && !offsiteTarget().isEmpty());
    m_offsiteTargetAction->setEnabled(backend && !remote);
    m_schedule->setEnabled(backend != nullptr);
    m_curlMenu->setEnabled(remote);
    for (QAction* a : m_curlActions) {
        const bool needsSelection = a->objectName() != QStringLiteral("actionCurl%1").arg(int(curl::Action::List))
            && a->objectName() != QStringLiteral("actionCurl%1").arg(int(curl::Action::Create))
            && a->objectName() != QStringLiteral("actionCurl%1").arg(int(curl::Action::Upload));
        a->setEnabled(remote && (!needsSelection || actable));
    }
}

void MaintenanceController::reloadAnnotations()
{
    Backend* backend = m_backups->backend();
    if (!backend)
        return;
    const QString target = backend->describe();
    const quint64 generation = m_generation;
    // Small files, but files: read on the pool, never on the GUI thread.
    auto* watcher = new QFutureWatcher<Annotations>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Annotations a = watcher->result();
        m_allowedAge = a.allowedAge;
        m_backups->model()->setDrills(a.drills);
        Q_EMIT annotationsLoaded();
    });
    watcher->setFuture(QtConcurrent::run(workers::pool(), [target] {
        return Annotations{DrillStore().records(target), fcb::allowedBackupAge(target)};
    }));

    BackupTableModel::CopyState copies;
    if (backend->isRemote()) {
        copies.mode = BackupTableModel::CopyState::Mode::Server;
        m_backups->model()->setCopies(copies);
        return;
    }
    const QString remote = offsiteTarget();
    if (remote.isEmpty()) {
        copies.detail = tr("No off-site target: choose one under Backups ▸ Off-site Target…");
        m_backups->model()->setCopies(copies);
        return;
    }
    if (m_listingOffsite)
        return;
    m_listingOffsite = true;
    copies.mode = BackupTableModel::CopyState::Mode::Checking;
    copies.detail = Offsite::displayName(remote);
    m_backups->model()->setCopies(copies);
    auto* listing = new QFutureWatcher<Result<QList<OffsiteCopy>>>(this);
    connect(listing, &QFutureWatcherBase::finished, this, [this, listing, generation, remote] {
        listing->deleteLater();
        if (generation != m_generation)
            return;
        m_listingOffsite = false;
        const auto result = listing->result();
        BackupTableModel::CopyState state;
        state.detail = Offsite::displayName(remote);
        if (result) {
            state.mode = BackupTableModel::CopyState::Mode::Known;
            for (const OffsiteCopy& c : *result)
                state.offsite.insert(c.fileName);
        } else {
            state.mode = BackupTableModel::CopyState::Mode::Failed;
            state.detail = result.error().message;
        }
        m_backups->model()->setCopies(state);
        Q_EMIT annotationsLoaded();
    });
    m_listing = std::make_shared<CancelToken>();
    listing->setFuture(QtConcurrent::run(workers::pool(), [remote, token = m_listing](QPromise<Result<QList<OffsiteCopy>>>& promise) {
        PromiseTaskContext<Result<QList<OffsiteCopy>>> task(promise, token);
        promise.addResult(Offsite(remote).list(task));
    }));
}

void MaintenanceController::drillSelected()
{
    const QStringList names = m_backups->selectedNames();
    Backend* backend = m_backups->backend();
    if (names.size() != 1 || !backend || m_backups->busy())
        return;
    const QString name = names.first();
    if (!m_backups->actsOn(name))
        return;
    m_backups->track<DrillReport>(tr("Restore drill"), name, backend->drill(name), [this, name](const DrillReport& r) {
        m_backups->banner()->show(r.ok() ? tr("%1 restores: %2 (%3 s).").arg(name, drillSummary(r)).arg(double(r.elapsedMs) / 1000.0, 0, 'f', 1)
                                         : tr("%1 would NOT restore: %2").arg(name, r.problems().join(QLatin1Char(' '))),
                                  r.ok() ? Banner::Kind::Success : Banner::Kind::Error);
    });
}

void MaintenanceController::previewPrune()
{
    Backend* backend = m_backups->backend();
    if (!backend || m_backups->busy())
        return;
    // Retention looks at every backup, not one page: gather all pages first.
    auto gathered = std::make_shared<QList<BackupItem>>();
    auto next = std::make_shared<std::function<void(int)>>();
    const quint64 generation = m_generation;
    *next = [this, gathered, next, generation, backend](int page) {
        auto job = backend->list(page, 1000);
        auto* watcher = new QFutureWatcher<Result<BackupPage>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, gathered, next, generation, page] {
            watcher->deleteLater();
            if (generation != m_generation)
                return;
            const auto result = watcher->result();
            if (!result) {
                m_backups->banner()->show(result.error().message, Banner::Kind::Error);
                return;
            }
            *gathered += result->items;
            if (page < result->totalPages)
                (*next)(page + 1);
            else
                showPruneVerdicts(*gathered);
        });
        watcher->setFuture(job.future);
    };
    (*next)(1);
}

void MaintenanceController::showPruneVerdicts(const QList<BackupItem>& all)
{
    const QString target = m_backups->backend()->describe();
    const quint64 generation = m_generation;
    auto* watcher = new QFutureWatcher<QList<RetentionDecision>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        QHash<QString, RetentionDecision> byName;
        m_pruneDeletes.clear();
        for (const RetentionDecision& d : watcher->result()) {
            byName.insert(d.backup.fileName, d);
            if (!d.keep)
                m_pruneDeletes.append(d.backup.fileName);
        }
        m_backups->model()->setRetention(byName);
        Q_EMIT retentionPreviewChanged(true);
        m_applyPrune->setText(tr("Delete %n Backup(s)…", nullptr, int(m_pruneDeletes.size())));
        updateActions();
        const QString text = m_pruneDeletes.isEmpty()
            ? tr("Prune preview (7 daily, 4 weekly, 12 monthly): all %n backup(s) are kept.", nullptr, int(byName.size()))
            : tr("Prune preview (7 daily, 4 weekly, 12 monthly): %1 of %n backup(s) would be deleted; see the Prune Preview "
                 "column.",
                 nullptr, int(byName.size()))
                  .arg(m_pruneDeletes.size());
        m_backups->banner()->show(text, Banner::Kind::Warning,
                                  m_pruneDeletes.isEmpty() ? QList<QAction*>{m_closePrune} : QList<QAction*>{m_applyPrune, m_closePrune});
    });
    watcher->setFuture(QtConcurrent::run(workers::pool(), [all, target] {
        return decideRetention(all, RetentionPolicy::recommended(),
                               PinStore(qEnvironmentVariable("FASTCMS_BACKUP_PINS_FILE", PinStore::defaultPath())).pinned(target));
    }));
}

void MaintenanceController::applyPrune()
{
    if (m_pruneDeletes.isEmpty())
        return;
    const QStringList names = m_pruneDeletes;
    m_backups->deleteBackups(names, [this] { closePrune(); });
}

void MaintenanceController::closePrune()
{
    const bool shown = m_backups->model()->hasRetentionPreview();
    m_pruneDeletes.clear();
    m_backups->model()->setRetention({});
    if (shown) {
        if (m_backups->banner()->kind() == Banner::Kind::Warning)
            m_backups->banner()->hide();
        Q_EMIT retentionPreviewChanged(false);
    }
    updateActions();
}

void MaintenanceController::pushOffsite()
{
    Backend* backend = m_backups->backend();
    const QString remote = offsiteTarget();
    if (!backend || !m_backups->capabilities().offsite || remote.isEmpty() || m_backups->busy())
        return;
    const QStringList names = m_backups->selectedNames();
    m_backups->track<OffsitePushResult>(tr("Copy off-site"), Offsite::displayName(remote), backend->pushOffsite(remote, names),
                                        [this, remote](const OffsitePushResult& r) {
                                            if (!r.failed.isEmpty()) {
                                                QStringList problems;
                                                for (const Error& e : r.failed)
                                                    problems.append(e.message);
                                                m_backups->banner()->show(tr("%n backup(s) copied; these were not: %1", nullptr, int(r.copied.size()))
                                                                              .arg(problems.join(QLatin1Char(' '))),
                                                                          Banner::Kind::Error);
                                                return;
                                            }
                                            m_backups->banner()->show(tr("%n backup(s) copied to %1; %2 already there.", nullptr,
                                                                         int(r.copied.size()))
                                                                          .arg(Offsite::displayName(remote))
                                                                          .arg(r.alreadyThere.size()),
                                                                      Banner::Kind::Success);
                                        });
}

void MaintenanceController::chooseOffsiteTarget()
{
    const auto answer = m_prompter->askText(m_window, tr("Off-site Target"),
                                            tr("An rclone remote and folder for off-site copies, such as s3:bucket/fastcms, "
                                               "a crypt remote for encryption at rest, or a folder (empty: none). rclone's own "
                                               "configuration keeps the credentials."),
                                            offsiteTarget());
    if (!answer)
        return;
    if (!answer->isEmpty()) {
        if (auto valid = Offsite::checkTarget(*answer); !valid) {
            m_backups->banner()->show(valid.error().message, Banner::Kind::Error);
            return;
        }
    }
    setOffsiteTarget(*answer);
}

void MaintenanceController::showSchedule()
{
    Backend* backend = m_backups->backend();
    if (!backend)
        return;
    ScheduleSpec spec;
    // The command-line tool next to the console, else the one on PATH.
    const QString sibling = QCoreApplication::applicationDirPath() + QStringLiteral("/fastcms-backup");
    spec.program = QFileInfo(sibling).isExecutable() ? sibling : QStandardPaths::findExecutable(QStringLiteral("fastcms-backup"));
    if (spec.program.isEmpty())
        spec.program = QStringLiteral("/usr/bin/fastcms-backup");
    spec.target = backend->describe();
    QString note;
    const Location where = backend->location();
    if (where.kind == Location::Kind::DataFolder) {
        const DataFolder& f = where.folder;
        spec.targetArgs = {QStringLiteral("--data-dir"), f.dataDir()};
        if (f.dbPath() != DataFolder(f.dataDir()).dbPath())
            spec.targetArgs << QStringLiteral("--db") << f.dbPath();
        if (f.filesDir() != DataFolder(f.dataDir()).filesDir())
            spec.targetArgs << QStringLiteral("--files-dir") << f.filesDir();
        if (f.backupsDir() != DataFolder(f.dataDir()).backupsDir())
            spec.targetArgs << QStringLiteral("--backups-dir") << f.backupsDir();
        if (!offsiteTarget().isEmpty())
            spec.createArgs << QStringLiteral("--offsite") << offsiteTarget();
    } else {
        // A timer cannot use the console's keychain: a token file that keeps itself current.
        const QUrl server = where.server;
        const QString tokens = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
            + QStringLiteral("/fastcms-backup/") + server.host() + QStringLiteral(".tokens");
        spec.targetArgs = {QStringLiteral("--server"), server.toString(QUrl::RemoveUserInfo), QStringLiteral("--token-file"), tokens};
        note = tr("First save a token file for the timer (it keeps itself current):\n%1")
                   .arg(QStringLiteral("%1 login --server %2 --email YOU --save-token %3")
                            .arg(spec.program, schedule::shellQuote(server.toString(QUrl::RemoveUserInfo)), schedule::shellQuote(tokens)));
    }
    if (!qEnvironmentVariableIsEmpty("RCLONE_CONFIG"))
        spec.environment << QStringLiteral("RCLONE_CONFIG=") + QFileInfo(qEnvironmentVariable("RCLONE_CONFIG")).absoluteFilePath();
    auto* dialog = new ScheduleDialog(spec, note, m_window);
    dialog->setObjectName(QStringLiteral("scheduleDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ScheduleDialog::installed, this, [this](bool ok) {
        if (ok)
            reloadAnnotations(); // the status bar now judges by this schedule
    });
    dialog->show();
}

void MaintenanceController::copyCurl(int action)
{
    Backend* backend = m_backups->backend();
    if (!backend || !m_backups->capabilities().copyAsCurl)
        return;
    const QStringList names = m_backups->selectedNames();
    const auto kind = curl::Action(action);
    if (kind != curl::Action::List && kind != curl::Action::Create && kind != curl::Action::Upload
        && (names.size() != 1 || !m_backups->actsOn(names.first())))
        return;
    // An upload names the zip to send: a placeholder for the user to replace.
    const QString backup = kind == curl::Action::Upload ? QStringLiteral("backup_YYYYMMDD_HHMMSS.zip") : names.value(0);
    const std::optional<QString> command = backend->curlCommand(kind, backup);
    if (!command)
        return;
    QApplication::clipboard()->setText(*command);
    m_backups->banner()->show(backend->location().usesApiKey
                                  ? tr("Copied a curl command; it reads the API key from $FASTCMS_API_KEY.")
                                  : tr("Copied a curl command; it reads the token from $FASTCMS_TOKEN."),
                              Banner::Kind::Info);
}

} // namespace fcb
