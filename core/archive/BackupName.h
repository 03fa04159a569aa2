#pragma once

#include "Error.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <optional>

namespace fcb::BackupName {

// backup_YYYYMMDD_HHMMSS.zip in UTC, as FastCMS names its archives.
QString forTime(const QDateTime& time);
// The same name, or backup_YYYYMMDD_HHMMSS_N.zip (N = 2, 3, ...) when taken: it still matches
// backup_*.zip, so FastCMS lists and restores it, but an existing backup is never overwritten.
QString freeName(const QDateTime& time, const std::function<bool(const QString&)>& taken);
// The UTC time encoded in a FastCMS-style name, if it has one.
std::optional<QDateTime> timeFromName(const QString& fileName);
// The same, as seconds since the epoch, from the name's bytes (what readdir gives).
std::optional<qint64> secondsFromName(const char* name, qsizetype size);
// The id FastCMS uses in its routes and metadata: the name without ".zip".
QString stem(const QString& fileName);
// A plain "*.zip" file name: no folders, no "..", nothing hidden. Anything else is refused
// with a Usage error that says why.
Result<void> checkPlainZipName(const QString& fileName);

} // namespace fcb::BackupName
