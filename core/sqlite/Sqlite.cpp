#include "Sqlite.h"

#include "FileUtil.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRecursiveMutex>
#include <QUrl>

#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <sqlite3.h>
#include <unistd.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbSqliteText
{
    Q_DECLARE_TR_FUNCTIONS(FcbSqliteText)
};

namespace fcb::sqlite {

namespace {

// Held while a connection opens and while the usage probe looks at -shm: closing the probe's
// file descriptor would drop the fcntl locks of a connection opened at the same moment.
QRecursiveMutex g_openMutex;
QHash<QString, int> g_openPaths;

QString canonical(const QString& path)
{
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QFileInfo(path).absoluteFilePath() : c;
}

void registerOpen(const QString& path, int delta)
{
    QMutexLocker locker(&g_openMutex);
    int& count = g_openPaths[canonical(path)];
    count += delta;
    if (count <= 0)
        g_openPaths.remove(canonical(path));
}

} // namespace

Connection::~Connection()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        registerOpen(m_path, -1);
    }
}

Result<Connection*> Connection::open(const QString& path, bool readOnly)
{
    auto connection = std::make_unique<Connection>();
    const int flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        | SQLITE_OPEN_NOMUTEX;
    QMutexLocker locker(&g_openMutex);
    registerOpen(path, +1);
    connection->m_path = path;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &connection->m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString detail = connection->m_db ? QString::fromUtf8(sqlite3_errmsg(connection->m_db))
                                                : QString::fromUtf8(sqlite3_errstr(rc));
        return fail(rc == SQLITE_CANTOPEN ? ErrorCode::NotFound : ErrorCode::Io,
            FcbSqliteText::tr("Could not open the database %1.").arg(path), detail);
    }
    sqlite3_busy_timeout(connection->m_db, 10000);
    sqlite3_extended_result_codes(connection->m_db, 1);
    return connection.release();
}

Result<Connection*> Connection::openUntrusted(const QString& path)
{
    auto connection = std::make_unique<Connection>();
    QMutexLocker locker(&g_openMutex);
    registerOpen(path, +1);
    connection->m_path = path;
    QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    url.setQuery(QStringLiteral("immutable=1"));
    const int rc = sqlite3_open_v2(url.toString(QUrl::FullyEncoded).toUtf8().constData(), &connection->m_db,
        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK)
        return fail(ErrorCode::BadArchive, FcbSqliteText::tr("Could not open the database %1.").arg(path),
            connection->m_db ? QString::fromUtf8(sqlite3_errmsg(connection->m_db)) : QString());
    sqlite3_db_config(connection->m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(connection->m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    return connection.release();
}

QString Connection::lastError() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

Result<void> Connection::exec(const QString& sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString detail = message ? QString::fromUtf8(message) : lastError();
        sqlite3_free(message);
        return fail(ErrorCode::Io, FcbSqliteText::tr("The database refused a command."), detail);
    }
    return ok();
}

Result<QStringList> Connection::queryColumn(const QString& sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK)
        return fail(ErrorCode::BadArchive, FcbSqliteText::tr("The database could not be read."), lastError());
    QStringList rows;
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        rows.append(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return fail(rc == SQLITE_BUSY ? ErrorCode::InUse : ErrorCode::BadArchive,
            FcbSqliteText::tr("The database could not be read."), lastError());
    return rows;
}

Result<QString> Connection::queryText(const QString& sql)
{
    auto rows = queryColumn(sql);
    if (!rows)
        return fail(rows.error());
    return rows->isEmpty() ? QString() : rows->first();
}

Result<qint64> Connection::queryInt(const QString& sql)
{
    auto text = queryText(sql);
    if (!text)
        return fail(text.error());
    return text->toLongLong();
}

Result<SnapshotInfo> snapshot(
    const QString& sourcePath, const QString& targetPath, TaskContext& task, bool checkIntegrity)
{
    if (!QFileInfo::exists(sourcePath))
        return fail(
            ErrorCode::NotFound, FcbSqliteText::tr("The database %1 does not exist.").arg(sourcePath));
    auto opened = Connection::open(sourcePath, true);
    if (!opened)
        return fail(opened.error());
    std::unique_ptr<Connection> source(*opened);
    auto targetOpened = Connection::open(targetPath, false);
    if (!targetOpened)
        return fail(targetOpened.error());
    std::unique_ptr<Connection> target(*targetOpened);

    // The copy is a temp file that is only read back: no journal, no fsync per step.
    if (auto fast = target->exec(QStringLiteral("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF")); !fast)
        return fail(fast.error());

    SnapshotInfo info;
    if (auto mode = source->queryText(QStringLiteral("PRAGMA journal_mode")); mode)
        info.journalMode = *mode;
    else
        return fail(ErrorCode::BadArchive,
            FcbSqliteText::tr("%1 is not a readable SQLite database.").arg(sourcePath), mode.error().detail);

    // One read transaction for the whole copy: every step sees the same committed state.
    if (auto begun = source->exec(QStringLiteral("BEGIN")); !begun)
        return fail(begun.error());
    if (auto read = source->queryInt(QStringLiteral("SELECT count(*) FROM sqlite_schema")); !read) {
        (void)source->exec(QStringLiteral("ROLLBACK"));
        return fail(read.error());
    }

    sqlite3_backup* backup = sqlite3_backup_init(target->handle(), "main", source->handle(), "main");
    if (!backup) {
        (void)source->exec(QStringLiteral("ROLLBACK"));
        return fail(
            ErrorCode::Io, FcbSqliteText::tr("Could not start the database snapshot."), target->lastError());
    }
    constexpr int pagesPerStep = 4096;
    int rc = SQLITE_OK;
    const QString stepText = FcbSqliteText::tr("Copying the database");
    do {
        if (task.isCanceled()) {
            sqlite3_backup_finish(backup);
            (void)source->exec(QStringLiteral("ROLLBACK"));
            return fail(ErrorCode::Cancelled, FcbSqliteText::tr("Cancelled."));
        }
        rc = sqlite3_backup_step(backup, pagesPerStep);
        const int total = sqlite3_backup_pagecount(backup);
        task.report(total - sqlite3_backup_remaining(backup), total, stepText);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    info.pageCount = sqlite3_backup_pagecount(backup);
    const int finished = sqlite3_backup_finish(backup);
    (void)source->exec(QStringLiteral("COMMIT"));
    if (rc != SQLITE_DONE || finished != SQLITE_OK) {
        // SQLite keeps the errno of the write that failed; a full disk may only say SQLITE_FULL.
        int err = sqlite3_system_errno(target->handle());
        if (err == 0 && (rc & 0xff) == SQLITE_FULL)
            err = ENOSPC;
        if (err != 0 || (rc & 0xff) == SQLITE_IOERR)
            return fail(files::systemError(
                FcbSqliteText::tr("The database snapshot to %1 failed").arg(targetPath), targetPath, err));
        return fail(ErrorCode::Io,
            FcbSqliteText::tr("The database snapshot failed: %1.").arg(QString::fromUtf8(sqlite3_errstr(rc))),
            QString::fromUtf8(sqlite3_errstr(rc)) + QStringLiteral(": ") + target->lastError());
    }
    if (auto size = target->queryInt(QStringLiteral("PRAGMA page_size")); size)
        info.pageSize = *size;
    if (checkIntegrity) {
        auto integrity = target->queryColumn(QStringLiteral("PRAGMA integrity_check"));
        info.integrity = integrity ? integrity->value(0) : integrity.error().detail;
    }
    qCInfo(lcSqlite) << "snapshot of" << sourcePath << info.pageCount << "pages, integrity" << info.integrity;
    return info;
}

bool hasSqliteHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

Result<QString> integrityCheck(const QString& path)
{
    if (!hasSqliteHeader(path))
        return fail(
            ErrorCode::BadArchive, FcbSqliteText::tr("The database is not an SQLite database."), path);
    // The file may come from anywhere: read-only, nothing beside it created or replayed, and no
    // schema-defined code trusted.
    auto opened = Connection::openUntrusted(path);
    if (!opened)
        return fail(ErrorCode::BadArchive, FcbSqliteText::tr("The database could not be opened."),
            opened.error().detail);
    std::unique_ptr<Connection> db(*opened);
    auto rows = db->queryColumn(QStringLiteral("PRAGMA integrity_check"));
    if (!rows)
        return fail(
            ErrorCode::BadArchive, FcbSqliteText::tr("The database is damaged."), rows.error().detail);
    if (rows->isEmpty())
        return fail(ErrorCode::BadArchive, FcbSqliteText::tr("The database is damaged."),
            QStringLiteral("no integrity result"));
    // A badly damaged file yields hundreds of lines: the first few say what kind of damage it is.
    QStringList problems;
    for (const QString& row : *rows)
        for (const QString& line : row.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            problems.append(line.trimmed());
    constexpr int kShown = 3;
    if (problems.size() <= kShown)
        return problems.join(QStringLiteral("; "));
    return FcbSqliteText::tr("%1; and %n more problem(s)", nullptr, int(problems.size() - kShown))
        .arg(problems.mid(0, kShown).join(QStringLiteral("; ")));
}

Result<void> checkpoint(const QString& path)
{
    auto opened = Connection::open(path, false);
    if (!opened)
        return fail(opened.error());
    std::unique_ptr<Connection> db(*opened);
    // Reading first makes SQLite roll back a hot journal left by a crashed writer.
    if (auto read = db->queryInt(QStringLiteral("SELECT count(*) FROM sqlite_schema")); !read)
        return fail(read.error());
    auto rows = db->queryColumn(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    if (!rows)
        return fail(rows.error());
    return ok();
}

bool openedByThisProcess(const QString& path)
{
    QMutexLocker locker(&g_openMutex);
    return g_openPaths.contains(canonical(path));
}

Usage probeUsage(const QString& dbPath)
{
    QMutexLocker locker(&g_openMutex);
    Usage usage;
    if (openedByThisProcess(dbPath)) {
        usage.inUse = true;
        usage.pids.append(qint64(::getpid()));
        return usage;
    }
    const QString shm = dbPath + QStringLiteral("-shm");
    if (QFileInfo::exists(shm)) {
        const int fd = ::open(QFile::encodeName(shm).constData(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            struct flock lock
            {
            };
            lock.l_type = F_WRLCK;
            lock.l_whence = SEEK_SET;
            lock.l_start = 128; // SQLite's "DMS" byte: shared-locked by every open connection
            lock.l_len = 1;
            if (::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK) {
                usage.inUse = true;
                if (lock.l_pid > 0)
                    usage.pids.append(lock.l_pid);
            }
            ::close(fd);
        }
    }
    // Second opinion from /proc: any process with the database or its WAL files open.
    const QStringList watched { canonical(dbPath), canonical(dbPath + QStringLiteral("-wal")),
        canonical(shm) };
    const qint64 self = ::getpid();
    const QDir proc(QStringLiteral("/proc"));
    for (const QString& pidText : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool isPid = false;
        const qint64 pid = pidText.toLongLong(&isPid);
        if (!isPid || pid == self)
            continue;
        const QDir fds(QStringLiteral("/proc/") + pidText + QStringLiteral("/fd"));
        for (const QFileInfo& fd :
            fds.entryInfoList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
            if (watched.contains(fd.symLinkTarget())) {
                usage.inUse = true;
                if (!usage.pids.contains(pid))
                    usage.pids.append(pid);
                break;
            }
        }
    }
    return usage;
}

} // namespace fcb::sqlite
