#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "archive/ZipDirectory.h"
#include "model/Browse.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QList>

#include <functional>
#include <memory>
#include <optional>

// Translation context of core/browse/'s messages (lupdate reads the class name).
class FcbBrowseText
{
    Q_DECLARE_TR_FUNCTIONS(FcbBrowseText)
};

namespace fcb::browse {

// Why a name is flagged; everything but Unexpected makes it unsafe to write anywhere.
enum class Flag
{
    None,
    Absolute,
    Outside, // a ".." part
    Duplicate,
    Link,
    Nul,
    BadPart, // an empty or "." part
    InsideFile, // a folder of its path is a file in the archive
    Unexpected, // sound, but no FastCMS backup holds such an entry
};

// One central directory record with what a listing shows of it.
struct ContentEntry
{
    ListedEntry listed;
    zipdir::Record record; // its name points into rawName
    QByteArray rawName;
    Flag flag = Flag::None;
    bool unsafe() const { return flag != Flag::None && flag != Flag::Unexpected; }
};

// An archive open for reading: its central directory walked once, every record kept and
// flagged, and each entry's data streamed from the same handle on request.
class ArchiveContents
{
public:
    // NotFound when zipPath is not there, BadArchive when it is no readable zip.
    static Result<std::unique_ptr<ArchiveContents>> open(const QString& zipPath);

    QString path() const { return m_path; }
    QString fileName() const;
    const QList<ContentEntry>& entries() const { return m_entries; }
    // The one entry of that name, if there is exactly one.
    const ContentEntry* find(const QString& name) const;

    // The entry's data into out (from where out stands), checked against the record's size and
    // CRC-32; returns its SHA-256 (hex). progress gets the bytes written so far.
    Result<QByteArray> copyTo(const ContentEntry& entry, QFileDevice& out, TaskContext& task,
        const std::function<void(qint64)>& progress);
    // SHA256SUMS as name -> digest (hex); empty when the archive has none. BadArchive when it
    // is there but cannot be read or parsed.
    Result<QHash<QString, QByteArray>> sums() const;

private:
    ArchiveContents() = default;
    Result<void> walk();
    Error damaged(const ContentEntry& entry, const QString& detail) const;

    QString m_path;
    QFile m_file;
    std::unique_ptr<zipdir::FileSource> m_source;
    zipdir::Layout m_layout;
    QList<ContentEntry> m_entries;
};

// The archive's DOS time as a date and time without a zone; invalid when the fields are not.
QDateTime dosDateTime(quint16 date, quint16 time);
// Flags every entry (flag, and listed.flag in words): names a restore would refuse, and names
// no FastCMS backup holds.
void flagEntries(QList<ContentEntry>& entries);
// BadArchive for a zip the strict walk refuses, naming the archive.
Error unreadableArchive(const QString& zipPath, const zipdir::Problem& problem);

} // namespace fcb::browse
