#pragma once

#include "DataFolder.h"
#include "Error.h"
#include "TaskContext.h"
#include "archive/ArchiveReader.h"
#include "model/Restore.h"
#include "model/RestoreMarker.h"

#include <functional>

namespace fcb {

using FreeSpaceProbe = std::function<qint64(const QString& path)>;

// Phase 1. Verifies the archive, refuses hostile or unhealthy ones before writing anything,
// extracts into a private temporary folder, then renames it to restore_staging and writes the
// marker that FastCMS applies on its next start. On failure the report holds what was found.
Result<StageResult> stageRestore(const DataFolder& folder, const QString& fileName, TaskContext& task,
    const FreeSpaceProbe& freeSpace, VerifyReport* failedReport = nullptr);

// Removes the marker first (so FastCMS no longer acts on it), then the staging folder.
Result<void> unstageRestore(const DataFolder& folder);

} // namespace fcb
