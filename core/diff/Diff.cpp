#include "Diff.h"

#include "FileUtil.h"
#include "TempNames.h"
#include "WorkerPool.h"
#include "archive/FastHash.h"
#include "browse/Browse.h"
#include "sqlite/Sqlite.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QScopeGuard>
#include <QtConcurrent>

#include <atomic>
#include <libdeflate.h>
#include <sqlite3.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbDiffText
{
    Q_DECLARE_TR_FUNCTIONS(FcbDiffText)
};

namespace fcb::diff {

namespace {

const QString kBackupSchema = QStringLiteral("bk");
const QString kOtherSchema = QStringLiteral("main");
constexpr qsizetype kShownBytes = 200;

QString quoted(const QString& identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\""))
        + QLatin1Char('"');
}

QString sqlText(const QString& text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''"))
        + QLatin1Char('\'');
}

// One prepared statement, finalized on destruction.
class Statement
{
public:
    Statement(sqlite3* db, const QString& sql)
    {
        m_rc = sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &m_stmt, nullptr);
        m_prepared = m_rc == SQLITE_OK;
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    // SQLITE_ROW, SQLITE_DONE or an error.
    int step() { return m_rc = m_prepared ? sqlite3_step(m_stmt) : m_rc; }
    int rc() const { return m_rc; }
    sqlite3_stmt* handle() const { return m_stmt; }
    QString text(int column) const
    {
        return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column)),
            sqlite3_column_bytes(m_stmt, column));
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

private:
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc = SQLITE_OK;
    bool m_prepared = false;
};

// A column's value for a person: numbers as numbers, text and blobs shortened past 200 bytes.
QJsonValue shownValue(sqlite3_stmt* stmt, int column)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        return QJsonValue(qint64(sqlite3_column_int64(stmt, column)));
    case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, column);
    case SQLITE_TEXT: {
        const QByteArray bytes(reinterpret_cast<const char*>(sqlite3_column_text(stmt, column)),
            sqlite3_column_bytes(stmt, column));
        if (bytes.size() <= kShownBytes)
            return QString::fromUtf8(bytes);
        QString shown = QString::fromUtf8(bytes.left(kShownBytes));
        if (!shown.isEmpty() && shown.back() == QChar::ReplacementCharacter)
            shown.chop(1); // a character cut in two
        return FcbDiffText::tr("%1… (%n bytes)", nullptr, int(qMin<qint64>(bytes.size(), INT_MAX)))
            .arg(shown);
    }
    case SQLITE_BLOB: {
        const int size = sqlite3_column_bytes(stmt, column);
        const QByteArray bytes(
            reinterpret_cast<const char*>(sqlite3_column_blob(stmt, column)), qMin(size, 32));
        return FcbDiffText::tr("blob of %n bytes: %1", nullptr, size)
            .arg(QString::fromLatin1(bytes.toHex()) + (size > 32 ? QStringLiteral("…") : QString()));
    }
    default:
        return QJsonValue(QJsonValue::Null);
    }
}

// Whether two columns hold the same value: same storage class and the same bytes.
bool sameValue(sqlite3_stmt* a, int ca, sqlite3_stmt* b, int cb)
{
    const int type = sqlite3_column_type(a, ca);
    if (type != sqlite3_column_type(b, cb))
        return false;
    switch (type) {
    case SQLITE_INTEGER:
        return sqlite3_column_int64(a, ca) == sqlite3_column_int64(b, cb);
    case SQLITE_FLOAT:
        return sqlite3_column_double(a, ca) == sqlite3_column_double(b, cb);
    case SQLITE_NULL:
        return true;
    default: {
        const int size = sqlite3_column_bytes(a, ca);
        return size == sqlite3_column_bytes(b, cb)
            && std::memcmp(sqlite3_column_blob(a, ca), sqlite3_column_blob(b, cb), size_t(size)) == 0;
    }
    }
}

struct SchemaObject
{
    QString type;
    QString sql;
};

struct Columns
{
    QStringList names;
    QStringList key; // by position in the primary key
};

// Reads both databases inside one transaction of the connection (so the live side is one
// consistent state), and turns SQLite's failures into the user's words.
class Comparison
{
public:
    Comparison(sqlite3* db, bool otherIsLive, TaskContext& task)
        : m_db(db)
        , m_otherIsLive(otherIsLive)
        , m_task(task)
    { }

    Result<QMap<QString, SchemaObject>> schema(const QString& side)
    {
        QMap<QString, SchemaObject> objects;
        Statement s(m_db,
            QStringLiteral(
                "SELECT type, name, coalesce(sql, '') FROM %1.sqlite_schema WHERE name NOT LIKE 'sqlite_%' "
                "ORDER BY name")
                .arg(side));
        while (s.step() == SQLITE_ROW)
            objects.insert(s.text(1), { s.text(0), s.text(2) });
        if (s.rc() != SQLITE_DONE)
            return fail(failure(side));
        return objects;
    }

    Result<Columns> columns(const QString& side, const QString& table)
    {
        Columns columns;
        Statement s(m_db,
            QStringLiteral("SELECT name, pk FROM pragma_table_info(%1, %2) ORDER BY cid")
                .arg(sqlText(table), sqlText(side)));
        QMap<qint64, QString> key;
        while (s.step() == SQLITE_ROW) {
            columns.names.append(s.text(0));
            if (s.integer(1) > 0)
                key.insert(s.integer(1), s.text(0));
        }
        if (s.rc() != SQLITE_DONE)
            return fail(failure(side));
        columns.key = key.values();
        return columns;
    }

    Result<qint64> count(const QString& sql, const QString& side)
    {
        Statement s(m_db, sql);
        if (s.step() != SQLITE_ROW)
            return fail(failure(side));
        return s.integer(0);
    }

    Error failure(const QString& side) const
    {
        const int rc = sqlite3_errcode(m_db);
        if (rc == SQLITE_INTERRUPT && m_task.isCanceled())
            return Error::make(ErrorCode::Cancelled, FcbDiffText::tr("Cancelled."));
        const QString detail = QString::fromUtf8(sqlite3_errmsg(m_db));
        if (side == kOtherSchema && m_otherIsLive)
            return Error::make(rc == SQLITE_BUSY ? ErrorCode::InUse : ErrorCode::Io,
                FcbDiffText::tr("The live database could not be read."), detail);
        return Error::make(
            ErrorCode::BadArchive, FcbDiffText::tr("A backup's database could not be read."), detail);
    }

    sqlite3* db() const { return m_db; }

private:
    sqlite3* m_db;
    bool m_otherIsLive;
    TaskContext& m_task;
};

// SQL pieces for one table present on both sides.
struct TablePlan
{
    QString table;
    QStringList key; // empty: whole rows
    QStringList common; // columns on both sides
    QStringList compared; // common columns outside the key
    QString onlyOn; // a table on one side only: that side's schema; its rows are listed as they are

    QString b() const { return kBackupSchema + QLatin1Char('.') + quoted(table); }
    QString o() const { return kOtherSchema + QLatin1Char('.') + quoted(table); }
    QString keyMatch(const QString& x, const QString& y) const
    {
        QStringList terms;
        for (const QString& k : key)
            terms.append(QStringLiteral("%1.%3 IS %2.%3").arg(x, y, quoted(k)));
        return terms.join(QStringLiteral(" AND "));
    }
    QString sameValues() const
    {
        QStringList terms;
        for (const QString& c : compared)
            terms.append(QStringLiteral("(x.%1 IS y.%1 COLLATE BINARY AND typeof(x.%1) = typeof(y.%1))")
                             .arg(quoted(c)));
        return terms.isEmpty() ? QStringLiteral("1") : terms.join(QStringLiteral(" AND "));
    }
    static QString listed(const QString& alias, const QStringList& columns)
    {
        QStringList list;
        for (const QString& c : columns)
            list.append(alias.isEmpty() ? quoted(c) : alias + QLatin1Char('.') + quoted(c));
        return list.join(QStringLiteral(", "));
    }
    // The keys (or whole rows) that differ: kind_ (0: only in the backup, 1: only in the other
    // side, 2: changed), n_ (how many rows), then the key columns (or every common column).
    QString differing() const
    {
        if (!onlyOn.isEmpty())
            return QStringLiteral("SELECT %1 AS kind_, 1 AS n_, %2 FROM %3.%4")
                .arg(onlyOn == kBackupSchema ? 0 : 1)
                .arg(listed({}, key.isEmpty() ? common : key), onlyOn, quoted(table));
        if (!key.isEmpty()) {
            const QString x = QStringLiteral("x");
            const QString y = QStringLiteral("y");
            return QStringLiteral("SELECT 0 AS kind_, 1 AS n_, %1 FROM %2 AS x WHERE NOT EXISTS "
                                  "(SELECT 1 FROM %3 AS y WHERE %4) "
                                  "UNION ALL SELECT 1, 1, %5 FROM %3 AS y WHERE NOT EXISTS "
                                  "(SELECT 1 FROM %2 AS x WHERE %4) "
                                  "UNION ALL SELECT 2, 1, %1 FROM %2 AS x JOIN %3 AS y ON %4 WHERE NOT (%6)")
                .arg(listed(x, key), b(), o(), keyMatch(y, x), listed(y, key), sameValues());
        }
        // Whole rows as multisets: a row twice in the backup and once on the other side is once
        // only in the backup.
        QStringList match;
        for (const QString& c : common)
            match.append(QStringLiteral("p.%1 IS q.%1").arg(quoted(c)));
        const QString all = listed({}, common);
        return QStringLiteral("WITH gb AS (SELECT %1, count(*) AS n_ FROM %2 GROUP BY %1), "
                              "go AS (SELECT %1, count(*) AS n_ FROM %3 GROUP BY %1) "
                              "SELECT 0 AS kind_, p.n_ - coalesce(q.n_, 0) AS n_, %4 FROM gb AS p "
                              "LEFT JOIN go AS q ON %5 WHERE p.n_ > coalesce(q.n_, 0) "
                              "UNION ALL SELECT 1, p.n_ - coalesce(q.n_, 0), %4 FROM go AS p "
                              "LEFT JOIN gb AS q ON %5 WHERE p.n_ > coalesce(q.n_, 0)")
            .arg(all, b(), o(), listed(QStringLiteral("p"), common), match.join(QStringLiteral(" AND ")));
    }
};

Result<void> countTable(Comparison& c, const TablePlan& plan, TableDiff& t)
{
    auto backupRows = c.count(QStringLiteral("SELECT count(*) FROM %1").arg(plan.b()), kBackupSchema);
    if (!backupRows)
        return fail(backupRows.error());
    auto otherRows = c.count(QStringLiteral("SELECT count(*) FROM %1").arg(plan.o()), kOtherSchema);
    if (!otherRows)
        return fail(otherRows.error());
    t.backupRows = *backupRows;
    t.otherRows = *otherRows;
    if (plan.key.isEmpty() && plan.common.isEmpty())
        return ok(); // nothing to compare rows by
    Statement s(
        c.db(), QStringLiteral("SELECT kind_, sum(n_) FROM (%1) GROUP BY kind_").arg(plan.differing()));
    while (s.step() == SQLITE_ROW) {
        const qint64 kind = s.integer(0);
        (kind == 0 ? t.onlyInBackup : kind == 1 ? t.onlyInOther : t.changed) = s.integer(1);
    }
    if (s.rc() != SQLITE_DONE)
        return fail(c.failure(kBackupSchema));
    return ok();
}

// For a changed row: which columns differ, with both values.
Result<QList<ColumnChange>> changedColumns(Comparison& c, const TablePlan& plan, sqlite3_stmt* keyed)
{
    QStringList where;
    for (int i = 0; i < plan.key.size(); ++i)
        where.append(QStringLiteral("%1 IS ?%2").arg(quoted(plan.key[i])).arg(i + 1));
    const QString columns = TablePlan::listed({}, plan.compared);
    Statement x(c.db(),
        QStringLiteral("SELECT %1 FROM %2 WHERE %3")
            .arg(columns, plan.b(), where.join(QStringLiteral(" AND "))));
    Statement y(c.db(),
        QStringLiteral("SELECT %1 FROM %2 WHERE %3")
            .arg(columns, plan.o(), where.join(QStringLiteral(" AND "))));
    for (int i = 0; i < plan.key.size(); ++i) {
        sqlite3_bind_value(x.handle(), i + 1, sqlite3_column_value(keyed, i + 2));
        sqlite3_bind_value(y.handle(), i + 1, sqlite3_column_value(keyed, i + 2));
    }
    if (x.step() != SQLITE_ROW)
        return fail(c.failure(kBackupSchema));
    if (y.step() != SQLITE_ROW)
        return fail(c.failure(kOtherSchema));
    QList<ColumnChange> changes;
    for (int i = 0; i < plan.compared.size(); ++i)
        if (!sameValue(x.handle(), i, y.handle(), i))
            changes.append({ plan.compared[i], shownValue(x.handle(), i), shownValue(y.handle(), i) });
    return changes;
}

// One page of the rows that differ in a table on both sides.
Result<RowPage> rowPage(Comparison& c, const TablePlan& plan, const DiffRequest& request)
{
    RowPage page;
    page.table = plan.table;
    page.page = qMax(1, request.page);
    page.perPage = qBound(1, request.perPage, 1000);
    if (plan.key.isEmpty() && plan.common.isEmpty())
        return page;
    auto total = c.count(QStringLiteral("SELECT count(*) FROM (%1)").arg(plan.differing()), kBackupSchema);
    if (!total)
        return fail(total.error());
    page.total = *total;
    Statement s(c.db(),
        QStringLiteral("SELECT * FROM (%1) LIMIT %2 OFFSET %3")
            .arg(plan.differing())
            .arg(page.perPage)
            .arg(qint64(page.page - 1) * page.perPage));
    const QStringList shown = plan.key.isEmpty() ? plan.common : plan.key;
    while (s.step() == SQLITE_ROW) {
        RowDiff row;
        const qint64 kind = s.integer(0);
        row.kind = kind == 0 ? RowDiff::Kind::OnlyInBackup
            : kind == 1      ? RowDiff::Kind::OnlyInOther
                             : RowDiff::Kind::Changed;
        row.count = s.integer(1);
        for (int i = 0; i < shown.size(); ++i)
            row.key.insert(shown[i], shownValue(s.handle(), i + 2));
        if (row.kind == RowDiff::Kind::Changed) {
            auto columns = changedColumns(c, plan, s.handle());
            if (!columns)
                return fail(columns.error());
            row.columns = *columns;
        }
        page.rows.append(row);
    }
    if (s.rc() != SQLITE_DONE)
        return fail(c.failure(kBackupSchema));
    return page;
}

// Tables, indexes, triggers and views whose definitions differ; for tables, which columns.
Result<void> compareSchema(Comparison& c, const QMap<QString, SchemaObject>& backup,
    const QMap<QString, SchemaObject>& other, DiffReport& report)
{
    QStringList names = backup.keys() + other.keys();
    names.sort();
    names.removeDuplicates();
    for (const QString& name : std::as_const(names)) {
        const auto b = backup.constFind(name);
        const auto o = other.constFind(name);
        SchemaChange change;
        change.name = name;
        if (b == backup.cend()) {
            change.kind = SchemaChange::Kind::Added;
            change.type = o->type;
        } else if (o == other.cend()) {
            change.kind = SchemaChange::Kind::Removed;
            change.type = b->type;
        } else if (b->type != o->type || b->sql.simplified() != o->sql.simplified()) {
            change.type = o->type;
            if (b->type == QStringLiteral("table") && o->type == QStringLiteral("table")) {
                auto bc = c.columns(kBackupSchema, name);
                if (!bc)
                    return fail(bc.error());
                auto oc = c.columns(kOtherSchema, name);
                if (!oc)
                    return fail(oc.error());
                for (const QString& column : std::as_const(oc->names))
                    if (!bc->names.contains(column))
                        change.columnsAdded.append(column);
                for (const QString& column : std::as_const(bc->names))
                    if (!oc->names.contains(column))
                        change.columnsRemoved.append(column);
            }
        } else {
            continue;
        }
        report.schema.append(change);
    }
    return ok();
}

bool isPlainTable(const SchemaObject& object)
{
    // Virtual tables need their module; their rows live in shadow tables, compared as tables.
    return object.type == QStringLiteral("table")
        && !object.sql.trimmed().startsWith(QStringLiteral("CREATE VIRTUAL"), Qt::CaseInsensitive);
}

Result<TablePlan> planTable(Comparison& c, const QString& table)
{
    auto bc = c.columns(kBackupSchema, table);
    if (!bc)
        return fail(bc.error());
    auto oc = c.columns(kOtherSchema, table);
    if (!oc)
        return fail(oc.error());
    TablePlan plan;
    plan.table = table;
    for (const QString& column : std::as_const(bc->names))
        if (oc->names.contains(column))
            plan.common.append(column);
    // Rows are matched by the primary key only where both sides declare the same one.
    if (!bc->key.isEmpty() && bc->key == oc->key)
        plan.key = bc->key;
    for (const QString& column : std::as_const(plan.common))
        if (!plan.key.contains(column))
            plan.compared.append(column);
    return plan;
}

Result<void> compareTables(Comparison& c, const QMap<QString, SchemaObject>& backup,
    const QMap<QString, SchemaObject>& other, const DiffRequest& request, DiffReport& report,
    TaskContext& task)
{
    QStringList tables;
    for (auto it = backup.cbegin(); it != backup.cend(); ++it)
        if (isPlainTable(*it))
            tables.append(it.key());
    for (auto it = other.cbegin(); it != other.cend(); ++it)
        if (isPlainTable(*it) && !tables.contains(it.key()))
            tables.append(it.key());
    tables.sort();
    if (!request.table.isEmpty() && !tables.contains(request.table))
        return fail(
            ErrorCode::NotFound, FcbDiffText::tr("Neither side has a table named %1.").arg(request.table));
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const QString& name = tables[i];
        task.report(i, tables.size(), FcbDiffText::tr("Comparing table %1").arg(name));
        TableDiff t;
        t.name = name;
        t.inBackup = backup.contains(name) && isPlainTable(backup[name]);
        t.inOther = other.contains(name) && isPlainTable(other[name]);
        if (!t.inBackup || !t.inOther) {
            const QString side = t.inBackup ? kBackupSchema : kOtherSchema;
            auto rows = c.count(QStringLiteral("SELECT count(*) FROM %1.%2").arg(side, quoted(name)), side);
            if (!rows)
                return fail(rows.error());
            (t.inBackup ? t.backupRows : t.otherRows) = *rows;
            (t.inBackup ? t.onlyInBackup : t.onlyInOther) = *rows;
            report.tables.append(t);
            if (name == request.table) {
                auto columns = c.columns(side, name);
                if (!columns)
                    return fail(columns.error());
                TablePlan plan { name, columns->key, columns->names, {}, side };
                auto page = rowPage(c, plan, request);
                if (!page)
                    return fail(page.error());
                report.rows = *page;
            }
            continue;
        }
        auto plan = planTable(c, name);
        if (!plan)
            return fail(plan.error());
        t.key = plan->key;
        if (auto counted = countTable(c, *plan, t); !counted)
            return counted;
        report.tables.append(t);
        if (name == request.table) {
            auto page = rowPage(c, *plan, request);
            if (!page)
                return fail(page.error());
            report.rows = *page;
        }
    }
    return ok();
}

int interruptWhenCancelled(void* task)
{
    return static_cast<TaskContext*>(task)->isCanceled() ? 1 : 0;
}

} // namespace

Result<void> compareDatabases(const QString& backupDb, const QString& otherDb, bool otherIsLive,
    const DiffRequest& request, DiffReport& report, TaskContext& task)
{
    // The other side is the main database: the live one is opened (read-only) the way every
    // connection of this process is, so the usage probe knows it is open here.
    auto opened
        = otherIsLive ? sqlite::Connection::open(otherDb, true) : sqlite::Connection::openUntrusted(otherDb);
    if (!opened)
        return fail(opened.error());
    std::unique_ptr<sqlite::Connection> connection(*opened);
    sqlite3* db = connection->handle();
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_progress_handler(db, 10000, interruptWhenCancelled, &task);
    Comparison c(db, otherIsLive, task);
    if (auto attached
        = connection->exec(QStringLiteral("ATTACH DATABASE %1 AS %2").arg(sqlText(backupDb), kBackupSchema));
        !attached)
        return fail(c.failure(kBackupSchema));
    // One read transaction over everything: the live side is read as one state, and in WAL mode
    // the server's writes go on meanwhile.
    if (auto begun = connection->exec(QStringLiteral("BEGIN")); !begun)
        return fail(c.failure(kOtherSchema));
    const auto end = qScopeGuard([&connection] { (void)connection->exec(QStringLiteral("COMMIT")); });
    auto other = c.schema(kOtherSchema);
    if (!other)
        return fail(other.error());
    auto backup = c.schema(kBackupSchema);
    if (!backup)
        return fail(backup.error());
    if (auto schema = compareSchema(c, *backup, *other, report); !schema)
        return schema;
    return compareTables(c, *backup, *other, request, report, task);
}

namespace {

const QString kFiles = QStringLiteral("files/");

struct FileFacts
{
    qint64 size = 0;
    quint32 crc = 0;
};

QMap<QString, FileFacts> archiveFiles(const ArchiveDirectory& directory)
{
    QMap<QString, FileFacts> files;
    for (const ArchiveEntry& e : directory.entries)
        if (e.name.startsWith(kFiles) && !e.isDirectory())
            files.insert(e.name, { qint64(e.size), e.crc });
    return files;
}

// The live uploads as a backup would hold them (regular files, no links), sizes only.
QMap<QString, FileFacts> liveFiles(const QString& filesDir)
{
    QMap<QString, FileFacts> files;
    const QDir root(filesDir);
    if (!root.exists())
        return files;
    QDirIterator it(
        filesDir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (info.isFile())
            files.insert(kFiles + root.relativeFilePath(info.absoluteFilePath()), { info.size(), 0 });
    }
    return files;
}

// CRC-32 of a file, or nothing when it cannot be read (gone meanwhile, unreadable).
std::optional<quint32> crcOf(const QString& path, const TaskContext& task, std::atomic<qint64>& done)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    quint32 crc = 0;
    for (;;) {
        if (task.isCanceled())
            return std::nullopt;
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return std::nullopt;
        if (n == 0)
            return crc;
        crc = libdeflate_crc32(crc, buffer.constData(), size_t(n));
        done += n;
    }
}

// The CRC-32 of every live file whose size matches the backup's, on the worker pool.
Result<void> hashLive(QMap<QString, FileFacts>& live, const QMap<QString, FileFacts>& backup,
    const QString& filesDir, TaskContext& task)
{
    struct Work
    {
        QString path;
        FileFacts* facts;
        bool readable = true;
    };
    QList<Work> work;
    qint64 total = 0;
    for (auto it = live.begin(); it != live.end(); ++it) {
        const auto b = backup.constFind(it.key());
        if (b != backup.cend() && b->size == it->size) {
            work.append({ QDir(filesDir).filePath(it.key().mid(kFiles.size())), &it.value() });
            total += it->size;
        }
    }
    // On the archive workers, whose tasks never wait: this thread (one of the engine's pool)
    // waits for them, and a task queued behind it on its own pool would never start.
    std::atomic<qint64> done { 0 };
    QtConcurrent::blockingMap(archiveWorkers(), work, [&task, &done, total](Work& w) {
        const auto crc = crcOf(w.path, task, done);
        w.readable = crc.has_value() || task.isCanceled();
        w.facts->crc = crc.value_or(0);
        task.report(done.load(), total, FcbDiffText::tr("Reading the live uploads"));
    });
    if (task.isCanceled())
        return fail(ErrorCode::Cancelled, FcbDiffText::tr("Cancelled."));
    for (const Work& w : std::as_const(work))
        if (!w.readable)
            return fail(ErrorCode::Io, FcbDiffText::tr("Could not read the live upload %1.").arg(w.path));
    return ok();
}

} // namespace

Result<void> compareFiles(const ArchiveDirectory& backup, const ArchiveDirectory* other,
    const QString& liveFilesDir, DiffReport& report, TaskContext& task)
{
    const QMap<QString, FileFacts> b = archiveFiles(backup);
    QMap<QString, FileFacts> o = other ? archiveFiles(*other) : liveFiles(liveFilesDir);
    if (!other)
        if (auto hashed = hashLive(o, b, liveFilesDir, task); !hashed)
            return hashed;
    QStringList paths = b.keys() + o.keys();
    paths.sort();
    paths.removeDuplicates();
    for (const QString& path : std::as_const(paths)) {
        const auto x = b.constFind(path);
        const auto y = o.constFind(path);
        FileDiff d;
        d.path = path;
        if (x != b.cend()) {
            d.backupSize = x->size;
            d.backupCrc = x->crc;
        }
        if (y != o.cend()) {
            d.otherSize = y->size;
            d.otherCrc = y->crc;
        }
        if (y == o.cend()) {
            d.kind = FileDiff::Kind::OnlyInBackup;
            ++report.filesOnlyInBackup;
            report.bytesOnlyInBackup += d.backupSize;
        } else if (x == b.cend()) {
            d.kind = FileDiff::Kind::OnlyInOther;
            ++report.filesOnlyInOther;
            report.bytesOnlyInOther += d.otherSize;
        } else {
            ++report.filesCompared;
            if (d.backupSize == d.otherSize && d.backupCrc == d.otherCrc)
                continue;
            d.kind = FileDiff::Kind::Changed;
            ++report.filesChanged;
        }
        report.files.append(d);
    }
    return ok();
}

namespace {

// The database of a backup, out of its archive into the work folder.
Result<QString> extractDatabase(
    const QString& zipPath, const QString& work, const QString& as, TaskContext& task)
{
    const QString target = QDir(work).filePath(as);
    if (auto extracted = browse::extractCopy(zipPath, QStringLiteral("database.db"), target, task);
        !extracted) {
        if (extracted.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::BadArchive,
                FcbDiffText::tr("%1 holds no database.").arg(QFileInfo(zipPath).fileName()));
        return fail(extracted.error());
    }
    return target;
}

// The live database as it is read: in place in WAL mode (a read transaction never blocks the
// server), else a snapshot copy, since a reader of a rollback-journal database would hold the
// writer off for the whole comparison.
Result<std::pair<QString, bool>> liveDatabase(const QString& liveDb, const QString& work, TaskContext& task)
{
    if (!QFileInfo::exists(liveDb))
        return fail(ErrorCode::NotFound,
            FcbDiffText::tr("There is no live database at %1 to compare with.").arg(liveDb));
    {
        auto opened = sqlite::Connection::open(liveDb, true);
        if (!opened)
            return fail(opened.error());
        std::unique_ptr<sqlite::Connection> connection(*opened);
        auto mode = connection->queryText(QStringLiteral("PRAGMA journal_mode"));
        if (mode && mode->compare(QStringLiteral("wal"), Qt::CaseInsensitive) == 0)
            return std::pair { liveDb, true };
    }
    const QString copy = QDir(work).filePath(QStringLiteral("live.db"));
    if (auto taken = sqlite::snapshot(liveDb, copy, task, false); !taken)
        return fail(taken.error());
    return std::pair { copy, false };
}

} // namespace

namespace {

// Cancellation only: the uploads are compared beside the databases, whose progress is shown.
class Beside final : public TaskContext
{
public:
    explicit Beside(TaskContext& task)
        : m_task(task)
    { }
    bool isCanceled() const override { return m_stop.load() || m_task.isCanceled(); }
    void report(qint64, qint64, const QString&) override { }
    void stop() { m_stop.store(true); }

private:
    TaskContext& m_task;
    std::atomic_bool m_stop { false };
};

// The databases: the backup's (and a second backup's) copied out into a private folder under
// workRoot, removed again whatever happens, and compared.
Result<void> compareDatabasesOf(const Sides& sides, const DiffRequest& request, const QString& workRoot,
    DiffReport& report, TaskContext& task)
{
    const QString work = temp::in(workRoot, temp::Kind::Compare);
    if (auto made = files::makeOwnerOnlyDir(work); !made)
        return fail(made.error());
    const auto removeWork = qScopeGuard([&work] { (void)files::removeAll(work); });
    auto backupDb = extractDatabase(sides.backupZip, work, QStringLiteral("backup.db"), task);
    if (!backupDb)
        return fail(backupDb.error());
    std::pair<QString, bool> otherDb;
    if (!sides.otherZip.isEmpty()) {
        auto extracted = extractDatabase(sides.otherZip, work, QStringLiteral("other.db"), task);
        if (!extracted)
            return fail(extracted.error());
        otherDb = { *extracted, false };
    } else {
        auto live = liveDatabase(sides.liveDb, work, task);
        if (!live)
            return fail(live.error());
        otherDb = *live;
    }
    return compareDatabases(*backupDb, otherDb.first, otherDb.second, request, report, task);
}

} // namespace

Result<DiffReport> run(
    const Sides& sides, const DiffRequest& request, const QString& workRoot, TaskContext& task)
{
    DiffReport report;
    report.backup = request.backup;
    report.against = request.against;
    // Archives a restore would refuse are refused here too: their names are not followed.
    auto backupDirectory = archive::readDirectory(sides.backupZip);
    if (!backupDirectory)
        return fail(backupDirectory.error());
    std::optional<ArchiveDirectory> otherDirectory;
    if (!sides.otherZip.isEmpty()) {
        auto read = archive::readDirectory(sides.otherZip);
        if (!read)
            return fail(read.error());
        otherDirectory = *read;
    }
    // The uploads are compared on the pool meanwhile: reading the live files overlaps with
    // copying out and reading the databases. (A wait here runs the task itself if the pool has
    // not started it.)
    DiffReport uploads;
    Beside beside(task);
    QFuture<Result<void>> comparing = QtConcurrent::run(workers::pool(), [&] {
        return compareFiles(*backupDirectory, otherDirectory ? &*otherDirectory : nullptr, sides.liveFilesDir,
            uploads, beside);
    });
    const Result<void> databases = compareDatabasesOf(sides, request, workRoot, report, task);
    if (!databases)
        beside.stop();
    const Result<void> files = comparing.result();
    if (!databases)
        return fail(databases.error());
    if (!files)
        return fail(files.error());
    report.files = uploads.files;
    report.filesOnlyInBackup = uploads.filesOnlyInBackup;
    report.filesOnlyInOther = uploads.filesOnlyInOther;
    report.filesChanged = uploads.filesChanged;
    report.bytesOnlyInBackup = uploads.bytesOnlyInBackup;
    report.bytesOnlyInOther = uploads.bytesOnlyInOther;
    report.filesCompared = uploads.filesCompared;
    return report;
}

} // namespace fcb::diff
