#pragma once

#include "model/Metadata.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace fcb {

// A backup as both backends list it, and what creating one asks for and returns.

struct BackupItem
{
    enum class TimeSource
    {
        Metadata,
        Name,
        FileTime
    };

    QString fileName;
    QString id; // fileName without .zip, as FastCMS names it in routes
    qint64 sizeBytes = 0;
    QDateTime created; // UTC
    TimeSource createdFrom = TimeSource::FileTime;
    QString path;
    bool valid = true;
    QString invalidReason;
    bool staged = false; // the backup the pending restore was staged from
    std::optional<Metadata> metadata;
};

struct BackupPage
{
    QList<BackupItem> items;
    int page = 1;
    int perPage = 20;
    qint64 total = 0;
    int totalPages = 1;
    int archivesOpened = 0; // only the page's own archives are opened, never the whole folder
};

struct CreateRequest
{
    QString trigger = QStringLiteral("manual"); // manual | scheduled | pre-restore
};

struct CreateResult
{
    BackupItem backup;
    qint64 databaseBytes = 0;
    qint64 fileCount = 0;
    qint64 totalBytes = 0; // uncompressed
    int storedEntries = 0;
    QString databaseIntegrity;
};

} // namespace fcb
