#include "commands/Commands.h"

#include "FileUtil.h"
#include "Format.h"
#include "backend/Backend.h"

#include <QJsonArray>

namespace fcb {

using namespace cli;

namespace {

QString changeName(HistoryEntry::Change change)
{
    switch (change) {
    case HistoryEntry::Change::Same:
        return QStringLiteral("same");
    case HistoryEntry::Change::Appeared:
        return QStringLiteral("appeared");
    case HistoryEntry::Change::Changed:
        return QStringLiteral("changed");
    case HistoryEntry::Change::Disappeared:
        return QStringLiteral("disappeared");
    }
    return {};
}

QString changeText(HistoryEntry::Change change)
{
    switch (change) {
    case HistoryEntry::Change::Same:
        return CommandLine::tr("same");
    case HistoryEntry::Change::Appeared:
        return CommandLine::tr("appeared");
    case HistoryEntry::Change::Changed:
        return CommandLine::tr("changed");
    case HistoryEntry::Change::Disappeared:
        return CommandLine::tr("disappeared");
    }
    return {};
}

QJsonObject countsJson(const HistoryResult& r)
{
    return { { QStringLiteral("path"), r.path }, { QStringLiteral("backups_read"), r.backupsRead },
        { QStringLiteral("from_cache"), r.fromCache },
        { QStringLiteral("skipped"), QJsonArray::fromStringList(r.skipped) } };
}

QJsonObject historyJson(const HistoryResult& r)
{
    QJsonArray entries;
    for (const HistoryEntry& e : r.entries) {
        entries.append(QJsonObject { { QStringLiteral("backup"), e.backup },
            { QStringLiteral("created"), isoUtc(e.created) }, { QStringLiteral("present"), e.present },
            { QStringLiteral("size"), qint64(e.size) },
            { QStringLiteral("crc32"), e.present ? QJsonValue(crcHex(e.crc)) : QJsonValue() },
            { QStringLiteral("modified"), entryTimeIso(e.modified) },
            { QStringLiteral("change"), changeName(e.change) } });
    }
    QJsonObject object = countsJson(r);
    object.insert(QStringLiteral("entries"), entries);
    return object;
}

void printTable(CommandContext& cli, const HistoryResult& r)
{
    int width = 8;
    for (const HistoryEntry& e : r.entries)
        width = qMax(width, int(e.backup.size()));
    const QString gap = QStringLiteral("  ");
    cli.printLine(CommandLine::tr("Backup").leftJustified(width) + gap
        + CommandLine::tr("Created").leftJustified(19) + gap + CommandLine::tr("Size").rightJustified(10)
        + gap + CommandLine::tr("CRC-32").leftJustified(8) + gap + CommandLine::tr("Change"));
    for (const HistoryEntry& e : r.entries) {
        const QString size = e.present ? files::humanSize(qint64(e.size)) : QStringLiteral("-");
        const QString crc = e.present ? crcHex(e.crc) : QStringLiteral("-");
        cli.printLine(e.backup.leftJustified(width) + gap + localTime(e.created).leftJustified(19) + gap
            + size.rightJustified(10) + gap + crc.leftJustified(8) + gap + changeText(e.change));
    }
}

} // namespace

int HistoryCommand::run(CommandContext& cli, const QStringList& args)
{
    const QString path = args.first();
    watch<HistoryResult>(cli, cli.backend().history(path), [&cli](const HistoryResult& r) {
        for (const QString& note : r.skipped)
            if (!cli.json())
                cli.warn(CommandLine::tr("Warning: skipped %1").arg(note));
        if (r.entries.isEmpty()) {
            cli.fail(
                Error::make(ErrorCode::NotFound,
                    CommandLine::tr("No backup holds %1 (%n backup(s) read).", nullptr, int(r.backupsRead))
                        .arg(printable(r.path))),
                countsJson(r));
            return;
        }
        if (cli.json()) {
            cli.printJson(historyJson(r));
        } else {
            printTable(cli, r);
            if (!cli.quiet())
                cli.printLine(CommandLine::tr(
                    "%n backup(s) read, %1 of them from the cache.", nullptr, int(r.backupsRead))
                                  .arg(r.fromCache));
        }
        cli.finish(ExitCode::Success);
    });
    return -1;
}

} // namespace fcb
