#include "DeflateBlocks.h"

#include <QByteArray>
#include <QtEndian>

#include <array>
#include <cstring>
#include <vector>

#include <zlib.h>

namespace fcb::dflt {

namespace {

// Least significant bit first, as DEFLATE stores everything but Huffman codes.
class BitReader
{
public:
    BitReader(const uchar* data, qsizetype size)
        : m_data(data)
        , m_size(size)
    {
    }

    // At least 56 bits in the buffer; past the end of the data, zeros (overrun() tells).
    void refill()
    {
        if (m_size - m_offset >= 8) {
            quint64 word;
            std::memcpy(&word, m_data + m_offset, 8);
            m_buffer |= qFromLittleEndian(word) << m_count;
            m_offset += (63 - m_count) >> 3;
            m_count |= 56;
            return;
        }
        while (m_count <= 56) {
            if (m_offset < m_size)
                m_buffer |= quint64(m_data[m_offset]) << m_count;
            ++m_offset;
            m_count += 8;
        }
        m_pastEnd = overrun();
    }
    // Set by refill() once the data is used up: zeros are all that follows.
    bool pastEnd() const { return m_pastEnd; }
    quint64 peek() const { return m_buffer; }
    int available() const { return m_count; }
    void drop(int bits)
    {
        m_buffer >>= bits;
        m_count -= bits;
    }
    quint32 take(int bits)
    {
        const quint32 value = quint32(m_buffer & ((quint64(1) << bits) - 1));
        drop(bits);
        return value;
    }
    // Bits consumed so far.
    qint64 position() const { return qint64(m_offset) * 8 - m_count; }
    bool overrun() const { return position() > qint64(m_size) * 8; }
    // Continues at a byte position within the data (after a stored block).
    void seekByte(qsizetype byte)
    {
        m_offset = byte;
        m_buffer = 0;
        m_count = 0;
    }

private:
    const uchar* m_data;
    qsizetype m_size;
    qsizetype m_offset = 0; // of the next byte to load
    quint64 m_buffer = 0;
    int m_count = 0;
    bool m_pastEnd = false;
};

// A decoding table for one canonical Huffman code: indexed by the next kTableBits bits of the
// stream, each entry holds symbol << 4 | code length. Entry 0: a longer code (or none), decoded
// bit by bit from the counts (rare: short codes are the frequent ones). A small table is built
// quickly, and blocks come every few dozen KB.
constexpr int kTableBits = 10;

struct Table
{
    std::array<quint16, 1 << kTableBits> entries{};
    std::array<quint16, 16> perLength{};
    std::array<quint16, 288> symbols{}; // in canonical order: by length, then symbol

    // False for an over-subscribed code, or an incomplete one where DEFLATE forbids it.
    bool build(const quint8* lengths, int count, bool allowIncomplete)
    {
        perLength.fill(0);
        for (int i = 0; i < count; ++i)
            ++perLength[lengths[i]];
        perLength[0] = 0;
        int left = 1;
        for (int length = 1; length <= 15; ++length) {
            left <<= 1;
            left -= perLength[length];
            if (left < 0)
                return false;
        }
        if (left > 0 && !allowIncomplete)
            return false;
        std::array<int, 16> offsets{};
        for (int length = 1; length < 15; ++length)
            offsets[length + 1] = offsets[length] + perLength[length];
        for (int symbol = 0; symbol < count; ++symbol)
            if (lengths[symbol] != 0)
                symbols[size_t(offsets[lengths[symbol]]++)] = quint16(symbol);
        entries.fill(0);
        std::array<int, 16> next{};
        int code = 0;
        for (int length = 1; length <= 15; ++length) {
            code = (code + perLength[length - 1]) << 1;
            next[length] = code;
        }
        for (int symbol = 0; symbol < count; ++symbol) {
            const int length = lengths[symbol];
            if (length == 0 || length > kTableBits)
                continue;
            int reversed = 0;
            for (int i = 0, c = next[length]++; i < length; ++i, c >>= 1)
                reversed = (reversed << 1) | (c & 1);
            const quint16 entry = quint16(symbol << 4 | length);
            for (size_t at = size_t(reversed); at < entries.size(); at += size_t(1) << length)
                entries[at] = entry;
        }
        return true;
    }

    // The next symbol (at most 15 bits must be in the buffer), or -1 for no such code.
    int decode(BitReader& in) const
    {
        const quint16 entry = entries[in.peek() & ((1u << kTableBits) - 1)];
        if (entry != 0) {
            in.drop(entry & 15);
            return entry >> 4;
        }
        int code = 0;
        int first = 0;
        int index = 0;
        for (int length = 1; length <= 15; ++length) {
            code |= int(in.take(1));
            const int count = perLength[size_t(length)];
            if (code - count < first)
                return symbols[size_t(index + (code - first))];
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        return -1;
    }
};

constexpr std::array<quint8, 29> kLengthExtra{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                              2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<quint8, 30> kDistanceExtra{0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
constexpr std::array<quint8, 19> kCodeLengthOrder{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

// Reads a dynamic block's code lengths into the two tables.
bool readDynamicTables(BitReader& in, Table& litlen, Table& distance)
{
    in.refill();
    const int literals = int(in.take(5)) + 257;
    const int distances = int(in.take(5)) + 1;
    const int codeLengthCodes = int(in.take(4)) + 4;
    if (literals > 286 || distances > 30)
        return false;
    std::array<quint8, 19> codeLengthLengths{};
    for (int i = 0; i < codeLengthCodes; ++i) {
        in.refill();
        codeLengthLengths[kCodeLengthOrder[size_t(i)]] = quint8(in.take(3));
    }
    Table codeLengths;
    if (!codeLengths.build(codeLengthLengths.data(), 19, false))
        return false;
    std::array<quint8, 286 + 30> lengths{};
    for (int i = 0; i < literals + distances;) {
        in.refill();
        if (in.pastEnd())
            return false;
        const int symbol = codeLengths.decode(in);
        if (symbol < 0)
            return false;
        int repeat = 0;
        quint8 value = 0;
        if (symbol < 16) {
            lengths[size_t(i++)] = quint8(symbol);
            continue;
        }
        if (symbol == 16) {
            if (i == 0)
                return false;
            value = lengths[size_t(i - 1)];
            repeat = 3 + int(in.take(2));
        } else if (symbol == 17) {
            repeat = 3 + int(in.take(3));
        } else {
            repeat = 11 + int(in.take(7));
        }
        if (i + repeat > literals + distances)
            return false;
        std::memset(lengths.data() + i, value, size_t(repeat));
        i += repeat;
    }
    if (lengths[256] == 0 || in.overrun())
        return false;
    return litlen.build(lengths.data(), literals, false) && distance.build(lengths.data() + literals, distances, true);
}

void fixedTables(Table& litlen, Table& distance)
{
    std::array<quint8, 288> lengths{};
    std::memset(lengths.data(), 8, 144);
    std::memset(lengths.data() + 144, 9, 112);
    std::memset(lengths.data() + 256, 7, 24);
    std::memset(lengths.data() + 280, 8, 8);
    litlen.build(lengths.data(), 288, false);
    std::array<quint8, 30> distances{};
    distances.fill(5);
    distance.build(distances.data(), 30, true);
}

// What the walk needs of a symbol, looked up at once: the bits it takes with its extra bits,
// what it is, and for a length its base and where its extra bits sit. Built per block from the
// Huffman tables.
enum Kind : quint8 { Slow = 0, Literal, Length, EndOfBlock, Invalid };

constexpr std::array<quint16, 29> kLengthBase{3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                              31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};

// A litlen step: bits 0-5 the bits to drop, 6-8 the kind; for a length, 9-12 its code's bits,
// 13-15 its extra bits and 16-24 its base.
constexpr quint32 step(Kind kind, int drop, int codeBits = 0, int extra = 0, int base = 0)
{
    return quint32(drop) | quint32(kind) << 6 | quint32(codeBits) << 9 | quint32(extra) << 13 | quint32(base) << 16;
}

struct Steps
{
    std::array<quint32, 1 << kTableBits> litlen{};
    std::array<quint16, 1 << kTableBits> distance{}; // 1 << 8 | bits to drop, or 0

    void build(const Table& lit, const Table& dist)
    {
        for (size_t i = 0; i < litlen.size(); ++i) {
            const quint16 e = lit.entries[i];
            const int symbol = e >> 4;
            const int bits = e & 15;
            if (e == 0)
                litlen[i] = step(Slow, 0);
            else if (symbol < 256)
                litlen[i] = step(Literal, bits);
            else if (symbol == 256)
                litlen[i] = step(EndOfBlock, bits);
            else if (symbol > 285)
                litlen[i] = step(Invalid, 0);
            else
                litlen[i] = step(Length, bits + kLengthExtra[size_t(symbol - 257)], bits, kLengthExtra[size_t(symbol - 257)],
                                 kLengthBase[size_t(symbol - 257)]);
        }
        for (size_t i = 0; i < distance.size(); ++i) {
            const quint16 e = dist.entries[i];
            const int symbol = e >> 4;
            distance[i] = (e == 0 || symbol >= 30) ? 0 : quint16(1 << 8 | ((e & 15) + kDistanceExtra[size_t(symbol)]));
        }
    }
};

// Walks the codes of one Huffman-coded block up to and including its end-of-block code,
// counting the bytes they stand for.
bool walkCodes(BitReader& in, const Table& litlen, const Table& distance, const Steps& steps, qint64& produced)
{
    constexpr quint64 mask = (1u << kTableBits) - 1;
    qint64 count = 0;
    const auto done = [&](bool ok) {
        produced += count;
        return ok;
    };
    for (;;) {
        // A code (15 bits) with its extra bits (5), then a distance code (15) with its (13).
        if (in.available() < 48) {
            in.refill();
            if (in.pastEnd())
                return false;
        }
        const quint32 s = steps.litlen[in.peek() & mask];
        const int kind = (s >> 6) & 7;
        if (kind == Literal) {
            // Literals come in runs: as many as the buffer holds, without refilling.
            quint32 next = s;
            do {
                in.drop(int(next & 63));
                ++count;
                next = steps.litlen[in.peek() & mask];
            } while (((next >> 6) & 7) == Literal && int(next & 63) <= in.available());
            continue;
        }
        if (kind == Length) {
            const int extra = (s >> 13) & 7;
            count += (s >> 16) + ((in.peek() >> ((s >> 9) & 15)) & ((1u << extra) - 1));
            in.drop(s & 63);
        } else if (kind == EndOfBlock) {
            in.drop(s & 63);
            return done(!in.overrun());
        } else if (kind == Invalid) {
            return false;
        } else { // a code longer than the table: bit by bit
            const int symbol = litlen.decode(in);
            if (symbol < 0 || symbol > 285)
                return false;
            if (symbol < 256) {
                ++count;
                continue;
            }
            if (symbol == 256)
                return done(!in.overrun());
            count += kLengthBase[size_t(symbol - 257)] + in.take(kLengthExtra[size_t(symbol - 257)]);
        }
        const quint16 d = steps.distance[in.peek() & mask];
        if (d != 0) {
            in.drop(d & 0xff);
        } else {
            const int symbol = distance.decode(in);
            if (symbol < 0 || symbol >= 30)
                return false;
            in.drop(kDistanceExtra[size_t(symbol)]);
        }
        if (in.overrun())
            return false;
    }
}

} // namespace

std::optional<BlockWalk> walkBlocks(const uchar* data, qsizetype size)
{
    BitReader in(data, size);
    Table litlen;
    Table distance;
    Table fixedLitlen;
    Table fixedDistance;
    fixedTables(fixedLitlen, fixedDistance);
    Steps fixedSteps;
    fixedSteps.build(fixedLitlen, fixedDistance);
    Steps steps;
    qint64 produced = 0;
    for (;;) {
        const qint64 header = in.position();
        in.refill();
        if (in.pastEnd())
            return std::nullopt;
        const bool final = in.take(1) != 0;
        const quint32 type = in.take(2);
        if (type == 0) {
            const qint64 byte = (in.position() + 7) / 8;
            if (byte + 4 > size)
                return std::nullopt;
            const quint16 length = quint16(data[byte] | (data[byte + 1] << 8));
            const quint16 inverse = quint16(data[byte + 2] | (data[byte + 3] << 8));
            if (quint16(~length) != inverse || byte + 4 + length > size)
                return std::nullopt;
            in.seekByte(byte + 4 + length);
            produced += length;
            if (final)
                return (byte + 4 + length == size) ? std::optional(BlockWalk{header, (byte + 4 + length) * 8, produced})
                                                   : std::nullopt;
            continue;
        }
        if (type == 1) {
            if (!walkCodes(in, fixedLitlen, fixedDistance, fixedSteps, produced))
                return std::nullopt;
        } else if (type == 2) {
            if (!readDynamicTables(in, litlen, distance))
                return std::nullopt;
            steps.build(litlen, distance);
            if (!walkCodes(in, litlen, distance, steps, produced))
                return std::nullopt;
        } else {
            return std::nullopt;
        }
        if (final) {
            const qint64 end = in.position();
            return (end + 7) / 8 == size ? std::optional(BlockWalk{header, end, produced}) : std::nullopt;
        }
    }
}

std::optional<BlockWalk> blocksByInflating(const uchar* data, qsizetype size)
{
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        return std::nullopt;
    thread_local QByteArray sink;
    sink.resize(1 << 20);
    z.next_in = const_cast<Bytef*>(data);
    z.avail_in = uInt(size);
    BlockWalk walk{0, -1, 0};
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(sink.data());
        z.avail_out = uInt(sink.size());
        rc = inflate(&z, Z_BLOCK);
        walk.produced += sink.size() - qint64(z.avail_out);
        // Stopped right after an end-of-block code (the low bits: those taken but not decoded):
        // after a non-final block the next block starts here; after the final one the data ends.
        if (rc == Z_OK && (z.data_type & 128)) {
            const qint64 at = qint64(z.total_in) * 8 - (z.data_type & 63);
            if (z.data_type & 64)
                walk.endBit = at;
            else
                walk.finalBlockBit = at;
        }
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END || qint64(z.total_in) != size || walk.endBit < 0)
        return std::nullopt;
    return walk;
}

} // namespace fcb::dflt
