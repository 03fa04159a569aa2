#include "commands/Commands.h"

#include "FileUtil.h"
#include "Format.h"
#include "Options.h"
#include "WorkerPool.h"
#include "archive/BackupName.h"
#include "backend/Backend.h"
#include "offsite/Offsite.h"

#include <QJsonArray>

namespace fcb {

using namespace cli;

QString OffsiteCommand::refusalOnServer() const
{
    return CommandLine::tr("Off-site copies are made from a local backups folder; on a "
                           "server, download the backups first.");
}

namespace {

// offsite push [<name>]: the named backup, or every one not there yet.
void push(CommandContext& cli, const QString& remote, const QString& shown, const QString& name)
{
    watch<OffsitePushResult>(cli,
        cli.backend().pushOffsite(remote, name.isEmpty() ? QStringList() : QStringList { name }),
        [&cli, shown](const OffsitePushResult& r) {
            const QJsonObject json { { QStringLiteral("target"), shown },
                { QStringLiteral("copied"), QJsonArray::fromStringList(r.copied) },
                { QStringLiteral("already_there"), QJsonArray::fromStringList(r.alreadyThere) } };
            if (!r.failed.isEmpty()) {
                if (!cli.json() && !cli.quiet()) {
                    for (const QString& copied : r.copied)
                        cli.printLine(CommandLine::tr("Copied %1 to %2.").arg(copied, shown));
                }
                Error first = r.failed.first();
                if (r.failed.size() > 1)
                    first.message += QLatin1Char(' ')
                        + CommandLine::tr(
                            "(%n backup(s) could not be copied.)", nullptr, int(r.failed.size()));
                cli.fail(first, json);
                return;
            }
            if (cli.json()) {
                cli.printJson(json);
            } else if (!cli.quiet()) {
                for (const QString& copied : r.copied)
                    cli.printLine(CommandLine::tr("Copied %1 to %2.").arg(copied, shown));
                cli.printLine(CommandLine::tr(
                    "%n backup(s) copied off-site, %1 already there.", nullptr, int(r.copied.size()))
                                  .arg(r.alreadyThere.size()));
            }
            cli.finish(ExitCode::Success);
        });
}

// offsite list: the copies there, and which of them are also here.
void list(CommandContext& cli, const QString& remote, const QString& shown)
{
    Job<Result<QList<OffsiteCopy>>> job;
    job.future = QtConcurrent::run(
        workers::pool(), [remote, token = job.token](QPromise<Result<QList<OffsiteCopy>>>& promise) {
            PromiseTaskContext<Result<QList<OffsiteCopy>>> task(promise, token);
            promise.addResult(Offsite(remote).list(task));
        });
    const DataFolder folder = cli.backend().location().folder;
    watch<QList<OffsiteCopy>>(cli, job, [&cli, shown, folder](const QList<OffsiteCopy>& copies) {
        if (cli.json()) {
            QJsonArray items;
            for (const OffsiteCopy& c : copies)
                items.append(QJsonObject { { QStringLiteral("filename"), c.fileName },
                    { QStringLiteral("size"), c.size }, { QStringLiteral("modified"), isoUtc(c.modified) },
                    { QStringLiteral("local"), files::isRegularFile(folder.backupPath(c.fileName)) } });
            cli.printJson({ { QStringLiteral("target"), shown }, { QStringLiteral("items"), items } });
        } else if (copies.isEmpty()) {
            cli.printLine(
                CommandLine::tr("No backups on %1 yet. Copy them with 'fastcms-backup offsite push'.")
                    .arg(shown));
        } else {
            int width = 8;
            for (const OffsiteCopy& c : copies)
                width = qMax(width, int(c.fileName.size()));
            cli.printLine(CommandLine::tr("Filename").leftJustified(width + 2)
                + CommandLine::tr("Size").rightJustified(10) + QStringLiteral("  ")
                + CommandLine::tr("Copied").leftJustified(21) + CommandLine::tr("Here"));
            for (const OffsiteCopy& c : copies)
                cli.printLine(c.fileName.leftJustified(width + 2)
                    + files::humanSize(c.size).rightJustified(10) + QStringLiteral("  ")
                    + localTime(c.modified).leftJustified(21)
                    + (files::isRegularFile(folder.backupPath(c.fileName)) ? CommandLine::tr("yes")
                                                                           : CommandLine::tr("no")));
            cli.printLine(
                CommandLine::tr("Total: %n backup(s) on %1", nullptr, int(copies.size())).arg(shown));
        }
        cli.finish(ExitCode::Success);
    });
}

// offsite pull <name>: one copy back, verified before it joins the backups folder.
void pull(CommandContext& cli, const QString& remote, const QString& name)
{
    watch<BackupItem>(cli, cli.backend().pullOffsite(remote, name), [&cli](const BackupItem& item) {
        if (cli.json())
            cli.printJson({ { QStringLiteral("backup"), itemJson(item) } });
        else if (!cli.quiet())
            cli.printLine(CommandLine::tr("Fetched %1 (%2); it verifies and is ready to restore.")
                              .arg(item.fileName, files::humanSize(item.sizeBytes)));
        cli.finish(ExitCode::Success);
    });
}

// offsite delete <name>: one copy there, only ever when asked like this.
void removeCopy(CommandContext& cli, const QString& remote, const QString& shown, const QString& name)
{
    Job<Result<void>> job;
    job.future = QtConcurrent::run(
        workers::pool(), [remote, name, token = job.token](QPromise<Result<void>>& promise) {
            PromiseTaskContext<Result<void>> task(promise, token);
            promise.addResult(Offsite(remote).remove(name, task));
        });
    watch<void>(cli, job, [&cli, name, shown] {
        if (cli.json())
            cli.printJson({ { QStringLiteral("deleted"), true }, { QStringLiteral("filename"), name },
                { QStringLiteral("target"), shown } });
        else if (!cli.quiet())
            cli.printLine(CommandLine::tr("Deleted %1 from %2.").arg(name, shown));
        cli.finish(ExitCode::Success);
    });
}

} // namespace

int OffsiteCommand::run(CommandContext& cli, const QStringList& args)
{
    const QString action = args.value(0);
    QString name = args.value(1);
    const bool needsName = action == QStringLiteral("pull") || action == QStringLiteral("delete");
    const bool mayName = needsName || action == QStringLiteral("push");
    if (!QStringList {
            QStringLiteral("push"), QStringLiteral("list"), QStringLiteral("pull"), QStringLiteral("delete") }
             .contains(action)
        || (needsName && name.isEmpty()) || (!mayName && !name.isEmpty())) {
        cli.fail(Error::make(ErrorCode::Usage,
            CommandLine::tr("offsite takes push [<name>], list, pull <name> or delete <name>.")));
        return -1;
    }
    if (!name.isEmpty() && !name.contains(QLatin1Char('.')) && !name.contains(QLatin1Char('/')))
        name += QStringLiteral(".zip");
    if (!name.isEmpty()) {
        if (auto valid = BackupName::checkPlainZipName(name); !valid) {
            cli.fail(valid.error());
            return -1;
        }
    }
    const QString remote = offsiteTarget(cli);
    if (auto target = Offsite::checkTarget(remote); !target) {
        cli.fail(Error::make(ErrorCode::Usage,
            target.error().message + QLatin1Char(' ')
                + CommandLine::tr("Give it with --offsite or FASTCMS_BACKUP_OFFSITE.")));
        return -1;
    }

    const QString shown = Offsite::displayName(remote); // no connection-string parameters in output

    if (action == QStringLiteral("push"))
        push(cli, remote, shown, name);
    else if (action == QStringLiteral("list"))
        list(cli, remote, shown);
    else if (action == QStringLiteral("pull"))
        pull(cli, remote, name);
    else
        removeCopy(cli, remote, shown, name);
    return -1;
}

} // namespace fcb
