#include "LocalBackend.h"

#include "WorkerPool.h"

namespace fcb {

namespace {

LocalEngine::Options withLockWait(int lockWaitMs)
{
    LocalEngine::Options options;
    options.lockWaitMs = lockWaitMs;
    return options;
}

} // namespace

LocalBackend::LocalBackend(LocalEngine engine)
    : m_engine(std::move(engine))
{ }

LocalBackend::LocalBackend(const DataFolder& folder, int lockWaitMs)
    : m_engine(folder, withLockWait(lockWaitMs))
{ }

Result<void> LocalBackend::checkFolderExists() const
{
    return m_engine.checkFolderExists();
}

QString LocalBackend::describe() const
{
    return m_engine.folder().dataDir();
}

Location LocalBackend::location() const
{
    Location where;
    where.kind = Location::Kind::DataFolder;
    where.folder = m_engine.folder();
    return where;
}

Job<Result<Capabilities>> LocalBackend::capabilities()
{
    Job<Result<Capabilities>> job;
    Capabilities caps;
    caps.download = caps.upload = caps.unstage = caps.applyRestore = caps.offsite = true;
    caps.browse = caps.live = true;
    job.future = QtFuture::makeReadyFuture(Result<Capabilities>(caps));
    return job;
}

Job<Result<BackupPage>> LocalBackend::list(int page, int perPage)
{
    return workers::run<BackupPage>(
        [engine = m_engine, page, perPage](TaskContext&) { return engine.list(page, perPage); });
}

Job<Result<CreateResult>> LocalBackend::create(const CreateRequest& request)
{
    return workers::run<CreateResult>(
        [engine = m_engine, request](TaskContext& task) { return engine.create(request, task); });
}

Job<Result<void>> LocalBackend::remove(const QString& fileName)
{
    return workers::run<void>(
        [engine = m_engine, fileName](TaskContext&) { return engine.remove(fileName); });
}

Job<Result<StageResult>> LocalBackend::stageRestore(const QString& fileName)
{
    return workers::run<StageResult>(
        [engine = m_engine, fileName](TaskContext& task) { return engine.stageRestore(fileName, task); });
}

Job<Result<void>> LocalBackend::unstageRestore()
{
    return workers::run<void>([engine = m_engine](TaskContext&) { return engine.unstageRestore(); });
}

Job<Result<DownloadResult>> LocalBackend::download(const QString& fileName, const QString& targetPath)
{
    return workers::run<DownloadResult>([engine = m_engine, fileName, targetPath](TaskContext& task) {
        return engine.copyOut(fileName, targetPath, task);
    });
}

Job<Result<BackupItem>> LocalBackend::upload(const QString& zipPath)
{
    return workers::run<BackupItem>(
        [engine = m_engine, zipPath](TaskContext& task) { return engine.importArchive(zipPath, task); });
}

Job<Result<VerifyReport>> LocalBackend::verify(const QString& fileName)
{
    return workers::run<VerifyReport>(
        [engine = m_engine, fileName](TaskContext& task) { return engine.verify(fileName, task); });
}

Job<Result<DrillReport>> LocalBackend::drill(const QString& fileName)
{
    return workers::run<DrillReport>([engine = m_engine, fileName, target = describe()](TaskContext& task) {
        auto report = engine.drill(fileName, task);
        if (report)
            recordDrill(target, *report);
        return report;
    });
}

Job<Result<BackendStatus>> LocalBackend::status()
{
    return workers::run<BackendStatus>([engine = m_engine](TaskContext&) -> Result<BackendStatus> {
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
}

Job<Result<ApplyResult>> LocalBackend::applyRestore()
{
    return workers::run<ApplyResult>(
        [engine = m_engine](TaskContext& task) { return engine.applyRestore(task); });
}

Job<Result<AbandonResult>> LocalBackend::abandonInterruptedApply()
{
    return workers::run<AbandonResult>(
        [engine = m_engine](TaskContext&) { return engine.abandonInterruptedApply(); });
}

Job<Result<OffsitePushResult>> LocalBackend::pushOffsite(const QString& remote, const QStringList& names)
{
    return workers::run<OffsitePushResult>([engine = m_engine, remote, names](TaskContext& task) {
        return engine.pushOffsite(remote, names, task);
    });
}

Job<Result<BackupItem>> LocalBackend::pullOffsite(const QString& remote, const QString& fileName)
{
    return workers::run<BackupItem>([engine = m_engine, remote, fileName](TaskContext& task) {
        return engine.pullOffsite(remote, fileName, task);
    });
}

Job<Result<DiffReport>> LocalBackend::diff(const DiffRequest& request)
{
    return workers::run<DiffReport>(
        [engine = m_engine, request](TaskContext& task) { return engine.diff(request, task); });
}

Job<Result<ExportResult>> LocalBackend::exportRows(const ExportRequest& request)
{
    return workers::run<ExportResult>(
        [engine = m_engine, request](TaskContext& task) { return engine.exportRows(request, task); });
}

Job<Result<ArchiveListing>> LocalBackend::listArchive(const QString& fileName)
{
    return workers::run<ArchiveListing>(
        [engine = m_engine, fileName](TaskContext&) { return engine.listArchive(fileName); });
}

Job<Result<ExtractResult>> LocalBackend::extract(
    const QString& fileName, const QStringList& paths, const QString& outputDir, bool force)
{
    return workers::run<ExtractResult>(
        [engine = m_engine, fileName, paths, outputDir, force](
            TaskContext& task) { return engine.extract(fileName, paths, outputDir, force, task); });
}

Job<Result<RestoreFileResult>> LocalBackend::restoreFile(const QString& fileName, const QString& path)
{
    return workers::run<RestoreFileResult>([engine = m_engine, fileName, path](TaskContext& task) {
        return engine.restoreFile(fileName, path, task);
    });
}

Job<Result<HistoryResult>> LocalBackend::history(const QString& path)
{
    return workers::run<HistoryResult>(
        [engine = m_engine, path](TaskContext& task) { return engine.history(path, task); });
}

} // namespace fcb
