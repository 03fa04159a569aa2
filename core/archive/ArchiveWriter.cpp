#include "ArchiveWriter.h"

#include "FileUtil.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QFuture>
#include <QScopeGuard>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <mutex>

#include "archive/DeflateBlocks.h"
#include "archive/FastHash.h"

#include "archive/ZipWriter.h"

#include <libdeflate.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbArchiveWriterText
{
    Q_DECLARE_TR_FUNCTIONS(FcbArchiveWriterText)
};

namespace fcb {

namespace {

#ifdef FCB_TEST_HOOKS
// Lets tests interrupt an archive half-written: once its first entry is in the file, the
// writer waits until the job is cancelled or FCB_TEST_PAUSE_AFTER_FIRST_ENTRY_MS have passed.
void pauseAfterFirstEntry(const TaskContext* task)
{
    const int pause = qEnvironmentVariableIntValue("FCB_TEST_PAUSE_AFTER_FIRST_ENTRY_MS");
    if (pause <= 0)
        return;
    qCWarning(lcArchive) << "test hook: paused after the first entry";
    const QDeadlineTimer deadline(pause);
    while (!deadline.hasExpired() && !(task && task->isCanceled()))
        QThread::msleep(10);
}
#endif

// Media that is already compressed gains nothing from DEFLATE; storing it is faster and
// FastCMS's restore (Python's zipfile) reads stored entries too. Judged by content.
bool compresses(const QByteArray& sample)
{
    if (sample.size() < 4096)
        return true;
    thread_local std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor*)> fastest(
        libdeflate_alloc_compressor(1), libdeflate_free_compressor);
    thread_local QByteArray out;
    out.resize(sample.size());
    // Nothing fits in 97% of the space: it does not compress.
    const size_t size = fastest ? libdeflate_deflate_compress(fastest.get(), sample.constData(),
                            size_t(sample.size()), out.data(), size_t(0.97 * double(sample.size())))
                                : 1;
    return size != 0;
}

} // namespace

ArchiveWriter::ArchiveWriter(const QString& path, Options options)
    : m_path(path)
    , m_options(options)
    , m_file(path)
{ }

ArchiveWriter::~ArchiveWriter() = default;

Error ArchiveWriter::writeError(const QString& message) const
{
    return Error::make(m_zip->noSpace() ? ErrorCode::NoSpace : ErrorCode::Io, message, m_zip->errorString());
}

Result<void> ArchiveWriter::open()
{
    if (!m_file.open(files::ownerOnly))
        return fail(ErrorCode::Io, FcbArchiveWriterText::tr("Could not create %1.").arg(m_path),
            m_file.errorString());
    m_zip = std::make_unique<ZipWriter>(m_file, m_options.zip64);
    return ok();
}

Result<void> ArchiveWriter::addFile(
    const QString& entryName, const QString& sourcePath, const QDateTime& time, ByteProgress& progress)
{
    return addFiles({ Source { entryName, sourcePath, time } }, progress);
}

namespace {

// Whole files up to this size are compressed in one piece; larger ones in chunks, compressed
// in parallel and joined into one DEFLATE stream (see makeJoinable()). Chunks to compress are
// smaller, so that no one of them holds up the writer for long (pieces are written in order);
// chunks to store only need checksums.
constexpr qint64 kWholeLimit = 4 << 20;
constexpr qint64 kChunk = 4 << 20;
constexpr qint64 kDeflateChunk = 2 << 20;
// What may run ahead of a source that is not ready yet (the database while it is copied): about
// what two cores compress while the copy is made, so that they do not sit idle meanwhile.
constexpr qint64 kLead = 64 << 20;
// What the pieces not yet written may hold (their input until compressed, then their output):
// the memory bound of reading ahead of the writer. Beyond the lead, which waits in memory until
// the database is written, there is room for the database's own chunks in flight. Add the
// workers' own buffers (a few chunks each) and OutputFile's 8 MB: about 120 MB on two cores.
constexpr qint64 kWindow = kLead + (32 << 20);
// Files this large get ZIP64 fields whatever the archive's size: they may grow past 4 GiB.
constexpr qint64 kLargeEntry = qint64(2) << 30;

struct Piece
{
    QByteArray input;
    std::shared_ptr<OrderedSha256> hash; // a chunk: its place in its file's hash
    int index = 0;
    std::shared_ptr<QFile> source; // a chunk the worker reads itself: from here, at offset
    qint64 offset = 0;
    QString path; // a whole file the worker reads itself (input is empty until then)
    qint64 weight = 0; // memory counted against the read-ahead window; less once compressed
    std::atomic<qint64>* held = nullptr; // the window's count, which the worker lowers then
    QString readError;
    bool vanished = false; // deleted before the worker came to it: skipped, as the scan would have
    qint64 inputSize = 0;
    bool whole = false; // a whole file: its SHA-256 is computed here too
    bool store = false; // incompressible: only checksums
    bool last = false;
    int level = 5;
    // results
    QByteArray output;
    quint32 crc = 0;
    QByteArray sha;
    bool ok = true;
};

// libdeflate ends every stream with a final block. To join chunks into one stream, as pigz
// does, a chunk that is not the last must end with a non-final block on a byte boundary: the
// final block's BFINAL bit is cleared, and an empty stored block (a sync-flush marker) pads to
// the byte boundary. The block walk finds where the final block begins, and the size its codes
// stand for proves it read them as an inflater would. Should the walk fail, zlib's inflate
// (stopping at every block boundary) finds the block instead, at twice the cost.
bool makeJoinable(QByteArray& deflated, qsizetype originalSize)
{
    const auto* data = reinterpret_cast<const uchar*>(deflated.constData());
    auto walk = dflt::walkBlocks(data, deflated.size());
    if (!walk || walk->produced != originalSize)
        walk = dflt::blocksByInflating(data, deflated.size());
    if (!walk || walk->produced != originalSize)
        return false;
    const qint64 finalBlockBit = walk->finalBlockBit;
    const qint64 endBit = walk->endBit;
    deflated[finalBlockBit / 8] = char(uchar(deflated[finalBlockBit / 8]) & ~(1u << (finalBlockBit % 8)));
    // After the last block: BFINAL=0, BTYPE=00 (three zero bits), pad to the byte, LEN 0, NLEN ~0.
    const qint64 headerEnd = endBit + 3;
    if (endBit % 8 != 0)
        deflated[endBit / 8] = char(uchar(deflated[endBit / 8]) & ((1u << (endBit % 8)) - 1));
    deflated.resize((headerEnd + 7) / 8, '\0');
    deflated.append("\x00\x00\xff\xff", 4);
    return true;
}

void compressPiece(Piece& p)
{
    if (!p.path.isEmpty()) {
        // Whole files are read here, on the workers, so reading is parallel too.
        QFile file(p.path);
        if (!file.open(QIODevice::ReadOnly)) {
            p.vanished = !QFileInfo::exists(p.path);
            p.readError = file.errorString();
            return;
        }
        p.input = file.read(p.weight - 4096);
        if (file.error() != QFileDevice::NoError) {
            p.readError = file.errorString();
            return;
        }
        p.inputSize = p.input.size();
        p.store = !compresses(
            QByteArray::fromRawData(p.input.constData(), qMin<qsizetype>(p.input.size(), 65536)));
    } else if (p.source) {
        // Chunks too are read on the workers, side by side from the one open file. A file that
        // shrank meanwhile gives short chunks, or empty ones, which still join.
        p.input.resize(p.weight);
        qint64 got = 0;
        while (got < p.weight) {
            const ssize_t n
                = ::pread(p.source->handle(), p.input.data() + got, size_t(p.weight - got), p.offset + got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                char message[256];
                p.readError = QString::fromLocal8Bit(strerror_r(errno, message, sizeof message));
                return;
            }
            if (n == 0)
                break;
            got += n;
        }
        p.input.resize(got);
        p.inputSize = got;
    }
    if (p.hash)
        p.hash->offer(p.index, p.input);
    p.crc = crc32(0, p.input.constData(), p.input.size());
    if (p.whole)
        p.sha = Sha256::hex(p.input.constData(), p.input.size());
    if (p.store)
        return;
    thread_local std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor*)> compressor(
        nullptr, libdeflate_free_compressor);
    thread_local int compressorLevel = -1;
    if (!compressor || compressorLevel != p.level) {
        compressor.reset(libdeflate_alloc_compressor(p.level));
        compressorLevel = p.level;
    }
    if (!compressor) {
        p.ok = false;
        return;
    }
    // Into a buffer of the worst case, then copied out at its real size: what waits to be
    // written holds no more memory than it needs.
    thread_local QByteArray buffer;
    const size_t bound = libdeflate_deflate_compress_bound(compressor.get(), size_t(p.input.size()));
    if (buffer.size() < qsizetype(bound))
        buffer.resize(qsizetype(bound));
    const size_t size = libdeflate_deflate_compress(
        compressor.get(), p.input.constData(), size_t(p.input.size()), buffer.data(), bound);
    p.ok = size > 0;
    p.output = QByteArray(buffer.constData(), qsizetype(size));
    if (p.ok && !p.last)
        p.ok = makeJoinable(p.output, p.input.size());
    p.input = QByteArray();
    // A chunk still waiting to be hashed holds its input there: it keeps counting it.
    const qint64 weight = p.output.size() + (p.whole ? 4096 : 0);
    if (p.held && weight < p.weight && (!p.hash || p.hash->hashed(p.index))) {
        p.held->fetch_sub(p.weight - weight);
        p.weight = weight;
    }
}

// One file on its way into the archive: its pieces in order.
struct Pending
{
    int source = -1;
    bool deflate = true;
    qint64 size = 0;
    QList<std::shared_ptr<Piece>> pieces;
    QList<QFuture<void>> futures;
    QByteArray digest;
    std::shared_ptr<OrderedSha256> hash; // chunked files
    bool skip = false; // a file gone before it was read: no entry
    bool allRead = false;
};

} // namespace

// One addFiles() call: the files on their way into the archive, in order, their pieces on the
// workers, and the entry being written. Whatever happens, no worker outlives the pieces it
// works on.
class ArchiveWriter::Batch
{
public:
    Batch(ArchiveWriter& writer, const QList<Source>& sources, ByteProgress& progress)
        : m_writer(writer)
        , m_sources(sources)
        , m_progress(progress)
        , m_task(progress.task)
    { }
    ~Batch()
    {
        for (Pending& p : m_queue)
            for (QFuture<void>& f : p.futures)
                f.waitForFinished();
    }

    // Adds the sources in order, and writes them all.
    Result<void> run()
    {
        for (int i = 0; i < m_sources.size(); ++i) {
            if (m_task && m_task->isCanceled())
                return fail(ErrorCode::Cancelled, FcbArchiveWriterText::tr("Cancelled."));
            // A source that became ready meanwhile goes first: nothing is written before it.
            while (!m_waiting.empty()
                && m_sources[m_waiting.front()->source].ready.wait_for(std::chrono::seconds(0))
                    == std::future_status::ready) {
                if (auto started = startWaiting(); !started)
                    return started;
            }
            m_queue.emplace_back();
            Pending& pending = m_queue.back();
            pending.source = i;
            if (m_sources[i].ready.valid()) {
                m_waiting.push_back(&pending);
                continue;
            }
            if (auto added = addSource(pending); !added)
                return added;
        }
        while (!m_waiting.empty()) {
            if (auto started = startWaiting(); !started)
                return started;
        }
        while (!m_queue.empty()) {
            bool progressed = false;
            if (auto drained = drain(true, &progressed); !drained)
                return drained;
            if (!progressed)
                return fail(ErrorCode::Internal, QStringLiteral("the archive writer stalled"));
        }
        return ok();
    }

private:
    // Writes what is ready at the front, in order; with block, waits for the front piece.
    // progressed: whether anything was written.
    Result<void> drain(bool block, bool* progressed)
    {
        *progressed = false;
        while (!m_queue.empty()) {
            Pending& front = m_queue.front();
            const auto step = m_nextPiece < front.pieces.size() ? writePiece(front, block) : endFile(front);
            if (!step)
                return fail(step.error());
            if (!*step)
                return ok();
            *progressed = true;
        }
        return ok();
    }

    // Writes the front file's next piece (with block, waiting for its worker), opening the
    // file's entry before its first: false if the piece is not ready yet.
    Result<bool> writePiece(Pending& front, bool block)
    {
        const Source& source = m_sources[front.source];
        QFuture<void>& future = front.futures[m_nextPiece];
        if (!future.isFinished() && !block)
            return false;
        future.waitForFinished();
        Piece& piece = *front.pieces[m_nextPiece];
        if (piece.vanished && !m_entryOpen) {
            m_held -= piece.weight;
            ++m_writer.m_skipped;
            m_queue.pop_front();
            m_nextPiece = 0;
            return true;
        }
        if (!piece.readError.isEmpty())
            return fail(ErrorCode::Io, FcbArchiveWriterText::tr("Could not read %1.").arg(source.path),
                piece.readError);
        if (piece.whole)
            front.deflate = !piece.store; // decided where it was read
        if (!piece.ok)
            return fail(ErrorCode::Internal,
                FcbArchiveWriterText::tr("Could not compress %1.").arg(source.entryName));
        if (!m_entryOpen) {
            // Raw: the data is compressed already; CRC and sizes come at the end.
            const ZipWriter::Entry entry { source.entryName, source.time,
                front.deflate ? ZipWriter::Deflated : ZipWriter::Stored, 0100644, front.size >= kLargeEntry };
            if (!m_writer.m_zip->begin(entry))
                return fail(m_writer.writeError(
                    FcbArchiveWriterText::tr("Could not add %1 to the archive.").arg(source.entryName)));
            m_entryOpen = true;
            m_entryCrc = 0;
            m_entrySize = 0;
            if (!front.deflate)
                ++m_writer.m_stored;
        }
        const QByteArray& data = piece.store ? piece.input : piece.output;
        if (!m_writer.m_zip->write(data.constData(), data.size()))
            return fail(m_writer.writeError(
                FcbArchiveWriterText::tr("Could not write %1 into the archive.").arg(source.entryName)));
        m_entryCrc = m_nextPiece == 0
            ? piece.crc
            : quint32(crc32_combine(m_entryCrc, piece.crc, z_off_t(piece.inputSize)));
        m_entrySize += piece.inputSize;
        if (piece.whole)
            front.digest = piece.sha;
        m_held -= piece.weight;
        m_progress.add(piece.inputSize);
        front.pieces[m_nextPiece].reset();
        ++m_nextPiece;
        return true;
    }

    // Ends the front file's entry once all its pieces are written (or drops a file that was
    // gone before it was read): false while the reader is still on it.
    Result<bool> endFile(Pending& front)
    {
        const Source& source = m_sources[front.source];
        if (!front.allRead)
            return false; // the reader is still on this file, or it is not ready yet
        if (front.skip) {
            ++m_writer.m_skipped;
            m_queue.pop_front();
            m_nextPiece = 0;
            return true;
        }
        if (!m_writer.m_zip->end(m_entryCrc, quint64(m_entrySize)))
            return fail(m_writer.writeError(
                FcbArchiveWriterText::tr("Could not write %1 into the archive.").arg(source.entryName)));
        m_entryOpen = false;
        if (front.hash)
            front.digest = front.hash->hex(); // every chunk's task has finished
        m_writer.m_digests.append({ source.entryName, front.digest });
#ifdef FCB_TEST_HOOKS
        if (m_writer.m_digests.size() == 1)
            pauseAfterFirstEntry(m_task);
#endif
        if (m_entrySize != front.size)
            qCWarning(lcArchive) << source.path << "changed size while it was being backed up:" << front.size
                                 << "->" << m_entrySize;
        m_writer.m_addedBytes += m_entrySize;
        m_queue.pop_front();
        m_nextPiece = 0;
        return true;
    }

    // Hands a piece to the workers, then writes what is ready, keeping the read-ahead bounded.
    Result<void> submit(Pending& pending, std::shared_ptr<Piece> piece)
    {
        piece->level = m_writer.m_options.level;
        piece->held = &m_held;
        m_held += piece->weight;
        pending.pieces.append(piece);
        pending.futures.append(QtConcurrent::run(archiveWorkers(), [piece] { compressPiece(*piece); }));
        // Keep the read-ahead bounded: write out (and wait for) the oldest pieces first. Nothing
        // can be written before a source that is not ready, so only a little runs ahead of it.
        while (m_held > kWindow || (!m_waiting.empty() && m_held > kLead)) {
            // A source not ready yet is started once it is next to be written; until then the
            // window is kept by writing what is in front of it.
            if (!m_waiting.empty() && m_waiting.front() == &m_queue.front()) {
                if (auto started = startWaiting(); !started)
                    return started;
                continue;
            }
            bool progressed = false;
            if (auto drained = drain(true, &progressed); !drained)
                return drained;
            if (!progressed)
                break;
        }
        bool progressed = false;
        return drain(false, &progressed);
    }

    // Plans one file's pieces and hands them to the workers.
    Result<void> addSource(Pending& pending)
    {
        const Source& source = m_sources[pending.source];
        auto opened = std::make_shared<QFile>(source.path);
        QFile& file = *opened;
        if (!file.open(QIODevice::ReadOnly)) {
            if (!QFileInfo::exists(source.path)) { // deleted while the backup ran
                pending.skip = true;
                pending.allRead = true;
                return ok();
            }
            return fail(ErrorCode::Io, FcbArchiveWriterText::tr("Could not read %1.").arg(source.path),
                file.errorString());
        }
        pending.size = file.size();
        if (pending.size <= kWholeLimit) {
            auto piece = std::make_shared<Piece>();
            piece->path = source.path;
            piece->weight = pending.size + 4096; // and its bookkeeping: many tiny files count too
            file.close();
            piece->whole = true;
            piece->last = true;
            pending.allRead = true;
            return submit(pending, piece);
        }
        // Larger files in chunks, planned from the size now; the first bytes decide whether
        // the file is compressed at all.
        const QByteArray head = file.read(65536);
        if (file.error() != QFileDevice::NoError)
            return fail(ErrorCode::Io, FcbArchiveWriterText::tr("Could not read %1.").arg(source.path),
                file.errorString());
        pending.deflate = compresses(head);
        pending.hash = std::make_shared<OrderedSha256>();
        const qint64 chunk = pending.deflate ? kDeflateChunk : kChunk;
        const int chunks = int((pending.size + chunk - 1) / chunk);
        for (int index = 0; index < chunks; ++index) {
            if (m_task && m_task->isCanceled())
                return fail(ErrorCode::Cancelled, FcbArchiveWriterText::tr("Cancelled."));
            auto piece = std::make_shared<Piece>();
            piece->source = opened;
            piece->offset = qint64(index) * chunk;
            piece->weight = qMin(chunk, pending.size - piece->offset);
            piece->hash = pending.hash;
            piece->index = index;
            piece->store = !pending.deflate;
            piece->last = index == chunks - 1;
            pending.allRead = piece->last;
            // Deque elements stay where they are as the queue grows: `pending` stays valid.
            if (auto submitted = submit(pending, piece); !submitted)
                return submitted;
        }
        return ok();
    }

    // The oldest source still being made: waits until it is, then adds it.
    Result<void> startWaiting()
    {
        Pending& pending = *m_waiting.front();
        m_waiting.pop_front();
        const Result<void>& ready = m_sources[pending.source].ready.get();
        if (!ready)
            return fail(ready.error());
        return addSource(pending);
    }

    ArchiveWriter& m_writer;
    const QList<Source>& m_sources;
    ByteProgress& m_progress;
    TaskContext* m_task;
    std::deque<Pending> m_queue;
    std::atomic<qint64> m_held = 0; // memory of the pieces not yet written (see Piece::weight)
    bool m_entryOpen = false;
    quint32 m_entryCrc = 0;
    qint64 m_entrySize = 0;
    qsizetype m_nextPiece = 0; // of m_queue.front()
    // Sources still being made (see Source::ready), in order: placeholders in the queue.
    std::deque<Pending*> m_waiting;
};

Result<void> ArchiveWriter::addFiles(const QList<Source>& sources, ByteProgress& progress)
{
    Batch batch(*this, sources, progress);
    return batch.run();
}

Result<void> ArchiveWriter::addBytes(const QString& entryName, const QByteArray& bytes, const QDateTime& time)
{
    std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor*)> compressor(
        libdeflate_alloc_compressor(m_options.level), libdeflate_free_compressor);
    if (!compressor)
        return fail(ErrorCode::Internal, FcbArchiveWriterText::tr("Could not compress %1.").arg(entryName));
    QByteArray deflated(qsizetype(libdeflate_deflate_compress_bound(compressor.get(), size_t(bytes.size()))),
        Qt::Uninitialized);
    deflated.resize(qsizetype(libdeflate_deflate_compress(compressor.get(), bytes.constData(),
        size_t(bytes.size()), deflated.data(), size_t(deflated.size()))));
    if (deflated.isEmpty())
        return fail(ErrorCode::Internal, FcbArchiveWriterText::tr("Could not compress %1.").arg(entryName));
    const ZipWriter::Entry entry { entryName, time, ZipWriter::Deflated, 0100600, false };
    if (!m_zip->begin(entry) || !m_zip->write(deflated.constData(), deflated.size())
        || !m_zip->end(crc32(0, bytes.constData(), bytes.size()), quint64(bytes.size())))
        return fail(writeError(FcbArchiveWriterText::tr("Could not add %1 to the archive.").arg(entryName)));
    m_digests.append({ entryName, Sha256::hex(bytes.constData(), bytes.size()) });
    return ok();
}

Result<void> ArchiveWriter::finish()
{
    if (!m_zip->finish())
        return fail(writeError(FcbArchiveWriterText::tr("Could not finish the archive %1.").arg(m_path)));
    if (!m_file.finish())
        return fail(m_file.noSpace() ? ErrorCode::NoSpace : ErrorCode::Io,
            FcbArchiveWriterText::tr("Could not write %1 to disk.").arg(m_path), m_file.errorString());
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
        result.append({ QString::fromUtf8(name), digest });
    }
    return result;
}

} // namespace fcb
