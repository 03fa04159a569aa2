#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <vector>

namespace fcb {

// What a folder scan keeps of each backup: where its name lies in one buffer, and a sort key.
// A folder of 10,000 backups is scanned for every page, so nothing more is made until a page
// needs it, and only as much of the order as the page needs is sorted.
struct ScannedName
{
    qint64 sortKey = 0; // ms since the epoch, from the name or else the file's time
    quint32 offset = 0; // in BackupScan::bytes
    quint16 length = 0;
    bool fromName = true;
};

struct BackupScan
{
    QString dir;
    QByteArray bytes; // every name, one after the other
    std::vector<ScannedName> names; // newest first, as far as sorted
    bool fromCache = false; // the names came from the folder's name cache, not readdir

    qsizetype size() const { return qsizetype(names.size()); }
    QByteArrayView name(const ScannedName& n) const
    {
        return QByteArrayView(bytes.constData() + n.offset, n.length);
    }
    QString fileName(qsizetype i) const { return QFile::decodeName(name(names[size_t(i)]).toByteArray()); }
    QString path(qsizetype i) const { return dir + QLatin1Char('/') + fileName(i); }
};

// The top-level "*.zip" regular files of a backups folder, newest first (by the time in the
// name, else the file's modification time). sorted: how many of the newest must be in order
// (the rest only behind them); -1 for all.
//
// cacheDir, when not empty, keeps each folder's sorted names between runs, keyed on the
// folder's identity and its modification and change times: any entry added, removed or renamed
// changes them. A folder changed in the last few seconds is never cached (its times may not
// move again on the next change within the clock's granularity), and only local file systems
// are cached. The cache is only ever a shortcut: a missing, stale or damaged file means a scan.
BackupScan scanBackups(const QString& backupsDir, qsizetype sorted = -1, const QString& cacheDir = {});

// Whether the names of this folder may be cached at all (a local file system).
bool scanCacheable(const QString& backupsDir);

// ~/.cache/fastcms-backup/folders (XDG_CACHE_HOME honoured).
QString defaultScanCacheDir();

} // namespace fcb
