#include "commands/Commands.h"

#include "FileUtil.h"
#include "Format.h"
#include "backend/Backend.h"

#include <QJsonArray>

namespace fcb {

using namespace cli;

namespace {

// The drill's report, as text (each check, the tables and their rows) or as JSON.
void printDrill(CommandContext& cli, const DrillReport& r)
{
    if (cli.json()) {
        QJsonArray tables;
        for (const DrillTable& t : r.tables)
            tables.append(
                QJsonObject { { QStringLiteral("name"), t.name }, { QStringLiteral("rows"), t.rows } });
        cli.printJson({ { QStringLiteral("filename"), r.fileName }, { QStringLiteral("restores"), r.ok() },
            { QStringLiteral("problems"), QJsonArray::fromStringList(r.problems()) },
            { QStringLiteral("finished_at"), isoUtc(r.finishedAt) },
            { QStringLiteral("elapsed_ms"), r.elapsedMs },
            { QStringLiteral("extracted_files"), r.extractedFiles },
            { QStringLiteral("extracted_bytes"), r.extractedBytes },
            { QStringLiteral("foreign_key_violations"), r.foreignKeyViolations },
            { QStringLiteral("tables"), tables }, { QStringLiteral("report"), reportJson(r.verify) } });
    } else {
        for (const VerifyCheck& check : r.verify.checks)
            cli.printLine(checkLine(check));
        if (r.verify.ok()) {
            cli.printLine((r.foreignKeyViolations == 0 ? QStringLiteral("ok    ") : QStringLiteral("FAIL  "))
                + CommandLine::tr("Foreign keys: %n violation(s)", nullptr, int(r.foreignKeyViolations)));
            cli.printLine(CommandLine::tr("Restored %n file(s), %1:", nullptr, int(r.extractedFiles))
                              .arg(files::humanSize(r.extractedBytes)));
            int width = 5;
            for (const DrillTable& t : r.tables)
                width = qMax(width, int(t.name.size()));
            for (const DrillTable& t : r.tables)
                cli.printLine(QStringLiteral("  ") + t.name.leftJustified(width + 2)
                    + QString::number(t.rows).rightJustified(10) + QLatin1Char(' ')
                    + CommandLine::tr("rows"));
        }
        cli.printLine(r.ok() ? CommandLine::tr("%1 restores: drill passed in %2 s.")
                                   .arg(r.fileName)
                                   .arg(double(r.elapsedMs) / 1000.0, 0, 'f', 1)
                             : CommandLine::tr("%1 would NOT restore: %2")
                                   .arg(r.fileName, r.problems().join(QLatin1Char(' '))));
    }
    cli.finish(r.ok() ? ExitCode::Success : ExitCode::BadArchive);
}

} // namespace

int DrillCommand::run(CommandContext& cli, const QStringList& args)
{
    watch<DrillReport>(
        cli, cli.backend().drill(args.first()), [&cli](const DrillReport& r) { printDrill(cli, r); });
    return -1;
}

} // namespace fcb
