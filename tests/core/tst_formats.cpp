// Names, metadata.json, the restore marker and SHA256SUMS, byte for byte as FastCMS writes them.
#include "FileUtil.h"
#include "PyJson.h"
#include "TestSupport.h"
#include "archive/ArchiveReader.h"
#include "archive/ArchiveWriter.h"
#include "archive/BackupName.h"
#include "archive/DeflateBlocks.h"
#include "archive/FastHash.h"
#include "archive/OutputFile.h"
#include "archive/ZipWriter.h"
#include "model/Metadata.h"
#include "model/RestoreMarker.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cstring>
#include <libdeflate.h>
#include <optional>
#include <sys/mman.h>
#include <sys/statfs.h>
#include <unistd.h>
#include <zlib.h>

using namespace fcb;

namespace {

QByteArray zlibDeflate(const QByteArray& data, int level, int strategy)
{
    z_stream z {};
    deflateInit2(&z, level, Z_DEFLATED, -MAX_WBITS, 8, strategy);
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))) + 64, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

// Inputs of every kind: empty, one byte, zeros, text, noise, and text around noise.
QList<QByteArray> sampleInputs(QByteArray* text = nullptr, QByteArray* noise = nullptr)
{
    QByteArray words;
    QRandomGenerator random(3);
    while (words.size() < (3 << 20))
        words += "entry " + QByteArray::number(random.bounded(5000)) + " of the log; ";
    const QByteArray bytes = test::randomBytes(4, 1 << 20);
    if (text)
        *text = words;
    if (noise)
        *noise = bytes;
    return { QByteArray(), QByteArray("x"), QByteArray(2 << 20, '\0'), words, bytes,
        words.left(700000) + bytes.left(300000) + words.right(500000) };
}

// The input compressed every way there is: libdeflate's levels, zlib's strategies (fixed
// Huffman codes, Huffman only, run lengths) and stored blocks.
QList<QByteArray> streamsOf(const QByteArray& input)
{
    QList<QByteArray> streams;
    for (const int level : { 1, 4, 5, 6, 9, 12 }) {
        libdeflate_compressor* c = libdeflate_alloc_compressor(level);
        QByteArray out(
            qsizetype(libdeflate_deflate_compress_bound(c, size_t(input.size()))), Qt::Uninitialized);
        out.resize(qsizetype(libdeflate_deflate_compress(
            c, input.constData(), size_t(input.size()), out.data(), size_t(out.size()))));
        libdeflate_free_compressor(c);
        streams.append(out);
    }
    for (const int strategy : { Z_DEFAULT_STRATEGY, Z_FIXED, Z_HUFFMAN_ONLY, Z_RLE })
        streams.append(zlibDeflate(input, 6, strategy));
    streams.append(zlibDeflate(input, 0, Z_DEFAULT_STRATEGY)); // stored blocks
    return streams;
}

// What zlib inflates from a stream that ends in its last byte, at most `limit` bytes; nothing
// where zlib refuses it.
std::optional<QByteArray> zlibInflate(const QByteArray& stream, qsizetype limit)
{
    z_stream z {};
    inflateInit2(&z, -MAX_WBITS);
    QByteArray out(limit + 1, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stream.constData()));
    z.avail_in = uInt(stream.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = inflate(&z, Z_FINISH);
    const bool whole
        = rc == Z_STREAM_END && qsizetype(z.total_in) == stream.size() && qsizetype(z.total_out) <= limit;
    out.resize(qsizetype(z.total_out));
    inflateEnd(&z);
    return whole ? std::optional(out) : std::nullopt;
}

// A copy of some bytes with a page nobody may read right after its last byte (Edge::End) or
// right before its first (Edge::Start): a read outside the data ends the test with a crash,
// sanitizer or not.
class GuardedCopy
{
public:
    enum class Edge
    {
        Start,
        End
    };
    GuardedCopy(const QByteArray& bytes, Edge edge)
        : m_size(bytes.size())
    {
        const qsizetype page = qsizetype(::sysconf(_SC_PAGESIZE));
        const qsizetype dataPages = qMax<qsizetype>(1, (bytes.size() + page - 1) / page);
        m_length = size_t((dataPages + 2) * page);
        m_map = static_cast<uchar*>(
            ::mmap(nullptr, m_length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
        if (m_map == MAP_FAILED)
            qFatal("mmap failed");
        if (::mprotect(m_map, size_t(page), PROT_NONE) != 0
            || ::mprotect(m_map + (dataPages + 1) * page, size_t(page), PROT_NONE) != 0)
            qFatal("mprotect failed");
        m_data = edge == Edge::Start ? m_map + page : m_map + (dataPages + 1) * page - bytes.size();
        if (!bytes.isEmpty())
            std::memcpy(m_data, bytes.constData(), size_t(bytes.size()));
    }
    ~GuardedCopy() { ::munmap(m_map, m_length); }
    GuardedCopy(const GuardedCopy&) = delete;
    GuardedCopy& operator=(const GuardedCopy&) = delete;
    const uchar* data() const { return m_data; }
    qsizetype size() const { return m_size; }

private:
    uchar* m_map = nullptr;
    size_t m_length = 0;
    uchar* m_data = nullptr;
    qsizetype m_size = 0;
};

// The walk of the bytes, taken with inaccessible pages right after them and right before them;
// both walks must agree.
std::optional<dflt::BlockWalk> guardedWalk(const QByteArray& bytes)
{
    const GuardedCopy end(bytes, GuardedCopy::Edge::End);
    const GuardedCopy start(bytes, GuardedCopy::Edge::Start);
    const auto atEnd = dflt::walkBlocks(end.data(), end.size());
    const auto atStart = dflt::walkBlocks(start.data(), start.size());
    if (bool(atEnd) != bool(atStart)
        || (atEnd
            && (atEnd->finalBlockBit != atStart->finalBlockBit || atEnd->endBit != atStart->endBit
                || atEnd->produced != atStart->produced)))
        qFatal("the walk depends on what lies around the data");
    return atEnd;
}

std::optional<QByteArray> ourInflate(const QByteArray& stream, qsizetype limit)
{
    QByteArray out(limit, Qt::Uninitialized);
    const auto walk = dflt::inflateBlocks(reinterpret_cast<const uchar*>(stream.constData()), stream.size(),
        reinterpret_cast<uchar*>(out.data()), out.size());
    if (!walk)
        return std::nullopt;
    out.resize(qsizetype(walk->produced));
    return out;
}

// One final dynamic block, written bit by bit: 257 literal/length code lengths and the distance
// code lengths (each 0, 1 or 2), then `codes`, the data's code bits in stream order ("0110…").
QByteArray dynamicBlock(const QList<int>& literals, const QList<int>& distances, const QByteArray& codes)
{
    QByteArray out;
    int used = 0; // bits used in the last byte
    const auto put = [&](quint32 value, int bits) { // least significant bit first
        for (int i = 0; i < bits; ++i, ++used) {
            if (used % 8 == 0)
                out.append('\0');
            if (value >> i & 1)
                out[out.size() - 1] = char(out.back() | (1 << (used % 8)));
        }
    };
    put(1, 1); // BFINAL
    put(2, 2); // dynamic Huffman codes
    put(quint32(literals.size() - 257), 5);
    put(quint32(distances.size() - 1), 5);
    // The code length code: 0 in one bit (code 0), 1 and 2 in two (10, 11); sent in DEFLATE's
    // order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1, eighteen of them.
    put(18 - 4, 4);
    const int order[18] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1 };
    for (const int symbol : order)
        put(symbol == 0 ? 1 : (symbol == 1 || symbol == 2) ? 2 : 0, 3);
    for (const int length : literals + distances) {
        if (length == 0)
            put(0, 1);
        else
            put(length == 1 ? 0b01 : 0b11, 2); // codes 10 and 11, most significant bit first
    }
    for (const char bit : codes)
        put(bit == '1' ? 1 : 0, 1);
    return out;
}

} // namespace

class TestFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nameForTimeIsUtc()
    {
        const QDateTime local(QDate(2025, 1, 15), QTime(11, 0, 0), QTimeZone(3600));
        QCOMPARE(BackupName::forTime(local), QStringLiteral("backup_20250115_100000.zip"));
    }

    void freeNameNeverReusesATakenName()
    {
        const QDateTime t(QDate(2025, 1, 15), QTime(10, 0, 0), Qt::UTC);
        QSet<QString> taken;
        for (int i = 0; i < 4; ++i) {
            const QString name = BackupName::freeName(t, [&](const QString& n) { return taken.contains(n); });
            QVERIFY(!taken.contains(name));
            QVERIFY(name.startsWith(QStringLiteral("backup_")) && name.endsWith(QStringLiteral(".zip")));
            QCOMPARE(BackupName::timeFromName(name), t);
            taken.insert(name);
        }
        QVERIFY(taken.contains(QStringLiteral("backup_20250115_100000_2.zip")));
    }

    void blockWalkFindsWhatZlibFinds()
    {
        // The writer joins parallel chunks by clearing the final block's BFINAL bit: the walk
        // that finds that block must agree with zlib's inflate on every kind of block.
        int checked = 0;
        QRandomGenerator flips(5);
        int takenAsZlib = 0;
        int walkedButNotInflated = 0;
        int refused = 0;
        for (const QByteArray& input : sampleInputs()) {
            for (const QByteArray& stream : streamsOf(input)) {
                const auto expected = dflt::blocksByInflating(
                    reinterpret_cast<const uchar*>(stream.constData()), stream.size());
                QVERIFY(expected);
                const auto walked
                    = dflt::walkBlocks(reinterpret_cast<const uchar*>(stream.constData()), stream.size());
                QVERIFY(walked);
                QCOMPARE(walked->finalBlockBit, expected->finalBlockBit);
                QCOMPARE(walked->endBit, expected->endBit);
                QCOMPARE(walked->produced, input.size());
                // Damage: never a crash or a read outside the data (unreadable pages lie on both
                // sides of it), and never a walk zlib contradicts. Where zlib takes the damaged
                // stream, the walk gives zlib's blocks. Where zlib refuses it, the walk refuses it
                // too, or, since the walk checks the codes and not how far back they refer, the
                // inflater that callers prove a walk with refuses it: no wrong data gets through.
                QList<QByteArray> damages;
                if (!stream.isEmpty()) {
                    QByteArray middle = stream;
                    middle[middle.size() / 2] = char(middle[middle.size() / 2] ^ 0x5a);
                    damages.append(middle);
                    for (int round = 0; round < 3; ++round) {
                        QByteArray flipped = stream;
                        const qsizetype at = qsizetype(flips.bounded(quint32(flipped.size())));
                        flipped[at] = char(flipped[at] ^ (1 << flips.bounded(8)));
                        damages.append(flipped);
                    }
                }
                for (const QByteArray& damaged : std::as_const(damages)) {
                    const auto reference = dflt::blocksByInflating(
                        reinterpret_cast<const uchar*>(damaged.constData()), damaged.size());
                    const auto walk = guardedWalk(damaged);
                    if (reference) {
                        QVERIFY(walk);
                        QCOMPARE(walk->finalBlockBit, reference->finalBlockBit);
                        QCOMPARE(walk->endBit, reference->endBit);
                        QCOMPARE(walk->produced, reference->produced);
                        ++takenAsZlib;
                    } else if (walk) {
                        QVERIFY(!ourInflate(damaged, qsizetype(walk->produced)));
                        ++walkedButNotInflated;
                    } else {
                        ++refused;
                    }
                }
                // Cut short: never accepted.
                if (stream.size() > 1)
                    QVERIFY(!guardedWalk(stream.left(stream.size() - 1)));
                ++checked;
            }
        }
        QCOMPARE(checked, 66);
        qInfo(
            "damaged streams: %d taken as zlib takes them, %d walked and refused by the inflater, %d refused",
            takenAsZlib, walkedButNotInflated, refused);
        QVERIFY(takenAsZlib > 0 && refused > 0);
    }

    void inflaterGivesWhatZlibGives()
    {
        // The pieces of large entries are inflated by our own inflater (the walk and the bytes
        // in one pass): on every kind of block it gives zlib's bytes and the walk's blocks, and
        // it refuses what does not fit or is cut short.
        QByteArray text;
        QByteArray noise;
        int checked = 0;
        for (const QByteArray& input : sampleInputs(&text, &noise)) {
            for (const QByteArray& stream : streamsOf(input)) {
                const auto expected = dflt::blocksByInflating(
                    reinterpret_cast<const uchar*>(stream.constData()), stream.size());
                QVERIFY(expected);
                QByteArray out(input.size(), Qt::Uninitialized); // room for exactly the bytes
                const auto inflated = dflt::inflateBlocks(reinterpret_cast<const uchar*>(stream.constData()),
                    stream.size(), reinterpret_cast<uchar*>(out.data()), out.size());
                QVERIFY(inflated);
                QCOMPARE(inflated->finalBlockBit, expected->finalBlockBit);
                QCOMPARE(inflated->endBit, expected->endBit);
                QCOMPARE(inflated->produced, input.size());
                QVERIFY(out == input);
                if (!input.isEmpty())
                    QVERIFY(!ourInflate(stream, input.size() - 1));
                if (stream.size() > 1)
                    QVERIFY(!ourInflate(stream.left(stream.size() - 1), input.size()));
                ++checked;
            }
        }
        QCOMPARE(checked, 66);

        // Damaged streams: accepted exactly where zlib accepts them, with zlib's bytes.
        QRandomGenerator flips(11);
        int accepted = 0;
        int refused = 0;
        const QByteArray mixed = text.left(9000) + noise.left(1000) + text.mid(5000, 9000);
        for (const QByteArray& input :
            QList<QByteArray> { text.left(40000), noise.left(3000), QByteArray(20000, '\0'), mixed }) {
            for (const QByteArray& stream : streamsOf(input)) {
                for (int round = 0; round < 120; ++round) {
                    QByteArray damaged = stream;
                    for (int bit = 0, bits = 1 + int(flips.bounded(3)); bit < bits; ++bit) {
                        const qsizetype at = qsizetype(flips.bounded(quint32(damaged.size())));
                        damaged[at] = char(damaged[at] ^ (1 << flips.bounded(8)));
                    }
                    const auto expected = zlibInflate(damaged, 1 << 20);
                    const auto got = ourInflate(damaged, 1 << 20);
                    QCOMPARE(bool(got), bool(expected));
                    if (got) {
                        QVERIFY(*got == *expected);
                        ++accepted;
                    } else {
                        ++refused;
                    }
                }
            }
        }
        QVERIFY(accepted > 100 && refused > 100);

        // Incomplete codes, taken only where zlib takes them: a single code of one bit.
        QList<int> onlyEnd(257, 0);
        onlyEnd[256] = 1;
        QList<int> literalAndEnd = onlyEnd;
        literalAndEnd['a'] = 1;
        QList<int> literalAndLongEnd = literalAndEnd;
        literalAndLongEnd[256] = 2;
        const struct
        {
            QByteArray stream;
            bool taken;
        } incomplete[] = {
            { dynamicBlock(literalAndEnd, { 1 }, "01"), true }, // 'a', end; one distance code of one bit
            { dynamicBlock(literalAndEnd, { 2 }, "01"), false }, // one distance code of two bits
            { dynamicBlock(literalAndEnd, { 0 }, "01"), true }, // no distance code at all
            { dynamicBlock(onlyEnd, { 1 }, "0"), true }, // an end-of-block code alone, one bit
            { dynamicBlock(literalAndLongEnd, { 1 }, "0100"), false }, // 'a' in one bit, end in two
        };
        for (const auto& c : incomplete) {
            QCOMPARE(bool(zlibInflate(c.stream, 100)), c.taken);
            QCOMPARE(bool(ourInflate(c.stream, 100)), c.taken);
            if (c.taken)
                QCOMPARE(*ourInflate(c.stream, 100), *zlibInflate(c.stream, 100));
        }

        // A piece cut after a sync flush of zlib's, which keeps its window: the second part
        // refers back across the cut, and is refused on its own; the first, finished with an
        // empty final block, stands alone.
        const QByteArray first = text.left(100000);
        z_stream z {};
        deflateInit2(&z, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
        QByteArray stream(400000, Qt::Uninitialized);
        z.next_out = reinterpret_cast<Bytef*>(stream.data());
        z.avail_out = uInt(stream.size());
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(first.constData()));
        z.avail_in = uInt(first.size());
        deflate(&z, Z_SYNC_FLUSH);
        const qsizetype cut = qsizetype(z.total_out);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(first.constData()));
        z.avail_in = uInt(first.size());
        deflate(&z, Z_FINISH);
        stream.resize(qsizetype(z.total_out));
        deflateEnd(&z);
        QVERIFY(stream.mid(cut - 4, 4) == QByteArray("\x00\x00\xff\xff", 4));
        QCOMPARE(*ourInflate(stream, 1 << 20), first + first);
        QCOMPARE(*ourInflate(stream.left(cut) + QByteArray("\x03\x00", 2), 1 << 20), first);
        QVERIFY(!ourInflate(stream.mid(cut), 1 << 20));
        QVERIFY(!zlibInflate(stream.mid(cut), 1 << 20));
    }

    void zipWriterWritesWhatEveryReaderReads()
    {
        // Our container, read by Python's zipfile (FastCMS), Info-ZIP's unzip and our reader:
        // stored and DEFLATE entries, a UTF-8 name, DOS times at both ends of their range, and
        // more entries than the classic end record can count.
        QByteArray text;
        while (text.size() < 200000)
            text += "a line of text for the archive, ";
        QTemporaryDir dir;
        for (const bool zip64 : { false, true }) {
            const QString path = dir.filePath(zip64 ? QStringLiteral("64.zip") : QStringLiteral("32.zip"));
            OutputFile file(path);
            QVERIFY(file.open(files::ownerOnly));
            ZipWriter zip(file, zip64);
            const auto add = [&](const QString& name, const QDateTime& time, const QByteArray& data,
                                 bool deflate) {
                QByteArray packed = data;
                if (deflate) {
                    libdeflate_compressor* c = libdeflate_alloc_compressor(5);
                    packed.resize(qsizetype(libdeflate_deflate_compress_bound(c, size_t(data.size()))));
                    packed.resize(qsizetype(libdeflate_deflate_compress(
                        c, data.constData(), size_t(data.size()), packed.data(), size_t(packed.size()))));
                    libdeflate_free_compressor(c);
                }
                return zip.begin(
                           { name, time, deflate ? ZipWriter::Deflated : ZipWriter::Stored, 0100644, false })
                    && zip.write(packed.constData(), packed.size())
                    && zip.end(quint32(::crc32(
                                   0, reinterpret_cast<const Bytef*>(data.constData()), uInt(data.size()))),
                        quint64(data.size()));
            };
            const QString utf8Name = QStringLiteral("caf\u00e9/men\u00fc.txt");
            QVERIFY(
                add(QStringLiteral("old.txt"), QDateTime(QDate(1970, 1, 2), QTime(3, 4, 5)), "hello", false));
            QVERIFY(add(utf8Name, QDateTime(QDate(2030, 6, 7), QTime(8, 9, 10)), text, true));
            QVERIFY(add(QStringLiteral("future.txt"), QDateTime(QDate(2200, 1, 1), QTime(0, 0)), QByteArray(),
                false));
            const int many = zip64 ? 0 : 70000; // past 65,535: the ZIP64 end records even without zip64
            for (int i = 0; i < many; ++i)
                QVERIFY(add(QStringLiteral("many/%1").arg(i), QDateTime(QDate(2025, 1, 1), QTime(0, 0)),
                    QByteArray(), false));
            QVERIFY(zip.finish());
            QVERIFY(file.finish());

            const auto py = test::runPython({ QStringLiteral("zip_entries.py"), path });
            QVERIFY2(py.exitCode == 0, py.err.constData());
            const QJsonObject report = py.json();
            QCOMPARE(report.value(QStringLiteral("count")).toInt(), 3 + many);
            QVERIFY(report.value(QStringLiteral("testzip")).isNull());
            const QJsonArray entries = report.value(QStringLiteral("entries")).toArray();
            const auto field
                = [&](int i, const char* key) { return entries.at(i).toObject().value(QLatin1String(key)); };
            const auto date = [&](int i) {
                QList<int> parts;
                for (const QJsonValue v : field(i, "date").toArray())
                    parts.append(v.toInt());
                return parts;
            };
            QCOMPARE(date(0), (QList<int> { 1980, 1, 1, 0, 0, 0 }));
            QCOMPARE(date(1), (QList<int> { 2030, 6, 7, 8, 9, 10 }));
            QCOMPARE(date(2), (QList<int> { 2107, 12, 31, 23, 59, 58 }));
            QCOMPARE(field(0, "data").toString(), QStringLiteral("hello"));
            QCOMPARE(field(0, "method").toInt(), 0);
            QCOMPARE(field(0, "mode").toInt(), 0100644);
            QCOMPARE(field(0, "version").toInt(), zip64 ? 45 : 10);
            QCOMPARE(field(1, "name").toString(), utf8Name);
            QCOMPARE(field(1, "flags").toInt() & 0x800, 0x800);
            QCOMPARE(field(1, "method").toInt(), 8);
            QCOMPARE(field(1, "version").toInt(), zip64 ? 45 : 20);
            QCOMPARE(field(1, "data").toString().toLatin1(), text);
            QProcess unzip;
            unzip.start(QStringLiteral("unzip"), { QStringLiteral("-tq"), path });
            QVERIFY(unzip.waitForFinished(60000));
            QVERIFY2(unzip.exitCode() == 0, unzip.readAllStandardOutput().constData());
            QCOMPARE(*archive::readEntry(path, utf8Name, 1 << 20), text);
            QCOMPARE(*archive::readEntry(path, QStringLiteral("old.txt"), 1 << 20), QByteArray("hello"));
        }
    }

    void outputFileWritesWhatItWasGiven()
    {
        // Appends of every size across small buffers, and bytes written before overwritten:
        // still in the buffer, already in the file, and across the two. Straight to the disk
        // where the file system takes it, and the ordinary way; the file is byte for byte
        // what was given, owner-only, and never replaces a file that exists.
        QTemporaryDir dir;
        struct statfs fs
        {
        };
        QVERIFY(::statfs(qPrintable(dir.path()), &fs) == 0);
        const bool takesDirect = quint32(fs.f_type) == 0xEF53 || quint32(fs.f_type) == 0x58465342
            || quint32(fs.f_type) == 0x9123683E; // ext4, XFS, Btrfs
        QRandomGenerator random(7);
        for (const bool direct : { true, false }) {
            const QString path
                = dir.filePath(direct ? QStringLiteral("direct.bin") : QStringLiteral("ordinary.bin"));
            OutputFile out(path, { direct, 64 << 10 });
            QVERIFY(out.open(files::ownerOnly));
            QByteArray expected;
            for (int round = 0; round < 300; ++round) {
                const int size = round % 50 == 0 ? 300000 : int(random.bounded(20000));
                QByteArray bytes(size, Qt::Uninitialized);
                for (char& c : bytes)
                    c = char(random.bounded(256));
                QVERIFY(out.write(bytes));
                expected += bytes;
                QCOMPARE(out.size(), expected.size());
                if (round % 3 == 0 && !expected.isEmpty()) {
                    // Anywhere before the end: often in the file already, sometimes across.
                    const qint64 at = random.bounded(expected.size());
                    const qint64 length = qMin<qint64>(random.bounded(1, 200000), expected.size() - at);
                    const QByteArray patch(length, char('a' + round % 26));
                    QVERIFY(out.overwrite(at, patch.constData(), length));
                    expected.replace(at, length, patch);
                }
            }
            QVERIFY(!out.overwrite(expected.size() - 4, "12345", 5)); // past the end: refused
            QVERIFY(out.finish());
            QCOMPARE(test::fileBytes(path), expected);
            QCOMPARE(QFileInfo(path).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                files::ownerOnly);
            if (!direct)
                QCOMPARE(out.directBytes(), 0);
            else if (takesDirect)
                QVERIFY(out.directBytes() >= expected.size() - (64 << 10));
            else
                qInfo("O_DIRECT not checked: %s is on another file system", qPrintable(dir.path()));

            OutputFile again(path);
            QVERIFY(!again.open(files::ownerOnly));
            QCOMPARE(test::fileBytes(path), expected);
        }

        // A write the system refuses (a file size limit, as a quota would) is an error, not a
        // short file reported as written.
        const test::FileSizeLimit limit(1 << 20);
        QVERIFY(limit.active());
        for (const bool direct : { true, false }) {
            OutputFile out(
                dir.filePath(direct ? QStringLiteral("limited-direct.bin") : QStringLiteral("limited.bin")),
                { direct, 256 << 10 });
            QVERIFY(out.open(files::ownerOnly));
            const QByteArray block(100000, 'x');
            bool written = true;
            for (int i = 0; i < 20 && written; ++i)
                written = out.write(block);
            if (written)
                written = out.finish();
            QVERIFY(!written);
            QVERIFY(!out.errorString().isEmpty());
            QVERIFY(!out.noSpace());
        }
    }

    void timesFromNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QDateTime>("time");
        const QDateTime t(QDate(2025, 1, 15), QTime(10, 0, 7), Qt::UTC);
        QTest::newRow("plain") << QStringLiteral("backup_20250115_100007.zip") << t;
        QTest::newRow("same second") << QStringLiteral("backup_20250115_100007_12.zip") << t;
        QTest::newRow("empty suffix") << QStringLiteral("backup_20250115_100007_.zip") << QDateTime();
        QTest::newRow("letter suffix") << QStringLiteral("backup_20250115_100007_x.zip") << QDateTime();
        QTest::newRow("no such day") << QStringLiteral("backup_20250230_100007.zip") << QDateTime();
        QTest::newRow("no such hour") << QStringLiteral("backup_20250115_250007.zip") << QDateTime();
        QTest::newRow("short") << QStringLiteral("backup_2025011_100007.zip") << QDateTime();
        QTest::newRow("other digits") << QStringLiteral("backup_2025011\u0665_100007.zip") << QDateTime();
        QTest::newRow("other name") << QStringLiteral("nightly_20250115_100007.zip") << QDateTime();
        QTest::newRow("no zip") << QStringLiteral("backup_20250115_100007.tar") << QDateTime();
        QTest::newRow("long suffix") << QStringLiteral("backup_20250115_100007_123456789012345678901234.zip")
                                     << t;
        QTest::newRow("leap day") << QStringLiteral("backup_20240229_235959.zip")
                                  << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC);
        QTest::newRow("leap century") << QStringLiteral("backup_20000229_000000.zip")
                                      << QDateTime(QDate(2000, 2, 29), QTime(0, 0), Qt::UTC);
        QTest::newRow("no leap day") << QStringLiteral("backup_20230229_100007.zip") << QDateTime();
        QTest::newRow("no leap century") << QStringLiteral("backup_19000229_100007.zip") << QDateTime();
        QTest::newRow("year zero") << QStringLiteral("backup_00000115_100007.zip") << QDateTime();
        QTest::newRow("month 13") << QStringLiteral("backup_20251315_100007.zip") << QDateTime();
        QTest::newRow("second 60") << QStringLiteral("backup_20250115_100060.zip") << QDateTime();
        QTest::newRow("long ago") << QStringLiteral("backup_16010101_000000.zip")
                                  << QDateTime(QDate(1601, 1, 1), QTime(0, 0), Qt::UTC);
        QTest::newRow("far ahead") << QStringLiteral("backup_99991231_235959.zip")
                                   << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC);
    }

    void timesFromNames()
    {
        QFETCH(QString, name);
        QFETCH(QDateTime, time);
        const auto parsed = BackupName::timeFromName(name);
        QCOMPARE(parsed.value_or(QDateTime()), time);
    }

    void plainNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("fastcms") << QStringLiteral("backup_20250115_100000.zip") << true;
        QTest::newRow("any zip") << QStringLiteral("nightly.zip") << true;
        QTest::newRow("slash") << QStringLiteral("../backup_20250115_100000.zip") << false;
        QTest::newRow("subdir") << QStringLiteral("x/backup.zip") << false;
        QTest::newRow("backslash") << QStringLiteral("x\\backup.zip") << false;
        QTest::newRow("dotdot") << QStringLiteral("..zip") << false;
        QTest::newRow("hidden") << QStringLiteral(".restore_pending") << false;
        QTest::newRow("suffix") << QStringLiteral("backup_20250115_100000.tar") << false;
        QTest::newRow("double suffix") << QStringLiteral("backup.zip.part") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("bare suffix") << QStringLiteral(".zip") << false;
    }
    void plainNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, accepted);
        const auto checked = BackupName::checkPlainZipName(name);
        QCOMPARE(bool(checked), accepted);
        if (!accepted) {
            QCOMPARE(checked.error().code, ErrorCode::Usage);
            QVERIFY(!checked.error().message.isEmpty());
        }
    }

    void createdAtForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime base(QDate(2025, 12, 2), QTime(8, 43, 40), Qt::UTC);
        QTest::newRow("naive micro") << QStringLiteral("2025-12-02T08:43:40.367143") << base.addMSecs(367);
        QTest::newRow("naive") << QStringLiteral("2025-12-02T08:43:40") << base;
        QTest::newRow("offset") << QStringLiteral("2025-12-02T08:43:40.367143+00:00") << base.addMSecs(367);
        QTest::newRow("other offset") << QStringLiteral("2025-12-02T09:43:40+01:00") << base;
        QTest::newRow("zulu") << QStringLiteral("2025-12-02T08:43:40Z") << base;
    }
    void createdAtForms()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const auto parsed = pyjson::parseIsoTime(text);
        QVERIFY(parsed);
        QCOMPARE(*parsed, expected);
    }

    void garbageTimesAreRejected()
    {
        QVERIFY(!pyjson::parseIsoTime(QStringLiteral("yesterday")));
        QVERIFY(!pyjson::parseIsoTime(QStringLiteral("2025-13-02T08:43:40")));
        QVERIFY(!Metadata::fromJson("{\"created_at\": \"soon\"}"));
        QVERIFY(!Metadata::fromJson("[1,2]"));
        QCOMPARE(Metadata::fromJson("not json").error().code, ErrorCode::BadArchive);
    }

    void metadataMatchesFastCmsBytes()
    {
        // metadata.json from an archive FastCMS wrote: same keys, order, indent, no newline.
        const auto fixture
            = archive::readEntry(test::dataPath(QStringLiteral("fastcms_backup_20261126_051757.zip")),
                QStringLiteral("metadata.json"));
        QVERIFY(fixture);
        const auto parsed = Metadata::fromJson(*fixture);
        QVERIFY(parsed);
        QCOMPARE(parsed->backupName, QStringLiteral("backup_20261126_051757"));
        QVERIFY(!parsed->isOurs());
        QCOMPARE(parsed->toJson(), *fixture);
    }

    void markerMatchesFastCmsBytes()
    {
        const QString path = test::dataPath(QStringLiteral("fastcms_restore_pending.json"));
        const auto marker = RestoreMarker::read(path);
        QVERIFY(marker);
        QCOMPARE(marker->stagingPath, QStringLiteral("data/backups/restore_staging"));
        QCOMPARE(marker->toJson(), test::fileBytes(path));
    }

    void markerStagingPathIsRelativeToServerDir()
    {
        const DataFolder folder(QStringLiteral("/srv/fastcms/data"));
        QCOMPARE(folder.stagingPathForMarker(), QStringLiteral("data/backups/restore_staging"));
    }

    void pythonStyleEscaping()
    {
        const QByteArray json
            = pyjson::dump({ { QStringLiteral("k"), QStringLiteral("é\"\n") }, { QStringLiteral("n"), 3 } });
        QCOMPARE(json, QByteArray("{\n  \"k\": \"\\u00e9\\\"\\n\",\n  \"n\": 3\n}"));
    }

    // libcrypto is opened at run time, the first time a hash starts; without it, Qt's hash.
    void sha256EnginesAgree()
    {
        QVERIFY(Sha256::fastestAvailable()); // this machine has it: the fast path is the one taken
        QCOMPARE(Sha256::hex("abc", 3),
            QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QRandomGenerator random(7);
        for (const qsizetype size : { qsizetype(0), qsizetype(1), qsizetype(63), qsizetype(64), qsizetype(65),
                 qsizetype((1 << 20) + 3) }) {
            QByteArray data(size, Qt::Uninitialized);
            for (char& c : data)
                c = char(random.bounded(256));
            Sha256 fast;
            Sha256 qt(Sha256::Engine::Qt);
            QVERIFY(fast.usesFastest());
            QVERIFY(!qt.usesFastest());
            for (qsizetype at = 0; at < size;) {
                const qsizetype piece = qMin<qsizetype>(size - at, random.bounded(1, 100000));
                fast.add(data.constData() + at, piece);
                qt.add(data.constData() + at, piece);
                at += piece;
            }
            const QByteArray expected = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
            QCOMPARE(fast.hex(), expected);
            QCOMPARE(qt.hex(), expected);
        }
    }

    void sha256SumsRoundTrip()
    {
        const QList<QPair<QString, QByteArray>> digests {
            { QStringLiteral("database.db"), QByteArray(64, 'a') },
            { QStringLiteral("files/odd\\name\nline.txt"), QByteArray(64, 'b') },
        };
        const QByteArray text = formatSha256Sums(digests);
        QVERIFY(text.startsWith(QByteArray(QByteArray(64, 'a') + "  database.db\n")));
        QVERIFY(text.contains(QByteArray("\\" + QByteArray(64, 'b') + "  files/odd\\\\name\\nline.txt\n")));
        const auto parsed = parseSha256Sums(text);
        QVERIFY(parsed);
        QCOMPARE(*parsed, digests);
        QVERIFY(!parseSha256Sums("not a checksum line\n"));
    }
};

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
