// The console's browser, offscreen and real: Browse… shows a backup's contents as a tree with a
// filter and hostile names flagged; Extract…, Restore This File and History… act on the selection.
#include "WindowFixture.h"

#include "backups/BackupTableModel.h"
#include "browse/BrowseController.h"
#include "browse/BrowseDialog.h"
#include "widgets/Banner.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>

using namespace fcb;
using namespace fcb::test;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

void selectName(MainWindow& window, const QString& name)
{
    auto* view = window.table();
    for (int row = 0; row < view->model()->rowCount(); ++row)
        if (view->model()->index(row, BackupTableModel::FileName).data().toString() == name)
            view->selectRow(row);
}

// Browse… on the named backup; null when it did not open. The caller waits for the listing.
BrowseDialog* openBrowser(MainWindow& window, const QString& name)
{
    selectName(window, name);
    QAction* action = window.action(QStringLiteral("actionBrowse"));
    if (!action->isEnabled())
        return nullptr;
    action->trigger();
    return window.browser()->browseDialog();
}

} // namespace

class TestBrowser : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase() { isolateConsole(m_home, QStringLiteral("tst_browser")); }
    void cleanupTestCase() { workers::finishBackgroundWork(); }

    void browseExtractRestoreAndHistory()
    {
        auto fx = makeDataFolder(5, 1);
        const QString readme = fx.folder.filesDir() + QStringLiteral("/docs/readme.txt");
        writeFile(readme, "read me first");
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        OpenWindow open(fx.folder);
        auto& window = open.window;
        BrowseDialog* dialog = openBrowser(window, created->backup.fileName);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 20000);
        QVERIFY2(dialog->status()->text().contains(QStringLiteral("entries")),
            qPrintable(dialog->status()->text()));

        // The filter keeps the matching entries and the folders above them.
        dialog->filter()->setText(QStringLiteral("readme"));
        QAbstractItemModel* model = dialog->view()->model();
        QCOMPARE(model->rowCount(), 1); // files/
        dialog->filter()->clear();
        QVERIFY(model->rowCount() >= 3); // database.db, files/, metadata.json, SHA256SUMS
        // Sizes sort as numbers, not as their text.
        dialog->view()->sortByColumn(BrowseDialog::Size, Qt::DescendingOrder);
        QCOMPARE(model->index(0, BrowseDialog::Name).data().toString(), QStringLiteral("database.db"));
        dialog->view()->sortByColumn(BrowseDialog::Name, Qt::AscendingOrder);

        auto* extract = dialog->findChild<QPushButton*>(QStringLiteral("browseExtract"));
        auto* restore = dialog->findChild<QPushButton*>(QStringLiteral("browseRestoreFile"));
        auto* history = dialog->findChild<QPushButton*>(QStringLiteral("browseHistory"));
        QVERIFY(!extract->isEnabled());
        QVERIFY(dialog->selectPath(QStringLiteral("files/docs/readme.txt")));
        QVERIFY(extract->isEnabled() && restore->isEnabled() && history->isEnabled());

        QTemporaryDir out;
        open.prompter.outputFolder = out.path();
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        extract->click();
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.last().first().toBool());
        QCOMPARE(
            fileBytes(out.filePath(QStringLiteral("files/docs/readme.txt"))), QByteArray("read me first"));

        // Restore This File: back into the live files folder, the changed file kept aside.
        writeFile(readme, "changed since");
        finished.clear();
        restore->click();
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.last().first().toBool());
        QCOMPARE(fileBytes(readme), QByteArray("read me first"));
        QCOMPARE(fileBytes(readme + QStringLiteral(".before_restore")), QByteArray("changed since"));
        QVERIFY(window.banner()->text().contains(QStringLiteral("kept as")));

        finished.clear();
        history->click();
        QVERIFY(finished.wait(20000));
        QTRY_VERIFY(window.browser()->historyDialog());
        auto* tree
            = window.browser()->historyDialog()->findChild<QTreeWidget*>(QStringLiteral("historyTree"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->text(0), created->backup.fileName);
        QCOMPARE(tree->topLevelItem(0)->text(4), QStringLiteral("appeared"));
        dialog->close();
    }

    void hostileNamesAreShownFlaggedAndNeverExtracted()
    {
        auto fx = makeDataFolder(2, 0);
        const QString name = QStringLiteral("backup_20200101_000000.zip");
        writeZip(fx.folder.backupPath(name),
            { { QStringLiteral("database.db"), sqliteBytes() }, { QStringLiteral("../escape.txt"), "x" },
                { QStringLiteral("files/ok.txt"), "ok" } });
        OpenWindow open(fx.folder);
        BrowseDialog* dialog = openBrowser(open.window, name);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 20000);
        QVERIFY2(dialog->status()->text().contains(QStringLiteral("flagged")),
            qPrintable(dialog->status()->text()));
        QVERIFY(dialog->selectPath(QStringLiteral("../escape.txt")));
        QAbstractItemModel* model = dialog->view()->model();
        const QModelIndex selected = dialog->view()->selectionModel()->selectedRows().value(0);
        QCOMPARE(selected.data().toString(), QStringLiteral("../escape.txt")); // whole, at the top
        QVERIFY(!selected.parent().isValid());
        QVERIFY(!model->index(selected.row(), BrowseDialog::Note).data().toString().isEmpty());
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("browseExtract"))->isEnabled());
        dialog->close();
    }
};

QTEST_MAIN(TestBrowser)
#include "tst_browser.moc"
