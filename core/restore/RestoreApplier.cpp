#include "RestoreApplier.h"

#include "FileUtil.h"
#include "Logging.h"
#include "PyJson.h"
#include "TempNames.h"
#include "sqlite/Sqlite.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbRestoreApplierText
{
    Q_DECLARE_TR_FUNCTIONS(FcbRestoreApplierText)
};

namespace fcb {

namespace {

const QString& kNew = temp::kApplyNew;
const QString& kOld = temp::kApplyOld;

// Test hooks: crash the process, or fail like a broken disk, right after a step.
Result<void> stepDone([[maybe_unused]] int step)
{
#ifdef FCB_TEST_HOOKS
    static const int abortAfter = qEnvironmentVariableIntValue("FCB_TEST_ABORT_AFTER_APPLY_STEP");
    if (abortAfter == step) {
        qCWarning(lcRestore) << "test hook: aborting after apply step" << step;
        std::abort();
    }
    static const int failAfter = qEnvironmentVariableIntValue("FCB_TEST_FAIL_AFTER_APPLY_STEP");
    if (failAfter == step)
        return fail(ErrorCode::Io, QStringLiteral("test hook: simulated I/O error after step %1").arg(step));
#endif
    return ok();
}

struct Paths
{
    QString db, wal, shm, journal, files, stagedDb, stagedFiles, safetyDb, safetyFiles, marker, custody;
    explicit Paths(const DataFolder& f)
        : db(f.dbPath())
        , wal(f.walPath())
        , shm(f.shmPath())
        , journal(f.dbPath() + QStringLiteral("-journal"))
        , files(f.filesDir())
        , stagedDb(f.stagingDir() + QStringLiteral("/database.db"))
        , stagedFiles(f.stagingDir() + QStringLiteral("/files"))
        , safetyDb(f.dbBeforeRestorePath())
        , safetyFiles(f.filesBeforeRestoreDir())
        , marker(f.markerPath())
        , custody(f.applyMarkerCustodyPath())
    { }
    QStringList safetyDbFamily(const QString& suffix) const
    {
        return { safetyDb + suffix, safetyDb + suffix + QStringLiteral("-wal"),
            safetyDb + suffix + QStringLiteral("-journal") };
    }
};

using Journal = ApplyJournal;

Result<void> writeJournal(const DataFolder& folder, const Journal& j)
{
    return files::writeAtomically(folder.applyJournalPath(),
        pyjson::dump({ { QStringLiteral("state"), j.state }, { QStringLiteral("backup_filename"), j.backup },
            { QStringLiteral("had_database"), j.hadDb },
            { QStringLiteral("files_replaced"), j.filesReplaced },
            { QStringLiteral("updated_at"), pyjson::nowIsoNaiveUtc() } }));
}

std::optional<Journal> readJournal(const DataFolder& folder)
{
    QFile file(folder.applyJournalPath());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    // A journal that is no JSON object at all still says an apply was interrupted: it is read
    // as "preparing", whose undo only removes what an apply adds and puts back what it parked.
    return parseApplyJournal(file.read(1 << 20)).value_or(Journal {});
}

Result<void> renameIfPresent(const QString& from, const QString& to)
{
    if (!files::exists(from))
        return ok();
    return files::renameReplace(from, to);
}

// Our safety name only comes back if nobody made a new one meanwhile.
Result<void> restoreOrDrop(const QString& parked, const QString& original)
{
    if (!files::exists(parked))
        return ok();
    if (files::exists(original))
        return files::removeAll(parked);
    return files::renameNoReplace(parked, original);
}

// The restored database and uploads get the owner and mode the live ones had, so a server
// running as its own user can still open them after a restore run by root.
void adoptOwnership(const QString& livePath, const QString& newPath, bool recursive)
{
    struct stat live
    {
    };
    if (::stat(QFile::encodeName(livePath).constData(), &live) != 0)
        return;
    ::chmod(QFile::encodeName(newPath).constData(), live.st_mode & 07777);
    if (::getuid() != 0)
        return;
    const auto own = [&live](const QString& path) {
        (void)::lchown(QFile::encodeName(path).constData(), live.st_uid, live.st_gid);
    };
    own(newPath);
    if (!recursive)
        return;
    QDirIterator it(newPath, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        own(it.next());
}

// Undo everything before the commit point. The live database and files were never touched
// (bar folding the WAL, which keeps their content); this removes what was added and puts the
// marker and the earlier safety copies back.
Result<void> rollBackPreparation(const DataFolder& folder)
{
    const Paths p(folder);
    for (const QString& path : QStringList { p.db + kNew, p.files + kNew } + p.safetyDbFamily(kNew))
        if (auto removed = files::removeAll(path); !removed)
            return removed;
    const QStringList parked = p.safetyDbFamily(kOld);
    const QStringList originals = p.safetyDbFamily(QString());
    for (int i = 0; i < parked.size(); ++i)
        if (auto r = restoreOrDrop(parked[i], originals[i]); !r)
            return r;
    if (auto r = restoreOrDrop(p.safetyFiles + kOld, p.safetyFiles); !r)
        return r;
    // The marker comes back only with the staging it points to: a server would otherwise meet a
    // marker whose files are gone.
    if (files::isRegularFile(p.stagedDb)) {
        if (auto r = restoreOrDrop(p.custody, p.marker); !r)
            return r;
    } else if (auto r = files::removeAll(p.custody); !r) {
        return r;
    }
    (void)files::syncParentDir(p.db);
    (void)files::syncPath(folder.backupsDir());
    if (!QFile::remove(folder.applyJournalPath()))
        return fail(ErrorCode::Io, FcbRestoreApplierText::tr("Could not remove the restore journal."),
            folder.applyJournalPath());
    return files::syncParentDir(folder.applyJournalPath());
}

// Undo steps 6 to 8 from what is on disk, in reverse order; then the preparation.
Result<void> rollBackCommitted(const DataFolder& folder, const Journal& j)
{
    const Paths p(folder);
    if (j.filesReplaced) {
        if (!files::exists(p.files + kNew) && files::exists(p.files) && files::exists(p.safetyFiles))
            if (auto r = files::renameNoReplace(p.files, p.files + kNew); !r)
                return r;
        if (files::exists(p.safetyFiles) && !files::exists(p.files))
            if (auto r = files::renameNoReplace(p.safetyFiles, p.files); !r)
                return r;
    }
    // Each step looks at what is on disk, so that an undo killed half-way can run again.
    if (files::exists(p.db) && !files::exists(p.db + kNew))
        if (auto r = files::renameNoReplace(p.db, p.db + kNew); !r)
            return r;
    if (j.hadDb && !files::exists(p.db)) {
        // The old database's inode lives on as the safety copy (or its prepared name).
        const QString old = files::exists(p.safetyDb + kNew) ? p.safetyDb + kNew : p.safetyDb;
        if (auto r = files::linkOrCopy(old, p.db); !r)
            return r;
    }
    if (j.hadDb && !files::exists(p.safetyDb + kNew) && files::exists(p.safetyDb))
        if (auto r = files::renameNoReplace(p.safetyDb, p.safetyDb + kNew); !r)
            return r;
    // The old database's WAL or journal, moved aside with it at step 6, goes back with it (a
    // step of its own, so that a run killed between the two renames still brings it back).
    if (j.hadDb && !files::exists(p.safetyDb)) {
        if (auto r = renameIfPresent(p.safetyDb + QStringLiteral("-wal"), p.wal); !r)
            return r;
        if (auto r = renameIfPresent(p.safetyDb + QStringLiteral("-journal"), p.journal); !r)
            return r;
    }
    (void)files::syncParentDir(p.db);
    (void)files::syncParentDir(p.files);
    // The live data is the old data again: from here on only what the preparation added is
    // left to remove. The journal says so before any of it goes, so that a run killed during
    // that removal never undoes the swap a second time (it would take the old database for
    // the restored one).
    Journal undone = j;
    undone.state = QStringLiteral("preparing");
    if (auto r = writeJournal(folder, undone); !r)
        return r;
    return rollBackPreparation(folder);
}

// After the commit point. Each step looks at what is on disk, so running it again after a
// crash anywhere in the middle picks up where it stopped.
Result<void> rollForward(const DataFolder& folder, ApplyResult& result)
{
    const Paths p(folder);
    if (files::exists(p.safetyDb + kNew)) {
        // A WAL or hot journal still beside the old database belongs to it, never to the
        // restored one: SQLite would replay it over the restore.
        if (auto r = renameIfPresent(p.wal, p.safetyDb + QStringLiteral("-wal")); !r)
            return r;
        if (auto r = renameIfPresent(p.journal, p.safetyDb + QStringLiteral("-journal")); !r)
            return r;
        if (auto r = files::removeAll(p.shm); !r)
            return r;
        if (auto r = files::renameNoReplace(p.safetyDb + kNew, p.safetyDb); !r)
            return r;
        (void)files::syncParentDir(p.db);
    }
    if (auto hook = stepDone(6); !hook)
        return hook;
    if (files::exists(p.db + kNew)) {
        for (const QString& stale : { p.wal, p.shm, p.journal })
            if (auto r = files::removeAll(stale); !r)
                return r;
        if (auto r = files::renameReplace(p.db + kNew, p.db); !r)
            return r;
        if (auto r = files::syncParentDir(p.db); !r)
            return r;
    }
    if (auto hook = stepDone(7); !hook)
        return hook;
    if (files::exists(p.files + kNew)) {
        result.filesReplaced = true;
        if (files::exists(p.files)) {
            if (files::exists(p.safetyFiles))
                return fail(ErrorCode::Conflict,
                    FcbRestoreApplierText::tr("Both %1 and %2 exist; the restore cannot tell which is which.")
                        .arg(p.files, p.safetyFiles));
            if (auto r = files::renameNoReplace(p.files, p.safetyFiles); !r)
                return r;
        }
        if (auto r = files::renameNoReplace(p.files + kNew, p.files); !r)
            return r;
        if (auto r = files::syncParentDir(p.files); !r)
            return r;
    }
    if (auto hook = stepDone(8); !hook)
        return hook;
    // The staging goes in one rename before the marker in custody: an interrupted clean-up
    // leaves either both (staged again if abandoned) or no complete staging, never a marker
    // without its files.
    if (files::exists(folder.stagingDir())) {
        const QString doomed = temp::in(folder.backupsDir(), temp::Kind::Staging);
        if (files::renameNoReplace(folder.stagingDir(), doomed)) {
            (void)files::syncPath(folder.backupsDir());
            (void)files::removeAll(doomed);
        } else {
            // The restore is complete: a staging that cannot move goes in place, marker first.
            qCWarning(lcRestore) << "could not move the staging away; removing it in place";
            (void)files::removeAll(p.custody);
            (void)files::syncPath(folder.backupsDir());
            (void)files::removeAll(folder.stagingDir());
        }
    }
    for (const QString& leftover : p.safetyDbFamily(kOld) + QStringList { p.safetyFiles + kOld, p.custody })
        (void)files::removeAll(leftover);
    (void)files::syncPath(folder.backupsDir());
    if (!QFile::remove(folder.applyJournalPath()))
        return fail(ErrorCode::Io, FcbRestoreApplierText::tr("Could not remove the restore journal."),
            folder.applyJournalPath());
    if (auto r = files::syncParentDir(folder.applyJournalPath()); !r)
        return r;
    (void)stepDone(9); // the restore is complete: only the crash hook applies here
    return ok();
}

bool sameFileSystem(const QString& a, const QString& b)
{
    struct stat sa
    {
    };
    struct stat sb
    {
    };
    return ::stat(QFile::encodeName(a).constData(), &sa) == 0
        && ::stat(QFile::encodeName(b).constData(), &sb) == 0 && sa.st_dev == sb.st_dev;
}

Result<void> refuseIfInUse(const QString& db)
{
    const sqlite::Usage usage = sqlite::probeUsage(db);
    if (!usage.inUse)
        return ok();
    QStringList pids;
    for (qint64 pid : usage.pids)
        pids.append(QString::number(pid));
    return fail(ErrorCode::InUse,
        FcbRestoreApplierText::tr(
            "The database is open in another process (%1). Stop the FastCMS server before applying a "
            "restore.")
            .arg(pids.isEmpty()
                    ? FcbRestoreApplierText::tr("unknown process")
                    : FcbRestoreApplierText::tr("process %1").arg(pids.join(QStringLiteral(", ")))),
        db);
}

} // namespace

std::optional<ApplyJournal> parseApplyJournal(const QByteArray& bytes)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject o = document.object();
    ApplyJournal j;
    j.state = o.value(QStringLiteral("state")).toString();
    j.backup = o.value(QStringLiteral("backup_filename")).toString();
    j.hadDb = o.value(QStringLiteral("had_database")).toBool(true);
    j.filesReplaced = o.value(QStringLiteral("files_replaced")).toBool(true);
    return j;
}

bool applyInterrupted(const DataFolder& folder)
{
    return QFile::exists(folder.applyJournalPath());
}

Result<AbandonResult> abandonInterruptedApply(const DataFolder& folder)
{
    const auto journal = readJournal(folder);
    if (!journal)
        return fail(ErrorCode::NotFound, FcbRestoreApplierText::tr("No interrupted restore to abandon."));
    if (auto free = refuseIfInUse(folder.dbPath()); !free)
        return fail(free.error());
    const auto undone = journal->state == QStringLiteral("committed") ? rollBackCommitted(folder, *journal)
                                                                      : rollBackPreparation(folder);
    if (!undone)
        return fail(undone.error());
    AbandonResult result;
    result.backupFilename = journal->backup;
    const Paths p(folder);
    const auto marker = RestoreMarker::read(p.marker);
    result.stagedAgain = marker && files::isRegularFile(p.stagedDb);
    return result;
}

namespace {

// An apply a crash interrupted: one past its commit point is finished (true: the result is
// complete), one before it is undone (false: the apply starts afresh).
Result<bool> finishInterrupted(const DataFolder& folder, const Paths& p, ApplyResult& result)
{
    const auto journal = readJournal(folder);
    if (!journal)
        return false;
    result.backupFilename = journal->backup;
    if (journal->state == QStringLiteral("committed")) {
        // Finishing touches the live database: never while a server has it open.
        if (auto free = refuseIfInUse(p.db); !free)
            return fail(free.error());
        result.resumed = true;
        if (auto done = rollForward(folder, result); !done)
            return fail(done.error());
        result.safetyFiles = files::exists(p.safetyFiles) ? p.safetyFiles : QString();
        qCInfo(lcRestore) << "finished an interrupted restore of" << result.backupFilename;
        return true;
    }
    if (auto undone = rollBackPreparation(folder); !undone)
        return fail(undone.error());
    return false;
}

// Before anything changes: the staging is complete, no server has the database open, the staged
// database is healthy, and the restored data fits where it goes.
Result<void> checkStaged(const DataFolder& folder, const Paths& p, const QString& backupFilename,
    TaskContext& task, const FreeSpaceProbe& freeSpace)
{
    if (!files::exists(folder.stagingDir()) || !files::isRegularFile(p.stagedDb))
        return fail(ErrorCode::NotFound,
            FcbRestoreApplierText::tr(
                "The restore of %1 is marked as staged, but the staged files are missing. Unstage it and "
                "stage the backup again.")
                .arg(backupFilename));
    if (auto free = refuseIfInUse(p.db); !free)
        return fail(free.error());
    task.report(0, 9, FcbRestoreApplierText::tr("Checking the staged database"));
    auto integrity = sqlite::integrityCheck(p.stagedDb);
    if (!integrity || *integrity != QStringLiteral("ok"))
        return fail(ErrorCode::BadArchive,
            FcbRestoreApplierText::tr("The staged database is not healthy; nothing was changed."),
            integrity ? *integrity : integrity.error().detail);
    if (task.isCanceled())
        return fail(ErrorCode::Cancelled, FcbRestoreApplierText::tr("Cancelled."));

    // Hard links cost nothing on one file system; across file systems the staged data is copied.
    const QString dataParent = QFileInfo(p.db).absolutePath();
    if (!sameFileSystem(folder.stagingDir(), dataParent)) {
        const auto staged = files::treeSize(folder.stagingDir());
        const qint64 available = freeSpace(dataParent);
        if (available >= 0 && available < staged.bytes + (1 << 20))
            return fail(files::noSpaceError(FcbRestoreApplierText::tr("the restored data"), dataParent,
                staged.bytes + (1 << 20), available));
    }
    return ok();
}

// Step 3: the restored database and files, linked (or copied) in under their prepared names.
Result<void> prepareRestored(const Paths& p, const Journal& journal)
{
    if (auto linked = files::linkOrCopy(p.stagedDb, p.db + kNew); !linked)
        return linked;
    adoptOwnership(p.db, p.db + kNew, false);
    if (journal.filesReplaced) {
        if (auto linked = files::linkTree(p.stagedFiles, p.files + kNew); !linked)
            return linked;
        adoptOwnership(p.files, p.files + kNew, true);
    }
    (void)files::syncParentDir(p.db);
    return ok();
}

// Step 4: the earlier safety copies parked, and the new one prepared.
Result<void> prepareSafetyCopies(const Paths& p, const Journal& journal)
{
    const QStringList parked = p.safetyDbFamily(kOld);
    const QStringList originals = p.safetyDbFamily(QString());
    for (int i = 0; i < parked.size(); ++i)
        if (auto r = renameIfPresent(originals[i], parked[i]); !r)
            return r;
    if (journal.hadDb) {
        if (auto linked = files::linkOrCopy(p.db, p.safetyDb + kNew); !linked)
            return linked;
    }
    if (journal.filesReplaced) {
        if (auto r = renameIfPresent(p.safetyFiles, p.safetyFiles + kOld); !r)
            return r;
    }
    (void)files::syncParentDir(p.db);
    (void)files::syncParentDir(p.safetyFiles);
    return ok();
}

// Steps 1 to 5, up to the commit point: should one fail, the caller undoes the preparation.
Result<void> prepare(const DataFolder& folder, const Paths& p, Journal& journal, TaskContext& task)
{
    // A FastCMS server started while this runs must not run its own phase 2 over ours.
    if (auto r = files::renameNoReplace(p.marker, p.custody); !r)
        return r;
    (void)files::syncPath(folder.backupsDir());
    if (auto hook = stepDone(1); !hook)
        return hook;

    task.report(2, 9, FcbRestoreApplierText::tr("Folding the old database's WAL into it"));
    bool fold = journal.hadDb && (QFileInfo(p.wal).size() > 0 || files::exists(p.journal));
#ifdef FCB_TEST_HOOKS
    // Stands in for an old database too damaged to take its WAL back.
    fold = fold && !qEnvironmentVariableIsSet("FCB_TEST_SKIP_CHECKPOINT");
#endif
    if (fold) {
        if (auto folded = sqlite::checkpoint(p.db); !folded)
            qCWarning(lcRestore)
                << "old database could not be checkpointed; its WAL is kept beside the safety copy";
    }
    if (auto hook = stepDone(2); !hook)
        return hook;

    task.report(3, 9, FcbRestoreApplierText::tr("Preparing the restored database and files"));
    if (auto prepared = prepareRestored(p, journal); !prepared)
        return prepared;
    if (task.isCanceled())
        return fail(Error::make(ErrorCode::Cancelled, FcbRestoreApplierText::tr("Cancelled.")));
    if (auto hook = stepDone(3); !hook)
        return hook;

    task.report(4, 9, FcbRestoreApplierText::tr("Preparing the safety copies"));
    if (auto prepared = prepareSafetyCopies(p, journal); !prepared)
        return prepared;
    if (auto hook = stepDone(4); !hook)
        return hook;

    if (task.isCanceled())
        return fail(Error::make(ErrorCode::Cancelled, FcbRestoreApplierText::tr("Cancelled.")));
    journal.state = QStringLiteral("committed");
    if (auto j = writeJournal(folder, journal); !j)
        return j;
    return stepDone(5);
}

// Steps 6 to 9; should one fail, the swap is undone, or the error says it could not be.
Result<void> swapIn(const DataFolder& folder, const Journal& journal, ApplyResult& result)
{
    auto done = rollForward(folder, result);
    if (done)
        return ok();
    if (auto undone = rollBackCommitted(folder, journal); !undone)
        return fail(Error::make(done.error().code,
            FcbRestoreApplierText::tr("The restore could not finish (%1) nor be undone (%2). Run "
                                      "apply-restore again to complete it.")
                .arg(done.error().message, undone.error().message),
            done.error().detail));
    return fail(Error::make(done.error().code,
        FcbRestoreApplierText::tr("The restore failed and was undone: %1").arg(done.error().message),
        done.error().detail));
}

} // namespace

Result<ApplyResult> applyRestore(const DataFolder& folder, TaskContext& task, const FreeSpaceProbe& freeSpace)
{
    ApplyResult result;
    const Paths p(folder);
    result.safetyDatabase = p.safetyDb;

    auto finished = finishInterrupted(folder, p, result);
    if (!finished)
        return fail(finished.error());
    if (*finished)
        return result;

    auto marker = RestoreMarker::read(p.marker);
    if (!marker)
        return fail(marker.error());
    result.backupFilename = marker->backupFilename;
    if (auto staged = checkStaged(folder, p, marker->backupFilename, task, freeSpace); !staged)
        return fail(staged.error());

    Journal journal { QStringLiteral("preparing"), marker->backupFilename, files::exists(p.db),
        files::exists(p.stagedFiles) };
    result.filesReplaced = journal.filesReplaced;
    if (auto j = writeJournal(folder, journal); !j)
        return fail(j.error());
    if (auto prepared = prepare(folder, p, journal, task); !prepared) {
        if (auto undone = rollBackPreparation(folder); !undone)
            qCWarning(lcRestore) << "could not undo the preparation:" << undone.error().detail;
        return fail(prepared.error());
    }

    // Past the point of no return a cancel request is ignored: the swap is a few renames.
    task.report(6, 9, FcbRestoreApplierText::tr("Swapping in the restored data"));
    if (auto swapped = swapIn(folder, journal, result); !swapped)
        return fail(swapped.error());
    result.safetyFiles = result.filesReplaced && files::exists(p.safetyFiles) ? p.safetyFiles : QString();
    task.report(9, 9, FcbRestoreApplierText::tr("Restore applied"));
    qCInfo(lcRestore) << "applied restore of" << result.backupFilename;
    return result;
}

} // namespace fcb
