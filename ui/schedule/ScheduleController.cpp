#include "ScheduleController.h"

#include "WorkerPool.h"
#include "backups/BackupsController.h"
#include "offsite/OffsiteTargets.h"
#include "schedule/Schedule.h"
#include "schedule/ScheduleDialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QtConcurrent>

namespace fcb {

ScheduleController::ScheduleController(const FeatureParts& parts)
    : FeatureController(parts)
{
    m_schedule = makeAction("actionSchedule", tr("&Schedule Backups…"), {},
        tr("A systemd timer or crontab line that backs up and prunes"), [this] { showSchedule(); });
    connect(m_parts.backups, &BackupsController::refreshed, this, &ScheduleController::reloadAllowedAge);
    updateActions();
}

void ScheduleController::updateActions()
{
    m_schedule->setEnabled(m_parts.backups->backend() != nullptr);
}

void ScheduleController::reloadAllowedAge()
{
    Backend* backend = m_parts.backups->backend();
    if (!backend)
        return;
    readInBackground([target = backend->describe()] { return fcb::allowedBackupAge(target); },
        [this](qint64 allowed) {
            m_allowedAge = allowed;
            Q_EMIT allowedAgeLoaded();
        });
}

void ScheduleController::showSchedule()
{
    Backend* backend = m_parts.backups->backend();
    if (!backend)
        return;
    ScheduleSpec spec;
    // The command-line tool next to the console, else the one on PATH.
    const QString sibling = QCoreApplication::applicationDirPath() + QStringLiteral("/fastcms-backup");
    spec.program = QFileInfo(sibling).isExecutable()
        ? sibling
        : QStandardPaths::findExecutable(QStringLiteral("fastcms-backup"));
    if (spec.program.isEmpty())
        spec.program = QStringLiteral("/usr/bin/fastcms-backup");
    spec.target = backend->describe();
    QString note;
    const Location where = backend->location();
    if (where.kind == Location::Kind::DataFolder) {
        const DataFolder& f = where.folder;
        spec.targetArgs = { QStringLiteral("--data-dir"), f.dataDir() };
        if (f.dbPath() != DataFolder(f.dataDir()).dbPath())
            spec.targetArgs << QStringLiteral("--db") << f.dbPath();
        if (f.filesDir() != DataFolder(f.dataDir()).filesDir())
            spec.targetArgs << QStringLiteral("--files-dir") << f.filesDir();
        if (f.backupsDir() != DataFolder(f.dataDir()).backupsDir())
            spec.targetArgs << QStringLiteral("--backups-dir") << f.backupsDir();
        if (const QString remote = offsite::targetFor(backend); !remote.isEmpty())
            spec.createArgs << QStringLiteral("--offsite") << remote;
    } else {
        // A timer cannot use the console's keychain: a token file that keeps itself current.
        const QUrl server = where.server;
        const QString tokens = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
            + QStringLiteral("/fastcms-backup/") + server.host() + QStringLiteral(".tokens");
        spec.targetArgs = { QStringLiteral("--server"), server.toString(QUrl::RemoveUserInfo),
            QStringLiteral("--token-file"), tokens };
        note = tr("First save a token file for the timer (it keeps itself current):\n%1")
                   .arg(QStringLiteral("%1 login --server %2 --email YOU --save-token %3")
                            .arg(spec.program, schedule::shellQuote(server.toString(QUrl::RemoveUserInfo)),
                                schedule::shellQuote(tokens)));
    }
    if (!qEnvironmentVariableIsEmpty("RCLONE_CONFIG"))
        spec.environment << QStringLiteral("RCLONE_CONFIG=")
                + QFileInfo(qEnvironmentVariable("RCLONE_CONFIG")).absoluteFilePath();
    auto* dialog = new ScheduleDialog(spec, note, m_parts.window);
    dialog->setObjectName(QStringLiteral("scheduleDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ScheduleDialog::installed, this, [this](bool ok) {
        if (ok)
            reloadAllowedAge(); // the status bar now judges by this schedule
    });
    dialog->show();
}

} // namespace fcb
