#include "commands/Commands.h"

#include "FileUtil.h"
#include "Format.h"
#include "backend/Backend.h"

#include <QJsonArray>

namespace fcb {

using namespace cli;

namespace {

// The page as a table: name, size, time and notes (invalid, staged).
void printTable(CommandContext& cli, const BackupPage& p)
{
    int width = 8;
    for (const BackupItem& item : p.items)
        width = qMax(width, int(item.fileName.size()));
    cli.printLine(CommandLine::tr("Filename").leftJustified(width + 2)
        + CommandLine::tr("Size").rightJustified(10) + QStringLiteral("  ")
        + CommandLine::tr("Created").leftJustified(21) + CommandLine::tr("Notes"));
    for (const BackupItem& item : p.items) {
        QStringList notes;
        if (!item.valid)
            notes.append(CommandLine::tr("INVALID: %1").arg(item.invalidReason));
        if (item.staged)
            notes.append(CommandLine::tr("staged for restore"));
        cli.printLine(item.fileName.leftJustified(width + 2)
            + files::humanSize(item.sizeBytes).rightJustified(10) + QStringLiteral("  ")
            + localTime(item.created).leftJustified(21) + notes.join(QStringLiteral("; ")));
    }
}

} // namespace

int ListCommand::run(CommandContext& cli, const QStringList&)
{
    bool pageOk = false;
    bool perPageOk = false;
    const int page = cli.value(QStringLiteral("page")).toInt(&pageOk);
    const int perPage = cli.value(QStringLiteral("per-page")).toInt(&perPageOk);
    if (!pageOk || !perPageOk) {
        cli.fail(Error::make(ErrorCode::Usage, CommandLine::tr("--page and --per-page take whole numbers.")));
        return -1;
    }
    watch<BackupPage>(cli, cli.backend().list(page, perPage), [&cli](const BackupPage& p) {
        if (cli.json()) {
            QJsonArray items;
            for (const BackupItem& item : p.items)
                items.append(itemJson(item));
            cli.printJson({ { QStringLiteral("items"), items }, { QStringLiteral("page"), p.page },
                { QStringLiteral("per_page"), p.perPage }, { QStringLiteral("total"), p.total },
                { QStringLiteral("total_pages"), p.totalPages } });
        } else {
            if (p.items.isEmpty()) {
                cli.printLine(p.total == 0
                        ? CommandLine::tr("No backups yet. Create one with 'fastcms-backup create'.")
                        : CommandLine::tr("Page %1 is past the end (%2 pages).")
                              .arg(p.page)
                              .arg(p.totalPages));
            } else {
                printTable(cli, p);
            }
            cli.printLine(CommandLine::tr("Total: %n backup(s) · Page %1 of %2", nullptr, int(p.total))
                              .arg(p.page)
                              .arg(p.totalPages));
        }
        cli.finish(ExitCode::Success);
    });
    return -1;
}

} // namespace fcb
