#include "FileLock.h"

#include "FileUtil.h"

#include <QFile>
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbFileLockText
{
    Q_DECLARE_TR_FUNCTIONS(FcbFileLockText)
};

namespace fcb {

namespace {

struct flock wholeFile(short type)
{
    struct flock lock
    {
    };
    lock.l_type = type;
    lock.l_whence = SEEK_SET;
    lock.l_start = 0;
    lock.l_len = 0;
    return lock;
}

Error busy(const QString& path)
{
    return Error::make(
        ErrorCode::Busy, FcbFileLockText::tr("%1 is locked by another process.").arg(path), path);
}

} // namespace

FileLock::FileLock(int fd, QByteArray path)
    : m_fd(fd)
    , m_path(std::move(path))
{ }

FileLock::~FileLock()
{
    // Removed while still held, so nobody can take a lock on a file that is about to go.
    if (!m_path.isEmpty())
        ::unlink(m_path.constData());
    ::close(m_fd); // releases the lock
}

Result<std::unique_ptr<FileLock>> FileLock::acquire(const QString& path, const Options& options)
{
    const QByteArray native = QFile::encodeName(path);
    int waited = 0;
    int pause = 20;
    for (;;) {
        const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0)
            return fail(files::systemError(
                FcbFileLockText::tr("Could not open the lock file %1").arg(path), path, errno));
        std::unique_ptr<FileLock> lock(new FileLock(fd, native));
        struct flock request = wholeFile(F_WRLCK);
        if (::fcntl(fd, F_OFD_SETLK, &request) == 0) {
            // A holder removes the file as it lets go: a lock taken on a file that is no longer
            // at the path (or was replaced) excludes nobody, so take the one that is there now.
            struct stat held
            {
            };
            struct stat there
            {
            };
            if (::fstat(fd, &held) == 0 && ::stat(native.constData(), &there) == 0
                && held.st_dev == there.st_dev && held.st_ino == there.st_ino)
                return lock;
            lock->m_path.clear(); // not ours to remove
            continue;
        }
        const int err = errno;
        lock->m_path.clear();
        if (err != EAGAIN && err != EACCES && err != EINTR)
            return fail(files::systemError(FcbFileLockText::tr("Could not lock %1").arg(path), path, err));
        if (waited >= options.waitMs)
            return fail(busy(path));
        if (options.cancelled && options.cancelled())
            return fail(
                ErrorCode::Cancelled, FcbFileLockText::tr("Cancelled while waiting for %1.").arg(path));
        const int step = qMin(pause, options.waitMs - waited);
        QThread::msleep(ulong(step));
        waited += step;
        pause = qMin(pause * 2, 250);
    }
}

bool FileLock::isHeld(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return false;
    struct flock probe = wholeFile(F_WRLCK);
    const bool held = ::fcntl(fd, F_OFD_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
    ::close(fd);
    return held;
}

void FileLock::describe(const QByteArray& text)
{
    if (::ftruncate(m_fd, 0) != 0)
        return;
    (void)!::pwrite(m_fd, text.constData(), size_t(text.size()), 0);
}

} // namespace fcb
