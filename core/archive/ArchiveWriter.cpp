#include "ArchiveWriter.h"

#include "FileUtil.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

#include <unistd.h>
#include <zlib.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbArchiveWriterText
{
    Q_DECLARE_TR_FUNCTIONS(FcbArchiveWriterText)
};

namespace fcb {

namespace {


constexpr qint64 bufferSize = 1 << 20;

bool isAscii(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() > 0x7f)
            return false;
    return true;
}

// Media that is already compressed gains nothing from DEFLATE; storing it is faster and
// FastCMS's restore (Python's zipfile) reads stored entries too. Judged by content.
bool compresses(const QByteArray& sample)
{
    if (sample.size() < 4096)
        return true;
    uLongf bound = compressBound(uLong(sample.size()));
    QByteArray out(qsizetype(bound), Qt::Uninitialized);
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &bound, reinterpret_cast<const Bytef*>(sample.constData()),
                  uLong(sample.size()), 1)
        != Z_OK)
        return true;
    return double(bound) < 0.97 * double(sample.size());
}

Error zipError(const QString& message, int code)
{
    return Error::make(ErrorCode::Io, message, QStringLiteral("zip error %1").arg(code));
}

} // namespace

ArchiveWriter::ArchiveWriter(const QString& path, Options options)
    : m_path(path)
    , m_options(options)
    , m_file(path)
{
}

ArchiveWriter::~ArchiveWriter()
{
    if (m_zip && m_zip->isOpen())
        m_zip->close();
}

Result<void> ArchiveWriter::open()
{
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::NewOnly, files::ownerOnly))
        return fail(ErrorCode::Io, FcbArchiveWriterText::tr("Could not create %1.").arg(m_path), m_file.errorString());
    m_zip = std::make_unique<QuaZip>(&m_file);
    m_zip->setAutoClose(false);
    m_zip->setZip64Enabled(m_options.zip64);
    if (!m_zip->open(QuaZip::mdCreate))
        return fail(zipError(FcbArchiveWriterText::tr("Could not start the archive %1.").arg(m_path), m_zip->getZipError()));
    return ok();
}

Result<void> ArchiveWriter::addFile(const QString& entryName, const QString& sourcePath, const QDateTime& time,
                                    ByteProgress& progress)
{
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, FcbArchiveWriterText::tr("Could not read %1.").arg(sourcePath), source.errorString());
    const qint64 size = source.size();
    QByteArray buffer(bufferSize, Qt::Uninitialized);
    qint64 got = source.read(buffer.data(), qMin<qint64>(bufferSize, 65536));
    if (got < 0)
        return fail(ErrorCode::Io, FcbArchiveWriterText::tr("Could not read %1.").arg(sourcePath), source.errorString());
    const bool deflate = compresses(QByteArray::fromRawData(buffer.constData(), got));
    if (!deflate)
        ++m_stored;

    QuaZipNewInfo info(entryName);
    info.dateTime = time;
    info.uncompressedSize = ulong(size);
    info.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                        | QFileDevice::ReadOther);
    m_zip->setUtf8Enabled(!isAscii(entryName));
    QuaZipFile out(m_zip.get());
    if (!out.open(QIODevice::WriteOnly, info, nullptr, 0, deflate ? Z_DEFLATED : 0, deflate ? m_options.level : 0))
        return fail(zipError(FcbArchiveWriterText::tr("Could not add %1 to the archive.").arg(entryName), out.getZipError()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 written = 0;
    while (got > 0) {
        if (progress.task && progress.task->isCanceled())
            return fail(ErrorCode::Cancelled, FcbArchiveWriterText::tr("Cancelled."));
        hash.addData(QByteArrayView(buffer.constData(), got));
        if (out.write(buffer.constData(), got) != got)
            return fail(zipError(FcbArchiveWriterText::tr("Could not write %1 into the archive.").arg(entryName), out.getZipError()));
        written += got;
        progress.add(got);
        got = source.read(buffer.data(), bufferSize);
    }
    if (got < 0)
        return fail(ErrorCode::Io, FcbArchiveWriterText::tr("Could not read %1.").arg(sourcePath), source.errorString());
    out.close();
    if (out.getZipError() != UNZ_OK)
        return fail(zipError(FcbArchiveWriterText::tr("Could not write %1 into the archive.").arg(entryName), out.getZipError()));
    if (written != size)
        qCWarning(lcArchive) << sourcePath << "changed size while it was being backed up:" << size << "->" << written;
    m_digests.append({entryName, hash.result().toHex()});
    return ok();
}

Result<void> ArchiveWriter::addBytes(const QString& entryName, const QByteArray& bytes, const QDateTime& time)
{
    QuaZipNewInfo info(entryName);
    info.dateTime = time;
    info.uncompressedSize = ulong(bytes.size());
    info.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_zip->setUtf8Enabled(!isAscii(entryName));
    QuaZipFile out(m_zip.get());
    if (!out.open(QIODevice::WriteOnly, info, nullptr, 0, Z_DEFLATED, m_options.level)
        || out.write(bytes) != bytes.size())
        return fail(zipError(FcbArchiveWriterText::tr("Could not add %1 to the archive.").arg(entryName), out.getZipError()));
    out.close();
    if (out.getZipError() != UNZ_OK)
        return fail(zipError(FcbArchiveWriterText::tr("Could not add %1 to the archive.").arg(entryName), out.getZipError()));
    m_digests.append({entryName, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()});
    return ok();
}

Result<void> ArchiveWriter::finish()
{
    m_zip->close();
    if (m_zip->getZipError() != UNZ_OK)
        return fail(zipError(FcbArchiveWriterText::tr("Could not finish the archive %1.").arg(m_path), m_zip->getZipError()));
    if (!m_file.flush() || ::fsync(m_file.handle()) != 0)
        return fail(ErrorCode::Io, FcbArchiveWriterText::tr("Could not write %1 to disk.").arg(m_path), m_file.errorString());
    m_file.close();
    return ok();
}

QByteArray formatSha256Sums(const QList<QPair<QString, QByteArray>>& digests)
{
    QByteArray out;
    for (const auto& [name, digest] : digests) {
        QByteArray encoded = name.toUtf8();
        const bool escape = encoded.contains('\\') || encoded.contains('\n') || encoded.contains('\r');
        if (escape) {
            encoded.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
            out += '\\';
        }
        out += digest + "  " + encoded + '\n';
    }
    return out;
}

std::optional<QList<QPair<QString, QByteArray>>> parseSha256Sums(const QByteArray& text)
{
    QList<QPair<QString, QByteArray>> result;
    for (QByteArray line : text.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const bool escaped = line.startsWith('\\');
        if (escaped)
            line.remove(0, 1);
        if (line.size() < 66 || (line[64] != ' ') || (line[65] != ' ' && line[65] != '*'))
            return std::nullopt;
        QByteArray digest = line.left(64).toLower();
        for (const char c : digest)
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                return std::nullopt;
        QByteArray name = line.mid(66);
        if (escaped) {
            QByteArray unescaped;
            for (qsizetype i = 0; i < name.size(); ++i) {
                if (name[i] == '\\' && i + 1 < name.size()) {
                    const char next = name[++i];
                    unescaped += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
                } else {
                    unescaped += name[i];
                }
            }
            name = unescaped;
        }
        result.append({QString::fromUtf8(name), digest});
    }
    return result;
}

} // namespace fcb
