#include "commands/Commands.h"

#include "backend/Backend.h"

namespace fcb {

namespace {

// --abandon: the interrupted apply undone.
void abandon(CommandContext& cli)
{
    watch<AbandonResult>(cli, cli.backend().abandonInterruptedApply(), [&cli](const AbandonResult& r) {
        if (cli.json()) {
            cli.printJson({ { QStringLiteral("abandoned"), true },
                { QStringLiteral("backup_filename"), r.backupFilename },
                { QStringLiteral("staged_again"), r.stagedAgain } });
        } else if (!cli.quiet() && r.stagedAgain) {
            cli.printLine(
                CommandLine::tr("The interrupted restore was undone; the data folder is as it was before, "
                                "and the restore is staged again."));
        } else if (!cli.quiet()) {
            cli.printLine(
                CommandLine::tr("The interrupted restore was undone; the data folder is as it was before. "
                                "The restore is no longer staged: its staged files had already been "
                                "removed. To restore %1 after all, run 'fastcms-backup stage-restore %1'.")
                    .arg(r.backupFilename));
        }
        cli.finish(ExitCode::Success);
    });
}

} // namespace

QString ApplyRestoreCommand::refusalOnServer() const
{
    return CommandLine::tr("%1 works on a local data folder; a server applies staged "
                           "restores itself when it restarts.")
        .arg(name());
}

int ApplyRestoreCommand::run(CommandContext& cli, const QStringList&)
{
    if (cli.isSet(QStringLiteral("abandon"))) {
        abandon(cli);
        return -1;
    }
    watch<ApplyResult>(cli, cli.backend().applyRestore(), [&cli](const ApplyResult& r) {
        if (cli.json()) {
            cli.printJson({ { QStringLiteral("backup_filename"), r.backupFilename },
                { QStringLiteral("files_replaced"), r.filesReplaced },
                { QStringLiteral("resumed"), r.resumed },
                { QStringLiteral("safety_database"), r.safetyDatabase },
                { QStringLiteral("safety_files"), r.safetyFiles } });
        } else if (!cli.quiet()) {
            cli.printLine(r.resumed
                    ? CommandLine::tr("Finished the interrupted restore of %1.").arg(r.backupFilename)
                    : CommandLine::tr("Restored %1.").arg(r.backupFilename));
            cli.printLine(CommandLine::tr("The previous database is kept as %1.").arg(r.safetyDatabase));
            if (!r.safetyFiles.isEmpty())
                cli.printLine(CommandLine::tr("The previous files are kept in %1.").arg(r.safetyFiles));
        }
        cli.finish(ExitCode::Success);
    });
    return -1;
}

} // namespace fcb
