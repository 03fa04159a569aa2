#include "Offsite.h"

#include "FileUtil.h"
#include "Logging.h"
#include "archive/BackupName.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <sys/stat.h>

namespace fcb {

// Translation context for this file's messages (lupdate reads the class name).
class FcbOffsiteText
{
    Q_DECLARE_TR_FUNCTIONS(FcbOffsiteText)
};

namespace {

struct RcloneRun
{
    int exitCode = -1;
    QByteArray out;
    QString lastError; // rclone's last error message
};

// Runs rclone with JSON logs on stderr; its transfer statistics become progress.
Result<RcloneRun> runRclone(const QStringList& args, TaskContext& task, const QString& progressText = {})
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("rclone"));
    if (program.isEmpty())
        return fail(ErrorCode::Unsupported, FcbOffsiteText::tr("rclone is not installed; install it (Debian: apt install rclone) "
                                                               "for off-site copies."));
    QProcess process;
    process.setProgram(program);
    QStringList all{QStringLiteral("--use-json-log"), QStringLiteral("--stats"), QStringLiteral("500ms"),
                    QStringLiteral("--stats-log-level"), QStringLiteral("NOTICE"), QStringLiteral("--log-level"),
                    QStringLiteral("NOTICE")};
    process.setArguments(all + args);
    // Backups hold password hashes: whatever rclone writes on this machine (a local remote, a
    // fetched copy) is for the owner only.
    process.setChildProcessModifier([] { ::umask(077); });
    process.start(QIODevice::ReadOnly);
    if (!process.waitForStarted(30000))
        return fail(ErrorCode::Unsupported, FcbOffsiteText::tr("rclone could not be started."), process.errorString());
    RcloneRun run;
    QByteArray pending;
    const auto readLogs = [&] {
        pending += process.readAllStandardError();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            if (entry.isEmpty()) {
                if (!line.trimmed().isEmpty())
                    run.lastError = QString::fromUtf8(line.trimmed()).section(QLatin1Char(' '), 2); // "date time message"
                continue;
            }
            const QJsonObject stats = entry.value(QStringLiteral("stats")).toObject();
            if (!stats.isEmpty() && !progressText.isEmpty())
                task.report(stats.value(QStringLiteral("bytes")).toInteger(), stats.value(QStringLiteral("totalBytes")).toInteger(),
                            progressText);
            const QString level = entry.value(QStringLiteral("level")).toString();
            if (level == QStringLiteral("error") || level == QStringLiteral("critical"))
                run.lastError = entry.value(QStringLiteral("msg")).toString().trimmed();
        }
    };
    while (!process.waitForFinished(100)) {
        run.out += process.readAllStandardOutput();
        readLogs();
        if (task.isCanceled()) {
            process.terminate();
            if (!process.waitForFinished(5000))
                process.kill();
            process.waitForFinished(5000);
            return fail(ErrorCode::Cancelled, FcbOffsiteText::tr("Cancelled."));
        }
        if (process.state() == QProcess::NotRunning)
            break;
    }
    run.out += process.readAllStandardOutput();
    readLogs();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

Error rcloneError(const RcloneRun& run, const QString& what, const QString& remote)
{
    // rclone's exit codes: 3 directory not found, 4 file not found; 1 is a remote rclone does
    // not know or could not reach; the rest are failures of the remote or the transfer.
    const bool unknownRemote = run.lastError.contains(QStringLiteral("didn't find section in config file"));
    const ErrorCode code = run.exitCode == 3 || run.exitCode == 4 ? ErrorCode::NotFound
                         : unknownRemote                          ? ErrorCode::Usage
                                                                  : ErrorCode::Network;
    QString detail = run.lastError.isEmpty() ? FcbOffsiteText::tr("rclone exited with code %1.").arg(run.exitCode) : run.lastError;
    detail.replace(remote, Offsite::displayName(remote));
    return Error::make(code, what + QLatin1Char(' ') + detail, {});
}

OffsiteCopy copyFrom(const QJsonObject& o)
{
    return {o.value(QStringLiteral("Name")).toString(), o.value(QStringLiteral("Size")).toInteger(),
            QDateTime::fromString(o.value(QStringLiteral("ModTime")).toString(), Qt::ISODateWithMs).toUTC()};
}

} // namespace

Offsite::Offsite(QString remote)
    : m_remote(std::move(remote))
{
}

Result<void> Offsite::checkTarget(const QString& remote)
{
    if (remote.trimmed().isEmpty())
        return fail(ErrorCode::Usage, FcbOffsiteText::tr("Name an off-site target: an rclone remote and folder such as "
                                                         "\"s3:bucket/fastcms\", or a local folder."));
    if (remote.endsWith(QStringLiteral(".zip"), Qt::CaseInsensitive))
        return fail(ErrorCode::Usage, FcbOffsiteText::tr("The off-site target is a folder, not a file: %1").arg(remote));
    return {};
}

QString Offsite::displayName(const QString& remote)
{
    // A connection string (":s3,access_key_id=…,secret_access_key=…:bucket") may carry
    // credentials: show its backend and path only.
    static const QRegularExpression parameters(QStringLiteral("^(:?[A-Za-z0-9_ .-]*),[^:]*(:.*)?$"));
    const auto match = parameters.match(remote);
    if (match.hasMatch())
        return match.captured(1) + QStringLiteral(",…") + match.captured(2);
    return remote;
}

QString Offsite::pathOf(const QString& fileName) const
{
    if (m_remote.endsWith(QLatin1Char('/')) || m_remote.endsWith(QLatin1Char(':')))
        return m_remote + fileName;
    return m_remote + QLatin1Char('/') + fileName;
}

Result<QList<OffsiteCopy>> Offsite::list(TaskContext& task) const
{
    task.report(0, 0, FcbOffsiteText::tr("Listing off-site copies"));
    auto run = runRclone({QStringLiteral("lsjson"), QStringLiteral("--files-only"), QStringLiteral("--no-mimetype"),
                          QStringLiteral("--max-depth"), QStringLiteral("1"), m_remote},
                         task);
    if (!run)
        return fail(run.error());
    if (run->exitCode == 3)
        return QList<OffsiteCopy>{}; // nothing pushed yet
    if (run->exitCode != 0)
        return fail(rcloneError(*run, FcbOffsiteText::tr("The off-site copies could not be listed."), m_remote));
    QList<OffsiteCopy> copies;
    for (const QJsonValue& v : QJsonDocument::fromJson(run->out).array()) {
        OffsiteCopy copy = copyFrom(v.toObject());
        if (BackupName::checkPlainZipName(copy.fileName) && copy.fileName.startsWith(QStringLiteral("backup_")))
            copies.append(copy);
    }
    std::sort(copies.begin(), copies.end(), [](const OffsiteCopy& a, const OffsiteCopy& b) { return a.fileName > b.fileName; });
    return copies;
}

Result<OffsiteCopy> Offsite::stat(const QString& fileName, TaskContext& task) const
{
    auto run = runRclone({QStringLiteral("lsjson"), QStringLiteral("--stat"), QStringLiteral("--no-mimetype"), pathOf(fileName)}, task);
    if (!run)
        return fail(run.error());
    if (run->exitCode == 3 || run->exitCode == 4)
        return fail(ErrorCode::NotFound, FcbOffsiteText::tr("%1 is not on %2.").arg(fileName, displayName()));
    if (run->exitCode != 0)
        return fail(rcloneError(*run, FcbOffsiteText::tr("%1 could not be looked up on %2.").arg(fileName, displayName()), m_remote));
    const QJsonObject object = QJsonDocument::fromJson(run->out).object();
    if (object.isEmpty() || object.value(QStringLiteral("IsDir")).toBool())
        return fail(ErrorCode::NotFound, FcbOffsiteText::tr("%1 is not on %2.").arg(fileName, displayName()));
    return copyFrom(object);
}

Result<bool> Offsite::push(const QString& localPath, TaskContext& task) const
{
    const QFileInfo local(localPath);
    const QString name = local.fileName();
    if (auto valid = BackupName::checkPlainZipName(name); !valid)
        return fail(valid.error());
    if (!files::isRegularFile(localPath))
        return fail(ErrorCode::NotFound, FcbOffsiteText::tr("The backup %1 does not exist.").arg(name));
    // rclone's copyto replaces a different file of the same name even with --immutable: look
    // first, and let --ignore-existing guard the moment between.
    auto existing = stat(name, task);
    if (existing) {
        if (existing->size == local.size())
            return false;
        return fail(ErrorCode::Conflict, FcbOffsiteText::tr("%1 already exists on %2 with different contents (%3, here %4); "
                                                            "it was left as it is.")
                                             .arg(name, displayName(), files::humanSize(existing->size), files::humanSize(local.size())));
    }
    if (existing.error().code != ErrorCode::NotFound)
        return fail(existing.error());
    auto run = runRclone({QStringLiteral("copyto"), QStringLiteral("--ignore-existing"), localPath, pathOf(name)}, task,
                         FcbOffsiteText::tr("Copying %1 off-site").arg(name));
    const auto removePartial = [&] {
        SilentTaskContext quiet;
        (void)runRclone({QStringLiteral("deletefile"), pathOf(name)}, quiet);
    };
    if (!run) {
        removePartial();
        return fail(run.error());
    }
    if (run->exitCode != 0) {
        removePartial();
        return fail(rcloneError(*run, FcbOffsiteText::tr("%1 could not be copied to %2.").arg(name, displayName()), m_remote));
    }
    auto landed = stat(name, task);
    if (!landed || landed->size != local.size()) {
        removePartial();
        return fail(ErrorCode::Network, FcbOffsiteText::tr("The copy of %1 on %2 is incomplete; it was removed.").arg(name, displayName()));
    }
    return true;
}

Result<void> Offsite::fetch(const QString& fileName, const QString& targetPath, TaskContext& task) const
{
    if (auto valid = BackupName::checkPlainZipName(fileName); !valid)
        return fail(valid.error());
    if (files::exists(targetPath))
        return fail(ErrorCode::Conflict, FcbOffsiteText::tr("%1 already exists.").arg(targetPath));
    auto found = stat(fileName, task);
    if (!found)
        return fail(found.error());
    const qint64 available = files::freeSpace(QFileInfo(targetPath).absolutePath());
    if (available >= 0 && available < found->size)
        return fail(files::noSpaceError(fileName, QFileInfo(targetPath).absolutePath(), found->size, available));
    auto run = runRclone({QStringLiteral("copyto"), pathOf(fileName), targetPath}, task,
                         FcbOffsiteText::tr("Fetching %1").arg(fileName));
    if (!run || run->exitCode != 0 || QFileInfo(targetPath).size() != found->size) {
        QFile::remove(targetPath);
        if (!run)
            return fail(run.error());
        return fail(rcloneError(*run, FcbOffsiteText::tr("%1 could not be fetched from %2.").arg(fileName, displayName()), m_remote));
    }
    return {};
}

Result<void> Offsite::remove(const QString& fileName, TaskContext& task) const
{
    if (auto valid = BackupName::checkPlainZipName(fileName); !valid)
        return fail(valid.error());
    if (auto found = stat(fileName, task); !found)
        return fail(found.error());
    auto run = runRclone({QStringLiteral("deletefile"), pathOf(fileName)}, task);
    if (!run)
        return fail(run.error());
    if (run->exitCode != 0)
        return fail(rcloneError(*run, FcbOffsiteText::tr("%1 could not be deleted from %2.").arg(fileName, displayName()), m_remote));
    return {};
}

} // namespace fcb
