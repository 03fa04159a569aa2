#include "commands/Commands.h"

#include "FileUtil.h"
#include "Format.h"
#include "backend/Backend.h"

namespace fcb {

using namespace cli;

int DownloadCommand::run(CommandContext& cli, const QStringList& args)
{
    watch<DownloadResult>(cli, cli.backend().download(args.first(), cli.value(QStringLiteral("output"))),
        [&cli](const DownloadResult& r) {
            const bool sound = r.report && r.report->ok();
            if (cli.json()) {
                QJsonObject object { { QStringLiteral("path"), r.path }, { QStringLiteral("bytes"), r.bytes },
                    { QStringLiteral("resumed"), r.resumed } };
                if (r.report)
                    object.insert(QStringLiteral("report"), reportJson(*r.report));
                cli.printJson(object);
            } else if (!cli.quiet() || !sound) {
                cli.printLine(CommandLine::tr("Saved %1 (%2)%3.")
                                  .arg(r.path, files::humanSize(r.bytes),
                                      r.resumed ? CommandLine::tr(", resumed") : QString()));
                cli.printLine(sound
                        ? CommandLine::tr("The download verifies.")
                        : CommandLine::tr("The download FAILED verification: %1")
                              .arg(r.report ? r.report->problems().join(QLatin1Char(' ')) : QString()));
            }
            cli.finish(sound ? ExitCode::Success : ExitCode::BadArchive);
        });
    return -1;
}

} // namespace fcb
