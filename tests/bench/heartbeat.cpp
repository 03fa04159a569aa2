// fcb-bench-heartbeat DATA_DIR: opens the console's window on a data folder, creates a backup
// through its action, and measures how long the GUI thread went without running a 5 ms timer.
// Prints {"worst_gap_ms": …, "worst_gap_at_ms": …, "create_ms": …}: the gap ended that long
// after the create started.
#include "MainWindow.h"
#include "connection/SecretStore.h"
#include "jobs/JobsModel.h"
#include "local/LocalEngine.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fputs("usage: fcb-bench-heartbeat DATA_DIR\n", stderr);
        return 2;
    }
    fcb::MainWindow window(nullptr, std::make_unique<fcb::MemorySecretStore>());
    window.show();
    QElapsedTimer clock;
    QElapsedTimer sinceTick;
    qint64 worst = 0;
    qint64 worstAt = 0;
    bool measuring = false;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        if (measuring && sinceTick.elapsed() > worst) {
            worst = sinceTick.elapsed();
            worstAt = clock.elapsed();
        }
        sinceTick.restart();
    });
    QObject::connect(&window, &fcb::MainWindow::refreshed, &window, [&] {
        clock.start();
        sinceTick.start();
        measuring = true;
        tick.start();
        window.action(QStringLiteral("actionCreateBackup"))->trigger();
    }, Qt::SingleShotConnection);
    int exitCode = 0;
    QObject::connect(&window, &fcb::MainWindow::jobFinished, &window, [&](bool success) {
        measuring = false;
        const QJsonObject result{{QStringLiteral("worst_gap_ms"), double(worst)},
                                 {QStringLiteral("worst_gap_at_ms"), double(worstAt)},
                                 {QStringLiteral("create_ms"), double(clock.elapsed())},
                                 {QStringLiteral("success"), success}};
        std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputs("\n", stdout);
        exitCode = success ? 0 : 1;
        QTimer::singleShot(0, &app, [&] { QApplication::exit(exitCode); });
    });
    window.openDataFolder(fcb::DataFolder(QString::fromLocal8Bit(argv[1])));
    const int code = app.exec();
    window.jobs()->cancelAll();
    fcb::LocalEngine::finishBackgroundWork();
    return code;
}
