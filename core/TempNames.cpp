#include "TempNames.h"

#include "FileUtil.h"
#include "Logging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace fcb::temp {

namespace {

QString tag(Kind kind)
{
    switch (kind) {
    case Kind::Write:
        return QStringLiteral("write");
    case Kind::Snapshot:
        return QStringLiteral("snapshot");
    case Kind::Archive:
        return QStringLiteral("archive");
    case Kind::Staging:
        return QStringLiteral("staging");
    case Kind::Verify:
        return QStringLiteral("verify");
    case Kind::Drill:
        return QStringLiteral("drill");
    case Kind::Pull:
        return QStringLiteral("pull");
    case Kind::Compare:
        return QStringLiteral("compare");
    }
    return QStringLiteral("other");
}

// A short mark of this machine: a pid says which process owns a name only on the machine that
// made it (a backups folder on NFS is shared by several).
const QString& hostMark()
{
    static const QString mark = QString::fromLatin1(
        QCryptographicHash::hash(QSysInfo::machineHostName().toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(8));
    return mark;
}

QString randomPart()
{
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}

bool processGone(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

constexpr qint64 kDay = 24 * 3600;

} // namespace

QString name(Kind kind, const QString& suffix)
{
    return kPrefix + tag(kind) + QLatin1Char('-') + hostMark() + QLatin1Char('-')
        + QString::number(qint64(::getpid())) + QLatin1Char('-') + randomPart() + suffix;
}

QString in(const QString& dir, Kind kind, const QString& suffix)
{
    return dir + QLatin1Char('/') + name(kind, suffix);
}

QString beside(const QString& path)
{
    return in(QFileInfo(path).absolutePath(), Kind::Write);
}

QString resumablePart(const QString& target)
{
    return target + QStringLiteral(".part");
}

QString offsitePart(const QString& backupName)
{
    return QStringLiteral(".%1.%2.part").arg(backupName, randomPart());
}

QString offsitePartPattern(const QString& backupName)
{
    // rclone's filters are globs: a name's own *, ?, [ or { must match only itself.
    QString literal;
    for (const QChar c : backupName) {
        if (QStringLiteral("\\*?[]{}").contains(c))
            literal += QLatin1Char('\\');
        literal += c;
    }
    return QStringLiteral(".%1.*.part").arg(literal);
}

bool isLeftover(const QString& fileName, bool underLock, qint64 ageSeconds)
{
    static const QRegularExpression current(
        QStringLiteral("^\\.fcb-tmp-([a-z]+)-([0-9a-f]{8})-([0-9]+)-[0-9a-z]+"));
    if (const auto m = current.match(fileName); m.hasMatch()) {
        const QString kind = m.captured(1);
        // Made only under the lock: nobody can be writing one while we hold it.
        const bool locked
            = kind == tag(Kind::Snapshot) || kind == tag(Kind::Archive) || kind == tag(Kind::Staging);
        // Another machine's pid says nothing here: its names go by age alone.
        const bool gone = m.captured(2) == hostMark() && processGone(m.captured(3).toLongLong());
        return (underLock && locked) || gone || ageSeconds > kDay;
    }
    // Earlier versions: ".fcb-tmp-*" and ".fcb-staging-*" under the lock, "<file>.fcb-tmp-*"
    // beside a written file, and verify, drill and pull folders without the lock.
    if (fileName.startsWith(kPrefix) || fileName.startsWith(QStringLiteral(".fcb-staging-")))
        return underLock || ageSeconds > kDay;
    if (fileName.contains(kPrefix))
        return underLock || ageSeconds > 3600;
    for (const char* unlocked : { ".fcb-verify-", ".fcb-drill-", ".fcb-pull-" })
        if (fileName.startsWith(QLatin1String(unlocked)))
            return ageSeconds > kDay;
    return false;
}

int removeLeftovers(const QString& dir, bool underLock)
{
    int removed = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto entries = QDir(dir).entryInfoList({ QStringLiteral(".fcb-*"), QStringLiteral("*.fcb-tmp-*") },
        QDir::Files | QDir::Dirs | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo& info : entries) {
        const qint64 age
            = qMin(info.lastModified().toUTC().secsTo(now), info.metadataChangeTime().toUTC().secsTo(now));
        if (!isLeftover(info.fileName(), underLock, age))
            continue;
        qCInfo(lcLocal) << "removing a temporary file left by an interrupted run:" << info.fileName();
        if (files::removeAll(info.absoluteFilePath()))
            ++removed;
    }
    return removed;
}

} // namespace fcb::temp
