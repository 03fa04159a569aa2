#pragma once

#include <QString>

// Every temporary name the tool gives a file or folder, in one place, so that the clean-up knows
// each kind it could have left behind.
//
// Temporary files and folders are ".fcb-tmp-<kind>-<host>-<pid>-<random><suffix>" beside what
// they become: host (a mark of the machine) and pid say which process owns one, so a leftover is
// removed only once that process is gone (another machine's, sharing the folder over NFS, only
// after a day). Names of earlier versions (no pid) are recognised too.
namespace fcb::temp {

enum class Kind
{
    Write, // a small file written all-or-nothing (marker, journal, stores, units)
    Snapshot, // create: the database snapshot
    Archive, // create and import: the archive before it gets its final name
    Staging, // stage-restore: the extraction before it becomes restore_staging/
    Verify, // verify: the database checked outside the archive
    Drill, // drill: the throw-away restore
    Pull, // off-site pull: the copy before it is verified
    Compare, // diff and export: the backup's database read outside the archive
};

inline const QString kPrefix = QStringLiteral(".fcb-tmp-");

// A fresh name (no folder) of the given kind, owned by this process.
QString name(Kind kind, const QString& suffix = {});
// The same inside dir.
QString in(const QString& dir, Kind kind, const QString& suffix = {});
// A temporary sibling of path, for writing path all-or-nothing.
QString beside(const QString& path);

// Kept across runs on purpose, so never removed by the clean-up:
// a download's partial file, resumed by the next download of the same backup;
QString resumablePart(const QString& target);
// an off-site copy's upload name on the remote, removed there by the push itself;
QString offsitePart(const QString& backupName);
// An rclone filter matching every such name of backupName.
QString offsitePartPattern(const QString& backupName);
// the apply's names beside the live data, which its journal finishes or undoes.
inline const QString kApplyNew = QStringLiteral(".fcb-new");
inline const QString kApplyOld = QStringLiteral(".fcb-old");

// Whether fileName is one of ours, and whether the process that made it is certainly gone.
// underLock: the caller holds the data folder's operation lock, so no live process is writing
// the kinds that are only made under it.
bool isLeftover(const QString& fileName, bool underLock, qint64 ageSeconds);
// Removes our leftovers directly inside dir; returns how many were removed.
int removeLeftovers(const QString& dir, bool underLock);

} // namespace fcb::temp
