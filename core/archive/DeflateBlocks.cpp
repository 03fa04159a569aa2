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
    { }

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
    // The reader's state, for a loop that keeps it in registers.
    struct State
    {
        const uchar* data;
        qsizetype lastLoad; // the last offset 8 bytes can be loaded from
        qsizetype offset;
        quint64 buffer;
        int count;
    };
    State state() const { return { m_data, m_size - 8, m_offset, m_buffer, m_count }; }
    void setState(const State& s)
    {
        m_offset = s.offset;
        m_buffer = s.buffer;
        m_count = s.count;
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
constexpr int kTableBits = 11;

struct Table
{
    std::array<quint16, 1 << kTableBits> entries {};
    std::array<quint16, 16> perLength {};
    std::array<quint16, 288> symbols {}; // in canonical order: by length, then symbol

    // Which incomplete codes a table takes. zlib, the reference every reader is held to, takes
    // none for the code lengths, and for literals/lengths and distances only one with a single
    // code of one bit (or none at all); the fixed distance code leaves two codes unused.
    enum class Incomplete
    {
        Refused,
        AsZlib,
        Allowed
    };

    // False for an over-subscribed code, or an incomplete one where DEFLATE forbids it.
    bool build(const quint8* lengths, int count, Incomplete incomplete)
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
        if (left > 0 && incomplete != Incomplete::Allowed) {
            int longest = 0;
            for (int length = 1; length <= 15; ++length)
                if (perLength[length] != 0)
                    longest = length;
            if (incomplete == Incomplete::Refused || longest > 1)
                return false;
        }
        std::array<int, 16> offsets {};
        for (int length = 1; length < 15; ++length)
            offsets[length + 1] = offsets[length] + perLength[length];
        for (int symbol = 0; symbol < count; ++symbol)
            if (lengths[symbol] != 0)
                symbols[size_t(offsets[lengths[symbol]]++)] = quint16(symbol);
        entries.fill(0);
        std::array<int, 16> next {};
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

constexpr std::array<quint8, 29> kLengthExtra { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4,
    4, 4, 4, 5, 5, 5, 5, 0 };
constexpr std::array<quint8, 30> kDistanceExtra { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8,
    9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };
constexpr std::array<quint8, 19> kCodeLengthOrder { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14,
    1, 15 };

// Reads a dynamic block's code lengths into the two tables.
bool readDynamicTables(BitReader& in, Table& litlen, Table& distance)
{
    in.refill();
    const int literals = int(in.take(5)) + 257;
    const int distances = int(in.take(5)) + 1;
    const int codeLengthCodes = int(in.take(4)) + 4;
    if (literals > 286 || distances > 30)
        return false;
    std::array<quint8, 19> codeLengthLengths {};
    for (int i = 0; i < codeLengthCodes; ++i) {
        in.refill();
        codeLengthLengths[kCodeLengthOrder[size_t(i)]] = quint8(in.take(3));
    }
    Table codeLengths;
    if (!codeLengths.build(codeLengthLengths.data(), 19, Table::Incomplete::Refused))
        return false;
    std::array<quint8, 286 + 30> lengths {};
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
    return litlen.build(lengths.data(), literals, Table::Incomplete::AsZlib)
        && distance.build(lengths.data() + literals, distances, Table::Incomplete::AsZlib);
}

void fixedTables(Table& litlen, Table& distance)
{
    std::array<quint8, 288> lengths {};
    std::memset(lengths.data(), 8, 144);
    std::memset(lengths.data() + 144, 9, 112);
    std::memset(lengths.data() + 256, 7, 24);
    std::memset(lengths.data() + 280, 8, 8);
    litlen.build(lengths.data(), 288, Table::Incomplete::Refused);
    std::array<quint8, 30> distances {};
    distances.fill(5);
    distance.build(distances.data(), 30, Table::Incomplete::Allowed);
}

// What the walk needs of the next codes, looked up at once in a table built per block from the
// Huffman codes. An entry covers up to two literals, or a literal and a length, or one length:
// the bits they take (with the length's extra bits), the bytes they stand for (less the
// length's extra bits, which are read from the stream), and whether a distance code follows.
// Anything else (an end of block, a code longer than the table, an invalid code) is special.
enum : quint32
{
    kDropBits = 0, // 5 bits: bits to drop, extra bits included
    kExtraAt = 5, // 5 bits: where the length's extra bits begin
    kExtraCount = 10, // 3 bits: how many there are
    kBase = 13, // 9 bits: bytes produced, before the extra bits' value
    kHasDistance = 22,
    kSpecial = 23,
};

constexpr std::array<quint16, 29> kLengthBase { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35,
    43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };

constexpr quint32 entry(int drop, int extraAt, int extraCount, int base, bool hasDistance)
{
    return quint32(drop) << kDropBits | quint32(extraAt) << kExtraAt | quint32(extraCount) << kExtraCount
        | quint32(base) << kBase | quint32(hasDistance) << kHasDistance;
}

struct Steps
{
    std::array<quint32, 1 << kTableBits> litlen {};
    std::array<quint8, 1 << kTableBits> distance {}; // bits to drop (code and extra bits), or 0: special

    void build(const Table& lit, const Table& dist)
    {
        constexpr quint32 special = quint32(1) << kSpecial;
        for (size_t i = 0; i < litlen.size(); ++i) {
            const quint16 first = lit.entries[i];
            const int symbol = first >> 4;
            const int bits = first & 15;
            if (first == 0 || symbol >= 256) {
                if (first == 0 || symbol == 256 || symbol > 285)
                    litlen[i] = special;
                else
                    litlen[i] = entry(bits + kLengthExtra[size_t(symbol - 257)], bits,
                        kLengthExtra[size_t(symbol - 257)], kLengthBase[size_t(symbol - 257)], true);
                continue;
            }
            // A literal; what follows it counts where the table's bits hold all of its code.
            litlen[i] = entry(bits, 0, 0, 1, false);
            const quint16 second = lit.entries[i >> bits];
            const int next = second >> 4;
            const int nextBits = second & 15;
            if (second == 0 || bits + nextBits > kTableBits || next == 256 || next > 285)
                continue;
            if (next < 256)
                litlen[i] = entry(bits + nextBits, 0, 0, 2, false);
            else
                litlen[i] = entry(bits + nextBits + kLengthExtra[size_t(next - 257)], bits + nextBits,
                    kLengthExtra[size_t(next - 257)], 1 + kLengthBase[size_t(next - 257)], true);
        }
        for (size_t i = 0; i < distance.size(); ++i) {
            const quint16 e = dist.entries[i];
            const int symbol = e >> 4;
            distance[i] = (e == 0 || symbol >= 30) ? 0 : quint8((e & 15) + kDistanceExtra[size_t(symbol)]);
        }
    }
};

// One code read the slow way (longer than the table, or past the table's reach), with what it
// stands for; false for an invalid code. *end: it was the end-of-block code.
bool slowSymbol(BitReader& in, const Table& litlen, const Table& distance, qint64& count, bool* end)
{
    const int symbol = litlen.decode(in);
    if (symbol < 0 || symbol > 285)
        return false;
    if (symbol < 256) {
        ++count;
        return true;
    }
    if (symbol == 256) {
        *end = true;
        return true;
    }
    count += kLengthBase[size_t(symbol - 257)] + in.take(kLengthExtra[size_t(symbol - 257)]);
    const int code = distance.decode(in);
    if (code < 0 || code >= 30)
        return false;
    in.drop(kDistanceExtra[size_t(code)]);
    return true;
}

// One round of the walk the careful way: near the end of the data, or for a special entry.
// *end: it was the end-of-block code.
bool slowRound(
    BitReader& in, const Table& litlen, const Table& distance, const Steps& steps, qint64& count, bool* end)
{
    in.refill();
    if (in.pastEnd())
        return false;
    const quint32 e = steps.litlen[in.peek() & ((1u << kTableBits) - 1)];
    if (e & (quint32(1) << kSpecial))
        return slowSymbol(in, litlen, distance, count, end);
    const quint32 extraCount = (e >> kExtraCount) & 7;
    count
        += ((e >> kBase) & 511) + ((in.peek() >> ((e >> kExtraAt) & 31)) & ((quint64(1) << extraCount) - 1));
    in.drop(int(e & 31));
    if (!(e & (quint32(1) << kHasDistance)))
        return true;
    const int code = distance.decode(in);
    if (code < 0 || code >= 30)
        return false;
    in.drop(kDistanceExtra[size_t(code)]);
    return !in.overrun();
}

// Walks the codes of one Huffman-coded block up to and including its end-of-block code,
// counting the bytes they stand for.
bool walkCodes(
    BitReader& in, const Table& litlen, const Table& distance, const Steps& steps, qint64& produced)
{
    constexpr quint64 mask = (1u << kTableBits) - 1;
    qint64 count = 0;
    for (;;) {
        // The fast rounds, on copies the compiler can keep in registers, while 8 bytes are left
        // to load: refilled without a branch (as BitReader::refill does), each round takes a
        // length code with its extra bits (at most 20 bits) and a distance code with its (28).
        // The distance is looked up whether or not one follows, and dropped only if one does:
        // no branch on what the codes were.
        BitReader::State r = in.state();
        while (r.offset <= r.lastLoad) {
            quint64 word;
            std::memcpy(&word, r.data + r.offset, 8);
            r.buffer |= qFromLittleEndian(word) << r.count;
            r.offset += (63 - r.count) >> 3;
            r.count |= 56;
            const quint32 e = steps.litlen[r.buffer & mask];
            if (Q_UNLIKELY(e & (quint32(1) << kSpecial)))
                break; // the careful way, below
            const quint32 extraCount = (e >> kExtraCount) & 7;
            const quint64 extra = (r.buffer >> ((e >> kExtraAt) & 31)) & ((quint64(1) << extraCount) - 1);
            const quint32 hasDistance = (e >> kHasDistance) & 1;
            const quint32 d = steps.distance[(r.buffer >> (e & 31)) & mask];
            if (Q_UNLIKELY(hasDistance & quint32(d == 0)))
                break; // a distance code longer than the table, or an invalid one
            count += ((e >> kBase) & 511) + extra;
            const int drop = int(e & 31) + int(d & (0u - hasDistance));
            r.buffer >>= drop;
            r.count -= drop;
        }
        in.setState(r);
        bool end = false;
        if (!slowRound(in, litlen, distance, steps, count, &end))
            return false;
        if (end) {
            produced += count;
            return !in.overrun();
        }
    }
}

// ---- Inflating ------------------------------------------------------------------------------
//
// The walk above with the bytes written out: one table lookup per literal or length code (with
// its extra bits) and one per distance code, on a bit buffer refilled without a branch. Near
// either end of the input or the output, and for codes longer than the tables, one symbol at a
// time the careful way.

constexpr std::array<quint16, 30> kDistanceBase { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
    257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };

enum : quint32
{
    kCodeBits = 0, // 4 bits: the code's length
    kExtraBits = 4, // 4 bits: how many extra bits follow it
    kKind = 8, // 2 bits, below
    kValue = 16, // 16 bits: the literal, or the length's or distance's base
};
enum : quint32
{
    kLiteral = 0,
    kLength = 1,
    kEnd = 2,
    kCareful = 3
}; // kCareful: longer than the table, or invalid

constexpr quint32 code(int bits, int extra, quint32 kind, int value)
{
    return quint32(bits) << kCodeBits | quint32(extra) << kExtraBits | kind << kKind
        | quint32(value) << kValue;
}

struct InflateTables
{
    std::array<quint32, 1 << kTableBits> litlen {};
    std::array<quint32, 1 << kTableBits> distance {};

    void build(const Table& lit, const Table& dist)
    {
        for (size_t i = 0; i < litlen.size(); ++i) {
            const quint16 e = lit.entries[i];
            const int symbol = e >> 4;
            const int bits = e & 15;
            if (e == 0 || symbol > 285)
                litlen[i] = code(0, 0, kCareful, 0);
            else if (symbol < 256)
                litlen[i] = code(bits, 0, kLiteral, symbol);
            else if (symbol == 256)
                litlen[i] = code(bits, 0, kEnd, 0);
            else
                litlen[i] = code(
                    bits, kLengthExtra[size_t(symbol - 257)], kLength, kLengthBase[size_t(symbol - 257)]);
        }
        for (size_t i = 0; i < distance.size(); ++i) {
            const quint16 e = dist.entries[i];
            const int symbol = e >> 4;
            distance[i] = (e == 0 || symbol >= 30)
                ? code(0, 0, kCareful, 0)
                : code(e & 15, kDistanceExtra[size_t(symbol)], kLiteral, kDistanceBase[size_t(symbol)]);
        }
    }
};

// Copies a match whose room (and 16 bytes more) the caller made sure of: in 16- or 8-byte
// chunks where the distance lets a chunk be read before it is written, which may write up to 15
// bytes past the match.
inline void copyMatchFast(uchar* out, size_t distance, size_t length)
{
    const uchar* from = out - distance;
    uchar* const stop = out + length;
    if (distance >= 16) {
        do {
            std::memcpy(out, from, 16);
            out += 16;
            from += 16;
        } while (out < stop);
    } else if (distance >= 8) {
        do {
            std::memcpy(out, from, 8);
            out += 8;
            from += 8;
        } while (out < stop);
    } else if (distance == 1) {
        std::memset(out, *from, length);
    } else {
        while (out < stop)
            *out++ = *from++;
    }
}

// One symbol the careful way, its bytes written out; false for an invalid code, or one that
// overruns the input or the output. *endOfBlock: it was the end-of-block code.
bool carefulSymbol(BitReader& in, const Table& litlen, const Table& distance, uchar* const begin, uchar*& out,
    uchar* const end, bool* endOfBlock)
{
    in.refill();
    if (in.pastEnd())
        return false;
    const int symbol = litlen.decode(in);
    if (symbol < 0 || symbol > 285)
        return false;
    if (symbol < 256) {
        if (out == end || in.overrun())
            return false;
        *out++ = uchar(symbol);
        return true;
    }
    if (symbol == 256) {
        *endOfBlock = true;
        return !in.overrun();
    }
    const qint64 length = kLengthBase[size_t(symbol - 257)] + in.take(kLengthExtra[size_t(symbol - 257)]);
    const int distanceCode = distance.decode(in);
    if (distanceCode < 0 || distanceCode >= 30)
        return false;
    const qint64 dist = kDistanceBase[size_t(distanceCode)] + in.take(kDistanceExtra[size_t(distanceCode)]);
    if (in.overrun() || dist > out - begin || length > end - out)
        return false;
    if (end - out >= length + 16) {
        copyMatchFast(out, size_t(dist), size_t(length));
        out += length;
        return true;
    }
    const uchar* from = out - dist;
    for (uchar* const stop = out + length; out != stop;)
        *out++ = *from++;
    return true;
}

// Inflates the codes of one Huffman-coded block up to and including its end-of-block code.
bool inflateCodes(BitReader& in, const Table& litlen, const Table& distance, const InflateTables& t,
    uchar* const begin, uchar*& out, uchar* const end)
{
    constexpr quint64 mask = (1u << kTableBits) - 1;
    for (;;) {
        // The fast rounds, while 8 bytes are left to load and a longest match (and the chunks'
        // overrun) fits: a literal, or a length with its extra bits (at most 16 bits) and a
        // distance with its (28), out of at least 56 bits.
        BitReader::State r = in.state();
        uchar* o = out;
        constexpr qsizetype fastRoom = 258 + 16;
        while (r.offset <= r.lastLoad && end - o >= fastRoom) {
            quint64 word;
            std::memcpy(&word, r.data + r.offset, 8);
            r.buffer |= qFromLittleEndian(word) << r.count;
            r.offset += (63 - r.count) >> 3;
            r.count |= 56;
            quint32 e = t.litlen[r.buffer & mask];
            if (((e >> kKind) & 3) == kLiteral) {
                // A second code without refilling: at least 45 bits are left, enough for a match.
                *o++ = uchar(e >> kValue);
                r.buffer >>= e & 15;
                r.count -= int(e & 15);
                e = t.litlen[r.buffer & mask];
                if (((e >> kKind) & 3) == kLiteral) {
                    *o++ = uchar(e >> kValue);
                    r.buffer >>= e & 15;
                    r.count -= int(e & 15);
                    continue;
                }
                if (end - o < fastRoom)
                    break;
            }
            if (((e >> kKind) & 3) != kLength)
                break; // an end of block, or a code for the careful way
            const int lengthBits = int(e & 15) + int((e >> kExtraBits) & 15);
            const quint32 length = (e >> kValue)
                + quint32((r.buffer >> (e & 15)) & ((quint64(1) << ((e >> kExtraBits) & 15)) - 1));
            const quint64 rest = r.buffer >> lengthBits;
            const quint32 d = t.distance[rest & mask];
            if (Q_UNLIKELY(((d >> kKind) & 3) != kLiteral))
                break; // the careful way, from the length code again
            const quint64 dist
                = (d >> kValue) + ((rest >> (d & 15)) & ((quint64(1) << ((d >> kExtraBits) & 15)) - 1));
            if (Q_UNLIKELY(dist > quint64(o - begin)))
                return false; // before the start of the output
            const int drop = lengthBits + int(d & 15) + int((d >> kExtraBits) & 15);
            r.buffer >>= drop;
            r.count -= drop;
            copyMatchFast(o, size_t(dist), length);
            o += length;
        }
        in.setState(r);
        out = o;
        bool endOfBlock = false;
        if (!carefulSymbol(in, litlen, distance, begin, out, end, &endOfBlock))
            return false;
        if (endOfBlock)
            return true;
    }
}

// The blocks of a stream exactly `size` bytes long, one after the other, to the final one:
// takeStored(at, length) is given each stored block's bytes, takeCodes(in, fixed, litlen,
// distance) each Huffman-coded block's codes (the dynamic tables as read, unless `fixed`), and
// produced() tells how many bytes the stream stood for when it ends. Either may refuse (false).
template <typename TakeStored, typename TakeCodes, typename Produced>
std::optional<BlockWalk> readBlocks(
    const uchar* data, qsizetype size, TakeStored takeStored, TakeCodes takeCodes, Produced produced)
{
    BitReader in(data, size);
    Table litlen;
    Table distance;
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
            if (quint16(~length) != inverse || byte + 4 + length > size || !takeStored(byte + 4, length))
                return std::nullopt;
            in.seekByte(byte + 4 + length);
            if (final)
                return (byte + 4 + length == size)
                    ? std::optional(BlockWalk { header, (byte + 4 + length) * 8, produced() })
                    : std::nullopt;
            continue;
        }
        if (type == 3 || (type == 2 && !readDynamicTables(in, litlen, distance))
            || !takeCodes(in, type == 1, litlen, distance))
            return std::nullopt;
        if (final) {
            const qint64 end = in.position();
            return (end + 7) / 8 == size ? std::optional(BlockWalk { header, end, produced() })
                                         : std::nullopt;
        }
    }
}

} // namespace

std::optional<BlockWalk> walkBlocks(const uchar* data, qsizetype size)
{
    Table fixedLitlen;
    Table fixedDistance;
    fixedTables(fixedLitlen, fixedDistance);
    Steps fixedSteps;
    fixedSteps.build(fixedLitlen, fixedDistance);
    Steps steps;
    qint64 produced = 0;
    return readBlocks(
        data, size,
        [&](qint64, quint16 length) {
            produced += length;
            return true;
        },
        [&](BitReader& in, bool fixed, const Table& litlen, const Table& distance) {
            if (fixed)
                return walkCodes(in, fixedLitlen, fixedDistance, fixedSteps, produced);
            steps.build(litlen, distance);
            return walkCodes(in, litlen, distance, steps, produced);
        },
        [&] { return produced; });
}

std::optional<BlockWalk> inflateBlocks(const uchar* data, qsizetype size, uchar* out, qsizetype capacity)
{
    Table fixedLitlen;
    Table fixedDistance;
    fixedTables(fixedLitlen, fixedDistance);
    InflateTables fixedCodes;
    fixedCodes.build(fixedLitlen, fixedDistance);
    InflateTables tables;
    uchar* const begin = out;
    uchar* const end = out + capacity;
    return readBlocks(
        data, size,
        [&](qint64 at, quint16 length) {
            if (length > end - out)
                return false;
            std::memcpy(out, data + at, length);
            out += length;
            return true;
        },
        [&](BitReader& in, bool fixed, const Table& litlen, const Table& distance) {
            if (fixed)
                return inflateCodes(in, fixedLitlen, fixedDistance, fixedCodes, begin, out, end);
            tables.build(litlen, distance);
            return inflateCodes(in, litlen, distance, tables, begin, out, end);
        },
        [&] { return qint64(out - begin); });
}

std::optional<BlockWalk> blocksByInflating(const uchar* data, qsizetype size)
{
    z_stream z {};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        return std::nullopt;
    thread_local QByteArray sink;
    sink.resize(1 << 20);
    z.next_in = const_cast<Bytef*>(data);
    z.avail_in = uInt(size);
    BlockWalk walk { 0, -1, 0 };
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
