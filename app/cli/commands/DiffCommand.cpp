#include "commands/Commands.h"

#include "FileUtil.h"
#include "archive/BackupName.h"
#include "backend/Backend.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fcb {

namespace {

QString changeName(RowDiff::Kind kind)
{
    switch (kind) {
    case RowDiff::Kind::OnlyInBackup:
        return QStringLiteral("deleted_since");
    case RowDiff::Kind::OnlyInOther:
        return QStringLiteral("added_since");
    case RowDiff::Kind::Changed:
        break;
    }
    return QStringLiteral("changed");
}

QString changeName(SchemaChange::Kind kind)
{
    return kind == SchemaChange::Kind::Added  ? QStringLiteral("added_since")
        : kind == SchemaChange::Kind::Removed ? QStringLiteral("deleted_since")
                                              : QStringLiteral("changed");
}

QString changeName(FileDiff::Kind kind)
{
    return kind == FileDiff::Kind::OnlyInOther ? QStringLiteral("added_since")
        : kind == FileDiff::Kind::OnlyInBackup ? QStringLiteral("deleted_since")
                                               : QStringLiteral("changed");
}

QJsonObject tableJson(const TableDiff& t)
{
    return { { QStringLiteral("name"), t.name }, { QStringLiteral("key"), QJsonArray::fromStringList(t.key) },
        { QStringLiteral("in_backup"), t.inBackup }, { QStringLiteral("in_other"), t.inOther },
        { QStringLiteral("backup_rows"), t.backupRows }, { QStringLiteral("other_rows"), t.otherRows },
        { QStringLiteral("added_since"), t.onlyInOther }, { QStringLiteral("deleted_since"), t.onlyInBackup },
        { QStringLiteral("changed"), t.changed } };
}

QJsonObject rowsJson(const RowPage& page)
{
    QJsonArray rows;
    for (const RowDiff& row : page.rows) {
        QJsonArray columns;
        for (const ColumnChange& c : row.columns)
            columns.append(QJsonObject { { QStringLiteral("column"), c.column },
                { QStringLiteral("backup"), c.backupValue }, { QStringLiteral("other"), c.otherValue } });
        QJsonObject object { { QStringLiteral("change"), changeName(row.kind) },
            { QStringLiteral("key"), row.key } };
        if (row.kind == RowDiff::Kind::Changed)
            object.insert(QStringLiteral("columns"), columns);
        else if (row.count != 1)
            object.insert(QStringLiteral("count"), row.count);
        rows.append(object);
    }
    return { { QStringLiteral("table"), page.table }, { QStringLiteral("page"), page.page },
        { QStringLiteral("per_page"), page.perPage }, { QStringLiteral("total"), page.total },
        { QStringLiteral("rows"), rows } };
}

QJsonObject diffJson(const DiffReport& r)
{
    QJsonArray tables;
    for (const TableDiff& t : r.tables)
        tables.append(tableJson(t));
    QJsonArray schema;
    for (const SchemaChange& s : r.schema)
        schema.append(QJsonObject { { QStringLiteral("type"), s.type }, { QStringLiteral("name"), s.name },
            { QStringLiteral("change"), changeName(s.kind) },
            { QStringLiteral("columns_added_since"), QJsonArray::fromStringList(s.columnsAdded) },
            { QStringLiteral("columns_deleted_since"), QJsonArray::fromStringList(s.columnsRemoved) } });
    QJsonArray files;
    for (const FileDiff& f : r.files)
        files.append(QJsonObject { { QStringLiteral("path"), f.path },
            { QStringLiteral("change"), changeName(f.kind) },
            { QStringLiteral("backup_size"), f.backupSize < 0 ? QJsonValue() : QJsonValue(f.backupSize) },
            { QStringLiteral("other_size"), f.otherSize < 0 ? QJsonValue() : QJsonValue(f.otherSize) },
            { QStringLiteral("backup_crc"),
                f.backupSize < 0 ? QJsonValue() : QJsonValue(crcHex(f.backupCrc)) },
            { QStringLiteral("other_crc"),
                f.otherSize < 0 ? QJsonValue() : QJsonValue(crcHex(f.otherCrc)) } });
    QJsonObject object { { QStringLiteral("backup"), r.backup },
        { QStringLiteral("against"), r.against.isEmpty() ? QStringLiteral("live") : r.against },
        { QStringLiteral("identical"), r.identical() }, { QStringLiteral("tables"), tables },
        { QStringLiteral("schema"), schema },
        { QStringLiteral("uploads"),
            QJsonObject { { QStringLiteral("added_since"), r.filesOnlyInOther },
                { QStringLiteral("deleted_since"), r.filesOnlyInBackup },
                { QStringLiteral("changed"), r.filesChanged },
                { QStringLiteral("bytes_added_since"), r.bytesOnlyInOther },
                { QStringLiteral("bytes_deleted_since"), r.bytesOnlyInBackup },
                { QStringLiteral("compared"), r.filesCompared }, { QStringLiteral("files"), files } } } };
    if (r.rows)
        object.insert(QStringLiteral("rows"), rowsJson(*r.rows));
    return object;
}

QString tableLine(const TableDiff& t)
{
    if (!t.inOther)
        return CommandLine::tr("%1: table deleted since (%2 rows in the backup)")
            .arg(t.name)
            .arg(t.backupRows);
    if (!t.inBackup)
        return CommandLine::tr("%1: table added since (%2 rows)").arg(t.name).arg(t.otherRows);
    QStringList parts;
    if (t.onlyInOther)
        parts.append(CommandLine::tr("%1 added since").arg(t.onlyInOther));
    if (t.onlyInBackup)
        parts.append(CommandLine::tr("%1 deleted since").arg(t.onlyInBackup));
    if (t.changed)
        parts.append(CommandLine::tr("%1 changed").arg(t.changed));
    return t.name + QStringLiteral(": ") + parts.join(QStringLiteral(", "));
}

QString schemaLine(const SchemaChange& s)
{
    QString line = s.kind == SchemaChange::Kind::Added
        ? CommandLine::tr("%1 %2 added since").arg(s.type, s.name)
        : s.kind == SchemaChange::Kind::Removed ? CommandLine::tr("%1 %2 deleted since").arg(s.type, s.name)
                                                : CommandLine::tr("%1 %2 changed").arg(s.type, s.name);
    if (!s.columnsAdded.isEmpty())
        line += CommandLine::tr("; columns added since: %1").arg(s.columnsAdded.join(QStringLiteral(", ")));
    if (!s.columnsRemoved.isEmpty())
        line += CommandLine::tr("; columns deleted since: %1")
                    .arg(s.columnsRemoved.join(QStringLiteral(", ")));
    return line;
}

QString uploadsLine(const DiffReport& r)
{
    QStringList parts;
    if (r.filesOnlyInOther)
        parts.append(CommandLine::tr("%1 added since (%2)")
                         .arg(r.filesOnlyInOther)
                         .arg(files::humanSize(r.bytesOnlyInOther)));
    if (r.filesOnlyInBackup)
        parts.append(CommandLine::tr("%1 deleted since (%2)")
                         .arg(r.filesOnlyInBackup)
                         .arg(files::humanSize(r.bytesOnlyInBackup)));
    if (r.filesChanged)
        parts.append(CommandLine::tr("%1 changed").arg(r.filesChanged));
    return CommandLine::tr("uploads: %1")
        .arg(parts.isEmpty() ? CommandLine::tr("no changes") : parts.join(QStringLiteral(", ")));
}

void printRows(CommandContext& cli, const RowPage& page)
{
    const int pages = int(qMax<qint64>(1, (page.total + page.perPage - 1) / page.perPage));
    cli.printLine(CommandLine::tr("%1: %2 rows differ · page %3 of %4")
                      .arg(page.table)
                      .arg(page.total)
                      .arg(page.page)
                      .arg(pages));
    for (const RowDiff& row : page.rows) {
        const QString kind = row.kind == RowDiff::Kind::OnlyInOther ? CommandLine::tr("added since")
            : row.kind == RowDiff::Kind::OnlyInBackup               ? CommandLine::tr("deleted since")
                                                                    : CommandLine::tr("changed");
        QString line = QStringLiteral("  ") + kind.leftJustified(15) + keyText(row.key);
        if (row.count != 1)
            line += CommandLine::tr(" (%1 copies)").arg(row.count);
        cli.printLine(line);
        for (const ColumnChange& c : row.columns)
            cli.printLine(QStringLiteral("      %1: %2 → %3")
                              .arg(c.column, jsonText(c.backupValue), jsonText(c.otherValue)));
    }
}

void printSummary(CommandContext& cli, const DiffReport& r)
{
    const QString other = r.against.isEmpty() ? CommandLine::tr("the live data") : r.against;
    if (r.identical()) {
        cli.printLine(CommandLine::tr("%1 and %2 hold the same records and uploads.").arg(r.backup, other));
        return;
    }
    cli.printLine(CommandLine::tr("%1 compared with %2:").arg(r.backup, other));
    qint64 unchanged = 0;
    for (const TableDiff& t : r.tables) {
        if (t.differs())
            cli.printLine(QStringLiteral("  ") + tableLine(t));
        else
            ++unchanged;
    }
    for (const SchemaChange& s : r.schema)
        cli.printLine(QStringLiteral("  ") + CommandLine::tr("schema: %1").arg(schemaLine(s)));
    cli.printLine(QStringLiteral("  ") + uploadsLine(r));
    if (unchanged)
        cli.printLine(CommandLine::tr("  %1 more tables unchanged.").arg(unchanged));
}

} // namespace

int DiffCommand::run(CommandContext& cli, const QStringList& args)
{
    DiffRequest request;
    request.backup = args.first();
    request.against = cli.value(QStringLiteral("against"));
    if (request.against == QStringLiteral("live"))
        request.against.clear();
    if (!request.against.isEmpty()) {
        if (!request.against.contains(QLatin1Char('.')) && !request.against.contains(QLatin1Char('/')))
            request.against += QStringLiteral(".zip");
        if (auto valid = BackupName::checkPlainZipName(request.against); !valid) {
            cli.fail(valid.error());
            return -1;
        }
    }
    const bool rows = cli.isSet(QStringLiteral("rows"));
    request.table = cli.value(QStringLiteral("table"));
    if (rows && request.table.isEmpty()) {
        cli.fail(Error::make(ErrorCode::Usage, CommandLine::tr("--rows goes with --table.")));
        return -1;
    }
    bool pageOk = true;
    bool perPageOk = true;
    request.page = cli.value(QStringLiteral("page")).toInt(&pageOk);
    request.perPage = cli.value(QStringLiteral("per-page")).toInt(&perPageOk);
    if (!pageOk || !perPageOk || request.page < 1 || request.perPage < 1) {
        cli.fail(Error::make(ErrorCode::Usage, CommandLine::tr("--page and --per-page take whole numbers.")));
        return -1;
    }
    watch<DiffReport>(cli, cli.backend().diff(request), [&cli, rows, table = request.table](DiffReport r) {
        if (!rows)
            r.rows.reset();
        if (!table.isEmpty()) // the one table asked about
            r.tables.removeIf([&table](const TableDiff& t) { return t.name != table; });
        if (cli.json()) {
            cli.printJson(diffJson(r));
        } else if (rows && r.rows) {
            printRows(cli, *r.rows);
        } else {
            printSummary(cli, r);
        }
        cli.finish(ExitCode::Success);
    });
    return -1;
}

} // namespace fcb
