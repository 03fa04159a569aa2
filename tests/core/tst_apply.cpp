// Phase 2 for a stopped server: safety copies, no stale WAL replayed over the restore,
// refusal while the database is open, exact rollback, and crash safety at every step.
#include "TestSupport.h"
#include "local/LocalEngine.h"
#include "sqlite/Sqlite.h"

#include <QDir>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace fcb;

namespace {

QStringList listing(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
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
    Scenario s{test::makeDataFolder(30, 6, QStringLiteral("new")), {}, {}, {}};
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
        QCOMPARE(listing(f.backupsDir()), QStringList{s.backupName});
        QCOMPARE(listing(f.dataDir()), (QStringList{QStringLiteral("app.db"), QStringLiteral("app.db.before_restore"),
                                                    QStringLiteral("backups"), QStringLiteral("files"),
                                                    QStringLiteral("files_before_restore")}));
        auto integrity = sqlite::integrityCheck(f.dbPath());
        QVERIFY(integrity && *integrity == QStringLiteral("ok"));
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

        const auto run = test::runCli({QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir()});
        QCOMPARE(run.exitCode, ExitCode::Busy);
        QVERIFY(run.err.contains(QByteArray::number(server.processId())));
        const auto status = test::runCli({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--data-dir"), f.dataDir()});
        QCOMPARE(status.json().value(QStringLiteral("database_in_use")).toBool(), true);
        server.closeWriteChannel();
        QVERIFY(server.waitForFinished(30000));

        QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("old"));
        QVERIFY(QFile::exists(f.markerPath()));
        QVERIFY(!QFile::exists(f.applyJournalPath()));
        // Stopped: now it goes through.
        QCOMPARE(test::runCli({QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir()}).exitCode, 0);
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
        QCOMPARE(listing(f.dataDir()), (QStringList{QStringLiteral("app.db"), QStringLiteral("app.db.before_restore"),
                                                    QStringLiteral("backups"), QStringLiteral("files")}));
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
        const QStringList args{QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir()};
        const auto crashed = test::runCli(args, {QStringLiteral("FCB_TEST_ABORT_AFTER_APPLY_STEP=%1").arg(step)});
        QCOMPARE(crashed.exitStatus, QProcess::CrashExit);

        // Whatever the step, the live database is a whole, healthy database, old or new, with no
        // foreign WAL beside it, and the uploads are one whole tree, old or new.
        const QString db = test::noteMarker(f.dbPath());
        QVERIFY2(db == QStringLiteral("old") || db == QStringLiteral("new"), qPrintable(db));
        const QStringList files = test::treeDigest(f.filesDir());
        QVERIFY(files == s.oldFiles || files == s.newFiles);
        auto integrity = sqlite::integrityCheck(f.dbPath());
        QVERIFY(integrity && *integrity == QStringLiteral("ok"));

        const bool committed = step >= 5;
        if (!committed) {
            // Before the commit point the folder is fully old.
            QCOMPARE(db, QStringLiteral("old"));
            QCOMPARE(files, s.oldFiles);
        } else if (step >= 8) {
            QCOMPARE(db, QStringLiteral("new"));
            QCOMPARE(files, s.newFiles);
        }
        if (step < 9) {
            // Until the end the marker and the staged data stay, so a re-run (or FastCMS's own
            // start) completes the restore; status names the interruption.
            QVERIFY(QFile::exists(f.markerPath()));
            QVERIFY(QFile::exists(f.stagingDir() + QStringLiteral("/database.db")));
            const auto status = test::runCli({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--data-dir"), f.dataDir()});
            QCOMPARE(status.json().value(QStringLiteral("apply_interrupted")).toBool(), true);
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
        QCOMPARE(listing(f.dataDir()), (QStringList{QStringLiteral("app.db"), QStringLiteral("app.db.before_restore"),
                                                    QStringLiteral("backups"), QStringLiteral("files"),
                                                    QStringLiteral("files_before_restore")}));
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
