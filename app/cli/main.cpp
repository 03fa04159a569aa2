#include "Translations.h"
#include "cli/CommandLine.h"
#include "local/LocalEngine.h"

#include <QCoreApplication>

#include <csignal>

int main(int argc, char** argv)
{
    // Past a file size limit, writes fail with EFBIG and are reported; by default the signal kills.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fastcms-backup"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FCB_VERSION));
    fcb::installTranslations(qEnvironmentVariable("FASTCMS_BACKUP_LANGUAGE"));
    fcb::CommandLine cli;
    cli.start(QCoreApplication::arguments());
    const int code = QCoreApplication::exec();
    fcb::LocalEngine::finishBackgroundWork(); // no thread outlives main()
    return code;
}
