#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace fcb {

// The zip container, written straight to a file: local headers, entry data exactly as given
// (stored, or DEFLATE compressed by the caller), the central directory and the end records.
// Each local header gets its CRC and sizes written back once its data is written, as Python's
// zipfile does on a seekable file, so no data descriptors are needed. With zip64 every entry
// carries ZIP64 fields and the archive ends with the ZIP64 records; without it they are used
// only where a value does not fit (an offset past 4 GiB, 65,535 entries or more).
class OutputFile;

class ZipWriter
{
public:
    // file: open for writing, empty.
    ZipWriter(OutputFile& file, bool zip64);

    enum Method : quint16
    {
        Stored = 0,
        Deflated = 8
    };
    struct Entry
    {
        QString name; // forward slashes; flagged UTF-8 when not ASCII
        QDateTime time; // stored in local time, as zip's DOS fields are
        Method method = Deflated;
        quint32 unixMode = 0100644;
        bool large = false; // may pass 4 GiB: ZIP64 fields even without zip64
    };

    // False on a write error (errorString() says which) or a name longer than zip allows.
    bool begin(const Entry& entry);
    bool write(const char* data, qint64 size);
    // crc and size of the data before compression; the compressed size is what write() took.
    bool end(quint32 crc, quint64 size);
    bool finish();

    QString errorString() const { return m_error; }
    // A full disk, rather than another failure.
    bool noSpace() const { return m_noSpace; }

private:
    struct Written
    {
        QByteArray name;
        quint16 flags = 0;
        quint16 method = 0;
        quint16 dosTime = 0;
        quint16 dosDate = 0;
        quint32 crc = 0;
        quint64 packed = 0;
        quint64 size = 0;
        quint64 offset = 0;
        quint32 unixMode = 0;
        bool zip64 = false;
    };

    bool put(const QByteArray& bytes);
    bool failed();

    OutputFile& m_file;
    bool m_zip64;
    quint64 m_position = 0;
    QList<Written> m_entries;
    bool m_open = false;
    QString m_error;
    bool m_noSpace = false;
};

} // namespace fcb
