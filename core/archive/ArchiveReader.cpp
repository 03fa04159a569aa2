#include "ArchiveReader.h"

#include "FileUtil.h"
#include "Logging.h"
#include "archive/ArchiveWriter.h"
#include "sqlite/Sqlite.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>

#include "archive/FastHash.h"

#include <QFuture>
#include <QtConcurrent>

#include <deque>
#include <libdeflate.h>
#include <zlib.h>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>

#include <sys/stat.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbArchiveReaderText
{
    Q_DECLARE_TR_FUNCTIONS(FcbArchiveReaderText)
};

namespace fcb {

namespace {


const QString kDatabase = QStringLiteral("database.db");
const QString kMetadata = QStringLiteral("metadata.json");
const QString kSums = QStringLiteral("SHA256SUMS");
const QString kFilesPrefix = QStringLiteral("files/");
constexpr qint64 maxSumsSize = 64 << 20;
// Entries up to this size are inflated whole with libdeflate on the worker threads, several at
// once; larger ones stream through zlib here.
constexpr quint64 kWholeEntry = 16 << 20;
constexpr qint64 kCheckWindow = 64 << 20;

// One entry checked (and written, when extracting) on a worker thread.
struct EntryCheck
{
    QString name;
    QByteArray compressed;
    int method = 0;
    quint64 size = 0;
    quint32 crc = 0;
    QString target; // extract here, if set
    bool ownerOnly = false;
    bool keepBytes = false; // SHA256SUMS and metadata.json
    qint64 weight = 0;      // memory it holds while in flight
    bool large = false;     // streamed from its own handle on the archive
    QString zipPath;
    bool isDatabase = false;
    TaskContext* task = nullptr;
    bool cancelled = false;
    std::optional<Result<QString>> integrity; // the database's, checked right after it landed
    // results
    bool damaged = false;
    QString writeError;
    bool noSpace = false;
    QByteArray digest;
    QByteArray bytes;
};

void checkIntegrity(EntryCheck& e);

void checkEntry(EntryCheck& e)
{
    QByteArray data;
    if (e.method == 0) {
        data = e.compressed;
    } else {
        thread_local std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> inflater(
            libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
        data.resize(qsizetype(e.size));
        // Exactly the declared size or it is damaged: more data than declared is a zip bomb.
        e.damaged = libdeflate_deflate_decompress(inflater.get(), e.compressed.constData(), size_t(e.compressed.size()),
                                                  data.data(), size_t(e.size), nullptr)
            != LIBDEFLATE_SUCCESS;
    }
    e.compressed = QByteArray();
    e.damaged = e.damaged || quint64(data.size()) != e.size || crc32(0, data.constData(), data.size()) != e.crc;
    e.digest = Sha256::hex(data.constData(), data.size());
    if (e.keepBytes && data.size() <= maxSumsSize)
        e.bytes = data;
    if (!e.target.isEmpty() && !e.damaged) {
        QFile out(e.target);
        const auto perms = e.ownerOnly ? files::ownerOnly : files::ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, perms) || out.write(data) != data.size() || !out.flush()) {
            e.writeError = out.errorString();
            e.noSpace = out.error() == QFileDevice::ResourceError;
        }
    }
    checkIntegrity(e);
}

void checkIntegrity(EntryCheck& e)
{
    if (!e.isDatabase || e.target.isEmpty() || !e.writeError.isEmpty() || e.damaged)
        return;
    e.integrity = sqlite::integrityCheck(e.target);
    // Opening it may leave -wal/-shm beside it; staging must hold database.db alone.
    QFile::remove(e.target + QStringLiteral("-wal"));
    QFile::remove(e.target + QStringLiteral("-shm"));
}

void checkLargeEntry(EntryCheck& e)
{
    QuaZip zip(e.zipPath);
    QuaZipFile file(&zip);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(e.name) || !file.open(QIODevice::ReadOnly)) {
        e.damaged = true;
        return;
    }
    std::unique_ptr<QFile> out;
    if (!e.target.isEmpty()) {
        out = std::make_unique<QFile>(e.target);
        const auto perms = e.ownerOnly ? files::ownerOnly : files::ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        if (!out->open(QIODevice::WriteOnly | QIODevice::NewOnly, perms)) {
            e.writeError = out->errorString();
            return;
        }
    }
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    Sha256 hash;
    quint64 read = 0;
    bool oversize = false;
    for (;;) {
        if (e.task && e.task->isCanceled()) {
            e.cancelled = true;
            return;
        }
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n <= 0)
            break;
        read += quint64(n);
        if (read > e.size) {
            oversize = true; // more data than the directory declares: a zip bomb or damage
            break;
        }
        hash.add(buffer.constData(), n);
        if (out && out->write(buffer.constData(), n) != n) {
            e.writeError = out->errorString();
            e.noSpace = out->error() == QFileDevice::ResourceError;
            return;
        }
        if (e.keepBytes && read <= quint64(maxSumsSize))
            e.bytes.append(buffer.constData(), n);
    }
    file.close();
    e.damaged = oversize || file.getZipError() != UNZ_OK || read != e.size;
    e.digest = hash.hex();
    if (out && !out->flush()) {
        e.writeError = out->errorString();
        e.noSpace = out->error() == QFileDevice::ResourceError;
    }
    out.reset();
    checkIntegrity(e);
}

Error notAZip(const QString& path, int code)
{
    return Error::make(ErrorCode::BadArchive, FcbArchiveReaderText::tr("%1 is not a readable zip archive (damaged or truncated).")
                                                  .arg(QFileInfo(path).fileName()),
                       QStringLiteral("unzip error %1").arg(code));
}

} // namespace

bool ArchiveEntry::isSymlink() const
{
    return ((externalAttr >> 16) & S_IFMT) == S_IFLNK;
}

const ArchiveEntry* ArchiveDirectory::find(const QString& name) const
{
    for (const ArchiveEntry& entry : entries)
        if (entry.name == name)
            return &entry;
    return nullptr;
}

bool VerifyReport::ok() const
{
    for (const VerifyCheck& check : checks)
        if (check.status == VerifyCheck::Status::Failed)
            return false;
    return !checks.isEmpty();
}

QStringList VerifyReport::problems() const
{
    QStringList out;
    for (const VerifyCheck& check : checks)
        if (check.status == VerifyCheck::Status::Failed)
            out.append(check.message);
    return out;
}

QStringList VerifyReport::lacks() const
{
    QStringList out;
    for (const VerifyCheck& check : checks)
        if (check.status == VerifyCheck::Status::Missing)
            out.append(check.message);
    return out;
}

namespace archive {

Result<ArchiveDirectory> readDirectory(const QString& zipPath)
{
    if (!QFileInfo::exists(zipPath))
        return fail(ErrorCode::NotFound, FcbArchiveReaderText::tr("The backup %1 does not exist.").arg(QFileInfo(zipPath).fileName()));
    QuaZip zip(zipPath);
    if (!zip.open(QuaZip::mdUnzip))
        return fail(notAZip(zipPath, zip.getZipError()));
    ArchiveDirectory directory;
    const QList<QuaZipFileInfo64> infos = zip.getFileInfoList64();
    if (zip.getZipError() != UNZ_OK)
        return fail(notAZip(zipPath, zip.getZipError()));
    directory.entries.reserve(infos.size());
    for (const QuaZipFileInfo64& info : infos) {
        ArchiveEntry entry;
        entry.name = info.name;
        entry.size = info.uncompressedSize;
        entry.compressedSize = info.compressedSize;
        entry.crc = info.crc;
        entry.method = info.method;
        entry.externalAttr = info.externalAttr;
        directory.totalSize += info.uncompressedSize;
        directory.entries.append(entry);
    }
    return directory;
}

Result<QByteArray> readEntry(const QString& zipPath, const QString& name, qint64 maxBytes)
{
    QuaZip zip(zipPath);
    if (!zip.open(QuaZip::mdUnzip))
        return fail(notAZip(zipPath, zip.getZipError()));
    if (!zip.setCurrentFile(name, QuaZip::csSensitive))
        return fail(ErrorCode::NotFound, FcbArchiveReaderText::tr("The archive has no %1.").arg(name));
    QuaZipFileInfo64 info;
    if (!zip.getCurrentFileInfo(&info) || qint64(info.uncompressedSize) > maxBytes)
        return fail(ErrorCode::BadArchive, FcbArchiveReaderText::tr("%1 in the archive is too large.").arg(name));
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return fail(notAZip(zipPath, file.getZipError()));
    // Never more than the directory declares (plus one byte, to notice a lie).
    const QByteArray bytes = file.read(qint64(info.uncompressedSize) + 1);
    file.close();
    if (file.getZipError() != UNZ_OK || bytes.size() != qint64(info.uncompressedSize))
        return fail(ErrorCode::BadArchive, FcbArchiveReaderText::tr("%1 in the archive is damaged.").arg(name),
                    QStringLiteral("unzip error %1").arg(file.getZipError()));
    return bytes;
}

Result<Metadata> readMetadata(const QString& zipPath)
{
    auto bytes = readEntry(zipPath, kMetadata, 1 << 20);
    if (!bytes)
        return fail(bytes.error());
    return Metadata::fromJson(*bytes);
}

QStringList layoutProblems(const ArchiveDirectory& directory)
{
    QStringList problems;
    QSet<QString> seen;
    bool hasDatabase = false;
    for (const ArchiveEntry& entry : directory.entries) {
        const QString& name = entry.name;
        if (seen.contains(name)) {
            problems.append(FcbArchiveReaderText::tr("The entry \"%1\" appears twice.").arg(name));
            continue;
        }
        seen.insert(name);
        if (name.startsWith(QLatin1Char('/')) || name.startsWith(QLatin1Char('\\'))
            || (name.size() > 1 && name[1] == QLatin1Char(':'))) {
            problems.append(FcbArchiveReaderText::tr("The entry \"%1\" has an absolute path.").arg(name));
            continue;
        }
        if (name.contains(QChar(0))) {
            problems.append(FcbArchiveReaderText::tr("An entry name contains a NUL character."));
            continue;
        }
        const QStringList parts = name.split(QLatin1Char('/'));
        if (parts.contains(QStringLiteral("..")) || name.split(QLatin1Char('\\')).contains(QStringLiteral(".."))) {
            problems.append(FcbArchiveReaderText::tr("The entry \"%1\" points outside the archive (\"..\").").arg(name));
            continue;
        }
        if (entry.isSymlink()) {
            problems.append(FcbArchiveReaderText::tr("The entry \"%1\" is a symbolic link.").arg(name));
            continue;
        }
        if (name == kDatabase) {
            hasDatabase = true;
            continue;
        }
        if (name == kMetadata || name == kSums)
            continue;
        if (name.startsWith(kFilesPrefix) && name.size() > kFilesPrefix.size()) {
            // Only the trailing empty part of a directory entry may be empty; "." is no name.
            const QStringList rel = parts.mid(1, entry.isDirectory() ? parts.size() - 2 : -1);
            if (rel.contains(QString()) || rel.contains(QStringLiteral("."))) {
                problems.append(FcbArchiveReaderText::tr("The entry \"%1\" has an empty or \".\" path component.").arg(name));
                continue;
            }
            continue;
        }
        if (name == kFilesPrefix)
            continue;
        problems.append(FcbArchiveReaderText::tr("The entry \"%1\" does not belong in a FastCMS backup.").arg(name));
    }
    if (!hasDatabase)
        problems.append(FcbArchiveReaderText::tr("The archive has no database.db."));
    // "files/a" as a file and "files/a/b" inside it cannot both be extracted.
    QSet<QString> fileNames;
    for (const ArchiveEntry& entry : directory.entries)
        if (!entry.isDirectory())
            fileNames.insert(entry.name);
    for (const ArchiveEntry& entry : directory.entries) {
        QString parent = entry.isDirectory() ? entry.name.chopped(1) : entry.name;
        for (qsizetype slash = parent.lastIndexOf(QLatin1Char('/')); slash > 0; slash = parent.lastIndexOf(QLatin1Char('/'))) {
            parent.truncate(slash);
            if (fileNames.contains(parent)) {
                problems.append(FcbArchiveReaderText::tr("The entry \"%1\" lies inside \"%2\", which is a file.")
                                    .arg(entry.name, parent));
                break;
            }
        }
        if (entry.isDirectory() && fileNames.contains(entry.name.chopped(1)))
            problems.append(FcbArchiveReaderText::tr("\"%1\" is both a file and a folder.").arg(entry.name.chopped(1)));
    }
    return problems;
}

Result<VerifyReport> verify(const QString& zipPath, const QString& workDir, TaskContext& task,
                            const QString& extractTo)
{
    VerifyReport report;
    report.path = zipPath;
    auto directory = readDirectory(zipPath);
    if (!directory) {
        if (directory.error().code != ErrorCode::BadArchive)
            return fail(directory.error());
        report.checks.append({QStringLiteral("zip"), VerifyCheck::Status::Failed, directory.error().message});
        return report;
    }
    report.checks.append({QStringLiteral("zip"), VerifyCheck::Status::Passed, FcbArchiveReaderText::tr("The zip directory is readable.")});
    report.entryCount = directory->entries.size();
    report.totalSize = directory->totalSize;
    for (const ArchiveEntry& entry : directory->entries)
        if (entry.name.startsWith(kFilesPrefix) && !entry.isDirectory())
            ++report.fileCount;

    const QStringList layout = layoutProblems(*directory);
    if (!layout.isEmpty()) {
        report.checks.append({QStringLiteral("layout"), VerifyCheck::Status::Failed, layout.join(QLatin1Char(' '))});
        if (!extractTo.isEmpty())
            return report; // never write a byte of a hostile archive
    } else {
        report.checks.append({QStringLiteral("layout"), VerifyCheck::Status::Passed,
                              FcbArchiveReaderText::tr("The archive holds only database.db, files/ and metadata.")});
    }

    // Where database.db goes while it is checked: the staging folder, or a private temp file.
    QString databasePath;
    QString tempDatabase;
    if (extractTo.isEmpty()) {
        const ArchiveEntry* db = directory->find(kDatabase);
        const qint64 available = files::freeSpace(workDir);
        if (db && available >= 0 && available < qint64(db->size) + (1 << 20))
            return fail(files::noSpaceError(FcbArchiveReaderText::tr("checking the database"), workDir,
                                            qint64(db->size) + (1 << 20), available));
        tempDatabase = workDir + QStringLiteral("/.fcb-verify-")
            + QString::number(QRandomGenerator::global()->generate64(), 36) + QStringLiteral(".db");
        databasePath = tempDatabase;
    } else {
        databasePath = extractTo + QLatin1Char('/') + kDatabase;
    }
    const auto cleanup = qScopeGuard([&tempDatabase] {
        if (!tempDatabase.isEmpty()) {
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                QFile::remove(tempDatabase + QString::fromLatin1(suffix));
        }
    });

    QuaZip zip(zipPath);
    if (!zip.open(QuaZip::mdUnzip))
        return fail(notAZip(zipPath, zip.getZipError()));
    ByteProgress progress{&task, 0, qint64(directory->totalSize), FcbArchiveReaderText::tr("Checking %1").arg(QFileInfo(zipPath).fileName())};
    QHash<QString, QByteArray> digests;
    QByteArray sums;
    QByteArray metadataBytes;
    QStringList crcProblems;
    // Small entries go to the workers; their results are taken in order, the read-ahead bounded.
    std::deque<std::pair<std::shared_ptr<EntryCheck>, QFuture<void>>> checks;
    std::optional<Result<QString>> databaseIntegrity;
    qint64 inFlight = 0;
    auto waitChecks = qScopeGuard([&checks] {
        for (auto& c : checks)
            c.second.waitForFinished();
    });
    const auto collect = [&](bool all) -> Result<void> {
        while (!checks.empty() && (all || inFlight > kCheckWindow || checks.front().second.isFinished())) {
            checks.front().second.waitForFinished();
            EntryCheck& e = *checks.front().first;
            if (e.cancelled)
                return fail(ErrorCode::Cancelled, FcbArchiveReaderText::tr("Cancelled."));
            if (e.integrity)
                databaseIntegrity = e.integrity;
            if (!e.writeError.isEmpty())
                return fail(Error::make(e.noSpace ? ErrorCode::NoSpace : ErrorCode::Io,
                                        FcbArchiveReaderText::tr("Could not write %1.").arg(e.target), e.writeError));
            if (e.damaged)
                crcProblems.append(FcbArchiveReaderText::tr("The entry \"%1\" is damaged (CRC or size mismatch).").arg(e.name));
            digests.insert(e.name, e.digest);
            if (e.name == kSums)
                sums = e.bytes;
            else if (e.name == kMetadata)
                metadataBytes = e.bytes;
            inFlight -= e.weight;
            progress.add(qint64(e.size));
            checks.pop_front();
        }
        return ok();
    };
    for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
        QuaZipFileInfo64 info;
        zip.getCurrentFileInfo(&info);
        const QString name = info.name;
        if (name.endsWith(QLatin1Char('/'))) {
            if (!extractTo.isEmpty() && !QDir().mkpath(extractTo + QLatin1Char('/') + name))
                return fail(ErrorCode::Io, FcbArchiveReaderText::tr("Could not create the folder %1.").arg(name), extractTo);
            continue;
        }
        const bool isDatabase = name == kDatabase;
        const bool isSums = name == kSums;
        const bool isMetadata = name == kMetadata;
        if (task.isCanceled())
            return fail(ErrorCode::Cancelled, FcbArchiveReaderText::tr("Cancelled."));
        const bool extractHere = isDatabase || (!extractTo.isEmpty() && name.startsWith(kFilesPrefix));
        if (info.uncompressedSize <= kWholeEntry && info.compressedSize <= kWholeEntry + 1024
            && (info.method == 0 || info.method == Z_DEFLATED)) {
            auto e = std::make_shared<EntryCheck>();
            e->name = name;
            e->size = info.uncompressedSize;
            e->crc = quint32(info.crc);
            e->keepBytes = isSums || isMetadata;
            e->isDatabase = isDatabase;
            if (extractHere) {
                e->target = isDatabase ? databasePath : extractTo + QLatin1Char('/') + name;
                e->ownerOnly = isDatabase;
                if (!QDir().mkpath(QFileInfo(e->target).absolutePath()))
                    return fail(ErrorCode::Io, FcbArchiveReaderText::tr("Could not create a folder for %1.").arg(name), e->target);
            }
            QuaZipFile raw(&zip);
            int method = 0;
            int level = 0;
            if (!raw.open(QIODevice::ReadOnly, &method, &level, true)) {
                crcProblems.append(FcbArchiveReaderText::tr("The entry \"%1\" cannot be read.").arg(name));
                continue;
            }
            e->method = method;
            e->compressed = raw.read(qint64(info.compressedSize) + 1);
            raw.close();
            if (quint64(e->compressed.size()) != info.compressedSize) {
                crcProblems.append(FcbArchiveReaderText::tr("The entry \"%1\" is damaged (CRC or size mismatch).").arg(name));
                continue;
            }
            e->weight = qint64(e->size) + e->compressed.size();
            inFlight += e->weight;
            checks.emplace_back(e, QtConcurrent::run(archiveWorkers(), [e] { checkEntry(*e); }));
            if (auto collected = collect(false); !collected)
                return fail(collected.error());
            continue;
        }
        // A large entry streams through zlib on a worker with its own handle on the archive,
        // while the small ones around it go on; the database's integrity check follows there.
        auto e = std::make_shared<EntryCheck>();
        e->name = name;
        e->size = info.uncompressedSize;
        e->keepBytes = isSums || isMetadata;
        e->large = true;
        e->zipPath = zipPath;
        e->isDatabase = isDatabase;
        e->task = &task;
        if (extractHere) {
            e->target = isDatabase ? databasePath : extractTo + QLatin1Char('/') + name;
            e->ownerOnly = isDatabase;
            if (!QDir().mkpath(QFileInfo(e->target).absolutePath()))
                return fail(ErrorCode::Io, FcbArchiveReaderText::tr("Could not create a folder for %1.").arg(name), e->target);
        }
        e->weight = 2 << 20;
        inFlight += e->weight;
        checks.emplace_back(e, QtConcurrent::run(archiveWorkers(), [e] { checkLargeEntry(*e); }));
        if (auto collected = collect(false); !collected)
            return fail(collected.error());
    }
    if (auto collected = collect(true); !collected)
        return fail(collected.error());
    if (zip.getZipError() != UNZ_OK && zip.getZipError() != UNZ_END_OF_LIST_OF_FILE)
        crcProblems.append(FcbArchiveReaderText::tr("The archive is damaged after the last readable entry."));
    if (crcProblems.isEmpty())
        report.checks.append({QStringLiteral("crc"), VerifyCheck::Status::Passed, FcbArchiveReaderText::tr("Every entry matches its CRC.")});
    else
        report.checks.append({QStringLiteral("crc"), VerifyCheck::Status::Failed, crcProblems.join(QLatin1Char(' '))});

    // SHA256SUMS: every listed entry must match, and it must cover the database and every file.
    if (directory->find(kSums)) {
        const auto parsed = parseSha256Sums(sums);
        QStringList sumProblems;
        if (!parsed) {
            sumProblems.append(FcbArchiveReaderText::tr("SHA256SUMS is malformed."));
        } else {
            QSet<QString> listed;
            for (const auto& [name, digest] : *parsed) {
                listed.insert(name);
                if (!digests.contains(name))
                    sumProblems.append(FcbArchiveReaderText::tr("SHA256SUMS lists \"%1\", which the archive lacks.").arg(name));
                else if (digests.value(name) != digest)
                    sumProblems.append(FcbArchiveReaderText::tr("\"%1\" does not match its SHA-256 checksum.").arg(name));
            }
            for (const ArchiveEntry& entry : directory->entries)
                if ((entry.name == kDatabase || entry.name.startsWith(kFilesPrefix)) && !entry.isDirectory()
                    && !listed.contains(entry.name))
                    sumProblems.append(FcbArchiveReaderText::tr("\"%1\" is not covered by SHA256SUMS.").arg(entry.name));
        }
        if (sumProblems.isEmpty())
            report.checks.append({QStringLiteral("checksums"), VerifyCheck::Status::Passed,
                                  FcbArchiveReaderText::tr("All %n SHA-256 checksums match.", nullptr, int(parsed->size()))});
        else
            report.checks.append({QStringLiteral("checksums"), VerifyCheck::Status::Failed,
                                  sumProblems.mid(0, 10).join(QLatin1Char(' '))});
    } else {
        report.checks.append({QStringLiteral("checksums"), VerifyCheck::Status::Missing,
                              FcbArchiveReaderText::tr("No SHA256SUMS (as in archives written by FastCMS itself): contents were checked "
                                 "against the zip CRCs only.")});
    }

    if (directory->find(kDatabase) && QFileInfo::exists(databasePath)) {
        auto integrity = databaseIntegrity ? *databaseIntegrity : sqlite::integrityCheck(databasePath);
        if (integrity && *integrity == QStringLiteral("ok"))
            report.checks.append({QStringLiteral("database"), VerifyCheck::Status::Passed,
                                  FcbArchiveReaderText::tr("database.db passes SQLite's integrity check.")});
        else
            report.checks.append({QStringLiteral("database"), VerifyCheck::Status::Failed,
                                  integrity ? FcbArchiveReaderText::tr("database.db fails SQLite's integrity check: %1").arg(*integrity)
                                            : FcbArchiveReaderText::tr("database.db is not a healthy SQLite database (%1).")
                                                  .arg(integrity.error().message)});
        // Opening it may leave -wal/-shm beside it; staging must hold database.db alone.
        QFile::remove(databasePath + QStringLiteral("-wal"));
        QFile::remove(databasePath + QStringLiteral("-shm"));
    }

    if (directory->find(kMetadata)) {
        auto metadata = Metadata::fromJson(metadataBytes);
        if (!metadata) {
            report.checks.append({QStringLiteral("metadata"), VerifyCheck::Status::Failed, metadata.error().message});
        } else {
            report.metadata = *metadata;
            report.checks.append({QStringLiteral("metadata"), VerifyCheck::Status::Passed,
                                  FcbArchiveReaderText::tr("metadata.json is sound (created %1).").arg(metadata->createdAt)});
        }
    } else {
        report.checks.append({QStringLiteral("metadata"), VerifyCheck::Status::Missing,
                              FcbArchiveReaderText::tr("No metadata.json: the backup's time comes from its name.")});
    }
    return report;
}

} // namespace archive

} // namespace fcb
