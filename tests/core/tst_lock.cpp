// One operation at a time per data folder, within a process and across processes.
#include "TestSupport.h"
#include "local/LocalEngine.h"
#include "local/OperationLock.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace fcb;

class TestLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondOperationInTheSameProcessIsBusy()
    {
        auto fx = test::makeDataFolder(10, 2);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);

        auto held = OperationLock::acquire(fx.folder);
        QVERIFY(held);
        const auto busyCreate = engine.create({}, task);
        QVERIFY(!busyCreate);
        QCOMPARE(busyCreate.error().code, ErrorCode::Busy);
        QVERIFY(busyCreate.error().message.contains(QString::number(::getpid())));
        QCOMPARE(engine.stageRestore(created->backup.fileName, task).error().code, ErrorCode::Busy);
        QCOMPARE(engine.unstageRestore().error().code, ErrorCode::Busy);
        QCOMPARE(engine.applyRestore(task).error().code, ErrorCode::Busy);
        QCOMPARE(engine.remove(created->backup.fileName).error().code, ErrorCode::Busy);
        // Reading never waits for the lock.
        QVERIFY(engine.list(1, 20));
        QVERIFY(engine.verify(created->backup.fileName, task));
        const auto status = engine.status();
        QVERIFY(status);
        QCOMPARE(status->lockHolderPid, qint64(::getpid()));

        held->reset();
        QVERIFY(engine.create({}, task));
    }

    void anotherProcessGetsBusyExitCode()
    {
        auto fx = test::makeDataFolder(10, 2);
        auto held = OperationLock::acquire(fx.folder);
        QVERIFY(held);
        const auto run = test::runCli(QStringList { QStringLiteral("create") } + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, ExitCode::Busy);
        QVERIFY(run.err.contains("Busy"));
        const auto json = test::runCli(
            QStringList { QStringLiteral("create"), QStringLiteral("--json") } + fx.cliFolderArgs());
        QCOMPARE(json.exitCode, ExitCode::Busy);
        QCOMPARE(
            json.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("busy"));
    }

    void twoCommandLineToolsNeverWorkAtOnce_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::newRow("create, create") << QStringLiteral("create") << QStringLiteral("create");
        QTest::newRow("create, stage") << QStringLiteral("create") << QStringLiteral("stage-restore");
        QTest::newRow("stage, apply") << QStringLiteral("stage-restore") << QStringLiteral("apply-restore");
        QTest::newRow("apply, create") << QStringLiteral("apply-restore") << QStringLiteral("create");
        QTest::newRow("apply, delete") << QStringLiteral("apply-restore") << QStringLiteral("delete");
    }
    void twoCommandLineToolsNeverWorkAtOnce()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        auto fx = test::makeDataFolder(50, 4);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        const QString name = created->backup.fileName;
        if (first == QStringLiteral("apply-restore"))
            QVERIFY(engine.stageRestore(name, task));
        const auto argsFor = [&name](const QString& command) {
            QStringList args { command };
            if (command == QStringLiteral("stage-restore") || command == QStringLiteral("delete"))
                args.append(name);
            return args;
        };
        QProcess running;
        QVERIFY(test::startCliAndWaitForLock(running, argsFor(first), fx));
        const auto refused = test::runCli(argsFor(second) + fx.cliFolderArgs());
        QCOMPARE(refused.exitCode, ExitCode::Busy);
        QVERIFY(refused.err.contains(QByteArray::number(running.processId())));
        QVERIFY(running.waitForFinished(60000));
        QCOMPARE(running.exitCode(), 0);
        // Once the first is done, the second goes through.
        if (second != QStringLiteral("apply-restore"))
            QCOMPARE(test::runCli(argsFor(second) + fx.cliFolderArgs()).exitCode, 0);
    }

    void leftoverLockFilesBlockNobody_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty, as a kill while taking the lock leaves it") << QByteArray();
        QTest::newRow("garbled") << QByteArray("\xff\xfe not a lock\n\0\0", 18);
        QTest::newRow("a live process that does not hold it")
            << QByteArray::number(qint64(::getppid())) + "\nfastcms-backup\nhost\n";
        QTest::newRow("a dead process") << QByteArray("999999999\nfastcms-backup\nhost\n");
    }
    void leftoverLockFilesBlockNobody()
    {
        QFETCH(QByteArray, content);
        auto fx = test::makeDataFolder(10, 2);
        QVERIFY(QDir().mkpath(fx.folder.backupsDir()));
        QFile lockFile(fx.folder.lockPath());
        QVERIFY(lockFile.open(QIODevice::WriteOnly));
        lockFile.write(content);
        lockFile.close();
        const auto status = test::runCli(
            QStringList { QStringLiteral("status"), QStringLiteral("--json") } + fx.cliFolderArgs());
        QCOMPARE(status.json().value(QStringLiteral("lock_holder_pid")).toInteger(), 0);
        const auto created = test::runCli(QStringList { QStringLiteral("create") } + fx.cliFolderArgs());
        QVERIFY2(created.exitCode == 0, created.err.constData());
        QVERIFY(!QFile::exists(fx.folder.lockPath())); // the holder removes it as it lets go
    }

    void aKilledHolderLeavesNoLock()
    {
        auto fx = test::makeDataFolder(50, 4);
        QProcess running;
        QVERIFY(test::startCliAndWaitForLock(running, { QStringLiteral("create") }, fx, 60000));
        ::kill(pid_t(running.processId()), SIGKILL);
        QVERIFY(running.waitForFinished(10000));
        QVERIFY(QFile::exists(fx.folder.lockPath())); // left behind, as after any kill
        const auto status = test::runCli(
            QStringList { QStringLiteral("status"), QStringLiteral("--json") } + fx.cliFolderArgs());
        QCOMPARE(status.json().value(QStringLiteral("lock_holder_pid")).toInteger(), 0);
        const auto created = test::runCli(QStringList { QStringLiteral("create") } + fx.cliFolderArgs());
        QVERIFY2(created.exitCode == 0, created.err.constData());
    }

    void waitLockWaitsForTheHolder()
    {
        auto fx = test::makeDataFolder(50, 4);
        QProcess running;
        QVERIFY(test::startCliAndWaitForLock(running, { QStringLiteral("create") }, fx, 3000));
        // Started while the first certainly holds the lock; it waits, then does its own work.
        const auto waited = test::runCli(
            QStringList { QStringLiteral("create"), QStringLiteral("--wait-lock"), QStringLiteral("5m") }
            + fx.cliFolderArgs());
        QVERIFY2(waited.exitCode == 0, waited.err.constData());
        QVERIFY(running.waitForFinished(60000));
        QCOMPARE(running.exitCode(), 0);
        QCOMPARE(QDir(fx.folder.backupsDir()).entryList({ QStringLiteral("*.zip") }).size(), 2);
    }

    void waitLockGivesUpWithBusy()
    {
        auto fx = test::makeDataFolder(10, 2);
        auto held = OperationLock::acquire(fx.folder);
        QVERIFY(held);
        const auto run = test::runCli(
            QStringList { QStringLiteral("create"), QStringLiteral("--wait-lock"), QStringLiteral("1s") }
            + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, ExitCode::Busy);
        QVERIFY2(run.err.contains("after waiting 1 second"), run.err.constData());
        QVERIFY(run.err.contains(QByteArray::number(qint64(::getpid()))));
        QCOMPARE(test::runCli(QStringList { QStringLiteral("create"), QStringLiteral("--wait-lock"),
                                  QStringLiteral("soon") }
                     + fx.cliFolderArgs())
                     .exitCode,
            ExitCode::Usage);
    }

    void twoLocksInOneProcessExcludeEachOther()
    {
        auto fx = test::makeDataFolder(10, 2);
        auto first = OperationLock::acquire(fx.folder);
        QVERIFY(first);
        auto second = OperationLock::acquire(fx.folder);
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::Busy);
        first->reset();
        QVERIFY(OperationLock::acquire(fx.folder));
    }
};

QTEST_GUILESS_MAIN(TestLock)
#include "tst_lock.moc"
