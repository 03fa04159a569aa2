#include "OperationLock.h"

#include "FileUtil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QThread>

#include <unistd.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbOperationLockText
{
    Q_DECLARE_TR_FUNCTIONS(FcbOperationLockText)
};

namespace fcb {

OperationLock::OperationLock(std::unique_ptr<FileLock> lock)
    : m_lock(std::move(lock))
{ }

Result<std::unique_ptr<OperationLock>> OperationLock::acquire(const DataFolder& folder, const Wait& wait)
{
    if (!QDir(folder.backupsDir()).exists()) {
        if (auto made = files::makeOwnerOnlyDir(folder.backupsDir()); !made)
            return fail(made.error());
    }
    auto lock = FileLock::acquire(folder.lockPath(), FileLock::Options { wait.ms, wait.cancelled });
    if (!lock) {
        if (lock.error().code != ErrorCode::Busy)
            return fail(lock.error());
        const auto who = holder(folder);
        QString by = FcbOperationLockText::tr("another process");
        if (who && who->pid > 0)
            by = FcbOperationLockText::tr("%1 (process %2)")
                     .arg(who->app.isEmpty() ? QStringLiteral("?") : who->app)
                     .arg(who->pid);
        QString message;
        if (wait.ms > 0) {
            const int seconds = qMax(1, wait.ms / 1000);
            message = FcbOperationLockText::tr(
                "Busy: %1 was still working on this data folder after waiting %n second(s).", nullptr,
                seconds);
        } else {
            message = FcbOperationLockText::tr(
                "Busy: %1 is already working on this data folder. Try again when it has finished, or "
                "wait for it with --wait-lock.");
        }
        return fail(ErrorCode::Busy, message.arg(by), folder.lockPath());
    }
    // Same layout as QLockFile's (pid, application, host), read back by holder().
    const QString app = QCoreApplication::instance() ? QCoreApplication::applicationName() : QString();
    (*lock)->describe(QByteArray::number(qint64(::getpid())) + '\n' + app.toUtf8() + '\n'
        + QSysInfo::machineHostName().toUtf8() + '\n');
#ifdef FCB_TEST_HOOKS
    // Lets tests start a second operation while this one is certainly running.
    if (const int pause = qEnvironmentVariableIntValue("FCB_TEST_PAUSE_AFTER_LOCK_MS"); pause > 0)
        QThread::msleep(ulong(pause));
#endif
    return std::unique_ptr<OperationLock>(new OperationLock(std::move(*lock)));
}

std::optional<OperationLock::Holder> OperationLock::holder(const DataFolder& folder)
{
    // The kernel says whether anyone holds it; the file only says who, and may be stale.
    if (!FileLock::isHeld(folder.lockPath()))
        return std::nullopt;
    Holder who;
    QFile file(folder.lockPath());
    if (file.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = file.read(4096).split('\n');
        who.pid = lines.value(0).toLongLong();
        who.app = QString::fromUtf8(lines.value(1)).left(64);
    }
    return who;
}

} // namespace fcb
