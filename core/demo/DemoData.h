#pragma once

#include "Error.h"

#include <QString>

namespace fcb::demo {

// A FastCMS-like data folder for trying the tool out: a WAL-mode app.db with users,
// collections, records and request logs, and a few dozen uploads in year/month folders.
// Deterministic; leaves an existing data folder untouched (returns false then).
Result<bool> createDataFolder(const QString& dataDir);

} // namespace fcb::demo
