#pragma once

#include "CommandContext.h"
#include "DataFolder.h"

#include <QCommandLineParser>
#include <QString>

#include <optional>

// The tool's options, shared by every command: what they are, and how their values are read.
namespace fcb::cli {

// Every option the tool knows, for QCommandLineParser (--help has their descriptions).
void addOptions(QCommandLineParser& parser);
// The data folder that --data-dir, --db, --files-dir and --backups-dir describe.
DataFolder dataFolder(const QCommandLineParser& parser);
// "90", "90s", "10m", "2h" or "1d" in milliseconds; nothing for anything else.
std::optional<qint64> parseDuration(const QString& text);
// --offsite, else FASTCMS_BACKUP_OFFSITE; empty for none.
QString offsiteTarget(const CommandContext& cli);

} // namespace fcb::cli
