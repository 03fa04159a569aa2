#include "Export.h"

#include "FileUtil.h"
#include "TempNames.h"
#include "archive/ArchiveReader.h"
#include "browse/Browse.h"
#include "sqlite/Sqlite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>

#include <sqlite3.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbExportText
{
    Q_DECLARE_TR_FUNCTIONS(FcbExportText)
};

namespace fcb::diff {

namespace {

QString quoted(const QString& identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\""))
        + QLatin1Char('"');
}

QByteArray sqlLiteral(sqlite3_stmt* stmt, int column)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        return QByteArray::number(sqlite3_column_int64(stmt, column));
    case SQLITE_FLOAT:
        return QByteArray::number(sqlite3_column_double(stmt, column), 'g', 17);
    case SQLITE_TEXT: {
        QByteArray text(reinterpret_cast<const char*>(sqlite3_column_text(stmt, column)),
            sqlite3_column_bytes(stmt, column));
        return '\'' + text.replace('\'', "''") + '\'';
    }
    case SQLITE_BLOB:
        return "X'"
            + QByteArray(reinterpret_cast<const char*>(sqlite3_column_blob(stmt, column)),
                sqlite3_column_bytes(stmt, column))
                  .toHex()
                  .toUpper()
            + '\'';
    default:
        return "NULL";
    }
}

// Blobs as {"base64": ...} in JSON and as base64 text in CSV: both formats are text.
QJsonValue jsonValue(sqlite3_stmt* stmt, int column)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        return QJsonValue(qint64(sqlite3_column_int64(stmt, column)));
    case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, column);
    case SQLITE_TEXT:
        return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, column)),
            sqlite3_column_bytes(stmt, column));
    case SQLITE_BLOB:
        return QJsonObject { { QStringLiteral("base64"),
            QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(sqlite3_column_blob(stmt, column)),
                sqlite3_column_bytes(stmt, column))
                                    .toBase64()) } };
    default:
        return QJsonValue(QJsonValue::Null);
    }
}

QByteArray csvField(sqlite3_stmt* stmt, int column)
{
    QByteArray field;
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_NULL:
        return {};
    case SQLITE_BLOB:
        field = QByteArray(reinterpret_cast<const char*>(sqlite3_column_blob(stmt, column)),
            sqlite3_column_bytes(stmt, column))
                    .toBase64();
        break;
    case SQLITE_FLOAT:
        field = QByteArray::number(sqlite3_column_double(stmt, column), 'g', 17);
        break;
    default:
        field = QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(stmt, column)),
            sqlite3_column_bytes(stmt, column));
    }
    if (field.contains(',') || field.contains('"') || field.contains('\n') || field.contains('\r'))
        return '"' + field.replace('"', "\"\"") + '"';
    return field;
}

// The rows in the chosen format, one statement's rows at a time.
class Writer
{
public:
    Writer(ExportRequest::Format format, const QString& table, const QString& backup)
        : m_format(format)
        , m_table(table)
    {
        if (format == ExportRequest::Format::Sql)
            m_out += "-- Rows of " + table.toUtf8() + " from the backup " + backup.toUtf8()
                + ".\n-- Review them before applying them to a database by hand.\nBEGIN;\n";
    }

    void row(sqlite3_stmt* stmt)
    {
        const int columns = sqlite3_column_count(stmt);
        if (m_names.isEmpty())
            header(stmt);
        switch (m_format) {
        case ExportRequest::Format::Json: {
            QJsonObject object;
            for (int i = 0; i < columns; ++i)
                object.insert(m_names[i], jsonValue(stmt, i));
            m_rows.append(object);
            break;
        }
        case ExportRequest::Format::Csv: {
            QByteArrayList fields;
            for (int i = 0; i < columns; ++i)
                fields.append(csvField(stmt, i));
            m_out += fields.join(',') + "\r\n";
            break;
        }
        case ExportRequest::Format::Sql: {
            QByteArrayList values;
            for (int i = 0; i < columns; ++i)
                values.append(sqlLiteral(stmt, i));
            m_out += "INSERT INTO " + quoted(m_table).toUtf8() + " (" + m_columnList + ") VALUES ("
                + values.join(", ") + ");\n";
            break;
        }
        }
    }

    QByteArray finish()
    {
        if (m_format == ExportRequest::Format::Json)
            return QJsonDocument(m_rows).toJson();
        if (m_format == ExportRequest::Format::Sql)
            m_out += "COMMIT;\n";
        return m_out;
    }

private:
    void header(sqlite3_stmt* stmt)
    {
        QByteArrayList quotedNames;
        QByteArrayList csvNames;
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            const QString name = QString::fromUtf8(sqlite3_column_name(stmt, i));
            m_names.append(name);
            quotedNames.append(quoted(name).toUtf8());
            QByteArray csv = name.toUtf8();
            csvNames.append(
                csv.contains(',') || csv.contains('"') ? '"' + csv.replace('"', "\"\"") + '"' : csv);
        }
        m_columnList = quotedNames.join(", ");
        if (m_format == ExportRequest::Format::Csv)
            m_out += csvNames.join(',') + "\r\n";
    }

    ExportRequest::Format m_format;
    QString m_table;
    QStringList m_names;
    QByteArray m_columnList;
    QByteArray m_out;
    QJsonArray m_rows;
};

struct TableKey
{
    QStringList columns; // the declared primary key; empty: none
};

Result<TableKey> tableKey(sqlite::Connection& db, const QString& table)
{
    auto exists = db.queryInt(
        QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%1'")
            .arg(QString(table).replace(QLatin1Char('\''), QStringLiteral("''"))));
    if (!exists)
        return fail(exists.error());
    if (*exists == 0)
        return fail(ErrorCode::NotFound,
            FcbExportText::tr("The backup's database has no table named %1.").arg(table));
    auto key
        = db.queryColumn(QStringLiteral("SELECT name FROM pragma_table_info('%1') WHERE pk > 0 ORDER BY pk")
                             .arg(QString(table).replace(QLatin1Char('\''), QStringLiteral("''"))));
    if (!key)
        return fail(key.error());
    return TableKey { *key };
}

// SELECT of the rows asked for: by key values, or all of them in key order.
Result<QString> selectFor(const ExportRequest& request, const TableKey& key)
{
    const QString from = QStringLiteral("SELECT * FROM %1").arg(quoted(request.table));
    if (request.keys.isEmpty())
        return from + QStringLiteral(" ORDER BY ")
            + (key.columns.isEmpty() ? QStringLiteral("rowid") : [&key] {
                  QStringList list;
                  for (const QString& c : key.columns)
                      list.append(quoted(c));
                  return list.join(QStringLiteral(", "));
              }());
    if (key.columns.size() > 1)
        return fail(ErrorCode::Usage,
            FcbExportText::tr("%1 has a key of %2 columns; --key takes the values of a single-column key.")
                .arg(request.table)
                .arg(key.columns.size()));
    // No declared key: the rowid, which every such table has.
    const QString column = key.columns.isEmpty() ? QStringLiteral("rowid") : quoted(key.columns.first());
    return from + QStringLiteral(" WHERE %1 = ?1").arg(column);
}

Result<QByteArray> readRows(
    sqlite::Connection& db, const ExportRequest& request, ExportResult& result, TaskContext& task)
{
    auto key = tableKey(db, request.table);
    if (!key)
        return fail(key.error());
    auto sql = selectFor(request, *key);
    if (!sql)
        return fail(sql.error());
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql->toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK)
        return fail(ErrorCode::BadArchive, FcbExportText::tr("The backup's database could not be read."),
            db.lastError());
    const auto finalize = qScopeGuard([stmt] { sqlite3_finalize(stmt); });
    Writer writer(request.format, request.table, request.backup);
    const QStringList keys = request.keys.isEmpty() ? QStringList { QString() } : request.keys;
    for (const QString& value : keys) {
        if (task.isCanceled())
            return fail(ErrorCode::Cancelled, FcbExportText::tr("Cancelled."));
        sqlite3_reset(stmt);
        const QByteArray bytes = value.toUtf8();
        // A key given on the command line is text; an integer key matches its number.
        bool isNumber = false;
        const qint64 number = value.toLongLong(&isNumber);
        if (isNumber)
            sqlite3_bind_int64(stmt, 1, number);
        else
            sqlite3_bind_text(stmt, 1, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
        qint64 found = 0;
        int rc = 0;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            writer.row(stmt);
            ++found;
        }
        if (rc != SQLITE_DONE)
            return fail(ErrorCode::BadArchive, FcbExportText::tr("The backup's database could not be read."),
                db.lastError());
        result.rows += found;
        if (!request.keys.isEmpty() && found == 0)
            result.missingKeys.append(value);
    }
    return writer.finish();
}

} // namespace

Result<ExportResult> exportRows(
    const QString& zipPath, const ExportRequest& request, const QString& workRoot, TaskContext& task)
{
    if (request.table.isEmpty())
        return fail(ErrorCode::Usage, FcbExportText::tr("Name the table to export (--table)."));
    if (auto directory = archive::readDirectory(zipPath); !directory)
        return fail(directory.error());
    const QString work = temp::in(workRoot, temp::Kind::Compare);
    if (auto made = files::makeOwnerOnlyDir(work); !made)
        return fail(made.error());
    const auto removeWork = qScopeGuard([&work] { (void)files::removeAll(work); });
    const QString copy = QDir(work).filePath(QStringLiteral("backup.db"));
    if (auto extracted = browse::extractCopy(zipPath, QStringLiteral("database.db"), copy, task); !extracted)
        return fail(extracted.error().code == ErrorCode::NotFound ? Error::make(ErrorCode::BadArchive,
                        FcbExportText::tr("%1 holds no database.").arg(QFileInfo(zipPath).fileName()))
                                                                  : extracted.error());
    auto opened = sqlite::Connection::openUntrusted(copy);
    if (!opened)
        return fail(opened.error());
    std::unique_ptr<sqlite::Connection> db(*opened);
    ExportResult result;
    result.outputPath = request.outputPath;
    auto bytes = readRows(*db, request, result, task);
    if (!bytes)
        return fail(bytes.error());
    if (auto written = files::writeAtomically(request.outputPath, *bytes, files::ownerOnly); !written)
        return fail(written.error());
    return result;
}

} // namespace fcb::diff
