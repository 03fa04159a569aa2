#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "archive/ArchiveReader.h"
#include "model/Diff.h"

#include <QString>

namespace fcb::diff {

// What differs between a backup and the live data, or between two backups. Nothing is written
// but throw-away copies of the backups' databases, in a private folder under workRoot that is
// removed again whatever happens.
struct Sides
{
    QString backupZip;
    QString otherZip; // empty: the live data below
    QString liveDb;
    QString liveFilesDir;
};
Result<DiffReport> run(
    const Sides& sides, const DiffRequest& request, const QString& workRoot, TaskContext& task);

// The databases alone: backupDb is a private copy of the backup's; otherDb is the live database
// (otherIsLive: read in one read transaction, never written) or a private copy of another.
Result<void> compareDatabases(const QString& backupDb, const QString& otherDb, bool otherIsLive,
    const DiffRequest& request, DiffReport& report, TaskContext& task);

// The uploads alone: the backup's files/ entries against another archive's (other set) or the
// live files folder, whose files are read (never changed) and their CRC-32 computed in parallel
// where the sizes agree.
Result<void> compareFiles(const ArchiveDirectory& backup, const ArchiveDirectory* other,
    const QString& liveFilesDir, DiffReport& report, TaskContext& task);

} // namespace fcb::diff
