#include "ScreenshotTour.h"

#include "MainWindow.h"
#include "Prompter.h"
#include "backend/LocalBackend.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupsController.h"
#include "browse/BrowseController.h"
#include "demo/DemoData.h"
#include "diff/DiffController.h"
#include "diff/DiffView.h"
#include "restore/RestoreDialog.h"
#include "sqlite/Sqlite.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include <QDialog>

#include <cstdio>

namespace fcb {

namespace {

class AgreeingPrompter final : public Prompter
{
public:
    bool confirmDelete(QWidget*, const QStringList&) override { return true; }
    bool confirmRestore(QWidget*, const RestoreQuestion&) override { return true; }
    bool confirmApply(QWidget*, const QString&) override { return false; }
    QString chooseArchive(QWidget*) override { return {}; }
    QString chooseFolder(QWidget*) override { return {}; }
    QString chooseSaveFile(QWidget*, const QString&, const QString&) override { return {}; }
    QString chooseOutputFolder(QWidget*, const QString&) override { return {}; }
    std::optional<QString> askText(QWidget*, const QString&, const QString&, const QString&) override
    {
        return std::nullopt;
    }
};

// Since the tour's backups: a few records deleted and edited, an upload added.
void changeSinceBackups(const DataFolder& folder)
{
    if (auto opened = sqlite::Connection::open(folder.dbPath(), false)) {
        std::unique_ptr<sqlite::Connection> db(*opened);
        (void)db->exec(
            QStringLiteral("DELETE FROM records WHERE rowid IN (SELECT rowid FROM records LIMIT 3);"
                           "UPDATE records SET updated = '2026-12-08 09:00:00' WHERE rowid IN "
                           "(SELECT rowid FROM records LIMIT 2 OFFSET 5);"));
    }
    QFile added(folder.filesDir() + QStringLiteral("/2026/12/invoice-0412.pdf"));
    QDir().mkpath(QFileInfo(added).absolutePath());
    if (added.open(QIODevice::WriteOnly))
        added.write(QByteArray(48 * 1024, 'x'));
}

void save(QWidget* widget, const QString& path)
{
    if (!widget->grab().save(path))
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
    else
        std::printf("%s\n", qPrintable(path));
}

} // namespace

ScreenshotTour::ScreenshotTour(QString outputDir, QObject* parent)
    : QObject(parent)
    , m_outputDir(std::move(outputDir))
{ }

void ScreenshotTour::start()
{
    QDir().mkpath(m_outputDir);
    auto* temp = new QTemporaryDir();
    const DataFolder folder(temp->filePath(QStringLiteral("data")));
    (void)demo::createDataFolder(folder.dataDir());
    // A few earlier backups, a second apart so that each has its own name and time.
    {
        LocalBackend backend(folder);
        for (int i = 0; i < 4; ++i) {
            backend.create({ QStringLiteral("scheduled") }).future.waitForFinished();
            QThread::msleep(1100);
        }
    }
    auto* prompter = new AgreeingPrompter();
    auto* window = new MainWindow(prompter);
    window->resize(1260, 740);
    window->show();
    const QString out = m_outputDir;
    const auto finish = [window, temp, prompter] {
        window->close();
        delete window;
        delete prompter;
        delete temp;
        QApplication::quit();
    };
    connect(
        window, &MainWindow::refreshed, this,
        [window] { window->action(QStringLiteral("actionCreateBackup"))->trigger(); },
        Qt::SingleShotConnection);
    connect(
        window, &MainWindow::jobFinished, this,
        [this, window, folder, out, finish] {
            QTimer::singleShot(800, this, [this, window, folder, out, finish] {
                window->table()->selectRow(1);
                save(window, out + QStringLiteral("/main-window.png"));
                // The restore confirmation for the selected backup, with what the restore changes
                // since: records and uploads added and edited after it.
                changeSinceBackups(folder);
                RestoreQuestion question;
                question.backup = *window->model()->itemAt(1);
                question.verified = true;
                question.verification = tr("Verified: sound.");
                window->diffs()->describeRestore(question);
                auto* dialog = new RestoreDialog(question, window);
                dialog->confirmationField()->setText(question.backup.fileName.left(12));
                dialog->show();
                connect(dialog->preview(), &DiffView::finished, dialog, [dialog] {
                    if (QTreeWidgetItem* first = dialog->preview()->tree()->topLevelItem(0))
                        first->setExpanded(true);
                });
                QTimer::singleShot(2500, this, [this, dialog, window, folder, out, finish, question] {
                    save(dialog, out + QStringLiteral("/restore-dialog.png"));
                    dialog->deleteLater();
                    LocalBackend(folder).stageRestore(question.backup.fileName).future.waitForFinished();
                    window->backups()->refresh();
                    QTimer::singleShot(800, this, [this, window, folder, out, finish] {
                        save(window, out + QStringLiteral("/restore-staged.png"));
                        // The prune preview, then the schedule generator.
                        window->action(QStringLiteral("actionPrunePreview"))->trigger();
                        QTimer::singleShot(800, this, [this, window, folder, out, finish] {
                            save(window, out + QStringLiteral("/prune-preview.png"));
                            window->action(QStringLiteral("actionSchedule"))->trigger();
                            QTimer::singleShot(500, this, [this, window, folder, out, finish] {
                                if (auto* dialog
                                    = window->findChild<QDialog*>(QStringLiteral("scheduleDialog"))) {
                                    save(dialog, out + QStringLiteral("/schedule-dialog.png"));
                                    dialog->close();
                                }
                                browseAndCompare(window, folder, out, finish);
                            });
                        });
                    });
                });
            });
        },
        Qt::SingleShotConnection);
    window->openDataFolder(folder);
}

// A backup of the changed data, Compare… of it with the one before, then Browse… on it.
void ScreenshotTour::browseAndCompare(
    MainWindow* window, const DataFolder& folder, const QString& out, std::function<void()> finish)
{
    LocalBackend(folder).create({ QStringLiteral("manual") }).future.waitForFinished();
    window->backups()->refresh();
    QTimer::singleShot(1000, this, [this, window, out, finish] { compareAndBrowse(window, out, finish); });
}

void ScreenshotTour::compareAndBrowse(MainWindow* window, const QString& out, std::function<void()> finish)
{
    window->table()->selectRow(0);
    window->table()->selectionModel()->select(
        window->table()->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    window->action(QStringLiteral("actionCompare"))->trigger();
    QTimer::singleShot(2500, this, [this, window, out, finish] {
        if (QDialog* compare = window->diffs()->compareDialog()) {
            if (auto* tree = compare->findChild<QTreeWidget*>(QStringLiteral("diffTree")))
                tree->expandAll();
            QTimer::singleShot(300, this, [this, window, out, finish, compare] {
                save(compare, out + QStringLiteral("/compare-dialog.png"));
                compare->close();
                window->table()->selectRow(0);
                window->action(QStringLiteral("actionBrowse"))->trigger();
                QTimer::singleShot(1500, this, [window, out, finish] {
                    if (BrowseDialog* browse = window->browser()->browseDialog()) {
                        browse->view()->expandAll();
                        save(browse, out + QStringLiteral("/browse-dialog.png"));
                        browse->close();
                    }
                    finish();
                });
            });
            return;
        }
        finish();
    });
}

} // namespace fcb
