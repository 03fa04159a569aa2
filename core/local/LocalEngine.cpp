#include "LocalEngine.h"

#include "FileLock.h"
#include "FileUtil.h"
#include "Logging.h"
#include "PyJson.h"
#include "TempNames.h"
#include "archive/ArchiveWriter.h"
#include "archive/BackupName.h"
#include "archive/FastHash.h"
#include "diff/Diff.h"
#include "diff/Export.h"
#include "local/BackupScan.h"
#include "local/OperationLock.h"
#include "sqlite/Sqlite.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTimeZone>

#include <algorithm>
#include <atomic>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbLocalEngineText
{
    Q_DECLARE_TR_FUNCTIONS(FcbLocalEngineText)
};

namespace fcb {

namespace {

// Forwards a sub-step's progress into the job's byte count.
class ScaledTask final : public TaskContext
{
public:
    ScaledTask(ByteProgress& progress, qint64 bytes, const std::atomic_bool* abandoned = nullptr)
        : m_progress(progress)
        , m_start(progress.done)
        , m_bytes(bytes)
        , m_abandoned(abandoned)
    { }
    bool isCanceled() const override
    {
        return m_progress.task->isCanceled() || (m_abandoned && *m_abandoned);
    }
    void report(qint64 done, qint64 total, const QString&) override
    {
        if (total <= 0)
            return;
        m_progress.done = m_start + m_bytes * done / total;
        m_progress.add(0);
    }

private:
    ByteProgress& m_progress;
    qint64 m_start;
    qint64 m_bytes;
    const std::atomic_bool* m_abandoned;
};

struct Candidate
{
    QFileInfo info;
    QDateTime sortTime;
    BackupItem::TimeSource source;
};

Candidate candidateAt(const BackupScan& scan, qsizetype i)
{
    const ScannedName& n = scan.names[size_t(i)];
    return Candidate { QFileInfo(scan.path(i)), QDateTime::fromMSecsSinceEpoch(n.sortKey, QTimeZone::utc()),
        n.fromName ? BackupItem::TimeSource::Name : BackupItem::TimeSource::FileTime };
}

BackupItem describe(const Candidate& c, const QString& stagedName, bool openArchive)
{
    BackupItem item;
    item.fileName = c.info.fileName();
    item.id = BackupName::stem(item.fileName);
    item.sizeBytes = c.info.size();
    item.path = c.info.absoluteFilePath();
    item.created = c.sortTime;
    item.createdFrom = c.source;
    item.staged = !stagedName.isEmpty() && stagedName == item.fileName;
    if (!openArchive)
        return item;
    // An archive without (or with unreadable) metadata.json is still a backup; one that is no
    // zip is not.
    const auto bytes = archive::readEntry(item.path, QStringLiteral("metadata.json"));
    if (!bytes) {
        if (bytes.error().code != ErrorCode::NotFound) {
            item.valid = false;
            item.invalidReason = bytes.error().message;
        }
        return item;
    }
    if (const auto metadata = Metadata::fromJson(*bytes)) {
        if (const auto time = metadata->createdTime()) {
            item.created = *time;
            item.createdFrom = BackupItem::TimeSource::Metadata;
        }
        item.metadata = *metadata;
    }
    return item;
}

} // namespace

LocalEngine::LocalEngine(DataFolder folder)
    : LocalEngine(std::move(folder), Options {})
{ }

LocalEngine::LocalEngine(DataFolder folder, Options options)
    : m_folder(std::move(folder))
    , m_options(std::move(options))
{
    if (!m_options.freeSpace)
        m_options.freeSpace = &files::freeSpace;
#ifdef FCB_TEST_HOOKS
    // Lets command-line tests play a nearly full disk.
    if (const QByteArray free = qgetenv("FCB_TEST_FREE_BYTES"); !free.isEmpty())
        m_options.freeSpace = [bytes = free.toLongLong()](const QString&) { return bytes; };
#endif
}

Result<void> LocalEngine::checkFolderExists() const
{
    if (QFileInfo(QFileInfo(m_folder.dbPath()).absolutePath()).isDir()
        || QFileInfo(m_folder.backupsDir()).isDir())
        return ok();
    return fail(ErrorCode::NotFound,
        FcbLocalEngineText::tr("The data folder %1 does not exist. Check the path (--data-dir).")
            .arg(m_folder.dataDir()),
        m_folder.dataDir());
}

Result<std::unique_ptr<OperationLock>> LocalEngine::lockFolder(const TaskContext* task) const
{
    // Never make a mistyped data folder's backups folder (the lock lives there).
    if (auto there = checkFolderExists(); !there)
        return fail(there.error());
    OperationLock::Wait wait { m_options.lockWaitMs, {} };
    if (task)
        wait.cancelled = [task] { return task->isCanceled(); };
    auto lock = OperationLock::acquire(m_folder, wait);
    if (!lock)
        return lock;
    // With the lock held, what an earlier run left behind is certainly not in use.
    temp::removeLeftovers(m_folder.backupsDir(), true);
    return lock;
}

Result<std::unique_ptr<OperationLock>> LocalEngine::lockForRestore(const TaskContext* task) const
{
    auto lock = lockFolder(task);
    if (!lock)
        return fail(lock.error());
    if (applyInterrupted(m_folder))
        return fail(ErrorCode::Conflict,
            FcbLocalEngineText::tr("An earlier restore was interrupted. Run apply-restore to finish it, or "
                                   "apply-restore --abandon to undo it."));
    return lock;
}

namespace {

// What a backup has to copy, measured before anything is written.
struct CreateSizes
{
    qint64 dbBytes = 0; // the database and its WAL
    files::TreeSize uploads;
};

// Preflight: the database is there, and there is room for the snapshot and an archive no
// larger than the data itself.
Result<CreateSizes> preflight(const DataFolder& folder, const FreeSpaceProbe& freeSpace)
{
    const QString dbPath = folder.dbPath();
    if (!QFileInfo::exists(dbPath))
        return fail(ErrorCode::NotFound, FcbLocalEngineText::tr("There is no database at %1.").arg(dbPath));
    CreateSizes sizes;
    sizes.dbBytes = QFileInfo(dbPath).size() + QFileInfo(folder.walPath()).size();
    sizes.uploads = files::treeSize(folder.filesDir());
    const qint64 needed = 2 * sizes.dbBytes + sizes.uploads.bytes + (1 << 20);
    const qint64 available = freeSpace(folder.backupsDir());
    if (available >= 0 && available < needed)
        return fail(files::noSpaceError(
            FcbLocalEngineText::tr("the backup"), folder.backupsDir(), needed, available));
    return sizes;
}

// The snapshot's file, owner-only before SQLite writes a byte into it.
Result<void> ownerOnlyPlaceholder(const QString& path)
{
    QFile placeholder(path);
    if (!placeholder.open(QIODevice::WriteOnly | QIODevice::NewOnly, files::ownerOnly))
        return fail(
            files::fileError(FcbLocalEngineText::tr("Could not create %1").arg(path), placeholder, errno));
    return ok();
}

// The archive's level, and ZIP64 where the data may pass the 32-bit limits.
ArchiveWriter::Options writerOptions(const LocalEngine::Options& engine, const CreateSizes& sizes)
{
    ArchiveWriter::Options options;
    options.level = engine.compressionLevel;
    // The copy is no larger than the database and its WAL together.
    options.zip64 = engine.forceZip64 || (sizes.dbBytes + sizes.uploads.bytes) >= (qint64(3) << 30);
    return options;
}

// Snapshot: the consistent copy of the database into tempDb, then the copy's integrity check
// (unless the writer gave up meanwhile). Runs beside the writer, which waits on `copied` for the
// copy; `copied` is always set, whatever happens here.
Result<sqlite::SnapshotInfo> takeSnapshot(const QString& dbPath, const QString& tempDb,
    ByteProgress& progress, const CreateSizes& sizes, std::promise<Result<void>>& copied,
    const std::atomic_bool& abandoned)
{
    bool told = false;
    const auto tell = [&](Result<void> result) {
        told = true;
        copied.set_value(std::move(result));
    };
    auto always = qScopeGuard([&] {
        if (!told)
            copied.set_value(
                fail(ErrorCode::Internal, FcbLocalEngineText::tr("The database snapshot failed.")));
    });
    ScaledTask snapshotTask(progress, sizes.dbBytes, &abandoned);
    auto taken = sqlite::snapshot(dbPath, tempDb, snapshotTask, false);
    if (!taken) {
        tell(fail(taken.error()));
        return fail(taken.error());
    }
    progress.total = progress.done + QFileInfo(tempDb).size() + sizes.uploads.bytes;
    tell(ok());
    sqlite::SnapshotInfo info = *taken;
    if (abandoned)
        return info;
    const auto checked = sqlite::integrityCheck(tempDb);
    info.integrity = checked ? *checked : checked.error().message;
    return info;
}

// Collect: the database first, then every regular file under files/ (dotfiles included) in a
// stable order.
QList<ArchiveWriter::Source> collectSources(const QString& filesDir, const ArchiveWriter::Source& database)
{
    QList<ArchiveWriter::Source> sources { database };
    QStringList relativePaths;
    const QDir filesRoot(filesDir);
    if (filesRoot.exists()) {
        QDirIterator it(filesDir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
            QDirIterator::Subdirectories);
        while (it.hasNext())
            relativePaths.append(filesRoot.relativeFilePath(it.next()));
        relativePaths.sort();
    }
    for (const QString& relative : std::as_const(relativePaths)) {
        const QFileInfo info(filesRoot.filePath(relative));
        if (!info.isFile())
            continue; // a FIFO or socket: opening one could block the backup forever
        sources.append({ QStringLiteral("files/") + relative, info.absoluteFilePath(), info.lastModified() });
    }
    return sources;
}

// metadata.json: FastCMS's three keys and ours.
Metadata backupMetadata(const CreateRequest& request, const QDateTime& started, const QString& name,
    const sqlite::SnapshotInfo& snapshot, qint64 fileCount, qint64 totalBytes)
{
    Metadata metadata;
    metadata.createdAt = pyjson::isoNaiveUtc(started);
    metadata.backupName = BackupName::stem(name);
    metadata.tool = QStringLiteral("fastcms-backup");
    metadata.toolVersion = QStringLiteral(FCB_VERSION);
    metadata.format = Metadata::formatVersion;
    metadata.trigger = request.trigger;
    metadata.databasePageCount = snapshot.pageCount;
    metadata.databaseIntegrity = snapshot.integrity;
    metadata.sourceJournalMode = snapshot.journalMode;
    metadata.fileCount = fileCount;
    metadata.totalBytes = totalBytes;
    return metadata;
}

// Write: the closing entries (metadata.json, then SHA256SUMS of everything before it) and the
// central directory.
Result<void> finishArchive(ArchiveWriter& writer, const Metadata& metadata, TaskContext& task)
{
    const QDateTime now = QDateTime::currentDateTime();
    if (auto added = writer.addBytes(QStringLiteral("metadata.json"), metadata.toJson(), now); !added)
        return fail(added.error());
    const QByteArray sums = formatSha256Sums(writer.digests());
    if (auto added = writer.addBytes(QStringLiteral("SHA256SUMS"), sums, now); !added)
        return fail(added.error());
    if (task.isCanceled())
        return fail(ErrorCode::Cancelled, FcbLocalEngineText::tr("Cancelled."));
    return writer.finish();
}

// The finished archive under `name`, or the next free backup name for `created` when that is
// taken: never replacing an existing backup, even one a FastCMS server wrote this very second.
// Returns the name it got.
Result<QString> renameToFreeName(
    const QString& temp, const DataFolder& folder, const QDateTime& created, QString name)
{
    const auto taken
        = [&folder](const QString& candidate) { return files::exists(folder.backupPath(candidate)); };
    for (;;) {
        auto renamed = files::renameNoReplace(temp, folder.backupPath(name));
        if (renamed)
            return name;
        if (renamed.error().code != ErrorCode::Conflict)
            return fail(renamed.error());
        name = BackupName::freeName(created, taken);
    }
}

// Publish: the finished archive under a free backup name, and the folder synced. Returns the name.
Result<QString> publish(
    const QString& tempZip, const DataFolder& folder, const QDateTime& started, const QString& name)
{
    auto finalName = renameToFreeName(tempZip, folder, started, name);
    if (!finalName)
        return finalName;
    if (auto synced = files::syncPath(folder.backupsDir()); !synced)
        return fail(synced.error());
    return finalName;
}

} // namespace

Result<CreateResult> LocalEngine::create(const CreateRequest& request, TaskContext& task) const
{
    auto lock = lockFolder(&task);
    if (!lock)
        return fail(lock.error());
    const auto sizes = preflight(m_folder, m_options.freeSpace);
    if (!sizes)
        return fail(sizes.error());

    const QDateTime started = QDateTime::currentDateTimeUtc();
    const QString tempDb = temp::in(m_folder.backupsDir(), temp::Kind::Snapshot, QStringLiteral(".db"));
    const QString tempZip = temp::in(m_folder.backupsDir(), temp::Kind::Archive, QStringLiteral(".zip.part"));
    auto cleanup = qScopeGuard([&] {
        for (const char* suffix : { "", "-wal", "-shm", "-journal" })
            QFile::remove(tempDb + QString::fromLatin1(suffix));
        QFile::remove(tempZip);
    });
    if (auto made = ownerOnlyPlaceholder(tempDb); !made)
        return fail(made.error());

    ByteProgress progress { &task, 0, 2 * sizes->dbBytes + sizes->uploads.bytes,
        FcbLocalEngineText::tr("Creating backup") };
    const QString name = BackupName::freeName(
        started, [this](const QString& candidate) { return files::exists(m_folder.backupPath(candidate)); });
    ArchiveWriter writer(tempZip, writerOptions(m_options, *sizes));
    if (auto opened = writer.open(); !opened)
        return fail(opened.error());

    // The snapshot runs beside the writer, which compresses the first uploads meanwhile; the
    // database still comes first in the archive. Then the copy's integrity check runs there,
    // alongside the compression (it only reads the copy). Until the copy is ready, progress is
    // the snapshot's alone: nothing is written before the database.
    std::promise<Result<void>> copied;
    ArchiveWriter::Source database { QStringLiteral("database.db"), tempDb, started.toLocalTime(),
        copied.get_future().share() };
    std::atomic_bool abandoned = false; // the writer failed: the snapshot stops, or skips its check
    auto snapshotJob = std::async(std::launch::async,
        [&] { return takeSnapshot(m_folder.dbPath(), tempDb, progress, *sizes, copied, abandoned); });
    // Whatever happens next, the snapshot is over before its files are cleaned up.
    auto joinSnapshot = qScopeGuard([&] {
        abandoned = true;
        if (snapshotJob.valid())
            snapshotJob.wait();
    });

    // Compressed in parallel.
    const QList<ArchiveWriter::Source> sources = collectSources(m_folder.filesDir(), database);
    auto added = writer.addFiles(sources, progress);
    if (!added)
        abandoned = true;
    auto taken = snapshotJob.get();
    // The snapshot's own error, not the writer's word for it; unless the writer stopped it.
    if (!taken && (added || taken.error().code != ErrorCode::Cancelled))
        return fail(taken.error());
    if (!added)
        return fail(added.error());
    const sqlite::SnapshotInfo snapshot = *taken;
    const qint64 snapshotBytes = QFileInfo(tempDb).size();
    QFile::remove(tempDb);
    const qint64 fileCount
        = sources.size() - 1 - writer.skippedFiles(); // some may have been deleted meanwhile
    const qint64 fileBytes = writer.addedBytes() - snapshotBytes;

    const Metadata metadata
        = backupMetadata(request, started, name, snapshot, fileCount, snapshotBytes + fileBytes);
    if (auto finished = finishArchive(writer, metadata, task); !finished)
        return fail(finished.error());
    const auto finalName = publish(tempZip, m_folder, started, name);
    if (!finalName)
        return fail(finalName.error());
    cleanup.dismiss();

    CreateResult result;
    Candidate c { QFileInfo(m_folder.backupPath(*finalName)), started, BackupItem::TimeSource::Metadata };
    result.backup = describe(c, {}, false);
    result.backup.createdFrom = BackupItem::TimeSource::Metadata;
    result.backup.metadata = metadata;
    result.databaseBytes = snapshotBytes;
    result.fileCount = fileCount;
    result.totalBytes = snapshotBytes + fileBytes;
    result.storedEntries = writer.storedEntries();
    result.databaseIntegrity = snapshot.integrity;
    qCInfo(lcLocal) << "created" << *finalName << result.totalBytes << "bytes in" << fileCount + 1
                    << "entries";
    return result;
}

Result<BackupPage> LocalEngine::list(int page, int perPage) const
{
    if (auto there = checkFolderExists(); !there)
        return fail(there.error());
    if (page < 1 || perPage < 1 || perPage > 1000)
        return fail(ErrorCode::Usage, FcbLocalEngineText::tr("Pages start at 1 and hold 1 to 1000 backups."),
            QStringLiteral("page=%1 per_page=%2").arg(page).arg(perPage));
    BackupPage result;
    result.page = page;
    result.perPage = perPage;
    if (!QDir(m_folder.backupsDir()).exists())
        return result;
    const BackupScan candidates
        = scanBackups(m_folder.backupsDir(), qint64(page) * perPage, m_options.scanCacheDir);
    result.total = candidates.size();
    result.totalPages = int(qMax<qint64>(1, (result.total + perPage - 1) / perPage));
    auto marker = RestoreMarker::read(m_folder.markerPath());
    const QString staged = marker ? marker->backupFilename : QString();
    const qint64 first = qint64(page - 1) * perPage;
    for (qint64 i = first; i < qMin<qint64>(first + perPage, candidates.size()); ++i) {
        result.items.append(describe(candidateAt(candidates, i), staged, true));
        ++result.archivesOpened;
    }
    return result;
}

Result<void> LocalEngine::remove(const QString& fileName) const
{
    if (auto valid = BackupName::checkPlainZipName(fileName); !valid)
        return valid;
    auto lock = lockFolder(nullptr);
    if (!lock)
        return fail(lock.error());
    const QString path = m_folder.backupPath(fileName);
    if (!files::isRegularFile(path))
        return fail(
            ErrorCode::NotFound, FcbLocalEngineText::tr("The backup %1 does not exist.").arg(fileName));
    if (auto marker = RestoreMarker::read(m_folder.markerPath());
        marker && marker->backupFilename == fileName && files::exists(m_folder.stagingDir()))
        return fail(ErrorCode::Conflict,
            FcbLocalEngineText::tr("%1 is staged for restore. Unstage the restore before deleting it.")
                .arg(fileName));
    if (!QFile::remove(path))
        return fail(ErrorCode::Io, FcbLocalEngineText::tr("Could not delete %1.").arg(fileName), path);
    return files::syncPath(m_folder.backupsDir());
}

Result<QString> LocalEngine::existingBackup(const QString& fileName) const
{
    if (auto valid = BackupName::checkPlainZipName(fileName); !valid)
        return fail(valid.error());
    const QString path = m_folder.backupPath(fileName);
    if (!files::isRegularFile(path))
        return fail(
            ErrorCode::NotFound, FcbLocalEngineText::tr("The backup %1 does not exist.").arg(fileName));
    return path;
}

Result<VerifyReport> LocalEngine::verify(const QString& fileName, TaskContext& task) const
{
    auto path = existingBackup(fileName);
    if (!path)
        return fail(path.error());
    return archive::verify(*path, m_folder.backupsDir(), task);
}

Result<DrillReport> LocalEngine::drill(const QString& fileName, TaskContext& task) const
{
    auto path = existingBackup(fileName);
    if (!path)
        return fail(path.error());
    return drill::run(*path, m_folder.backupsDir(), task);
}

Result<StageResult> LocalEngine::stageRestore(
    const QString& fileName, TaskContext& task, VerifyReport* failedReport) const
{
    auto lock = lockForRestore(&task);
    if (!lock)
        return fail(lock.error());
    return fcb::stageRestore(m_folder, fileName, task, m_options.freeSpace, failedReport);
}

Result<void> LocalEngine::unstageRestore() const
{
    auto lock = lockForRestore(nullptr);
    if (!lock)
        return fail(lock.error());
    return fcb::unstageRestore(m_folder);
}

Result<ApplyResult> LocalEngine::applyRestore(TaskContext& task) const
{
    auto lock = lockFolder(&task);
    if (!lock)
        return fail(lock.error());
    return fcb::applyRestore(m_folder, task, m_options.freeSpace);
}

Result<AbandonResult> LocalEngine::abandonInterruptedApply() const
{
    auto lock = lockFolder(nullptr);
    if (!lock)
        return fail(lock.error());
    return fcb::abandonInterruptedApply(m_folder);
}

Result<FolderStatus> LocalEngine::status() const
{
    if (auto there = checkFolderExists(); !there)
        return fail(there.error());
    FolderStatus s;
    s.dataDir = m_folder.dataDir();
    s.dbPath = m_folder.dbPath();
    s.filesDir = m_folder.filesDir();
    s.backupsDir = m_folder.backupsDir();
    s.databaseExists = QFileInfo::exists(m_folder.dbPath());
    if (s.databaseExists) {
        const sqlite::Usage usage = sqlite::probeUsage(m_folder.dbPath());
        s.databaseInUse = usage.inUse;
        s.databasePids = usage.pids;
    }
    if (auto marker = RestoreMarker::read(m_folder.markerPath())) {
        s.restorePending = true;
        s.pendingBackup = marker->backupFilename;
        s.pendingRequestedAt = marker->requestedAt;
    }
    s.stagingPresent = files::exists(m_folder.stagingDir());
    s.applyInterrupted = applyInterrupted(m_folder);
    if (const auto holder = OperationLock::holder(m_folder)) {
        s.lockHolderPid = holder->pid;
        s.lockHolderApp = holder->app;
    }
    if (QDir(m_folder.backupsDir()).exists()) {
        const BackupScan candidates
            = scanBackups(m_folder.backupsDir(), 1, m_options.scanCacheDir); // the newest only
        s.backupCount = candidates.size();
        const QByteArray prefix = QFile::encodeName(candidates.dir + QLatin1Char('/'));
        for (const ScannedName& n : candidates.names) {
            struct stat st
            {
            };
            if (::stat(QByteArray(prefix + candidates.name(n).toByteArray()).constData(), &st) == 0)
                s.backupsTotalBytes += st.st_size;
        }
        if (candidates.size() > 0)
            s.newest = describe(candidateAt(candidates, 0), s.pendingBackup, true);
    }
    s.freeBytes = m_options.freeSpace(m_folder.backupsDir());
    return s;
}

Result<DownloadResult> LocalEngine::copyOut(
    const QString& fileName, const QString& targetPath, TaskContext& task) const
{
    if (auto valid = BackupName::checkPlainZipName(fileName); !valid)
        return fail(valid.error());
    const QString source = m_folder.backupPath(fileName);
    if (!files::isRegularFile(source))
        return fail(
            ErrorCode::NotFound, FcbLocalEngineText::tr("The backup %1 does not exist.").arg(fileName));
    QString target = targetPath;
    if (QFileInfo(target).isDir())
        target = QDir(target).filePath(fileName);
    if (files::exists(target))
        return fail(ErrorCode::Conflict,
            FcbLocalEngineText::tr("%1 already exists; choose another place.").arg(target));
    const qint64 size = QFileInfo(source).size();
    const qint64 available = m_options.freeSpace(QFileInfo(target).absolutePath());
    if (available >= 0 && available < size)
        return fail(files::noSpaceError(fileName, QFileInfo(target).absolutePath(), size, available));
    const QString part = temp::resumablePart(target);
    QFile::remove(part);
    task.report(0, 2, FcbLocalEngineText::tr("Copying %1").arg(fileName));
    if (auto copied = files::copyFileSynced(source, part, files::ownerOnly); !copied) {
        QFile::remove(part);
        return fail(copied.error());
    }
    if (task.isCanceled()) {
        QFile::remove(part);
        return fail(ErrorCode::Cancelled, FcbLocalEngineText::tr("Cancelled."));
    }
    if (auto renamed = files::renameNoReplace(part, target); !renamed) {
        QFile::remove(part);
        return fail(renamed.error());
    }
    (void)files::syncParentDir(target);
    DownloadResult result;
    result.path = target;
    result.bytes = size;
    task.report(1, 2, FcbLocalEngineText::tr("Verifying the copy"));
    auto report = archive::verify(target, QFileInfo(target).absolutePath(), task);
    if (!report)
        return fail(report.error());
    result.report = *report;
    return result;
}

Result<BackupItem> LocalEngine::importArchive(const QString& zipPath, TaskContext& task) const
{
    if (!files::isRegularFile(zipPath))
        return fail(ErrorCode::NotFound, FcbLocalEngineText::tr("%1 is not a file.").arg(zipPath));
    auto lock = lockFolder(&task);
    if (!lock)
        return fail(lock.error());
    const qint64 size = QFileInfo(zipPath).size();
    const qint64 available = m_options.freeSpace(m_folder.backupsDir());
    if (available >= 0 && available < 2 * size)
        return fail(
            files::noSpaceError(QFileInfo(zipPath).fileName(), m_folder.backupsDir(), 2 * size, available));
    auto report = archive::verify(zipPath, m_folder.backupsDir(), task);
    if (!report)
        return fail(report.error());
    if (!report->ok())
        return fail(ErrorCode::BadArchive,
            FcbLocalEngineText::tr("%1 is not a sound backup: %2")
                .arg(QFileInfo(zipPath).fileName(), report->problems().join(QLatin1Char(' '))));
    const QString temp = temp::in(m_folder.backupsDir(), temp::Kind::Archive, QStringLiteral(".zip.part"));
    auto cleanup = qScopeGuard([&temp] { QFile::remove(temp); });
    if (auto copied = files::copyFileSynced(zipPath, temp, files::ownerOnly); !copied)
        return fail(copied.error());
    const QString given = QFileInfo(zipPath).fileName();
    const QDateTime created = report->metadata && report->metadata->createdTime()
        ? *report->metadata->createdTime()
        : QDateTime::currentDateTimeUtc();
    const auto taken
        = [this](const QString& candidate) { return files::exists(m_folder.backupPath(candidate)); };
    const auto name = renameToFreeName(temp, m_folder, created,
        BackupName::checkPlainZipName(given) && !taken(given) ? given : BackupName::freeName(created, taken));
    if (!name)
        return fail(name.error());
    cleanup.dismiss();
    (void)files::syncPath(m_folder.backupsDir());
    Candidate c { QFileInfo(m_folder.backupPath(*name)), created, BackupItem::TimeSource::Metadata };
    return describe(c, {}, true);
}

Result<OffsitePushResult> LocalEngine::pushOffsite(
    const QString& remote, const QStringList& names, TaskContext& task) const
{
    if (auto target = Offsite::checkTarget(remote); !target)
        return fail(target.error());
    // One push per folder at a time, so that a push may clear what an interrupted one left on
    // the remote. A lock of its own: an upload can take hours, and backups go on meanwhile.
    if (auto there = checkFolderExists(); !there)
        return fail(there.error());
    auto pushing = FileLock::acquire(m_folder.backupsDir() + QStringLiteral("/.fastcms-backup-offsite.lock"),
        FileLock::Options { m_options.lockWaitMs, [&task] { return task.isCanceled(); } });
    if (!pushing)
        return fail(pushing.error());
    QStringList wanted = names;
    for (int page = 1; names.isEmpty(); ++page) {
        auto listed = list(page, 1000);
        if (!listed)
            return fail(listed.error());
        for (const BackupItem& item : listed->items) {
            if (item.valid)
                wanted.append(item.fileName);
        }
        if (page >= listed->totalPages)
            break;
    }
    const Offsite offsite(remote);
    OffsitePushResult result;
    for (const QString& name : wanted) {
        auto pushed = offsite.push(m_folder.backupPath(name), task);
        if (!pushed && pushed.error().code == ErrorCode::Cancelled)
            return fail(pushed.error());
        if (!pushed) {
            result.failed.append(pushed.error());
            continue; // one conflict does not stop the others
        }
        (*pushed ? result.copied : result.alreadyThere).append(name);
    }
    return result;
}

Result<BackupItem> LocalEngine::pullOffsite(
    const QString& remote, const QString& fileName, TaskContext& task) const
{
    if (auto target = Offsite::checkTarget(remote); !target)
        return fail(target.error());
    if (auto valid = BackupName::checkPlainZipName(fileName); !valid)
        return fail(valid.error());
    if (auto there = checkFolderExists(); !there)
        return fail(there.error());
    if (files::exists(m_folder.backupPath(fileName)))
        return fail(ErrorCode::Conflict,
            FcbLocalEngineText::tr("%1 is already in the backups folder.").arg(fileName));
    const QString landing = temp::in(m_folder.backupsDir(), temp::Kind::Pull);
    if (auto made = files::makeOwnerOnlyDir(landing); !made)
        return fail(made.error());
    const auto removeLanding = qScopeGuard([&landing] { (void)files::removeAll(landing); });
    const QString fetched = landing + QLatin1Char('/') + fileName;
    if (auto got = Offsite(remote).fetch(fileName, fetched, task); !got)
        return fail(got.error());
    return importArchive(fetched, task);
}

Result<DiffReport> LocalEngine::diff(const DiffRequest& request, TaskContext& task) const
{
    const auto backup = existingBackup(request.backup);
    if (!backup)
        return fail(backup.error());
    diff::Sides sides { *backup, {}, m_folder.dbPath(), m_folder.filesDir() };
    if (!request.against.isEmpty()) {
        const auto other = existingBackup(request.against);
        if (!other)
            return fail(other.error());
        sides.otherZip = *other;
    }
    return diff::run(sides, request, m_folder.backupsDir(), task);
}

Result<ExportResult> LocalEngine::exportRows(const ExportRequest& request, TaskContext& task) const
{
    const auto backup = existingBackup(request.backup);
    if (!backup)
        return fail(backup.error());
    return diff::exportRows(*backup, request, m_folder.backupsDir(), task);
}

Result<ArchiveListing> LocalEngine::listArchive(const QString& fileName) const
{
    auto path = existingBackup(fileName);
    if (!path)
        return fail(path.error());
    return browse::listArchive(*path);
}

Result<ExtractResult> LocalEngine::extract(const QString& fileName, const QStringList& paths,
    const QString& outputDir, bool force, TaskContext& task) const
{
    auto path = existingBackup(fileName);
    if (!path)
        return fail(path.error());
    return browse::extract(*path, paths, outputDir, force, task, m_options.freeSpace);
}

Result<RestoreFileResult> LocalEngine::restoreFile(
    const QString& fileName, const QString& path, TaskContext& task) const
{
    // Refused before anything else: a path outside files/ never gets as far as the lock.
    if (auto upload = browse::checkUploadPath(path); !upload)
        return fail(upload.error());
    auto backup = existingBackup(fileName);
    if (!backup)
        return fail(backup.error());
    auto lock = lockForRestore(&task);
    if (!lock)
        return fail(lock.error());
    return browse::restoreFile(*backup, path, m_folder.filesDir(), task);
}

Result<HistoryResult> LocalEngine::history(const QString& path, TaskContext& task) const
{
    if (auto there = checkFolderExists(); !there)
        return fail(there.error());
    return browse::history(m_folder.backupsDir(), path, m_options.historyCacheDir, task);
}

} // namespace fcb
