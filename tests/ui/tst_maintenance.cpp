// The console's care of backups over time, offscreen and real: a restore drill fills "Last
// verified", the prune preview shows verdicts before deleting, off-site copies through real
// rclone fill "Copies", the schedule dialog installs units that status then judges by, and
// "copy as curl" gives commands that work against a server.
#include "WindowFixture.h"

#include "Translations.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupsController.h"
#include "curl/CurlController.h"
#include "remote/CurlCommand.h"
#include "remote/RemoteBackend.h"
#include "schedule/ScheduleDialog.h"
#include "widgets/Banner.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QTableView>

using namespace fcb;
using namespace fcb::test;

namespace {

QString cell(MainWindow& window, int row, int column)
{
    return window.model()->index(row, column).data().toString();
}

int rowOf(MainWindow& window, const QString& name)
{
    for (int row = 0; row < window.model()->rowCount(); ++row)
        if (cell(window, row, BackupTableModel::FileName) == name)
            return row;
    return -1;
}

void selectName(MainWindow& window, const QString& name)
{
    // The view sorts through a proxy: select by the name it shows.
    auto* view = window.table();
    for (int row = 0; row < view->model()->rowCount(); ++row)
        if (view->model()->index(row, BackupTableModel::FileName).data().toString() == name)
            view->selectRow(row);
}

} // namespace

class TestMaintenance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        isolateConsole(m_home, QStringLiteral("tst_maintenance"));
        const QString rcloneConfig = m_home.filePath(QStringLiteral("rclone.conf"));
        QFile config(rcloneConfig);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.close();
        qputenv("RCLONE_CONFIG", rcloneConfig.toUtf8());
    }

    void drillFillsLastVerified()
    {
        auto fx = test::makeDataFolder(30, 3);
        seedBackups(fx.folder, 2);
        OpenWindow open(fx.folder);
        auto& window = open.window;
        const QString name = cell(window, 0, BackupTableModel::FileName);
        QTRY_COMPARE(cell(window, 0, BackupTableModel::LastVerified), QStringLiteral("Never"));
        selectName(window, name);
        QAction* drill = window.action(QStringLiteral("actionDrill"));
        QVERIFY(drill->isEnabled());
        QCOMPARE(drill->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        drill->trigger();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY2(window.banner()->text().contains(QStringLiteral("restores")),
            qPrintable(window.banner()->text()));
        QTRY_VERIFY(
            cell(window, rowOf(window, name), BackupTableModel::LastVerified) != QStringLiteral("Never"));
        QVERIFY(!cell(window, rowOf(window, name), BackupTableModel::LastVerified)
                     .startsWith(QStringLiteral("FAILED")));
        QVERIFY(window.model()
                    ->index(rowOf(window, name), BackupTableModel::LastVerified)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("table")));
    }

    void prunePreviewBeforeDeleting()
    {
        // Nine backups an hour apart on one day: daily keeps the newest of the day only.
        auto fx = test::makeDataFolder(5, 1);
        seedBackups(fx.folder, 1);
        const QString today = LocalEngine(fx.folder).list(1, 20)->items.first().fileName;
        const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        for (int i = 1; i <= 8; ++i) // no metadata: their names give their times
            test::writeZip(fx.folder.backupPath(BackupName::forTime(base.addSecs(3600 * i))),
                { { QStringLiteral("database.db"), test::sqliteBytes() } });
        OpenWindow open(fx.folder);
        auto& [prompter, window, refreshed] = open;
        QVERIFY(window.table()->isColumnHidden(BackupTableModel::Retention));
        window.action(QStringLiteral("actionPrunePreview"))->trigger();
        QTRY_VERIFY(!window.table()->isColumnHidden(BackupTableModel::Retention));
        QVERIFY2(window.banner()->text().contains(QStringLiteral("7 of 9 backups would be deleted")),
            qPrintable(window.banner()->text()));
        QVERIFY(cell(window, rowOf(window, today), BackupTableModel::Retention)
                    .startsWith(QStringLiteral("Keep")));
        const QString newestOfJan1 = BackupName::forTime(base.addSecs(3600 * 8));
        QVERIFY(cell(window, rowOf(window, newestOfJan1), BackupTableModel::Retention)
                    .contains(QStringLiteral("daily")));
        QCOMPARE(
            cell(window, rowOf(window, BackupName::forTime(base.addSecs(3600))), BackupTableModel::Retention),
            QStringLiteral("Delete"));
        // Nothing is deleted by the preview itself.
        QCOMPARE(LocalEngine(fx.folder).list(1, 20)->total, 9);

        QAction* apply = window.action(QStringLiteral("actionApplyPrune"));
        QVERIFY(apply->isEnabled());
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        apply->trigger();
        QCOMPARE(prompter.asked.size(), 1);
        QCOMPARE(prompter.asked.first().count(QLatin1Char(',')), 6); // seven names in one question
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 7, 30000);
        QTRY_COMPARE(LocalEngine(fx.folder).list(1, 20)->total, 2);
        QTRY_VERIFY(window.table()->isColumnHidden(BackupTableModel::Retention));
    }

    void offsiteCopiesThroughRclone()
    {
        auto fx = test::makeDataFolder(10, 2);
        seedBackups(fx.folder, 2);
        OpenWindow open(fx.folder);
        auto& [prompter, window, refreshed] = open;
        QCOMPARE(cell(window, 0, BackupTableModel::Copies), QStringLiteral("Local"));
        QVERIFY(!window.action(QStringLiteral("actionPushOffsite"))->isEnabled());

        const QString remote = m_home.filePath(QStringLiteral("offsite"));
        prompter.text = remote;
        window.action(QStringLiteral("actionOffsiteTarget"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(
            cell(window, 0, BackupTableModel::Copies), QStringLiteral("Local only"), 20000);
        QVERIFY(window.action(QStringLiteral("actionPushOffsite"))->isEnabled());

        const QString name = cell(window, 0, BackupTableModel::FileName);
        selectName(window, name);
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        window.action(QStringLiteral("actionPushOffsite"))->trigger();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(QDir(remote).entryList(QDir::Files), QStringList { name });
        QTRY_COMPARE_WITH_TIMEOUT(cell(window, rowOf(window, name), BackupTableModel::Copies),
            QStringLiteral("Local + off-site"), 20000);
        QCOMPARE(
            cell(window, 1 - rowOf(window, name), BackupTableModel::Copies), QStringLiteral("Local only"));
    }

    void scheduleDialogInstallsAndStatusFollowsIt()
    {
        auto fx = test::makeDataFolder(5, 1);
        QDir().mkpath(fx.folder.backupsDir());
        test::writeZip(
            fx.folder.backupPath(BackupName::forTime(QDateTime::currentDateTimeUtc().addSecs(-3 * 3600))),
            { { QStringLiteral("database.db"), test::sqliteBytes() } });
        OpenWindow open(fx.folder);
        auto& window = open.window;
        auto* newest = window.findChild<QLabel*>(QStringLiteral("newestBackup"));
        QTRY_VERIFY(newest->text().contains(QStringLiteral("3 hours ago")));
        QVERIFY(!newest->text().contains(QStringLiteral("older")));

        window.action(QStringLiteral("actionSchedule"))->trigger();
        auto* dialog = window.findChild<ScheduleDialog*>(QStringLiteral("scheduleDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->previewText().contains(QStringLiteral("OnCalendar=*-*-* 03:00:00")));
        QVERIFY(dialog->previewText().contains(fx.dataDir()));
        dialog->setEvery(ScheduleSpec::Every::Hourly);
        QVERIFY(dialog->previewText().contains(QStringLiteral("OnCalendar=*-*-* *:00:00")));
        dialog->setCron(true);
        QVERIFY(dialog->previewText().startsWith(QStringLiteral("0 * * * * ")));
        dialog->setCron(false);
        QSignalSpy installed(dialog, &ScheduleDialog::installed);
        dialog->findChild<QPushButton*>(QStringLiteral("installButton"))->click();
        QVERIFY(installed.wait(20000));
        QCOMPARE(installed.first().first().toBool(), true);
        QVERIFY(dialog->statusText().contains(QStringLiteral("systemctl --user")));
        QCOMPARE(QDir(m_home.filePath(QStringLiteral("config/systemd/user")))
                     .entryList({ QStringLiteral("fastcms-backup-*") }, QDir::Files)
                     .size(),
            2);
        dialog->close();
        // Hourly allows two hours: the three-hour-old backup is now too old.
        window.action(QStringLiteral("actionRefresh"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            newest->text().contains(QStringLiteral("older than the schedule allows")), 10000);
    }

    void copyAsCurlForAServer()
    {
        test::FakeServer server;
        QVERIFY(server.isRunning());
        server.control({ { QStringLiteral("seed"), 3 } });
        QNetworkAccessManager network;
        QTemporaryDir state;
        ScriptedPrompter prompter;
        MainWindow window(&prompter, std::make_unique<MemorySecretStore>());
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.show();
        QVERIFY(!window.curl()->menu()->isEnabled()); // nothing open yet
        window.openBackend(apiKeyBackend(server, &network, state));
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(cell(window, 0, BackupTableModel::Copies), QStringLiteral("On the server"));
        QVERIFY(window.curl()->menu()->isEnabled());
        const QString name = cell(window, 0, BackupTableModel::FileName);
        selectName(window, name);
        QAction* curlDelete = window.action(QStringLiteral("actionCurl%1").arg(int(curl::Action::Delete)));
        QVERIFY(curlDelete && curlDelete->isEnabled());
        curlDelete->trigger();
        const QString command = QApplication::clipboard()->text();
        QVERIFY2(command.contains(QStringLiteral("$FASTCMS_API_KEY")), qPrintable(command));
        QVERIFY(!command.contains(QString::fromLatin1(test::FakeServer::apiKey)));
        QProcess sh;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FASTCMS_API_KEY"), QString::fromLatin1(test::FakeServer::apiKey));
        sh.setProcessEnvironment(env);
        sh.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
        QVERIFY(sh.waitForFinished(30000));
        QCOMPARE(sh.exitCode(), 0);
        QVERIFY(!server.state().value(QStringLiteral("backups")).toVariant().toStringList().contains(name));
        // Off-site copies are for local folders.
        QVERIFY(!window.action(QStringLiteral("actionOffsiteTarget"))->isEnabled());
    }
};

QTEST_MAIN(TestMaintenance)
#include "tst_maintenance.moc"
