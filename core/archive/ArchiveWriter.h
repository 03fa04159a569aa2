#pragma once

#include "Error.h"
#include "TaskContext.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>

#include "archive/OutputFile.h"
#include <QList>
#include <QPair>
#include <QString>

#include <future>
#include <memory>

namespace fcb {

class ZipWriter;

// Progress across all entries of one job, in bytes.
struct ByteProgress
{
    TaskContext* task = nullptr;
    qint64 done = 0;
    qint64 total = 0;
    QString text;
    void add(qint64 bytes)
    {
        done += bytes;
        if (task)
            task->report(done, total, text);
    }
};

// Writes a FastCMS-compatible zip (DEFLATE, or stored where the data does not compress),
// computing each entry's SHA-256 as it streams. The file is created owner-only and never
// replaces an existing one; the caller renames it into place after finish().
class ArchiveWriter
{
public:
    struct Options
    {
        int level = 5;
        bool zip64 = false; // needed once the archive or an entry may pass 4 GiB
    };

    ArchiveWriter(const QString& path, Options options);
    ~ArchiveWriter();
    ArchiveWriter(const ArchiveWriter&) = delete;
    ArchiveWriter& operator=(const ArchiveWriter&) = delete;

    struct Source
    {
        QString entryName;
        QString path;
        QDateTime time;
        // Set while the file is still being made (the database's snapshot): it keeps its place
        // in the archive, the files after it are read and compressed meanwhile (a little way
        // ahead: nothing is written before it), and an error here ends the job.
        std::shared_future<Result<void>> ready;
    };

    Result<void> open();
    // Adds the files in this order. Their data is compressed in parallel by libdeflate (large
    // files in chunks, pigz-style, still one DEFLATE stream each)
    // and written raw as it comes back in order; content that does not compress is stored.
    // Memory stays bounded whatever the sizes. A file that vanished meanwhile is skipped.
    Result<void> addFiles(const QList<Source>& sources, ByteProgress& progress);
    Result<void> addFile(
        const QString& entryName, const QString& sourcePath, const QDateTime& time, ByteProgress& progress);
    // Files addFiles skipped because they no longer existed, and the bytes it added.
    qint64 skippedFiles() const { return m_skipped; }
    qint64 addedBytes() const { return m_addedBytes; }
    Result<void> addBytes(const QString& entryName, const QByteArray& bytes, const QDateTime& time);
    // Closes the central directory and fsyncs the file.
    Result<void> finish();

    // entry name -> lowercase hex SHA-256, in the order written
    const QList<QPair<QString, QByteArray>>& digests() const { return m_digests; }
    int storedEntries() const { return m_stored; }

private:
    class Batch; // one addFiles() call (ArchiveWriter.cpp)

    Error writeError(const QString& message) const;

    QString m_path;
    Options m_options;
    OutputFile m_file;
    std::unique_ptr<ZipWriter> m_zip;
    QList<QPair<QString, QByteArray>> m_digests;
    int m_stored = 0;
    qint64 m_skipped = 0;
    qint64 m_addedBytes = 0;
};

// sha256sum's format, names escaped the way sha256sum escapes them.
QByteArray formatSha256Sums(const QList<QPair<QString, QByteArray>>& digests);
// name -> digest; nullopt on a malformed line.
std::optional<QList<QPair<QString, QByteArray>>> parseSha256Sums(const QByteArray& text);

} // namespace fcb
