#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "model/Backup.h"
#include "model/Browse.h"
#include "model/Curl.h"
#include "model/Diff.h"
#include "model/Reports.h"
#include "model/Restore.h"
#include "model/Status.h"
#include "model/Transfer.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace fcb {

// The one interface the console and the command-line tool use, whether the backups live in a
// local data folder or on a FastCMS server. Every call returns at once with a job whose future
// always ends with a result (Cancelled when the job's token stopped it early). Options go in
// request structs, not in more methods.
//
// What only one kind of backend can do is here too, gated by Capabilities: a front end asks
// capabilities() and offers the operation only when it is there; called anyway, the operation
// ends with Unsupported. Front ends never cast to a concrete backend.
class Backend
{
public:
    virtual ~Backend() = default;

    virtual QString describe() const = 0;
    virtual bool isRemote() const = 0;
    // Where the backups live, for what has to name them again (a schedule, a curl command).
    virtual Location location() const = 0;
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

    // Capabilities::applyRestore: the staged restore applied to the stopped server's data (a
    // server applies its own when it restarts), and an interrupted apply undone.
    virtual Job<Result<ApplyResult>> applyRestore();
    virtual Job<Result<AbandonResult>> abandonInterruptedApply();
    // Capabilities::offsite: the named backups (every valid one when names is empty) copied to
    // an rclone remote, and one copied back.
    virtual Job<Result<OffsitePushResult>> pushOffsite(const QString& remote, const QStringList& names);
    virtual Job<Result<BackupItem>> pullOffsite(const QString& remote, const QString& fileName);
    // Capabilities::browse (and ::live for a diff against the live data): what differs between
    // a backup and the live data or a second backup. The live database is read in one read
    // transaction; nothing live is changed.
    virtual Job<Result<DiffReport>> diff(const DiffRequest& request);
    // Capabilities::browse: an archive's contents from its central directory.
    virtual Job<Result<ArchiveListing>> listArchive(const QString& fileName);
    // Capabilities::browse: the named files or folders (archive paths) written under outputDir,
    // each verified against its CRC-32 and SHA256SUMS; never outside outputDir, never over an
    // existing file unless force.
    virtual Job<Result<ExtractResult>> extract(
        const QString& fileName, const QStringList& paths, const QString& outputDir, bool force);
    // Capabilities::live: one upload (files/...) put back into the live files/ folder; a file of
    // that name is kept as NAME.before_restore first.
    virtual Job<Result<RestoreFileResult>> restoreFile(const QString& fileName, const QString& path);
    // Capabilities::browse: rows of a table of the backup's database, written for review.
    virtual Job<Result<ExportResult>> exportRows(const ExportRequest& request);
    // Capabilities::browse: every backup that holds the path, newest first.
    virtual Job<Result<HistoryResult>> history(const QString& path);
    // The request as a curl command that reads the secret from the environment
    // (location().usesApiKey says which variable); nothing from a backend that has no such
    // requests (a local data folder). Known at once: nothing is asked of a server.
    virtual std::optional<QString> curlCommand(curl::Action action, const QString& backup) const;
};

} // namespace fcb
