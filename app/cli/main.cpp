#include "Translations.h"
#include "cli/CommandLine.h"
#include "local/LocalEngine.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
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
