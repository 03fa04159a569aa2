// fcb-bench-heartbeat DATA_DIR: opens the console's window on a data folder, creates a backup
// through its action, and measures how long the GUI thread went without running a 5 ms timer.
// Prints {"worst_gap_ms": …, "worst_gap_at_ms": …, "worst_gap_steal_ms": …, "create_ms": …}: the
// gap ended that long after the create started, and the machine's CPUs lost that much time to
// its host during the gap (a virtual machine's "steal", summed over its CPUs, in 10 ms steps):
// a gap that is all steal is the host's, not ours.
#include "MainWindow.h"
#include "WorkerPool.h"
#include "connection/SecretStore.h"
#include "jobs/JobsModel.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <fstream>
#include <string>

#include <unistd.h>

namespace {

// Time stolen from this machine's CPUs by its host so far, in milliseconds (/proc/stat).
qint64 stolenMs()
{
    std::ifstream stat("/proc/stat");
    std::string cpu;
    long long fields[8] = {};
    stat >> cpu;
    for (long long& field : fields)
        stat >> field;
    return fields[7] * 1000 / ::sysconf(_SC_CLK_TCK);
}

} // namespace

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
    qint64 worstSteal = 0;
    qint64 stolen = stolenMs();
    bool measuring = false;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 stolenNow = stolenMs();
        if (measuring && sinceTick.elapsed() > worst) {
            worst = sinceTick.elapsed();
            worstAt = clock.elapsed();
            worstSteal = stolenNow - stolen;
        }
        stolen = stolenNow;
        sinceTick.restart();
    });
    QObject::connect(
        &window, &fcb::MainWindow::refreshed, &window,
        [&] {
            clock.start();
            sinceTick.start();
            measuring = true;
            tick.start();
            window.action(QStringLiteral("actionCreateBackup"))->trigger();
        },
        Qt::SingleShotConnection);
    int exitCode = 0;
    QObject::connect(&window, &fcb::MainWindow::jobFinished, &window, [&](bool success) {
        measuring = false;
        const QJsonObject result { { QStringLiteral("worst_gap_ms"), double(worst) },
            { QStringLiteral("worst_gap_at_ms"), double(worstAt) },
            { QStringLiteral("worst_gap_steal_ms"), double(worstSteal) },
            { QStringLiteral("create_ms"), double(clock.elapsed()) },
            { QStringLiteral("success"), success } };
        std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputs("\n", stdout);
        exitCode = success ? 0 : 1;
        QTimer::singleShot(0, &app, [&] { QApplication::exit(exitCode); });
    });
    window.openDataFolder(fcb::DataFolder(QString::fromLocal8Bit(argv[1])));
    const int code = app.exec();
    window.jobs()->cancelAll();
    fcb::workers::finishBackgroundWork();
    return code;
}
