// The lower bound for create on this machine: only the DEFLATE work a backup of this data
// folder needs (files judged and cut as ArchiveWriter does), on every core, from memory, with no
// snapshot, zip, checksums or disk writes. Prints JSON: level, seconds and output bytes.
//
// usage: fcb-bench-deflate-floor DATA_DIR LEVEL
#include "archive/FastHash.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent>

#include <atomic>
#include <libdeflate.h>

namespace {

constexpr qint64 kWholeLimit = 16 << 20;
constexpr qint64 kChunk = 4 << 20;

bool compresses(const QByteArray& sample, libdeflate_compressor* fastest)
{
    if (sample.size() < 4096)
        return true;
    QByteArray out(sample.size(), Qt::Uninitialized);
    return libdeflate_deflate_compress(fastest, sample.constData(), size_t(sample.size()), out.data(),
               size_t(0.97 * double(sample.size())))
        != 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        fprintf(stderr, "usage: fcb-bench-deflate-floor DATA_DIR LEVEL\n");
        return 2;
    }
    const QString dataDir = QString::fromLocal8Bit(argv[1]);
    const int level = atoi(argv[2]);
    QStringList paths { dataDir + QStringLiteral("/app.db") };
    QDirIterator it(
        dataDir + QStringLiteral("/files"), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next());
    // The pieces to compress, in memory (the database file stands in for its snapshot).
    QList<QByteArray> pieces;
    libdeflate_compressor* fastest = libdeflate_alloc_compressor(1);
    for (const QString& path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        if (!compresses(bytes.left(65536), fastest))
            continue;
        const qint64 step = bytes.size() > kWholeLimit ? kChunk : qMax<qint64>(1, bytes.size());
        for (qint64 at = 0; at < bytes.size(); at += step)
            pieces.append(bytes.mid(at, step));
    }
    libdeflate_free_compressor(fastest);
    std::atomic<qint64> out { 0 };
    qint64 in = 0;
    for (const QByteArray& p : pieces)
        in += p.size();
    QElapsedTimer timer;
    timer.start();
    QtConcurrent::blockingMap(fcb::archiveWorkers(), pieces, [&out, level](const QByteArray& piece) {
        thread_local libdeflate_compressor* c = libdeflate_alloc_compressor(level);
        thread_local QByteArray buffer;
        buffer.resize(qsizetype(libdeflate_deflate_compress_bound(c, size_t(piece.size()))));
        out += qint64(libdeflate_deflate_compress(
            c, piece.constData(), size_t(piece.size()), buffer.data(), size_t(buffer.size())));
    });
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const QJsonObject result { { QStringLiteral("level"), level }, { QStringLiteral("seconds"), seconds },
        { QStringLiteral("input_bytes"), in }, { QStringLiteral("output_bytes"), out.load() },
        { QStringLiteral("threads"), fcb::archiveWorkers()->maxThreadCount() } };
    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
