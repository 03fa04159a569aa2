#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace fcb {

// A new file written from start to end, with bytes written earlier patched now and then (a
// zip's local headers get their CRC and sizes once the entry's data is written).
//
// Writes leave in large aligned blocks straight for the disk (O_DIRECT) where the file system
// takes them: an archive of hundreds of MB then costs no copies into the page cache, and it
// does not push the server's own data out of it. Where O_DIRECT is refused (tmpfs, some
// network file systems, a device with larger blocks) the same blocks are written the ordinary
// way, with write-back started as they go so that finish() has little left to wait for.
class OutputFile
{
public:
    struct Options
    {
        bool direct = true; // false: ordinary writes only
        qint64 buffer = qint64(8) << 20; // a multiple of kAlignment
    };
    static constexpr qint64 kAlignment = 4096;

    explicit OutputFile(const QString& path);
    OutputFile(const QString& path, Options options);
    ~OutputFile(); // the file is closed (without syncing it) unless finish() did
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Creates the file, which must not exist yet.
    bool open(QFileDevice::Permissions permissions);
    bool write(const char* data, qint64 size);
    bool write(const QByteArray& bytes) { return write(bytes.constData(), bytes.size()); }
    // Overwrites bytes written before: [at, at + size) within size().
    bool overwrite(qint64 at, const char* data, qint64 size);
    // Everything written out and on disk (fsync), and the file closed.
    bool finish();

    qint64 size() const { return m_start + m_fill; }
    // How many of the bytes written so far went straight to the disk.
    qint64 directBytes() const { return m_directBytes; }
    QString errorString() const { return m_error; }
    // The last failure was a full disk or an exhausted quota.
    bool noSpace() const { return m_noSpace; }

private:
    bool flushBuffer();
    bool writeAt(const char* data, qint64 size, qint64 at);
    bool setDirect(bool on);
    bool failed(int err);

    QFile m_file; // creates the file and owns its descriptor
    Options m_options;
    int m_fd = -1; // m_file's, while open
    bool m_direct = false;
    char* m_buffer = nullptr; // kAlignment-aligned, m_options.buffer bytes
    qint64 m_start = 0; // where the buffer's first byte goes in the file
    qint64 m_fill = 0;
    qint64 m_directBytes = 0;
    QString m_error;
    bool m_noSpace = false;
};

} // namespace fcb
