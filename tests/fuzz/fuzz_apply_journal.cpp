// The apply journal, read back after a crash to finish or undo an interrupted restore.
#include "FuzzSupport.h"

#include "restore/RestoreApplier.h"

using namespace fcb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::optional<ApplyJournal> journal = parseApplyJournal(fuzz::bytes(data, size));
    if (journal) {
        (void)journal->state.size();
        (void)journal->backup.size();
        (void)(journal->hadDb || journal->filesReplaced);
    }
    return 0;
}
