#pragma once

#include "DataFolder.h"
#include "Error.h"
#include "TaskContext.h"
#include "archive/ArchiveReader.h"
#include "local/LocalTypes.h"
#include "restore/RestoreApplier.h"
#include "restore/RestoreStager.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent>

#include <functional>

namespace fcb {

// Backups of a FastCMS data folder on this machine. The synchronous methods do the work and
// are what the worker threads run; the *Async ones run them on the engine's own thread pool
// with progress and cancellation through the returned QFuture. A cancelled future carries no
// result. Thread-safe: every mutating call takes the data folder's operation lock.
class LocalEngine
{
public:
    struct Options
    {
        FreeSpaceProbe freeSpace; // default: statvfs of the folder
        int compressionLevel = 6;
        bool forceZip64 = false;
    };

    explicit LocalEngine(DataFolder folder);
    LocalEngine(DataFolder folder, Options options);

    const DataFolder& folder() const { return m_folder; }

    Result<CreateResult> create(const CreateRequest& request, TaskContext& task) const;
    Result<BackupPage> list(int page, int perPage) const;
    Result<void> remove(const QString& fileName) const;
    Result<VerifyReport> verify(const QString& fileName, TaskContext& task) const;
    Result<StageResult> stageRestore(const QString& fileName, TaskContext& task,
                                     VerifyReport* failedReport = nullptr) const;
    Result<void> unstageRestore() const;
    Result<ApplyResult> applyRestore(TaskContext& task) const;
    Result<FolderStatus> status() const;

    QFuture<Result<CreateResult>> createAsync(const CreateRequest& request) const;
    QFuture<Result<BackupPage>> listAsync(int page, int perPage) const;
    QFuture<Result<void>> removeAsync(const QString& fileName) const;
    QFuture<Result<VerifyReport>> verifyAsync(const QString& fileName) const;
    QFuture<Result<StageResult>> stageRestoreAsync(const QString& fileName) const;
    QFuture<Result<void>> unstageRestoreAsync() const;
    QFuture<Result<ApplyResult>> applyRestoreAsync() const;
    QFuture<Result<FolderStatus>> statusAsync() const;

    // The pool all engines share; file work never runs on the caller's thread.
    static QThreadPool* pool();

private:
    template<typename T, typename Work>
    QFuture<Result<T>> run(Work work) const
    {
        return QtConcurrent::run(pool(), [work](QPromise<Result<T>>& promise) {
            PromiseTaskContext<Result<T>> task(promise);
            promise.addResult(work(task));
        });
    }

    DataFolder m_folder;
    Options m_options;
};

} // namespace fcb
