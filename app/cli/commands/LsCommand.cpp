#include "commands/Commands.h"

#include "FileUtil.h"
#include "Format.h"
#include "backend/Backend.h"

#include <QJsonArray>

namespace fcb {

using namespace cli;

namespace {

// The entry itself, or everything in the folder the path names.
bool selects(const QString& path, const QString& name)
{
    const QString folder = path.endsWith(QLatin1Char('/')) ? path : path + QLatin1Char('/');
    return name == path || (name.startsWith(folder) && name.size() > folder.size());
}

ArchiveListing only(const ArchiveListing& listing, const QString& path)
{
    ArchiveListing shown;
    shown.fileName = listing.fileName;
    for (const ListedEntry& entry : listing.entries) {
        if (!selects(path, entry.name))
            continue;
        shown.entries.append(entry);
        shown.totalSize += entry.size;
        shown.totalCompressed += entry.compressedSize;
        shown.flagged += entry.flag.isEmpty() ? 0 : 1;
    }
    return shown;
}

QJsonObject listingJson(const ArchiveListing& listing)
{
    QJsonArray entries;
    for (const ListedEntry& entry : listing.entries) {
        entries.append(QJsonObject {
            { QStringLiteral("name"), entry.name },
            { QStringLiteral("size"), qint64(entry.size) },
            { QStringLiteral("compressed_size"), qint64(entry.compressedSize) },
            { QStringLiteral("crc32"), crcHex(entry.crc) },
            { QStringLiteral("modified"), entryTimeIso(entry.modified) },
            { QStringLiteral("is_directory"), entry.isDirectory },
            { QStringLiteral("flag"), entry.flag.isEmpty() ? QJsonValue() : QJsonValue(entry.flag) },
        });
    }
    return { { QStringLiteral("backup"), listing.fileName }, { QStringLiteral("entries"), entries },
        { QStringLiteral("count"), entries.size() },
        { QStringLiteral("total_size"), qint64(listing.totalSize) },
        { QStringLiteral("total_compressed"), qint64(listing.totalCompressed) },
        { QStringLiteral("flagged"), listing.flagged } };
}

// Size, time and name; with --long also the compressed size and CRC-32, as unzip -v shows them.
void printTable(CommandContext& cli, const ArchiveListing& listing, bool long_)
{
    const QString gap = QStringLiteral("  ");
    const QString sizeHeader = CommandLine::tr("Size");
    const QString packedHeader = CommandLine::tr("Compressed");
    // As wide as a size or as its translated header, whichever is wider.
    const int sizeWidth = int(qMax<qsizetype>(10, sizeHeader.size()));
    const int packedWidth = int(qMax<qsizetype>(10, packedHeader.size()));
    QString header = sizeHeader.rightJustified(sizeWidth) + gap;
    if (long_)
        header += packedHeader.rightJustified(packedWidth) + gap;
    header += CommandLine::tr("Modified").leftJustified(19) + gap;
    if (long_)
        header += CommandLine::tr("CRC-32").leftJustified(8) + gap;
    cli.printLine(header + CommandLine::tr("Name"));
    for (const ListedEntry& entry : listing.entries) {
        QString line = files::humanSize(qint64(entry.size)).rightJustified(sizeWidth) + gap;
        if (long_)
            line += files::humanSize(qint64(entry.compressedSize)).rightJustified(packedWidth) + gap;
        line += entryTime(entry.modified).leftJustified(19) + gap;
        if (long_)
            line += crcHex(entry.crc) + gap;
        line += printable(entry.name);
        if (!entry.flag.isEmpty())
            line += gap + CommandLine::tr("[FLAGGED: %1]").arg(printable(entry.flag));
        cli.printLine(line);
    }
}

} // namespace

int LsCommand::run(CommandContext& cli, const QStringList& args)
{
    const QString path = args.value(1);
    watch<ArchiveListing>(
        cli, cli.backend().listArchive(args.first()), [&cli, path](const ArchiveListing& all) {
            const ArchiveListing listing = path.isEmpty() ? all : only(all, path);
            if (!path.isEmpty() && listing.entries.isEmpty()) {
                cli.fail(Error::make(ErrorCode::NotFound,
                    CommandLine::tr("%1 is not in the backup %2.").arg(path, all.fileName)));
                return;
            }
            if (cli.json()) {
                cli.printJson(listingJson(listing));
            } else {
                printTable(cli, listing, cli.isSet(QStringLiteral("long")));
                cli.printLine(
                    CommandLine::tr("%n entry(s), %1 (%2 compressed)", nullptr, int(listing.entries.size()))
                        .arg(files::humanSize(qint64(listing.totalSize)),
                            files::humanSize(qint64(listing.totalCompressed))));
                if (listing.flagged > 0)
                    cli.printLine(CommandLine::tr("%n entry(s) flagged: a restore would refuse this archive.",
                        nullptr, int(listing.flagged)));
            }
            cli.finish(ExitCode::Success);
        });
    return -1;
}

} // namespace fcb
