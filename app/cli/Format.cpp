#include "Format.h"

#include "CommandLine.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <unistd.h>

namespace fcb::cli {

QString localTime(const QDateTime& utc)
{
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString isoUtc(const QDateTime& utc)
{
    return utc.toUTC().toString(Qt::ISODate);
}

QString age(const QDateTime& then)
{
    const qint64 seconds = then.secsTo(QDateTime::currentDateTimeUtc());
    if (seconds < 0)
        return CommandLine::tr("in the future");
    if (seconds < 90)
        return CommandLine::tr("%n second(s) ago", nullptr, int(seconds));
    if (seconds < 90 * 60)
        return CommandLine::tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 48 * 3600)
        return CommandLine::tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    return CommandLine::tr("%n day(s) ago", nullptr, int(seconds / 86400));
}

QJsonObject itemJson(const BackupItem& item)
{
    QJsonObject object {
        { QStringLiteral("id"), item.id },
        { QStringLiteral("filename"), item.fileName },
        { QStringLiteral("size"), item.sizeBytes },
        { QStringLiteral("created"), isoUtc(item.created) },
        { QStringLiteral("created_from"),
            item.createdFrom == BackupItem::TimeSource::Metadata   ? QStringLiteral("metadata")
                : item.createdFrom == BackupItem::TimeSource::Name ? QStringLiteral("name")
                                                                   : QStringLiteral("file") },
        { QStringLiteral("path"), item.path },
        { QStringLiteral("valid"), item.valid },
        { QStringLiteral("staged"), item.staged },
    };
    if (!item.valid)
        object.insert(QStringLiteral("invalid_reason"), item.invalidReason);
    if (item.metadata) {
        object.insert(QStringLiteral("metadata"), QJsonDocument::fromJson(item.metadata->toJson()).object());
    }
    return object;
}

QJsonObject reportJson(const VerifyReport& report)
{
    QJsonArray checks;
    for (const VerifyCheck& check : report.checks) {
        checks.append(QJsonObject {
            { QStringLiteral("id"), check.id },
            { QStringLiteral("status"),
                check.status == VerifyCheck::Status::Passed       ? QStringLiteral("passed")
                    : check.status == VerifyCheck::Status::Failed ? QStringLiteral("failed")
                                                                  : QStringLiteral("missing") },
            { QStringLiteral("message"), check.message },
        });
    }
    QJsonObject object {
        { QStringLiteral("path"), report.path },
        { QStringLiteral("valid"), report.ok() },
        { QStringLiteral("entries"), report.entryCount },
        { QStringLiteral("files"), report.fileCount },
        { QStringLiteral("uncompressed_bytes"), qint64(report.totalSize) },
        { QStringLiteral("checks"), checks },
    };
    if (report.metadata)
        object.insert(
            QStringLiteral("metadata"), QJsonDocument::fromJson(report.metadata->toJson()).object());
    return object;
}

bool isTerminal(FILE* stream)
{
    return ::isatty(::fileno(stream)) == 1;
}

QString checkLine(const VerifyCheck& check)
{
    const QString mark = check.status == VerifyCheck::Status::Passed ? QStringLiteral("ok  ")
        : check.status == VerifyCheck::Status::Failed                ? QStringLiteral("FAIL")
                                                                     : QStringLiteral("--  ");
    return mark + QStringLiteral("  ") + check.message;
}

void insertNewest(QJsonObject& object, const std::optional<BackupItem>& newest)
{
    if (!newest)
        return;
    object.insert(QStringLiteral("newest"), itemJson(*newest));
    object.insert(
        QStringLiteral("newest_age_seconds"), newest->created.secsTo(QDateTime::currentDateTimeUtc()));
}

QString entryTime(const QDateTime& local)
{
    return local.isValid() ? local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("-");
}

QString entryTimeIso(const QDateTime& local)
{
    return local.isValid() ? local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) : QString();
}

QString printable(const QString& name)
{
    QString shown;
    shown.reserve(name.size());
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Format
            || (c.unicode() >= 0x80 && c.unicode() < 0xa0))
            shown += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            shown += c;
    }
    return shown;
}

} // namespace fcb::cli
