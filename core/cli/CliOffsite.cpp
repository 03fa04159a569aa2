#include "CliFormat.h"
#include "CliWatch.h"
#include "FileUtil.h"
#include "archive/BackupName.h"

#include <QJsonArray>

namespace fcb {

using namespace cli;

QString CommandLine::offsiteTarget() const
{
    return m_parser.isSet(QStringLiteral("offsite")) ? m_parser.value(QStringLiteral("offsite"))
                                                     : qEnvironmentVariable("FASTCMS_BACKUP_OFFSITE");
}

int CommandLine::runOffsite(const QStringList& args)
{
    const QString action = args.value(0);
    QString name = args.value(1);
    const bool needsName = action == QStringLiteral("pull") || action == QStringLiteral("delete");
    const bool mayName = needsName || action == QStringLiteral("push");
    if (!QStringList{QStringLiteral("push"), QStringLiteral("list"), QStringLiteral("pull"), QStringLiteral("delete")}.contains(action)
        || (needsName && name.isEmpty()) || (!mayName && !name.isEmpty())) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("offsite takes push [<name>], list, pull <name> or delete <name>.")));
        return -1;
    }
    if (!name.isEmpty() && !name.contains(QLatin1Char('.')) && !name.contains(QLatin1Char('/')))
        name += QStringLiteral(".zip");
    if (!name.isEmpty()) {
        if (auto valid = BackupName::checkPlainZipName(name); !valid) {
            fail(valid.error());
            return -1;
        }
    }
    const QString remote = offsiteTarget();
    if (auto target = Offsite::checkTarget(remote); !target) {
        fail(Error::make(ErrorCode::Usage, target.error().message + QLatin1Char(' ')
                                               + CommandLine::tr("Give it with --offsite or FASTCMS_BACKUP_OFFSITE.")));
        return -1;
    }

    const QString shown = Offsite::displayName(remote); // no connection-string parameters in output

    if (action == QStringLiteral("push")) {
        watch<OffsitePushResult>(m_engine->pushOffsiteAsync(remote, name.isEmpty() ? QStringList() : QStringList{name}),
                                 [this, shown](const OffsitePushResult& r) {
                                     const QJsonObject json{{QStringLiteral("target"), shown},
                                                            {QStringLiteral("copied"), QJsonArray::fromStringList(r.copied)},
                                                            {QStringLiteral("already_there"), QJsonArray::fromStringList(r.alreadyThere)}};
                                     if (!r.failed.isEmpty()) {
                                         if (!m_json && !m_quiet) {
                                             for (const QString& copied : r.copied)
                                                 printLine(CommandLine::tr("Copied %1 to %2.").arg(copied, shown));
                                         }
                                         Error first = r.failed.first();
                                         if (r.failed.size() > 1)
                                             first.message += QLatin1Char(' ') + CommandLine::tr("(%n backup(s) could not be copied.)", nullptr,
                                                                                                 int(r.failed.size()));
                                         fail(first, json);
                                         return;
                                     }
                                     if (m_json) {
                                         printJson(json);
                                     } else if (!m_quiet) {
                                         for (const QString& copied : r.copied)
                                             printLine(CommandLine::tr("Copied %1 to %2.").arg(copied, shown));
                                         printLine(CommandLine::tr("%n backup(s) copied off-site, %1 already there.", nullptr,
                                                                   int(r.copied.size()))
                                                       .arg(r.alreadyThere.size()));
                                     }
                                     finish(ExitCode::Success);
                                 });
    } else if (action == QStringLiteral("list")) {
        Job<Result<QList<OffsiteCopy>>> job;
        job.future = QtConcurrent::run(LocalEngine::pool(), [remote, token = job.token](QPromise<Result<QList<OffsiteCopy>>>& promise) {
            PromiseTaskContext<Result<QList<OffsiteCopy>>> task(promise, token);
            promise.addResult(Offsite(remote).list(task));
        });
        const DataFolder folder = m_engine->folder();
        watch<QList<OffsiteCopy>>(job, [this, shown, folder](const QList<OffsiteCopy>& copies) {
            if (m_json) {
                QJsonArray items;
                for (const OffsiteCopy& c : copies)
                    items.append(QJsonObject{{QStringLiteral("filename"), c.fileName},
                                             {QStringLiteral("size"), c.size},
                                             {QStringLiteral("modified"), isoUtc(c.modified)},
                                             {QStringLiteral("local"), files::isRegularFile(folder.backupPath(c.fileName))}});
                printJson({{QStringLiteral("target"), shown}, {QStringLiteral("items"), items}});
            } else if (copies.isEmpty()) {
                printLine(CommandLine::tr("No backups on %1 yet. Copy them with 'fastcms-backup offsite push'.").arg(shown));
            } else {
                int width = 8;
                for (const OffsiteCopy& c : copies)
                    width = qMax(width, int(c.fileName.size()));
                printLine(CommandLine::tr("Filename").leftJustified(width + 2) + CommandLine::tr("Size").rightJustified(10)
                          + QStringLiteral("  ") + CommandLine::tr("Copied").leftJustified(21) + CommandLine::tr("Here"));
                for (const OffsiteCopy& c : copies)
                    printLine(c.fileName.leftJustified(width + 2) + files::humanSize(c.size).rightJustified(10) + QStringLiteral("  ")
                              + localTime(c.modified).leftJustified(21)
                              + (files::isRegularFile(folder.backupPath(c.fileName)) ? CommandLine::tr("yes") : CommandLine::tr("no")));
                printLine(CommandLine::tr("Total: %n backup(s) on %1", nullptr, int(copies.size())).arg(shown));
            }
            finish(ExitCode::Success);
        });
    } else if (action == QStringLiteral("pull")) {
        watch<BackupItem>(m_engine->pullOffsiteAsync(remote, name), [this](const BackupItem& item) {
            if (m_json)
                printJson({{QStringLiteral("backup"), itemJson(item)}});
            else if (!m_quiet)
                printLine(CommandLine::tr("Fetched %1 (%2); it verifies and is ready to restore.")
                              .arg(item.fileName, files::humanSize(item.sizeBytes)));
            finish(ExitCode::Success);
        });
    } else {
        Job<Result<void>> job;
        job.future = QtConcurrent::run(LocalEngine::pool(), [remote, name, token = job.token](QPromise<Result<void>>& promise) {
            PromiseTaskContext<Result<void>> task(promise, token);
            promise.addResult(Offsite(remote).remove(name, task));
        });
        watch<void>(job, [this, name, shown] {
            if (m_json)
                printJson({{QStringLiteral("deleted"), true}, {QStringLiteral("filename"), name}, {QStringLiteral("target"), shown}});
            else if (!m_quiet)
                printLine(CommandLine::tr("Deleted %1 from %2.").arg(name, shown));
            finish(ExitCode::Success);
        });
    }
    return -1;
}

void CommandLine::pushAfterCreate(const CreateResult& created, const QJsonObject& createdJson)
{
    const QString remote = offsiteTarget();
    const QString shown = Offsite::displayName(remote);
    QJsonObject partial = createdJson;
    partial.insert(QStringLiteral("offsite"), QJsonObject{{QStringLiteral("target"), shown}, {QStringLiteral("copied"), false}});
    m_failureExtra = partial;
    watch<OffsitePushResult>(m_engine->pushOffsiteAsync(remote, {created.backup.fileName}),
                             [this, shown, createdJson, name = created.backup.fileName](const OffsitePushResult& r) {
                                 if (!r.failed.isEmpty()) {
                                     fail(r.failed.first());
                                     return;
                                 }
                                 m_failureExtra = {};
                                 if (m_json) {
                                     QJsonObject object = createdJson;
                                     object.insert(QStringLiteral("offsite"),
                                                   QJsonObject{{QStringLiteral("target"), shown}, {QStringLiteral("copied"), true}});
                                     printJson(object);
                                 } else if (!m_quiet) {
                                     printLine(CommandLine::tr("Copied %1 to %2.").arg(name, shown));
                                 }
                                 pingHeartbeat();
                             });
}

} // namespace fcb
