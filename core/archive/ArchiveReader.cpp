#include "ArchiveReader.h"

#include "FileUtil.h"
#include "Logging.h"
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

#include <QFuture>
#include <QtConcurrent>

#include <atomic>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <libdeflate.h>
#include <zlib.h>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>

#include <setjmp.h>
#include <csignal>
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
    qint64 weight = 0;      // memory it holds while in flight
    bool large = false;     // streamed from its own handle on the archive
    QString zipPath;
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

// Opens the entry's target, if it has one, as a new file; false (with e.writeError) if it cannot.
bool openTarget(EntryCheck& e, std::unique_ptr<QFile>& out)
{
    if (e.target.isEmpty())
        return true;
    out = std::make_unique<QFile>(e.target);
    const auto perms = e.ownerOnly ? files::ownerOnly : files::ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (out->open(QIODevice::ReadWrite | QIODevice::NewOnly, perms)) // read too: the pieces map it
        return true;
    e.writeError = out->errorString();
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
        e.damaged = libdeflate_deflate_decompress(inflater.get(), e.compressed.constData(), size_t(e.compressed.size()),
                                                  data.data(), size_t(e.size), nullptr)
            != LIBDEFLATE_SUCCESS;
    }
    e.compressed = QByteArray();
    e.damaged = e.damaged || quint64(data.size()) != e.size || crc32(0, data.constData(), data.size()) != e.crc;
    e.digest = Sha256::hex(data.constData(), data.size());
    if (e.keepBytes && data.size() <= maxSumsSize)
        e.bytes = data;
    if (!e.target.isEmpty() && !e.damaged) {
        QFile out(e.target);
        const auto perms = e.ownerOnly ? files::ownerOnly : files::ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, perms) || out.write(data) != data.size() || !out.flush()) {
            e.writeError = out.errorString();
            e.noSpace = out.error() == QFileDevice::ResourceError;
        }
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

void checkLargeEntry(EntryCheck& e)
{
    QuaZip zip(e.zipPath);
    QuaZipFile file(&zip);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(e.name) || !file.open(QIODevice::ReadOnly)) {
        e.damaged = true;
        return;
    }
    std::unique_ptr<QFile> out;
    if (!openTarget(e, out))
        return;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    Sha256 hash;
    quint64 read = 0;
    bool oversize = false;
    for (;;) {
        if (e.task && e.task->isCanceled()) {
            e.cancelled = true;
            return;
        }
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n <= 0)
            break;
        read += quint64(n);
        if (read > e.size) {
            oversize = true; // more data than the directory declares: a zip bomb or damage
            break;
        }
        hash.add(buffer.constData(), n);
        if (out && out->write(buffer.constData(), n) != n) {
            e.writeError = out->errorString();
            e.noSpace = out->error() == QFileDevice::ResourceError;
            return;
        }
        if (e.keepBytes && read <= quint64(maxSumsSize))
            e.bytes.append(buffer.constData(), n);
    }
    file.close();
    e.damaged = oversize || file.getZipError() != UNZ_OK || read != e.size;
    e.digest = hash.hex();
    if (out && !out->flush()) {
        e.writeError = out->errorString();
        e.noSpace = out->error() == QFileDevice::ResourceError;
    }
    out.reset();
    checkIntegrity(e);
}

Error notAZip(const QString& path, int code)
{
    return Error::make(ErrorCode::BadArchive, FcbArchiveReaderText::tr("%1 is not a readable zip archive (damaged or truncated).")
                                                  .arg(QFileInfo(path).fileName()),
                       QStringLiteral("unzip error %1").arg(code));
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
constexpr qint64 kPieceInputLimit = 8 << 20;   // no cut this far: not a chunked stream
constexpr qint64 kPieceMinimum = 64 << 10;     // cuts closer than this are merged (always valid)
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

enum class PieceOutcome { Done, NotChunked, Cancelled, WriteFailed };

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
        struct sigaction action{};
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
        struct statfs fs{};
        if (size == 0 || ::fstatfs(fd, &fs) != 0)
            return;
        switch (quint32(fs.f_type)) {
        case 0xEF53:     // ext2/3/4
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
        const bool copied = guardedCopy(static_cast<char*>(map) + (offset - start), piece.output.constData(), size_t(size));
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

// Inflates a large DEFLATE entry in pieces on the workers (see above), which also compute each
// piece's CRC and the SHA-256 in order; the output is written in order here. Done: e.digest
// and e.damaged are set and the output is written to e.target if set. NotChunked: nothing was
// decided; the target, if any, is removed again. Stored entries go the same way, in slices.
PieceOutcome inflateInPieces(QFile& archive, qint64 dataAt, int method, int flags, EntryCheck& e, quint64 compressedSize,
                             ByteProgress& progress)
{
    if ((method != Z_DEFLATED && method != 0) || (flags & 1) || !archive.seek(dataAt))
        return PieceOutcome::NotChunked; // encrypted entries are refused by the ordinary check
    const bool stored = method == 0;
    std::unique_ptr<QFile> out;
    if (!openTarget(e, out))
        return PieceOutcome::WriteFailed;
    std::optional<PieceWriter> writer;
    if (out)
        writer.emplace(out->handle(), e.size);
    std::deque<std::pair<std::shared_ptr<StreamPiece>, QFuture<void>>> pieces;
    quint64 produced = 0;
    qint64 counted = 0; // progress reported so far
    auto waitPieces = qScopeGuard([&pieces] {
        for (auto& piece : pieces)
            piece.second.waitForFinished();
    });
    const auto giveUp = [&](PieceOutcome outcome) {
        for (auto& piece : pieces)
            piece.second.waitForFinished();
        pieces.clear();
        progress.add(-counted); // counted again by the ordinary check
        writer.reset(); // waits for the writes
        if (out) {
            out->close();
            QFile::remove(e.target);
        }
        return outcome;
    };
    auto hash = std::make_shared<OrderedSha256>();
    int submitted = 0;
    quint32 crc = 0;
    bool failed = false;
    // Takes the finished pieces at the front, in order (all of them, when `all`).
    const auto take = [&](bool all) -> bool {
        while (!pieces.empty() && (all || int(pieces.size()) >= kPiecesInFlight || pieces.front().second.isFinished())) {
            pieces.front().second.waitForFinished();
            const std::shared_ptr<StreamPiece> piece = pieces.front().first;
            const qint64 size = piece->output.size();
            if (!piece->ok || produced + quint64(size) > e.size)
                return false;
            crc = quint32(crc32_combine(crc, piece->crc, z_off_t(size)));
            if (writer && writer->failed()) {
                e.writeError = writer->error();
                e.noSpace = writer->noSpace();
                failed = true;
                return false;
            }
            if (writer)
                writer->write(piece, qint64(produced));
            produced += quint64(size);
            progress.add(size);
            counted += size;
            pieces.pop_front();
        }
        return true;
    };
    const auto submit = [&](QByteArray input, bool last) {
        auto piece = std::make_shared<StreamPiece>();
        piece->input = std::move(input);
        piece->last = last;
        piece->stored = stored;
        piece->hash = hash;
        piece->index = submitted++;
        if (!stored) {
            if (!last)
                piece->input.append("\x03\x00", 2); // BFINAL=1, fixed Huffman, end of block
            piece->outputLimit = qint64(qMin<quint64>(e.size - qMin(e.size, produced), quint64(kPieceOutputLimit)));
        }
        pieces.emplace_back(piece, QtConcurrent::run(archiveWorkers(), [piece] { inflatePiece(*piece); }));
    };
    static constexpr char marker[4] = {'\x00', '\x00', '\xff', '\xff'};
    QByteArray pending;
    qsizetype start = 0; // of the next piece in `pending`
    qsizetype scanned = 0;
    quint64 readSoFar = 0;
    for (;;) {
        if (e.task && e.task->isCanceled())
            return giveUp(PieceOutcome::Cancelled);
        const qint64 want = qint64(qMin<quint64>(compressedSize - readSoFar, stored ? 4 << 20 : 1 << 20));
        if (stored) {
            const QByteArray block = archive.read(want);
            readSoFar += quint64(block.size());
            if (block.isEmpty())
                break;
            submit(block, false);
            if (!take(false))
                return giveUp(failed ? PieceOutcome::WriteFailed : PieceOutcome::NotChunked);
            continue;
        }
        pending.remove(0, start); // the pieces cut off during the last read
        scanned = qMax<qsizetype>(0, scanned - start - 3); // a marker may straddle two reads
        start = 0;
        const qsizetype had = pending.size();
        pending.resize(had + want); // read straight in behind what is left
        const qint64 got = want > 0 ? archive.read(pending.data() + had, want) : 0;
        pending.resize(had + qMax<qint64>(0, got));
        if (got <= 0)
            break;
        readSoFar += quint64(got);
        // A cut after the first marker at least kPieceMinimum into the piece; `scanned`: no
        // marker before it that could end a piece.
        for (;;) {
            const qsizetype from = qMax(scanned, start + kPieceMinimum - 4);
            const void* found = from < pending.size()
                ? ::memmem(pending.constData() + from, size_t(pending.size() - from), marker, sizeof marker)
                : nullptr;
            if (!found)
                break;
            const qsizetype at = static_cast<const char*>(found) - pending.constData();
            QByteArray input;
            input.reserve(at + 4 - start + 2); // room for the final block submit appends
            input.append(pending.constData() + start, at + 4 - start);
            submit(std::move(input), false);
            start = scanned = at + 4;
            if (!take(false))
                return giveUp(failed ? PieceOutcome::WriteFailed : PieceOutcome::NotChunked);
            if (e.task && e.task->isCanceled())
                return giveUp(PieceOutcome::Cancelled);
        }
        scanned = pending.size();
        if (pending.size() - start > kPieceInputLimit)
            return giveUp(PieceOutcome::NotChunked);
    }
    pending.remove(0, start);
    if (readSoFar != compressedSize || (pending.isEmpty() && !stored))
        return giveUp(PieceOutcome::NotChunked);
    if (!stored)
        submit(pending, true);
    if (!take(true))
        return giveUp(failed ? PieceOutcome::WriteFailed : PieceOutcome::NotChunked);
    if (produced != e.size || crc != e.crc)
        return giveUp(PieceOutcome::NotChunked);
    if (writer) {
        writer->waitAll();
        if (writer->failed()) {
            e.writeError = writer->error();
            e.noSpace = writer->noSpace();
            return giveUp(PieceOutcome::WriteFailed);
        }
    }
    waitPieces.dismiss();
    e.digest = hash->hex(); // every piece's task has finished: every piece is hashed
    e.damaged = false;
    return PieceOutcome::Done;
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

bool VerifyReport::ok() const
{
    for (const VerifyCheck& check : checks)
        if (check.status == VerifyCheck::Status::Failed)
            return false;
    return !checks.isEmpty();
}

QStringList VerifyReport::problems() const
{
    QStringList out;
    for (const VerifyCheck& check : checks)
        if (check.status == VerifyCheck::Status::Failed)
            out.append(check.message);
    return out;
}

QStringList VerifyReport::lacks() const
{
    QStringList out;
    for (const VerifyCheck& check : checks)
        if (check.status == VerifyCheck::Status::Missing)
            out.append(check.message);
    return out;
}

namespace archive {

Result<ArchiveDirectory> readDirectory(const QString& zipPath)
{
    if (!QFileInfo::exists(zipPath))
        return fail(ErrorCode::NotFound, FcbArchiveReaderText::tr("The backup %1 does not exist.").arg(QFileInfo(zipPath).fileName()));
    QuaZip zip(zipPath);
    if (!zip.open(QuaZip::mdUnzip))
        return fail(notAZip(zipPath, zip.getZipError()));
    ArchiveDirectory directory;
    const QList<QuaZipFileInfo64> infos = zip.getFileInfoList64();
    if (zip.getZipError() != UNZ_OK)
        return fail(notAZip(zipPath, zip.getZipError()));
    directory.entries.reserve(infos.size());
    for (const QuaZipFileInfo64& info : infos) {
        ArchiveEntry entry;
        entry.name = info.name;
        entry.size = info.uncompressedSize;
        entry.compressedSize = info.compressedSize;
        entry.crc = info.crc;
        entry.method = info.method;
        entry.externalAttr = info.externalAttr;
        directory.totalSize += info.uncompressedSize;
        directory.entries.append(entry);
    }
    return directory;
}


// Read directly: listing a page opens twenty archives for their metadata.json, and a handful of
// reads each (the end of the file, the central directory, the entry) is all it takes. Every
// offset and size is checked against the file before it is used.
Result<QByteArray> readEntry(const QString& zipPath, const QString& name, qint64 maxBytes)
{
    QFile file(zipPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(notAZip(zipPath, UNZ_ERRNO));
    const qint64 fileSize = file.size();
    const auto readAt = [&file](qint64 offset, qint64 size) {
        QByteArray bytes;
        if (offset >= 0 && size >= 0 && file.seek(offset))
            bytes = file.read(size);
        return bytes.size() == size ? std::optional<QByteArray>(bytes) : std::nullopt;
    };
    // The end of central directory record: in the last 22 bytes, or before a comment of up to 64 KiB.
    const qint64 tailSize = qMin<qint64>(fileSize, 22 + 0xffff);
    const auto tail = readAt(fileSize - tailSize, tailSize);
    if (!tail || tailSize < 22)
        return fail(notAZip(zipPath, UNZ_BADZIPFILE));
    const auto* t = reinterpret_cast<const uchar*>(tail->constData());
    qint64 eocd = -1;
    for (qint64 i = tailSize - 22; i >= 0; --i) {
        if (qFromLittleEndian<quint32>(t + i) == 0x06054b50) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        return fail(notAZip(zipPath, UNZ_BADZIPFILE));
    quint64 entries = qFromLittleEndian<quint16>(t + eocd + 10);
    quint64 directorySize = qFromLittleEndian<quint32>(t + eocd + 12);
    quint64 directoryOffset = qFromLittleEndian<quint32>(t + eocd + 16);
    if (entries == 0xffff || directorySize == 0xffffffff || directoryOffset == 0xffffffff) {
        // ZIP64: the locator sits right before the record and points at the ZIP64 record.
        // Without one (exactly 65,535 entries, say), the values above are the real ones.
        const qint64 locator = fileSize - tailSize + eocd - 20;
        const auto loc = readAt(locator, 20);
        if (loc && qFromLittleEndian<quint32>(reinterpret_cast<const uchar*>(loc->constData())) == 0x07064b50) {
            const quint64 recordAt = qFromLittleEndian<quint64>(reinterpret_cast<const uchar*>(loc->constData()) + 8);
            const auto record = recordAt < quint64(fileSize) ? readAt(qint64(recordAt), 56) : std::nullopt;
            if (!record || qFromLittleEndian<quint32>(reinterpret_cast<const uchar*>(record->constData())) != 0x06064b50)
                return fail(notAZip(zipPath, UNZ_BADZIPFILE));
            const auto* r = reinterpret_cast<const uchar*>(record->constData());
            entries = qFromLittleEndian<quint64>(r + 32);
            directorySize = qFromLittleEndian<quint64>(r + 40);
            directoryOffset = qFromLittleEndian<quint64>(r + 48);
            eocd -= 20 + 56; // where the directory ends, for the shift below
        }
    }
    // Bytes before the archive (a self-extractor's stub) shift every offset, as minizip allows.
    const qint64 directoryEnd = fileSize - tailSize + eocd;
    if (directoryOffset > quint64(fileSize) || directorySize > quint64(fileSize) - directoryOffset
        || qint64(directoryOffset + directorySize) > directoryEnd || entries > directorySize / 46 + 1)
        return fail(notAZip(zipPath, UNZ_BADZIPFILE));
    const quint64 shift = quint64(directoryEnd) - (directoryOffset + directorySize);
    directoryOffset += shift;
    // The directory is read in windows: its size comes from the file, not from a sane bound.
    QByteArray window;
    quint64 windowAt = 0;
    const auto bytesAt = [&](quint64 at, quint64 count) -> const uchar* {
        if (at + count > directorySize)
            return nullptr;
        if (at < windowAt || at + count > windowAt + quint64(window.size())) {
            windowAt = at;
            const auto read = readAt(qint64(directoryOffset + at), qint64(qMin<quint64>(directorySize - at, qMax<quint64>(count, 1 << 20))));
            if (!read)
                return nullptr;
            window = *read;
        }
        return reinterpret_cast<const uchar*>(window.constData()) + (at - windowAt);
    };
    const QByteArray wanted = name.toUtf8();
    quint64 at = 0;
    for (quint64 n = 0; n < entries; ++n) {
        const uchar* fixed = bytesAt(at, 46);
        if (!fixed || qFromLittleEndian<quint32>(fixed) != 0x02014b50)
            return fail(notAZip(zipPath, UNZ_BADZIPFILE));
        const quint64 variable = quint64(qFromLittleEndian<quint16>(fixed + 28)) + qFromLittleEndian<quint16>(fixed + 30) + qFromLittleEndian<quint16>(fixed + 32);
        const uchar* d = bytesAt(at, 46 + variable);
        if (!d)
            return fail(notAZip(zipPath, UNZ_BADZIPFILE));
        const quint16 flags = qFromLittleEndian<quint16>(d + 8);
        const quint16 method = qFromLittleEndian<quint16>(d + 10);
        const quint32 crc = qFromLittleEndian<quint32>(d + 16);
        quint64 packed = qFromLittleEndian<quint32>(d + 20);
        quint64 size = qFromLittleEndian<quint32>(d + 24);
        const quint64 nameLength = qFromLittleEndian<quint16>(d + 28), extraLength = qFromLittleEndian<quint16>(d + 30), commentLength = qFromLittleEndian<quint16>(d + 32);
        quint64 localOffset = qFromLittleEndian<quint32>(d + 42);
        const quint64 next = at + 46 + nameLength + extraLength + commentLength;
        if (nameLength != quint64(wanted.size()) || std::memcmp(d + 46, wanted.constData(), size_t(nameLength)) != 0) {
            at = next;
            continue;
        }
        // ZIP64 extra field: the 64-bit values, in this order, for the fields that are all ones.
        for (quint64 x = 46 + nameLength; x + 4 <= 46 + nameLength + extraLength;) {
            const quint16 id = qFromLittleEndian<quint16>(d + x), length = qFromLittleEndian<quint16>(d + x + 2);
            const quint64 end = x + 4 + length;
            if (end > 46 + nameLength + extraLength)
                break;
            if (id == 0x0001) {
                quint64 v = x + 4;
                for (quint64* field : {&size, &packed, &localOffset}) {
                    if (*field != 0xffffffff)
                        continue;
                    if (v + 8 > end)
                        return fail(notAZip(zipPath, UNZ_BADZIPFILE));
                    *field = qFromLittleEndian<quint64>(d + v);
                    v += 8;
                }
            }
            x = end;
        }
        // DEFLATE never needs much more room than the data itself: nothing larger is read.
        if (size > quint64(maxBytes) || packed > quint64(maxBytes) + quint64(maxBytes) / 1000 + (64 << 10))
            return fail(ErrorCode::BadArchive, FcbArchiveReaderText::tr("%1 in the archive is too large.").arg(name));
        localOffset += shift;
        const auto damaged = [&](const QString& detail) {
            return fail(ErrorCode::BadArchive, FcbArchiveReaderText::tr("%1 in the archive is damaged.").arg(name), detail);
        };
        if ((flags & 1) || (method != 0 && method != Z_DEFLATED))
            return damaged(QStringLiteral("method %1, flags %2").arg(method).arg(flags));
        const auto local = localOffset < quint64(fileSize) ? readAt(qint64(localOffset), 30) : std::nullopt;
        if (!local || qFromLittleEndian<quint32>(reinterpret_cast<const uchar*>(local->constData())) != 0x04034b50)
            return damaged(QStringLiteral("no local header"));
        const auto* l = reinterpret_cast<const uchar*>(local->constData());
        const quint64 dataAt = localOffset + 30 + qFromLittleEndian<quint16>(l + 26) + qFromLittleEndian<quint16>(l + 28);
        if (dataAt > quint64(fileSize) || packed > quint64(fileSize) - dataAt || (method == 0 && packed != size))
            return damaged(QStringLiteral("sizes"));
        const auto data = readAt(qint64(dataAt), qint64(packed));
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
            if (!inflater || libdeflate_deflate_decompress(inflater.get(), data->constData(), size_t(data->size()),
                                                           bytes.data(), size_t(size), nullptr) != LIBDEFLATE_SUCCESS)
                return damaged(QStringLiteral("inflate"));
        }
        if (crc32(0, bytes.constData(), bytes.size()) != crc)
            return damaged(QStringLiteral("CRC"));
        return bytes;
    }
    return fail(ErrorCode::NotFound, FcbArchiveReaderText::tr("The archive has no %1.").arg(name));
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
        if (parts.contains(QStringLiteral("..")) || name.split(QLatin1Char('\\')).contains(QStringLiteral(".."))) {
            problems.append(FcbArchiveReaderText::tr("The entry \"%1\" points outside the archive (\"..\").").arg(name));
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
                problems.append(FcbArchiveReaderText::tr("The entry \"%1\" has an empty or \".\" path component.").arg(name));
                continue;
            }
            continue;
        }
        if (name == kFilesPrefix)
            continue;
        problems.append(FcbArchiveReaderText::tr("The entry \"%1\" does not belong in a FastCMS backup.").arg(name));
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
        for (qsizetype slash = parent.lastIndexOf(QLatin1Char('/')); slash > 0; slash = parent.lastIndexOf(QLatin1Char('/'))) {
            parent.truncate(slash);
            if (fileNames.contains(parent)) {
                problems.append(FcbArchiveReaderText::tr("The entry \"%1\" lies inside \"%2\", which is a file.")
                                    .arg(entry.name, parent));
                break;
            }
        }
        if (entry.isDirectory() && fileNames.contains(entry.name.chopped(1)))
            problems.append(FcbArchiveReaderText::tr("\"%1\" is both a file and a folder.").arg(entry.name.chopped(1)));
    }
    return problems;
}

Result<VerifyReport> verify(const QString& zipPath, const QString& workDir, TaskContext& task,
                            const QString& extractTo)
{
    VerifyReport report;
    report.path = zipPath;
    auto directory = readDirectory(zipPath);
    if (!directory) {
        if (directory.error().code != ErrorCode::BadArchive)
            return fail(directory.error());
        report.checks.append({QStringLiteral("zip"), VerifyCheck::Status::Failed, directory.error().message});
        return report;
    }
    report.checks.append({QStringLiteral("zip"), VerifyCheck::Status::Passed, FcbArchiveReaderText::tr("The zip directory is readable.")});
    report.entryCount = directory->entries.size();
    report.totalSize = directory->totalSize;
    for (const ArchiveEntry& entry : directory->entries)
        if (entry.name.startsWith(kFilesPrefix) && !entry.isDirectory())
            ++report.fileCount;

    const QStringList layout = layoutProblems(*directory);
    if (!layout.isEmpty()) {
        report.checks.append({QStringLiteral("layout"), VerifyCheck::Status::Failed, layout.join(QLatin1Char(' '))});
        if (!extractTo.isEmpty())
            return report; // never write a byte of a hostile archive
    } else {
        report.checks.append({QStringLiteral("layout"), VerifyCheck::Status::Passed,
                              FcbArchiveReaderText::tr("The archive holds only database.db, files/ and metadata.")});
    }

    // Where database.db goes while it is checked: the staging folder, or a private temp file.
    QString databasePath;
    QString tempDatabase;
    if (extractTo.isEmpty()) {
        const ArchiveEntry* db = directory->find(kDatabase);
        const qint64 available = files::freeSpace(workDir);
        if (db && available >= 0 && available < qint64(db->size) + (1 << 20))
            return fail(files::noSpaceError(FcbArchiveReaderText::tr("checking the database"), workDir,
                                            qint64(db->size) + (1 << 20), available));
        tempDatabase = workDir + QStringLiteral("/.fcb-verify-")
            + QString::number(QRandomGenerator::global()->generate64(), 36) + QStringLiteral(".db");
        databasePath = tempDatabase;
    } else {
        databasePath = extractTo + QLatin1Char('/') + kDatabase;
    }
    const auto cleanup = qScopeGuard([&tempDatabase] {
        if (!tempDatabase.isEmpty()) {
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                QFile::remove(tempDatabase + QString::fromLatin1(suffix));
        }
    });

    QuaZip zip(zipPath);
    if (!zip.open(QuaZip::mdUnzip))
        return fail(notAZip(zipPath, zip.getZipError()));
    // Entry data is read straight from the file, in large reads; QuaZip finds where it starts
    // (checking each local header against the directory).
    QFile archive(zipPath);
    if (!archive.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, FcbArchiveReaderText::tr("Could not read %1.").arg(zipPath), archive.errorString());
    const auto dataStart = [&zip](int* method) -> qint64 {
        QuaZipFile raw(&zip);
        int level = 0;
        if (!raw.open(QIODevice::ReadOnly, method, &level, true))
            return -1;
        const qint64 at = qint64(unzGetCurrentFileZStreamPos64(zip.getUnzFile()));
        raw.close();
        return at;
    };
    ByteProgress progress{&task, 0, qint64(directory->totalSize), FcbArchiveReaderText::tr("Checking %1").arg(QFileInfo(zipPath).fileName())};
    QHash<QString, QByteArray> digests;
    QByteArray sums;
    QByteArray metadataBytes;
    QStringList crcProblems;
    // Small entries go to the workers; their results are taken in order, the read-ahead bounded.
    std::deque<std::pair<std::shared_ptr<EntryCheck>, QFuture<void>>> checks;
    std::optional<Result<QString>> databaseIntegrity;
    // The database's integrity check, once it landed, runs beside everything else: it stays out
    // of the in-order window, where the entries checked behind it would wait for it.
    std::shared_ptr<EntryCheck> integrityEntry;
    QFuture<void> integrityJob;
    qint64 inFlight = 0;
    auto waitChecks = qScopeGuard([&checks, &integrityJob] {
        for (auto& c : checks)
            c.second.waitForFinished();
        integrityJob.waitForFinished();
    });
    const auto collect = [&](bool all) -> Result<void> {
        while (!checks.empty() && (all || inFlight > kCheckWindow || checks.front().second.isFinished())) {
            checks.front().second.waitForFinished();
            EntryCheck& e = *checks.front().first;
            if (e.cancelled)
                return fail(ErrorCode::Cancelled, FcbArchiveReaderText::tr("Cancelled."));
            if (e.integrity)
                databaseIntegrity = e.integrity;
            if (!e.writeError.isEmpty())
                return fail(Error::make(e.noSpace ? ErrorCode::NoSpace : ErrorCode::Io,
                                        FcbArchiveReaderText::tr("Could not write %1.").arg(e.target), e.writeError));
            if (e.damaged)
                crcProblems.append(FcbArchiveReaderText::tr("The entry \"%1\" is damaged (CRC or size mismatch).").arg(e.name));
            digests.insert(e.name, e.digest);
            if (e.name == kSums)
                sums = e.bytes;
            else if (e.name == kMetadata)
                metadataBytes = e.bytes;
            inFlight -= e.weight;
            progress.add(qint64(e.size));
            checks.pop_front();
        }
        return ok();
    };
    for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
        QuaZipFileInfo64 info;
        zip.getCurrentFileInfo(&info);
        const QString name = info.name;
        if (name.endsWith(QLatin1Char('/'))) {
            if (!extractTo.isEmpty() && !QDir().mkpath(extractTo + QLatin1Char('/') + name))
                return fail(ErrorCode::Io, FcbArchiveReaderText::tr("Could not create the folder %1.").arg(name), extractTo);
            continue;
        }
        const bool isDatabase = name == kDatabase;
        const bool isSums = name == kSums;
        const bool isMetadata = name == kMetadata;
        if (task.isCanceled())
            return fail(ErrorCode::Cancelled, FcbArchiveReaderText::tr("Cancelled."));
        const bool extractHere = isDatabase || (!extractTo.isEmpty() && name.startsWith(kFilesPrefix));
        if (info.uncompressedSize <= kWholeEntry && info.compressedSize <= kWholeEntry + 1024
            && (info.method == 0 || info.method == Z_DEFLATED)) {
            auto e = std::make_shared<EntryCheck>();
            e->name = name;
            e->size = info.uncompressedSize;
            e->crc = quint32(info.crc);
            e->keepBytes = isSums || isMetadata;
            e->isDatabase = isDatabase;
            if (extractHere) {
                e->target = isDatabase ? databasePath : extractTo + QLatin1Char('/') + name;
                e->ownerOnly = isDatabase;
                if (!QDir().mkpath(QFileInfo(e->target).absolutePath()))
                    return fail(ErrorCode::Io, FcbArchiveReaderText::tr("Could not create a folder for %1.").arg(name), e->target);
            }
            int method = 0;
            const qint64 at = dataStart(&method);
            if (at < 0 || !archive.seek(at)) {
                crcProblems.append(FcbArchiveReaderText::tr("The entry \"%1\" cannot be read.").arg(name));
                continue;
            }
            e->method = method;
            e->compressed = archive.read(qint64(info.compressedSize));
            if (quint64(e->compressed.size()) != info.compressedSize) {
                crcProblems.append(FcbArchiveReaderText::tr("The entry \"%1\" is damaged (CRC or size mismatch).").arg(name));
                continue;
            }
            e->weight = qint64(e->size) + e->compressed.size();
            inFlight += e->weight;
            checks.emplace_back(e, QtConcurrent::run(archiveWorkers(), [e] { checkEntry(*e); }));
            if (auto collected = collect(false); !collected)
                return fail(collected.error());
            continue;
        }
        // A large entry inflates in pieces on the workers when it was written in chunks (as
        // ours are); otherwise it streams through zlib on a worker with its own handle on the
        // archive, while the small ones around it go on. The database's integrity check
        // follows on a worker.
        auto e = std::make_shared<EntryCheck>();
        e->name = name;
        e->size = info.uncompressedSize;
        e->crc = quint32(info.crc);
        e->keepBytes = isSums || isMetadata;
        e->large = true;
        e->zipPath = zipPath;
        e->isDatabase = isDatabase;
        e->task = &task;
        if (extractHere) {
            e->target = isDatabase ? databasePath : extractTo + QLatin1Char('/') + name;
            e->ownerOnly = isDatabase;
            if (!QDir().mkpath(QFileInfo(e->target).absolutePath()))
                return fail(ErrorCode::Io, FcbArchiveReaderText::tr("Could not create a folder for %1.").arg(name), e->target);
        }
        int method = 0;
        const qint64 at = e->keepBytes ? -1 : dataStart(&method);
        if (at >= 0) {
            // Checks still running (the database's integrity check, say) go on beside the pieces.
            if (auto collected = collect(false); !collected)
                return fail(collected.error());
            const PieceOutcome outcome = inflateInPieces(archive, at, method, info.flags, *e, info.compressedSize, progress);
            if (outcome == PieceOutcome::Cancelled)
                return fail(ErrorCode::Cancelled, FcbArchiveReaderText::tr("Cancelled."));
            if (outcome == PieceOutcome::WriteFailed)
                return fail(Error::make(e->noSpace ? ErrorCode::NoSpace : ErrorCode::Io,
                                        FcbArchiveReaderText::tr("Could not write %1.").arg(e->target), e->writeError));
            if (outcome == PieceOutcome::Done) {
                // Its CRC, size and digest are known now; its progress is counted already.
                ++report.entriesInPieces;
                if (e->isDatabase && !e->target.isEmpty()) {
                    integrityEntry = e;
                    integrityJob = QtConcurrent::run(archiveWorkers(), [e] { checkIntegrity(*e); });
                }
                digests.insert(e->name, e->digest);
                continue;
            }
        }
        e->weight = 2 << 20;
        inFlight += e->weight;
        checks.emplace_back(e, QtConcurrent::run(archiveWorkers(), [e] { checkLargeEntry(*e); }));
        if (auto collected = collect(false); !collected)
            return fail(collected.error());
    }
    if (auto collected = collect(true); !collected)
        return fail(collected.error());
    integrityJob.waitForFinished();
    if (integrityEntry && integrityEntry->integrity)
        databaseIntegrity = integrityEntry->integrity;
    if (zip.getZipError() != UNZ_OK && zip.getZipError() != UNZ_END_OF_LIST_OF_FILE)
        crcProblems.append(FcbArchiveReaderText::tr("The archive is damaged after the last readable entry."));
    if (crcProblems.isEmpty())
        report.checks.append({QStringLiteral("crc"), VerifyCheck::Status::Passed, FcbArchiveReaderText::tr("Every entry matches its CRC.")});
    else
        report.checks.append({QStringLiteral("crc"), VerifyCheck::Status::Failed, crcProblems.join(QLatin1Char(' '))});

    // SHA256SUMS: every listed entry must match, and it must cover the database and every file.
    if (directory->find(kSums)) {
        const auto parsed = parseSha256Sums(sums);
        QStringList sumProblems;
        if (!parsed) {
            sumProblems.append(FcbArchiveReaderText::tr("SHA256SUMS is malformed."));
        } else {
            QSet<QString> listed;
            for (const auto& [name, digest] : *parsed) {
                listed.insert(name);
                if (!digests.contains(name))
                    sumProblems.append(FcbArchiveReaderText::tr("SHA256SUMS lists \"%1\", which the archive lacks.").arg(name));
                else if (digests.value(name) != digest)
                    sumProblems.append(FcbArchiveReaderText::tr("\"%1\" does not match its SHA-256 checksum.").arg(name));
            }
            for (const ArchiveEntry& entry : directory->entries)
                if ((entry.name == kDatabase || entry.name.startsWith(kFilesPrefix)) && !entry.isDirectory()
                    && !listed.contains(entry.name))
                    sumProblems.append(FcbArchiveReaderText::tr("\"%1\" is not covered by SHA256SUMS.").arg(entry.name));
        }
        if (sumProblems.isEmpty())
            report.checks.append({QStringLiteral("checksums"), VerifyCheck::Status::Passed,
                                  FcbArchiveReaderText::tr("All %n SHA-256 checksums match.", nullptr, int(parsed->size()))});
        else
            report.checks.append({QStringLiteral("checksums"), VerifyCheck::Status::Failed,
                                  sumProblems.mid(0, 10).join(QLatin1Char(' '))});
    } else {
        report.checks.append({QStringLiteral("checksums"), VerifyCheck::Status::Missing,
                              FcbArchiveReaderText::tr("No SHA256SUMS (as in archives written by FastCMS itself): contents were checked "
                                 "against the zip CRCs only.")});
    }

    if (directory->find(kDatabase) && QFileInfo::exists(databasePath)) {
        auto integrity = databaseIntegrity ? *databaseIntegrity : sqlite::integrityCheck(databasePath);
        if (integrity && *integrity == QStringLiteral("ok"))
            report.checks.append({QStringLiteral("database"), VerifyCheck::Status::Passed,
                                  FcbArchiveReaderText::tr("database.db passes SQLite's integrity check.")});
        else
            report.checks.append({QStringLiteral("database"), VerifyCheck::Status::Failed,
                                  integrity ? FcbArchiveReaderText::tr("database.db fails SQLite's integrity check: %1").arg(*integrity)
                                            : FcbArchiveReaderText::tr("database.db is not a healthy SQLite database (%1).")
                                                  .arg(integrity.error().message)});
        // Opening it may leave -wal/-shm beside it; staging must hold database.db alone.
        QFile::remove(databasePath + QStringLiteral("-wal"));
        QFile::remove(databasePath + QStringLiteral("-shm"));
    }

    if (directory->find(kMetadata)) {
        auto metadata = Metadata::fromJson(metadataBytes);
        if (!metadata) {
            report.checks.append({QStringLiteral("metadata"), VerifyCheck::Status::Failed, metadata.error().message});
        } else {
            report.metadata = *metadata;
            report.checks.append({QStringLiteral("metadata"), VerifyCheck::Status::Passed,
                                  FcbArchiveReaderText::tr("metadata.json is sound (created %1).").arg(metadata->createdAt)});
        }
    } else {
        report.checks.append({QStringLiteral("metadata"), VerifyCheck::Status::Missing,
                              FcbArchiveReaderText::tr("No metadata.json: the backup's time comes from its name.")});
    }
    return report;
}

} // namespace archive

} // namespace fcb
