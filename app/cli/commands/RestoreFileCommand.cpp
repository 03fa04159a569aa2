#include "commands/Commands.h"

#include "FileUtil.h"
#include "Format.h"
#include "backend/Backend.h"

namespace fcb {

using namespace cli;

QString RestoreFileCommand::refusalOnServer() const
{
    return CommandLine::tr("%1 puts an upload back into a local data folder; a server's API offers no way "
                           "to do that.")
        .arg(name());
}

int RestoreFileCommand::run(CommandContext& cli, const QStringList& args)
{
    watch<RestoreFileResult>(
        cli, cli.backend().restoreFile(args.at(0), args.at(1)), [&cli](const RestoreFileResult& r) {
            if (cli.json()) {
                cli.printJson({ { QStringLiteral("path"), r.path },
                    { QStringLiteral("live_path"), r.livePath },
                    { QStringLiteral("kept_as"), r.keptAs.isEmpty() ? QJsonValue() : QJsonValue(r.keptAs) },
                    { QStringLiteral("bytes"), r.bytes } });
            } else if (!cli.quiet()) {
                cli.printLine(CommandLine::tr("Restored %1 (%2) to %3.")
                                  .arg(printable(r.path), files::humanSize(r.bytes), r.livePath));
                if (!r.keptAs.isEmpty())
                    cli.printLine(CommandLine::tr("The file that was there is kept as %1.").arg(r.keptAs));
            }
            cli.finish(ExitCode::Success);
        });
    return -1;
}

} // namespace fcb
