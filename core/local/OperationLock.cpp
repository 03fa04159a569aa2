#include "OperationLock.h"

#include "FileUtil.h"

#include <QCoreApplication>
#include <QDir>

#include <QThread>

#include <csignal>

namespace fcb {

OperationLock::OperationLock(const QString& path)
    : m_lock(path)
{
    // A running backup can take hours: only a dead holder makes the lock stale, never its age.
    m_lock.setStaleLockTime(0);
}

Result<std::unique_ptr<OperationLock>> OperationLock::acquire(const DataFolder& folder)
{
    if (!QDir(folder.backupsDir()).exists()) {
        if (auto made = files::makeOwnerOnlyDir(folder.backupsDir()); !made)
            return fail(made.error());
    }
    auto lock = std::make_unique<OperationLock>(folder.lockPath());
    if (lock->m_lock.tryLock(0)) {
#ifdef FCB_TEST_HOOKS
        // Lets tests start a second operation while this one is certainly running.
        if (const int pause = qEnvironmentVariableIntValue("FCB_TEST_PAUSE_AFTER_LOCK_MS"); pause > 0)
            QThread::msleep(ulong(pause));
#endif
        return lock;
    }
    if (lock->m_lock.error() == QLockFile::LockFailedError) {
        const auto who = holder(folder);
        const QString by = who ? QCoreApplication::translate("fcb::OperationLock", "%1 (process %2)")
                                     .arg(who->app.isEmpty() ? QStringLiteral("?") : who->app)
                                     .arg(who->pid)
                               : QCoreApplication::translate("fcb::OperationLock", "another process");
        return fail(ErrorCode::Busy,
                    QCoreApplication::translate("fcb::OperationLock",
                                                "Busy: %1 is already working on this data folder. Try again when it "
                                                "has finished.")
                        .arg(by),
                    folder.lockPath());
    }
    return fail(ErrorCode::Io, QCoreApplication::translate("fcb::OperationLock", "Could not create the lock file %1.")
                                   .arg(folder.lockPath()));
}

std::optional<OperationLock::Holder> OperationLock::holder(const DataFolder& folder)
{
    QLockFile probe(folder.lockPath());
    qint64 pid = 0;
    QString host;
    QString app;
    if (!probe.getLockInfo(&pid, &host, &app) || pid <= 0)
        return std::nullopt;
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return std::nullopt; // left behind by a process that died
    return Holder{pid, app};
}

} // namespace fcb
