#pragma once

#include "Error.h"

#include <QByteArray>
#include <QFileDevice>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace fcb::files {

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// An error for a failed system call: "message: the system's reason." (strerror of err), with
// NoSpace for a full disk or quota and Io otherwise. message names the operation and the path.
Error systemError(const QString& message, const QString& path, int err);
// The same for a QFile operation that just failed: errno when the call set it, else the
// device's own error text.
Error fileError(const QString& message, const QFileDevice& file, int err);

// fsync a file or a directory by path (directories make renames durable).
Result<void> syncPath(const QString& path);
// fsync the directory that holds path.
Result<void> syncParentDir(const QString& path);
// Atomic rename that fails with Conflict instead of replacing an existing target.
Result<void> renameNoReplace(const QString& from, const QString& to);
// Atomic rename that replaces the target (POSIX rename).
Result<void> renameReplace(const QString& from, const QString& to);
// Swap two existing paths in one step (Linux renameat2 RENAME_EXCHANGE).
Result<void> renameExchange(const QString& a, const QString& b);
// Write a small file all-or-nothing: temp file in the same folder, fsync, rename.
// A small JSON store shared by processes: under a lock file, reads the object (refusing a
// damaged file rather than replacing it), lets update change it, writes it back owner-only.
Result<void> updateJsonFile(const QString& path, const std::function<void(QJsonObject&)>& update);
Result<void> writeAtomically(
    const QString& path, const QByteArray& bytes, QFileDevice::Permissions permissions = ownerOnly);
// Create a folder owner-only (0700); parents are created as needed.
Result<void> makeOwnerOnlyDir(const QString& path);
// Create a folder and its missing parents (mkdir -p), reporting the system's reason.
Result<void> makeDirs(const QString& path);
// Remove a file or a whole tree; missing is fine.
Result<void> removeAll(const QString& path);
// lstat-based: true for a regular file that is not a symlink.
bool isRegularFile(const QString& path);
bool exists(const QString& path); // lstat: a dangling symlink exists too

struct TreeSize
{
    qint64 bytes = 0;
    qint64 files = 0;
};
// Regular files under dir, any depth, dotfiles included; symlinks are not followed.
TreeSize treeSize(const QString& dir);

// Free bytes for an unprivileged writer on the file system holding path (or its nearest parent).
qint64 freeSpace(const QString& path);
QString humanSize(qint64 bytes);
// Error for "need N, have M" with both sizes readable; refuses before writing.
Error noSpaceError(const QString& what, const QString& where, qint64 needed, qint64 available);

// Hard-link a file; falls back to a copy across file systems. Target must not exist.
Result<void> linkOrCopy(const QString& from, const QString& to);
// Copy a file with fsync; target must not exist.
Result<void> copyFileSynced(const QString& from, const QString& to, QFileDevice::Permissions perms);
// Mirror a tree of regular files by hard links (copies across file systems); target must not exist.
Result<void> linkTree(const QString& fromDir, const QString& toDir);

} // namespace fcb::files
