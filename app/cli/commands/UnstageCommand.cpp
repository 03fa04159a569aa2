#include "commands/Commands.h"

#include "backend/Backend.h"

namespace fcb {

int UnstageCommand::run(CommandContext& cli, const QStringList&)
{
    watch<void>(cli, cli.backend().unstageRestore(), [&cli] {
        if (cli.json())
            cli.printJson({ { QStringLiteral("unstaged"), true } });
        else if (!cli.quiet())
            cli.printLine(CommandLine::tr("The staged restore was removed; FastCMS will start normally."));
        cli.finish(ExitCode::Success);
    });
    return -1;
}

} // namespace fcb
