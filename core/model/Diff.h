#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fcb {

// Differences between a backup and the live data (or a second backup). "Backup" is the backup
// asked about, "other" is what it is compared against: rows only in the other side were added
// since the backup (a restore would lose them), rows only in the backup were deleted since (a
// restore brings them back).
struct DiffRequest
{
    QString backup;
    QString against; // a second backup's file name; empty: the live data
    // With a table: the rows of that table that differ, one page of them.
    QString table;
    int page = 1;
    int perPage = 50;
};

struct TableDiff
{
    QString name;
    QStringList key; // the columns rows are matched by; empty: whole rows are compared
    bool inBackup = true;
    bool inOther = true;
    qint64 backupRows = 0;
    qint64 otherRows = 0;
    qint64 onlyInBackup = 0; // deleted since
    qint64 onlyInOther = 0; // added since
    qint64 changed = 0; // same key, different values (keyed tables only)
    bool differs() const { return onlyInBackup || onlyInOther || changed || inBackup != inOther; }
};

// A table, index, trigger or view whose definition differs.
struct SchemaChange
{
    enum class Kind
    {
        Added, // only in the other side
        Removed, // only in the backup
        Changed,
    };
    QString type; // table, index, trigger, view
    QString name;
    Kind kind = Kind::Changed;
    QStringList columnsAdded; // tables: columns only in the other side
    QStringList columnsRemoved; // tables: columns only in the backup
};

struct FileDiff
{
    enum class Kind
    {
        OnlyInBackup, // deleted since
        OnlyInOther, // added since
        Changed, // size or CRC-32 differ
    };
    QString path; // files/...
    Kind kind = Kind::Changed;
    qint64 backupSize = -1; // -1: not on that side
    qint64 otherSize = -1;
    quint32 backupCrc = 0;
    quint32 otherCrc = 0;
};

// One column of a changed row; values over 200 bytes are shortened.
struct ColumnChange
{
    QString column;
    QJsonValue backupValue;
    QJsonValue otherValue;
};

// A value as JSON writes it (strings quoted, numbers bare, null), and a row's key as
// "column=value, ...": how both front ends show a row.
QString jsonText(const QJsonValue& value);
QString keyText(const QJsonObject& key);
// A CRC-32 as zip tools print it: eight hex digits.
QString crcHex(quint32 crc);

struct RowDiff
{
    enum class Kind
    {
        OnlyInBackup,
        OnlyInOther,
        Changed,
    };
    Kind kind = Kind::Changed;
    QJsonObject key; // key column -> value; the whole row for tables compared as whole rows
    qint64 count = 1; // whole rows: how many more copies of the row this side holds
    QList<ColumnChange> columns; // Changed only
};

struct RowPage
{
    QString table;
    int page = 1;
    int perPage = 50;
    qint64 total = 0; // rows that differ, over all pages
    QList<RowDiff> rows;
};

struct DiffReport
{
    QString backup;
    QString against; // the second backup, or empty for the live data
    QList<TableDiff> tables; // every table on either side, by name
    QList<SchemaChange> schema;
    QList<FileDiff> files; // by path
    qint64 filesOnlyInBackup = 0;
    qint64 filesOnlyInOther = 0;
    qint64 filesChanged = 0;
    qint64 bytesOnlyInBackup = 0;
    qint64 bytesOnlyInOther = 0;
    qint64 filesCompared = 0; // on both sides, sizes equal, CRC-32 computed
    std::optional<RowPage> rows; // when the request named a table
    bool identical() const
    {
        for (const TableDiff& t : tables)
            if (t.differs())
                return false;
        return schema.isEmpty() && files.isEmpty();
    }
};

// Rows of a backup's table written out for a person to review (export).
struct ExportRequest
{
    enum class Format
    {
        Json,
        Csv,
        Sql,
    };
    QString backup;
    QString table;
    QStringList keys; // values of the table's key (single-column keys); empty: every row
    Format format = Format::Json;
    QString outputPath; // written by temp file and rename; owner-only
};

struct ExportResult
{
    QString outputPath;
    qint64 rows = 0;
    QStringList missingKeys; // asked for, not in the backup
};

} // namespace fcb
