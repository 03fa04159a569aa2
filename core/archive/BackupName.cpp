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
    static const QRegularExpression pattern(
        QStringLiteral(R"(^backup_(\d{8})_(\d{6})(?:_\d+)?\.zip$)"));
    const auto match = pattern.match(fileName);
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(match.captured(1), QStringLiteral("yyyyMMdd"));
    const QTime time = QTime::fromString(match.captured(2), QStringLiteral("HHmmss"));
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
