// The restore marker (data/backups/.restore_pending), which the server, an earlier run or
// anyone with access to the folder may have written.
#include "FuzzSupport.h"

#include "model/RestoreMarker.h"

using namespace fcb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto marker = RestoreMarker::fromJson(fuzz::bytes(data, size));
    if (!marker) {
        FUZZ_CHECK(marker.error().code == ErrorCode::Conflict);
        return 0;
    }
    FUZZ_CHECK(!marker->backupFilename.isEmpty());
    const auto again = RestoreMarker::fromJson(marker->toJson());
    FUZZ_CHECK(again);
    FUZZ_CHECK(again->backupFilename == marker->backupFilename && again->requestedAt == marker->requestedAt
        && again->stagingPath == marker->stagingPath);
    return 0;
}
