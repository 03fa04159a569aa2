#pragma once

#include "Error.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace fcb {

// An exclusive lock on a file, held by the kernel for as long as this object lives (an open
// file description lock, F_OFD_SETLK). It dies with its process however that process ends: the
// lock file itself is never what excludes anyone, so an empty, garbled or leftover lock file
// blocks nobody. Two objects exclude each other within one process as across processes. The
// holder removes the file as it lets go; one left by a killed holder is simply taken over.
//
// On NFS the kernel forwards the lock to the server's lock manager (NFSv4, or NFSv3 with lockd):
// processes on different clients exclude each other too, unless the share is mounted with
// `nolock`, in which case the lock is local to each machine. A client that loses its lease
// (a long network partition) loses its lock.
class FileLock
{
public:
    struct Options
    {
        int waitMs = 0; // how long to wait for a holder to finish; 0 fails at once
        std::function<bool()> cancelled; // polled while waiting
    };

    // Busy when another holder has it (after waiting), Cancelled, or an I/O error naming the
    // path and the system's reason. The file is created owner-only if missing.
    static Result<std::unique_ptr<FileLock>> acquire(const QString& path, const Options& options);
    static Result<std::unique_ptr<FileLock>> acquire(const QString& path)
    {
        return acquire(path, Options {});
    }
    // True when some live process holds the lock now (without taking it).
    static bool isHeld(const QString& path);

    ~FileLock();
    Q_DISABLE_COPY_MOVE(FileLock)

    // Replaces the file's content, for readers that want to know who holds the lock. Best
    // effort: a full disk only loses the description, never the lock.
    void describe(const QByteArray& text);

private:
    FileLock(int fd, QByteArray path);
    int m_fd = -1;
    QByteArray m_path; // removed on release; empty when this object does not hold the lock
};

} // namespace fcb
