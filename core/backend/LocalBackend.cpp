#include "LocalBackend.h"

#include <QtConcurrent>

namespace fcb {

LocalBackend::LocalBackend(LocalEngine engine)
    : m_engine(std::move(engine))
{
}

QString LocalBackend::describe() const
{
    return m_engine.folder().dataDir();
}

Job<Result<Capabilities>> LocalBackend::capabilities()
{
    Job<Result<Capabilities>> job;
    Capabilities caps;
    caps.download = caps.upload = caps.unstage = caps.applyRestore = true;
    job.future = QtFuture::makeReadyFuture(Result<Capabilities>(caps));
    return job;
}

Job<Result<BackupPage>> LocalBackend::list(int page, int perPage)
{
    return m_engine.listAsync(page, perPage);
}

Job<Result<CreateResult>> LocalBackend::create(const CreateRequest& request)
{
    return m_engine.createAsync(request);
}

Job<Result<void>> LocalBackend::remove(const QString& fileName)
{
    return m_engine.removeAsync(fileName);
}

Job<Result<StageResult>> LocalBackend::stageRestore(const QString& fileName)
{
    return m_engine.stageRestoreAsync(fileName);
}

Job<Result<void>> LocalBackend::unstageRestore()
{
    return m_engine.unstageRestoreAsync();
}

Job<Result<DownloadResult>> LocalBackend::download(const QString& fileName, const QString& targetPath)
{
    return m_engine.copyOutAsync(fileName, targetPath);
}

Job<Result<BackupItem>> LocalBackend::upload(const QString& zipPath)
{
    return m_engine.importArchiveAsync(zipPath);
}

Job<Result<VerifyReport>> LocalBackend::verify(const QString& fileName)
{
    return m_engine.verifyAsync(fileName);
}

Job<Result<DrillReport>> LocalBackend::drill(const QString& fileName)
{
    Job<Result<DrillReport>> job;
    const LocalEngine engine = m_engine;
    const QString target = describe();
    job.future = QtConcurrent::run(LocalEngine::pool(), [engine, fileName, target, token = job.token](QPromise<Result<DrillReport>>& promise) {
        PromiseTaskContext<Result<DrillReport>> task(promise, token);
        auto report = engine.drill(fileName, task);
        if (report)
            recordDrill(target, *report);
        promise.addResult(std::move(report));
    });
    return job;
}

Job<Result<BackendStatus>> LocalBackend::status()
{
    Job<Result<BackendStatus>> job;
    const LocalEngine engine = m_engine;
    job.future = QtConcurrent::run(LocalEngine::pool(), [engine]() -> Result<BackendStatus> {
        auto folder = engine.status();
        if (!folder)
            return fail(folder.error());
        BackendStatus s;
        s.target = folder->dataDir;
        s.restorePending = folder->restorePending;
        s.pendingBackup = folder->pendingBackup;
        s.pendingRequestedAt = folder->pendingRequestedAt;
        s.backupCount = folder->backupCount;
        s.newest = folder->newest;
        s.local = *folder;
        return s;
    });
    return job;
}

} // namespace fcb
