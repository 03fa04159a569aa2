// Creating backups of a live data folder: consistent snapshots under a concurrent writer, the
// archive layout FastCMS expects, no overwrites, space checks, cancellation, ZIP64.
#include "FileUtil.h"
#include "PyJson.h"
#include "TestSupport.h"
#include "archive/ArchiveReader.h"
#include "archive/ArchiveWriter.h"
#include "archive/BackupName.h"
#include "backend/LocalBackend.h"
#include "local/LocalEngine.h"
#include "local/OperationLock.h"
#include "sqlite/Sqlite.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

#include <atomic>
#include <future>
#include <thread>

using namespace fcb;

namespace {

QStringList dirListing(const QString& dir)
{
    return QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

QString extractDatabase(const QString& zip, const QString& to)
{
    const auto bytes = archive::readEntry(zip, QStringLiteral("database.db"), qint64(1) << 32);
    if (!bytes)
        return {};
    QFile out(to);
    out.open(QIODevice::WriteOnly);
    out.write(*bytes);
    return to;
}

// Notes when the writer stops at its test hook, half-way through an archive.
std::atomic_bool g_pausedMidWrite { false };
QtMessageHandler g_previousHandler = nullptr;

void noteTestHook(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (message.contains(QStringLiteral("test hook: paused after the first entry")))
        g_pausedMidWrite = true;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestCreate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotHasEveryRowCommittedBeforeItBegan()
    {
        auto fx = test::makeDataFolder();
        QProcess writer;
        writer.start(test::writerPath(), { fx.folder.dbPath() });
        QVERIFY(writer.waitForStarted());
        // Let the writer commit a good number of rows, all of them still only in the WAL.
        qint64 committed = 0;
        QByteArray pending;
        const auto drain = [&] {
            pending += writer.readAllStandardOutput();
            const qsizetype end = pending.lastIndexOf('\n');
            if (end < 0)
                return;
            for (const QByteArray& line : pending.left(end).split('\n'))
                if (!line.startsWith("ready") && !line.isEmpty())
                    committed = qMax(committed, line.toLongLong());
            pending.remove(0, end + 1);
        };
        QTRY_VERIFY_WITH_TIMEOUT((writer.waitForReadyRead(50), drain(), committed >= 2000), 60000);
        drain();
        const qint64 beforeSnapshot = committed;
        // What FastCMS does: copy the main file byte for byte. It misses the WAL's rows.
        const QString rawCopy = fx.root->path() + QStringLiteral("/raw-copy.db");
        QVERIFY(QFile::copy(fx.folder.dbPath(), rawCopy));

        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished(30000));
        drain();
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message + created.error().detail));
        QVERIFY(committed >= beforeSnapshot);

        const QString restored
            = extractDatabase(created->backup.path, fx.root->path() + QStringLiteral("/check.db"));
        const qint64 rows = test::countRows(restored, QStringLiteral("ticks"));
        QVERIFY2(
            rows >= beforeSnapshot, qPrintable(QStringLiteral("%1 rows < %2").arg(rows).arg(beforeSnapshot)));
        QVERIFY(rows <= committed);
        QCOMPARE(test::countRows(restored, QStringLiteral("notes")), 50);
        auto integrity = sqlite::integrityCheck(restored);
        QVERIFY(integrity);
        QCOMPARE(*integrity, QStringLiteral("ok"));
        QCOMPARE(created->databaseIntegrity, QStringLiteral("ok"));
        QVERIFY(test::countRows(rawCopy, QStringLiteral("ticks")) < beforeSnapshot);
    }

    void archiveLayoutIsWhatFastCmsWrites()
    {
        auto fx = test::makeDataFolder(20, 9);
        // Media that does not compress is stored, not deflated.
        QByteArray noise(200000, Qt::Uninitialized);
        for (char& c : noise)
            c = char(QRandomGenerator::global()->generate());
        QFile media(fx.folder.filesDir() + QStringLiteral("/2024/05/photo.jpg"));
        QDir().mkpath(QFileInfo(media).absolutePath());
        QVERIFY(media.open(QIODevice::WriteOnly));
        media.write(noise);
        media.close();
        // A name beyond ASCII is flagged UTF-8, so Python's zipfile (FastCMS) reads it as written;
        // a FIFO among the uploads is skipped rather than blocking the backup.
        QFile accented(fx.folder.filesDir() + QStringLiteral("/2024/05/caf\u00e9 men\u00fc.txt"));
        QVERIFY(accented.open(QIODevice::WriteOnly));
        accented.write("caf\xc3\xa9");
        accented.close();
        QCOMPARE(
            ::mkfifo(
                QFile::encodeName(fx.folder.filesDir() + QStringLiteral("/2024/05/pipe")).constData(), 0600),
            0);

        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({ QStringLiteral("scheduled") }, task);
        QVERIFY(created);
        const QString zip = created->backup.path;
        QVERIFY(QRegularExpression(QStringLiteral(R"(^backup_\d{8}_\d{6}(_\d+)?\.zip$)"))
                    .match(created->backup.fileName)
                    .hasMatch());
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(zip).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u); // holds password hashes

        const auto dir = archive::readDirectory(zip);
        QVERIFY(dir);
        QCOMPARE(dir->entries.first().name, QStringLiteral("database.db"));
        QCOMPARE(dir->entries.at(dir->entries.size() - 2).name, QStringLiteral("metadata.json"));
        QCOMPARE(dir->entries.last().name, QStringLiteral("SHA256SUMS"));
        QCOMPARE(created->fileCount, 12); // 9 uploads, the dotfile, the photo and the accented name
        for (const ArchiveEntry& e : dir->entries) {
            QVERIFY2(!e.isDirectory(), qPrintable(e.name));
            QVERIFY(e.method == 8 || e.method == 0);
            QVERIFY(e.name == QStringLiteral("database.db") || e.name.startsWith(QStringLiteral("files/"))
                || e.name == QStringLiteral("metadata.json") || e.name == QStringLiteral("SHA256SUMS"));
        }
        QCOMPARE(dir->find(QStringLiteral("files/2024/05/photo.jpg"))->method, quint16(0));
        QCOMPARE(dir->find(QStringLiteral("database.db"))->method, quint16(8));
        QVERIFY(dir->find(QStringLiteral("files/.old-hidden")));

        // Python's zipfile (FastCMS's reader) opens it; sha256sum -c would pass after unzip.
        const auto py = test::runPython({ QStringLiteral("inspect_zip.py"), zip });
        QVERIFY2(py.exitCode == 0, py.err.constData());
        const QJsonObject report = py.json();
        QVERIFY(report.value(QStringLiteral("testzip")).isNull());
        QCOMPARE(report.value(QStringLiteral("sums_ok")).toBool(), true);
        const QJsonObject meta = report.value(QStringLiteral("metadata")).toObject();
        QCOMPARE(
            meta.value(QStringLiteral("backup_name")).toString(), BackupName::stem(created->backup.fileName));
        QCOMPARE(meta.value(QStringLiteral("app_version")).toString(), QStringLiteral("0.1.0"));
        QVERIFY(pyjson::parseIsoTime(meta.value(QStringLiteral("created_at")).toString()));
        QCOMPARE(meta.value(QStringLiteral("trigger")).toString(), QStringLiteral("scheduled"));
        QCOMPARE(meta.value(QStringLiteral("file_count")).toInt(), 12);
        QVERIFY(report.value(QStringLiteral("names"))
                    .toArray()
                    .contains(QStringLiteral("files/2024/05/caf\u00e9 men\u00fc.txt")));
        QCOMPARE(meta.value(QStringLiteral("database_integrity")).toString(), QStringLiteral("ok"));
        QVERIFY(meta.value(QStringLiteral("database_page_count")).toInt() > 1);
        QVERIFY(meta.value(QStringLiteral("total_bytes")).toInteger() > 200000);
        QCOMPARE(meta.value(QStringLiteral("format_version")).toInt(), 1);
        QVERIFY(!meta.value(QStringLiteral("tool_version")).toString().isEmpty());
        QCOMPARE(report.value(QStringLiteral("names")).toArray().size(), dir->entries.size());

        // Nothing but the backup is left in the folder.
        QCOMPARE(dirListing(fx.folder.backupsDir()), QStringList { created->backup.fileName });
    }

    void largeFilesAreChunkedIntoOneStandardStream()
    {
        // Files above the whole-buffer limit are compressed in parallel chunks: the result must
        // still be one DEFLATE stream per entry that every reader accepts, byte for byte.
        auto fx = test::makeDataFolder(10, 2);
        QDir().mkpath(fx.folder.filesDir() + QStringLiteral("/2025/01"));
        QByteArray text;
        QRandomGenerator words(7);
        while (text.size() < (37 << 20) + 12345) // not a multiple of the chunk size
            text += "record " + QByteArray::number(words.bounded(100000)) + " lorem ipsum dolor sit amet, ";
        const QByteArray noise = test::randomBytes(9, 21 << 20);
        for (const auto& [name, bytes] : { std::pair { QStringLiteral("/2025/01/export.csv"), text },
                 std::pair { QStringLiteral("/2025/01/video.mp4"), noise } }) {
            QFile f(fx.folder.filesDir() + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(bytes), bytes.size());
        }
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        const auto dir = archive::readDirectory(created->backup.path);
        QVERIFY(dir);
        const ArchiveEntry* csv = dir->find(QStringLiteral("files/2025/01/export.csv"));
        QCOMPARE(csv->method, quint16(8));
        QCOMPARE(qint64(csv->size), text.size());
        QVERIFY(csv->compressedSize < csv->size / 3);
        QCOMPARE(dir->find(QStringLiteral("files/2025/01/video.mp4"))->method, quint16(0));
        // Python's zipfile and Info-ZIP's unzip check every CRC; sha256sum -c agrees after unzip.
        const auto py = test::runPython({ QStringLiteral("inspect_zip.py"), created->backup.path });
        QVERIFY2(py.exitCode == 0, py.err.constData());
        QVERIFY(py.json().value(QStringLiteral("testzip")).isNull());
        QCOMPARE(py.json().value(QStringLiteral("sums_ok")).toBool(), true);
        QTemporaryDir out;
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"),
            { QStringLiteral("-q"), created->backup.path, QStringLiteral("-d"), out.path() });
        QVERIFY(unzip.waitForFinished(120000));
        QCOMPARE(unzip.exitCode(), 0);
        QCOMPARE(test::fileBytes(out.filePath(QStringLiteral("files/2025/01/export.csv"))), text);
        QProcess sums;
        sums.setWorkingDirectory(out.path());
        sums.start(QStringLiteral("sha256sum"),
            { QStringLiteral("--quiet"), QStringLiteral("-c"), QStringLiteral("SHA256SUMS") });
        QVERIFY(sums.waitForFinished(120000));
        QVERIFY2(sums.exitCode() == 0, sums.readAllStandardOutput().constData());
        QVERIFY(engine.verify(created->backup.fileName, task)->ok());
    }

    void neverOverwritesAnExistingBackup()
    {
        auto fx = test::makeDataFolder(5, 1);
        // Occupy the names of the next few seconds, as a FastCMS server on the same folder might.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QMap<QString, QByteArray> placed;
        for (int s = 0; s < 4; ++s) {
            const QString name = BackupName::forTime(now.addSecs(s));
            const QByteArray bytes = "occupied " + name.toUtf8();
            QFile f(fx.folder.backupPath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
            placed.insert(name, bytes);
        }
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        QVERIFY(!placed.contains(created->backup.fileName));
        QVERIFY(created->backup.fileName.startsWith(QStringLiteral("backup_")));
        for (auto it = placed.begin(); it != placed.end(); ++it)
            QCOMPARE(test::fileBytes(fx.folder.backupPath(it.key())), it.value());
    }

    void refusesUpFrontWhenSpaceIsShort()
    {
        auto fx = test::makeDataFolder(200, 10);
        LocalEngine::Options options;
        options.freeSpace = [](const QString&) { return qint64(4096); };
        LocalEngine engine(fx.folder, options);
        SilentTaskContext task;
        const QStringList before = dirListing(fx.folder.backupsDir());
        const auto created = engine.create({}, task);
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::NoSpace);
        QVERIFY(created.error().message.contains(files::humanSize(4096)));
        QVERIFY(created.error().message.contains(QStringLiteral("needed")));
        QCOMPARE(exitCodeFor(created.error().code), ExitCode::Io);
        QCOMPARE(dirListing(fx.folder.backupsDir()), before);
    }

    void cancellingLeavesNothingBehind_data()
    {
        QTest::addColumn<int>("cancelAfterReports");
        QTest::newRow("during snapshot") << 1;
        QTest::newRow("early in files") << 3;
        QTest::newRow("late in files") << 25;
    }
    void cancellingLeavesNothingBehind()
    {
        QFETCH(int, cancelAfterReports);
        auto fx = test::makeDataFolder(300, 60);
        LocalEngine engine(fx.folder);
        int reports = 0;
        CallbackTaskContext* self = nullptr;
        CallbackTaskContext task([&](qint64, qint64, const QString&) {
            if (++reports == cancelAfterReports)
                self->cancel();
        });
        self = &task;
        const auto created = engine.create({}, task);
        QVERIFY(reports >= cancelAfterReports);
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::Cancelled);
        QCOMPARE(dirListing(fx.folder.backupsDir()), QStringList());
    }

    void zip64ArchivesStayReadable()
    {
        auto fx = test::makeDataFolder(30, 5);
        LocalEngine::Options options;
        options.forceZip64 = true;
        LocalEngine engine(fx.folder, options);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        const QByteArray bytes = test::fileBytes(created->backup.path);
        // Every entry with ZIP64 fields, and the archive ending with the ZIP64 records.
        QVERIFY(bytes.contains(QByteArray("PK\x06\x06", 4)) && bytes.contains(QByteArray("PK\x06\x07", 4)));
        QCOMPARE(bytes.mid(4, 2), QByteArray("\x2d\x00", 2)); // version 4.5 needed
        QCOMPARE(bytes.mid(30 + 11, 4), QByteArray("\x01\x00\x10\x00", 4)); // after "database.db"
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"), { QStringLiteral("-tq"), created->backup.path });
        QVERIFY(unzip.waitForFinished(60000));
        QVERIFY2(unzip.exitCode() == 0, unzip.readAllStandardOutput().constData());
        const auto py = test::runPython({ QStringLiteral("inspect_zip.py"), created->backup.path });
        QVERIFY2(py.exitCode == 0, py.err.constData());
        QVERIFY(py.json().value(QStringLiteral("testzip")).isNull());
        QCOMPARE(py.json().value(QStringLiteral("sums_ok")).toBool(), true);
        const auto report = engine.verify(created->backup.fileName, task);
        QVERIFY(report && report->ok());
        // Listing reads metadata.json straight from the file, through the ZIP64 records too.
        const auto metadata = archive::readMetadata(created->backup.path);
        QVERIFY(metadata);
        QCOMPARE(metadata->fileCount, created->fileCount);
    }

    void entriesAreReadFromEveryShapeOfArchive()
    {
        auto fx = test::makeDataFolder(5, 2);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        const QByteArray bytes = test::fileBytes(created->backup.path);
        const QString metadata = QStringLiteral("metadata.json");
        const auto expected = archive::readEntry(created->backup.path, metadata);
        QVERIFY(expected);
        QVERIFY(expected->startsWith("{"));
        QTemporaryDir dir;
        const auto write = [&dir](const QString& name, const QByteArray& content) {
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(content);
            return f.fileName();
        };
        // A self-extractor's stub in front: every offset is shifted, as minizip and unzip allow.
        QCOMPARE(
            *archive::readEntry(write(QStringLiteral("stub.zip"), QByteArray(3000, '#') + bytes), metadata),
            *expected);
        // Absent: NotFound; too large for the caller: refused before anything is read.
        QCOMPARE(archive::readEntry(created->backup.path, QStringLiteral("nothing.json")).error().code,
            ErrorCode::NotFound);
        QCOMPARE(archive::readEntry(created->backup.path, metadata, 10).error().code, ErrorCode::BadArchive);
        // A directory that claims more than the file holds, a truncated file, no file at all.
        QByteArray lying = bytes;
        const qsizetype end = lying.lastIndexOf(QByteArray("PK\x05\x06", 4));
        QVERIFY(end > 0);
        lying[end + 12] = char(0xff);
        lying[end + 13] = char(0xff);
        lying[end + 14] = char(0xff);
        QCOMPARE(archive::readEntry(write(QStringLiteral("lying.zip"), lying), metadata).error().code,
            ErrorCode::BadArchive);
        QCOMPARE(archive::readEntry(write(QStringLiteral("cut.zip"), bytes.left(bytes.size() / 2)), metadata)
                     .error()
                     .code,
            ErrorCode::BadArchive);
        QCOMPARE(archive::readEntry(dir.filePath(QStringLiteral("absent.zip")), metadata).error().code,
            ErrorCode::BadArchive);
        // metadata.json's compressed size made huge: refused, not allocated.
        QByteArray huge = bytes;
        const qsizetype central = huge.indexOf(QByteArray("PK\x01\x02", 4));
        qsizetype at = central;
        while (at >= 0 && huge.mid(at + 46, metadata.size()) != metadata.toUtf8())
            at = huge.indexOf(QByteArray("PK\x01\x02", 4), at + 4);
        QVERIFY(at > 0);
        for (int i = 20; i < 24; ++i)
            huge[at + i] = char(0x7f);
        QCOMPARE(archive::readEntry(write(QStringLiteral("huge.zip"), huge), metadata).error().code,
            ErrorCode::BadArchive);
    }

    void asyncCreateReportsProgressOffTheCallingThread()
    {
        auto fx = test::makeDataFolder(200, 30);
        // The job waits for the folder's lock, held here, so that what follows is attached
        // before it can finish.
        auto held = OperationLock::acquire(fx.folder);
        QVERIFY(held);
        LocalEngine::Options options;
        options.lockWaitMs = 600000;
        LocalBackend backend(LocalEngine(fx.folder, options));
        auto job = backend.create(CreateRequest {});
        // Runs where the job ends, in the thread that does its work.
        std::atomic<QThread*> workedOn = nullptr;
        QFuture<void> afterwards = job.future.then(QtFuture::Launch::Sync,
            [&workedOn](const Result<CreateResult>&) { workedOn = QThread::currentThread(); });
        QFutureWatcher<Result<CreateResult>> watcher;
        QSignalSpy progress(&watcher, &QFutureWatcherBase::progressValueChanged);
        QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(job.future);
        QVERIFY(!job.future.isFinished());
        held->reset();
        QVERIFY(finished.wait(60000) || finished.size() == 1);
        afterwards.waitForFinished();
        QVERIFY(watcher.result());
        QVERIFY(workedOn.load() != nullptr);
        QVERIFY(workedOn.load() != QThread::currentThread());
        // The progress came here, to the caller's thread, through the watcher.
        QVERIFY(progress.size() >= 1);
        QCOMPARE(progress.last().first().toInt(), 1000);
    }

    void cancellingAJobLeavesNothingBehind_data()
    {
        QTest::addColumn<bool>("halfWritten");
        QTest::newRow("waiting for the folder") << false;
        QTest::newRow("half-written") << true;
    }
    void cancellingAJobLeavesNothingBehind()
    {
        // The job is held where the test wants it, and cannot finish until it is cancelled:
        // waiting for the folder's lock, or (a test hook) with its first entry in the archive.
        QFETCH(bool, halfWritten);
        auto fx = test::makeDataFolder(300, 60);
        std::unique_ptr<OperationLock> held;
        bool hooked = false;
        if (halfWritten) {
            hooked = true;
            g_pausedMidWrite = false;
            g_previousHandler = qInstallMessageHandler(noteTestHook);
            qputenv("FCB_TEST_PAUSE_AFTER_FIRST_ENTRY_MS", "600000");
        } else {
            auto lock = OperationLock::acquire(fx.folder);
            QVERIFY(lock);
            held = std::move(*lock);
        }
        auto restore = qScopeGuard([hooked] {
            qunsetenv("FCB_TEST_PAUSE_AFTER_FIRST_ENTRY_MS");
            if (hooked)
                qInstallMessageHandler(g_previousHandler);
        });
        LocalEngine::Options options;
        options.lockWaitMs = 600000;
        LocalBackend backend(LocalEngine(fx.folder, options));
        auto job = backend.create(CreateRequest {});
        if (halfWritten) {
            QTRY_VERIFY_WITH_TIMEOUT(g_pausedMidWrite.load(), 60000);
            // The temporary archive and the database's snapshot are on disk.
            const QStringList partial = test::toolLeftovers(fx.folder.backupsDir());
            QVERIFY2(partial.filter(QStringLiteral(".zip.part")).size() == 1,
                qPrintable(partial.join(QLatin1Char(' '))));
            QVERIFY2(partial.filter(QRegularExpression(QStringLiteral("\\.db$"))).size() == 1,
                qPrintable(partial.join(QLatin1Char(' '))));
        }
        QVERIFY(!job.future.isFinished());
        job.cancel();
        const auto result = test::await(job.future);
        held.reset();
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(dirListing(fx.folder.backupsDir()), QStringList());
    }

    void aSourceStillBeingMadeKeepsItsPlace()
    {
        // The database's snapshot is made while the uploads after it are compressed: it still
        // comes first, whole, and its checksum is its own.
        QTemporaryDir dir;
        QByteArray later;
        while (later.size() < (6 << 20))
            later += "page " + QByteArray::number(later.size()) + " of the database copy; ";
        // More than may run ahead of the copy, in chunks: the writer has to wait for it.
        QByteArray text;
        QRandomGenerator words(11);
        while (text.size() < (21 << 20) + 777)
            text += "line " + QByteArray::number(words.bounded(100000)) + " of an upload, ";
        const QByteArray other = text.right(20 << 20) + "the end";
        const QString first = dir.filePath(QStringLiteral("copy.db"));
        const QString second = dir.filePath(QStringLiteral("upload.txt"));
        const QString third = dir.filePath(QStringLiteral("other.txt"));
        for (const auto& [path, bytes] : { std::pair { second, text }, std::pair { third, other } }) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
        }
        const QDateTime t = QDateTime::currentDateTime();
        for (const bool copyFails : { false, true }) {
            const QString path
                = dir.filePath(copyFails ? QStringLiteral("failed.zip") : QStringLiteral("ok.zip"));
            ArchiveWriter writer(path, {});
            QVERIFY(writer.open());
            std::promise<Result<void>> copied;
            QList<ArchiveWriter::Source> sources { { QStringLiteral("database.db"), first, t,
                                                       copied.get_future().share() },
                { QStringLiteral("files/upload.txt"), second, t, {} },
                { QStringLiteral("files/other.txt"), third, t, {} } };
            // Made on another thread once the writer has had time to start on the upload.
            std::thread maker([&] {
                QThread::msleep(200);
                if (copyFails) {
                    copied.set_value(fail(ErrorCode::NoSpace, QStringLiteral("the copy failed")));
                    return;
                }
                QFile out(first);
                out.open(QIODevice::WriteOnly);
                out.write(later);
                out.close();
                copied.set_value(ok());
            });
            ByteProgress progress;
            const auto added = writer.addFiles(sources, progress);
            maker.join();
            if (copyFails) {
                QVERIFY(!added);
                QCOMPARE(added.error().code, ErrorCode::NoSpace);
                continue;
            }
            QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
            QVERIFY(writer.finish());
            const auto directory = archive::readDirectory(path);
            QVERIFY(directory);
            QCOMPARE(directory->entries.first().name, QStringLiteral("database.db"));
            QCOMPARE(directory->entries.size(), 3);
            int at = 0;
            for (const auto& [name, bytes] : { std::pair { QStringLiteral("database.db"), later },
                     std::pair { QStringLiteral("files/upload.txt"), text },
                     std::pair { QStringLiteral("files/other.txt"), other } }) {
                QCOMPARE(*archive::readEntry(path, name, 64 << 20), bytes);
                QCOMPARE(writer.digests()[at].first, name);
                QCOMPARE(writer.digests()[at++].second,
                    QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
            }
        }
    }

    void aDatabaseThatCannotBeCopiedFailsTheBackupWithItsOwnError()
    {
        auto fx = test::makeDataFolder(5, 3);
        QFile::remove(fx.folder.walPath());
        QFile::remove(fx.folder.dbPath() + QStringLiteral("-shm"));
        QFile db(fx.folder.dbPath());
        QVERIFY(db.open(QIODevice::WriteOnly | QIODevice::Truncate));
        db.write(QByteArray(100000, 'x'));
        db.close();
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::BadArchive);
        QVERIFY2(
            created.error().message.contains(QStringLiteral("SQLite")), qPrintable(created.error().message));
        QCOMPARE(dirListing(fx.folder.backupsDir()), QStringList());
    }

    void missingDatabaseIsNotFound()
    {
        QTemporaryDir dir;
        LocalEngine engine(DataFolder(dir.path() + QStringLiteral("/data")));
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCreate)
#include "tst_create.moc"
