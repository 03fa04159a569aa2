#pragma once

#include "DataFolder.h"
#include "Error.h"
#include "TaskContext.h"
#include "model/Restore.h"
#include "model/RestoreMarker.h"
#include "restore/RestoreStager.h"

namespace fcb {

// Phase 2 for a stopped server, and the seed's manual "Disaster Recovery" steps as one safe
// command.
//
// First the restore marker is taken into custody (renamed to a name FastCMS does not know), so
// a server started in the middle never runs its own, destructive, phase 2 over a half-done
// swap. Up to a journaled commit point only names beside the live ones are added (hard links:
// no extra space on one file system); any failure or crash before it restores the previous
// state exactly, marker included. After it only renames remain: a failure undoes them, and a
// re-run after a crash finishes them (refusing while the database is open).
//
// Steps, for the crash tests (FCB_TEST_ABORT_AFTER_APPLY_STEP=N aborts the process after step N
// in builds with test hooks):
//   1 journal "preparing", marker in custody   2 old WAL folded into app.db
//   3 new database and files linked beside the live ones   4 safety copies prepared
//   5 journal "committed"   6 safety copy in place, stale WAL/journal moved with it
//   7 new database in place   8 new files in place   9 custody marker, staging and journal removed
Result<ApplyResult> applyRestore(
    const DataFolder& folder, TaskContext& task, const FreeSpaceProbe& freeSpace);

// What an apply notes beside the backups (.fastcms-backup-apply.json) to finish or undo itself
// after a crash.
struct ApplyJournal
{
    QString state; // preparing | committed
    QString backup;
    bool hadDb = false;
    bool filesReplaced = false;
};
// The journal's bytes read back; nothing when they are no JSON object.
std::optional<ApplyJournal> parseApplyJournal(const QByteArray& bytes);

// True when an apply was interrupted; the next apply finishes or undoes it first.
bool applyInterrupted(const DataFolder& folder);
// Undo an interrupted apply instead of finishing it: the live data goes back to how it was
// before, and the marker too where its staged files are still complete. Refused while the
// database is open.
Result<AbandonResult> abandonInterruptedApply(const DataFolder& folder);

} // namespace fcb
