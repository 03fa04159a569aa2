#include "commands/Commands.h"

#include "FileUtil.h"
#include "Format.h"
#include "backend/Backend.h"

#include <QJsonArray>

namespace fcb {

using namespace cli;

int ExtractCommand::run(CommandContext& cli, const QStringList& args)
{
    // Never the current folder by default (as download has it): a mistyped command must not
    // scatter a backup's files/ tree wherever it was run.
    if (!cli.isSet(QStringLiteral("output"))) {
        cli.fail(Error::make(ErrorCode::Usage,
            CommandLine::tr("extract needs --output <dir>, the folder to write the files into.")));
        return -1;
    }
    const bool force = cli.isSet(QStringLiteral("force"));
    auto job = cli.backend().extract(args.first(), args.mid(1), cli.value(QStringLiteral("output")), force);
    watch<ExtractResult>(cli, job, [&cli](const ExtractResult& r) {
        if (cli.json()) {
            cli.printJson({ { QStringLiteral("output_dir"), r.outputDir },
                { QStringLiteral("written"), QJsonArray::fromStringList(r.written) },
                { QStringLiteral("files"), r.written.size() }, { QStringLiteral("bytes"), r.bytes },
                { QStringLiteral("checked_against_sums"), r.checkedAgainstSums } });
        } else if (!cli.quiet()) {
            cli.printLine(CommandLine::tr("Extracted %n file(s) (%1) to %2.", nullptr, int(r.written.size()))
                              .arg(files::humanSize(r.bytes), r.outputDir));
            cli.printLine(CommandLine::tr("Each matched its CRC-32; %1 also matched SHA256SUMS.")
                              .arg(r.checkedAgainstSums));
        }
        cli.finish(ExitCode::Success);
    });
    return -1;
}

} // namespace fcb
