#include "ArchiveReader.h"

#include "FileUtil.h"
#include "Logging.h"
#include "TempNames.h"
#include "archive/ArchiveWriter.h"
#include "sqlite/Sqlite.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QtEndian>

#include "archive/DeflateBlocks.h"
#include "archive/FastHash.h"
#include "archive/ZipDirectory.h"

#include <QFuture>
#include <QtConcurrent>

#include <atomic>
#include <cstring>
#include <deque>
#include <libdeflate.h>
#include <memory>
#include <optional>
#include <zlib.h>

#include <csignal>
#include <setjmp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>

// Translation context for this file's messages (lupdate reads the class name).
class FcbArchiveReaderText
{
    Q_DECLARE_TR_FUNCTIONS(FcbArchiveReaderText)
};

namespace fcb {

namespace {

const QString kDatabase = QStringLiteral("database.db");
const QString kMetadata = QStringLiteral("metadata.json");
const QString kSums = QStringLiteral("SHA256SUMS");
const QString kFilesPrefix = QStringLiteral("files/");
constexpr qint64 maxSumsSize = 64 << 20;
// Entries up to this size are inflated whole with libdeflate on the worker threads, several at
// once; larger ones stream through zlib here.
constexpr quint64 kWholeEntry = 16 << 20;
constexpr qint64 kCheckWindow = 64 << 20;

// One entry checked (and written, when extracting) on a worker thread.
struct EntryCheck
{
    QString name;
    QByteArray compressed;
    int method = 0;
    quint64 size = 0;
    quint32 crc = 0;
    QString target; // extract here, if set
    bool ownerOnly = false;
    bool keepBytes = false; // SHA256SUMS and metadata.json
    qint64 weight = 0; // memory it holds while in flight
    bool large = false; // streamed from its own handle on the archive
    QString zipPath;
    qint64 dataAt = 0; // where its data begins in the archive
    quint64 compressedSize = 0;
    bool isDatabase = false;
    TaskContext* task = nullptr;
    bool cancelled = false;
    std::optional<Result<QString>> integrity; // the database's, checked right after it landed
    // results
    bool damaged = false;
    QString writeError;
    bool noSpace = false;
    QByteArray digest;
    QByteArray bytes;
};

void checkIntegrity(EntryCheck& e);

// Why a write to out just failed: the system's reason when the call left one in errno (QFile's
// own text can be "Unknown error" after a buffered write), else the device's.
void noteWriteFailure(EntryCheck& e, const QFileDevice& out, int err)
{
    e.writeError = err != 0 ? QString::fromLocal8Bit(std::strerror(err)) : out.errorString();
    e.noSpace = err == ENOSPC || err == EDQUOT || out.error() == QFileDevice::ResourceError;
}

// Opens the entry's target, if it has one, as a new file; false (with e.writeError) if it cannot.
bool openTarget(EntryCheck& e, std::unique_ptr<QFile>& out)
{
    if (e.target.isEmpty())
        return true;
    out = std::make_unique<QFile>(e.target);
    const auto perms
        = e.ownerOnly ? files::ownerOnly : files::ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    errno = 0;
    if (out->open(QIODevice::ReadWrite | QIODevice::NewOnly, perms)) // read too: the pieces map it
        return true;
    noteWriteFailure(e, *out, errno);
    return false;
}

void checkEntry(EntryCheck& e)
{
    QByteArray data;
    if (e.method == 0) {
        data = e.compressed;
    } else {
        thread_local std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> inflater(
            libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
        data.resize(qsizetype(e.size));
        // Exactly the declared size or it is damaged: more data than declared is a zip bomb.
        e.damaged = libdeflate_deflate_decompress(inflater.get(), e.compressed.constData(),
                        size_t(e.compressed.size()), data.data(), size_t(e.size), nullptr)
            != LIBDEFLATE_SUCCESS;
    }
    e.compressed = QByteArray();
    e.damaged
        = e.damaged || quint64(data.size()) != e.size || crc32(0, data.constData(), data.size()) != e.crc;
    e.digest = Sha256::hex(data.constData(), data.size());
    if (e.keepBytes && data.size() <= maxSumsSize)
        e.bytes = data;
    if (!e.target.isEmpty() && !e.damaged) {
        QFile out(e.target);
        const auto perms = e.ownerOnly ? files::ownerOnly
                                       : files::ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        errno = 0;
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, perms) || out.write(data) != data.size()
            || !out.flush())
            noteWriteFailure(e, out, errno);
    }
    checkIntegrity(e);
}

void checkIntegrity(EntryCheck& e)
{
    if (!e.isDatabase || e.target.isEmpty() || !e.writeError.isEmpty() || e.damaged)
        return;
    e.integrity = sqlite::integrityCheck(e.target);
    // Opening it may leave -wal/-shm beside it; staging must hold database.db alone.
    QFile::remove(e.target + QStringLiteral("-wal"));
    QFile::remove(e.target + QStringLiteral("-shm"));
}

// Where a streamed entry's bytes go as they are inflated: held to its declared size, into its
// CRC and SHA-256, its target, and its kept bytes.
struct EntrySink
{
    EntrySink(EntryCheck& entry, QFile* target)
        : e(entry)
        , out(target)
    { }

    // False once the entry is judged (damaged, or the target failed).
    bool take(const char* data, qint64 n)
    {
        produced += quint64(n);
        if (produced > e.size) {
            damaged = true; // more data than the directory declares: a zip bomb or damage
            return false;
        }
        crc = crc32(crc, data, n);
        hash.add(data, n);
        errno = 0;
        if (out && out->write(data, n) != n) {
            noteWriteFailure(e, *out, errno);
            return false;
        }
        if (e.keepBytes && produced <= quint64(maxSumsSize))
            e.bytes.append(data, n);
        return true;
    }

    EntryCheck& e;
    QFile* out;
    Sha256 hash;
    quint64 produced = 0;
    quint32 crc = 0;
    bool damaged = false;
};

// Inflates the input z holds into sink, through buffer, until the input is used up, the stream
// ended or the entry is judged; false if the task was cancelled meanwhile.
bool inflateInput(z_stream& z, QByteArray& buffer, EntrySink& sink, bool& ended)
{
    while (!ended && !sink.damaged) {
        if (sink.e.task && sink.e.task->isCanceled()) {
            sink.e.cancelled = true;
            return false;
        }
        z.next_out = reinterpret_cast<Bytef*>(buffer.data());
        z.avail_out = uInt(buffer.size());
        const int status = inflate(&z, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
            sink.damaged = true;
            break;
        }
        ended = status == Z_STREAM_END;
        const qint64 have = buffer.size() - qint64(z.avail_out);
        if ((have > 0 && !sink.take(buffer.constData(), have)) || z.avail_out != 0 || have == 0)
            break; // judged, or all of this input taken
    }
    return true;
}

// Streams the entry through zlib, as a serial reader would: its bytes must be a DEFLATE stream
// that ends (trailing bytes are ignored, as zipfile and minizip do) and inflates to exactly
// the declared size and CRC.
void checkLargeEntry(EntryCheck& e)
{
    QFile archive(e.zipPath);
    const bool deflated = e.method == Z_DEFLATED;
    if ((!deflated && e.method != 0) || !archive.open(QIODevice::ReadOnly) || !archive.seek(e.dataAt)) {
        e.damaged = true;
        return;
    }
    z_stream z {};
    if (deflated && inflateInit2(&z, -MAX_WBITS) != Z_OK) {
        e.damaged = true;
        return;
    }
    const auto endInflate = qScopeGuard([&z, deflated] {
        if (deflated)
            inflateEnd(&z);
    });
    std::unique_ptr<QFile> out;
    if (!openTarget(e, out))
        return;
    QByteArray input(1 << 20, Qt::Uninitialized);
    QByteArray buffer(deflated ? 1 << 20 : 0, Qt::Uninitialized);
    EntrySink sink(e, out.get());
    quint64 remaining = e.compressedSize;
    bool ended = !deflated; // a stored entry ends with its bytes
    while (remaining > 0 && !(deflated && ended) && !sink.damaged) {
        if (e.task && e.task->isCanceled()) {
            e.cancelled = true;
            return;
        }
        const qint64 n = archive.read(input.data(), qint64(qMin<quint64>(remaining, quint64(input.size()))));
        if (n <= 0) {
            sink.damaged = true;
            break;
        }
        remaining -= quint64(n);
        if (!deflated) {
            if (!sink.take(input.constData(), n))
                break;
            continue;
        }
        z.next_in = reinterpret_cast<Bytef*>(input.data());
        z.avail_in = uInt(n);
        if (!inflateInput(z, buffer, sink, ended))
            return; // cancelled
        if (!e.writeError.isEmpty())
            return;
    }
    if (!e.writeError.isEmpty())
        return;
    e.damaged = sink.damaged || !ended || sink.produced != e.size || sink.crc != e.crc;
    e.digest = sink.hash.hex();
    errno = 0;
    if (out && !out->flush())
        noteWriteFailure(e, *out, errno);
    out.reset();
    checkIntegrity(e);
}

Error notAZip(const QString& path, const QString& detail)
{
    return Error::make(ErrorCode::BadArchive,
        FcbArchiveReaderText::tr("%1 is not a readable zip archive (damaged or truncated).")
            .arg(QFileInfo(path).fileName()),
        detail);
}

// A problem with the archive's structure, in words the user can act on (without the archive's
// name: callers add it where it is not clear).
QString describe(const zipdir::Problem& problem)
{
    const QString entry = QString::fromUtf8(problem.entry);
    switch (problem.kind) {
    case zipdir::Problem::Malformed:
        break;
    case zipdir::Problem::Encrypted:
        return FcbArchiveReaderText::tr("The entry \"%1\" is encrypted, which FastCMS backups never are.")
            .arg(entry);
    case zipdir::Problem::NotUtf8:
        return FcbArchiveReaderText::tr("The name of an entry is marked as UTF-8 but is not valid UTF-8.");
    case zipdir::Problem::Duplicate:
        return FcbArchiveReaderText::tr("The entry \"%1\" appears twice.").arg(entry);
    case zipdir::Problem::Mismatch:
        return FcbArchiveReaderText::tr("The entry \"%1\" does not match its local header.").arg(entry);
    }
    return entry.isEmpty()
        ? FcbArchiveReaderText::tr("The zip structure is damaged.")
        : FcbArchiveReaderText::tr("The zip structure of the entry \"%1\" is damaged.").arg(entry);
}

Error invalidArchive(const QString& path, const zipdir::Problem& problem)
{
    if (problem.kind == zipdir::Problem::Malformed && problem.entry.isEmpty())
        return notAZip(path, problem.detail);
    return Error::make(ErrorCode::BadArchive,
        FcbArchiveReaderText::tr("%1 is not a valid backup archive: %2")
            .arg(QFileInfo(path).fileName(), describe(problem)),
        problem.detail);
}

// The central directory, read once and checked whole: what readDirectory() returns, and what
// verification needs to find each entry's data.
struct WholeDirectory
{
    zipdir::Layout layout;
    QList<zipdir::Record> records; // their names point into names
    QList<QByteArray> names;
    ArchiveDirectory directory;
};

Result<WholeDirectory> readWholeDirectory(const QString& zipPath)
{
    if (!QFileInfo::exists(zipPath))
        return fail(ErrorCode::NotFound,
            FcbArchiveReaderText::tr("The backup %1 does not exist.").arg(QFileInfo(zipPath).fileName()));
    QFile file(zipPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(notAZip(zipPath, file.errorString()));
    zipdir::FileSource source(file);
    const auto layout = zipdir::findDirectory(source);
    if (!layout)
        return fail(invalidArchive(zipPath, layout.error()));
    WholeDirectory whole;
    whole.layout = *layout;
    const qsizetype count = qsizetype(qMin<quint64>(layout->count, 1 << 20)); // reserved, not trusted
    whole.records.reserve(count);
    whole.names.reserve(count);
    whole.directory.entries.reserve(count);
    QSet<QString> seen;
    seen.reserve(count);
    zipdir::Walk walk(source, *layout);
    zipdir::Record record;
    for (;;) {
        const auto more = walk.next(record);
        if (!more)
            return fail(invalidArchive(zipPath, more.error()));
        if (!*more)
            break;
        ArchiveEntry entry;
        entry.name = zipdir::decodeName(record);
        // By the decoded name: two that read the same would land on one file.
        if (seen.contains(entry.name))
            return fail(invalidArchive(zipPath,
                { zipdir::Problem::Duplicate, record.name.toByteArray(), QStringLiteral("duplicate name") }));
        seen.insert(entry.name);
        entry.size = record.size;
        entry.compressedSize = record.compressedSize;
        entry.crc = record.crc;
        entry.method = record.method;
        entry.externalAttr = record.externalAttr;
        whole.directory.totalSize += record.size;
        whole.directory.entries.append(entry);
        whole.names.append(record.name.toByteArray());
        whole.records.append(record);
    }
    for (qsizetype i = 0; i < whole.records.size(); ++i)
        whole.records[i].name = whole.names.at(i);
    return whole;
}

// ---- Large DEFLATE entries in parallel ---------------------------------------------------------
//
// ArchiveWriter compresses large files in independent chunks, each but the last ending with an
// empty stored block (00 00 FF FF on a byte boundary). Cut there, a piece plus a final empty
// block is a complete DEFLATE stream of its own, and the pieces inflate in parallel. Where a cut
// is not a real chunk boundary, or the stream refers back across it (zlib's sync flushes), the
// piece fails to inflate exactly, and the entry is checked the ordinary way instead: a stream
// that inflates piece by piece, every piece consumed to its last byte, is the stream a serial
// inflater reads, and its CRC and SHA-256 are checked all the same. A piece is inflated by
// dflt::inflateBlocks, which also tells where its final block began: the bytes and the walk in
// one pass (libdeflate is faster at the bytes alone, but then the walk is a second pass).

constexpr qint64 kPieceOutputLimit = 16 << 20; // more from one piece: not one of our chunks
constexpr qint64 kPieceInputLimit = 8 << 20; // no cut this far: not a chunked stream
constexpr qint64 kPieceMinimum = 64 << 10; // cuts closer than this are merged (always valid)
// Pieces inflating, and as many again being written: with the limits above, at most 200 MB in
// flight; ours (2 MB chunks) keep it near 30 MB.
constexpr int kPiecesInFlight = 4;

struct StreamPiece
{
    QByteArray input; // compressed bytes, with a final empty block appended unless it is the last
    bool last = false;
    bool stored = false; // a slice of a stored entry: only checksums
    qint64 outputLimit = 0;
    QByteArray output;
    bool ok = false;
    quint32 crc = 0;
    std::shared_ptr<OrderedSha256> hash; // the entry's, with this piece's place in it
    int index = 0;
};

void inflate(StreamPiece& p)
{
    p.output.resize(qsizetype(p.outputLimit));
    const auto walk = dflt::inflateBlocks(reinterpret_cast<const uchar*>(p.input.constData()), p.input.size(),
        reinterpret_cast<uchar*>(p.output.data()), p.output.size());
    // Consumed to the last byte is not enough: a final block that began earlier could have
    // taken the appended bytes as its own, where a serial inflater would stop. The appended
    // block must be the final one.
    p.ok = walk && (p.last || walk->finalBlockBit == (qint64(p.input.size()) - 2) * 8);
    p.output.resize(p.ok ? qsizetype(walk->produced) : 0);
    p.input = QByteArray();
}

// On the workers: the piece's output, its CRC, and its turn in the entry's SHA-256.
void inflatePiece(StreamPiece& p)
{
    if (p.stored) {
        p.output = std::move(p.input);
        p.ok = true;
    } else {
        inflate(p);
    }
    if (p.ok) {
        p.crc = crc32(0, p.output.constData(), p.output.size());
        p.hash->offer(p.index, p.output);
    }
}

enum class PieceOutcome
{
    Done,
    NotChunked,
    Cancelled,
    WriteFailed
};

// SIGBUS, raised when a page of a mapped file cannot be backed (a full disk, a file cut short
// behind our back), ends the copy that touched it with an error instead of the process.
thread_local sigjmp_buf* volatile t_copyJump = nullptr;
struct sigaction g_previousBus;

void onBus(int signal, siginfo_t* info, void* context)
{
    if (t_copyJump)
        siglongjmp(*t_copyJump, 1);
    if (g_previousBus.sa_flags & SA_SIGINFO) {
        g_previousBus.sa_sigaction(signal, info, context);
    } else if (g_previousBus.sa_handler != SIG_DFL && g_previousBus.sa_handler != SIG_IGN) {
        g_previousBus.sa_handler(signal);
    } else {
        ::signal(SIGBUS, SIG_DFL);
        ::raise(SIGBUS);
    }
}

bool guardedCopy(char* to, const char* from, size_t size)
{
    static std::once_flag installed;
    std::call_once(installed, [] {
        struct sigaction action
        {
        };
        action.sa_sigaction = onBus;
        action.sa_flags = SA_SIGINFO | SA_NODEFER;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGBUS, &action, &g_previousBus);
    });
    sigjmp_buf jump;
    if (sigsetjmp(jump, 1) != 0) {
        t_copyJump = nullptr;
        return false;
    }
    t_copyJump = &jump;
    std::atomic_signal_fence(std::memory_order_seq_cst);
    std::memcpy(to, from, size);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    t_copyJump = nullptr;
    return true;
}

// The pieces' output goes to the target file at its place, on the workers, in parallel. On local
// file systems that reserve space when a mapped page is first written, the file is extended to
// its size and each piece copied into a mapping of its own stretch: page faults fill new
// page-cache pages on every core at once, where write() holds the file's lock while it copies,
// one thread at a time, and filling new pages costs more than inflating them. A copy that fails
// (SIGBUS: no space for the page) is done again with pwrite, which says why. Elsewhere, pwrite.
class PieceWriter
{
public:
    PieceWriter(int fd, quint64 size)
        : m_fd(fd)
    {
        struct statfs fs
        {
        };
        if (size == 0 || ::fstatfs(fd, &fs) != 0)
            return;
        switch (quint32(fs.f_type)) {
        case 0xEF53: // ext2/3/4
        case 0x58465342: // xfs
        case 0x9123683E: // btrfs
        case 0x01021994: // tmpfs
            m_mapped = ::ftruncate(fd, off_t(size)) == 0; // a hole: nothing is allocated yet
            break;
        default:
            break;
        }
    }
    ~PieceWriter() { waitAll(); }

    void write(std::shared_ptr<StreamPiece> piece, qint64 offset)
    {
        while (m_writes.size() >= size_t(kPiecesInFlight)) {
            m_writes.front().waitForFinished();
            m_writes.pop_front();
        }
        m_writes.push_back(QtConcurrent::run(archiveWorkers(), [this, piece = std::move(piece), offset] {
            if (!failed()) {
                if (const int code = m_mapped ? copyMapped(*piece, offset) : copyWritten(*piece, offset))
                    setError(code);
            }
            piece->output = QByteArray();
        }));
    }
    void waitAll()
    {
        for (auto& w : m_writes)
            w.waitForFinished();
        m_writes.clear();
    }
    bool failed() const
    {
        std::lock_guard lock(m_mutex);
        return !m_error.isEmpty();
    }
    QString error() const
    {
        std::lock_guard lock(m_mutex);
        return m_error;
    }
    bool noSpace() const
    {
        std::lock_guard lock(m_mutex);
        return m_noSpace;
    }

private:
    // 0, or an errno.
    int copyMapped(const StreamPiece& piece, qint64 offset) const
    {
        const qint64 size = piece.output.size();
        if (size == 0)
            return 0;
        static const qint64 pageSize = ::sysconf(_SC_PAGESIZE);
        const qint64 start = offset - offset % pageSize;
        const size_t length = size_t(offset + size - start);
        void* map = ::mmap(nullptr, length, PROT_WRITE, MAP_SHARED, m_fd, off_t(start));
        if (map == MAP_FAILED)
            return copyWritten(piece, offset);
        // No read-ahead: it would fill (zero) the next pieces' pages on this thread.
        ::madvise(map, length, MADV_RANDOM);
        const bool copied
            = guardedCopy(static_cast<char*>(map) + (offset - start), piece.output.constData(), size_t(size));
        ::munmap(map, length);
        return copied ? 0 : copyWritten(piece, offset);
    }
    int copyWritten(const StreamPiece& piece, qint64 offset) const
    {
        const char* data = piece.output.constData();
        qint64 left = piece.output.size();
        while (left > 0) {
            const ssize_t n = ::pwrite(m_fd, data, size_t(left), off_t(offset));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return n < 0 ? errno : ENOSPC;
            data += n;
            left -= n;
            offset += n;
        }
        return 0;
    }
    void setError(int code)
    {
        std::lock_guard lock(m_mutex);
        if (m_error.isEmpty()) {
            m_error = qt_error_string(code);
            m_noSpace = code == ENOSPC || code == EDQUOT;
        }
    }

    int m_fd;
    bool m_mapped = false;
    std::deque<QFuture<void>> m_writes;
    mutable std::mutex m_mutex;
    QString m_error;
    bool m_noSpace = false;
};

// One large entry inflating in pieces (see inflateInPieces()): the pieces in flight, in order,
// what was taken of them, and what is read but not yet cut. Whatever happens, no worker
// outlives the pieces it works on.
class PieceInflater
{
public:
    PieceInflater(EntryCheck& e, bool stored, ByteProgress& progress)
        : m_e(e)
        , m_stored(stored)
        , m_progress(progress)
    { }
    ~PieceInflater()
    {
        for (auto& piece : m_pieces)
            piece.second.waitForFinished();
    }

    // Opens the target, if any, and its writer; false (with e.writeError) if it cannot.
    bool openOutput()
    {
        if (!openTarget(m_e, m_out))
            return false;
        if (m_out)
            m_writer.emplace(m_out->handle(), m_e.size);
        return true;
    }

    // Reads the entry from the archive's current position, and inflates and writes it in pieces.
    PieceOutcome run(QFile& archive, quint64 compressedSize)
    {
        if (const auto stopped = readAll(archive, compressedSize))
            return giveUp(*stopped);
        m_pending.remove(0, m_start);
        if (m_readSoFar != compressedSize || (m_pending.isEmpty() && !m_stored))
            return giveUp(PieceOutcome::NotChunked);
        if (!m_stored)
            submit(m_pending, true);
        if (!take(true))
            return giveUp(m_failed ? PieceOutcome::WriteFailed : PieceOutcome::NotChunked);
        if (m_produced != m_e.size || m_crc != m_e.crc)
            return giveUp(PieceOutcome::NotChunked);
        if (m_writer) {
            m_writer->waitAll();
            if (m_writer->failed()) {
                m_e.writeError = m_writer->error();
                m_e.noSpace = m_writer->noSpace();
                return giveUp(PieceOutcome::WriteFailed);
            }
        }
        m_e.digest = m_hash->hex(); // every piece's task has finished: every piece is hashed
        m_e.damaged = false;
        return PieceOutcome::Done;
    }

private:
    // Reads the entry to its end, handing it to the workers piece by piece: nullopt once it is
    // all read (the last piece, if deflated, is left in m_pending), else the outcome to give up
    // with.
    std::optional<PieceOutcome> readAll(QFile& archive, quint64 compressedSize)
    {
        for (;;) {
            if (m_e.task && m_e.task->isCanceled())
                return PieceOutcome::Cancelled;
            const qint64 want
                = qint64(qMin<quint64>(compressedSize - m_readSoFar, m_stored ? 4 << 20 : 1 << 20));
            if (m_stored) {
                const QByteArray block = archive.read(want);
                m_readSoFar += quint64(block.size());
                if (block.isEmpty())
                    return std::nullopt;
                submit(block, false);
                if (!take(false))
                    return m_failed ? PieceOutcome::WriteFailed : PieceOutcome::NotChunked;
                continue;
            }
            m_pending.remove(0, m_start); // the pieces cut off during the last read
            m_scanned = qMax<qsizetype>(0, m_scanned - m_start - 3); // a marker may straddle two reads
            m_start = 0;
            const qsizetype had = m_pending.size();
            m_pending.resize(had + want); // read straight in behind what is left
            const qint64 got = want > 0 ? archive.read(m_pending.data() + had, want) : 0;
            m_pending.resize(had + qMax<qint64>(0, got));
            if (got <= 0)
                return std::nullopt;
            m_readSoFar += quint64(got);
            if (const auto stopped = cutPieces())
                return stopped;
            m_scanned = m_pending.size();
            if (m_pending.size() - m_start > kPieceInputLimit)
                return PieceOutcome::NotChunked;
        }
    }

    // Cuts pieces off m_pending and submits them: nullopt once no more cut is found, else the
    // outcome to give up with. A cut after the first marker at least kPieceMinimum into the
    // piece; m_scanned: no marker before it that could end a piece.
    std::optional<PieceOutcome> cutPieces()
    {
        static constexpr char marker[4] = { '\x00', '\x00', '\xff', '\xff' };
        for (;;) {
            const qsizetype from = qMax(m_scanned, m_start + kPieceMinimum - 4);
            if (from >= m_pending.size())
                return std::nullopt;
            const void* found = ::memmem(
                m_pending.constData() + from, size_t(m_pending.size() - from), marker, sizeof marker);
            if (!found)
                return std::nullopt;
            const qsizetype at = static_cast<const char*>(found) - m_pending.constData();
            QByteArray input;
            input.reserve(at + 4 - m_start + 2); // room for the final block submit appends
            input.append(m_pending.constData() + m_start, at + 4 - m_start);
            submit(std::move(input), false);
            m_start = m_scanned = at + 4;
            if (!take(false))
                return m_failed ? PieceOutcome::WriteFailed : PieceOutcome::NotChunked;
            if (m_e.task && m_e.task->isCanceled())
                return PieceOutcome::Cancelled;
        }
    }

    // Hands a piece to the workers.
    void submit(QByteArray input, bool last)
    {
        auto piece = std::make_shared<StreamPiece>();
        piece->input = std::move(input);
        piece->last = last;
        piece->stored = m_stored;
        piece->hash = m_hash;
        piece->index = m_submitted++;
        if (!m_stored) {
            if (!last)
                piece->input.append("\x03\x00", 2); // BFINAL=1, fixed Huffman, end of block
            piece->outputLimit
                = qint64(qMin<quint64>(m_e.size - qMin(m_e.size, m_produced), quint64(kPieceOutputLimit)));
        }
        m_pieces.emplace_back(piece, QtConcurrent::run(archiveWorkers(), [piece] { inflatePiece(*piece); }));
    }

    // Takes the finished pieces at the front, in order (all of them, when `all`): false once one
    // failed to inflate exactly or ran past the declared size, or a write failed (m_failed).
    bool take(bool all)
    {
        while (!m_pieces.empty()
            && (all || int(m_pieces.size()) >= kPiecesInFlight || m_pieces.front().second.isFinished())) {
            m_pieces.front().second.waitForFinished();
            const std::shared_ptr<StreamPiece> piece = m_pieces.front().first;
            const qint64 size = piece->output.size();
            if (!piece->ok || m_produced + quint64(size) > m_e.size)
                return false;
            m_crc = quint32(crc32_combine(m_crc, piece->crc, z_off_t(size)));
            if (m_writer && m_writer->failed()) {
                m_e.writeError = m_writer->error();
                m_e.noSpace = m_writer->noSpace();
                m_failed = true;
                return false;
            }
            if (m_writer)
                m_writer->write(piece, qint64(m_produced));
            m_produced += quint64(size);
            m_progress.add(size);
            m_counted += size;
            m_pieces.pop_front();
        }
        return true;
    }

    // Waits for the pieces, takes back the progress counted, and removes the target.
    PieceOutcome giveUp(PieceOutcome outcome)
    {
        for (auto& piece : m_pieces)
            piece.second.waitForFinished();
        m_pieces.clear();
        m_progress.add(-m_counted); // counted again by the ordinary check
        m_writer.reset(); // waits for the writes
        if (m_out) {
            m_out->close();
            QFile::remove(m_e.target);
        }
        return outcome;
    }

    EntryCheck& m_e;
    const bool m_stored;
    ByteProgress& m_progress;
    std::unique_ptr<QFile> m_out;
    std::optional<PieceWriter> m_writer;
    std::deque<std::pair<std::shared_ptr<StreamPiece>, QFuture<void>>> m_pieces;
    std::shared_ptr<OrderedSha256> m_hash = std::make_shared<OrderedSha256>();
    quint64 m_produced = 0;
    qint64 m_counted = 0; // progress reported so far
    int m_submitted = 0;
    quint32 m_crc = 0;
    bool m_failed = false;
    QByteArray m_pending;
    qsizetype m_start = 0; // of the next piece in m_pending
    qsizetype m_scanned = 0;
    quint64 m_readSoFar = 0;
};

// Inflates a large DEFLATE entry in pieces on the workers (see above), which also compute each
// piece's CRC and the SHA-256 in order; the output is written in order here. Done: e.digest
// and e.damaged are set and the output is written to e.target if set. NotChunked: nothing was
// decided; the target, if any, is removed again. Stored entries go the same way, in slices.
PieceOutcome inflateInPieces(QFile& archive, qint64 dataAt, int method, int flags, EntryCheck& e,
    quint64 compressedSize, ByteProgress& progress)
{
    if ((method != Z_DEFLATED && method != 0) || (flags & 1) || !archive.seek(dataAt))
        return PieceOutcome::NotChunked; // encrypted entries are refused by the ordinary check
    PieceInflater inflater(e, method == 0, progress);
    if (!inflater.openOutput())
        return PieceOutcome::WriteFailed;
    return inflater.run(archive, compressedSize);
}

} // namespace

bool ArchiveEntry::isSymlink() const
{
    return ((externalAttr >> 16) & S_IFMT) == S_IFLNK;
}

const ArchiveEntry* ArchiveDirectory::find(const QString& name) const
{
    for (const ArchiveEntry& entry : entries)
        if (entry.name == name)
            return &entry;
    return nullptr;
}

namespace archive {

Result<ArchiveDirectory> readDirectory(const QString& zipPath)
{
    auto whole = readWholeDirectory(zipPath);
    if (!whole)
        return fail(whole.error());
    return std::move(whole->directory);
}

// Read directly: listing a page opens twenty archives for their metadata.json, and a handful of
// reads each (the end of the file, the central directory, the entry) is all it takes. The walk
// goes on past the entry, for a second one of the same name, and checks every record it passes;
// the entry's local header must agree with its record.
namespace {

// One entry's record, found by a walk that goes on past it (for a second one of the same name)
// and checks every record it passes.
struct FoundEntry
{
    zipdir::Layout layout;
    zipdir::Record record; // its name points into `name`
    QByteArray name;
};

Result<FoundEntry> findEntry(const QString& zipPath, zipdir::Source& source, const QString& name)
{
    const auto layout = zipdir::findDirectory(source);
    if (!layout)
        return fail(invalidArchive(zipPath, layout.error()));
    const QByteArray wanted = name.toUtf8();
    zipdir::Walk walk(source, *layout);
    zipdir::Record record;
    std::optional<zipdir::Record> found;
    for (;;) {
        const auto more = walk.next(record);
        if (!more)
            return fail(invalidArchive(zipPath, more.error()));
        if (!*more)
            break;
        if (record.name.size() != wanted.size()
            || std::memcmp(record.name.data(), wanted.constData(), size_t(wanted.size())) != 0)
            continue;
        if (found)
            return fail(invalidArchive(
                zipPath, { zipdir::Problem::Duplicate, wanted, QStringLiteral("duplicate name") }));
        found = record;
    }
    if (!found)
        return fail(ErrorCode::NotFound, FcbArchiveReaderText::tr("The archive has no %1.").arg(name));
    FoundEntry entry { *layout, *found, wanted }; // the walk's window is gone with the walk
    entry.record.name = entry.name;
    return entry;
}

std::unexpected<Error> damagedEntry(const QString& name, const QString& detail)
{
    return fail(
        ErrorCode::BadArchive, FcbArchiveReaderText::tr("%1 in the archive is damaged.").arg(name), detail);
}

} // namespace

Result<QByteArray> readEntry(const QString& zipPath, const QString& name, qint64 maxBytes)
{
    QFile file(zipPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(notAZip(zipPath, file.errorString()));
    zipdir::FileSource source(file);
    const auto entry = findEntry(zipPath, source, name);
    if (!entry)
        return fail(entry.error());
    const auto layout = &entry->layout;
    const auto found = &entry->record;
    const quint64 size = found->size;
    const quint64 packed = found->compressedSize;
    const quint16 method = found->method;
    // DEFLATE never needs much more room than the data itself: nothing larger is read.
    if (size > quint64(maxBytes) || packed > quint64(maxBytes) + quint64(maxBytes) / 1000 + (64 << 10))
        return fail(
            ErrorCode::BadArchive, FcbArchiveReaderText::tr("%1 in the archive is too large.").arg(name));
    const auto damaged = [&](const QString& detail) { return damagedEntry(name, detail); };
    if (method != 0 && method != Z_DEFLATED)
        return damaged(QStringLiteral("method %1").arg(method));
    const auto dataAt = zipdir::locateData(source, *layout, *found);
    if (!dataAt)
        return fail(invalidArchive(zipPath, dataAt.error()));
    if (method == 0 && packed != size)
        return damaged(QStringLiteral("sizes"));
    const auto data = source.read(qint64(*dataAt), qint64(packed));
    if (!data)
        return damaged(QStringLiteral("short read"));
    QByteArray bytes;
    if (method == 0) {
        bytes = *data;
    } else {
        bytes.resize(qsizetype(size));
        std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> inflater(
            libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
        // Exactly the declared size, or it is an error (a short or overlong stream alike).
        if (!inflater
            || libdeflate_deflate_decompress(inflater.get(), data->constData(), size_t(data->size()),
                   bytes.data(), size_t(size), nullptr)
                != LIBDEFLATE_SUCCESS)
            return damaged(QStringLiteral("inflate"));
    }
    if (crc32(0, bytes.constData(), bytes.size()) != found->crc)
        return damaged(QStringLiteral("CRC"));
    return bytes;
}

Result<Metadata> readMetadata(const QString& zipPath)
{
    auto bytes = readEntry(zipPath, kMetadata, 1 << 20);
    if (!bytes)
        return fail(bytes.error());
    return Metadata::fromJson(*bytes);
}

QStringList layoutProblems(const ArchiveDirectory& directory)
{
    QStringList problems;
    QSet<QString> seen;
    bool hasDatabase = false;
    for (const ArchiveEntry& entry : directory.entries) {
        const QString& name = entry.name;
        if (seen.contains(name)) {
            problems.append(FcbArchiveReaderText::tr("The entry \"%1\" appears twice.").arg(name));
            continue;
        }
        seen.insert(name);
        if (name.startsWith(QLatin1Char('/')) || name.startsWith(QLatin1Char('\\'))
            || (name.size() > 1 && name[1] == QLatin1Char(':'))) {
            problems.append(FcbArchiveReaderText::tr("The entry \"%1\" has an absolute path.").arg(name));
            continue;
        }
        if (name.contains(QChar(0))) {
            problems.append(FcbArchiveReaderText::tr("An entry name contains a NUL character."));
            continue;
        }
        const QStringList parts = name.split(QLatin1Char('/'));
        if (parts.contains(QStringLiteral(".."))
            || name.split(QLatin1Char('\\')).contains(QStringLiteral(".."))) {
            problems.append(
                FcbArchiveReaderText::tr("The entry \"%1\" points outside the archive (\"..\").").arg(name));
            continue;
        }
        if (entry.isSymlink()) {
            problems.append(FcbArchiveReaderText::tr("The entry \"%1\" is a symbolic link.").arg(name));
            continue;
        }
        if (name == kDatabase) {
            hasDatabase = true;
            continue;
        }
        if (name == kMetadata || name == kSums)
            continue;
        if (name.startsWith(kFilesPrefix) && name.size() > kFilesPrefix.size()) {
            // Only the trailing empty part of a directory entry may be empty; "." is no name.
            const QStringList rel = parts.mid(1, entry.isDirectory() ? parts.size() - 2 : -1);
            if (rel.contains(QString()) || rel.contains(QStringLiteral("."))) {
                problems.append(
                    FcbArchiveReaderText::tr("The entry \"%1\" has an empty or \".\" path component.")
                        .arg(name));
                continue;
            }
            continue;
        }
        if (name == kFilesPrefix)
            continue;
        problems.append(
            FcbArchiveReaderText::tr("The entry \"%1\" does not belong in a FastCMS backup.").arg(name));
    }
    if (!hasDatabase)
        problems.append(FcbArchiveReaderText::tr("The archive has no database.db."));
    // "files/a" as a file and "files/a/b" inside it cannot both be extracted.
    QSet<QString> fileNames;
    for (const ArchiveEntry& entry : directory.entries)
        if (!entry.isDirectory())
            fileNames.insert(entry.name);
    for (const ArchiveEntry& entry : directory.entries) {
        QString parent = entry.isDirectory() ? entry.name.chopped(1) : entry.name;
        for (qsizetype slash = parent.lastIndexOf(QLatin1Char('/')); slash > 0;
             slash = parent.lastIndexOf(QLatin1Char('/'))) {
            parent.truncate(slash);
            if (fileNames.contains(parent)) {
                problems.append(
                    FcbArchiveReaderText::tr("The entry \"%1\" lies inside \"%2\", which is a file.")
                        .arg(entry.name, parent));
                break;
            }
        }
        if (entry.isDirectory() && fileNames.contains(entry.name.chopped(1)))
            problems.append(
                FcbArchiveReaderText::tr("\"%1\" is both a file and a folder.").arg(entry.name.chopped(1)));
    }
    return problems;
}

namespace {

// The directory check: the zip check, the counts, and the layout check. False for a hostile
// archive that was to be extracted.
bool checkDirectory(const ArchiveDirectory& directory, const QString& extractTo, VerifyReport& report)
{
    report.checks.append({ QStringLiteral("zip"), VerifyCheck::Status::Passed,
        FcbArchiveReaderText::tr("The zip directory is readable.") });
    report.entryCount = directory.entries.size();
    report.totalSize = directory.totalSize;
    for (const ArchiveEntry& entry : directory.entries)
        if (entry.name.startsWith(kFilesPrefix) && !entry.isDirectory())
            ++report.fileCount;

    const QStringList layout = layoutProblems(directory);
    if (!layout.isEmpty()) {
        report.checks.append(
            { QStringLiteral("layout"), VerifyCheck::Status::Failed, layout.join(QLatin1Char(' ')) });
        if (!extractTo.isEmpty())
            return false;
    } else {
        report.checks.append({ QStringLiteral("layout"), VerifyCheck::Status::Passed,
            FcbArchiveReaderText::tr("The archive holds only database.db, files/ and metadata.") });
    }
    return true;
}

// The error for an entry whose target could not be written.
Error writeFailure(const EntryCheck& e)
{
    return Error::make(e.noSpace ? ErrorCode::NoSpace : ErrorCode::Io,
        FcbArchiveReaderText::tr("Could not write %1: %2.").arg(e.target, e.writeError), e.writeError);
}

// What the entry walk found, for the checks after it.
struct WalkFindings
{
    QStringList headerProblems;
    QStringList crcProblems;
    QHash<QString, QByteArray> digests;
    QByteArray sums;
    QByteArray metadataBytes;
    std::optional<Result<QString>> databaseIntegrity;
    qint64 entriesInPieces = 0;
};

// The entry walk: every entry read once, straight from the file in large reads, once its local
// header agreed with the directory, and checked (and written, when extracting) on the workers.
// Whatever happens, no worker outlives it.
class EntryWalk
{
public:
    EntryWalk(const QString& zipPath, const WholeDirectory& whole, QFile& archive, TaskContext& task,
        const QString& extractTo, const QString& databasePath)
        : m_zipPath(zipPath)
        , m_whole(whole)
        , m_archive(archive)
        , m_source(archive)
        , m_task(task)
        , m_extractTo(extractTo)
        , m_databasePath(databasePath)
        , m_progress { &task, 0, qint64(whole.directory.totalSize),
            FcbArchiveReaderText::tr("Checking %1").arg(QFileInfo(zipPath).fileName()) }
    { }
    ~EntryWalk()
    {
        for (auto& c : m_checks)
            c.second.waitForFinished();
        m_integrityJob.waitForFinished();
    }

    // Walks every entry, in the directory's order.
    Result<void> run()
    {
        for (qsizetype index = 0; index < m_whole.records.size(); ++index) {
            const zipdir::Record& record = m_whole.records.at(index);
            const QString& name = m_whole.directory.entries.at(index).name;
            if (m_task.isCanceled())
                return fail(ErrorCode::Cancelled, FcbArchiveReaderText::tr("Cancelled."));
            const auto dataAt = zipdir::locateData(m_source, m_whole.layout, record);
            if (!dataAt) {
                m_found.headerProblems.append(describe(dataAt.error()));
                qCInfo(lcArchive) << m_zipPath << name << dataAt.error().detail;
                continue;
            }
            if (name.endsWith(QLatin1Char('/'))) {
                if (!m_extractTo.isEmpty() && !QDir().mkpath(m_extractTo + QLatin1Char('/') + name))
                    return fail(ErrorCode::Io,
                        FcbArchiveReaderText::tr("Could not create the folder %1.").arg(name), m_extractTo);
                continue;
            }
            auto e = plan(record, name, qint64(*dataAt));
            if (!e)
                return fail(e.error());
            const bool small = record.size <= kWholeEntry && record.compressedSize <= kWholeEntry + 1024
                && (record.method == 0 || record.method == Z_DEFLATED);
            if (auto checked = small ? checkSmall(*e, record) : checkLarge(*e, record); !checked)
                return checked;
        }
        if (auto collected = collect(true); !collected)
            return fail(collected.error());
        m_integrityJob.waitForFinished();
        if (m_integrityEntry && m_integrityEntry->integrity)
            m_found.databaseIntegrity = m_integrityEntry->integrity;
        return ok();
    }

    const WalkFindings& findings() const { return m_found; }

private:
    // The check of one entry, with its target when it is extracted (its folder made).
    Result<std::shared_ptr<EntryCheck>> plan(const zipdir::Record& record, const QString& name, qint64 dataAt)
    {
        const bool isDatabase = name == kDatabase;
        const bool isSums = name == kSums;
        const bool isMetadata = name == kMetadata;
        const bool extractHere = isDatabase || (!m_extractTo.isEmpty() && name.startsWith(kFilesPrefix));
        auto e = std::make_shared<EntryCheck>();
        e->name = name;
        e->size = record.size;
        e->crc = record.crc;
        e->method = record.method;
        e->compressedSize = record.compressedSize;
        e->dataAt = dataAt;
        e->keepBytes = isSums || isMetadata;
        e->isDatabase = isDatabase;
        if (extractHere) {
            e->target = isDatabase ? m_databasePath : m_extractTo + QLatin1Char('/') + name;
            e->ownerOnly = isDatabase;
            if (auto made = files::makeDirs(QFileInfo(e->target).absolutePath()); !made)
                return fail(made.error());
        }
        return e;
    }

    // A small entry: read here, checked on a worker beside the others.
    Result<void> checkSmall(const std::shared_ptr<EntryCheck>& e, const zipdir::Record& record)
    {
        if (!m_archive.seek(e->dataAt)) {
            m_found.crcProblems.append(
                FcbArchiveReaderText::tr("The entry \"%1\" cannot be read.").arg(e->name));
            return ok();
        }
        e->compressed = m_archive.read(qint64(record.compressedSize));
        if (quint64(e->compressed.size()) != record.compressedSize) {
            m_found.crcProblems.append(
                FcbArchiveReaderText::tr("The entry \"%1\" is damaged (CRC or size mismatch).").arg(e->name));
            return ok();
        }
        e->weight = qint64(e->size) + e->compressed.size();
        m_inFlight += e->weight;
        m_checks.emplace_back(e, QtConcurrent::run(archiveWorkers(), [e] { checkEntry(*e); }));
        return collect(false);
    }

    // A large entry inflates in pieces on the workers when it was written in chunks (as ours
    // are); otherwise it streams through zlib on a worker with its own handle on the archive,
    // while the small ones around it go on. The database's integrity check follows on a worker.
    Result<void> checkLarge(const std::shared_ptr<EntryCheck>& e, const zipdir::Record& record)
    {
        e->large = true;
        e->zipPath = m_zipPath;
        e->task = &m_task;
        if (!e->keepBytes) {
            // Checks still running (the database's integrity check, say) go on beside the pieces.
            if (auto collected = collect(false); !collected)
                return fail(collected.error());
            const PieceOutcome outcome = inflateInPieces(
                m_archive, e->dataAt, record.method, record.flags, *e, record.compressedSize, m_progress);
            if (outcome == PieceOutcome::Cancelled)
                return fail(ErrorCode::Cancelled, FcbArchiveReaderText::tr("Cancelled."));
            if (outcome == PieceOutcome::WriteFailed)
                return fail(writeFailure(*e));
            if (outcome == PieceOutcome::Done) {
                // Its CRC, size and digest are known now; its progress is counted already.
                ++m_found.entriesInPieces;
                if (e->isDatabase && !e->target.isEmpty()) {
                    m_integrityEntry = e;
                    m_integrityJob = QtConcurrent::run(archiveWorkers(), [e] { checkIntegrity(*e); });
                }
                m_found.digests.insert(e->name, e->digest);
                return ok();
            }
        }
        e->weight = 2 << 20;
        m_inFlight += e->weight;
        m_checks.emplace_back(e, QtConcurrent::run(archiveWorkers(), [e] { checkLargeEntry(*e); }));
        return collect(false);
    }

    // Takes the results of the checks done at the front, in order (all of them, when `all`);
    // waits for the front one while the read-ahead is over its bound.
    Result<void> collect(bool all)
    {
        while (
            !m_checks.empty() && (all || m_inFlight > kCheckWindow || m_checks.front().second.isFinished())) {
            m_checks.front().second.waitForFinished();
            EntryCheck& e = *m_checks.front().first;
            if (e.cancelled)
                return fail(ErrorCode::Cancelled, FcbArchiveReaderText::tr("Cancelled."));
            if (e.integrity)
                m_found.databaseIntegrity = e.integrity;
            if (!e.writeError.isEmpty())
                return fail(writeFailure(e));
            if (e.damaged)
                m_found.crcProblems.append(
                    FcbArchiveReaderText::tr("The entry \"%1\" is damaged (CRC or size mismatch).")
                        .arg(e.name));
            m_found.digests.insert(e.name, e.digest);
            if (e.name == kSums)
                m_found.sums = e.bytes;
            else if (e.name == kMetadata)
                m_found.metadataBytes = e.bytes;
            m_inFlight -= e.weight;
            m_progress.add(qint64(e.size));
            m_checks.pop_front();
        }
        return ok();
    }

    const QString& m_zipPath;
    const WholeDirectory& m_whole;
    QFile& m_archive;
    zipdir::FileSource m_source;
    TaskContext& m_task;
    const QString& m_extractTo;
    const QString& m_databasePath;
    ByteProgress m_progress;
    WalkFindings m_found;
    // Small entries go to the workers; their results are taken in order, the read-ahead bounded.
    std::deque<std::pair<std::shared_ptr<EntryCheck>, QFuture<void>>> m_checks;
    // The database's integrity check, once it landed, runs beside everything else: it stays out
    // of the in-order window, where the entries checked behind it would wait for it.
    std::shared_ptr<EntryCheck> m_integrityEntry;
    QFuture<void> m_integrityJob;
    qint64 m_inFlight = 0;
};

// SHA256SUMS: every listed entry must match, and it must cover the database and every file.
void checkSums(const ArchiveDirectory& directory, const WalkFindings& found, VerifyReport& report)
{
    if (directory.find(kSums)) {
        const auto parsed = parseSha256Sums(found.sums);
        QStringList sumProblems;
        if (!parsed) {
            sumProblems.append(FcbArchiveReaderText::tr("SHA256SUMS is malformed."));
        } else {
            QSet<QString> listed;
            for (const auto& [name, digest] : *parsed) {
                listed.insert(name);
                if (!found.digests.contains(name))
                    sumProblems.append(
                        FcbArchiveReaderText::tr("SHA256SUMS lists \"%1\", which the archive lacks.")
                            .arg(name));
                else if (found.digests.value(name) != digest)
                    sumProblems.append(
                        FcbArchiveReaderText::tr("\"%1\" does not match its SHA-256 checksum.").arg(name));
            }
            for (const ArchiveEntry& entry : directory.entries)
                if ((entry.name == kDatabase || entry.name.startsWith(kFilesPrefix)) && !entry.isDirectory()
                    && !listed.contains(entry.name))
                    sumProblems.append(
                        FcbArchiveReaderText::tr("\"%1\" is not covered by SHA256SUMS.").arg(entry.name));
        }
        if (sumProblems.isEmpty())
            report.checks.append({ QStringLiteral("checksums"), VerifyCheck::Status::Passed,
                FcbArchiveReaderText::tr("All %n SHA-256 checksums match.", nullptr, int(parsed->size())) });
        else
            report.checks.append({ QStringLiteral("checksums"), VerifyCheck::Status::Failed,
                sumProblems.mid(0, 10).join(QLatin1Char(' ')) });
    } else {
        report.checks.append({ QStringLiteral("checksums"), VerifyCheck::Status::Missing,
            FcbArchiveReaderText::tr(
                "No SHA256SUMS (as in archives written by FastCMS itself): contents were checked "
                "against the zip CRCs only.") });
    }
}

// The database check: SQLite's integrity check of database.db, as the walk ran it or now.
void checkDatabase(const ArchiveDirectory& directory, const QString& databasePath,
    const std::optional<Result<QString>>& checked, VerifyReport& report)
{
    if (directory.find(kDatabase) && QFileInfo::exists(databasePath)) {
        auto integrity = checked ? *checked : sqlite::integrityCheck(databasePath);
        if (integrity && *integrity == QStringLiteral("ok"))
            report.checks.append({ QStringLiteral("database"), VerifyCheck::Status::Passed,
                FcbArchiveReaderText::tr("database.db passes SQLite's integrity check.") });
        else
            report.checks.append({ QStringLiteral("database"), VerifyCheck::Status::Failed,
                integrity ? FcbArchiveReaderText::tr("database.db fails SQLite's integrity check: %1")
                                .arg(*integrity)
                          : FcbArchiveReaderText::tr("database.db is not a healthy SQLite database (%1).")
                                .arg(integrity.error().message) });
        // Opening it may leave -wal/-shm beside it; staging must hold database.db alone.
        QFile::remove(databasePath + QStringLiteral("-wal"));
        QFile::remove(databasePath + QStringLiteral("-shm"));
    }
}

// The metadata check: metadata.json parses, and the report takes it.
void checkMetadata(const ArchiveDirectory& directory, const QByteArray& bytes, VerifyReport& report)
{
    if (directory.find(kMetadata)) {
        auto metadata = Metadata::fromJson(bytes);
        if (!metadata) {
            report.checks.append(
                { QStringLiteral("metadata"), VerifyCheck::Status::Failed, metadata.error().message });
        } else {
            report.metadata = *metadata;
            report.checks.append({ QStringLiteral("metadata"), VerifyCheck::Status::Passed,
                FcbArchiveReaderText::tr("metadata.json is sound (created %1).").arg(metadata->createdAt) });
        }
    } else {
        report.checks.append({ QStringLiteral("metadata"), VerifyCheck::Status::Missing,
            FcbArchiveReaderText::tr("No metadata.json: the backup's time comes from its name.") });
    }
}

} // namespace

Result<VerifyReport> verify(
    const QString& zipPath, const QString& workDir, TaskContext& task, const QString& extractTo)
{
    VerifyReport report;
    report.path = zipPath;
    auto whole = readWholeDirectory(zipPath);
    if (!whole) {
        if (whole.error().code != ErrorCode::BadArchive)
            return fail(whole.error());
        report.checks.append({ QStringLiteral("zip"), VerifyCheck::Status::Failed, whole.error().message });
        return report;
    }
    const ArchiveDirectory* directory = &whole->directory;
    const qsizetype zipCheck = report.checks.size();
    if (!checkDirectory(*directory, extractTo, report))
        return report; // never write a byte of a hostile archive

    // Where database.db goes while it is checked: the staging folder, or a private temp file.
    QString databasePath;
    QString tempDatabase;
    if (extractTo.isEmpty()) {
        const ArchiveEntry* db = directory->find(kDatabase);
        const qint64 available = files::freeSpace(workDir);
        if (db && available >= 0 && available < qint64(db->size) + (1 << 20))
            return fail(files::noSpaceError(FcbArchiveReaderText::tr("checking the database"), workDir,
                qint64(db->size) + (1 << 20), available));
        tempDatabase = temp::in(workDir, temp::Kind::Verify, QStringLiteral(".db"));
        databasePath = tempDatabase;
    } else {
        databasePath = extractTo + QLatin1Char('/') + kDatabase;
    }
    const auto cleanup = qScopeGuard([&tempDatabase] {
        if (!tempDatabase.isEmpty()) {
            for (const char* suffix : { "", "-wal", "-shm", "-journal" })
                QFile::remove(tempDatabase + QString::fromLatin1(suffix));
        }
    });

    QFile archive(zipPath);
    if (!archive.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, FcbArchiveReaderText::tr("Could not read %1.").arg(zipPath),
            archive.errorString());
    EntryWalk walk(zipPath, *whole, archive, task, extractTo, databasePath);
    if (auto walked = walk.run(); !walked)
        return fail(walked.error());
    const WalkFindings& found = walk.findings();
    report.entriesInPieces = found.entriesInPieces;
    if (!found.headerProblems.isEmpty())
        report.checks[zipCheck] = { QStringLiteral("zip"), VerifyCheck::Status::Failed,
            found.headerProblems.mid(0, 10).join(QLatin1Char(' ')) };
    if (found.crcProblems.isEmpty())
        report.checks.append({ QStringLiteral("crc"), VerifyCheck::Status::Passed,
            FcbArchiveReaderText::tr("Every entry matches its CRC.") });
    else
        report.checks.append(
            { QStringLiteral("crc"), VerifyCheck::Status::Failed, found.crcProblems.join(QLatin1Char(' ')) });

    checkSums(*directory, found, report);
    checkDatabase(*directory, databasePath, found.databaseIntegrity, report);
    checkMetadata(*directory, found.metadataBytes, report);
    return report;
}

} // namespace archive

} // namespace fcb
