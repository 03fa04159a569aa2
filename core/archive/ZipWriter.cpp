#include "ZipWriter.h"

#include "OutputFile.h"
#include "ZipFormat.h"

#include <QtEndian>

namespace fcb {

namespace {

using namespace zipformat;

constexpr quint16 kMadeBy = 3 << 8 | 30; // Unix, zip 3.0

// Little-endian fields appended in order.
class Fields
{
public:
    Fields& u16(quint16 v) { return put(v); }
    Fields& u32(quint32 v) { return put(v); }
    Fields& u64(quint64 v) { return put(v); }
    Fields& bytes(const QByteArray& b)
    {
        m_data += b;
        return *this;
    }
    const QByteArray& data() const { return m_data; }

private:
    template <typename T> Fields& put(T v)
    {
        uchar raw[sizeof(T)];
        qToLittleEndian(v, raw);
        m_data.append(reinterpret_cast<const char*>(raw), sizeof(T));
        return *this;
    }
    QByteArray m_data;
};

bool isAscii(const QByteArray& name)
{
    for (const char c : name)
        if (uchar(c) > 0x7f)
            return false;
    return true;
}

quint16 versionNeeded(quint16 method, bool zip64)
{
    return zip64 ? 45 : method == ZipWriter::Deflated ? 20 : 10;
}

} // namespace

ZipWriter::ZipWriter(OutputFile& file, bool zip64)
    : m_file(file)
    , m_zip64(zip64)
{ }

bool ZipWriter::failed()
{
    m_noSpace = m_file.noSpace();
    m_error = m_file.errorString();
    return false;
}

bool ZipWriter::put(const QByteArray& bytes)
{
    if (!m_file.write(bytes))
        return failed();
    m_position += quint64(bytes.size());
    return true;
}

bool ZipWriter::begin(const Entry& entry)
{
    Written w;
    w.name = entry.name.toUtf8();
    if (w.name.isEmpty() || w.name.size() > 0xffff) {
        m_error = QStringLiteral("entry name of %1 bytes").arg(w.name.size());
        return false;
    }
    w.flags = isAscii(w.name) ? 0 : flag::utf8; // otherwise Python's zipfile reads names as cp437
    w.method = entry.method;
    // DOS time: local, two-second steps, 1980 to 2107.
    QDateTime t = entry.time.toLocalTime();
    const QDate date = t.date();
    if (!date.isValid() || date.year() < 1980)
        t = QDateTime(QDate(1980, 1, 1), QTime(0, 0));
    else if (date.year() > 2107)
        t = QDateTime(QDate(2107, 12, 31), QTime(23, 59, 58));
    w.dosDate = quint16((t.date().year() - 1980) << 9 | t.date().month() << 5 | t.date().day());
    w.dosTime = quint16(t.time().hour() << 11 | t.time().minute() << 5 | t.time().second() / 2);
    w.offset = m_position;
    w.unixMode = entry.unixMode;
    w.zip64 = m_zip64 || entry.large;

    // CRC and sizes are written back at end(); a ZIP64 entry keeps them in its extra field.
    Fields header;
    header.u32(kLocalHeader)
        .u16(versionNeeded(w.method, w.zip64))
        .u16(w.flags)
        .u16(w.method)
        .u16(w.dosTime)
        .u16(w.dosDate)
        .u32(0)
        .u32(w.zip64 ? kAllOnes : 0)
        .u32(w.zip64 ? kAllOnes : 0)
        .u16(quint16(w.name.size()))
        .u16(w.zip64 ? 20 : 0)
        .bytes(w.name);
    if (w.zip64)
        header.u16(kZip64Extra).u16(16).u64(0).u64(0);
    if (!put(header.data()))
        return false;
    m_entries.append(w);
    m_open = true;
    return true;
}

bool ZipWriter::write(const char* data, qint64 size)
{
    Q_ASSERT(m_open);
    if (!m_file.write(data, size))
        return failed();
    m_position += quint64(size);
    m_entries.last().packed += quint64(size);
    return true;
}

bool ZipWriter::end(quint32 crc, quint64 size)
{
    Q_ASSERT(m_open);
    m_open = false;
    Written& w = m_entries.last();
    w.crc = crc;
    w.size = size;
    if (!w.zip64 && (w.size >= kAllOnes || w.packed >= kAllOnes)) {
        m_error = QStringLiteral("entry of %1 bytes without ZIP64").arg(w.size);
        return false;
    }
    // Back to the header: the CRC at 14, the sizes after it or in the extra field.
    Fields fields;
    fields.u32(crc);
    qint64 at = qint64(w.offset) + 14;
    if (!w.zip64) {
        fields.u32(quint32(w.packed)).u32(quint32(size));
    }
    if (!m_file.overwrite(at, fields.data().constData(), fields.data().size()))
        return failed();
    if (w.zip64) {
        Fields sizes;
        sizes.u64(size).u64(w.packed);
        at = qint64(w.offset) + 30 + w.name.size() + 4;
        if (!m_file.overwrite(at, sizes.data().constData(), sizes.data().size()))
            return failed();
    }
    return true;
}

bool ZipWriter::finish()
{
    Q_ASSERT(!m_open);
    const quint64 directoryAt = m_position;
    Fields directory;
    for (const Written& w : std::as_const(m_entries)) {
        // ZIP64 values, in this order, for the fields that read all ones.
        const bool size64 = w.zip64 || w.size >= kAllOnes;
        const bool packed64 = w.zip64 || w.packed >= kAllOnes;
        const bool offset64 = w.zip64 || w.offset >= kAllOnes;
        Fields extra;
        if (size64 || packed64 || offset64) {
            Fields values;
            if (size64)
                values.u64(w.size);
            if (packed64)
                values.u64(w.packed);
            if (offset64)
                values.u64(w.offset);
            extra.u16(kZip64Extra).u16(quint16(values.data().size())).bytes(values.data());
        }
        directory.u32(kCentralHeader)
            .u16(kMadeBy)
            .u16(versionNeeded(w.method, w.zip64 || offset64))
            .u16(w.flags)
            .u16(w.method)
            .u16(w.dosTime)
            .u16(w.dosDate)
            .u32(w.crc)
            .u32(packed64 ? kAllOnes : quint32(w.packed))
            .u32(size64 ? kAllOnes : quint32(w.size))
            .u16(quint16(w.name.size()))
            .u16(quint16(extra.data().size()))
            .u16(0) // comment
            .u16(0) // disk
            .u16(0) // internal attributes
            .u32(w.unixMode << 16)
            .u32(offset64 ? kAllOnes : quint32(w.offset))
            .bytes(w.name)
            .bytes(extra.data());
        if (directory.data().size() >= (1 << 20)) {
            if (!put(directory.data()))
                return false;
            directory = Fields();
        }
    }
    if (!put(directory.data()))
        return false;
    const quint64 directorySize = m_position - directoryAt;
    const quint64 count = quint64(m_entries.size());
    const bool zip64End = m_zip64 || count >= 0xffff || directoryAt >= kAllOnes || directorySize >= kAllOnes;
    Fields end;
    if (zip64End) {
        const quint64 recordAt = m_position;
        end.u32(kZip64End)
            .u64(44) // the record's size after this field
            .u16(kMadeBy)
            .u16(45)
            .u32(0)
            .u32(0)
            .u64(count)
            .u64(count)
            .u64(directorySize)
            .u64(directoryAt);
        end.u32(kZip64Locator).u32(0).u64(recordAt).u32(1);
    }
    // With the ZIP64 records, every field they hold reads all ones here.
    end.u32(kEnd)
        .u16(0)
        .u16(0)
        .u16(zip64End ? 0xffff : quint16(count))
        .u16(zip64End ? 0xffff : quint16(count))
        .u32(zip64End ? kAllOnes : quint32(directorySize))
        .u32(zip64End ? kAllOnes : quint32(directoryAt))
        .u16(0);
    return put(end.data());
}

} // namespace fcb
