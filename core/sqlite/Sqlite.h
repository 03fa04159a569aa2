#pragma once

#include "Error.h"
#include "TaskContext.h"

#include <QList>
#include <QString>

struct sqlite3;

namespace fcb::sqlite {

// One SQLite connection, closed on destruction. Registered process-wide so that the usage
// probe never opens (and by closing, unlocks) a database this process is using.
class Connection
{
public:
    Connection() = default;
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    static Result<Connection*> open(const QString& path, bool readOnly);
    // For databases from archives: read-only and immutable (no -wal/-shm created or replayed),
    // defensive, schema-defined functions not trusted.
    static Result<Connection*> openUntrusted(const QString& path);
    sqlite3* handle() const { return m_db; }
    Result<void> exec(const QString& sql);
    Result<qint64> queryInt(const QString& sql);
    Result<QString> queryText(const QString& sql);
    // Every row of the first column, as text.
    Result<QStringList> queryColumn(const QString& sql);
    QString lastError() const;

private:
    sqlite3* m_db = nullptr;
    QString m_path;
};

struct SnapshotInfo
{
    qint64 pageCount = 0;
    qint64 pageSize = 0;
    QString journalMode;
    QString integrity; // "ok" or the first problem found
};

// A consistent copy of a live database (WAL or not) while other processes keep writing:
// the online backup API under one read transaction, so the copy is the state at the moment
// the snapshot began and a busy writer cannot make it start over.
// The target is a throw-away copy: it is written without a journal or fsync (the archive it goes
// into is synced). checkIntegrity: run integrity_check on the copy (else the caller does, e.g.
// alongside other work).
Result<SnapshotInfo> snapshot(
    const QString& sourcePath, const QString& targetPath, TaskContext& task, bool checkIntegrity = true);

// True when the file starts with SQLite's 16-byte header.
bool hasSqliteHeader(const QString& path);
// "ok", or the first problem integrity_check reports; BadArchive when it is no database at all.
Result<QString> integrityCheck(const QString& path);
// Folds a live WAL into the main file (and rolls back a hot journal); the database must not
// be open elsewhere.
Result<void> checkpoint(const QString& path);
// True if this process has a Connection open on path.
bool openedByThisProcess(const QString& path);

struct Usage
{
    bool inUse = false;
    QList<qint64> pids; // other processes seen holding the database, where they could be found
};
// Is any other process using the database? The WAL shared-memory lock (a connection holds a
// shared lock on byte 128 of -shm while open) answers for WAL databases; /proc is a second
// opinion that also catches rollback-journal users.
Usage probeUsage(const QString& dbPath);

} // namespace fcb::sqlite
