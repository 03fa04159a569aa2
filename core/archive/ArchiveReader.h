#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "model/Metadata.h"
#include "model/Reports.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace fcb {

struct ArchiveEntry
{
    QString name;
    quint64 size = 0;
    quint64 compressedSize = 0;
    quint32 crc = 0;
    quint16 method = 0;
    quint32 externalAttr = 0;
    bool isDirectory() const { return name.endsWith(QLatin1Char('/')); }
    bool isSymlink() const;
};

// The central directory of an archive; reading it never touches entry data.
struct ArchiveDirectory
{
    QList<ArchiveEntry> entries;
    quint64 totalSize = 0;
    const ArchiveEntry* find(const QString& name) const;
};

namespace archive {

// Fails with BadArchive for anything that is no sound zip, and for encrypted entries, two
// entries of one name, and names flagged UTF-8 that are not.
Result<ArchiveDirectory> readDirectory(const QString& zipPath);
// Reads one entry fully into memory (for small entries such as metadata.json); refuses entries
// larger than maxBytes, and (BadArchive) what readDirectory() refuses about the records it
// passes, a second entry of the name, and an entry whose local header disagrees with the
// directory.
Result<QByteArray> readEntry(const QString& zipPath, const QString& name, qint64 maxBytes = 1 << 20);
Result<Metadata> readMetadata(const QString& zipPath);

// The layout a restore may trust: database.db, metadata.json, SHA256SUMS and files/<relative
// path>, nothing absolute, no "..", no links, no duplicates. Returns every problem found, in
// words the user can act on; empty means safe.
QStringList layoutProblems(const ArchiveDirectory& directory);

} // namespace archive

namespace archive {

// Reads every entry once: its local header against the directory, ZIP CRCs, SHA256SUMS where
// present, PRAGMA integrity_check of database.db (extracted to workDir), and metadata. With extractTo set,
// the entries are also written there as they are checked (restore staging), owner-only. Returns a report for
// any archive it could read at all; an Error only for I/O problems, cancellation, or no zip at all.
Result<VerifyReport> verify(
    const QString& zipPath, const QString& workDir, TaskContext& task, const QString& extractTo = {});

} // namespace archive

} // namespace fcb
