#include "CliFormat.h"
#include "CliWatch.h"
#include "FileUtil.h"
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
    return QJsonObject{{QStringLiteral("timer"), timer.schedule.timer},
                       {QStringLiteral("scope"), timer.schedule.scope == UnitScope::System ? QStringLiteral("system")
                                                                                          : QStringLiteral("user")},
                       {QStringLiteral("every"), ScheduleSpec::everyName(timer.schedule.every)},
                       {QStringLiteral("state"), TimerCheck::stateName(timer.state)},
                       {QStringLiteral("answer"), timer.answer},
                       {QStringLiteral("start_command"), inactive ? timer.startCommand() : QString()}};
}

QString timerLine(const TimerCheck& timer)
{
    const QString every = ScheduleSpec::everyName(timer.schedule.every);
    switch (timer.state) {
    case TimerCheck::State::Active:
        return CommandLine::tr("Schedule:      %1, %2: active").arg(timer.schedule.timer, every);
    case TimerCheck::State::Inactive:
        return CommandLine::tr("Schedule:      %1 is not active; start it with: %2").arg(timer.schedule.timer, timer.startCommand());
    case TimerCheck::State::Unknown:
        return CommandLine::tr("Schedule:      %1, %2: whether it is active is unknown (%3)")
            .arg(timer.schedule.timer, every, timer.answer.isEmpty() ? CommandLine::tr("systemctl did not say") : timer.answer);
    case TimerCheck::State::None:
        break;
    }
    return {};
}

} // namespace

void CommandLine::printDrill(const DrillReport& r)
{
    if (m_json) {
        QJsonArray tables;
        for (const DrillTable& t : r.tables)
            tables.append(QJsonObject{{QStringLiteral("name"), t.name}, {QStringLiteral("rows"), t.rows}});
        printJson({{QStringLiteral("filename"), r.fileName},
                   {QStringLiteral("restores"), r.ok()},
                   {QStringLiteral("problems"), QJsonArray::fromStringList(r.problems())},
                   {QStringLiteral("finished_at"), isoUtc(r.finishedAt)},
                   {QStringLiteral("elapsed_ms"), r.elapsedMs},
                   {QStringLiteral("extracted_files"), r.extractedFiles},
                   {QStringLiteral("extracted_bytes"), r.extractedBytes},
                   {QStringLiteral("foreign_key_violations"), r.foreignKeyViolations},
                   {QStringLiteral("tables"), tables},
                   {QStringLiteral("report"), reportJson(r.verify)}});
    } else {
        for (const VerifyCheck& check : r.verify.checks)
            printLine(checkLine(check));
        if (r.verify.ok()) {
            printLine((r.foreignKeyViolations == 0 ? QStringLiteral("ok    ") : QStringLiteral("FAIL  "))
                      + CommandLine::tr("Foreign keys: %n violation(s)", nullptr, int(r.foreignKeyViolations)));
            printLine(CommandLine::tr("Restored %n file(s), %1:", nullptr, int(r.extractedFiles)).arg(files::humanSize(r.extractedBytes)));
            int width = 5;
            for (const DrillTable& t : r.tables)
                width = qMax(width, int(t.name.size()));
            for (const DrillTable& t : r.tables)
                printLine(QStringLiteral("  ") + t.name.leftJustified(width + 2) + QString::number(t.rows).rightJustified(10)
                          + QLatin1Char(' ') + CommandLine::tr("rows"));
        }
        printLine(r.ok() ? CommandLine::tr("%1 restores: drill passed in %2 s.").arg(r.fileName).arg(double(r.elapsedMs) / 1000.0, 0, 'f', 1)
                         : CommandLine::tr("%1 would NOT restore: %2").arg(r.fileName, r.problems().join(QLatin1Char(' '))));
    }
    finish(r.ok() ? ExitCode::Success : ExitCode::BadArchive);
}

void CommandLine::printStatus(const BackendStatus& st, const TimerCheck& timer)
{
    if (!st.local) {
        if (m_json) {
            QJsonObject object{{QStringLiteral("server"), st.target},
                               {QStringLiteral("backup_count"), st.backupCount},
                               {QStringLiteral("restore_pending"), st.restorePending},
                               {QStringLiteral("pending_backup"), st.pendingBackup},
                               {QStringLiteral("pending_requested_at"), st.pendingRequestedAt}};
            insertNewest(object, st.newest);
            object.insert(QStringLiteral("schedule"), timerJson(timer));
            object.insert(QStringLiteral("health"), m_health);
            printJson(object);
            return;
        }
        printLine(CommandLine::tr("Server:        %1").arg(st.target));
        if (st.newest)
            printLine(CommandLine::tr("Newest backup: %1, %2 (%3)").arg(st.newest->fileName, localTime(st.newest->created), age(st.newest->created)));
        else
            printLine(CommandLine::tr("Newest backup: none"));
        printLine(CommandLine::tr("Backups:       %n backup(s)", nullptr, int(st.backupCount)));
        if (st.restorePending)
            printLine(CommandLine::tr("Restore:       %1 is staged (requested %2): restart the server to apply it")
                          .arg(st.pendingBackup, st.pendingRequestedAt));
        else
            printLine(CommandLine::tr("Restore:       none pending"));
        if (timer.state != TimerCheck::State::None)
            printLine(timerLine(timer));
        return;
    }
    const FolderStatus& s = *st.local;
    if (m_json) {
        QJsonArray pids;
        for (qint64 pid : s.databasePids)
            pids.append(pid);
        QJsonObject object{
            {QStringLiteral("data_dir"), s.dataDir},
            {QStringLiteral("database"), s.dbPath},
            {QStringLiteral("database_exists"), s.databaseExists},
            {QStringLiteral("database_in_use"), s.databaseInUse},
            {QStringLiteral("database_pids"), pids},
            {QStringLiteral("restore_pending"), s.restorePending},
            {QStringLiteral("pending_backup"), s.pendingBackup},
            {QStringLiteral("pending_requested_at"), s.pendingRequestedAt},
            {QStringLiteral("staging_present"), s.stagingPresent},
            {QStringLiteral("apply_interrupted"), s.applyInterrupted},
            {QStringLiteral("lock_holder_pid"), s.lockHolderPid},
            {QStringLiteral("lock_holder_app"), s.lockHolderApp},
            {QStringLiteral("backup_count"), s.backupCount},
            {QStringLiteral("backups_bytes"), s.backupsTotalBytes},
            {QStringLiteral("free_bytes"), s.freeBytes},
        };
        insertNewest(object, s.newest);
        object.insert(QStringLiteral("schedule"), timerJson(timer));
        object.insert(QStringLiteral("health"), m_health);
        printJson(object);
        return;
    }
    QStringList pidList;
    for (qint64 p : s.databasePids)
        pidList.append(QString::number(p));
    printLine(CommandLine::tr("Data folder:   %1").arg(s.dataDir));
    printLine(CommandLine::tr("Database:      %1 (%2)")
                  .arg(s.dbPath, !s.databaseExists ? CommandLine::tr("missing")
                                 : s.databaseInUse ? CommandLine::tr("in use by process %1")
                                                         .arg(pidList.isEmpty() ? CommandLine::tr("?") : pidList.join(QStringLiteral(", ")))
                                                   : CommandLine::tr("not open: the server looks stopped")));
    if (s.newest)
        printLine(CommandLine::tr("Newest backup: %1, %2 (%3)").arg(s.newest->fileName, localTime(s.newest->created), age(s.newest->created)));
    else
        printLine(CommandLine::tr("Newest backup: none"));
    printLine(CommandLine::tr("Backups:       %n backup(s), %1; %2 free", nullptr, int(s.backupCount))
                  .arg(files::humanSize(s.backupsTotalBytes), s.freeBytes >= 0 ? files::humanSize(s.freeBytes) : CommandLine::tr("unknown")));
    if (s.applyInterrupted)
        printLine(CommandLine::tr("Restore:       INTERRUPTED: run 'fastcms-backup apply-restore' to finish it "
                                  "(or add --abandon to undo it)"));
    else if (s.restorePending)
        printLine(CommandLine::tr("Restore:       %1 is staged (requested %2): restart the server to apply it")
                      .arg(s.pendingBackup, s.pendingRequestedAt));
    else
        printLine(CommandLine::tr("Restore:       none pending"));
    if (s.lockHolderPid > 0)
        printLine(CommandLine::tr("Busy:          %1 (process %2) is working on this folder").arg(s.lockHolderApp).arg(s.lockHolderPid));
    if (timer.state != TimerCheck::State::None)
        printLine(timerLine(timer));
}

void CommandLine::runPrune(QList<BackupItem> gathered, int page)
{
    // Every page first (retention looks at all backups), then the verdicts, then the deletions.
    watch<BackupPage>(m_backend->list(page, 1000), [this, gathered, page](const BackupPage& p) {
        QList<BackupItem> all = gathered + p.items;
        if (page < p.totalPages) {
            runPrune(all, page + 1);
            return;
        }
        RetentionPolicy policy;
        bool any = false;
        for (const auto& [option, field] : QList<QPair<QString, int RetentionPolicy::*>>{
                 {QStringLiteral("keep-last"), &RetentionPolicy::keepLast},
                 {QStringLiteral("keep-daily"), &RetentionPolicy::keepDaily},
                 {QStringLiteral("keep-weekly"), &RetentionPolicy::keepWeekly},
                 {QStringLiteral("keep-monthly"), &RetentionPolicy::keepMonthly},
                 {QStringLiteral("keep-yearly"), &RetentionPolicy::keepYearly}}) {
            if (!m_parser.isSet(option))
                continue;
            bool numeric = false;
            policy.*field = m_parser.value(option).toInt(&numeric);
            if (!numeric || policy.*field < 0) {
                fail(Error::make(ErrorCode::Usage, CommandLine::tr("--%1 takes a whole number.").arg(option)));
                return;
            }
            any = true;
        }
        if (!any)
            policy = RetentionPolicy::recommended();
        const PinStore pins(qEnvironmentVariable("FASTCMS_BACKUP_PINS_FILE", PinStore::defaultPath()));
        const auto decisions = decideRetention(all, policy, pins.pinned(m_backend->describe()));
        const bool dryRun = m_parser.isSet(QStringLiteral("dry-run"));
        if (!m_json && (!m_quiet || dryRun)) {
            for (const RetentionDecision& d : decisions)
                printLine((d.keep ? CommandLine::tr("keep   ") : CommandLine::tr("delete ")) + d.backup.fileName
                          + (d.reasons.isEmpty() ? QString() : QStringLiteral("  (") + d.reasons.join(QStringLiteral(", ")) + QLatin1Char(')')));
        }
        if (dryRun) {
            if (m_json) {
                QJsonArray rows;
                for (const RetentionDecision& d : decisions)
                    rows.append(QJsonObject{{QStringLiteral("filename"), d.backup.fileName},
                                            {QStringLiteral("keep"), d.keep},
                                            {QStringLiteral("reasons"), QJsonArray::fromStringList(d.reasons)}});
                printJson({{QStringLiteral("dry_run"), true}, {QStringLiteral("decisions"), rows}});
            }
            finish(ExitCode::Success);
            return;
        }
        pruneDelete(decisions, 0, 0);
    });
}

void CommandLine::pruneDelete(QList<RetentionDecision> decisions, int index, int deleted)
{
    while (index < decisions.size() && decisions[index].keep)
        ++index;
    if (index >= decisions.size()) {
        if (m_json)
            printJson({{QStringLiteral("deleted"), deleted}, {QStringLiteral("kept"), int(decisions.size()) - deleted}});
        else if (!m_quiet)
            printLine(CommandLine::tr("Deleted %1 of %2 backups.").arg(deleted).arg(decisions.size()));
        finish(ExitCode::Success);
        return;
    }
    const QString name = decisions[index].backup.fileName;
    watch<void>(m_backend->remove(name), [this, decisions, index, deleted] {
        pruneDelete(decisions, index + 1, deleted + 1);
    });
}

} // namespace fcb
