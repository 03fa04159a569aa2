#include "commands/Commands.h"

#include "backend/Backend.h"
#include "retention/Retention.h"

namespace fcb {

int PinCommand::run(CommandContext& cli, const QStringList& args)
{
    const QString name = args.first();
    PinStore pins(qEnvironmentVariable("FASTCMS_BACKUP_PINS_FILE", PinStore::defaultPath()));
    if (auto set = pins.setPinned(cli.backend().describe(), name, m_pin); !set) {
        cli.fail(set.error());
        return -1;
    }
    if (cli.json())
        cli.printJson({ { QStringLiteral("filename"), name }, { QStringLiteral("pinned"), m_pin } });
    else if (!cli.quiet())
        cli.printLine(m_pin ? CommandLine::tr("%1 is pinned: prune keeps it.").arg(name)
                            : CommandLine::tr("%1 is no longer pinned.").arg(name));
    return ExitCode::Success;
}

} // namespace fcb
