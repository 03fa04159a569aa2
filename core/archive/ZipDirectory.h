#pragma once

#include "archive/ZipFormat.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <expected>
#include <optional>

class QFile;

namespace fcb::zipdir {

// The zip container's structure as every reader sees it: the end records, the central directory
// and each entry's local header, read without QuaZip so that one strict reading serves
// verification, staging and listing alike. Refuses what Python's zipfile refuses (encrypted and
// patched entries, names falsely flagged UTF-8, corrupt extra fields) and, where FastCMS's reader
// would trust the wrong copy, also a local header that disagrees with the directory.

// Where an archive's bytes come from: its file, or memory (the fuzz targets).
class Source
{
public:
    virtual ~Source() = default;
    virtual qint64 size() const = 0;
    // Exactly `count` bytes from `offset`, or nothing.
    virtual std::optional<QByteArray> read(qint64 offset, qint64 count) = 0;
};

class FileSource final : public Source
{
public:
    explicit FileSource(QFile& file);
    qint64 size() const override { return m_size; }
    std::optional<QByteArray> read(qint64 offset, qint64 count) override;

private:
    QFile& m_file;
    qint64 m_size = 0;
};

class MemorySource final : public Source
{
public:
    explicit MemorySource(QByteArrayView bytes)
        : m_bytes(bytes)
    { }
    qint64 size() const override { return m_bytes.size(); }
    std::optional<QByteArray> read(qint64 offset, qint64 count) override;

private:
    QByteArrayView m_bytes;
};

// What is wrong with an archive; the reader puts it into words.
struct Problem
{
    enum Kind
    {
        Malformed, // not a zip, truncated, or a record that contradicts itself
        Encrypted, // an entry is encrypted (traditional or strong), or its header values masked
        NotUtf8, // an entry's name is flagged UTF-8 but is not
        Duplicate, // two entries share a name
        Mismatch, // an entry's local header disagrees with its central directory record
    };
    Kind kind = Malformed;
    QByteArray entry; // the entry's name as stored, where one entry is concerned
    QString detail; // technical: which field, which values
};

template <typename T> using Checked = std::expected<T, Problem>;

namespace flag = zipformat::flag;

// Where the central directory lies, from the end records.
struct Layout
{
    qint64 fileSize = 0;
    quint64 count = 0; // records the end record promises
    quint64 directoryAt = 0; // in the file, bytes before the archive included
    quint64 directorySize = 0;
    quint64 shift = 0; // bytes before the archive (a self-extractor's stub)
};

// One central directory record, with its ZIP64 values applied.
struct Record
{
    QByteArrayView name; // as stored; points into the walk's window (or the keeper's copy)
    quint16 flags = 0;
    quint16 method = 0;
    quint32 crc = 0;
    quint64 compressedSize = 0;
    quint64 size = 0;
    quint64 localOffset = 0; // in the file, the shift included
    quint32 externalAttr = 0;
    // Last modified, as MS-DOS stores it: local time, no zone, two-second steps.
    quint16 dosTime = 0;
    quint16 dosDate = 0;
};

Checked<Layout> findDirectory(Source& source);

// The records one at a time, read in windows: a directory's size comes from the file, so it is
// never trusted with one allocation. Every record is checked as it is read.
class Walk
{
public:
    Walk(Source& source, const Layout& layout);
    // The next record (its name valid until the next call), false after the last one (once the
    // records have filled the directory exactly), or the problem with the archive.
    Checked<bool> next(Record& record);

private:
    const uchar* bytesAt(quint64 at, quint64 count);

    Source& m_source;
    Layout m_layout;
    QByteArray m_window;
    quint64 m_windowAt = 0;
    quint64 m_at = 0;
    quint64 m_index = 0;
};

// Reads the entry's local header and checks it against the record: the same name bytes,
// compression method and flags, and (without a data descriptor) the same CRC-32 and sizes; its
// data must end before the central directory. Returns where the data begins.
Checked<quint64> locateData(Source& source, const Layout& layout, const Record& record);

// Strict UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF.
bool isValidUtf8(QByteArrayView bytes);

// An entry's name as the archive means it: UTF-8 where flagged (callers check it first), and
// otherwise read as UTF-8 as well, as the platform's zip tools write it.
QString decodeName(const Record& record);

} // namespace fcb::zipdir
