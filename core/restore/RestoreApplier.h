#pragma once

#include "DataFolder.h"
#include "Error.h"
#include "TaskContext.h"
#include "restore/RestoreMarker.h"
#include "restore/RestoreStager.h"

namespace fcb {

struct ApplyResult
{
    QString backupFilename;
    bool filesReplaced = false;
    bool resumed = false; // an interrupted apply was finished
    QString safetyDatabase;
    QString safetyFiles;
};

// Phase 2 for a stopped server, and the seed's manual "Disaster Recovery" steps as one safe
// command. Everything up to a journaled commit point only adds files beside the live ones
// (hard links, so no extra space on the same file system) and is rolled back on failure;
// after it, only renames remain and a re-run after a crash finishes them. The marker and the
// staging folder stay until the end, so a FastCMS start in between also completes the restore.
//
// Steps, for the crash tests (FCB_TEST_ABORT_AFTER_APPLY_STEP=N aborts the process after step N):
//   1 journal "preparing"      2 old WAL folded into app.db     3 new database and files linked
//   4 safety copies prepared    5 journal "committed"            6 safety copy in place, stale WAL gone
//   7 new database in place     8 new files in place             9 marker, staging and journal removed
Result<ApplyResult> applyRestore(const DataFolder& folder, TaskContext& task, const FreeSpaceProbe& freeSpace);

// True when an apply was interrupted; the next apply finishes or undoes it first.
bool applyInterrupted(const DataFolder& folder);

} // namespace fcb
