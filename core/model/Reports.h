#pragma once

#include "model/Metadata.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fcb {

// What a check of an archive found (verify, and every operation that verifies on the way).
struct VerifyCheck
{
    enum class Status
    {
        Passed,
        Failed,
        Missing
    };
    QString id; // zip, layout, crc, checksums, database, metadata
    Status status = Status::Passed;
    QString message;
};

struct VerifyReport
{
    QString path;
    QList<VerifyCheck> checks;
    std::optional<Metadata> metadata;
    qint64 entryCount = 0;
    qint64 fileCount = 0; // files/ entries
    quint64 totalSize = 0;
    qint64 entriesInPieces = 0; // large entries written in chunks, checked in parallel pieces
    bool ok() const;
    QStringList problems() const; // messages of failed checks
    QStringList lacks() const; // messages of missing checks
};

struct DrillTable
{
    QString name;
    qint64 rows = 0;
};

// A restore rehearsed in a throw-away folder: what was found, and whether it would restore.
struct DrillReport
{
    QString fileName;
    QDateTime finishedAt; // UTC
    VerifyReport verify; // CRCs, SHA256SUMS, integrity_check and metadata, while extracting
    qint64 extractedFiles = 0;
    qint64 extractedBytes = 0;
    qint64 foreignKeyViolations = 0;
    QStringList foreignKeyTables; // tables with violations
    QList<DrillTable> tables; // every table of the restored database with its row count
    qint64 elapsedMs = 0;
    QStringList problems() const; // empty: the backup restores
    bool ok() const { return problems().isEmpty(); }
};

} // namespace fcb
