// metadata.json as the listing and verification read it, from whoever wrote the archive; what
// it accepts, it writes back in a form it reads again the same.
#include "FuzzSupport.h"

#include "model/Metadata.h"

using namespace fcb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto metadata = Metadata::fromJson(fuzz::bytes(data, size));
    if (!metadata)
        return 0;
    (void)metadata->createdTime();
    const QByteArray written = metadata->toJson();
    const auto again = Metadata::fromJson(written);
    FUZZ_CHECK(again);
    FUZZ_CHECK(again->toJson() == written);
    FUZZ_CHECK(again->createdTime() == metadata->createdTime());
    return 0;
}
