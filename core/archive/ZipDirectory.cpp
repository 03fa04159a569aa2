#include "ZipDirectory.h"

#include <QFile>
#include <QtEndian>

#include <cstring>

namespace fcb::zipdir {

namespace {

using namespace zipformat;

constexpr quint64 kEndSize = 22;
constexpr quint64 kLocatorSize = 20;
constexpr quint64 kZip64EndSize = 56;
constexpr quint64 kCentralSize = 46;
constexpr quint64 kLocalSize = 30;

quint16 u16(const uchar* p)
{
    return qFromLittleEndian<quint16>(p);
}
quint32 u32(const uchar* p)
{
    return qFromLittleEndian<quint32>(p);
}
quint64 u64(const uchar* p)
{
    return qFromLittleEndian<quint64>(p);
}
const uchar* bytes(const QByteArray& b)
{
    return reinterpret_cast<const uchar*>(b.constData());
}

std::unexpected<Problem> problem(Problem::Kind kind, QByteArrayView entry, const QString& detail)
{
    return std::unexpected(Problem { kind, entry.toByteArray(), detail });
}

std::unexpected<Problem> malformed(const QString& detail, QByteArrayView entry = {})
{
    return problem(Problem::Malformed, entry, detail);
}

// The ZIP64 extended information of an extra field area: the 64-bit values, in this order, of
// the fields that read all ones. False when it is needed and too short, or the area's fields
// overrun it (Python's zipfile refuses those too).
bool applyZip64(const uchar* extra, quint64 length, std::initializer_list<quint64*> fields, QString* why)
{
    for (quint64 x = 0; x + 4 <= length;) {
        const quint16 id = u16(extra + x);
        const quint64 end = x + 4 + u16(extra + x + 2);
        if (end > length) {
            *why = QStringLiteral("extra field %1 overruns its area").arg(id, 4, 16, QLatin1Char('0'));
            return false;
        }
        if (id == kZip64Extra) {
            quint64 v = x + 4;
            for (quint64* field : fields) {
                if (*field != kAllOnes)
                    continue;
                if (v + 8 > end) {
                    *why = QStringLiteral("ZIP64 extra field too short");
                    return false;
                }
                *field = u64(extra + v);
                v += 8;
            }
            return true;
        }
        x = end;
    }
    return true;
}

} // namespace

FileSource::FileSource(QFile& file)
    : m_file(file)
    , m_size(file.size())
{ }

std::optional<QByteArray> FileSource::read(qint64 offset, qint64 count)
{
    if (offset < 0 || count < 0 || offset > m_size || count > m_size - offset || !m_file.seek(offset))
        return std::nullopt;
    QByteArray out = m_file.read(count);
    if (out.size() != count)
        return std::nullopt;
    return out;
}

std::optional<QByteArray> MemorySource::read(qint64 offset, qint64 count)
{
    if (offset < 0 || count < 0 || offset > m_bytes.size() || count > m_bytes.size() - offset)
        return std::nullopt;
    return m_bytes.sliced(offset, count).toByteArray();
}

Checked<Layout> findDirectory(Source& source)
{
    Layout layout;
    layout.fileSize = source.size();
    // The end record: in the last 22 bytes, or before a comment of up to 64 KiB.
    const qint64 tailSize = qMin<qint64>(layout.fileSize, kEndSize + 0xffff);
    if (tailSize < qint64(kEndSize))
        return malformed(QStringLiteral("%1 bytes: too short for a zip").arg(layout.fileSize));
    const auto tail = source.read(layout.fileSize - tailSize, tailSize);
    if (!tail)
        return malformed(QStringLiteral("the end of the file cannot be read"));
    const uchar* t = bytes(*tail);
    qint64 end = -1;
    for (qint64 i = tailSize - qint64(kEndSize); i >= 0; --i) {
        // The comment the record announces must fit in the file after it.
        if (u32(t + i) == kEnd && i + qint64(kEndSize) + u16(t + i + 20) <= tailSize) {
            end = i;
            break;
        }
    }
    if (end < 0)
        return malformed(QStringLiteral("no end of central directory record"));
    const uchar* e = t + end;
    quint64 disk = u16(e + 4), directoryDisk = u16(e + 6), onThisDisk = u16(e + 8);
    quint64 count = u16(e + 10);
    quint64 directorySize = u32(e + 12);
    quint64 directoryOffset = u32(e + 16);
    qint64 endAt = layout.fileSize - tailSize + end;
    qint64 directoryEnd = endAt;
    if (count == 0xffff || onThisDisk == 0xffff || directorySize == kAllOnes || directoryOffset == kAllOnes) {
        // ZIP64: the locator sits right before the record, and the ZIP64 record right before
        // it (where Python's zipfile looks, whatever offset the locator gives: bytes before the
        // archive would shift that). Without a locator (exactly 65,535 entries, say), the values
        // above are the real ones.
        const qint64 recordAt = endAt - qint64(kLocatorSize + kZip64EndSize);
        const auto locator = endAt >= qint64(kLocatorSize)
            ? source.read(endAt - qint64(kLocatorSize), kLocatorSize)
            : std::nullopt;
        if (locator && u32(bytes(*locator)) == kZip64Locator) {
            const uchar* l = bytes(*locator);
            if (u32(l + 4) != 0 || u32(l + 16) > 1)
                return malformed(QStringLiteral("spans several disks"));
            const auto record = recordAt >= 0 ? source.read(recordAt, kZip64EndSize) : std::nullopt;
            if (!record || u32(bytes(*record)) != kZip64End)
                return malformed(QStringLiteral("no ZIP64 end record before its locator"));
            const uchar* r = bytes(*record);
            disk = u32(r + 16);
            directoryDisk = u32(r + 20);
            onThisDisk = u64(r + 24);
            count = u64(r + 32);
            directorySize = u64(r + 40);
            directoryOffset = u64(r + 48);
            directoryEnd = recordAt;
        }
    }
    if (disk != 0 || directoryDisk != 0 || onThisDisk != count)
        return malformed(QStringLiteral("spans several disks"));
    if (directoryEnd < 0 || directoryOffset > quint64(directoryEnd)
        || directorySize > quint64(directoryEnd) - directoryOffset || count > directorySize / kCentralSize)
        return malformed(QStringLiteral("directory of %1 records, %2 bytes at %3, ending before %4")
                             .arg(count)
                             .arg(directorySize)
                             .arg(directoryOffset)
                             .arg(directoryEnd));
    // Bytes before the archive (a self-extractor's stub) shift every offset, as minizip allows.
    layout.shift = quint64(directoryEnd) - (directoryOffset + directorySize);
    layout.count = count;
    layout.directoryAt = directoryOffset + layout.shift;
    layout.directorySize = directorySize;
    return layout;
}

Walk::Walk(Source& source, const Layout& layout)
    : m_source(source)
    , m_layout(layout)
{ }

const uchar* Walk::bytesAt(quint64 at, quint64 count)
{
    if (count > m_layout.directorySize || at > m_layout.directorySize - count)
        return nullptr;
    if (at < m_windowAt || at + count > m_windowAt + quint64(m_window.size())) {
        const quint64 length = qMin<quint64>(m_layout.directorySize - at, qMax<quint64>(count, 1 << 20));
        auto read = m_source.read(qint64(m_layout.directoryAt + at), qint64(length));
        if (!read)
            return nullptr;
        m_window = std::move(*read);
        m_windowAt = at;
    }
    return bytes(m_window) + (at - m_windowAt);
}

Checked<bool> Walk::next(Record& record)
{
    if (m_index == m_layout.count) {
        if (m_at != m_layout.directorySize)
            return malformed(QStringLiteral("%1 bytes after the last of %2 records in the directory")
                                 .arg(m_layout.directorySize - m_at)
                                 .arg(m_layout.count));
        return false;
    }
    const uchar* fixed = bytesAt(m_at, kCentralSize);
    if (!fixed || u32(fixed) != kCentralHeader)
        return malformed(
            QStringLiteral("no central directory record %1 of %2").arg(m_index + 1).arg(m_layout.count));
    const quint64 nameLength = u16(fixed + 28), extraLength = u16(fixed + 30),
                  commentLength = u16(fixed + 32);
    const uchar* d = bytesAt(m_at, kCentralSize + nameLength + extraLength + commentLength);
    if (!d)
        return malformed(QStringLiteral("central directory record %1 of %2 overruns the directory")
                             .arg(m_index + 1)
                             .arg(m_layout.count));
    record.name = QByteArrayView(d + kCentralSize, qsizetype(nameLength));
    record.flags = u16(d + 8);
    record.method = u16(d + 10);
    record.dosTime = u16(d + 12);
    record.dosDate = u16(d + 14);
    record.crc = u32(d + 16);
    record.compressedSize = u32(d + 20);
    record.size = u32(d + 24);
    record.externalAttr = u32(d + 38);
    quint64 localOffset = u32(d + 42);
    QString why;
    if (!applyZip64(d + kCentralSize + nameLength, extraLength,
            { &record.size, &record.compressedSize, &localOffset }, &why))
        return malformed(why, record.name);
    if (record.flags & (flag::encrypted | flag::strongEncryption | flag::masked))
        return problem(Problem::Encrypted, record.name,
            QStringLiteral("flags %1").arg(record.flags, 4, 16, QLatin1Char('0')));
    if (record.flags & flag::patched)
        return malformed(QStringLiteral("compressed patched data (flag bit 5)"), record.name);
    if ((record.flags & flag::utf8) && !isValidUtf8(record.name))
        return problem(Problem::NotUtf8, record.name, QStringLiteral("name flagged UTF-8 is not"));
    if (localOffset > ~quint64(0) - m_layout.shift)
        return malformed(QStringLiteral("local header offset"), record.name);
    record.localOffset = localOffset + m_layout.shift;
    m_at += kCentralSize + nameLength + extraLength + commentLength;
    ++m_index;
    return true;
}

Checked<quint64> locateData(Source& source, const Layout& layout, const Record& record)
{
    const quint64 nameLength = quint64(record.name.size());
    if (record.localOffset > layout.directoryAt
        || layout.directoryAt - record.localOffset < kLocalSize + nameLength)
        return malformed(
            QStringLiteral("local header at %1, not before the directory").arg(record.localOffset),
            record.name);
    const auto header = source.read(qint64(record.localOffset), qint64(kLocalSize + nameLength));
    if (!header || u32(bytes(*header)) != kLocalHeader)
        return malformed(QStringLiteral("no local header at %1").arg(record.localOffset), record.name);
    const uchar* h = bytes(*header);
    const auto mismatch
        = [&record](const QString& detail) { return problem(Problem::Mismatch, record.name, detail); };
    const quint16 flags = u16(h + 6);
    const quint16 method = u16(h + 8);
    if (flags != record.flags)
        return mismatch(
            QStringLiteral("flags %1 in the local header, %2 in the directory").arg(flags).arg(record.flags));
    if (method != record.method)
        return mismatch(QStringLiteral("method %1 in the local header, %2 in the directory")
                            .arg(method)
                            .arg(record.method));
    if (u16(h + 26) != nameLength
        || std::memcmp(h + kLocalSize, record.name.constData(), size_t(nameLength)) != 0)
        return mismatch(QStringLiteral("the name in the local header differs"));
    const quint64 extraLength = u16(h + 28);
    const quint64 dataAt = record.localOffset + kLocalSize + nameLength + extraLength;
    if (dataAt > layout.directoryAt || record.compressedSize > layout.directoryAt - dataAt)
        return malformed(QStringLiteral("data of %1 bytes at %2 runs into the directory")
                             .arg(record.compressedSize)
                             .arg(dataAt),
            record.name);
    if (!(flags & flag::dataDescriptor)) {
        const quint32 crc = u32(h + 14);
        quint64 compressedSize = u32(h + 18);
        quint64 size = u32(h + 22);
        if (crc != record.crc)
            return mismatch(QStringLiteral("CRC %1 in the local header, %2 in the directory")
                                .arg(crc, 8, 16, QLatin1Char('0'))
                                .arg(record.crc, 8, 16, QLatin1Char('0')));
        if (compressedSize == kAllOnes || size == kAllOnes) {
            const auto extra
                = source.read(qint64(record.localOffset + kLocalSize + nameLength), qint64(extraLength));
            QString why;
            if (!extra)
                return malformed(QStringLiteral("local extra field cannot be read"), record.name);
            if (!applyZip64(bytes(*extra), extraLength, { &size, &compressedSize }, &why))
                return malformed(why, record.name);
        }
        if (size != record.size || compressedSize != record.compressedSize)
            return mismatch(QStringLiteral("sizes %1/%2 in the local header, %3/%4 in the directory")
                                .arg(compressedSize)
                                .arg(size)
                                .arg(record.compressedSize)
                                .arg(record.size));
    }
    return dataAt;
}

bool isValidUtf8(QByteArrayView text)
{
    const auto* p = reinterpret_cast<const uchar*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        const uchar c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int more = 0;
        uchar low = 0x80, high = 0xbf; // the bounds of the first continuation byte
        if (c >= 0xc2 && c <= 0xdf) {
            more = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            more = 2;
            if (c == 0xe0)
                low = 0xa0; // overlong
            else if (c == 0xed)
                high = 0x9f; // surrogates
        } else if (c >= 0xf0 && c <= 0xf4) {
            more = 3;
            if (c == 0xf0)
                low = 0x90; // overlong
            else if (c == 0xf4)
                high = 0x8f; // past U+10FFFF
        } else {
            return false;
        }
        if (end - p <= more || p[1] < low || p[1] > high)
            return false;
        for (int i = 2; i <= more; ++i)
            if ((p[i] & 0xc0) != 0x80)
                return false;
        p += more + 1;
    }
    return true;
}

QString decodeName(const Record& record)
{
    return QString::fromUtf8(record.name);
}

} // namespace fcb::zipdir
