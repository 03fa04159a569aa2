// One operation at a time per data folder, within a process and across processes.
#include "TestSupport.h"
#include "local/LocalEngine.h"
#include "local/OperationLock.h"

#include <QElapsedTimer>
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
        QFile big(fx.folder.filesDir() + QStringLiteral("/big.log"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        for (int i = 0; i < 400000; ++i)
            big.write(QByteArray::number(i) + " GET /api/v1/collections/posts/records 200 " + QByteArray::number(i * 7) + "\n");
        big.close();
        QProcess first;
        first.start(test::cliPath(), QStringList{QStringLiteral("create")} + fx.cliFolderArgs());
        QVERIFY(first.waitForStarted());
        QElapsedTimer waited;
        waited.start();
        bool holding = false;
        while (!holding && first.state() == QProcess::Running && waited.elapsed() < 60000) {
            const auto status = test::runCli(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + fx.cliFolderArgs());
            holding = status.json().value(QStringLiteral("lock_holder_pid")).toInteger() == first.processId();
        }
        if (!holding)
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
