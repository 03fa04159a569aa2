#include "commands/Commands.h"

#include "Format.h"
#include "backend/Backend.h"

namespace fcb {

using namespace cli;

int StageRestoreCommand::run(CommandContext& cli, const QStringList& args)
{
    watch<StageResult>(cli, cli.backend().stageRestore(args.first()), [&cli](const StageResult& r) {
        if (cli.json()) {
            cli.printJson({ { QStringLiteral("status"), QStringLiteral("pending_restart") },
                { QStringLiteral("backup_filename"), r.marker.backupFilename },
                { QStringLiteral("requested_at"), r.marker.requestedAt },
                { QStringLiteral("staging_path"), r.marker.stagingPath },
                { QStringLiteral("report"), reportJson(r.report) } });
        } else if (!cli.quiet()) {
            cli.printLine(CommandLine::tr("Staged %1 for restore.").arg(r.marker.backupFilename));
            cli.printLine(
                CommandLine::tr("Restart the FastCMS server to apply it, or stop the server and run "
                                "'fastcms-backup apply-restore'."));
        }
        cli.finish(ExitCode::Success);
    });
    return -1;
}

} // namespace fcb
