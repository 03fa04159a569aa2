// Verification: CRCs, SHA256SUMS, the database's integrity and metadata, for our archives,
// FastCMS's own, and damaged ones.
#include "TestSupport.h"
#include "archive/ArchiveReader.h"
#include "archive/ArchiveWriter.h"
#include "local/LocalEngine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRandomGenerator>
#include <QTest>


using namespace fcb;

namespace {

VerifyCheck::Status statusOf(const VerifyReport& report, const QString& id)
{
    for (const VerifyCheck& check : report.checks)
        if (check.id == id)
            return check.status;
    return VerifyCheck::Status::Missing;
}

QByteArray sha(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestVerify : public QObject
{
    Q_OBJECT

    Result<VerifyReport> verifyFile(const QString& path)
    {
        SilentTaskContext task;
        return archive::verify(path, QFileInfo(path).absolutePath(), task);
    }

private Q_SLOTS:
    void ourArchivePassesEveryCheck()
    {
        auto fx = test::makeDataFolder(40, 6);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        const auto report = engine.verify(created->backup.fileName, task);
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(report->problems().join(QLatin1Char('\n'))));
        for (const QString& id : {QStringLiteral("zip"), QStringLiteral("layout"), QStringLiteral("crc"),
                                  QStringLiteral("checksums"), QStringLiteral("database"), QStringLiteral("metadata")})
            QCOMPARE(statusOf(*report, id), VerifyCheck::Status::Passed);
        QVERIFY(report->metadata);
        QCOMPARE(report->fileCount, 7);
        // Verification leaves no temporary files behind.
        QCOMPARE(QDir(fx.folder.backupsDir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{created->backup.fileName});
    }

    void fastCmsArchiveVerifiesOnWhatItHas()
    {
        const auto report = verifyFile(test::dataPath(QStringLiteral("fastcms_backup_20261126_051757.zip")));
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(report->problems().join(QLatin1Char('\n'))));
        QCOMPARE(statusOf(*report, QStringLiteral("checksums")), VerifyCheck::Status::Missing);
        QCOMPARE(report->lacks().size(), 1);
        QVERIFY(report->lacks().first().contains(QStringLiteral("SHA256SUMS")));
        QCOMPARE(statusOf(*report, QStringLiteral("database")), VerifyCheck::Status::Passed);
    }

    void fastCmsStyleArchivesFromALiveWalDatabase_data()
    {
        QTest::addColumn<QString>("form");
        QTest::newRow("naive with microseconds") << QStringLiteral("micro");
        QTest::newRow("naive") << QStringLiteral("plain");
        QTest::newRow("with offset") << QStringLiteral("offset");
    }
    void fastCmsStyleArchivesFromALiveWalDatabase()
    {
        QFETCH(QString, form);
        auto fx = test::makeDataFolder(30, 4);
        const QString zip = fx.folder.backupPath(QStringLiteral("backup_20250115_100000.zip"));
        const auto py = test::runPython({QStringLiteral("fastcms_create_backup.py"), fx.dataDir(), zip, form});
        QVERIFY2(py.exitCode == 0, py.err.constData());
        const auto report = verifyFile(zip);
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(report->problems().join(QLatin1Char('\n'))));
        QVERIFY(report->metadata && report->metadata->createdTime());
    }

    void damagedEntryFailsCrc()
    {
        QTemporaryDir dir;
        const QString zip = dir.path() + QStringLiteral("/backup_20250115_100000.zip");
        const QByteArray payload = QByteArray("0123456789abcdef").repeated(64);
        test::writeZip(zip, {{QStringLiteral("database.db"), test::sqliteBytes()},
                             {QStringLiteral("files/a.txt"), payload, 0100644u << 16, false}});
        QByteArray bytes = test::fileBytes(zip);
        const qsizetype at = bytes.indexOf(payload);
        QVERIFY(at > 0);
        bytes[at + 100] = 'X';
        QFile f(zip);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const auto report = verifyFile(zip);
        QVERIFY(report);
        QVERIFY(!report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("crc")), VerifyCheck::Status::Failed);
    }

    void largeEntriesOfEveryKind()
    {
        // Above 16 MB an entry is checked in pieces on the workers where it was written in
        // chunks (ours), and streamed otherwise: one zlib stream (FastCMS, QuaZip) or stored.
        QTemporaryDir dir;
        QByteArray text;
        QRandomGenerator words(11);
        while (text.size() < (20 << 20))
            text += "row " + QByteArray::number(words.bounded(100000)) + " consectetur adipiscing elit; ";
        const QByteArray noise = test::randomBytes(5, 18 << 20);
        const QString theirs = dir.path() + QStringLiteral("/backup_20250115_100000.zip");
        test::writeZip(theirs, {{QStringLiteral("database.db"), test::sqliteBytes()},
                                {QStringLiteral("files/big.txt"), text},
                                {QStringLiteral("files/big.bin"), noise, 0100644u << 16, false}});
        auto report = verifyFile(theirs);
        QVERIFY(report);
        QVERIFY(report->ok());
        QByteArray bytes = test::fileBytes(theirs);
        const qsizetype inNoise = bytes.indexOf(noise.mid(1 << 20, 64));
        QVERIFY(inNoise > 0);
        bytes[inNoise + 10] = char(~bytes[inNoise + 10]);
        QFile f(theirs);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        report = verifyFile(theirs);
        QVERIFY(report);
        QCOMPARE(statusOf(*report, QStringLiteral("crc")), VerifyCheck::Status::Failed);
        QVERIFY(report->problems().join(QLatin1Char(' ')).contains(QStringLiteral("files/big.bin")));

        // Ours, in chunks: checked in pieces, and extracted byte for byte.
        auto fx = test::makeDataFolder(3, 1);
        QDir().mkpath(fx.folder.filesDir() + QStringLiteral("/2025"));
        QFile big(fx.folder.filesDir() + QStringLiteral("/2025/big.txt"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(text + text.left(777));
        big.close();
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        QByteArray ours = test::fileBytes(created->backup.path);
        QVERIFY2(ours.count(QByteArray("\x00\x00\xff\xff", 4)) >= 5, "chunks end in sync markers");
        const QString extracted = dir.path() + QStringLiteral("/extracted");
        const auto staged = archive::verify(created->backup.path, dir.path(), task, extracted);
        QVERIFY(staged);
        QVERIFY(staged->ok());
        QCOMPARE(staged->entriesInPieces, 1); // big.txt, not streamed the slow way
        QCOMPARE(test::fileBytes(extracted + QStringLiteral("/files/2025/big.txt")), text + text.left(777));
        // Cancelled halfway through the large entry: it says so, and leaves no part of the file.
        const QString cancelledTo = dir.path() + QStringLiteral("/cancelled");
        int reports = 0;
        CallbackTaskContext* self = nullptr;
        CallbackTaskContext cancelling([&](qint64 done, qint64, const QString&) {
            if (done > (8 << 20) && ++reports == 1)
                self->cancel();
        });
        self = &cancelling;
        const auto cancelled = archive::verify(created->backup.path, dir.path(), cancelling, cancelledTo);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        QVERIFY(!QFileInfo::exists(cancelledTo + QStringLiteral("/files/2025/big.txt")));
        // A damaged chunk fails the check, whichever way the entry is read after that.
        const qsizetype third = ours.indexOf(QByteArray("\x00\x00\xff\xff", 4),
                                             ours.indexOf(QByteArray("\x00\x00\xff\xff", 4),
                                                          ours.indexOf(QByteArray("\x00\x00\xff\xff", 4)) + 4) + 4);
        QVERIFY(third > 5000);
        ours[third - 3000] = char(ours[third - 3000] ^ 0x10);
        QFile g(created->backup.path);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(ours);
        g.close();
        report = verifyFile(created->backup.path);
        QVERIFY(report);
        QVERIFY(!report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("crc")), VerifyCheck::Status::Failed);
    }

    // A chunked database and upload, inflated in pieces and written into their files at their
    // places by several threads at once, come out byte for byte; a digest SHA256SUMS does not
    // give is reported; and a file that cannot grow ends the check with a write error.
    void chunkedEntriesComeOutByteForByte()
    {
        QTemporaryDir dir;
        QByteArray text;
        QRandomGenerator words(5);
        while (text.size() < (24 << 20) + 333)
            text += "entry " + QByteArray::number(words.bounded(1000000)) + " of a large upload; ";
        const QString dbPath = dir.filePath(QStringLiteral("copy.db"));
        const QString textPath = dir.filePath(QStringLiteral("big.txt"));
        test::writeNotes(dbPath, 260000, QStringLiteral("large")); // large enough to go in pieces
        const QByteArray database = test::fileBytes(dbPath);
        QVERIFY(database.size() > (17 << 20));
        QFile f(textPath);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
        f.close();
        for (const bool honest : {true, false}) {
            const QString zip = dir.filePath(honest ? QStringLiteral("honest.zip") : QStringLiteral("tampered.zip"));
            ArchiveWriter writer(zip, {});
            QVERIFY(writer.open());
            ByteProgress progress;
            const QDateTime t = QDateTime::currentDateTime();
            QVERIFY(writer.addFiles({{QStringLiteral("database.db"), dbPath, t, {}},
                                     {QStringLiteral("files/big.txt"), textPath, t, {}}},
                                    progress));
            auto digests = writer.digests();
            if (!honest)
                digests[1].second = sha("something else");
            QVERIFY(writer.addBytes(QStringLiteral("SHA256SUMS"), formatSha256Sums(digests), t));
            QVERIFY(writer.finish());
            QVERIFY(test::fileBytes(zip).count(QByteArray("\x00\x00\xff\xff", 4)) >= 8); // in chunks

            SilentTaskContext task;
            const QString extracted = dir.filePath(honest ? QStringLiteral("out-honest") : QStringLiteral("out-tampered"));
            const auto report = archive::verify(zip, dir.path(), task, extracted);
            QVERIFY(report);
            QCOMPARE(statusOf(*report, QStringLiteral("crc")), VerifyCheck::Status::Passed);
            QCOMPARE(statusOf(*report, QStringLiteral("database")), VerifyCheck::Status::Passed);
            QCOMPARE(statusOf(*report, QStringLiteral("checksums")),
                     honest ? VerifyCheck::Status::Passed : VerifyCheck::Status::Failed);
            QCOMPARE(report->ok(), honest);
            if (honest) {
                QCOMPARE(test::fileBytes(extracted + QStringLiteral("/files/big.txt")), text);
                QCOMPARE(test::fileBytes(extracted + QStringLiteral("/database.db")), database);

                // A file size limit (as a quota would) refuses the mapped file its size, and then the
                // pieces' writes: the check ends with a write error, and nothing is left behind.
                const test::FileSizeLimit limit(8 << 20);
                QVERIFY(limit.active());
                const QString workDir = dir.filePath(QStringLiteral("work"));
                QVERIFY(QDir().mkpath(workDir));
                const auto limitedReport = archive::verify(zip, workDir, task);
                QVERIFY(!limitedReport);
                QCOMPARE(limitedReport.error().code, ErrorCode::Io);
                QVERIFY(limitedReport.error().message.contains(QStringLiteral("Could not write")));
                QCOMPARE(QDir(workDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
            } else {
                QVERIFY(report->problems().join(QLatin1Char(' ')).contains(QStringLiteral("files/big.txt")));
            }
        }
    }

    void checksumsMustMatchAndCoverEverything()
    {
        QTemporaryDir dir;
        const QByteArray db = test::sqliteBytes();
        const QByteArray a = "alpha";
        const QString good = dir.path() + QStringLiteral("/good.zip");
        test::writeZip(good, {{QStringLiteral("database.db"), db},
                              {QStringLiteral("files/a.txt"), a},
                              {QStringLiteral("SHA256SUMS"), sha(db) + "  database.db\n" + sha(a) + "  files/a.txt\n"}});
        auto report = verifyFile(good);
        QVERIFY(report && report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("checksums")), VerifyCheck::Status::Passed);

        const QString wrong = dir.path() + QStringLiteral("/wrong.zip");
        test::writeZip(wrong, {{QStringLiteral("database.db"), db},
                               {QStringLiteral("files/a.txt"), a},
                               {QStringLiteral("SHA256SUMS"), sha(db) + "  database.db\n" + sha("beta") + "  files/a.txt\n"}});
        report = verifyFile(wrong);
        QVERIFY(report && !report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("checksums")), VerifyCheck::Status::Failed);

        const QString partial = dir.path() + QStringLiteral("/partial.zip");
        test::writeZip(partial, {{QStringLiteral("database.db"), db},
                                 {QStringLiteral("files/a.txt"), a},
                                 {QStringLiteral("SHA256SUMS"), sha(db) + "  database.db\n"}});
        report = verifyFile(partial);
        QVERIFY(report && !report->ok());
        QVERIFY(report->problems().join(QLatin1Char(' ')).contains(QStringLiteral("files/a.txt")));
    }

    void databaseMustBeHealthySqlite()
    {
        QTemporaryDir dir;
        const QString text = dir.path() + QStringLiteral("/text.zip");
        test::writeZip(text, {{QStringLiteral("database.db"), "this is plain text, not a database"}});
        auto report = verifyFile(text);
        QVERIFY(report && !report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("database")), VerifyCheck::Status::Failed);

        // A real database with a page scribbled over.
        QByteArray db = test::sqliteBytes();
        for (qsizetype i = 4096 + 8; i < 4096 + 600 && i < db.size(); ++i)
            db[i] = char(0xA5);
        const QString corrupt = dir.path() + QStringLiteral("/corrupt.zip");
        test::writeZip(corrupt, {{QStringLiteral("database.db"), db}});
        report = verifyFile(corrupt);
        QVERIFY(report && !report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("database")), VerifyCheck::Status::Failed);
    }

    void truncatedZipFailsCleanly()
    {
        QTemporaryDir dir;
        const QString zip = dir.path() + QStringLiteral("/cut.zip");
        QByteArray bytes = test::fileBytes(test::dataPath(QStringLiteral("fastcms_backup_20261126_051757.zip")));
        bytes.truncate(bytes.size() / 2);
        QFile f(zip);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const auto report = verifyFile(zip);
        QVERIFY(report);
        QVERIFY(!report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("zip")), VerifyCheck::Status::Failed);
    }

    void metadataMustBeSane()
    {
        QTemporaryDir dir;
        const QString zip = dir.path() + QStringLiteral("/meta.zip");
        test::writeZip(zip, {{QStringLiteral("database.db"), test::sqliteBytes()},
                             {QStringLiteral("metadata.json"), "{\"created_at\": \"last tuesday\"}"}});
        const auto report = verifyFile(zip);
        QVERIFY(report && !report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("metadata")), VerifyCheck::Status::Failed);
    }
};

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
