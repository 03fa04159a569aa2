// The DEFLATE block walk and inflater that verification and the writer rely on, held to zlib:
// whatever they accept, zlib inflates to the same bytes, and the walk finds the same blocks.
#include "FuzzSupport.h"

#include "archive/DeflateBlocks.h"

#include <cstring>
#include <vector>

#include <zlib.h>

using namespace fcb;

namespace {

constexpr qsizetype kCapacity = 256 << 10;

struct Reference
{
    bool ok = false; // one complete stream, exactly the input, within kCapacity
    const uchar* output = nullptr;
    qsizetype produced = 0;
};

Reference inflateWithZlib(const uint8_t* data, size_t size)
{
    static std::vector<uchar> buffer = std::vector<uchar>(size_t(kCapacity) + 1);
    Reference r;
    z_stream z {};
    FUZZ_CHECK(inflateInit2(&z, -MAX_WBITS) == Z_OK);
    z.next_in = const_cast<Bytef*>(data);
    z.avail_in = uInt(size);
    z.next_out = buffer.data();
    z.avail_out = uInt(buffer.size());
    const int rc = inflate(&z, Z_FINISH);
    r.output = buffer.data();
    r.produced = qsizetype(z.total_out);
    r.ok = rc == Z_STREAM_END && z.total_in == size && r.produced <= kCapacity;
    inflateEnd(&z);
    return r;
}

bool same(const dflt::BlockWalk& a, const dflt::BlockWalk& b)
{
    return a.finalBlockBit == b.finalBlockBit && a.endBit == b.endBit && a.produced == b.produced;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const uchar none = 0;
    const uchar* in = size ? data : &none;
    static std::vector<uchar> out = std::vector<uchar>(size_t(kCapacity));
    const auto inflated = dflt::inflateBlocks(in, qsizetype(size), out.data(), kCapacity);
    const auto walked = dflt::walkBlocks(in, qsizetype(size));
    const auto byZlib = dflt::blocksByInflating(in, qsizetype(size));
    const Reference reference = inflateWithZlib(in, size);
    if (inflated) {
        FUZZ_CHECK(reference.ok);
        FUZZ_CHECK(inflated->produced == reference.produced);
        FUZZ_CHECK(std::memcmp(out.data(), reference.output, size_t(reference.produced)) == 0);
        FUZZ_CHECK(inflated->finalBlockBit < inflated->endBit && (inflated->endBit + 7) / 8 == qint64(size));
        FUZZ_CHECK(walked && same(*walked, *inflated));
        FUZZ_CHECK(byZlib && same(*byZlib, *inflated));
    }
    if (reference.ok) {
        FUZZ_CHECK(inflated);
        FUZZ_CHECK(byZlib);
    }
    if (walked && byZlib)
        FUZZ_CHECK(same(*walked, *byZlib));
    return 0;
}
