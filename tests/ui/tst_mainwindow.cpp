// The console's window, offscreen: open a data folder, create a backup through the named
// action, see it in the table, verify it.
#include "MainWindow.h"
#include "TestSupport.h"
#include "Translations.h"
#include "WindowFixture.h"
#include "WorkerPool.h"
#include "archive/BackupName.h"
#include "backups/BackupDetailsDialog.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupsController.h"
#include "backups/PaginationBar.h"
#include "backups/RowActionDelegate.h"
#include "connection/ConnectionController.h"
#include "connection/SecretStore.h"
#include "connection/SignInDialog.h"
#include "jobs/JobsModel.h"
#include "local/LocalEngine.h"
#include "local/OperationLock.h"
#include "remote/RemoteBackend.h"
#include "restore/RestoreDialog.h"
#include "widgets/Banner.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <unistd.h>

using namespace fcb;

using namespace fcb::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase() { isolateConsole(m_home, QStringLiteral("tst_mainwindow")); }

    // As the console does before it quits: a listing a window started as it closed may still be
    // running, and no worker may outlive main().
    void cleanupTestCase() { workers::finishBackgroundWork(); }

    void signInWithTwoFactorThenReconnectFromRecent()
    {
        test::FakeServer server({ QStringLiteral("--two-factor") });
        server.control({ { QStringLiteral("seed"), 3 } });
        ScriptedPrompter prompter;
        MainWindow window(&prompter, std::make_unique<MemorySecretStore>());
        window.show();
        ConnectionController* connections = window.connections();
        SignInDialog dialog(connections->network(), connections->stateFile(), &window);
        QSignalSpy attempted(&dialog, &SignInDialog::attemptFinished);
        dialog.serverField()->setText(server.url().toString());
        dialog.emailField()->setText(QString::fromLatin1(test::FakeServer::adminEmail));
        dialog.secretField()->setText(QStringLiteral("wrong password"));
        dialog.signInButton()->click();
        QVERIFY(attempted.wait(15000));
        QCOMPARE(attempted.last().first().toBool(), false);
        QVERIFY(dialog.errorText().contains(QStringLiteral("wrong email or password")));
        QVERIFY(!dialog.needsTwoFactorCode());

        dialog.secretField()->setText(QString::fromLatin1(test::FakeServer::adminPassword));
        dialog.signInButton()->click();
        QVERIFY(attempted.wait(15000));
        QCOMPARE(attempted.last().first().toBool(), false);
        QVERIFY(dialog.needsTwoFactorCode()); // the code step appears
        dialog.codeField()->setText(QStringLiteral("123456"));
        dialog.signInButton()->click();
        QVERIFY(attempted.wait(15000));
        QCOMPARE(attempted.last().first().toBool(), true);

        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        connections->openServer(dialog.takeBackend(), dialog.method(), dialog.email());
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(window.model()->rowCount(), 3);

        // Remembered without secrets; reopened from the recent list with the kept tokens.
        QSettings settings;
        settings.sync();
        const QByteArray ini = test::fileBytes(settings.fileName());
        QVERIFY(ini.contains(server.url().host().toUtf8()));
        QVERIFY(!ini.contains(test::FakeServer::adminPassword));
        QVERIFY(!ini.contains("token"));
        auto elsewhere = test::makeDataFolder(1, 0);
        window.openDataFolder(elsewhere.folder); // elsewhere meanwhile
        QVERIFY(refreshed.wait(15000));
        QList<QAction*> recent = connections->recentMenu()->actions();
        QVERIFY(!recent.isEmpty());
        QVERIFY(recent.first()->text().contains(server.url().host()));
        server.control({ { QStringLiteral("seed"), 1 } });
        recent.first()->trigger();
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(window.model()->rowCount(), 4);
    }

    void aMistypedDataFolderIsAnError()
    {
        QTemporaryDir parent;
        const QString missing = parent.filePath(QStringLiteral("no-such/data"));
        ScriptedPrompter prompter;
        prompter.folder = missing;
        MainWindow window(&prompter, std::make_unique<MemorySecretStore>());
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.show();
        window.action(QStringLiteral("actionOpenDataFolder"))->trigger();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(window.model()->rowCount(), 0);
        const QString summary = window.findChild<QLabel*>(QStringLiteral("summary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("does not exist")), qPrintable(summary));
        QVERIFY(!summary.contains(QStringLiteral("No backups yet")));
        QVERIFY(!QFileInfo::exists(missing)); // looking made nothing
    }

    void createAndVerifyThroughActions()
    {
        auto fx = test::makeDataFolder(40, 6);
        ScriptedPrompter prompter;
        prompter.folder = fx.dataDir();
        MainWindow window(&prompter, std::make_unique<MemorySecretStore>());
        QAbstractItemModelTester tester(
            window.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.show();
        window.action(QStringLiteral("actionOpenDataFolder"))->trigger(); // Ctrl+O, then the folder
        QVERIFY(refreshed.wait(10000));
        QVERIFY(window.windowTitle().contains(fx.dataDir()));
        QCOMPARE(window.model()->rowCount(), 0);
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("summary"))
                    ->text()
                    .contains(QStringLiteral("No backups yet")));
        QCOMPARE(window.pagination()->totalText(), QStringLiteral("Total: 0 backups"));

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
        QVERIFY(
            window.model()->index(0, BackupTableModel::Size).data(BackupTableModel::RawValueRole).toLongLong()
            > 0);

        window.table()->selectRow(0);
        QAction* verify = window.action(QStringLiteral("actionVerify"));
        QVERIFY(verify->isEnabled());
        finished.clear();
        verify->trigger();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(window.banner()->text().contains(QStringLiteral("sound backup")));
        // Double-click: the details, with metadata, checksums and that verification.
        const QModelIndex first = window.table()->model()->index(0, BackupTableModel::FileName);
        Q_EMIT window.table()->doubleClicked(first); // what the view emits on a double-click
        auto* details = window.findChild<BackupDetailsDialog*>(QStringLiteral("backupDetails"));
        QVERIFY(details);
        QVERIFY(details->metadataText().contains(QStringLiteral("trigger=manual")));
        QVERIFY(details->verificationText().contains(QStringLiteral("sound")));
        QTRY_VERIFY(details->checksumsText().contains(QStringLiteral("  database.db")));
        details->close();
        // The status bar tells how old the newest backup is, and how much the backups use.
        QTRY_VERIFY(window.findChild<QLabel*>(QStringLiteral("newestBackup"))
                        ->text()
                        .contains(QStringLiteral("just now")));
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("newestBackup"))
                    ->text()
                    .contains(QStringLiteral("backups use")));
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("newestBackup"))
                    ->text()
                    .contains(QStringLiteral(" free")));
        // The job was listed with its outcome.
        QCOMPARE(window.jobs()->rowCount(), 2);
        QCOMPARE(window.jobs()->index(0, JobsModel::Status).data().toString(), QStringLiteral("Done"));
    }

    void fortyFiveBackupsGiveThreePagesOfTwenty()
    {
        auto fx = test::makeDataFolder(10, 2);
        seedBackups(fx.folder, 45);
        OpenWindow open(fx.folder);
        auto& [prompter, window, refreshed] = open;
        QCOMPARE(window.model()->rowCount(), 20);
        QCOMPARE(window.pagination()->totalText(), QStringLiteral("Total: 45 backups"));
        QCOMPARE(window.pagination()->pageText(), QStringLiteral("Page 1 of 3"));
        QVERIFY(!window.action(QStringLiteral("actionPreviousPage"))->isEnabled());
        window.action(QStringLiteral("actionNextPage"))->trigger();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(window.pagination()->pageText(), QStringLiteral("Page 2 of 3"));
        window.action(QStringLiteral("actionNextPage"))->trigger();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(window.model()->rowCount(), 5);
        QCOMPARE(window.pagination()->pageText(), QStringLiteral("Page 3 of 3"));
        QVERIFY(!window.action(QStringLiteral("actionNextPage"))->isEnabled());
        QVERIFY(window.action(QStringLiteral("actionPreviousPage"))->isEnabled());
        // F5 reloads in place; a larger page size shows more at once.
        QCOMPARE(
            window.action(QStringLiteral("actionRefresh"))->shortcut(), QKeySequence(QKeySequence::Refresh));
        window.backups()->setPageSize(50);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(window.model()->rowCount(), 45);
    }

    void deleteAsksFirst()
    {
        auto fx = test::makeDataFolder(10, 2);
        seedBackups(fx.folder, 5);
        OpenWindow open(fx.folder);
        auto& [prompter, window, refreshed] = open;
        window.table()->selectionModel()->select(
            window.table()->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        window.table()->selectionModel()->select(
            window.table()->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        prompter.deleteAnswer = false;
        window.action(QStringLiteral("actionDelete"))->trigger();
        QCOMPARE(prompter.asked.size(), 1);
        QCOMPARE(prompter.asked.first().count(QLatin1Char(',')), 1); // both names in one question
        QTest::qWait(200);
        QCOMPARE(LocalEngine(fx.folder).list(1, 20)->total, 5);
        prompter.deleteAnswer = true;
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        window.action(QStringLiteral("actionDelete"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 15000);
        QTRY_COMPARE(window.model()->page().total, 3);
        QVERIFY(window.banner()->text().contains(QStringLiteral("Deleted 2 backups")));
    }

    void restoreNeedsTheTypedNameThenShowsTheBannerUntilUnstaged()
    {
        auto fx = test::makeDataFolder(10, 2);
        seedBackups(fx.folder, 2);
        OpenWindow open(fx.folder);
        auto& [prompter, window, refreshed] = open;
        window.table()->selectRow(0);
        const QString name = window.table()->model()->index(0, BackupTableModel::FileName).data().toString();

        prompter.typedName = QStringLiteral("yes"); // not the name: nothing happens
        window.action(QStringLiteral("actionRestore"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(prompter.asked.size(), 1, 15000);
        QVERIFY(prompter.asked.first().contains(QStringLiteral("Verified: sound.")));
        QTest::qWait(300);
        QVERIFY(!QFile::exists(fx.folder.markerPath()));

        prompter.typedName = name;
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        window.action(QStringLiteral("actionRestore"))->trigger();
        QVERIFY(finished.wait(15000));
        QVERIFY(QFile::exists(fx.folder.markerPath()));
        QTRY_VERIFY_WITH_TIMEOUT(
            window.banner()->text().contains(QStringLiteral("is staged: restart the server to apply it")),
            10000);
        QCOMPARE(window.banner()->kind(), Banner::Kind::Warning);
        QVERIFY(window.action(QStringLiteral("actionUnstage"))->isEnabled());
        QVERIFY(
            window.action(QStringLiteral("actionApplyRestore"))->isEnabled()); // the server is not running

        finished.clear();
        window.action(QStringLiteral("actionUnstage"))->trigger();
        QVERIFY(finished.wait(15000));
        QVERIFY(!QFile::exists(fx.folder.markerPath()));
        QTRY_VERIFY(!window.banner()->text().contains(QStringLiteral("is staged")));

        // Staged again and applied now: a pre-restore backup is the way back.
        finished.clear();
        window.table()->selectRow(0);
        window.action(QStringLiteral("actionRestore"))->trigger();
        QVERIFY(finished.wait(15000));
        QTRY_VERIFY_WITH_TIMEOUT(window.action(QStringLiteral("actionApplyRestore"))->isEnabled(), 10000);
        finished.clear();
        window.action(QStringLiteral("actionApplyRestore"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000); // the pre-restore backup, then the apply
        QVERIFY(finished.last().first().toBool());
        QVERIFY(!QFile::exists(fx.folder.markerPath()));
        QVERIFY(QFile::exists(fx.folder.dbBeforeRestorePath()));
        QTRY_VERIFY(window.banner()->text().contains(QStringLiteral("to go back")));
        QStringList triggers;
        const auto listed = LocalEngine(fx.folder).list(1, 20);
        QVERIFY(listed);
        for (const BackupItem& item : listed->items)
            triggers << (item.metadata ? item.metadata->trigger : QStringLiteral("?"));
        QVERIFY2(
            triggers.contains(QStringLiteral("pre-restore")), qPrintable(triggers.join(QLatin1Char(','))));
    }

    void rowButtonsActAndExplainThemselves()
    {
        auto fx = test::makeDataFolder(10, 2);
        seedBackups(fx.folder, 2);
        OpenWindow open(fx.folder);
        auto& [prompter, window, refreshed] = open;
        QTRY_VERIFY(window.backups()
                        ->unavailableReason(window.model()->itemAt(0)->fileName, RowActionDelegate::Download)
                        .isEmpty());
        // Click the painted Verify button of the first row.
        QTableView* table = window.table();
        const QModelIndex cell = table->model()->index(0, BackupTableModel::Actions);
        table->scrollTo(cell);
        const QRect button
            = RowActionDelegate::buttonRect(table->visualRect(cell), RowActionDelegate::Verify);
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, button.center());
        QVERIFY(finished.wait(15000));
        QVERIFY(window.banner()->text().contains(QStringLiteral("sound backup")));

        // On a server without a download route, Download and Verify say why they are off.
        test::FakeServer server;
        server.control({ { QStringLiteral("seed"), 2 } });
        Credentials key;
        key.kind = Credentials::Kind::ApiKey;
        key.apiKey = QString::fromLatin1(test::FakeServer::apiKey);
        QTemporaryDir state;
        RemoteOptions options;
        options.server = server.url();
        options.stateFile = state.filePath(QStringLiteral("servers.json"));
        auto* session = new RemoteSession(
            window.connections()->network(), options, key, window.connections()->network());
        window.openBackend(std::make_unique<RemoteBackend>(session, RemoteStateStore(options.stateFile)));
        QVERIFY(refreshed.wait(15000));
        const QString name = window.model()->itemAt(0)->fileName;
        QTRY_COMPARE(window.backups()->unavailableReason(name, RowActionDelegate::Download),
            QStringLiteral("This server does not offer downloads"));
        QVERIFY(!window.action(QStringLiteral("actionDownload"))->isEnabled());
        QVERIFY(window.backups()->unavailableReason(name, RowActionDelegate::Restore).isEmpty());
    }

    void importByPickingOrDropping()
    {
        auto fx = test::makeDataFolder(10, 2);
        OpenWindow open(fx.folder);
        auto& [prompter, window, refreshed] = open;
        QTemporaryDir dir;
        prompter.archive = dir.filePath(QStringLiteral("backup_20250101_000000.zip"));
        QVERIFY(QFile::copy(
            test::dataPath(QStringLiteral("fastcms_backup_20261126_051757.zip")), prompter.archive));
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        window.action(QStringLiteral("actionImport"))->trigger();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().first().toBool(), true);
        QTRY_COMPARE(window.model()->page().total, 1);
        // A hostile zip dropped on the window is refused with a banner, and nothing is added.
        const QString hostile = dir.filePath(QStringLiteral("evil.zip"));
        test::writeZip(hostile,
            { { QStringLiteral("database.db"), test::sqliteBytes() }, { QStringLiteral("../evil"), "x" } });
        QMimeData mime;
        mime.setUrls({ QUrl::fromLocalFile(hostile) });
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        finished.clear();
        QApplication::sendEvent(&window, &drop);
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(window.banner()->kind(), Banner::Kind::Error);
        QCOMPARE(LocalEngine(fx.folder).list(1, 20)->total, 1);
    }

    void theWindowStaysResponsiveDuringALargeBackup()
    {
        // About 110 MB of log lines with varied numbers to back up (enough work for a create
        // that compresses in parallel). How long the GUI thread may wait is the benchmark's
        // measure (tests/bench); here, counted in events: the window's event loop keeps turning
        // while the backup runs, and shows the job's progress as it moves.
        auto fx = test::makeDataFolder(20000, 2);
        QFile big(fx.folder.filesDir() + QStringLiteral("/big.log"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QRandomGenerator numbers(17);
        QByteArray lines;
        for (int i = 0; i < 1800000; ++i) {
            lines += QByteArray::number(numbers.generate()) + " GET /api/v1/collections/posts/records/"
                + QByteArray::number(numbers.bounded(1000000)) + " 200 "
                + QByteArray::number(numbers.bounded(90000)) + "\n";
            if (lines.size() > (1 << 20)) {
                big.write(lines);
                lines.clear();
            }
        }
        big.write(lines);
        big.close();
        OpenWindow open(fx.folder);
        auto& [prompter, window, refreshed] = open;
        int turnsWhileBusy = 0;
        QSet<int> progressShown; // per mille, as the jobs list holds it, seen between the job's start and end
        QTimer heartbeat;
        heartbeat.setInterval(10);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            if (!window.isBusy())
                return;
            ++turnsWhileBusy;
            progressShown.insert(
                window.jobs()->index(0, JobsModel::Progress).data(JobsModel::RawValueRole).toInt());
        });
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        heartbeat.start();
        window.action(QStringLiteral("actionCreateBackup"))->trigger();
        QVERIFY(window.isBusy()); // the action returned at once, with the job running
        QVERIFY(finished.wait(120000));
        heartbeat.stop();
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(window.jobs()->index(0, JobsModel::Status).data().toString(), QStringLiteral("Done"));
        QList<int> midway;
        for (const int perMille : std::as_const(progressShown))
            if (perMille > 0 && perMille < 1000)
                midway.append(perMille);
        qInfo(
            "the event loop turned %d times during the backup and showed %lld values of progress on the way",
            turnsWhileBusy, qint64(midway.size()));
        QVERIFY2(turnsWhileBusy >= 2, "the window's event loop did not turn while the backup ran");
        QVERIFY2(midway.size() >= 2, "the window did not show the backup's progress as it went");
    }

    void consoleAndToolShareTheLock()
    {
        // One operation at a time on a data folder, whichever program starts it.
        auto fx = test::makeDataFolder(50, 4);
        OpenWindow open(fx.folder);
        auto& [prompter, window, refreshed] = open;
        QAction* create = window.action(QStringLiteral("actionCreateBackup"));
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        const auto zips
            = [&fx] { return QDir(fx.folder.backupsDir()).entryList({ QStringLiteral("*.zip") }); };

        // The tool works on the folder (held once it has the lock, a test hook): the console's
        // backup is refused, and the console says who is busy with the folder.
        QProcess tool;
        QVERIFY(test::startCliAndWaitForLock(tool, { QStringLiteral("create") }, fx, 600000));
        create->trigger();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(window.banner()->kind(), Banner::Kind::Error);
        QVERIFY2(window.banner()->text().startsWith(QStringLiteral(
                     "Busy: fastcms-backup (process %1) is already working on this data folder.")
                                                        .arg(tool.processId())),
            qPrintable(window.banner()->text()));
        QCOMPARE(window.jobs()->index(0, JobsModel::Status).data().toString(), window.banner()->text());
        QCOMPARE(zips(), QStringList());
        ::kill(pid_t(tool.processId()), SIGKILL);
        QVERIFY(tool.waitForFinished(10000));
        // Once the tool is gone, the same action goes through.
        finished.clear();
        create->trigger();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(zips().size(), 1);

        // The console works on the folder (held, a test hook, with its archive half-written):
        // the tool is refused, and names the console.
        qputenv("FCB_TEST_PAUSE_AFTER_FIRST_ENTRY_MS", "600000");
        auto unset = qScopeGuard([] { qunsetenv("FCB_TEST_PAUSE_AFTER_FIRST_ENTRY_MS"); });
        finished.clear();
        create->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            OperationLock::holder(fx.folder) && OperationLock::holder(fx.folder)->pid == ::getpid(), 60000);
        const auto refused = test::runCli(QStringList { QStringLiteral("create") } + fx.cliFolderArgs(),
            { QStringLiteral("FCB_TEST_PAUSE_AFTER_FIRST_ENTRY_MS=0") });
        QCOMPARE(refused.exitCode, ExitCode::Busy);
        QVERIFY2(refused.err.contains(QStringLiteral("(process %1) is already working on this data folder")
                                          .arg(::getpid())
                                          .toUtf8()),
            refused.err.constData());
        QVERIFY(finished.isEmpty()); // the console's backup is still at work
        window.jobs()->cancel(0);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(window.banner()->text(), QStringLiteral("Cancelled; nothing was left half-written."));
        QCOMPARE(zips().size(), 1);
        QCOMPARE(test::toolLeftovers(fx.folder.backupsDir()), QStringList());
    }

    void showsAServersBackupsThroughTheSameInterface()
    {
        test::FakeServer server;
        server.control({ { QStringLiteral("seed"), 4 } });
        QNetworkAccessManager network;
        QTemporaryDir state;
        MainWindow window;
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.show();
        window.openBackend(apiKeyBackend(server, &network, state));
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(window.model()->rowCount(), 4);
        QVERIFY(window.windowTitle().contains(QStringLiteral("127.0.0.1")));
        // A failing server shows an error banner.
        server.control({ { QStringLiteral("fault"), QStringLiteral("500") } });
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        window.action(QStringLiteral("actionCreateBackup"))->trigger();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(window.banner()->text().contains(QStringLiteral("Server error")));
        QCOMPARE(window.banner()->kind(), Banner::Kind::Error);
    }

    void aServersInvalidEntriesOfferNoAction()
    {
        test::FakeServer server;
        server.control(
            { { QStringLiteral("seed"), 2 }, { QStringLiteral("fault"), QStringLiteral("hostile-list") } });
        QNetworkAccessManager network;
        QTemporaryDir state;
        MainWindow window;
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.show();
        window.openBackend(apiKeyBackend(server, &network, state));
        QVERIFY(refreshed.wait(15000));
        int invalid = 0;
        int valid = 0;
        const auto* sorted = qobject_cast<const QSortFilterProxyModel*>(window.table()->model());
        QVERIFY(sorted);
        for (int row = 0; row < sorted->rowCount(); ++row) {
            const BackupItem* item = window.model()->itemAt(sorted->mapToSource(sorted->index(row, 0)).row());
            QVERIFY(item);
            window.table()->selectRow(row);
            // A flagged name is never offered for restore or delete (nor download and verify,
            // which this server does not offer at all); a sound one is.
            for (const char* name : { "actionRestore", "actionDelete" })
                QVERIFY2(window.action(QString::fromLatin1(name))->isEnabled() == item->valid,
                    qPrintable(QStringLiteral("%1 on %2").arg(QString::fromLatin1(name), item->fileName)));
            QVERIFY(item->valid || !item->invalidReason.isEmpty());
            ++(item->valid ? valid : invalid);
        }
        QVERIFY(invalid > 0);
        QCOMPARE(valid, 2);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
