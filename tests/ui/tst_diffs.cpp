// The console shows what differs, offscreen and real: the restore question works out what the
// restore would change while it is open (and never waits for it), Compare… shows two backups
// side by side, and Export Rows… writes the backup's rows to a file.
#include "WindowFixture.h"

#include "backups/BackupTableModel.h"
#include "diff/DiffController.h"
#include "diff/DiffView.h"
#include "restore/RestoreDialog.h"

#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QTableView>
#include <QTreeWidget>

#include <sqlite3.h>

using namespace fcb;
using namespace fcb::test;

namespace {

QTreeWidgetItem* topItem(QTreeWidget* tree, const QString& text)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0) == text)
            return tree->topLevelItem(i);
    return nullptr;
}

} // namespace

class TestDiffs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase() { isolateConsole(m_home, QStringLiteral("tst_diffs")); }
    void cleanupTestCase() { workers::finishBackgroundWork(); }

    void restoreQuestionShowsWhatTheRestoreChanges()
    {
        auto fx = makeDataFolder(10, 2);
        seedBackups(fx.folder, 1);
        test::execSql(fx.folder.dbPath(),
            "DELETE FROM notes WHERE id <= 3; UPDATE notes SET body = 'edited' WHERE id = 9;");
        QFile added(fx.folder.filesDir() + QStringLiteral("/added.txt"));
        QVERIFY(added.open(QIODevice::WriteOnly));
        added.write("new since the backup");
        added.close();
        OpenWindow open(fx.folder);
        auto& window = open.window;
        const QString name = window.table()->model()->index(0, BackupTableModel::FileName).data().toString();
        RestoreQuestion question;
        question.backup.fileName = name;
        question.backup.id = name.chopped(4);
        window.diffs()->describeRestore(question);
        QVERIFY(question.preview);

        RestoreDialog dialog(question);
        dialog.show();
        // The question does not wait for the preview: the typed name enables Restore at once.
        dialog.confirmationField()->setText(name);
        QVERIFY(dialog.canAccept());
        DiffView* preview = dialog.preview();
        QTRY_VERIFY_WITH_TIMEOUT(preview->isDone(), 20000);
        const QString status = preview->status()->text();
        QVERIFY2(status.contains(QStringLiteral("3 brought back"))
                && status.contains(QStringLiteral("1 changed back"))
                && status.contains(QStringLiteral("1 you would lose (")),
            qPrintable(status));
        QTreeWidgetItem* notes = topItem(preview->tree(), QStringLiteral("notes"));
        QVERIFY(notes);
        QCOMPARE(notes->text(1), QStringLiteral("3 brought back, 1 changed back"));
        notes->setExpanded(true);
        QTRY_COMPARE_WITH_TIMEOUT(notes->childCount(), 4, 20000);
        QTRY_VERIFY(notes->child(0)->text(0).startsWith(QStringLiteral("id=")));
        QVERIFY(topItem(preview->tree(), QStringLiteral("Uploads")));

        // Export Rows… of the selected rows writes the backup's rows.
        notes->child(0)->setSelected(true);
        open.prompter.saveFile = m_home.filePath(QStringLiteral("rows.csv"));
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        QAction* exportRows = preview->findChild<QAction*>(QStringLiteral("actionExportRows"));
        QVERIFY(exportRows);
        exportRows->trigger();
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.last().first().toBool());
        const QByteArray csv = fileBytes(open.prompter.saveFile);
        QVERIFY2(csv.startsWith("id,marker,body\r\n1,"), csv.constData());
        QCOMPARE(csv.count('\n'), 2);
    }

    void compareTwoBackups()
    {
        auto fx = makeDataFolder(10, 1);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        QVERIFY(engine.create({}, task));
        test::execSql(fx.folder.dbPath(), "INSERT INTO notes (marker, body) VALUES ('m', 'a'), ('m', 'b');");
        QTest::qWait(1100);
        QVERIFY(engine.create({}, task));
        OpenWindow open(fx.folder);
        auto& window = open.window;
        QAction* compare = window.action(QStringLiteral("actionCompare"));
        window.table()->selectRow(0);
        QVERIFY(!compare->isEnabled()); // one backup: nothing to compare it with
        window.table()->selectAll();
        QTRY_VERIFY(compare->isEnabled());
        compare->trigger();
        QVERIFY(window.diffs()->compareDialog());
        auto* view = window.diffs()->compareDialog()->findChild<DiffView*>();
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->isDone(), 20000);
        QVERIFY2(view->status()->text().contains(QStringLiteral("2 added since")),
            qPrintable(view->status()->text()));
        QCOMPARE(topItem(view->tree(), QStringLiteral("notes"))->text(1), QStringLiteral("2 added since"));
        window.diffs()->compareDialog()->close();
    }

    void aServerCannotPreviewItsLiveData()
    {
        FakeServer server({ QStringLiteral("--download") });
        QVERIFY(server.isRunning());
        server.control({ { QStringLiteral("seed"), 2 } });
        QNetworkAccessManager network;
        QTemporaryDir state;
        ScriptedPrompter prompter;
        MainWindow window(&prompter, std::make_unique<MemorySecretStore>());
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.show();
        window.openBackend(apiKeyBackend(server, &network, state));
        QVERIFY(refreshed.wait(15000));
        QTRY_VERIFY_WITH_TIMEOUT(window.action(QStringLiteral("actionCompare")) != nullptr, 1000);
        RestoreQuestion question;
        question.backup.fileName
            = window.table()->model()->index(0, BackupTableModel::FileName).data().toString();
        window.diffs()->describeRestore(question);
        QVERIFY(!question.preview);
        RestoreDialog dialog(question);
        QVERIFY(dialog.preview()->status()->text().contains(QStringLiteral("live data is out of reach")));
        // Two of its backups can be compared (downloaded first).
        window.table()->selectAll();
        QTRY_VERIFY_WITH_TIMEOUT(window.action(QStringLiteral("actionCompare"))->isEnabled(), 10000);
        window.action(QStringLiteral("actionCompare"))->trigger();
        QVERIFY(window.diffs()->compareDialog());
        auto* view = window.diffs()->compareDialog()->findChild<DiffView*>();
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->isDone(), 20000);
        QVERIFY2(
            view->status()->text().contains(QStringLiteral("1 changed")), qPrintable(view->status()->text()));
    }
};

QTEST_MAIN(TestDiffs)
#include "tst_diffs.moc"
