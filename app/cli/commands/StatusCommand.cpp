#include "commands/Commands.h"

#include "FileUtil.h"
#include "Format.h"
#include "backend/Backend.h"
#include "schedule/Schedule.h"

#include <QJsonArray>

namespace fcb {

using namespace cli;

namespace {

// The installed schedule's timer as status --json shows it; null when none is recorded.
QJsonValue timerJson(const TimerCheck& timer)
{
    if (timer.state == TimerCheck::State::None)
        return QJsonValue::Null;
    const bool inactive = timer.state == TimerCheck::State::Inactive;
    return QJsonObject { { QStringLiteral("timer"), timer.schedule.timer },
        { QStringLiteral("scope"),
            timer.schedule.scope == UnitScope::System ? QStringLiteral("system") : QStringLiteral("user") },
        { QStringLiteral("every"), ScheduleSpec::everyName(timer.schedule.every) },
        { QStringLiteral("state"), TimerCheck::stateName(timer.state) },
        { QStringLiteral("answer"), timer.answer },
        { QStringLiteral("start_command"), inactive ? timer.startCommand() : QString() } };
}

QString timerLine(const TimerCheck& timer)
{
    const QString every = ScheduleSpec::everyName(timer.schedule.every);
    switch (timer.state) {
    case TimerCheck::State::Active:
        return CommandLine::tr("Schedule:      %1, %2: active").arg(timer.schedule.timer, every);
    case TimerCheck::State::Inactive:
        return CommandLine::tr("Schedule:      %1 is not active; start it with: %2")
            .arg(timer.schedule.timer, timer.startCommand());
    case TimerCheck::State::Unknown:
        return CommandLine::tr("Schedule:      %1, %2: whether it is active is unknown (%3)")
            .arg(timer.schedule.timer, every,
                timer.answer.isEmpty() ? CommandLine::tr("systemctl did not say") : timer.answer);
    case TimerCheck::State::None:
        break;
    }
    return {};
}

// What status shows of a server, as text or JSON; health as decided by the caller.
void printServerStatus(
    CommandContext& cli, const BackendStatus& st, const TimerCheck& timer, const QJsonObject& health)
{
    if (cli.json()) {
        QJsonObject object { { QStringLiteral("server"), st.target },
            { QStringLiteral("backup_count"), st.backupCount },
            { QStringLiteral("restore_pending"), st.restorePending },
            { QStringLiteral("pending_backup"), st.pendingBackup },
            { QStringLiteral("pending_requested_at"), st.pendingRequestedAt } };
        insertNewest(object, st.newest);
        object.insert(QStringLiteral("schedule"), timerJson(timer));
        object.insert(QStringLiteral("health"), health);
        cli.printJson(object);
        return;
    }
    cli.printLine(CommandLine::tr("Server:        %1").arg(st.target));
    if (st.newest)
        cli.printLine(CommandLine::tr("Newest backup: %1, %2 (%3)")
                          .arg(st.newest->fileName, localTime(st.newest->created), age(st.newest->created)));
    else
        cli.printLine(CommandLine::tr("Newest backup: none"));
    cli.printLine(CommandLine::tr("Backups:       %n backup(s)", nullptr, int(st.backupCount)));
    if (st.restorePending)
        cli.printLine(
            CommandLine::tr("Restore:       %1 is staged (requested %2): restart the server to apply it")
                .arg(st.pendingBackup, st.pendingRequestedAt));
    else
        cli.printLine(CommandLine::tr("Restore:       none pending"));
    if (timer.state != TimerCheck::State::None)
        cli.printLine(timerLine(timer));
}

// What status shows of a local data folder, as text or JSON; health as decided by the caller.
void printFolderStatus(
    CommandContext& cli, const BackendStatus& st, const TimerCheck& timer, const QJsonObject& health)
{
    const FolderStatus& s = *st.local;
    if (cli.json()) {
        QJsonArray pids;
        for (qint64 pid : s.databasePids)
            pids.append(pid);
        QJsonObject object {
            { QStringLiteral("data_dir"), s.dataDir },
            { QStringLiteral("database"), s.dbPath },
            { QStringLiteral("database_exists"), s.databaseExists },
            { QStringLiteral("database_in_use"), s.databaseInUse },
            { QStringLiteral("database_pids"), pids },
            { QStringLiteral("restore_pending"), s.restorePending },
            { QStringLiteral("pending_backup"), s.pendingBackup },
            { QStringLiteral("pending_requested_at"), s.pendingRequestedAt },
            { QStringLiteral("staging_present"), s.stagingPresent },
            { QStringLiteral("apply_interrupted"), s.applyInterrupted },
            { QStringLiteral("lock_holder_pid"), s.lockHolderPid },
            { QStringLiteral("lock_holder_app"), s.lockHolderApp },
            { QStringLiteral("backup_count"), s.backupCount },
            { QStringLiteral("backups_bytes"), s.backupsTotalBytes },
            { QStringLiteral("free_bytes"), s.freeBytes },
        };
        insertNewest(object, s.newest);
        object.insert(QStringLiteral("schedule"), timerJson(timer));
        object.insert(QStringLiteral("health"), health);
        cli.printJson(object);
        return;
    }
    QStringList pidList;
    for (qint64 p : s.databasePids)
        pidList.append(QString::number(p));
    cli.printLine(CommandLine::tr("Data folder:   %1").arg(s.dataDir));
    cli.printLine(
        CommandLine::tr("Database:      %1 (%2)")
            .arg(s.dbPath,
                !s.databaseExists ? CommandLine::tr("missing")
                    : s.databaseInUse
                    ? CommandLine::tr("in use by process %1")
                          .arg(pidList.isEmpty() ? CommandLine::tr("?") : pidList.join(QStringLiteral(", ")))
                    : CommandLine::tr("not open: the server looks stopped")));
    if (s.newest)
        cli.printLine(CommandLine::tr("Newest backup: %1, %2 (%3)")
                          .arg(s.newest->fileName, localTime(s.newest->created), age(s.newest->created)));
    else
        cli.printLine(CommandLine::tr("Newest backup: none"));
    cli.printLine(CommandLine::tr("Backups:       %n backup(s), %1; %2 free", nullptr, int(s.backupCount))
                      .arg(files::humanSize(s.backupsTotalBytes),
                          s.freeBytes >= 0 ? files::humanSize(s.freeBytes) : CommandLine::tr("unknown")));
    if (s.applyInterrupted)
        cli.printLine(
            CommandLine::tr("Restore:       INTERRUPTED: run 'fastcms-backup apply-restore' to finish it "
                            "(or add --abandon to undo it)"));
    else if (s.restorePending)
        cli.printLine(
            CommandLine::tr("Restore:       %1 is staged (requested %2): restart the server to apply it")
                .arg(s.pendingBackup, s.pendingRequestedAt));
    else
        cli.printLine(CommandLine::tr("Restore:       none pending"));
    if (s.lockHolderPid > 0)
        cli.printLine(CommandLine::tr("Busy:          %1 (process %2) is working on this folder")
                          .arg(s.lockHolderApp)
                          .arg(s.lockHolderPid));
    if (timer.state != TimerCheck::State::None)
        cli.printLine(timerLine(timer));
}

// What status shows of a backend.
void printStatus(
    CommandContext& cli, const BackendStatus& st, const TimerCheck& timer, const QJsonObject& health)
{
    if (st.local)
        printFolderStatus(cli, st, timer, health);
    else
        printServerStatus(cli, st, timer, health);
}

} // namespace

int StatusCommand::run(CommandContext& cli, const QStringList&)
{
    watch<BackendStatus>(cli, cli.backend().status(), [&cli](const BackendStatus& s) {
        // Health, for monitoring: exit codes only with --check.
        // The schedule this target was given decides, unless --max-age does.
        const qint64 maxAgeHours = cli.isSet(QStringLiteral("max-age"))
            ? cli.value(QStringLiteral("max-age")).toLongLong()
            : allowedBackupAge(s.target) / 3600;
        const qint64 age = s.newest ? s.newest->created.secsTo(QDateTime::currentDateTimeUtc()) : -1;
        const bool stale = !s.newest || age > maxAgeHours * 3600;
        const qint64 freeBytes = s.local ? s.local->freeBytes : -1;
        const bool lowSpace = s.newest && freeBytes >= 0 && freeBytes < 2 * s.newest->sizeBytes;
        // A stopped timer makes no more backups, though the newest may still be recent.
        const TimerCheck timer = schedule::checkTimer(ScheduleStore().installed(s.target));
        const bool timerInactive = timer.state == TimerCheck::State::Inactive;
        const QJsonObject health { { QStringLiteral("healthy"), !stale && !lowSpace && !timerInactive },
            { QStringLiteral("stale"), stale }, { QStringLiteral("low_space"), lowSpace },
            { QStringLiteral("schedule_inactive"), timerInactive },
            { QStringLiteral("max_age_hours"), maxAgeHours } };
        printStatus(cli, s, timer, health);
        if (!cli.json()) {
            if (stale)
                cli.printLine(s.newest
                        ? CommandLine::tr("Health:        STALE: the newest backup is older than %n hour(s)",
                            nullptr, int(maxAgeHours))
                        : CommandLine::tr("Health:        STALE: there is no backup"));
            if (lowSpace)
                cli.printLine(CommandLine::tr(
                    "Health:        LOW SPACE: %1 free, less than twice the newest backup (%2)")
                                  .arg(files::humanSize(freeBytes), files::humanSize(s.newest->sizeBytes)));
            if (!stale && !lowSpace && !timerInactive)
                cli.printLine(CommandLine::tr("Health:        OK"));
        }
        cli.finish(!cli.isSet(QStringLiteral("check")) ? ExitCode::Success
                : stale                                ? ExitCode::Stale
                : lowSpace                             ? ExitCode::LowSpace
                : timerInactive                        ? ExitCode::ScheduleInactive
                                                       : ExitCode::Success);
    });
    return -1;
}
} // namespace fcb
