#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "model/Browse.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace fcb::browse {

// Reading inside one backup without restoring it: what it holds, some of its files written
// elsewhere, one upload put back, and one upload's history across the backups folder. The
// archive is read with the strict reader's walk of the central directory (archive/ZipDirectory.h),
// and every byte written out is checked against the entry's CRC-32 and, where the archive has
// SHA256SUMS, against its line there.

// Free bytes where a path is to be written (files::freeSpace unless a test plays a full disk).
using FreeSpace = std::function<qint64(const QString& path)>;

// The archive's entries from its central directory alone, each name that a restore would refuse
// flagged (ListedEntry::flag) rather than refused: a listing shows a hostile archive as it is.
// BadArchive for what is no readable zip (or truncated), NotFound when the file is not there.
Result<ArchiveListing> listArchive(const QString& zipPath);

// Whether an archive path is entry `name` itself or lies in the folder `path` names.
bool pathSelects(const QString& path, const QString& name);

// The entries the paths select (a file's name, or a folder such as files/photos/), written
// under outputDir at their archive paths. All or nothing: every target is checked before
// anything is written (Conflict for an existing file unless force, or for a link or file where a
// folder of the path should be), every file is extracted and verified into a temporary file
// beside its target, and only once all are sound are they renamed into place. NotFound for a
// path that selects nothing; BadArchive when a selected entry carries a flag or its data is
// damaged, which leaves nothing behind.
Result<ExtractResult> extract(const QString& zipPath, const QStringList& paths, const QString& outputDir,
    bool force, TaskContext& task, const FreeSpace& freeSpace);

// One upload (files/<path>) put back into filesDir: verified into a temporary file beside it,
// then a file of that name renamed to NAME.before_restore (or .before_restore.1, .2, ...), then
// the restored one renamed in. Usage for a path outside files/. The caller holds the data
// folder's operation lock.
Result<RestoreFileResult> restoreFile(
    const QString& zipPath, const QString& path, const QString& filesDir, TaskContext& task);

// Every backup in backupsDir that holds path (an upload, files/...), newest first, and where it
// appeared, changed and disappeared. Only central directories are read, and what each archive
// holds under files/ is kept in cacheDir (when not empty) keyed on the archive's name, size and
// modification time, so that a second look opens no archive that has not changed.
Result<HistoryResult> history(
    const QString& backupsDir, const QString& path, const QString& cacheDir, TaskContext& task);
// One entry (such as database.db) streamed into target as a throw-away copy (owner-only, not
// synced), checked against its CRC-32 and its SHA256SUMS line: NotFound when the archive has no
// such entry, BadArchive when it is damaged, named twice, or named as a restore would refuse.
Result<void> extractCopy(
    const QString& zipPath, const QString& name, const QString& target, TaskContext& task);

// ~/.cache/fastcms-backup/history (XDG_CACHE_HOME honoured).
QString defaultHistoryCacheDir();

// Whether path names one upload in an archive: files/ followed by a relative path without ".",
// ".." or empty parts; a Usage error naming it otherwise.
Result<void> checkUploadPath(const QString& path);

} // namespace fcb::browse
