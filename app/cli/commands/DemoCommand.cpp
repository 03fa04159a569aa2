#include "commands/Commands.h"

#include "backend/Backend.h"
#include "demo/DemoData.h"

namespace fcb {

QString DemoCommand::refusalOnServer() const
{
    return CommandLine::tr("%1 works on a local data folder; a server applies staged "
                           "restores itself when it restarts.")
        .arg(name());
}

int DemoCommand::run(CommandContext& cli, const QStringList&)
{
    const QString dataDir = cli.backend().location().folder.dataDir();
    auto made = demo::createDataFolder(dataDir);
    if (!made) {
        cli.fail(made.error());
        return -1;
    }
    if (cli.json())
        cli.printJson({ { QStringLiteral("data_dir"), dataDir }, { QStringLiteral("created"), *made } });
    else if (!cli.quiet())
        cli.printLine(*made ? CommandLine::tr("Created a demo data folder at %1.").arg(dataDir)
                            : CommandLine::tr("%1 already has a database; left it as it is.").arg(dataDir));
    return ExitCode::Success;
}

} // namespace fcb
