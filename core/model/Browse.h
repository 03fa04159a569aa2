#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace fcb {

// What is inside one backup, read from its central directory only (no entry data is read).
struct ListedEntry
{
    QString name; // as the archive names it; shown, never followed when flagged
    quint64 size = 0;
    quint64 compressedSize = 0;
    quint32 crc = 0;
    QDateTime modified; // local time as the zip stores it (no zone)
    bool isDirectory = false;
    // Why a restore would refuse this name (absolute, "..", a duplicate, a link); empty when sound.
    QString flag;
};

struct ArchiveListing
{
    QString fileName;
    QList<ListedEntry> entries; // in the archive's order
    quint64 totalSize = 0;
    quint64 totalCompressed = 0;
    qint64 flagged = 0; // entries with a flag
};

// Files written out of a backup (extract), each checked against its CRC-32 and SHA256SUMS line.
struct ExtractResult
{
    QString outputDir;
    QStringList written; // paths relative to outputDir
    qint64 bytes = 0;
    qint64 checkedAgainstSums = 0; // files whose SHA-256 matched their SHA256SUMS line
};

// One upload put back into the live files/ folder.
struct RestoreFileResult
{
    QString path; // files/... as in the archive
    QString livePath; // where it now is
    QString keptAs; // the file it replaced, renamed to NAME.before_restore (empty: there was none)
    qint64 bytes = 0;
};

// One backup's copy of a path, for history.
struct HistoryEntry
{
    enum class Change
    {
        Same, // as in the next older backup
        Appeared, // not in the next older backup (or the oldest one that holds it)
        Changed, // size or CRC-32 differ from the next older backup
        Disappeared, // this backup does not hold it, the next older one did
    };
    QString backup; // file name
    QDateTime created; // UTC
    bool present = false;
    quint64 size = 0;
    quint32 crc = 0;
    QDateTime modified; // the entry's own time
    Change change = Change::Same;
};

struct HistoryResult
{
    QString path;
    QList<HistoryEntry> entries; // newest first
    qint64 backupsRead = 0; // central directories read
    qint64 fromCache = 0; // of those, answered by the cache without opening the archive
    QStringList skipped; // archives that could not be read, each "name: why"; left out
};

} // namespace fcb
