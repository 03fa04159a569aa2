#pragma once

#include "backend/Backend.h"
#include "remote/RemoteSession.h"
#include "remote/RemoteStateStore.h"

#include <QObject>

#include <optional>

namespace fcb {

// The Backend interface over a FastCMS server's REST API (contract section 4), reading both the
// server's response shapes and the older documented ones. Lives on the thread of its session's
// QNetworkAccessManager; its jobs finish there.
class RemoteBackend final : public Backend
{
public:
    RemoteBackend(RemoteSession* session, RemoteStateStore store);

    RemoteSession* session() const { return m_session; }
    QString describe() const override;
    bool isRemote() const override { return true; }
    Location location() const override;
    std::optional<QString> curlCommand(curl::Action action, const QString& backup) const override;
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
    // On downloaded copies (Capabilities::browse): the live data is out of reach, so a diff
    // compares two backups only.
    Job<Result<DiffReport>> diff(const DiffRequest& request) override;
    Job<Result<ExportResult>> exportRows(const ExportRequest& request) override;
    Job<Result<ArchiveListing>> listArchive(const QString& fileName) override;
    Job<Result<ExtractResult>> extract(
        const QString& fileName, const QStringList& paths, const QString& outputDir, bool force) override;
    // Signs in with the session's email and password (and two-factor code, once set).
    Job<Result<SignInResult>> signIn();
    // Forgets the staged restore remembered for this server (once it has restarted and applied it).
    Result<void> forgetPendingRestore();

    // The parsers below read what a server sent and nothing else (no network, no files, no clock;
    // at most a log line): whatever the bytes, they return.

    // Either list item shape: {"id","filename","size","path","status","created"} or the older
    // {"filename","name","size_mb","created"}; nullopt without a file name. An entry whose name is
    // not a plain backup name, or whose size or date is impossible (as of `now`), comes back with
    // valid == false, the reasons in invalidReason, and its texts made printable: it is shown,
    // never acted on by name.
    static std::optional<BackupItem> parseItem(const QJsonObject& object, const QDateTime& now);
    // A GET /backups answer, either shape; the error a user should see for anything else.
    static Result<BackupPage> parsePage(
        const ApiResponse& response, int page, int perPage, const QDateTime& now);
    // Why the server's name for a backup must not be used in a request or as a file name here
    // (a path, "..", control characters, too long); empty when it may.
    static QString nameProblem(const QString& fileName);

    // What the server's routes allow, learnt once. Shared with running jobs, which may outlive
    // this object (a window can switch to another backend while they finish).
    struct Shared
    {
        std::optional<Capabilities> capabilities;
        QString uploadPath;
    };
    // The routes a server publishes in its /openapi.json.
    static Shared parseRoutes(const QJsonObject& openapi);

private:
    // Downloads the named backups into a private folder (each verified as it lands), then runs
    // work(paths, folder, task) -> Result<T> on the worker pool; the folder goes with the job.
    template <typename T, typename Work> Job<Result<T>> afterDownloads(const QStringList& names, Work work);
    void startDownload(const QString& fileName, const QString& targetPath, std::shared_ptr<CancelToken> token,
        std::function<void(Result<DownloadResult>)> done, std::function<void(qint64, qint64)> progress);

    RemoteSession* m_session;
    RemoteStateStore m_store;
    std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
};

} // namespace fcb
