#pragma once

#include "Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace fcb {

// metadata.json inside an archive. FastCMS writes and reads created_at, app_version and
// backup_name; everything else is ours, and FastCMS ignores it.
struct Metadata
{
    static constexpr int formatVersion = 1;

    QString createdAt; // as written, e.g. 2025-12-02T08:43:40.367143
    QString appVersion = QStringLiteral("0.1.0");
    QString backupName; // file name without .zip
    // Ours.
    QString tool;
    QString toolVersion;
    int format = 0;
    QString trigger; // manual | scheduled | pre-restore
    qint64 databasePageCount = -1;
    QString databaseIntegrity; // "ok" or the first problem integrity_check reported
    qint64 fileCount = -1;
    qint64 totalBytes = -1;
    QString sourceJournalMode;
    QJsonObject extra; // keys we do not know, kept as read

    std::optional<QDateTime> createdTime() const;
    bool isOurs() const { return !tool.isEmpty(); }

    // Python json.dumps(indent=2) with FastCMS's three keys first, in FastCMS's order.
    QByteArray toJson() const;
    // Fails with BadArchive when the text is not a JSON object or lacks FastCMS's keys.
    static Result<Metadata> fromJson(const QByteArray& json);
};

} // namespace fcb
