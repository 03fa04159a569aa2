// The console's window, offscreen: open a data folder, create a backup through the named
// action, see it in the table, verify it.
#include "MainWindow.h"
#include "TestSupport.h"
#include "backups/BackupTableModel.h"
#include "remote/RemoteBackend.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace fcb;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createAndVerifyThroughActions()
    {
        auto fx = test::makeDataFolder(40, 6);
        MainWindow window;
        QAbstractItemModelTester tester(window.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.show();
        window.openDataFolder(fx.folder);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(window.model()->rowCount(), 0);
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("summary"))->text().contains(QStringLiteral("No backups yet")));

        QAction* create = window.action(QStringLiteral("actionCreateBackup"));
        QVERIFY(create && create->isEnabled());
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        create->trigger();
        QVERIFY(window.isBusy());
        QVERIFY(!create->isEnabled()); // one job at a time
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QTRY_COMPARE(window.model()->rowCount(), 1);
        const QString name = window.model()->index(0, BackupTableModel::FileName).data().toString();
        QVERIFY(name.startsWith(QStringLiteral("backup_")));
        QVERIFY(window.model()->index(0, BackupTableModel::Size).data(BackupTableModel::RawValueRole).toLongLong() > 0);

        auto* table = window.findChild<QTableView*>();
        table->selectRow(0);
        QAction* verify = window.action(QStringLiteral("actionVerify"));
        QVERIFY(verify->isEnabled());
        finished.clear();
        verify->trigger();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("banner"))->text().contains(QStringLiteral("sound backup")));
    }

    void showsAServersBackupsThroughTheSameInterface()
    {
        test::FakeServer server;
        server.control({{QStringLiteral("seed"), 4}});
        QNetworkAccessManager network;
        QTemporaryDir state;
        RemoteOptions options;
        options.server = server.url();
        options.stateFile = state.filePath(QStringLiteral("servers.json"));
        Credentials credentials;
        credentials.kind = Credentials::Kind::ApiKey;
        credentials.apiKey = QString::fromLatin1(test::FakeServer::apiKey);
        auto* session = new RemoteSession(&network, options, credentials, &network);
        MainWindow window;
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.show();
        window.openBackend(std::make_unique<RemoteBackend>(session, RemoteStateStore(options.stateFile)));
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(window.model()->rowCount(), 4);
        QVERIFY(window.windowTitle().contains(QStringLiteral("127.0.0.1")));
        // A failing server shows an error banner.
        server.control({{QStringLiteral("fault"), QStringLiteral("500")}});
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        window.action(QStringLiteral("actionCreateBackup"))->trigger();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("banner"))->text().contains(QStringLiteral("Server error")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
