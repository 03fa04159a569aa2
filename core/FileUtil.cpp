#include "FileUtil.h"

#include "FileLock.h"
#include "Logging.h"
#include "TempNames.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QScopeGuard>
#include <QStorageInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbFileUtilText
{
    Q_DECLARE_TR_FUNCTIONS(FcbFileUtilText)
};

namespace fcb::files {

namespace {

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

} // namespace

Error systemError(const QString& message, const QString& path, int err)
{
    const QString reason = err != 0 ? errnoText(err) : FcbFileUtilText::tr("the system gave no reason");
    return Error::make(err == ENOSPC || err == EDQUOT ? ErrorCode::NoSpace : ErrorCode::Io,
        FcbFileUtilText::tr("%1: %2.").arg(message, reason), path + QStringLiteral(": ") + reason);
}

Error fileError(const QString& message, const QFileDevice& file, int err)
{
    if (err != 0 || file.error() == QFileDevice::NoError)
        return systemError(message, file.fileName(), err);
    const bool full = file.error() == QFileDevice::ResourceError;
    return Error::make(full ? ErrorCode::NoSpace : ErrorCode::Io,
        FcbFileUtilText::tr("%1: %2.").arg(message, file.errorString()),
        file.fileName() + QStringLiteral(": ") + file.errorString());
}

Result<void> syncPath(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(
            systemError(FcbFileUtilText::tr("Could not open %1 to flush it to disk").arg(path), path, errno));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return fail(systemError(FcbFileUtilText::tr("Could not flush %1 to disk").arg(path), path, err));
    return ok();
}

Result<void> syncParentDir(const QString& path)
{
    return syncPath(QFileInfo(path).absolutePath());
}

Result<void> renameNoReplace(const QString& from, const QString& to)
{
    if (::renameat2(AT_FDCWD, QFile::encodeName(from).constData(), AT_FDCWD,
            QFile::encodeName(to).constData(), RENAME_NOREPLACE)
        != 0) {
        const int err = errno;
        if (err == EEXIST)
            return fail(ErrorCode::Conflict,
                FcbFileUtilText::tr("%1 already exists.").arg(QFileInfo(to).fileName()), to);
        return fail(systemError(FcbFileUtilText::tr("Could not rename %1 to %2").arg(from, to), from, err));
    }
    return ok();
}

Result<void> renameReplace(const QString& from, const QString& to)
{
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return fail(systemError(FcbFileUtilText::tr("Could not rename %1 to %2").arg(from, to), from, errno));
    return ok();
}

Result<void> renameExchange(const QString& a, const QString& b)
{
    if (::renameat2(AT_FDCWD, QFile::encodeName(a).constData(), AT_FDCWD, QFile::encodeName(b).constData(),
            RENAME_EXCHANGE)
        != 0)
        return fail(systemError(FcbFileUtilText::tr("Could not swap %1 and %2").arg(a, b), a, errno));
    return ok();
}

Result<void> updateJsonFile(const QString& path, const std::function<void(QJsonObject&)>& update)
{
    if (auto made = makeDirs(QFileInfo(path).absolutePath()); !made)
        return made;
    // The tool and the console may write at the same time: neither loses the other's change.
    auto lock = FileLock::acquire(path + QStringLiteral(".lock"), FileLock::Options { 10000, {} });
    if (!lock)
        return fail(lock.error());
    temp::removeLeftovers(QFileInfo(path).absolutePath(), false);
    QJsonObject all;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        if (!document.isObject())
            return fail(ErrorCode::Io, FcbFileUtilText::tr("%1 is damaged; it was left as it is.").arg(path));
        all = document.object();
    }
    file.close();
    update(all);
    return writeAtomically(path, QJsonDocument(all).toJson(), ownerOnly);
}

Result<void> writeAtomically(
    const QString& path, const QByteArray& bytes, QFileDevice::Permissions permissions)
{
    const QString temp = temp::beside(path);
    const QByteArray native = QFile::encodeName(temp);
    mode_t mode = 0;
    for (const auto& [flag, bit] :
        { std::pair { QFileDevice::ReadOwner, S_IRUSR }, { QFileDevice::WriteOwner, S_IWUSR },
            { QFileDevice::ReadGroup, S_IRGRP }, { QFileDevice::WriteGroup, S_IWGRP },
            { QFileDevice::ReadOther, S_IROTH }, { QFileDevice::WriteOther, S_IWOTH } })
        if (permissions & flag)
            mode |= bit;
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
    if (fd < 0)
        return fail(systemError(FcbFileUtilText::tr("Could not write %1").arg(path), path, errno));
    (void)::fchmod(fd, mode); // the umask must not widen nor narrow what was asked for
    const char* data = bytes.constData();
    qint64 left = bytes.size();
    int err = 0;
    while (left > 0) {
        const ssize_t n = ::write(fd, data, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            err = n < 0 ? errno : ENOSPC;
            break;
        }
        data += n;
        left -= n;
    }
    if (err == 0 && ::fsync(fd) != 0)
        err = errno;
    if (::close(fd) != 0 && err == 0)
        err = errno;
    if (err != 0) {
        ::unlink(native.constData());
        return fail(systemError(FcbFileUtilText::tr("Could not write %1").arg(path), path, err));
    }
    if (auto renamed = renameReplace(temp, path); !renamed) {
        ::unlink(native.constData());
        return renamed;
    }
    return syncParentDir(path);
}

Result<void> makeDirs(const QString& path)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(clean).constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return ok();
        return fail(
            systemError(FcbFileUtilText::tr("Could not create the folder %1").arg(path), path, ENOTDIR));
    }
    const QString parent = QFileInfo(clean).path();
    if (parent != clean)
        if (auto made = makeDirs(parent); !made)
            return made;
    if (::mkdir(QFile::encodeName(clean).constData(), 0777) != 0) {
        const int err = errno;
        // Made meanwhile by someone else is fine, if it is a folder.
        if (err != EEXIST || !QFileInfo(clean).isDir())
            return fail(systemError(FcbFileUtilText::tr("Could not create the folder %1").arg(path), path,
                err == EEXIST ? ENOTDIR : err));
    }
    return ok();
}

Result<void> makeOwnerOnlyDir(const QString& path)
{
    if (auto made = makeDirs(path); !made)
        return made;
    if (::chmod(QFile::encodeName(path).constData(), 0700) != 0)
        return fail(
            systemError(FcbFileUtilText::tr("Could not restrict access to %1").arg(path), path, errno));
    return ok();
}

Result<void> removeAll(const QString& path)
{
    struct stat st
    {
    };
    const QByteArray native = QFile::encodeName(path);
    if (::lstat(native.constData(), &st) != 0)
        return ok();
    if (S_ISDIR(st.st_mode)) {
        errno = 0;
        if (!QDir(path).removeRecursively())
            return fail(
                systemError(FcbFileUtilText::tr("Could not remove the folder %1").arg(path), path, errno));
        return ok();
    }
    if (::unlink(native.constData()) != 0 && errno != ENOENT)
        return fail(systemError(FcbFileUtilText::tr("Could not remove %1").arg(path), path, errno));
    return ok();
}

bool isRegularFile(const QString& path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISREG(st.st_mode);
}

bool exists(const QString& path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0;
}

TreeSize treeSize(const QString& dir)
{
    TreeSize size;
    QDirIterator it(
        dir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        if (!info.isFile() || info.isSymLink())
            continue;
        size.bytes += info.size();
        ++size.files;
    }
    return size;
}

qint64 freeSpace(const QString& path)
{
    QString probe = QFileInfo(path).absoluteFilePath();
    while (!QFileInfo::exists(probe) && probe != QDir::rootPath())
        probe = QFileInfo(probe).absolutePath();
    struct statvfs vfs
    {
    };
    if (::statvfs(QFile::encodeName(probe).constData(), &vfs) != 0)
        return -1;
    return qint64(vfs.f_bavail) * qint64(vfs.f_frsize);
}

QString humanSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

Error noSpaceError(const QString& what, const QString& where, qint64 needed, qint64 available)
{
    return Error::make(ErrorCode::NoSpace,
        FcbFileUtilText::tr("Not enough free space for %1 in %2: %3 needed, %4 available.")
            .arg(what, where, humanSize(needed), humanSize(available)),
        QStringLiteral("needed=%1 available=%2").arg(needed).arg(available));
}

Result<void> copyFileSynced(const QString& from, const QString& to, QFileDevice::Permissions perms)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return fail(fileError(FcbFileUtilText::tr("Could not read %1").arg(from), in, errno));
    QFile out(to);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, perms))
        return fail(fileError(FcbFileUtilText::tr("Could not write %1").arg(to), out, errno));
    auto removeTarget = qScopeGuard([&out] {
        out.close();
        QFile::remove(out.fileName());
    });
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        errno = 0;
        const qint64 n = in.read(buffer.data(), buffer.size());
        if (n < 0)
            return fail(fileError(FcbFileUtilText::tr("Could not read %1").arg(from), in, errno));
        if (n == 0)
            break;
        errno = 0;
        if (out.write(buffer.constData(), n) != n || !out.flush())
            return fail(fileError(FcbFileUtilText::tr("Could not write %1").arg(to), out, errno));
    }
    if (::fsync(out.handle()) != 0)
        return fail(systemError(FcbFileUtilText::tr("Could not write %1").arg(to), to, errno));
    removeTarget.dismiss();
    return ok();
}

Result<void> linkOrCopy(const QString& from, const QString& to)
{
    if (::link(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return ok();
    const int err = errno;
    if (err != EXDEV && err != EPERM && err != EMLINK)
        return fail(systemError(FcbFileUtilText::tr("Could not link %1 to %2").arg(from, to), from, err));
    // A copy is made under a temporary name: a kill mid-copy must never leave a half file at a
    // name that a restore or its undo takes for a whole one.
    const QString temp = temp::beside(to);
    if (auto copied = copyFileSynced(from, temp, ownerOnly); !copied)
        return copied;
    if (auto renamed = renameNoReplace(temp, to); !renamed) {
        ::unlink(QFile::encodeName(temp).constData());
        return renamed;
    }
    return ok();
}

Result<void> linkTree(const QString& fromDir, const QString& toDir)
{
    if (auto made = makeDirs(toDir); !made)
        return made;
    const QDir root(fromDir);
    QDirIterator it(fromDir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        const QString target = toDir + QLatin1Char('/') + root.relativeFilePath(info.filePath());
        if (info.isSymLink())
            continue; // staging never holds links; a stray one is not carried into the live folder
        if (info.isDir()) {
            if (auto made = makeDirs(target); !made)
                return made;
        } else if (info.isFile()) {
            if (auto made = makeDirs(QFileInfo(target).absolutePath()); !made)
                return made;
            if (auto linked = linkOrCopy(info.filePath(), target); !linked)
                return linked;
        }
    }
    return ok();
}

} // namespace fcb::files
