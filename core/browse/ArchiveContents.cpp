#include "ArchiveContents.h"

#include "FileUtil.h"
#include "archive/ArchiveReader.h"
#include "archive/ArchiveWriter.h"
#include "archive/FastHash.h"

#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <sys/stat.h>
#include <zlib.h>

namespace fcb::browse {

namespace {

const QString kDatabase = QStringLiteral("database.db");
const QString kMetadata = QStringLiteral("metadata.json");
const QString kSums = QStringLiteral("SHA256SUMS");
const QString kFilesPrefix = QStringLiteral("files/");
constexpr qint64 kMaxSums = 64 << 20;
constexpr qint64 kChunk = 1 << 20;

bool isLink(quint32 externalAttr)
{
    return ((externalAttr >> 16) & S_IFMT) == S_IFLNK;
}

// What the name alone says, as archive::layoutProblems() judges it (duplicates and files in the
// way need the other entries).
Flag nameFlag(const ContentEntry& entry)
{
    const QString& name = entry.listed.name;
    if (name.startsWith(QLatin1Char('/')) || name.startsWith(QLatin1Char('\\'))
        || (name.size() > 1 && name[1] == QLatin1Char(':')))
        return Flag::Absolute;
    if (name.contains(QChar(0)))
        return Flag::Nul;
    QStringList parts = name.split(QLatin1Char('/'));
    if (parts.contains(QStringLiteral("..")) || name.split(QLatin1Char('\\')).contains(QStringLiteral("..")))
        return Flag::Outside;
    if (isLink(entry.record.externalAttr))
        return Flag::Link;
    if (entry.listed.isDirectory)
        parts.removeLast(); // the empty part after the folder's own slash
    if (parts.isEmpty() || parts.contains(QString()) || parts.contains(QStringLiteral(".")))
        return Flag::BadPart;
    if (name == kDatabase || name == kMetadata || name == kSums || name.startsWith(kFilesPrefix))
        return Flag::None;
    return Flag::Unexpected;
}

QString flagText(Flag flag, const QString& detail)
{
    switch (flag) {
    case Flag::None:
        return {};
    case Flag::Absolute:
        return FcbBrowseText::tr("absolute path");
    case Flag::Outside:
        return FcbBrowseText::tr("points outside the archive (\"..\")");
    case Flag::Duplicate:
        return FcbBrowseText::tr("appears more than once");
    case Flag::Link:
        return FcbBrowseText::tr("symbolic link");
    case Flag::Nul:
        return FcbBrowseText::tr("NUL character in the name");
    case Flag::BadPart:
        return FcbBrowseText::tr("empty or \".\" path component");
    case Flag::InsideFile:
        return FcbBrowseText::tr("lies inside \"%1\", which is a file").arg(detail);
    case Flag::Unexpected:
        return FcbBrowseText::tr("not part of a FastCMS backup");
    }
    return {};
}

// The folder of name's path (itself too, for a folder entry) that is a file in the archive.
QString fileInTheWay(const ContentEntry& entry, const QSet<QString>& fileNames)
{
    QString parent = entry.listed.isDirectory ? entry.listed.name.chopped(1) : entry.listed.name;
    if (entry.listed.isDirectory && fileNames.contains(parent))
        return parent;
    for (qsizetype slash = parent.lastIndexOf(QLatin1Char('/')); slash > 0;
         slash = parent.lastIndexOf(QLatin1Char('/'))) {
        parent.truncate(slash);
        if (fileNames.contains(parent))
            return parent;
    }
    return {};
}

// One entry's data, inflated (or copied, when stored) into a file as it is read, with its
// CRC-32 and SHA-256 taken on the way.
class EntryStream
{
public:
    EntryStream(QFile& archive, const zipdir::Record& record, QFileDevice& out)
        : m_archive(archive)
        , m_record(record)
        , m_out(out)
    { }
    ~EntryStream()
    {
        if (m_inflating)
            inflateEnd(&m_z);
    }
    EntryStream(const EntryStream&) = delete;
    EntryStream& operator=(const EntryStream&) = delete;

    // Empty on success; otherwise the technical reason the data is damaged. Write failures and
    // cancellation end it early with writeError / cancelled set.
    QString run(TaskContext& task, const std::function<void(qint64)>& progress);
    QByteArray digest() { return m_sha.hex(); }
    std::optional<Error> writeError;
    bool cancelled = false;

private:
    bool put(const char* data, qint64 size);
    QString feed(const QByteArray& input, bool last);

    QFile& m_archive;
    const zipdir::Record& m_record;
    QFileDevice& m_out;
    z_stream m_z {};
    bool m_inflating = false;
    bool m_ended = false;
    quint32 m_crc = 0;
    quint64 m_written = 0;
    Sha256 m_sha;
    QByteArray m_buffer;
};

bool EntryStream::put(const char* data, qint64 size)
{
    if (size == 0)
        return true;
    if (m_written + quint64(size) > m_record.size)
        return false; // more than the directory promises: damaged, and never written
    m_crc = fcb::crc32(m_crc, data, size);
    m_sha.add(data, size);
    errno = 0;
    if (m_out.write(data, size) != size) {
        writeError = files::fileError(
            FcbBrowseText::tr("Could not write %1").arg(QFileInfo(m_out.fileName()).fileName()), m_out,
            errno);
        return false;
    }
    m_written += quint64(size);
    return true;
}

QString EntryStream::feed(const QByteArray& input, bool last)
{
    if (m_record.method == 0)
        return put(input.constData(), input.size()) ? QString() : QStringLiteral("longer than its size");
    m_z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.constData()));
    m_z.avail_in = uInt(input.size());
    while (!m_ended && (m_z.avail_in > 0 || last)) {
        m_z.next_out = reinterpret_cast<Bytef*>(m_buffer.data());
        m_z.avail_out = uInt(m_buffer.size());
        const int rc = inflate(&m_z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            return QStringLiteral("inflate: %1").arg(QString::fromLatin1(m_z.msg ? m_z.msg : "error"));
        const qint64 produced = m_buffer.size() - qint64(m_z.avail_out);
        if (!put(m_buffer.constData(), produced))
            return writeError ? QString() : QStringLiteral("inflates past its size");
        m_ended = rc == Z_STREAM_END;
        if (rc == Z_BUF_ERROR || (produced == 0 && m_z.avail_in == 0))
            break; // needs more input than there is
    }
    return {};
}

QString EntryStream::run(TaskContext& task, const std::function<void(qint64)>& progress)
{
    if (m_record.method != 0) {
        if (inflateInit2(&m_z, -MAX_WBITS) != Z_OK)
            return QStringLiteral("inflateInit2");
        m_inflating = true;
        m_buffer.resize(kChunk);
    }
    for (quint64 left = m_record.compressedSize; left > 0;) {
        if (task.isCanceled()) {
            cancelled = true;
            return {};
        }
        const qint64 want = qint64(qMin<quint64>(left, quint64(kChunk)));
        const QByteArray input = m_archive.read(want);
        if (input.size() != want)
            return QStringLiteral("short read");
        left -= quint64(want);
        if (const QString why = feed(input, left == 0); !why.isEmpty() || writeError)
            return why;
        if (progress)
            progress(qint64(m_written));
    }
    if (m_record.method != 0 && !m_ended)
        return QStringLiteral("the compressed data ends early");
    if (m_written != m_record.size)
        return QStringLiteral("%1 bytes, not %2").arg(m_written).arg(m_record.size);
    if (m_crc != m_record.crc)
        return QStringLiteral("CRC %1, not %2")
            .arg(m_crc, 8, 16, QLatin1Char('0'))
            .arg(m_record.crc, 8, 16, QLatin1Char('0'));
    return {};
}

} // namespace

QDateTime dosDateTime(quint16 date, quint16 time)
{
    const QDate day(1980 + (date >> 9), (date >> 5) & 0xf, date & 0x1f);
    const QTime clock((time >> 11) & 0x1f, (time >> 5) & 0x3f, (time & 0x1f) * 2);
    if (!day.isValid() || !clock.isValid())
        return {};
    return QDateTime(day, clock); // local, as the zip means it
}

void flagEntries(QList<ContentEntry>& entries)
{
    QHash<QString, int> counts;
    QSet<QString> fileNames;
    for (const ContentEntry& entry : entries) {
        ++counts[entry.listed.name];
        if (!entry.listed.isDirectory)
            fileNames.insert(entry.listed.name);
    }
    for (ContentEntry& entry : entries) {
        entry.flag = nameFlag(entry);
        QString detail;
        if (!entry.unsafe() && counts.value(entry.listed.name) > 1) {
            entry.flag = Flag::Duplicate;
        } else if (!entry.unsafe()) {
            detail = fileInTheWay(entry, fileNames);
            if (!detail.isEmpty())
                entry.flag = Flag::InsideFile;
        }
        entry.listed.flag = flagText(entry.flag, detail);
    }
}

Error unreadableArchive(const QString& zipPath, const zipdir::Problem& problem)
{
    const QString name = QFileInfo(zipPath).fileName();
    QString detail = problem.detail;
    if (!problem.entry.isEmpty())
        detail = QString::fromUtf8(problem.entry) + QStringLiteral(": ") + detail;
    if (problem.kind == zipdir::Problem::Encrypted)
        return Error::make(ErrorCode::BadArchive,
            FcbBrowseText::tr("%1 holds encrypted entries, which no FastCMS backup has.").arg(name), detail);
    return Error::make(ErrorCode::BadArchive,
        FcbBrowseText::tr("%1 is not a readable zip archive (damaged or cut short).").arg(name), detail);
}

Result<std::unique_ptr<ArchiveContents>> ArchiveContents::open(const QString& zipPath)
{
    std::unique_ptr<ArchiveContents> archive(new ArchiveContents);
    archive->m_path = zipPath;
    if (!files::isRegularFile(zipPath))
        return fail(ErrorCode::NotFound,
            FcbBrowseText::tr("The backup %1 does not exist.").arg(QFileInfo(zipPath).fileName()), zipPath);
    archive->m_file.setFileName(zipPath);
    if (!archive->m_file.open(QIODevice::ReadOnly))
        return fail(
            files::fileError(FcbBrowseText::tr("Could not open %1").arg(zipPath), archive->m_file, errno));
    archive->m_source = std::make_unique<zipdir::FileSource>(archive->m_file);
    if (auto walked = archive->walk(); !walked)
        return fail(walked.error());
    return archive;
}

Result<void> ArchiveContents::walk()
{
    const auto layout = zipdir::findDirectory(*m_source);
    if (!layout)
        return fail(unreadableArchive(m_path, layout.error()));
    m_layout = *layout;
    zipdir::Walk walk(*m_source, m_layout);
    zipdir::Record record;
    for (;;) {
        const auto more = walk.next(record);
        if (!more)
            return fail(unreadableArchive(m_path, more.error()));
        if (!*more)
            break;
        ContentEntry entry;
        entry.rawName = record.name.toByteArray();
        entry.record = record;
        entry.listed.name = zipdir::decodeName(record);
        entry.listed.size = record.size;
        entry.listed.compressedSize = record.compressedSize;
        entry.listed.crc = record.crc;
        entry.listed.modified = dosDateTime(record.dosDate, record.dosTime);
        entry.listed.isDirectory = entry.listed.name.endsWith(QLatin1Char('/'));
        m_entries.append(std::move(entry));
    }
    // The names point into each entry's own copy, which moves with it no more.
    for (ContentEntry& entry : m_entries)
        entry.record.name = entry.rawName;
    flagEntries(m_entries);
    return ok();
}

QString ArchiveContents::fileName() const
{
    return QFileInfo(m_path).fileName();
}

const ContentEntry* ArchiveContents::find(const QString& name) const
{
    const ContentEntry* found = nullptr;
    for (const ContentEntry& entry : m_entries) {
        if (entry.listed.name != name)
            continue;
        if (found)
            return nullptr;
        found = &entry;
    }
    return found;
}

Error ArchiveContents::damaged(const ContentEntry& entry, const QString& detail) const
{
    return Error::make(ErrorCode::BadArchive,
        FcbBrowseText::tr("The entry \"%1\" in %2 is damaged; nothing of it was kept.")
            .arg(entry.listed.name, fileName()),
        detail);
}

Result<QByteArray> ArchiveContents::copyTo(const ContentEntry& entry, QFileDevice& out, TaskContext& task,
    const std::function<void(qint64)>& progress)
{
    const zipdir::Record& record = entry.record;
    if (record.method != 0 && record.method != Z_DEFLATED)
        return fail(damaged(entry, QStringLiteral("compression method %1").arg(record.method)));
    if (record.method == 0 && record.compressedSize != record.size)
        return fail(damaged(entry, QStringLiteral("stored, yet its sizes differ")));
    const auto dataAt = zipdir::locateData(*m_source, m_layout, record);
    if (!dataAt)
        return fail(unreadableArchive(m_path, dataAt.error()));
    if (!m_file.seek(qint64(*dataAt)))
        return fail(files::fileError(FcbBrowseText::tr("Could not read %1").arg(m_path), m_file, errno));
    EntryStream stream(m_file, record, out);
    const QString why = stream.run(task, progress);
    if (stream.cancelled)
        return fail(ErrorCode::Cancelled, FcbBrowseText::tr("Cancelled."));
    if (stream.writeError)
        return fail(*stream.writeError);
    if (!why.isEmpty())
        return fail(damaged(entry, why));
    return stream.digest();
}

Result<QHash<QString, QByteArray>> ArchiveContents::sums() const
{
    QHash<QString, QByteArray> digests;
    const bool present = std::any_of(m_entries.cbegin(), m_entries.cend(),
        [](const ContentEntry& entry) { return entry.listed.name == kSums; });
    if (!present)
        return digests;
    // readEntry refuses a second SHA256SUMS, which could otherwise stand in for the first.
    const auto bytes = archive::readEntry(m_path, kSums, kMaxSums);
    if (!bytes)
        return fail(bytes.error());
    const auto parsed = parseSha256Sums(*bytes);
    if (!parsed)
        return fail(
            ErrorCode::BadArchive, FcbBrowseText::tr("SHA256SUMS in %1 is malformed.").arg(fileName()));
    for (const auto& [name, digest] : *parsed)
        digests.insert(name, digest);
    return digests;
}

} // namespace fcb::browse
