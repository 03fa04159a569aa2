#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "model/Diff.h"

namespace fcb::diff {

// Rows of one table of a backup's database, written to request.outputPath (temporary file,
// fsync, rename; owner-only, since a database holds password hashes) as JSON, CSV or SQL INSERT
// statements for a person to review. Nothing live is touched: the database is read from a
// throw-away copy under workRoot.
Result<ExportResult> exportRows(
    const QString& zipPath, const ExportRequest& request, const QString& workRoot, TaskContext& task);

} // namespace fcb::diff
