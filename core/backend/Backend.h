#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "archive/ArchiveReader.h"
#include "drill/Drill.h"
#include "local/LocalTypes.h"
#include "restore/RestoreStager.h"

#include <QString>

#include <optional>

namespace fcb {

// What a backend can do; a remote server's routes decide (read from its /openapi.json).
struct Capabilities
{
    bool download = false;
    bool upload = false;
    bool unstage = false;
    bool applyRestore = false; // local data folders only: the server applies remote restores
};

struct BackendStatus
{
    QString target; // the data folder or the server's address
    bool restorePending = false;
    QString pendingBackup;
    QString pendingRequestedAt;
    qint64 backupCount = 0;
    std::optional<BackupItem> newest;
    std::optional<FolderStatus> local; // the local engine's full picture, in local mode
};

struct DownloadResult
{
    QString path;
    qint64 bytes = 0;
    bool resumed = false;
    std::optional<VerifyReport> report; // verified after it arrived
};

// The one narrow interface the console and the command-line tool use, whether the backups live
// in a local data folder or on a FastCMS server. Every call returns at once with a job whose
// future always ends with a result (Cancelled when the job's token stopped it early). Options go
// in request structs, not in more methods.
class Backend
{
public:
    virtual ~Backend() = default;

    virtual QString describe() const = 0;
    virtual bool isRemote() const = 0;
    virtual Job<Result<Capabilities>> capabilities() = 0;
    virtual Job<Result<BackupPage>> list(int page, int perPage) = 0;
    virtual Job<Result<CreateResult>> create(const CreateRequest& request) = 0;
    virtual Job<Result<void>> remove(const QString& fileName) = 0;
    virtual Job<Result<StageResult>> stageRestore(const QString& fileName) = 0;
    virtual Job<Result<void>> unstageRestore() = 0;
    // Copies the backup to targetPath (streamed; a remote download resumes a partial file) and
    // verifies the copy.
    virtual Job<Result<DownloadResult>> download(const QString& fileName, const QString& targetPath) = 0;
    // Adds a backup zip from this machine after validating it.
    virtual Job<Result<BackupItem>> upload(const QString& zipPath) = 0;
    virtual Job<Result<VerifyReport>> verify(const QString& fileName) = 0;
    // Restores the backup into a throw-away folder (a remote one is downloaded first) and checks
    // it end to end; the result is recorded in the DrillStore under describe().
    virtual Job<Result<DrillReport>> drill(const QString& fileName) = 0;
    virtual Job<Result<BackendStatus>> status() = 0;
};

} // namespace fcb
