#include "BackupName.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

#include <cstring>

// Translation context for this file's messages (lupdate reads the class name).
class FcbBackupNameText
{
    Q_DECLARE_TR_FUNCTIONS(FcbBackupNameText)
};

namespace fcb::BackupName {

QString forTime(const QDateTime& time)
{
    return QStringLiteral("backup_") + time.toUTC().toString(QStringLiteral("yyyyMMdd_HHmmss"))
        + QStringLiteral(".zip");
}

QString freeName(const QDateTime& time, const std::function<bool(const QString&)>& taken)
{
    const QString base = forTime(time);
    if (!taken(base))
        return base;
    const QString prefix = base.chopped(4);
    for (int n = 2;; ++n) {
        const QString candidate = prefix + QLatin1Char('_') + QString::number(n) + QStringLiteral(".zip");
        if (!taken(candidate))
            return candidate;
    }
}

std::optional<qint64> secondsFromName(const char* name, qsizetype size)
{
    // backup_YYYYMMDD_HHMMSS[_N].zip, parsed by hand: listing ten thousand backups calls this
    // ten thousand times, on the bytes readdir gives.
    if (size < 26 || std::memcmp(name, "backup_", 7) != 0 || std::memcmp(name + size - 4, ".zip", 4) != 0
        || name[15] != '_')
        return std::nullopt;
    const auto digits = [name](qsizetype from, qsizetype count) {
        for (qsizetype i = from; i < from + count; ++i)
            if (name[i] < '0' || name[i] > '9')
                return false;
        return true;
    };
    const auto number = [name, &digits](qsizetype from, qsizetype count) {
        qint64 value = 0;
        for (qsizetype i = from; i < from + count; ++i)
            value = value * 10 + (name[i] - '0');
        return digits(from, count) ? value : qint64(-1);
    };
    const qsizetype end = size - 4; // before ".zip"
    if (end != 22) { // a same-second suffix: _N
        if (name[22] != '_' || end == 23 || !digits(23, end - 23))
            return std::nullopt;
    }
    const qint64 year = number(7, 4), month = number(11, 2), day = number(13, 2);
    const qint64 hour = number(16, 2), minute = number(18, 2), second = number(20, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59)
        return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static constexpr int monthDays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (day > monthDays[month - 1] + (month == 2 && leap ? 1 : 0))
        return std::nullopt;
    // Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    const qint64 y = year - (month <= 2 ? 1 : 0);
    const qint64 era = y / 400;
    const qint64 yearOfEra = y - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    const qint64 days = era * 146097 + dayOfEra - 719468;
    return days * 86400 + hour * 3600 + minute * 60 + second;
}

std::optional<QDateTime> timeFromName(const QString& fileName)
{
    for (const QChar c : fileName)
        if (c.unicode() > 0x7f)
            return std::nullopt;
    const QByteArray bytes = fileName.toLatin1();
    const auto seconds = secondsFromName(bytes.constData(), bytes.size());
    if (!seconds)
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(*seconds, QTimeZone::utc());
}

QString stem(const QString& fileName)
{
    return fileName.endsWith(QStringLiteral(".zip")) ? fileName.chopped(4) : fileName;
}

Result<void> checkPlainZipName(const QString& fileName)
{
    if (fileName.isEmpty())
        return fail(ErrorCode::Usage, FcbBackupNameText::tr("No backup name was given."));
    if (fileName.contains(QLatin1Char('/')) || fileName.contains(QLatin1Char('\\')))
        return fail(ErrorCode::Usage,
            FcbBackupNameText::tr("\"%1\" is not a plain backup name: it contains a path separator.")
                .arg(fileName));
    if (fileName == QStringLiteral("..") || fileName.contains(QStringLiteral("..")))
        return fail(ErrorCode::Usage,
            FcbBackupNameText::tr("\"%1\" is not a plain backup name: it contains \"..\".").arg(fileName));
    if (fileName.startsWith(QLatin1Char('.')))
        return fail(ErrorCode::Usage,
            FcbBackupNameText::tr("\"%1\" is not a backup name: it is a hidden file.").arg(fileName));
    if (fileName.contains(QChar(0)) || fileName.contains(QLatin1Char('\n')))
        return fail(
            ErrorCode::Usage, FcbBackupNameText::tr("\"%1\" is not a plain backup name.").arg(fileName));
    if (!fileName.endsWith(QStringLiteral(".zip")) || fileName.size() <= 4)
        return fail(ErrorCode::Usage,
            FcbBackupNameText::tr("\"%1\" is not a backup name: backups end in \".zip\".").arg(fileName));
    return ok();
}

} // namespace fcb::BackupName
