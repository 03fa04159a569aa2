#pragma once

#include "model/Backup.h"
#include "model/Reports.h"

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
// "ok  ", "FAIL" or "--  " and the check's message, as verify and drill print them.
QString checkLine(const VerifyCheck& check);
// The newest backup and its age, as status --json shows them.
void insertNewest(QJsonObject& object, const std::optional<BackupItem>& newest);
// A zip entry's own time (local, no zone): "2026-01-05 10:00:00" for text, ISO 8601 without a
// zone for --json; "-" and an empty string when the archive holds no valid time.
QString entryTime(const QDateTime& local);
QString entryTimeIso(const QDateTime& local);
// A name from an archive, safe to print on a terminal: control characters (a hostile name's
// escape sequences or line breaks) shown as \xNN.
QString printable(const QString& name);

} // namespace fcb::cli
