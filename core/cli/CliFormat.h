#pragma once

#include "archive/ArchiveReader.h"
#include "local/LocalTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <cstdio>

// How the command-line tool shows times, backups and reports, as text and as JSON.
namespace fcb::cli {

QString localTime(const QDateTime& utc);
QString isoUtc(const QDateTime& utc);
QString age(const QDateTime& then); // "3 hours ago"
QJsonObject itemJson(const BackupItem& item);
QJsonObject reportJson(const VerifyReport& report);
bool isTerminal(FILE* stream);

} // namespace fcb::cli
