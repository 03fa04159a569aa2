#pragma once

#include "backend/Backend.h"
#include "local/LocalEngine.h"

namespace fcb {

// The Backend interface over a local data folder: the local engine's calls, run on the worker
// pool (workers::run).
class LocalBackend final : public Backend
{
public:
    explicit LocalBackend(LocalEngine engine);
    // The data folder with the engine's defaults, waiting up to lockWaitMs for another operation
    // on it (--wait-lock).
    explicit LocalBackend(const DataFolder& folder, int lockWaitMs = 0);

    // NotFound when the data folder is not there at all (a mistyped path).
    Result<void> checkFolderExists() const;

    QString describe() const override;
    bool isRemote() const override { return false; }
    Location location() const override;
    Job<Result<Capabilities>> capabilities() override;
    Job<Result<BackupPage>> list(int page, int perPage) override;
    Job<Result<CreateResult>> create(const CreateRequest& request) override;
    Job<Result<void>> remove(const QString& fileName) override;
    Job<Result<StageResult>> stageRestore(const QString& fileName) override;
    Job<Result<void>> unstageRestore() override;
    Job<Result<DownloadResult>> download(const QString& fileName, const QString& targetPath) override;
    Job<Result<BackupItem>> upload(const QString& zipPath) override;
    Job<Result<VerifyReport>> verify(const QString& fileName) override;
    Job<Result<DrillReport>> drill(const QString& fileName) override;
    Job<Result<BackendStatus>> status() override;
    Job<Result<ApplyResult>> applyRestore() override;
    Job<Result<AbandonResult>> abandonInterruptedApply() override;
    Job<Result<OffsitePushResult>> pushOffsite(const QString& remote, const QStringList& names) override;
    Job<Result<BackupItem>> pullOffsite(const QString& remote, const QString& fileName) override;
    Job<Result<DiffReport>> diff(const DiffRequest& request) override;
    Job<Result<ExportResult>> exportRows(const ExportRequest& request) override;
    Job<Result<ArchiveListing>> listArchive(const QString& fileName) override;
    Job<Result<ExtractResult>> extract(
        const QString& fileName, const QStringList& paths, const QString& outputDir, bool force) override;
    Job<Result<RestoreFileResult>> restoreFile(const QString& fileName, const QString& path) override;
    Job<Result<HistoryResult>> history(const QString& path) override;

private:
    LocalEngine m_engine;
};

} // namespace fcb
