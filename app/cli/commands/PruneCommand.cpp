#include "commands/Commands.h"

#include "backend/Backend.h"
#include "retention/Retention.h"

#include <QJsonArray>

namespace fcb {

namespace {

void pruneDelete(CommandContext& cli, QList<RetentionDecision> decisions, int index, int deleted);

void runPrune(CommandContext& cli, QList<BackupItem> gathered, int page)
{
    // Every page first (retention looks at all backups), then the verdicts, then the deletions.
    watch<BackupPage>(cli, cli.backend().list(page, 1000), [&cli, gathered, page](const BackupPage& p) {
        QList<BackupItem> all = gathered + p.items;
        if (page < p.totalPages) {
            runPrune(cli, all, page + 1);
            return;
        }
        RetentionPolicy policy;
        bool any = false;
        for (const auto& [option, field] : QList<QPair<QString, int RetentionPolicy::*>> {
                 { QStringLiteral("keep-last"), &RetentionPolicy::keepLast },
                 { QStringLiteral("keep-daily"), &RetentionPolicy::keepDaily },
                 { QStringLiteral("keep-weekly"), &RetentionPolicy::keepWeekly },
                 { QStringLiteral("keep-monthly"), &RetentionPolicy::keepMonthly },
                 { QStringLiteral("keep-yearly"), &RetentionPolicy::keepYearly } }) {
            if (!cli.isSet(option))
                continue;
            bool numeric = false;
            policy.*field = cli.value(option).toInt(&numeric);
            if (!numeric || policy.*field < 0) {
                cli.fail(
                    Error::make(ErrorCode::Usage, CommandLine::tr("--%1 takes a whole number.").arg(option)));
                return;
            }
            any = true;
        }
        if (!any)
            policy = RetentionPolicy::recommended();
        const PinStore pins(qEnvironmentVariable("FASTCMS_BACKUP_PINS_FILE", PinStore::defaultPath()));
        const auto decisions = decideRetention(all, policy, pins.pinned(cli.backend().describe()));
        const bool dryRun = cli.isSet(QStringLiteral("dry-run"));
        if (!cli.json() && (!cli.quiet() || dryRun)) {
            for (const RetentionDecision& d : decisions)
                cli.printLine((d.keep ? CommandLine::tr("keep   ") : CommandLine::tr("delete "))
                    + d.backup.fileName
                    + (d.reasons.isEmpty() ? QString()
                                           : QStringLiteral("  (") + d.reasons.join(QStringLiteral(", "))
                                + QLatin1Char(')')));
        }
        if (dryRun) {
            if (cli.json()) {
                QJsonArray rows;
                for (const RetentionDecision& d : decisions)
                    rows.append(QJsonObject { { QStringLiteral("filename"), d.backup.fileName },
                        { QStringLiteral("keep"), d.keep },
                        { QStringLiteral("reasons"), QJsonArray::fromStringList(d.reasons) } });
                cli.printJson({ { QStringLiteral("dry_run"), true }, { QStringLiteral("decisions"), rows } });
            }
            cli.finish(ExitCode::Success);
            return;
        }
        pruneDelete(cli, decisions, 0, 0);
    });
}

void pruneDelete(CommandContext& cli, QList<RetentionDecision> decisions, int index, int deleted)
{
    while (index < decisions.size() && decisions[index].keep)
        ++index;
    if (index >= decisions.size()) {
        if (cli.json())
            cli.printJson({ { QStringLiteral("deleted"), deleted },
                { QStringLiteral("kept"), int(decisions.size()) - deleted } });
        else if (!cli.quiet())
            cli.printLine(CommandLine::tr("Deleted %1 of %2 backups.").arg(deleted).arg(decisions.size()));
        cli.finish(ExitCode::Success);
        return;
    }
    const QString name = decisions[index].backup.fileName;
    watch<void>(cli, cli.backend().remove(name),
        [&cli, decisions, index, deleted] { pruneDelete(cli, decisions, index + 1, deleted + 1); });
}

} // namespace

int PruneCommand::run(CommandContext& cli, const QStringList&)
{
    runPrune(cli, {}, 1);
    return -1;
}

} // namespace fcb
