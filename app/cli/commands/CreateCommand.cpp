#include "commands/Commands.h"

#include "FileUtil.h"
#include "Format.h"
#include "Options.h"
#include "backend/Backend.h"
#include "network/NetworkModule.h"
#include "offsite/Offsite.h"

namespace fcb {

using namespace cli;

namespace {

// After a successful create: the --heartbeat-url, if any, then the end.
void pingHeartbeat(CommandContext& cli)
{
    if (!cli.isSet(QStringLiteral("heartbeat-url"))) {
        cli.finish(ExitCode::Success);
        return;
    }
    // The backup is made: a heartbeat that cannot be sent is a warning, as when it is not answered.
    QString problem;
    if (NetworkModule* network = network::load(&problem)) {
        network->pingHeartbeat(cli, QUrl(cli.value(QStringLiteral("heartbeat-url"))));
        return;
    }
    if (!cli.quiet())
        cli.warn(CommandLine::tr("Warning: no heartbeat was sent. %1").arg(problem));
    cli.finish(ExitCode::Success);
}

// The new backup copied off-site (--offsite or FASTCMS_BACKUP_OFFSITE), then the heartbeat.
void pushAfterCreate(CommandContext& cli, const CreateResult& created, const QJsonObject& createdJson)
{
    const QString remote = offsiteTarget(cli);
    const QString shown = Offsite::displayName(remote);
    QJsonObject partial = createdJson;
    partial.insert(QStringLiteral("offsite"),
        QJsonObject { { QStringLiteral("target"), shown }, { QStringLiteral("copied"), false } });
    cli.setFailureExtra(partial);
    watch<OffsitePushResult>(cli, cli.backend().pushOffsite(remote, { created.backup.fileName }),
        [&cli, shown, createdJson, name = created.backup.fileName](const OffsitePushResult& r) {
            if (!r.failed.isEmpty()) {
                cli.fail(r.failed.first());
                return;
            }
            cli.setFailureExtra({});
            if (cli.json()) {
                QJsonObject object = createdJson;
                object.insert(QStringLiteral("offsite"),
                    QJsonObject { { QStringLiteral("target"), shown }, { QStringLiteral("copied"), true } });
                cli.printJson(object);
            } else if (!cli.quiet()) {
                cli.printLine(CommandLine::tr("Copied %1 to %2.").arg(name, shown));
            }
            pingHeartbeat(cli);
        });
}

// What create says of the backup it made, as text.
void printCreated(CommandContext& cli, const CreateResult& r)
{
    if (cli.backend().isRemote()) {
        cli.printLine(CommandLine::tr("Created %1 (%2) on the server.")
                          .arg(r.backup.fileName, files::humanSize(r.backup.sizeBytes)));
        return;
    }
    cli.printLine(
        CommandLine::tr("Created %1 (%2; database %3 and %n file(s), %4 before compression; integrity %5)",
            nullptr, int(r.fileCount))
            .arg(r.backup.fileName, files::humanSize(r.backup.sizeBytes), files::humanSize(r.databaseBytes),
                files::humanSize(r.totalBytes), r.databaseIntegrity));
    cli.printLine(r.backup.path);
}

} // namespace

int CreateCommand::run(CommandContext& cli, const QStringList&)
{
    const QString trigger = cli.value(QStringLiteral("trigger"));
    if (!QStringList { QStringLiteral("manual"), QStringLiteral("scheduled"), QStringLiteral("pre-restore") }
             .contains(trigger)) {
        cli.fail(
            Error::make(ErrorCode::Usage, CommandLine::tr("--trigger is manual, scheduled or pre-restore.")));
        return -1;
    }
    if (!cli.backend().isRemote() && cli.isSet(QStringLiteral("offsite"))) {
        if (auto target = Offsite::checkTarget(offsiteTarget(cli)); !target) {
            cli.fail(target.error());
            return -1;
        }
    }
    watch<CreateResult>(cli, cli.backend().create(CreateRequest { trigger }), [&cli](const CreateResult& r) {
        const QJsonObject json { { QStringLiteral("backup"), itemJson(r.backup) },
            { QStringLiteral("files"), r.fileCount }, { QStringLiteral("database_bytes"), r.databaseBytes },
            { QStringLiteral("uncompressed_bytes"), r.totalBytes },
            { QStringLiteral("database_integrity"), r.databaseIntegrity } };
        const bool pushOffsite = !cli.backend().isRemote() && !offsiteTarget(cli).isEmpty();
        if (cli.json()) {
            if (!pushOffsite)
                cli.printJson(json);
        } else if (!cli.quiet()) {
            printCreated(cli, r);
        }
        if (pushOffsite)
            pushAfterCreate(cli, r, json);
        else
            pingHeartbeat(cli);
    });
    return -1;
}

} // namespace fcb
