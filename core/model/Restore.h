#pragma once

#include "model/Reports.h"
#include "model/RestoreMarker.h"

#include <QString>

namespace fcb {

// What staging, applying and abandoning a restore did.
struct StageResult
{
    RestoreMarker marker;
    VerifyReport report;
};

struct ApplyResult
{
    QString backupFilename;
    bool filesReplaced = false;
    bool resumed = false; // an interrupted apply was finished
    QString safetyDatabase;
    QString safetyFiles;
};

struct AbandonResult
{
    QString backupFilename;
    // The marker and a complete staging are back, so the restore is staged again. False when an
    // interrupted clean-up had already removed the staged files: the restore is then no longer
    // staged, and staging the backup anew is how to try again.
    bool stagedAgain = false;
};

} // namespace fcb
