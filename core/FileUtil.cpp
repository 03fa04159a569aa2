#include "FileUtil.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QLockFile>
#include <QRandomGenerator>
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

Error ioError(const QString& message, const QString& path, int err)
{
    return Error::make(err == ENOSPC || err == EDQUOT ? ErrorCode::NoSpace : ErrorCode::Io, message,
                       path + QStringLiteral(": ") + errnoText(err));
}

} // namespace

Result<void> syncPath(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(ioError(FcbFileUtilText::tr("Could not open %1 to flush it to disk.").arg(path), path, errno));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return fail(ioError(FcbFileUtilText::tr("Could not flush %1 to disk.").arg(path), path, err));
    return ok();
}

Result<void> syncParentDir(const QString& path)
{
    return syncPath(QFileInfo(path).absolutePath());
}

Result<void> renameNoReplace(const QString& from, const QString& to)
{
    if (::renameat2(AT_FDCWD, QFile::encodeName(from).constData(), AT_FDCWD, QFile::encodeName(to).constData(),
                    RENAME_NOREPLACE)
        != 0) {
        const int err = errno;
        if (err == EEXIST)
            return fail(ErrorCode::Conflict, FcbFileUtilText::tr("%1 already exists.").arg(QFileInfo(to).fileName()), to);
        return fail(ioError(FcbFileUtilText::tr("Could not rename %1 to %2.").arg(from, to), from, err));
    }
    return ok();
}

Result<void> renameReplace(const QString& from, const QString& to)
{
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return fail(ioError(FcbFileUtilText::tr("Could not rename %1 to %2.").arg(from, to), from, errno));
    return ok();
}

Result<void> renameExchange(const QString& a, const QString& b)
{
    if (::renameat2(AT_FDCWD, QFile::encodeName(a).constData(), AT_FDCWD, QFile::encodeName(b).constData(),
                    RENAME_EXCHANGE)
        != 0)
        return fail(ioError(FcbFileUtilText::tr("Could not swap %1 and %2.").arg(a, b), a, errno));
    return ok();
}

Result<void> updateJsonFile(const QString& path, const std::function<void(QJsonObject&)>& update)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    // The tool and the console may write at the same time: neither loses the other's change.
    QLockFile lock(path + QStringLiteral(".lock"));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(10000))
        return fail(ErrorCode::Busy, FcbFileUtilText::tr("%1 is locked by another process.").arg(path));
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

Result<void> writeAtomically(const QString& path, const QByteArray& bytes, QFileDevice::Permissions permissions)
{
    const QString temp = path + QStringLiteral(".fcb-tmp-")
        + QString::number(QRandomGenerator::global()->generate64(), 36);
    QFile file(temp);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions))
        return fail(ErrorCode::Io, FcbFileUtilText::tr("Could not write %1.").arg(path), file.errorString());
    if (file.write(bytes) != bytes.size() || !file.flush() || ::fsync(file.handle()) != 0) {
        const int err = errno;
        file.close();
        QFile::remove(temp);
        return fail(ioError(FcbFileUtilText::tr("Could not write %1.").arg(path), path, err));
    }
    file.close();
    if (auto renamed = renameReplace(temp, path); !renamed) {
        QFile::remove(temp);
        return renamed;
    }
    return syncParentDir(path);
}

Result<void> makeOwnerOnlyDir(const QString& path)
{
    if (!QDir().mkpath(path))
        return fail(ErrorCode::Io, FcbFileUtilText::tr("Could not create the folder %1.").arg(path), path);
    if (::chmod(QFile::encodeName(path).constData(), 0700) != 0)
        return fail(ioError(FcbFileUtilText::tr("Could not restrict access to %1.").arg(path), path, errno));
    return ok();
}

Result<void> removeAll(const QString& path)
{
    struct stat st {};
    const QByteArray native = QFile::encodeName(path);
    if (::lstat(native.constData(), &st) != 0)
        return ok();
    if (S_ISDIR(st.st_mode)) {
        if (!QDir(path).removeRecursively())
            return fail(ErrorCode::Io, FcbFileUtilText::tr("Could not remove the folder %1.").arg(path), path);
        return ok();
    }
    if (::unlink(native.constData()) != 0 && errno != ENOENT)
        return fail(ioError(FcbFileUtilText::tr("Could not remove %1.").arg(path), path, errno));
    return ok();
}

bool isRegularFile(const QString& path)
{
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISREG(st.st_mode);
}

bool exists(const QString& path)
{
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0;
}

TreeSize treeSize(const QString& dir)
{
    TreeSize size;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
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
    struct statvfs vfs {};
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
        return fail(ErrorCode::Io, FcbFileUtilText::tr("Could not read %1.").arg(from), in.errorString());
    QFile out(to);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, perms))
        return fail(ErrorCode::Io, FcbFileUtilText::tr("Could not write %1.").arg(to), out.errorString());
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 n = in.read(buffer.data(), buffer.size());
        if (n < 0)
            return fail(ErrorCode::Io, FcbFileUtilText::tr("Could not read %1.").arg(from), in.errorString());
        if (n == 0)
            break;
        if (out.write(buffer.constData(), n) != n) {
            const Error error = Error::make(out.error() == QFileDevice::ResourceError ? ErrorCode::NoSpace
                                                                                       : ErrorCode::Io,
                                            FcbFileUtilText::tr("Could not write %1.").arg(to), out.errorString());
            out.close();
            QFile::remove(to);
            return fail(error);
        }
    }
    if (!out.flush() || ::fsync(out.handle()) != 0)
        return fail(ioError(FcbFileUtilText::tr("Could not write %1.").arg(to), to, errno));
    return ok();
}

Result<void> linkOrCopy(const QString& from, const QString& to)
{
    if (::link(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return ok();
    const int err = errno;
    if (err != EXDEV && err != EPERM && err != EMLINK)
        return fail(ioError(FcbFileUtilText::tr("Could not link %1 to %2.").arg(from, to), from, err));
    return copyFileSynced(from, to, ownerOnly);
}

Result<void> linkTree(const QString& fromDir, const QString& toDir)
{
    if (!QDir().mkpath(toDir))
        return fail(ErrorCode::Io, FcbFileUtilText::tr("Could not create the folder %1.").arg(toDir), toDir);
    const QDir root(fromDir);
    QDirIterator it(fromDir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        const QString target = toDir + QLatin1Char('/') + root.relativeFilePath(info.filePath());
        if (info.isSymLink())
            continue; // staging never holds links; a stray one is not carried into the live folder
        if (info.isDir()) {
            if (!QDir().mkpath(target))
                return fail(ErrorCode::Io, FcbFileUtilText::tr("Could not create the folder %1.").arg(target), target);
        } else if (info.isFile()) {
            QDir().mkpath(QFileInfo(target).absolutePath());
            if (auto linked = linkOrCopy(info.filePath(), target); !linked)
                return linked;
        }
    }
    return ok();
}

} // namespace fcb::files
