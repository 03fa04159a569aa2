#pragma once

#include "DataFolder.h"
#include "Error.h"
#include "TaskContext.h"
#include "archive/ArchiveReader.h"
#include "backend/Backend.h"
#include "drill/Drill.h"
#include "offsite/Offsite.h"
#include "local/BackupScan.h"
#include "local/LocalTypes.h"
#include "local/OperationLock.h"
#include "restore/RestoreApplier.h"
#include "restore/RestoreStager.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent>

#include <functional>

namespace fcb {

struct OffsitePushResult
{
    QStringList copied;
    QStringList alreadyThere;
    QList<Error> failed; // one per backup that could not be copied; the others still were
};

// Backups of a FastCMS data folder on this machine. The synchronous methods do the work and
// are what the worker threads run; the *Async ones run them on the engine's own thread pool
// with progress through the returned future and cancellation through the job's token; the
// future always carries the result (Cancelled when the job stopped early). Thread-safe: every mutating call takes the data folder's operation lock.
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
    Result<StageResult> stageRestore(const QString& fileName, TaskContext& task,
                                     VerifyReport* failedReport = nullptr) const;
    Result<void> unstageRestore() const;
    Result<ApplyResult> applyRestore(TaskContext& task) const;
    Result<AbandonResult> abandonInterruptedApply() const;
    Result<FolderStatus> status() const;
    // A copy of a backup somewhere else on this machine (temp file, fsync, rename), verified.
    Result<DownloadResult> copyOut(const QString& fileName, const QString& targetPath, TaskContext& task) const;
    // Adds a zip from elsewhere to the backups folder after it verifies; keeps its name when that
    // is a free plain *.zip name.
    Result<BackupItem> importArchive(const QString& zipPath, TaskContext& task) const;
    // Off-site copies through rclone: the named backups (all valid ones when names is empty)
    // to the remote, never replacing anything there; and one back, verified before it joins
    // the backups folder.
    Result<OffsitePushResult> pushOffsite(const QString& remote, const QStringList& names, TaskContext& task) const;
    Result<BackupItem> pullOffsite(const QString& remote, const QString& fileName, TaskContext& task) const;

    Job<Result<CreateResult>> createAsync(const CreateRequest& request) const;
    Job<Result<BackupPage>> listAsync(int page, int perPage) const;
    Job<Result<void>> removeAsync(const QString& fileName) const;
    Job<Result<VerifyReport>> verifyAsync(const QString& fileName) const;
    Job<Result<DrillReport>> drillAsync(const QString& fileName) const;
    Job<Result<StageResult>> stageRestoreAsync(const QString& fileName) const;
    Job<Result<void>> unstageRestoreAsync() const;
    Job<Result<ApplyResult>> applyRestoreAsync() const;
    Job<Result<AbandonResult>> abandonInterruptedApplyAsync() const;
    Job<Result<FolderStatus>> statusAsync() const;
    Job<Result<DownloadResult>> copyOutAsync(const QString& fileName, const QString& targetPath) const;
    Job<Result<BackupItem>> importArchiveAsync(const QString& zipPath) const;
    Job<Result<OffsitePushResult>> pushOffsiteAsync(const QString& remote, const QStringList& names) const;
    Job<Result<BackupItem>> pullOffsiteAsync(const QString& remote, const QString& fileName) const;

    // The pool all engines share; file work never runs on the caller's thread.
    static QThreadPool* pool();
    // Waits for every job on the engine's and the archive workers' threads; call before the
    // program ends (after cancelling what should stop), so no thread outlives main().
    static void finishBackgroundWork();

private:
    // The data folder's operation lock, waited for as the options say; clears what earlier,
    // interrupted runs left behind once it is held.
    Result<std::unique_ptr<OperationLock>> lockFolder(const TaskContext* task) const;
    // The path of a plain *.zip name in the backups folder, or Usage / NotFound.
    Result<QString> existingBackup(const QString& fileName) const;

    template<typename T, typename Work>
    Job<Result<T>> run(Work work) const
    {
        Job<Result<T>> job;
        job.future = QtConcurrent::run(pool(), [work, token = job.token](QPromise<Result<T>>& promise) {
            PromiseTaskContext<Result<T>> task(promise, token);
            promise.addResult(work(task));
        });
        return job;
    }

    DataFolder m_folder;
    Options m_options;
};

} // namespace fcb
