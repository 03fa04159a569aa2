#pragma once

#include "backend/Backend.h"
#include "local/LocalEngine.h"

namespace fcb {

// The Backend interface over a local data folder: the local engine, whose work runs on its
// thread pool.
class LocalBackend final : public Backend
{
public:
    explicit LocalBackend(LocalEngine engine);

    const LocalEngine& engine() const { return m_engine; }

    QString describe() const override;
    bool isRemote() const override { return false; }
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

private:
    LocalEngine m_engine;
};

} // namespace fcb
