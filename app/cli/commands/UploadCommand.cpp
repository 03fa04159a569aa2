#include "commands/Commands.h"

#include "FileUtil.h"
#include "Format.h"
#include "backend/Backend.h"

namespace fcb {

using namespace cli;

int UploadCommand::run(CommandContext& cli, const QStringList& args)
{
    watch<BackupItem>(cli, cli.backend().upload(args.first()), [&cli](const BackupItem& item) {
        if (cli.json())
            cli.printJson({ { QStringLiteral("backup"), itemJson(item) } });
        else if (!cli.quiet())
            cli.printLine(
                CommandLine::tr("Added %1 (%2).").arg(item.fileName, files::humanSize(item.sizeBytes)));
        cli.finish(ExitCode::Success);
    });
    return -1;
}

} // namespace fcb
