#include "commands/Commands.h"

#include "backend/Backend.h"

namespace fcb {

int DeleteCommand::run(CommandContext& cli, const QStringList& args)
{
    const QString name = args.first();
    watch<void>(cli, cli.backend().remove(name), [&cli, name] {
        if (cli.json())
            cli.printJson({ { QStringLiteral("deleted"), true }, { QStringLiteral("filename"), name } });
        else if (!cli.quiet())
            cli.printLine(CommandLine::tr("Deleted %1.").arg(name));
        cli.finish(ExitCode::Success);
    });
    return -1;
}

} // namespace fcb
