#include "BackupScan.h"

#include "FileUtil.h"
#include "archive/BackupName.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QScopeGuard>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

namespace fcb {

namespace {

// The cache file: a header, the entries in order, then the names. Native byte order: it never
// leaves this machine.
constexpr char kMagic[8] = { 'F', 'C', 'B', 'N', 'A', 'M', 'E', 'S' };
constexpr quint32 kVersion = 1; // raise it whenever what a scan keeps, or how, changes
constexpr qint64 kMaxCacheBytes = 64 << 20;
// A folder whose times are this recent may change again without its times moving: file
// systems stamp them from a coarse clock (and some keep whole seconds only).
constexpr qint64 kSettleNs = 2'000'000'000;

struct FolderKey
{
    quint64 device = 0;
    quint64 inode = 0;
    qint64 mtimeSec = 0;
    qint64 mtimeNsec = 0;
    qint64 ctimeSec = 0;
    qint64 ctimeNsec = 0;

    static FolderKey of(const struct stat& st)
    {
        return { quint64(st.st_dev), quint64(st.st_ino), qint64(st.st_mtim.tv_sec),
            qint64(st.st_mtim.tv_nsec), qint64(st.st_ctim.tv_sec), qint64(st.st_ctim.tv_nsec) };
    }
    bool operator==(const FolderKey&) const = default;
    qint64 latestNs() const
    {
        return qMax(mtimeSec * 1'000'000'000 + mtimeNsec, ctimeSec * 1'000'000'000 + ctimeNsec);
    }
};

struct CacheHeader
{
    char magic[8];
    quint32 version;
    quint32 count;
    FolderKey folder;
    quint64 nameBytes;
};

struct CacheEntry
{
    qint64 sortKey;
    quint32 offset;
    quint16 length;
    quint8 fromName;
    quint8 reserved;
};
static_assert(sizeof(CacheEntry) == 16);

bool newer(const BackupScan& scan, const ScannedName& a, const ScannedName& b)
{
    if (a.sortKey != b.sortKey)
        return a.sortKey > b.sortKey;
    // backup_X_2.zip was made after backup_X.zip in the same second
    if (a.length != b.length)
        return a.length > b.length;
    return scan.name(a) > scan.name(b);
}

void sortScan(BackupScan& scan, qsizetype sorted)
{
    const auto order = [&scan](const ScannedName& a, const ScannedName& b) { return newer(scan, a, b); };
    if (sorted < 0 || sorted >= scan.size())
        std::sort(scan.names.begin(), scan.names.end(), order);
    else
        std::partial_sort(scan.names.begin(), scan.names.begin() + sorted, scan.names.end(), order);
}

qint64 mtimeMs(const struct stat& st)
{
    return qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
}

// Where a folder's times can be trusted to move with every change made to it, by anyone.
bool localFileSystem(int fd)
{
    struct statfs fs
    {
    };
    if (::fstatfs(fd, &fs) != 0)
        return false;
    switch (quint64(quint32(fs.f_type))) {
    case 0xEF53: // ext2/3/4
    case 0x58465342: // xfs
    case 0x9123683E: // btrfs
    case 0x01021994: // tmpfs
    case 0xF2F52010: // f2fs
    case 0x2FC12FC1: // zfs
    case 0x794C7630: // overlayfs
        return true;
    default:
        return false; // network file systems cache attributes; FAT keeps two-second times
    }
}

QString cacheFileFor(const QString& cacheDir, const QString& backupsDir)
{
    const QByteArray path = QFile::encodeName(QFileInfo(backupsDir).absoluteFilePath());
    return cacheDir + QLatin1Char('/')
        + QString::fromLatin1(QCryptographicHash::hash(path, QCryptographicHash::Sha1).toHex());
}

bool readAll(int fd, char* data, qint64 size)
{
    while (size > 0) {
        const ssize_t got = ::read(fd, data, size_t(size));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
        data += got;
        size -= got;
    }
    return true;
}

// The cached names of the folder as it is now, or nothing.
std::optional<BackupScan> loadCache(
    const QString& file, const QString& backupsDir, int dirFd, const FolderKey& key)
{
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return std::nullopt;
    const auto closeFile = qScopeGuard([fd] { ::close(fd); });
    struct stat st
    {
    };
    // Only a file of ours: in a cache folder someone else can write to, a planted list could
    // hide backups.
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()
        || st.st_size < qint64(sizeof(CacheHeader)) || st.st_size > kMaxCacheBytes)
        return std::nullopt;
    QByteArray data(qsizetype(st.st_size), Qt::Uninitialized);
    if (!readAll(fd, data.data(), data.size()))
        return std::nullopt;
    CacheHeader header {};
    std::memcpy(&header, data.constData(), sizeof header);
    if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.version != kVersion
        || !(header.folder == key) || header.count > quint64(st.st_size) / sizeof(CacheEntry)
        || header.nameBytes > quint64(st.st_size)
        || qint64(sizeof header) + qint64(header.count) * qint64(sizeof(CacheEntry))
                + qint64(header.nameBytes)
            != st.st_size)
        return std::nullopt;
    std::vector<CacheEntry> entries(header.count);
    std::memcpy(entries.data(), data.constData() + sizeof header, entries.size() * sizeof(CacheEntry));
    BackupScan scan { backupsDir, data.right(qsizetype(header.nameBytes)), {}, true };
    scan.names.reserve(entries.size());
    bool resort = false;
    for (const CacheEntry& e : entries) {
        // Only what a scan itself could have found: a plain name ending in .zip, inside the buffer.
        if (e.length < 5 || quint64(e.offset) + e.length > header.nameBytes)
            return std::nullopt;
        const char* name = scan.bytes.constData() + e.offset;
        if (std::memcmp(name + e.length - 4, ".zip", 4) != 0 || std::memchr(name, '/', e.length)
            || std::memchr(name, '\0', e.length))
            return std::nullopt;
        ScannedName n { e.sortKey, e.offset, e.length, e.fromName != 0 };
        if (!n.fromName) {
            // A file's time can change without its folder changing: read it again.
            struct stat fileSt
            {
            };
            if (::fstatat(dirFd, QByteArray(name, e.length).constData(), &fileSt, AT_SYMLINK_NOFOLLOW) != 0
                || !S_ISREG(fileSt.st_mode))
                return std::nullopt;
            resort = resort || mtimeMs(fileSt) != n.sortKey;
            n.sortKey = mtimeMs(fileSt);
        }
        scan.names.push_back(n);
    }
    if (resort)
        sortScan(scan, -1);
    return scan;
}

// Best effort: a cache that cannot be written only means the next listing scans again.
void saveCache(const QString& cacheDir, const QString& file, const FolderKey& key, const BackupScan& scan)
{
    CacheHeader header {};
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    header.version = kVersion;
    header.count = quint32(scan.names.size());
    header.folder = key;
    header.nameBytes = quint64(scan.bytes.size());
    QByteArray data(reinterpret_cast<const char*>(&header), sizeof header);
    data.reserve(qsizetype(sizeof header + scan.names.size() * sizeof(CacheEntry)) + scan.bytes.size());
    for (const ScannedName& n : scan.names) {
        const CacheEntry e { n.sortKey, n.offset, n.length, quint8(n.fromName ? 1 : 0), 0 };
        data.append(reinterpret_cast<const char*>(&e), sizeof e);
    }
    data.append(scan.bytes);
    if (files::makeOwnerOnlyDir(cacheDir))
        (void)files::writeAtomically(file, data);
}

} // namespace

bool scanCacheable(const QString& backupsDir)
{
    const int fd = ::open(QFile::encodeName(backupsDir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool local = localFileSystem(fd);
    ::close(fd);
    return local;
}

QString defaultScanCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/fastcms-backup/folders");
}

BackupScan scanBackups(const QString& backupsDir, qsizetype sorted, const QString& cacheDir)
{
    BackupScan scan { backupsDir, {}, {}, false };
    const int dirFd = ::open(QFile::encodeName(backupsDir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd < 0)
        return scan;
    DIR* dir = ::fdopendir(dirFd);
    if (!dir) {
        ::close(dirFd);
        return scan;
    }
    const auto closeDir = qScopeGuard([dir] { ::closedir(dir); });
    struct stat before
    {
    };
    if (::fstat(dirFd, &before) != 0)
        return scan;
    const FolderKey key = FolderKey::of(before);
    const bool cacheable = !cacheDir.isEmpty() && localFileSystem(dirFd);
    const QString cacheFile = cacheable ? cacheFileFor(cacheDir, backupsDir) : QString();
    if (cacheable) {
        if (auto cached = loadCache(cacheFile, backupsDir, dirFd, key))
            return std::move(*cached);
    }
    timespec started {};
    ::clock_gettime(CLOCK_REALTIME, &started);

    // FastCMS lists top-level "*.zip" only; a hidden temp file of ours never ends in .zip.
    // readdir's file types spare a stat per entry (only names that carry no time are looked
    // at), and only the page's own files are opened.
    while (const dirent* entry = ::readdir(dir)) {
        const qsizetype length = qsizetype(std::strlen(entry->d_name));
        if (length < 5 || length > 0xFFFF || std::strcmp(entry->d_name + length - 4, ".zip") != 0)
            continue;
        struct stat st
        {
        };
        const bool needStat = entry->d_type == DT_UNKNOWN;
        if (needStat
            && (::fstatat(dirFd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)))
            continue;
        if (!needStat && entry->d_type != DT_REG)
            continue;
        ScannedName n { 0, quint32(scan.bytes.size()), quint16(length), true };
        if (const auto seconds = BackupName::secondsFromName(entry->d_name, length)) {
            n.sortKey = *seconds * 1000;
        } else {
            if (!needStat && ::fstatat(dirFd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
                continue; // deleted meanwhile
            n.sortKey = mtimeMs(st);
            n.fromName = false;
        }
        scan.bytes.append(entry->d_name, length);
        scan.names.push_back(n);
    }

    // Cached only when the folder has been still for a while and did not change during the scan.
    const qint64 startedNs = qint64(started.tv_sec) * 1'000'000'000 + started.tv_nsec;
    struct stat after
    {
    };
    const qint64 cacheBytes
        = qint64(sizeof(CacheHeader)) + qint64(scan.names.size() * sizeof(CacheEntry)) + scan.bytes.size();
    const bool save = cacheable && key.latestNs() + kSettleNs < startedNs && ::fstat(dirFd, &after) == 0
        && FolderKey::of(after) == key && cacheBytes <= kMaxCacheBytes;
    sortScan(scan, save ? -1 : sorted);
    if (save)
        saveCache(cacheDir, cacheFile, key, scan);
    return scan;
}

} // namespace fcb
