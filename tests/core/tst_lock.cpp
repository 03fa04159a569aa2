// One operation at a time per data folder, within a process and across processes.
#include "TestSupport.h"
#include "local/LocalEngine.h"
#include "local/OperationLock.h"

#include <QProcess>
#include <QTest>

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
        const auto run = test::runCli(QStringList{QStringLiteral("create")} + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, ExitCode::Busy);
        QVERIFY(run.err.contains("Busy"));
        const auto json = test::runCli(QStringList{QStringLiteral("create"), QStringLiteral("--json")} + fx.cliFolderArgs());
        QCOMPARE(json.exitCode, ExitCode::Busy);
        QCOMPARE(json.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("busy"));
    }

    void twoCommandLineToolsNeverCreateAtOnce()
    {
        // Enough data that the first create is still running when the second starts.
        auto fx = test::makeDataFolder(20000, 40);
        test::writeLargeLog(fx.folder.filesDir() + QStringLiteral("/big.log"), 400000);
        QProcess first;
        if (!test::startCliAndWaitForLock(first, {QStringLiteral("create")}, fx))
            QSKIP("the first create finished before a second one could be started; nothing to race");
        const auto second = test::runCli(QStringList{QStringLiteral("create")} + fx.cliFolderArgs());
        QCOMPARE(second.exitCode, ExitCode::Busy);
        QVERIFY(first.waitForFinished(120000));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(LocalEngine(fx.folder).list(1, 20)->total, 1);
    }
};

QTEST_GUILESS_MAIN(TestLock)
#include "tst_lock.moc"
