#include "Metadata.h"

#include "PyJson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

// Translation context for this file's messages (lupdate reads the class name).
class FcbMetadataText
{
    Q_DECLARE_TR_FUNCTIONS(FcbMetadataText)
};

namespace fcb {

std::optional<QDateTime> Metadata::createdTime() const
{
    return pyjson::parseIsoTime(createdAt);
}

QByteArray Metadata::toJson() const
{
    pyjson::OrderedObject object {
        { QStringLiteral("created_at"), createdAt },
        { QStringLiteral("app_version"), appVersion },
        { QStringLiteral("backup_name"), backupName },
    };
    if (!tool.isEmpty()) {
        object.append({ QStringLiteral("tool"), tool });
        object.append({ QStringLiteral("tool_version"), toolVersion });
        object.append({ QStringLiteral("format_version"), format });
        object.append({ QStringLiteral("trigger"), trigger });
        object.append({ QStringLiteral("database_page_count"), databasePageCount });
        object.append({ QStringLiteral("database_integrity"), databaseIntegrity });
        object.append({ QStringLiteral("source_journal_mode"), sourceJournalMode });
        object.append({ QStringLiteral("file_count"), fileCount });
        object.append({ QStringLiteral("total_bytes"), totalBytes });
    }
    for (auto it = extra.begin(); it != extra.end(); ++it)
        object.append({ it.key(), it.value() });
    return pyjson::dump(object);
}

Result<Metadata> Metadata::fromJson(const QByteArray& json)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(ErrorCode::BadArchive, FcbMetadataText::tr("metadata.json is not a JSON object."),
            parseError.errorString());
    QJsonObject object = doc.object();
    Metadata m;
    const auto takeString = [&object](const char* key) {
        const QString name = QString::fromLatin1(key);
        const QString value = object.value(name).toString();
        object.remove(name);
        return value;
    };
    // Counts are whole numbers a double holds exactly; anything else (1e300 would not even fit
    // a qint64) is unknown, as a missing one is.
    const auto takeInt = [&object](const char* key, qint64 limit) {
        const QString name = QString::fromLatin1(key);
        const QJsonValue value = object.value(name);
        object.remove(name);
        const double number = value.toDouble();
        if (!value.isDouble() || !(std::abs(number) <= double(limit)) || number != std::floor(number))
            return qint64(-1);
        return qint64(number);
    };
    constexpr qint64 exact = qint64(1) << 53;
    if (!object.value(QStringLiteral("created_at")).isString())
        return fail(ErrorCode::BadArchive, FcbMetadataText::tr("metadata.json has no created_at time."));
    m.createdAt = takeString("created_at");
    if (!m.createdTime())
        return fail(ErrorCode::BadArchive,
            FcbMetadataText::tr("metadata.json has an unreadable created_at time: %1").arg(m.createdAt));
    m.appVersion = takeString("app_version");
    m.backupName = takeString("backup_name");
    m.tool = takeString("tool");
    m.toolVersion = takeString("tool_version");
    m.format = int(takeInt("format_version", std::numeric_limits<int>::max()));
    m.trigger = takeString("trigger");
    m.databasePageCount = takeInt("database_page_count", exact);
    m.databaseIntegrity = takeString("database_integrity");
    m.sourceJournalMode = takeString("source_journal_mode");
    m.fileCount = takeInt("file_count", exact);
    m.totalBytes = takeInt("total_bytes", exact);
    m.extra = object;
    return m;
}

} // namespace fcb
