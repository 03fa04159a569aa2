#include "RestoreApplier.h"

#include "FileUtil.h"
#include "Logging.h"
#include "PyJson.h"
#include "sqlite/Sqlite.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>
#include <sys/stat.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbRestoreApplierText
{
    Q_DECLARE_TR_FUNCTIONS(FcbRestoreApplierText)
};

namespace fcb {

namespace {


const QString kNew = QStringLiteral(".fcb-new");
const QString kOld = QStringLiteral(".fcb-old");

void stepDone(int step)
{
    static const int abortAfter = qEnvironmentVariableIntValue("FCB_TEST_ABORT_AFTER_APPLY_STEP");
    if (abortAfter == step) {
        qCWarning(lcRestore) << "test hook: aborting after apply step" << step;
        std::abort();
    }
}

struct Paths
{
    QString db, wal, shm, journal, files, stagedDb, stagedFiles, safetyDb, safetyFiles;
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
    {
    }
};

Result<void> writeJournal(const DataFolder& folder, const QString& state, const QString& backup)
{
    return files::writeAtomically(folder.applyJournalPath(),
                                  pyjson::dump({{QStringLiteral("state"), state},
                                                {QStringLiteral("backup_filename"), backup},
                                                {QStringLiteral("updated_at"), pyjson::nowIsoNaiveUtc()}}));
}

QString journalState(const DataFolder& folder)
{
    QFile file(folder.applyJournalPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("state")).toString();
}

Result<void> renameIfPresent(const QString& from, const QString& to)
{
    if (!files::exists(from))
        return ok();
    return files::renameReplace(from, to);
}

// Undo everything before the commit point: the live database and files were never touched
// (bar folding the WAL, which keeps their content), so this only removes what was added.
Result<void> rollBackPreparation(const DataFolder& folder)
{
    const Paths p(folder);
    for (const QString& path : QStringList{p.db + kNew, p.files + kNew, p.safetyDb + kNew})
        if (auto removed = files::removeAll(path); !removed)
            return removed;
    if (auto r = renameIfPresent(p.safetyDb + kOld, p.safetyDb); !r)
        return r;
    if (auto r = renameIfPresent(p.safetyDb + kOld + QStringLiteral("-wal"), p.safetyDb + QStringLiteral("-wal")); !r)
        return r;
    if (auto r = renameIfPresent(p.safetyFiles + kOld, p.safetyFiles); !r)
        return r;
    (void)files::syncParentDir(p.db);
    if (!QFile::remove(folder.applyJournalPath()))
        return fail(ErrorCode::Io, FcbRestoreApplierText::tr("Could not remove the restore journal."), folder.applyJournalPath());
    return files::syncParentDir(folder.applyJournalPath());
}

// After the commit point. Each step looks at what is on disk, so running it again after a
// crash anywhere in the middle picks up where it stopped.
Result<void> rollForward(const DataFolder& folder, ApplyResult& result)
{
    const Paths p(folder);
    if (files::exists(p.safetyDb + kNew)) {
        // A WAL still beside the old database belongs to it, never to the restored one.
        if (auto r = renameIfPresent(p.wal, p.safetyDb + QStringLiteral("-wal")); !r)
            return r;
        if (auto r = renameIfPresent(p.journal, p.safetyDb + QStringLiteral("-journal")); !r)
            return r;
        if (auto r = files::removeAll(p.shm); !r)
            return r;
        if (auto r = files::renameReplace(p.safetyDb + kNew, p.safetyDb); !r)
            return r;
        (void)files::syncParentDir(p.db);
    }
    stepDone(6);
    if (files::exists(p.db + kNew)) {
        for (const QString& stale : {p.wal, p.shm, p.journal})
            if (auto r = files::removeAll(stale); !r)
                return r;
        if (auto r = files::renameReplace(p.db + kNew, p.db); !r)
            return r;
        if (auto r = files::syncParentDir(p.db); !r)
            return r;
    }
    stepDone(7);
    if (files::exists(p.files + kNew)) {
        result.filesReplaced = true;
        if (files::exists(p.files)) {
            if (files::exists(p.safetyFiles))
                return fail(ErrorCode::Conflict, FcbRestoreApplierText::tr("Both %1 and %2 exist; the restore cannot tell which is which.")
                                                     .arg(p.files, p.safetyFiles));
            if (auto r = files::renameNoReplace(p.files, p.safetyFiles); !r)
                return r;
        }
        if (auto r = files::renameNoReplace(p.files + kNew, p.files); !r)
            return r;
        if (auto r = files::syncParentDir(p.files); !r)
            return r;
    }
    stepDone(8);
    for (const QString& leftover :
         QStringList{p.safetyDb + kOld, p.safetyDb + kOld + QStringLiteral("-wal"), p.safetyFiles + kOld})
        (void)files::removeAll(leftover);
    if (QFile::exists(folder.markerPath()) && !QFile::remove(folder.markerPath()))
        return fail(ErrorCode::Io, FcbRestoreApplierText::tr("Could not remove the restore marker."), folder.markerPath());
    (void)files::removeAll(folder.stagingDir());
    (void)files::syncPath(folder.backupsDir());
    if (!QFile::remove(folder.applyJournalPath()))
        return fail(ErrorCode::Io, FcbRestoreApplierText::tr("Could not remove the restore journal."), folder.applyJournalPath());
    if (auto r = files::syncParentDir(folder.applyJournalPath()); !r)
        return r;
    stepDone(9);
    return ok();
}

bool sameFileSystem(const QString& a, const QString& b)
{
    struct stat sa {};
    struct stat sb {};
    return ::stat(QFile::encodeName(a).constData(), &sa) == 0 && ::stat(QFile::encodeName(b).constData(), &sb) == 0
        && sa.st_dev == sb.st_dev;
}

} // namespace

bool applyInterrupted(const DataFolder& folder)
{
    return QFile::exists(folder.applyJournalPath());
}

Result<ApplyResult> applyRestore(const DataFolder& folder, TaskContext& task, const FreeSpaceProbe& freeSpace)
{
    ApplyResult result;
    const Paths p(folder);
    result.safetyDatabase = p.safetyDb;

    auto marker = RestoreMarker::read(folder.markerPath());
    result.backupFilename = marker ? marker->backupFilename : QString();

    if (applyInterrupted(folder)) {
        if (journalState(folder) == QStringLiteral("committed")) {
            result.resumed = true;
            if (auto done = rollForward(folder, result); !done)
                return fail(done.error());
            result.safetyFiles = files::exists(p.safetyFiles) ? p.safetyFiles : QString();
            qCInfo(lcRestore) << "finished an interrupted restore of" << result.backupFilename;
            return result;
        }
        if (auto undone = rollBackPreparation(folder); !undone)
            return fail(undone.error());
    }

    if (!marker)
        return fail(marker.error());
    if (!files::exists(folder.stagingDir()) || !files::isRegularFile(p.stagedDb))
        return fail(ErrorCode::NotFound,
                    FcbRestoreApplierText::tr("The restore of %1 is marked as staged, but the staged files are missing. Unstage it and "
                       "stage the backup again.")
                        .arg(marker->backupFilename));

    const sqlite::Usage usage = sqlite::probeUsage(p.db);
    if (usage.inUse) {
        QStringList pids;
        for (qint64 pid : usage.pids)
            pids.append(QString::number(pid));
        return fail(ErrorCode::InUse,
                    FcbRestoreApplierText::tr("The database is open in another process (%1). Stop the FastCMS server before applying a "
                       "restore.")
                        .arg(pids.isEmpty() ? FcbRestoreApplierText::tr("unknown process") : FcbRestoreApplierText::tr("process %1").arg(pids.join(QStringLiteral(", ")))),
                    p.db);
    }
    task.report(0, 9, FcbRestoreApplierText::tr("Checking the staged database"));
    auto integrity = sqlite::integrityCheck(p.stagedDb);
    if (!integrity || *integrity != QStringLiteral("ok"))
        return fail(ErrorCode::BadArchive, FcbRestoreApplierText::tr("The staged database is not healthy; nothing was changed."),
                    integrity ? *integrity : integrity.error().detail);
    QFile::remove(p.stagedDb + QStringLiteral("-wal"));
    QFile::remove(p.stagedDb + QStringLiteral("-shm"));
    if (task.isCanceled())
        return fail(ErrorCode::Cancelled, FcbRestoreApplierText::tr("Cancelled."));

    // Hard links cost nothing on one file system; across file systems the staged data is copied.
    const QString dataParent = QFileInfo(p.db).absolutePath();
    if (!sameFileSystem(folder.stagingDir(), dataParent)) {
        const auto staged = files::treeSize(folder.stagingDir());
        const qint64 available = freeSpace(dataParent);
        if (available >= 0 && available < staged.bytes + (1 << 20))
            return fail(files::noSpaceError(FcbRestoreApplierText::tr("the restored data"), dataParent, staged.bytes + (1 << 20), available));
    }

    if (auto j = writeJournal(folder, QStringLiteral("preparing"), marker->backupFilename); !j)
        return fail(j.error());
    stepDone(1);
    const auto undo = [&folder](const Error& error) -> Result<ApplyResult> {
        if (auto undone = rollBackPreparation(folder); !undone)
            qCWarning(lcRestore) << "could not undo the preparation:" << undone.error().detail;
        return fail(error);
    };

    task.report(2, 9, FcbRestoreApplierText::tr("Folding the old database's WAL into it"));
    if (files::exists(p.db) && (QFileInfo(p.wal).size() > 0 || files::exists(p.journal))) {
        if (auto folded = sqlite::checkpoint(p.db); !folded)
            qCWarning(lcRestore) << "old database could not be checkpointed; its WAL is kept beside the safety copy";
    }
    stepDone(2);

    task.report(3, 9, FcbRestoreApplierText::tr("Preparing the restored database and files"));
    if (auto linked = files::linkOrCopy(p.stagedDb, p.db + kNew); !linked)
        return undo(linked.error());
    if (files::exists(p.stagedFiles)) {
        if (auto linked = files::linkTree(p.stagedFiles, p.files + kNew); !linked)
            return undo(linked.error());
        result.filesReplaced = true;
    }
    (void)files::syncParentDir(p.db);
    if (task.isCanceled())
        return undo(Error::make(ErrorCode::Cancelled, FcbRestoreApplierText::tr("Cancelled.")));
    stepDone(3);

    task.report(4, 9, FcbRestoreApplierText::tr("Preparing the safety copies"));
    if (auto r = renameIfPresent(p.safetyDb, p.safetyDb + kOld); !r)
        return undo(r.error());
    if (auto r = renameIfPresent(p.safetyDb + QStringLiteral("-wal"), p.safetyDb + kOld + QStringLiteral("-wal")); !r)
        return undo(r.error());
    if (files::exists(p.db)) {
        if (auto linked = files::linkOrCopy(p.db, p.safetyDb + kNew); !linked)
            return undo(linked.error());
    }
    if (result.filesReplaced) {
        if (auto r = renameIfPresent(p.safetyFiles, p.safetyFiles + kOld); !r)
            return undo(r.error());
    }
    (void)files::syncParentDir(p.db);
    (void)files::syncParentDir(p.safetyFiles);
    stepDone(4);

    if (task.isCanceled())
        return undo(Error::make(ErrorCode::Cancelled, FcbRestoreApplierText::tr("Cancelled.")));
    if (auto j = writeJournal(folder, QStringLiteral("committed"), marker->backupFilename); !j)
        return undo(j.error());
    stepDone(5);

    task.report(6, 9, FcbRestoreApplierText::tr("Swapping in the restored data"));
    if (auto done = rollForward(folder, result); !done)
        return fail(Error::make(done.error().code,
                                FcbRestoreApplierText::tr("The restore could not finish (%1). Run apply-restore again to complete it.")
                                    .arg(done.error().message),
                                done.error().detail));
    result.safetyFiles = result.filesReplaced && files::exists(p.safetyFiles) ? p.safetyFiles : QString();
    task.report(9, 9, FcbRestoreApplierText::tr("Restore applied"));
    qCInfo(lcRestore) << "applied restore of" << result.backupFilename;
    return result;
}

} // namespace fcb
