// Verification: CRCs, SHA256SUMS, the database's integrity and metadata, for our archives,
// FastCMS's own, and damaged ones.
#include "TestSupport.h"
#include "archive/ArchiveReader.h"
#include "archive/ArchiveWriter.h"
#include "local/LocalEngine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

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

QStringList listing(const QString& dir)
{
    return QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// Where an entry's central directory record and local header begin, found independently of the
// reader under test.
struct Spots
{
    qsizetype central = -1;
    qsizetype local = -1;
};

Spots spotsOf(const QByteArray& zip, const QByteArray& name)
{
    const auto* z = reinterpret_cast<const uchar*>(zip.constData());
    const QByteArray signature("PK\x01\x02");
    for (qsizetype at = zip.indexOf(signature); at >= 0 && at + 46 <= zip.size();
         at = zip.indexOf(signature, at + 4)) {
        if (zip.mid(at + 46, qFromLittleEndian<quint16>(z + at + 28)) == name)
            return { at, qsizetype(qFromLittleEndian<quint32>(z + at + 42)) };
    }
    return {};
}

void orFlags(QByteArray& zip, qsizetype header, qsizetype flagsAt, quint16 bits)
{
    auto* at = reinterpret_cast<uchar*>(zip.data()) + header + flagsAt;
    qToLittleEndian<quint16>(quint16(qFromLittleEndian<quint16>(at) | bits), at);
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
        for (const QString& id : { QStringLiteral("zip"), QStringLiteral("layout"), QStringLiteral("crc"),
                 QStringLiteral("checksums"), QStringLiteral("database"), QStringLiteral("metadata") })
            QCOMPARE(statusOf(*report, id), VerifyCheck::Status::Passed);
        QVERIFY(report->metadata);
        QCOMPARE(report->fileCount, 7);
        // Verification leaves no temporary files behind.
        QCOMPARE(
            QDir(fx.folder.backupsDir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList { created->backup.fileName });
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
        const auto py
            = test::runPython({ QStringLiteral("fastcms_create_backup.py"), fx.dataDir(), zip, form });
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
        test::writeZip(zip,
            { { QStringLiteral("database.db"), test::sqliteBytes() },
                { QStringLiteral("files/a.txt"), payload, 0100644u << 16, false } });
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
        test::writeZip(theirs,
            { { QStringLiteral("database.db"), test::sqliteBytes() },
                { QStringLiteral("files/big.txt"), text },
                { QStringLiteral("files/big.bin"), noise, 0100644u << 16, false } });
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
            ours.indexOf(
                QByteArray("\x00\x00\xff\xff", 4), ours.indexOf(QByteArray("\x00\x00\xff\xff", 4)) + 4)
                + 4);
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
        for (const bool honest : { true, false }) {
            const QString zip
                = dir.filePath(honest ? QStringLiteral("honest.zip") : QStringLiteral("tampered.zip"));
            ArchiveWriter writer(zip, {});
            QVERIFY(writer.open());
            ByteProgress progress;
            const QDateTime t = QDateTime::currentDateTime();
            QVERIFY(writer.addFiles({ { QStringLiteral("database.db"), dbPath, t, {} },
                                        { QStringLiteral("files/big.txt"), textPath, t, {} } },
                progress));
            auto digests = writer.digests();
            if (!honest)
                digests[1].second = sha("something else");
            QVERIFY(writer.addBytes(QStringLiteral("SHA256SUMS"), formatSha256Sums(digests), t));
            QVERIFY(writer.finish());
            QVERIFY(test::fileBytes(zip).count(QByteArray("\x00\x00\xff\xff", 4)) >= 8); // in chunks

            SilentTaskContext task;
            const QString extracted
                = dir.filePath(honest ? QStringLiteral("out-honest") : QStringLiteral("out-tampered"));
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
                QCOMPARE(QDir(workDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                    QStringList());
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
        test::writeZip(good,
            { { QStringLiteral("database.db"), db }, { QStringLiteral("files/a.txt"), a },
                { QStringLiteral("SHA256SUMS"), sha(db) + "  database.db\n" + sha(a) + "  files/a.txt\n" } });
        auto report = verifyFile(good);
        QVERIFY(report && report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("checksums")), VerifyCheck::Status::Passed);

        const QString wrong = dir.path() + QStringLiteral("/wrong.zip");
        test::writeZip(wrong,
            { { QStringLiteral("database.db"), db }, { QStringLiteral("files/a.txt"), a },
                { QStringLiteral("SHA256SUMS"),
                    sha(db) + "  database.db\n" + sha("beta") + "  files/a.txt\n" } });
        report = verifyFile(wrong);
        QVERIFY(report && !report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("checksums")), VerifyCheck::Status::Failed);

        const QString partial = dir.path() + QStringLiteral("/partial.zip");
        test::writeZip(partial,
            { { QStringLiteral("database.db"), db }, { QStringLiteral("files/a.txt"), a },
                { QStringLiteral("SHA256SUMS"), sha(db) + "  database.db\n" } });
        report = verifyFile(partial);
        QVERIFY(report && !report->ok());
        QVERIFY(report->problems().join(QLatin1Char(' ')).contains(QStringLiteral("files/a.txt")));
    }

    void databaseMustBeHealthySqlite()
    {
        QTemporaryDir dir;
        const QString text = dir.path() + QStringLiteral("/text.zip");
        test::writeZip(text, { { QStringLiteral("database.db"), "this is plain text, not a database" } });
        auto report = verifyFile(text);
        QVERIFY(report && !report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("database")), VerifyCheck::Status::Failed);

        // A real database with a page scribbled over.
        QByteArray db = test::sqliteBytes();
        for (qsizetype i = 4096 + 8; i < 4096 + 600 && i < db.size(); ++i)
            db[i] = char(0xA5);
        const QString corrupt = dir.path() + QStringLiteral("/corrupt.zip");
        test::writeZip(corrupt, { { QStringLiteral("database.db"), db } });
        report = verifyFile(corrupt);
        QVERIFY(report && !report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("database")), VerifyCheck::Status::Failed);
    }

    void truncatedZipFailsCleanly()
    {
        QTemporaryDir dir;
        const QString zip = dir.path() + QStringLiteral("/cut.zip");
        QByteArray bytes
            = test::fileBytes(test::dataPath(QStringLiteral("fastcms_backup_20261126_051757.zip")));
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

    // The central directory and each local header must tell the same story, and what Python's
    // zipfile refuses (encrypted entries, names falsely flagged UTF-8) is refused too, as is a
    // second entry of one name: an invalid archive (exit 5) for verify and stage-restore alike,
    // and for the listing where the damage is in the entry it reads (metadata.json) or in any
    // record it passes. The damage is done to a real FastCMS archive (no data descriptors, so
    // its local headers carry CRCs and sizes); the second database.db is written whole.
    void structuralDamageIsAnInvalidArchive_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<bool>("listedInvalid");
        QTest::newRow("name in the central directory") << QStringLiteral("central name") << false;
        QTest::newRow("name in a local header") << QStringLiteral("local name") << false;
        QTest::newRow("flags in a local header") << QStringLiteral("local flags") << false;
        QTest::newRow("method in a local header") << QStringLiteral("local method") << true;
        QTest::newRow("CRC in a local header") << QStringLiteral("local crc") << true;
        QTest::newRow("size in a local header") << QStringLiteral("local size") << true;
        QTest::newRow("encrypted entry") << QStringLiteral("encrypted") << true;
        QTest::newRow("strongly encrypted entry") << QStringLiteral("strong encryption") << true;
        QTest::newRow("name flagged UTF-8 but not") << QStringLiteral("not utf-8") << true;
        QTest::newRow("second database.db") << QStringLiteral("duplicate") << false;
    }
    void structuralDamageIsAnInvalidArchive()
    {
        QFETCH(QString, damage);
        QFETCH(bool, listedInvalid);
        auto fx = test::makeDataFolder(5, 2);
        const QString name = QStringLiteral("backup_20261126_051757.zip");
        const QString zip = fx.folder.backupPath(name);
        const QByteArray upload("files/2023/04/img3.jpg");
        const QByteArray metadata("metadata.json");
        if (damage == QStringLiteral("duplicate")) {
            const QByteArray db = test::sqliteBytes();
            test::writeZip(zip,
                { { QStringLiteral("database.db"), db }, { QStringLiteral("files/a.txt"), "alpha" },
                    { QStringLiteral("database.db"), db } });
        } else {
            const QByteArray original
                = test::fileBytes(test::dataPath(QStringLiteral("fastcms_backup_20261126_051757.zip")));
            QByteArray bytes = original;
            const Spots file = spotsOf(bytes, upload);
            const Spots meta = spotsOf(bytes, metadata);
            QVERIFY(file.central > 0 && file.local >= 0 && meta.central > 0 && meta.local >= 0);
            const qsizetype lastDigit = upload.lastIndexOf('3');
            if (damage == QStringLiteral("central name")) {
                bytes[file.central + 46 + lastDigit] = '4'; // the local header keeps img3.jpg
            } else if (damage == QStringLiteral("local name")) {
                bytes[file.local + 30 + lastDigit] = '4';
            } else if (damage == QStringLiteral("local flags")) {
                orFlags(bytes, spotsOf(bytes, "database.db").local, 6, 0x0002);
            } else if (damage == QStringLiteral("local method")) {
                bytes[meta.local + 8] = 0; // stored, where the directory says deflated
            } else if (damage == QStringLiteral("local crc")) {
                bytes[meta.local + 14] = char(bytes[meta.local + 14] ^ 0x01);
            } else if (damage == QStringLiteral("local size")) {
                bytes[meta.local + 22] = char(bytes[meta.local + 22] + 1);
            } else if (damage == QStringLiteral("encrypted")
                || damage == QStringLiteral("strong encryption")) {
                const quint16 bit = damage == QStringLiteral("encrypted") ? 0x0001 : 0x0040;
                orFlags(bytes, file.central, 8, bit);
                orFlags(bytes, file.local, 6, bit);
            } else if (damage == QStringLiteral("not utf-8")) {
                bytes[file.central + 46 + lastDigit] = char(0xff);
                bytes[file.local + 30 + lastDigit] = char(0xff);
                orFlags(bytes, file.central, 8, 0x0800);
                orFlags(bytes, file.local, 6, 0x0800);
            }
            QVERIFY(bytes != original);
            QFile out(zip);
            QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size());
        }

        const auto report = verifyFile(zip);
        QVERIFY(report);
        QVERIFY(!report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("zip")), VerifyCheck::Status::Failed);
        QCOMPARE(listing(fx.folder.backupsDir()), QStringList { name }); // no temporary database left

        const auto verified = test::runCli(fx.cliFolderArgs() << QStringLiteral("verify") << name);
        QCOMPARE(verified.exitCode, ExitCode::BadArchive);

        const QStringList dataBefore = listing(fx.dataDir());
        const QStringList filesBefore = test::treeDigest(fx.folder.filesDir());
        const auto staged = test::runCli(fx.cliFolderArgs() << QStringLiteral("stage-restore") << name);
        QCOMPARE(staged.exitCode, ExitCode::BadArchive);
        QCOMPARE(listing(fx.folder.backupsDir()), QStringList { name });
        QCOMPARE(listing(fx.dataDir()), dataBefore);
        QCOMPARE(test::treeDigest(fx.folder.filesDir()), filesBefore);

        const auto listed
            = test::runCli(fx.cliFolderArgs() << QStringLiteral("list") << QStringLiteral("--json"));
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray items = listed.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().toObject().value(QStringLiteral("valid")).toBool(), !listedInvalid);
    }

    // Archives whose local headers leave CRC and sizes to a data descriptor (Python's zipfile on a
    // stream that cannot seek) and ours with ZIP64 fields in every header are read as they are.
    void dataDescriptorsAndZip64HeadersAreRead()
    {
        QTemporaryDir dir;
        const QByteArray db = test::sqliteBytes();
        const QString dbPath = dir.filePath(QStringLiteral("source.db"));
        QFile source(dbPath);
        QVERIFY(source.open(QIODevice::WriteOnly) && source.write(db) == db.size());
        source.close();
        const QByteArray meta = "{\"created_at\": \"2025-01-15T10:00:00\", \"app_version\": \"0.1.0\", "
                                "\"backup_name\": \"backup_20250115_100000\"}";
        const QString script
            = QStringLiteral("import sys, zipfile\n"
                             "z = zipfile.ZipFile(sys.stdout.buffer, 'w', zipfile.ZIP_DEFLATED)\n"
                             "z.write(sys.argv[1], 'database.db')\n"
                             "z.writestr('files/a.txt', b'alpha' * 100)\n"
                             "z.writestr('metadata.json', sys.argv[2])\n"
                             "z.close()\n");
        const auto py = test::runProgram(
            test::python(), { QStringLiteral("-c"), script, dbPath, QString::fromUtf8(meta) });
        QVERIFY2(py.exitCode == 0, py.err.constData());
        const QString streamed = dir.filePath(QStringLiteral("streamed.zip"));
        QFile out(streamed);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(py.out) == py.out.size());
        out.close();
        const Spots spots = spotsOf(py.out, "metadata.json");
        QVERIFY(spots.local >= 0);
        QCOMPARE(qFromLittleEndian<quint16>(py.out.constData() + spots.local + 6) & 0x0008, 0x0008);
        QCOMPARE(qFromLittleEndian<quint32>(py.out.constData() + spots.local + 14),
            0u); // CRC left to the descriptor
        auto report = verifyFile(streamed);
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(report->problems().join(QLatin1Char('\n'))));
        QCOMPARE(*archive::readEntry(streamed, QStringLiteral("metadata.json")), meta);

        const QString zip64 = dir.filePath(QStringLiteral("zip64.zip"));
        ArchiveWriter writer(zip64, { 5, true });
        QVERIFY(writer.open());
        ByteProgress progress;
        const QDateTime t = QDateTime::currentDateTime();
        QVERIFY(writer.addFiles({ { QStringLiteral("database.db"), dbPath, t, {} } }, progress));
        QVERIFY(writer.addBytes(QStringLiteral("metadata.json"), meta, t));
        QVERIFY(writer.finish());
        report = verifyFile(zip64);
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(report->problems().join(QLatin1Char('\n'))));
        QCOMPARE(*archive::readEntry(zip64, QStringLiteral("metadata.json")), meta);
        // A self-extractor's stub in front shifts every offset, the ZIP64 records' too.
        const QString stubbed = dir.filePath(QStringLiteral("stubbed.zip"));
        QFile stub(stubbed);
        const QByteArray shifted = QByteArray(3000, '#') + test::fileBytes(zip64);
        QVERIFY(stub.open(QIODevice::WriteOnly) && stub.write(shifted) == shifted.size());
        stub.close();
        report = verifyFile(stubbed);
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(report->problems().join(QLatin1Char('\n'))));
        QCOMPARE(*archive::readEntry(stubbed, QStringLiteral("metadata.json")), meta);
    }

    // Counts in metadata.json are whole numbers a double holds exactly; anything else (a number
    // no integer type holds, a fraction) reads as unknown, never as whatever a cast makes of it.
    void metadataCountsOutOfRangeAreUnknown()
    {
        const auto metadata = Metadata::fromJson(
            "{\"created_at\": \"2025-01-15T10:00:00\", \"tool\": \"fastcms-backup\", "
            "\"database_page_count\": 1e300, "
            "\"file_count\": 3.5, \"total_bytes\": 9007199254740992, \"format_version\": 4294967297}");
        QVERIFY(metadata);
        QCOMPARE(metadata->databasePageCount, qint64(-1));
        QCOMPARE(metadata->fileCount, qint64(-1));
        QCOMPARE(metadata->totalBytes, qint64(1) << 53);
        QCOMPARE(metadata->format, -1);
        QCOMPARE(Metadata::fromJson(metadata->toJson())->totalBytes, qint64(1) << 53);
    }

    void metadataMustBeSane()
    {
        QTemporaryDir dir;
        const QString zip = dir.path() + QStringLiteral("/meta.zip");
        test::writeZip(zip,
            { { QStringLiteral("database.db"), test::sqliteBytes() },
                { QStringLiteral("metadata.json"), "{\"created_at\": \"last tuesday\"}" } });
        const auto report = verifyFile(zip);
        QVERIFY(report && !report->ok());
        QCOMPARE(statusOf(*report, QStringLiteral("metadata")), VerifyCheck::Status::Failed);
    }
};

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
