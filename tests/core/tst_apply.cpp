// Phase 2 for a stopped server: safety copies, no stale WAL replayed over the restore,
// refusal while the database is open, exact rollback, and crash safety at every step.
#include "TestSupport.h"
#include "local/LocalEngine.h"
#include "sqlite/Sqlite.h"

#include <QDir>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace fcb;

namespace {

QStringList listing(const QString& dir)
{
    return QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// The data folder's top level after a restore, and before one (with an earlier safety copy).
QStringList restoredLayout()
{
    return { QStringLiteral("app.db"), QStringLiteral("app.db.before_restore"), QStringLiteral("backups"),
        QStringLiteral("files"), QStringLiteral("files_before_restore") };
}

QStringList untouchedLayout()
{
    return { QStringLiteral("app.db"), QStringLiteral("app.db.before_restore"), QStringLiteral("backups"),
        QStringLiteral("files") };
}

// Live data marked "old"; a staged backup of data marked "new"; an earlier safety copy "ancient".
struct Scenario
{
    test::DataFixture fx;
    QStringList oldFiles;
    QStringList newFiles;
    QString backupName;
};

Scenario prepare()
{
    Scenario s { test::makeDataFolder(30, 6, QStringLiteral("new")), {}, {}, {} };
    s.newFiles = test::treeDigest(s.fx.folder.filesDir());
    LocalEngine engine(s.fx.folder);
    SilentTaskContext task;
    const auto created = engine.create({}, task);
    if (!created)
        qFatal("create failed: %s", qPrintable(created.error().message));
    s.backupName = created->backup.fileName;
    // The live folder moves on.
    test::writeNotes(s.fx.folder.dbPath(), 12, QStringLiteral("old"));
    QDir(s.fx.folder.filesDir()).removeRecursively();
    QDir().mkpath(s.fx.folder.filesDir() + QStringLiteral("/2019/01"));
    for (int i = 0; i < 4; ++i) {
        QFile f(s.fx.folder.filesDir() + QStringLiteral("/2019/01/old_%1.bin").arg(i));
        f.open(QIODevice::WriteOnly);
        f.write(QByteArray(1000 + i, char('a' + i)));
    }
    s.oldFiles = test::treeDigest(s.fx.folder.filesDir());
    test::writeNotes(s.fx.folder.dbBeforeRestorePath(), 2, QStringLiteral("ancient"));
    const auto staged = engine.stageRestore(s.backupName, task);
    if (!staged)
        qFatal("stage failed: %s", qPrintable(staged.error().message));
    return s;
}

} // namespace

class TestApply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliesAndKeepsSafetyCopies()
    {
        Scenario s = prepare();
        const DataFolder& f = s.fx.folder;
        // The server runs as its own user: the restored data must stay its own, even when the
        // restore is applied by root.
        const bool root = ::getuid() == 0;
        if (root) {
            QCOMPARE(::chown(QFile::encodeName(f.dbPath()).constData(), 65534, 65534), 0);
            QCOMPARE(::chown(QFile::encodeName(f.filesDir()).constData(), 65534, 65534), 0);
        }
        QCOMPARE(::chmod(QFile::encodeName(f.dbPath()).constData(), 0640), 0);
        LocalEngine engine(f);
        SilentTaskContext task;
        const auto applied = engine.applyRestore(task);
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
        QCOMPARE(applied->backupFilename, s.backupName);
        QVERIFY(applied->filesReplaced);
        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("new"));
        QCOMPARE(test::treeDigest(f.filesDir()), s.newFiles);
        QCOMPARE(test::noteMarker(f.dbBeforeRestorePath()), QStringLiteral("old"));
        QCOMPARE(test::treeDigest(f.filesBeforeRestoreDir()), s.oldFiles);
        QVERIFY(!QFile::exists(f.markerPath()));
        QVERIFY(!QFileInfo::exists(f.stagingDir()));
        QVERIFY(!QFile::exists(f.applyJournalPath()));
        QCOMPARE(listing(f.backupsDir()), QStringList { s.backupName });
        QCOMPARE(listing(f.dataDir()), restoredLayout());
        auto integrity = sqlite::integrityCheck(f.dbPath());
        QVERIFY(integrity && *integrity == QStringLiteral("ok"));
        struct stat db
        {
        };
        QCOMPARE(::stat(QFile::encodeName(f.dbPath()).constData(), &db), 0);
        QCOMPARE(db.st_mode & 0777, 0640u);
        if (root) {
            QCOMPARE(db.st_uid, 65534u);
            struct stat upload
            {
            };
            QCOMPARE(::stat(QFile::encodeName(f.filesDir() + QLatin1Char('/')
                                + s.newFiles.first().section(QLatin1Char(':'), 0, 0))
                                .constData(),
                         &upload),
                0);
            QCOMPARE(upload.st_uid, 65534u);
        }
        // Nothing left to apply.
        QCOMPARE(engine.applyRestore(task).error().code, ErrorCode::NotFound);
    }

    void staleWalGoesWithTheSafetyCopyNotOverTheRestore()
    {
        Scenario s = prepare();
        const DataFolder& f = s.fx.folder;
        // A server killed mid-work leaves committed rows only in app.db-wal.
        QProcess writer;
        QVERIFY(test::startWriter(writer, f.dbPath(), "\n300\n"));
        writer.kill();
        writer.waitForFinished();
        QVERIFY(QFileInfo(f.walPath()).size() > 0);

        LocalEngine engine(f);
        SilentTaskContext task;
        const auto applied = engine.applyRestore(task);
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
        QVERIFY(!QFile::exists(f.walPath()) || QFileInfo(f.walPath()).size() == 0);
        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("new"));
        QCOMPARE(test::countRows(f.dbPath(), QStringLiteral("ticks")), -1); // no such table in the backup
        QVERIFY(test::countRows(f.dbBeforeRestorePath(), QStringLiteral("ticks")) >= 300);
        QCOMPARE(test::noteMarker(f.dbBeforeRestorePath()), QStringLiteral("old"));
    }

    void refusesWhileTheDatabaseIsOpen()
    {
        Scenario s = prepare();
        const DataFolder& f = s.fx.folder;
        QProcess server;
        QVERIFY(test::startWriter(server, f.dbPath(), "ready"));

        const auto run
            = test::runCli({ QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir() });
        QCOMPARE(run.exitCode, ExitCode::Busy);
        QVERIFY(run.err.contains(QByteArray::number(server.processId())));
        const auto status = test::runCli({ QStringLiteral("status"), QStringLiteral("--json"),
            QStringLiteral("--data-dir"), f.dataDir() });
        QCOMPARE(status.json().value(QStringLiteral("database_in_use")).toBool(), true);
        server.closeWriteChannel();
        QVERIFY(server.waitForFinished(30000));

        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("old"));
        QVERIFY(QFile::exists(f.markerPath()));
        QVERIFY(!QFile::exists(f.applyJournalPath()));
        // Stopped: now it goes through.
        QCOMPARE(test::runCli({ QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir() })
                     .exitCode,
            0);
        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("new"));
    }

    void failureBeforeTheCommitRollsBackExactly()
    {
        Scenario s = prepare();
        const DataFolder& f = s.fx.folder;
        // Our own scratch name is taken by a file, so preparing the new files fails.
        QFile blocker(f.filesDir() + QStringLiteral(".fcb-new"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QStringList stagingBefore = test::treeDigest(f.stagingDir());
        const QByteArray markerBefore = test::fileBytes(f.markerPath());

        LocalEngine engine(f);
        SilentTaskContext task;
        const auto applied = engine.applyRestore(task);
        QVERIFY(!applied);
        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("old"));
        QCOMPARE(test::treeDigest(f.filesDir()), s.oldFiles);
        QCOMPARE(test::noteMarker(f.dbBeforeRestorePath()), QStringLiteral("ancient"));
        QVERIFY(!QFileInfo::exists(f.filesBeforeRestoreDir()));
        QCOMPARE(test::fileBytes(f.markerPath()), markerBefore);
        QCOMPARE(test::treeDigest(f.stagingDir()), stagingBefore);
        QVERIFY(!QFile::exists(f.applyJournalPath()));
        QCOMPARE(listing(f.dataDir()), untouchedLayout());
    }

    void crashAtAnyStepIsRecoverable_data()
    {
        QTest::addColumn<int>("step");
        for (int step = 1; step <= 9; ++step)
            QTest::addRow("abort after step %d", step) << step;
    }
    void crashAtAnyStepIsRecoverable()
    {
        QFETCH(int, step);
        Scenario s = prepare();
        const DataFolder& f = s.fx.folder;
        const QStringList args { QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir() };
        const auto crashed
            = test::runCli(args, { QStringLiteral("FCB_TEST_ABORT_AFTER_APPLY_STEP=%1").arg(step) });
        QCOMPARE(crashed.exitStatus, QProcess::CrashExit);

        // The live database is always one whole, healthy database with no foreign WAL beside it,
        // and the uploads one whole tree. Up to the commit point and through the safety-copy
        // step everything is old; the database swap and the files swap are two renames, so
        // between them (step 7) the journal says "committed" and any run finishes the job.
        const QString db = test::noteMarker(f.dbPath());
        const QStringList files = test::treeDigest(f.filesDir());
        auto integrity = sqlite::integrityCheck(f.dbPath());
        QVERIFY(integrity && *integrity == QStringLiteral("ok"));
        QVERIFY(!QFile::exists(f.walPath()) || QFileInfo(f.walPath()).size() == 0);
        const QString expectedDb = step <= 6 ? QStringLiteral("old") : QStringLiteral("new");
        QCOMPARE(db, expectedDb);
        QCOMPARE(files, step <= 7 ? s.oldFiles : s.newFiles);

        if (step < 9) {
            QVERIFY(QFile::exists(f.applyJournalPath()));
            // The marker is out of FastCMS's sight: a server started now does not run its own
            // phase 2 over the half-done swap, and nothing changes.
            QVERIFY(!QFile::exists(f.markerPath()));
            const auto server
                = test::runPython({ QStringLiteral("fastcms_apply_restore.py"), s.fx.root->path() });
            QCOMPARE(server.out.trimmed(), QByteArray("no marker"));
            QCOMPARE(test::noteMarker(f.dbPath()), expectedDb);
            // The earlier safety copy is parked (steps 4 and 5) until the new one takes its place.
            QCOMPARE(test::noteMarker(f.dbBeforeRestorePath()
                         + (step == 4 || step == 5 ? QStringLiteral(".fcb-old") : QString())),
                step <= 5 ? QStringLiteral("ancient") : QStringLiteral("old"));
            const auto status = test::runCli({ QStringLiteral("status"), QStringLiteral("--json"),
                QStringLiteral("--data-dir"), f.dataDir() });
            QCOMPARE(status.json().value(QStringLiteral("apply_interrupted")).toBool(), true);
            // While a server has the database open, the re-run touches nothing.
            QProcess running;
            QVERIFY(test::startWriter(running, f.dbPath(), "ready"));
            QCOMPARE(test::runCli(args).exitCode, ExitCode::Busy);
            running.closeWriteChannel();
            QVERIFY(running.waitForFinished(30000));
            QCOMPARE(test::noteMarker(f.dbPath()), expectedDb);
            const auto rerun = test::runCli(args);
            QVERIFY2(rerun.exitCode == 0, rerun.err.constData());
        } else {
            QCOMPARE(test::runCli(args).exitCode, ExitCode::NotFound); // nothing left to do
        }
        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("new"));
        QCOMPARE(test::treeDigest(f.filesDir()), s.newFiles);
        QCOMPARE(test::noteMarker(f.dbBeforeRestorePath()), QStringLiteral("old"));
        QCOMPARE(test::treeDigest(f.filesBeforeRestoreDir()), s.oldFiles);
        QVERIFY(!QFile::exists(f.markerPath()));
        QVERIFY(!QFileInfo::exists(f.stagingDir()));
        QVERIFY(!QFile::exists(f.applyJournalPath()));
        QCOMPARE(listing(f.dataDir()), restoredLayout());
        QCOMPARE(listing(f.backupsDir()), QStringList { s.backupName });
    }

    void interruptedApplyCanBeAbandoned_data() { crashAtAnyStepIsRecoverable_data(); }
    void interruptedApplyCanBeAbandoned()
    {
        QFETCH(int, step);
        Scenario s = prepare();
        const DataFolder& f = s.fx.folder;
        const QByteArray marker = test::fileBytes(f.markerPath());
        const QStringList staged = test::treeDigest(f.stagingDir());
        const QStringList args { QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir() };
        QCOMPARE(
            test::runCli(args, { QStringLiteral("FCB_TEST_ABORT_AFTER_APPLY_STEP=%1").arg(step) }).exitStatus,
            QProcess::CrashExit);
        const auto abandoned = test::runCli(args + QStringList { QStringLiteral("--abandon") });
        if (step == 9) {
            QCOMPARE(abandoned.exitCode, ExitCode::NotFound); // it had finished: nothing to undo
            return;
        }
        QVERIFY2(abandoned.exitCode == 0, abandoned.err.constData());
        QVERIFY2(abandoned.out.contains("staged again"), abandoned.out.constData());
        // Exactly as before the apply: old data, the earlier safety copy, the restore still staged.
        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("old"));
        QCOMPARE(test::treeDigest(f.filesDir()), s.oldFiles);
        QCOMPARE(test::noteMarker(f.dbBeforeRestorePath()), QStringLiteral("ancient"));
        QCOMPARE(test::fileBytes(f.markerPath()), marker);
        QCOMPARE(test::treeDigest(f.stagingDir()), staged);
        QCOMPARE(listing(f.dataDir()), untouchedLayout());
        QCOMPARE(listing(f.backupsDir()),
            (QStringList {
                QStringLiteral(".restore_pending"), s.backupName, QStringLiteral("restore_staging") }));
    }

    void abandonIsRefusedWhileTheDatabaseIsOpen_data()
    {
        QTest::addColumn<int>("step");
        QTest::newRow("interrupted while preparing") << 3;
        QTest::newRow("interrupted after the commit") << 7;
    }
    void abandonIsRefusedWhileTheDatabaseIsOpen()
    {
        QFETCH(int, step);
        Scenario s = prepare();
        const DataFolder& f = s.fx.folder;
        const QStringList args { QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir() };
        QCOMPARE(
            test::runCli(args, { QStringLiteral("FCB_TEST_ABORT_AFTER_APPLY_STEP=%1").arg(step) }).exitStatus,
            QProcess::CrashExit);
        const QString db = test::noteMarker(f.dbPath());
        QCOMPARE(db, step <= 6 ? QStringLiteral("old") : QStringLiteral("new"));
        QVERIFY(QFile::exists(f.applyJournalPath()));
        const auto contents = [&f] {
            // Every file of the data folder and what it holds; not the server's own -wal and -shm
            // (its commits go there), nor the lock file the killed run left, which the next run
            // takes over and removes as it lets go.
            QStringList digest = test::treeDigest(f.dataDir());
            digest.removeIf([](const QString& line) {
                const QString path = line.section(QLatin1Char(':'), 0, 0);
                return path.endsWith(QStringLiteral("-wal")) || path.endsWith(QStringLiteral("-shm"))
                    || path == QStringLiteral("backups/.fastcms-backup.lock");
            });
            return digest;
        };
        const auto layout = [&f] {
            QStringList names = listing(f.dataDir());
            names.removeIf([](const QString& name) {
                return name.endsWith(QStringLiteral("-wal")) || name.endsWith(QStringLiteral("-shm"));
            });
            return names;
        };

        // A server has the database open (from here on its commits go to the WAL only).
        QProcess server;
        QVERIFY(test::startWriter(server, f.dbPath(), "ready"));
        const QStringList before = contents();
        const QStringList layoutBefore = layout();
        const auto refused = test::runCli(args + QStringList { QStringLiteral("--abandon") });
        QCOMPARE(refused.exitCode, ExitCode::Busy);
        QCOMPARE(QString::fromUtf8(refused.err),
            QStringLiteral(
                "fastcms-backup: The database is open in another process (process %1). Stop the FastCMS "
                "server before applying a restore.\n")
                .arg(server.processId()));
        QVERIFY(refused.out.isEmpty());
        const auto json
            = test::runCli(args + QStringList { QStringLiteral("--abandon"), QStringLiteral("--json") });
        QCOMPARE(json.exitCode, ExitCode::Busy);
        QCOMPARE(
            json.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("in_use"));
        // Nothing was undone: the interrupted restore is exactly where it was, byte for byte.
        QCOMPARE(contents(), before);
        QCOMPARE(layout(), layoutBefore);
        QCOMPARE(test::noteMarker(f.dbPath()), db);
        server.closeWriteChannel();
        QVERIFY(server.waitForFinished(30000));

        // With the server stopped, the same command goes through.
        const auto abandoned = test::runCli(args + QStringList { QStringLiteral("--abandon") });
        QVERIFY2(abandoned.exitCode == 0, abandoned.err.constData());
        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("old"));
        QVERIFY(!QFile::exists(f.applyJournalPath()));
    }

    void abandonAfterAnInterruptedCleanUpSaysWhatItDid_data()
    {
        QTest::addColumn<bool>("markerGoneToo");
        QTest::newRow("staging removed") << false;
        QTest::newRow("staging and the marker in custody removed") << true;
    }
    void abandonAfterAnInterruptedCleanUpSaysWhatItDid()
    {
        // A kill during the final clean-up (after step 8) leaves the restored data in place, the
        // journal "committed", and the staging (and perhaps the marker in custody) gone.
        QFETCH(bool, markerGoneToo);
        Scenario s = prepare();
        const DataFolder& f = s.fx.folder;
        const QStringList args { QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir() };
        QCOMPARE(test::runCli(args, { QStringLiteral("FCB_TEST_ABORT_AFTER_APPLY_STEP=8") }).exitStatus,
            QProcess::CrashExit);
        QVERIFY(QDir(f.stagingDir()).removeRecursively());
        if (markerGoneToo)
            QVERIFY(QFile::remove(f.applyMarkerCustodyPath()));
        const auto abandoned = test::runCli(args + QStringList { QStringLiteral("--abandon") });
        QVERIFY2(abandoned.exitCode == 0, abandoned.err.constData());
        QVERIFY2(abandoned.out.contains("no longer staged"), abandoned.out.constData());
        QVERIFY(!abandoned.out.contains("staged again"));
        QVERIFY(abandoned.out.contains(QString(QStringLiteral("stage-restore ") + s.backupName).toUtf8()));
        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("old"));
        QCOMPARE(test::treeDigest(f.filesDir()), s.oldFiles);
        QVERIFY(!QFile::exists(f.markerPath()));
        QVERIFY(!QFile::exists(f.applyMarkerCustodyPath()));
        QCOMPARE(listing(f.dataDir()), untouchedLayout());
        // What the message says holds: nothing is staged, and staging the backup again works.
        QCOMPARE(test::runCli(args).exitCode, ExitCode::NotFound);
        const auto restaged = test::runCli(
            { QStringLiteral("stage-restore"), s.backupName, QStringLiteral("--data-dir"), f.dataDir() });
        QVERIFY2(restaged.exitCode == 0, restaged.err.constData());
    }

    void failureAtAnyStepRollsBackExactly_data()
    {
        QTest::addColumn<int>("step");
        for (int step = 1; step <= 8; ++step)
            QTest::addRow("I/O error after step %d", step) << step;
    }
    void failureAtAnyStepRollsBackExactly()
    {
        QFETCH(int, step);
        Scenario s = prepare();
        const DataFolder& f = s.fx.folder;
        const QByteArray marker = test::fileBytes(f.markerPath());
        const auto run
            = test::runCli({ QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir() },
                { QStringLiteral("FCB_TEST_FAIL_AFTER_APPLY_STEP=%1").arg(step) });
        QCOMPARE(run.exitCode, ExitCode::Io);
        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("old"));
        QCOMPARE(test::treeDigest(f.filesDir()), s.oldFiles);
        QCOMPARE(test::noteMarker(f.dbBeforeRestorePath()), QStringLiteral("ancient"));
        QCOMPARE(test::fileBytes(f.markerPath()), marker);
        QVERIFY(!QFile::exists(f.applyJournalPath()));
        QCOMPARE(listing(f.dataDir()), untouchedLayout());
        // And the restore still goes through afterwards.
        QCOMPARE(test::runCli({ QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir() })
                     .exitCode,
            0);
        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("new"));
    }

    void walThatCannotBeFoldedGoesWithTheSafetyCopy()
    {
        // When the old database cannot take its WAL back (FCB_TEST_SKIP_CHECKPOINT stands in for
        // a damaged one), the WAL must go with the safety copy, never stay beside the restored
        // database, where SQLite would replay it.
        Scenario s = prepare();
        const DataFolder& f = s.fx.folder;
        QProcess writer;
        QVERIFY(test::startWriter(writer, f.dbPath(), "\n200\n"));
        writer.kill();
        writer.waitForFinished();
        const QByteArray wal = test::fileBytes(f.walPath());
        QVERIFY(!wal.isEmpty());

        const auto run
            = test::runCli({ QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir() },
                { QStringLiteral("FCB_TEST_SKIP_CHECKPOINT=1") });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!QFile::exists(f.walPath()));
        QCOMPARE(test::fileBytes(f.dbBeforeRestorePath() + QStringLiteral("-wal")), wal);
        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("new"));
        QCOMPARE(test::countRows(f.dbPath(), QStringLiteral("ticks")), -1);
        // Opened normally, the safety copy and its WAL hold every row the killed writer committed.
        QTemporaryDir copy;
        QVERIFY(QFile::copy(f.dbBeforeRestorePath(), copy.filePath(QStringLiteral("old.db"))));
        QVERIFY(QFile::copy(
            f.dbBeforeRestorePath() + QStringLiteral("-wal"), copy.filePath(QStringLiteral("old.db-wal"))));
        QVERIFY(sqlite::checkpoint(copy.filePath(QStringLiteral("old.db"))));
        QVERIFY(test::countRows(copy.filePath(QStringLiteral("old.db")), QStringLiteral("ticks")) >= 200);
        QCOMPARE(test::noteMarker(copy.filePath(QStringLiteral("old.db"))), QStringLiteral("old"));
    }

    void disasterRecoveryWithNothingLeft()
    {
        Scenario s = prepare();
        const DataFolder& f = s.fx.folder;
        QFile::remove(f.dbPath());
        QFile::remove(f.dbBeforeRestorePath());
        QDir(f.filesDir()).removeRecursively();
        LocalEngine engine(f);
        SilentTaskContext task;
        const auto applied = engine.applyRestore(task);
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("new"));
        QCOMPARE(test::treeDigest(f.filesDir()), s.newFiles);
        QVERIFY(!QFile::exists(f.dbBeforeRestorePath()));
    }

    void markerWithoutStagingIsExplained()
    {
        Scenario s = prepare();
        QDir(s.fx.folder.stagingDir()).removeRecursively();
        LocalEngine engine(s.fx.folder);
        SilentTaskContext task;
        const auto applied = engine.applyRestore(task);
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, ErrorCode::NotFound);
        QVERIFY(applied.error().message.contains(QStringLiteral("Unstage")));
        QCOMPARE(test::noteMarker(s.fx.folder.dbPath()), QStringLiteral("old"));
    }
};

QTEST_GUILESS_MAIN(TestApply)
#include "tst_apply.moc"
