#pragma once

#include <QtGlobal>

#include <optional>

namespace fcb::dflt {

// Where the blocks of a raw DEFLATE stream lie, found by walking its block headers and Huffman
// codes without producing output (several times faster than inflating). Bit positions count
// from the first byte's least significant bit, as DEFLATE packs them.
struct BlockWalk
{
    qint64 finalBlockBit = 0; // where the header of the last (BFINAL) block begins
    qint64 endBit = 0; // just after that block's end-of-block code
    qint64 produced = 0; // the bytes the stream inflates to
};

// The walk of a stream that is exactly `size` bytes long (the final block ends in its last
// byte), or nothing when the data is not such a stream. It checks the codes' structure only
// (not distances against the output): callers that rely on the result prove it, by inflating
// or, for a stream they compressed themselves, by the size it stands for.
std::optional<BlockWalk> walkBlocks(const uchar* data, qsizetype size);

// Inflates such a stream into `out` while walking it: the same walk, and the bytes, in one pass.
// Nothing when the data is not such a stream, inflates to more than `capacity` bytes, or refers
// back before its own start (so a stream cut from a longer one inflates only if it stands alone).
std::optional<BlockWalk> inflateBlocks(const uchar* data, qsizetype size, uchar* out, qsizetype capacity);

// The same walk, found by zlib's inflate (stopping at every block boundary) at about twice the cost:
// the reference the walk is tested against, and the writer's fallback should the walk fail.
std::optional<BlockWalk> blocksByInflating(const uchar* data, qsizetype size);

} // namespace fcb::dflt
