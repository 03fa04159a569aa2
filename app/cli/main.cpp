#include "CommandLine.h"
#include "Translations.h"
#include "WorkerPool.h"

#include <QCoreApplication>
#include <QEvent>

#include <csignal>
#include <cstdio>
#include <unistd.h>

int main(int argc, char** argv)
{
    // Past a file size limit, writes fail with EFBIG and are reported; by default the signal kills.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fastcms-backup"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FCB_VERSION));
    fcb::installTranslations(qEnvironmentVariable("FASTCMS_BACKUP_LANGUAGE"));
    int code = 0;
    {
        fcb::CommandLine cli;
        cli.start(QCoreApplication::arguments());
        code = cli.settle(QCoreApplication::exec());
        fcb::workers::finishBackgroundWork(); // every job has ended
        // What was let go of while the loop ended (a download's temporary folder) goes now.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    } // and with the command line, what it made: a server's session, its network objects
    std::fflush(stderr);
    // The workers are idle, but Qt's threads are detached: one may still be running its
    // thread-local clean-up (freeing a compressor, OpenSSL's per-thread state) after the pool
    // has let it go. The process ends here, without the static destructors and exit handlers that
    // could free what that clean-up still uses. Everything the commands write is closed and
    // synced by then, and settle() flushed standard output.
    ::_exit(code);
}
