#include "commands/Commands.h"

#include "Format.h"
#include "backend/Backend.h"

#include <QFileInfo>

namespace fcb {

using namespace cli;

int VerifyCommand::run(CommandContext& cli, const QStringList& args)
{
    watch<VerifyReport>(cli, cli.backend().verify(args.first()), [&cli](const VerifyReport& r) {
        if (cli.json()) {
            cli.printJson({ { QStringLiteral("report"), reportJson(r) } });
        } else {
            for (const VerifyCheck& check : r.checks)
                cli.printLine(checkLine(check));
            cli.printLine(r.ok()
                    ? CommandLine::tr("%1 is a sound backup.").arg(QFileInfo(r.path).fileName())
                    : CommandLine::tr("%1 FAILED verification.").arg(QFileInfo(r.path).fileName()));
        }
        cli.finish(r.ok() ? ExitCode::Success : ExitCode::BadArchive);
    });
    return -1;
}

} // namespace fcb
