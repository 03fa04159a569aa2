// Phase 1: staging verified archives exactly where FastCMS looks, refusing hostile ones
// before a byte is written, and unstaging.
#include "PyJson.h"
#include "TestSupport.h"
#include "local/LocalEngine.h"
#include "sqlite/Sqlite.h"

#include <QDir>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <sys/stat.h>

using namespace fcb;

namespace {
QStringList listing(const QString& dir)
{
    return QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}
} // namespace

class TestStage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stagesAndUnstagesOurArchive()
    {
        auto fx = test::makeDataFolder(25, 8, QStringLiteral("backed-up"));
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        const QString name = created->backup.fileName;

        const auto staged = engine.stageRestore(name, task);
        QVERIFY2(staged, qPrintable(staged ? QString() : staged.error().message));
        const QString staging = fx.folder.stagingDir();
        QCOMPARE(test::noteMarker(staging + QStringLiteral("/database.db")), QStringLiteral("backed-up"));
        QCOMPARE(
            test::treeDigest(staging + QStringLiteral("/files")), test::treeDigest(fx.folder.filesDir()));
        QVERIFY(!QFile::exists(staging + QStringLiteral("/database.db-wal")));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(staging).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);

        // The marker, exactly as FastCMS writes it.
        const QByteArray marker = test::fileBytes(fx.folder.markerPath());
        const QJsonObject json = QJsonDocument::fromJson(marker).object();
        QCOMPARE(json.keys(),
            (QStringList { QStringLiteral("backup_filename"), QStringLiteral("requested_at"),
                QStringLiteral("staging_path") }));
        QCOMPARE(json.value(QStringLiteral("backup_filename")).toString(), name);
        QCOMPARE(json.value(QStringLiteral("staging_path")).toString(),
            QStringLiteral("data/backups/restore_staging"));
        QVERIFY(marker.startsWith("{\n  \"backup_filename\": \""));
        QVERIFY(pyjson::parseIsoTime(json.value(QStringLiteral("requested_at")).toString()));

        // The staged backup is marked in the list and cannot be deleted.
        const auto page = engine.list(1, 20);
        QVERIFY(page && page->items.first().staged);
        const auto removed = engine.remove(name);
        QVERIFY(!removed);
        QCOMPARE(removed.error().code, ErrorCode::Conflict);
        QVERIFY(QFile::exists(created->backup.path));

        QVERIFY(engine.unstageRestore());
        QVERIFY(!QFile::exists(fx.folder.markerPath()));
        QVERIFY(!QFileInfo::exists(staging));
        QCOMPARE(engine.unstageRestore().error().code, ErrorCode::NotFound);
        QVERIFY(engine.remove(name));
        QCOMPARE(listing(fx.folder.backupsDir()), QStringList());
    }

    void fastCmsAppliesWhatWeStage()
    {
        // Back up, change the data, stage the backup, then let FastCMS's own phase 2 apply it.
        auto fx = test::makeDataFolder(25, 8, QStringLiteral("backed-up"));
        const QStringList backedUpFiles = test::treeDigest(fx.folder.filesDir());
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        test::writeNotes(fx.folder.dbPath(), 3, QStringLiteral("changed"));
        QDir(fx.folder.filesDir()).removeRecursively();
        QDir().mkpath(fx.folder.filesDir());
        QVERIFY(engine.stageRestore(created->backup.fileName, task));

        const auto py = test::runPython({ QStringLiteral("fastcms_apply_restore.py"), fx.root->path() });
        QVERIFY2(py.exitCode == 0, py.err.constData());
        QVERIFY(py.out.startsWith("applied "));
        QCOMPARE(test::noteMarker(fx.folder.dbPath()), QStringLiteral("backed-up"));
        QCOMPARE(test::treeDigest(fx.folder.filesDir()), backedUpFiles);
    }

    void stagesArchivesWrittenByFastCms()
    {
        auto fx = test::makeDataFolder(10, 3);
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("fastcms_backup_20261126_051757.zip")),
            fx.folder.backupPath(QStringLiteral("backup_20261126_051757.zip"))));
        const QString pyZip = fx.folder.backupPath(QStringLiteral("backup_20250115_100000.zip"));
        QVERIFY(test::runPython({ QStringLiteral("fastcms_create_backup.py"), fx.dataDir(), pyZip }).exitCode
            == 0);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        auto staged = engine.stageRestore(QStringLiteral("backup_20261126_051757.zip"), task);
        QVERIFY2(staged, qPrintable(staged ? QString() : staged.error().message));
        QVERIFY(QFile::exists(fx.folder.stagingDir() + QStringLiteral("/files/.gitkeep")));
        QCOMPARE(staged->report.lacks().size(), 1);
        // Staging another replaces the first, marker and all.
        staged = engine.stageRestore(QStringLiteral("backup_20250115_100000.zip"), task);
        QVERIFY(staged);
        QVERIFY(!QFile::exists(fx.folder.stagingDir() + QStringLiteral("/files/.gitkeep")));
        QCOMPARE(RestoreMarker::read(fx.folder.markerPath())->backupFilename,
            QStringLiteral("backup_20250115_100000.zip"));
        QCOMPARE(
            test::noteMarker(fx.folder.stagingDir() + QStringLiteral("/database.db")), QStringLiteral("old"));
    }

    void hostileArchivesAreRefusedBeforeWriting_data()
    {
        QTest::addColumn<QList<test::ZipEntrySpec>>("entries");
        QTest::addColumn<bool>("truncate");
        const QByteArray db = test::sqliteBytes();
        const QString outside
            = QStringLiteral("/tmp/fcb-evil-") + QString::number(QRandomGenerator::global()->generate());
        using E = test::ZipEntrySpec;
        QTest::newRow("zip-slip in files") << QList<E> { { QStringLiteral("database.db"), db },
            { QStringLiteral("files/../../evil.txt"), "x" } }
                                           << false;
        QTest::newRow("zip-slip at top")
            << QList<E> { { QStringLiteral("database.db"), db }, { QStringLiteral("../evil.txt"), "x" } }
            << false;
        QTest::newRow("absolute path")
            << QList<E> { { QStringLiteral("database.db"), db }, { outside, "x" } } << false;
        QTest::newRow("absolute in files")
            << QList<E> { { QStringLiteral("database.db"), db }, { QStringLiteral("files//etc/evil"), "x" } }
            << false;
        QTest::newRow("symlink entry") << QList<E> { { QStringLiteral("database.db"), db },
            { QStringLiteral("files/link"), "/etc/passwd", 0120777u << 16 } }
                                       << false;
        QTest::newRow("symlink database")
            << QList<E> { { QStringLiteral("database.db"), "/etc/passwd", 0120777u << 16 } } << false;
        QTest::newRow("not sqlite") << QList<E> {
            { QStringLiteral("database.db"), "DROP TABLE users; -- not a database" }
        } << false;
        QTest::newRow("unexpected entry")
            << QList<E> { { QStringLiteral("database.db"), db }, { QStringLiteral("run-me.sh"), "rm -rf /" } }
            << false;
        QTest::newRow("duplicate entry") << QList<E> { { QStringLiteral("database.db"), db },
            { QStringLiteral("files/a"), "1" }, { QStringLiteral("files/a"), "2" } }
                                         << false;
        QTest::newRow("file and folder") << QList<E> { { QStringLiteral("database.db"), db },
            { QStringLiteral("files/a"), "1" }, { QStringLiteral("files/a/b"), "2" } }
                                         << false;
        QTest::newRow("no database") << QList<E> { { QStringLiteral("files/a.txt"), "x" } } << false;
        QTest::newRow("truncated") << QList<E> { { QStringLiteral("database.db"), db },
            { QStringLiteral("files/a.txt"), QByteArray(5000, 'a') } }
                                   << true;
    }
    void hostileArchivesAreRefusedBeforeWriting()
    {
        QFETCH(QList<test::ZipEntrySpec>, entries);
        QFETCH(bool, truncate);
        auto fx = test::makeDataFolder(5, 2);
        const QString name = QStringLiteral("backup_20250115_100000.zip");
        const QString zip = fx.folder.backupPath(name);
        test::writeZip(zip, entries);
        if (truncate) {
            QFile f(zip);
            QVERIFY(f.resize(f.size() - 40));
        }
        const QStringList rootBefore = listing(fx.root->path());
        const QStringList dataBefore = listing(fx.dataDir());
        const QStringList filesBefore = test::treeDigest(fx.folder.filesDir());

        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        VerifyReport report;
        const auto staged = engine.stageRestore(name, task, &report);
        QVERIFY(!staged);
        QCOMPARE(staged.error().code, ErrorCode::BadArchive);
        QVERIFY(!staged.error().message.isEmpty());
        QCOMPARE(listing(fx.folder.backupsDir()), QStringList { name });
        QCOMPARE(listing(fx.root->path()), rootBefore);
        QCOMPARE(listing(fx.dataDir()), dataBefore);
        QCOMPARE(test::treeDigest(fx.folder.filesDir()), filesBefore);
        for (const test::ZipEntrySpec& e : entries)
            if (e.name.startsWith(QLatin1Char('/')))
                QVERIFY(!QFile::exists(e.name));
    }

    void refusesUpFrontWhenSpaceIsShort()
    {
        auto fx = test::makeDataFolder(50, 5);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        LocalEngine::Options options;
        options.freeSpace = [](const QString&) { return qint64(1000); };
        const auto staged = LocalEngine(fx.folder, options).stageRestore(created->backup.fileName, task);
        QVERIFY(!staged);
        QCOMPARE(staged.error().code, ErrorCode::NoSpace);
        QCOMPARE(listing(fx.folder.backupsDir()), QStringList { created->backup.fileName });
    }

    void unknownAndMalformedNames()
    {
        auto fx = test::makeDataFolder(5, 1);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        QCOMPARE(engine.stageRestore(QStringLiteral("backup_20990101_000000.zip"), task).error().code,
            ErrorCode::NotFound);
        QCOMPARE(engine.stageRestore(QStringLiteral("../data/app.db"), task).error().code, ErrorCode::Usage);
        QCOMPARE(engine.remove(QStringLiteral("../app.db")).error().code, ErrorCode::Usage);
        QCOMPARE(
            engine.remove(QStringLiteral("backup_20990101_000000.zip")).error().code, ErrorCode::NotFound);
        QVERIFY(QFile::exists(fx.folder.dbPath()));
    }
};

QTEST_GUILESS_MAIN(TestStage)
#include "tst_stage.moc"
