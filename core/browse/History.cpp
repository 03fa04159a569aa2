#include "Browse.h"

#include "FileUtil.h"
#include "browse/ArchiveContents.h"
#include "local/BackupScan.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QFileInfo>
#include <QHash>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTimeZone>

#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fcb::browse {

namespace {

// The cache file: magic, version, the payload (QDataStream), and the payload's SHA-256, so that
// a damaged or cut-short file is told from a sound one before any of it is believed.
constexpr char kMagic[8] = { 'F', 'C', 'B', 'H', 'I', 'S', 'T', 'R' };
constexpr quint32 kVersion = 1; // raise it whenever what is kept, or how, changes
constexpr qint64 kMaxCacheBytes = 256 << 20;
constexpr qint64 kDigestSize = 32;

// What one archive holds under files/, as history needs it.
struct CachedEntry
{
    QByteArray name; // UTF-8, as the archive has it
    quint64 size = 0;
    quint32 crc = 0;
    quint16 dosDate = 0;
    quint16 dosTime = 0;
};

// An archive's uploads, valid while its size and modification time stay as they were.
struct CachedArchive
{
    qint64 size = -1;
    qint64 mtimeNs = -1;
    QList<CachedEntry> entries;
};

using Cache = QHash<QByteArray, CachedArchive>; // by file name

QString cacheFileFor(const QString& cacheDir, const QString& backupsDir)
{
    const QByteArray path = QFile::encodeName(QFileInfo(backupsDir).absoluteFilePath());
    return cacheDir + QLatin1Char('/')
        + QString::fromLatin1(QCryptographicHash::hash(path, QCryptographicHash::Sha1).toHex());
}

// The file's bytes when it is ours: a regular file owned by this user (a planted cache in a
// shared folder could hide an upload's history), and not absurdly large.
std::optional<QByteArray> readOwnFile(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return std::nullopt;
    const auto closeFile = qScopeGuard([fd] { ::close(fd); });
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()
        || st.st_size > kMaxCacheBytes)
        return std::nullopt;
    QByteArray data(qsizetype(st.st_size), Qt::Uninitialized);
    for (qsizetype done = 0; done < data.size();) {
        const ssize_t got = ::read(fd, data.data() + done, size_t(data.size() - done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return std::nullopt;
        done += got;
    }
    return data;
}

Cache loadCache(const QString& file)
{
    const auto data = readOwnFile(file);
    const qsizetype header = sizeof kMagic + sizeof(quint32);
    if (!data || data->size() < header + kDigestSize
        || std::memcmp(data->constData(), kMagic, sizeof kMagic) != 0)
        return {};
    const QByteArray payload = data->mid(header, data->size() - header - kDigestSize);
    if (QCryptographicHash::hash(payload, QCryptographicHash::Sha256) != data->right(kDigestSize))
        return {};
    quint32 version = 0;
    std::memcpy(&version, data->constData() + sizeof kMagic, sizeof version);
    if (version != kVersion)
        return {};
    QDataStream in(payload);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 archives = 0;
    in >> archives;
    Cache cache;
    for (quint32 i = 0; i < archives && in.status() == QDataStream::Ok; ++i) {
        QByteArray name;
        CachedArchive archive;
        quint32 count = 0;
        in >> name >> archive.size >> archive.mtimeNs >> count;
        for (quint32 e = 0; e < count && in.status() == QDataStream::Ok; ++e) {
            CachedEntry entry;
            in >> entry.name >> entry.size >> entry.crc >> entry.dosDate >> entry.dosTime;
            archive.entries.append(entry);
        }
        cache.insert(name, archive);
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return {}; // damaged after all: rebuilt from the archives
    return cache;
}

// Best effort: a cache that cannot be written only means the next run reads the archives again.
void saveCache(const QString& cacheDir, const QString& file, const Cache& cache)
{
    QByteArray payload;
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << quint32(cache.size());
        for (auto it = cache.cbegin(); it != cache.cend(); ++it) {
            out << it.key() << it->size << it->mtimeNs << quint32(it->entries.size());
            for (const CachedEntry& entry : it->entries)
                out << entry.name << entry.size << entry.crc << entry.dosDate << entry.dosTime;
        }
    }
    QByteArray data(kMagic, sizeof kMagic);
    data.append(reinterpret_cast<const char*>(&kVersion), sizeof kVersion);
    data.append(payload);
    data.append(QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
    if (data.size() <= kMaxCacheBytes && files::makeOwnerOnlyDir(cacheDir))
        (void)files::writeAtomically(file, data);
}

// The archive's uploads from its central directory; BadArchive and the like for one that
// cannot be read.
Result<CachedArchive> readUploads(const QString& zipPath, qint64 size, qint64 mtimeNs)
{
    auto archive = ArchiveContents::open(zipPath);
    if (!archive)
        return fail(archive.error());
    CachedArchive read { size, mtimeNs, {} };
    for (const ContentEntry& entry : (*archive)->entries()) {
        if (entry.listed.isDirectory || !entry.listed.name.startsWith(QStringLiteral("files/")))
            continue;
        read.entries.append({ entry.rawName, entry.record.size, entry.record.crc, entry.record.dosDate,
            entry.record.dosTime });
    }
    return read;
}

// Marks each backup's copy against the next older readable backup's, oldest first, and keeps
// the backups that hold the path or where it disappeared; newest first again at the end.
QList<HistoryEntry> markChanges(const QList<HistoryEntry>& newestFirst)
{
    QList<HistoryEntry> kept;
    const HistoryEntry* older = nullptr;
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it) {
        HistoryEntry entry = *it;
        const bool wasThere = older && older->present;
        if (entry.present) {
            entry.change = !wasThere                                     ? HistoryEntry::Change::Appeared
                : (entry.size != older->size || entry.crc != older->crc) ? HistoryEntry::Change::Changed
                                                                         : HistoryEntry::Change::Same;
        } else {
            entry.change = HistoryEntry::Change::Disappeared;
        }
        if (entry.present || wasThere)
            kept.prepend(entry);
        older = &*it;
    }
    return kept;
}

} // namespace

Result<HistoryResult> history(
    const QString& backupsDir, const QString& path, const QString& cacheDir, TaskContext& task)
{
    if (auto upload = checkUploadPath(path); !upload)
        return fail(upload.error());
    HistoryResult result;
    result.path = path;
    const BackupScan scan = scanBackups(backupsDir);
    const QString cacheFile = cacheDir.isEmpty() ? QString() : cacheFileFor(cacheDir, backupsDir);
    const Cache cached = cacheFile.isEmpty() ? Cache() : loadCache(cacheFile);
    Cache now;
    const QByteArray wanted = path.toUtf8();
    QList<HistoryEntry> seen;
    for (qsizetype i = 0; i < scan.size(); ++i) {
        if (task.isCanceled())
            return fail(ErrorCode::Cancelled, FcbBrowseText::tr("Cancelled."));
        task.report(i, scan.size(), FcbBrowseText::tr("Reading %1").arg(scan.fileName(i)));
        struct stat st
        {
        };
        if (::stat(QFile::encodeName(scan.path(i)).constData(), &st) != 0)
            continue; // deleted meanwhile
        const qint64 mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        const QByteArray key = QFile::encodeName(scan.fileName(i));
        const auto hit = cached.constFind(key);
        CachedArchive archive;
        if (hit != cached.cend() && hit->size == qint64(st.st_size) && hit->mtimeNs == mtimeNs) {
            archive = *hit;
            ++result.fromCache;
        } else if (auto read = readUploads(scan.path(i), qint64(st.st_size), mtimeNs)) {
            archive = std::move(*read);
        } else {
            result.skipped.append(scan.fileName(i) + QStringLiteral(": ") + read.error().message);
            continue;
        }
        ++result.backupsRead;
        HistoryEntry entry;
        entry.backup = scan.fileName(i);
        entry.created = QDateTime::fromMSecsSinceEpoch(scan.names[size_t(i)].sortKey, QTimeZone::utc());
        for (const CachedEntry& e : std::as_const(archive.entries)) {
            if (e.name != wanted)
                continue;
            entry.present = true;
            entry.size = e.size;
            entry.crc = e.crc;
            entry.modified = dosDateTime(e.dosDate, e.dosTime);
            break;
        }
        seen.append(entry);
        now.insert(key, std::move(archive));
    }
    if (!cacheFile.isEmpty() && (result.fromCache != result.backupsRead || now.size() != cached.size()))
        saveCache(cacheDir, cacheFile, now);
    result.entries = markChanges(seen);
    return result;
}

QString defaultHistoryCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/fastcms-backup/history");
}

} // namespace fcb::browse
