#include "BackupName.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

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

std::optional<QDateTime> timeFromName(const QString& fileName)
{
    // backup_YYYYMMDD_HHMMSS[_N].zip, parsed by hand: listing ten thousand backups calls this
    // ten thousand times.
    const QStringView name(fileName);
    if (name.size() < 26 || !name.startsWith(u"backup_") || !name.endsWith(u".zip") || name[15] != u'_')
        return std::nullopt;
    const auto number = [&name](qsizetype from, qsizetype count) {
        int value = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            if (!name[i].isDigit() || name[i].unicode() > '9')
                return -1;
            value = value * 10 + (name[i].unicode() - '0');
        }
        return value;
    };
    const qsizetype end = name.size() - 4; // before ".zip"
    if (end != 22) { // a same-second suffix: _N
        if (name[22] != u'_' || end == 23 || number(23, end - 23) < 0)
            return std::nullopt;
    }
    const int year = number(7, 4), month = number(11, 2), day = number(13, 2);
    const int hour = number(16, 2), minute = number(18, 2), second = number(20, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return std::nullopt;
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
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
                    FcbBackupNameText::tr("\"%1\" is not a plain backup name: it contains a path separator.").arg(fileName));
    if (fileName == QStringLiteral("..") || fileName.contains(QStringLiteral("..")))
        return fail(ErrorCode::Usage, FcbBackupNameText::tr("\"%1\" is not a plain backup name: it contains \"..\".").arg(fileName));
    if (fileName.startsWith(QLatin1Char('.')))
        return fail(ErrorCode::Usage, FcbBackupNameText::tr("\"%1\" is not a backup name: it is a hidden file.").arg(fileName));
    if (fileName.contains(QChar(0)) || fileName.contains(QLatin1Char('\n')))
        return fail(ErrorCode::Usage, FcbBackupNameText::tr("\"%1\" is not a plain backup name.").arg(fileName));
    if (!fileName.endsWith(QStringLiteral(".zip")) || fileName.size() <= 4)
        return fail(ErrorCode::Usage, FcbBackupNameText::tr("\"%1\" is not a backup name: backups end in \".zip\".").arg(fileName));
    return ok();
}

} // namespace fcb::BackupName
