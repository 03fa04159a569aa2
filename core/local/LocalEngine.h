#pragma once

#include "DataFolder.h"
#include "Error.h"
#include "TaskContext.h"
#include "archive/ArchiveReader.h"
#include "browse/Browse.h"
#include "drill/Drill.h"
#include "local/BackupScan.h"
#include "local/OperationLock.h"
#include "model/Backup.h"
#include "model/Browse.h"
#include "model/Diff.h"
#include "model/Restore.h"
#include "model/Status.h"
#include "model/Transfer.h"
#include "offsite/Offsite.h"
#include "restore/RestoreApplier.h"
#include "restore/RestoreStager.h"

#include <functional>

namespace fcb {

// Backups of a FastCMS data folder on this machine. The methods do the work synchronously; a
// front end reaches them through LocalBackend, which runs them on the worker pool
// (workers::run). Thread-safe: every mutating call takes the data folder's operation lock.
class LocalEngine
{
public:
    struct Options
    {
        FreeSpaceProbe freeSpace; // default: statvfs of the folder
        // libdeflate's level 5: about as small as zip -6 and about 15% less work than its level 6.
        int compressionLevel = 5;
        bool forceZip64 = false;
        // Where listings keep each backups folder's sorted names between runs (empty: nowhere).
        QString scanCacheDir = defaultScanCacheDir();
        // Where history keeps what each backup holds under files/ between runs (empty: nowhere).
        QString historyCacheDir = browse::defaultHistoryCacheDir();
        // How long an operation waits for another one on the same data folder (--wait-lock).
        int lockWaitMs = 0;
    };

    explicit LocalEngine(DataFolder folder);
    LocalEngine(DataFolder folder, Options options);

    const DataFolder& folder() const { return m_folder; }
    // NotFound when the data folder is not there at all (a mistyped path): neither the folder
    // meant to hold the database nor the backups folder exists.
    Result<void> checkFolderExists() const;

    Result<CreateResult> create(const CreateRequest& request, TaskContext& task) const;
    Result<BackupPage> list(int page, int perPage) const;
    Result<void> remove(const QString& fileName) const;
    Result<VerifyReport> verify(const QString& fileName, TaskContext& task) const;
    // A restore rehearsed in a throw-away folder inside the backups folder.
    Result<DrillReport> drill(const QString& fileName, TaskContext& task) const;
    Result<StageResult> stageRestore(
        const QString& fileName, TaskContext& task, VerifyReport* failedReport = nullptr) const;
    Result<void> unstageRestore() const;
    Result<ApplyResult> applyRestore(TaskContext& task) const;
    Result<AbandonResult> abandonInterruptedApply() const;
    Result<FolderStatus> status() const;
    // A copy of a backup somewhere else on this machine (temp file, fsync, rename), verified.
    Result<DownloadResult> copyOut(
        const QString& fileName, const QString& targetPath, TaskContext& task) const;
    // Adds a zip from elsewhere to the backups folder after it verifies; keeps its name when that
    // is a free plain *.zip name.
    Result<BackupItem> importArchive(const QString& zipPath, TaskContext& task) const;
    // Off-site copies through rclone: the named backups (all valid ones when names is empty)
    // to the remote, never replacing anything there; and one back, verified before it joins
    // the backups folder.
    Result<OffsitePushResult> pushOffsite(
        const QString& remote, const QStringList& names, TaskContext& task) const;
    Result<BackupItem> pullOffsite(const QString& remote, const QString& fileName, TaskContext& task) const;
    // What differs between a backup and the live data (or a second backup); reads only.
    Result<DiffReport> diff(const DiffRequest& request, TaskContext& task) const;
    // Rows of a table of a backup's database, written to request.outputPath; reads only.
    Result<ExportResult> exportRows(const ExportRequest& request, TaskContext& task) const;
    // Inside one backup (browse/Browse.h): its listing, some of its files written elsewhere, one
    // upload put back into files/ (under the operation lock), and one upload's history.
    Result<ArchiveListing> listArchive(const QString& fileName) const;
    Result<ExtractResult> extract(const QString& fileName, const QStringList& paths, const QString& outputDir,
        bool force, TaskContext& task) const;
    Result<RestoreFileResult> restoreFile(
        const QString& fileName, const QString& path, TaskContext& task) const;
    Result<HistoryResult> history(const QString& path, TaskContext& task) const;

private:
    // The data folder's operation lock, waited for as the options say; clears what earlier,
    // interrupted runs left behind once it is held.
    Result<std::unique_ptr<OperationLock>> lockFolder(const TaskContext* task) const;
    // The same for what changes the live data or the staged restore: Conflict while an
    // interrupted apply waits to be finished or undone.
    Result<std::unique_ptr<OperationLock>> lockForRestore(const TaskContext* task) const;
    // The path of a plain *.zip name in the backups folder, or Usage / NotFound.
    Result<QString> existingBackup(const QString& fileName) const;

    DataFolder m_folder;
    Options m_options;
};

} // namespace fcb
