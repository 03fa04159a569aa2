#include "DataFolder.h"
#include "MainWindow.h"
#include "ScreenshotTour.h"
#include "Translations.h"
#include "WorkerPool.h"
#include "connection/ConnectionController.h"
#include "demo/DemoData.h"
#include "jobs/JobsModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QStandardPaths>

#include <csignal>
#include <cstdio>

int main(int argc, char** argv)
{
    // Without a display there is no window to show: say so instead of aborting in QApplication.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fputs("fastcms-backup-console: no display available (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                   "Use the command-line tool instead: fastcms-backup --help\n",
            stderr);
        return 3;
    }
    // Past a file size limit, writes fail with EFBIG and are reported; by default the signal kills.
    std::signal(SIGXFSZ, SIG_IGN);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("fastcms-backup-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("FastCMS Backup Console"));
    QApplication::setApplicationVersion(QStringLiteral(FCB_VERSION));
    QApplication::setOrganizationName(QStringLiteral("fastcms-backup"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.fastcmsbackup.Console"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fastcms-backup.svg")));
    // The environment wins (scripts, tests), then the choice made in Settings, then the system.
    const QString language = qEnvironmentVariable(
        "FASTCMS_BACKUP_LANGUAGE", QSettings().value(QStringLiteral("language")).toString());
    fcb::installTranslations(language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("FastCMS Backup Console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"), QStringLiteral("Open this FastCMS data folder."), QStringLiteral("dir"));
    const QCommandLineOption demo(
        QStringLiteral("demo"), QStringLiteral("Open the demo data folder, creating it on first run."));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
        QStringLiteral("Render the main states to PNG files in this folder, then quit."),
        QStringLiteral("dir"));
    parser.addOptions({ dataDir, demo, screenshots });
    parser.process(app);
    if (parser.isSet(screenshots)) {
        fcb::ScreenshotTour tour(parser.value(screenshots));
        tour.start();
        return QApplication::exec();
    }

    QString folder = parser.value(dataDir);
    if (parser.isSet(demo) || folder.isEmpty()) {
        folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QStringLiteral("/fastcms-backup/demo/data");
        if (auto made = fcb::demo::createDataFolder(folder); !made) {
            std::fprintf(stderr, "fastcms-backup-console: %s\n", qPrintable(made.error().message));
            return 1;
        }
    }
    fcb::MainWindow window;
    if (parser.isSet(demo) || parser.value(dataDir).isEmpty())
        window.createFirstBackupIfEmpty();
    if (parser.isSet(dataDir))
        window.connections()->openFolder(folder); // remembered among the recent connections
    else
        window.openDataFolder(fcb::DataFolder(folder));
    window.show();
    const int code = QApplication::exec();
    // Running jobs stop at their next check and clean up; no thread outlives main().
    window.jobs()->cancelAll();
    fcb::workers::finishBackgroundWork();
    return code;
}
