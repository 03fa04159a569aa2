#include "Offsite.h"

#include "FileUtil.h"
#include "Logging.h"
#include "TempNames.h"
#include "archive/BackupName.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
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
// quick: a metadata call (list, stat, delete): give up on a silent remote within a minute.
Result<RcloneRun> runRclone(
    const QStringList& args, TaskContext& task, const QString& progressText = {}, bool quick = false)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("rclone"));
    if (program.isEmpty())
        return fail(ErrorCode::Unsupported,
            FcbOffsiteText::tr("rclone is not installed; install it (Debian: apt install rclone) "
                               "for off-site copies."));
    QProcess process;
    process.setProgram(program);
    QStringList all { QStringLiteral("--use-json-log"), QStringLiteral("--stats"), QStringLiteral("500ms"),
        QStringLiteral("--stats-log-level"), QStringLiteral("NOTICE"), QStringLiteral("--log-level"),
        QStringLiteral("NOTICE"), QStringLiteral("--contimeout"), QStringLiteral("20s") };
    if (quick)
        all << QStringLiteral("--timeout") << QStringLiteral("60s") << QStringLiteral("--retries")
            << QStringLiteral("2") << QStringLiteral("--low-level-retries") << QStringLiteral("3");
    process.setArguments(all + args);
    // Backups hold password hashes: whatever rclone writes on this machine (a local remote, a
    // fetched copy) is for the owner only.
    process.setChildProcessModifier([] { ::umask(077); });
    process.start(QIODevice::ReadOnly);
    if (!process.waitForStarted(30000))
        return fail(ErrorCode::Unsupported, FcbOffsiteText::tr("rclone could not be started."),
            process.errorString());
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
                    run.lastError = QString::fromUtf8(line.trimmed())
                                        .section(QLatin1Char(' '), 2); // "date time message"
                continue;
            }
            const QJsonObject stats = entry.value(QStringLiteral("stats")).toObject();
            if (!stats.isEmpty() && !progressText.isEmpty())
                task.report(stats.value(QStringLiteral("bytes")).toInteger(),
                    stats.value(QStringLiteral("totalBytes")).toInteger(), progressText);
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
        : unknownRemote                                           ? ErrorCode::Usage
                                                                  : ErrorCode::Network;
    QString detail = run.lastError.isEmpty()
        ? FcbOffsiteText::tr("rclone exited with code %1.").arg(run.exitCode)
        : run.lastError;
    detail.replace(remote, Offsite::displayName(remote));
    return Error::make(code, what + QLatin1Char(' ') + detail, {});
}

OffsiteCopy copyFrom(const QJsonObject& o)
{
    return { o.value(QStringLiteral("Name")).toString(), o.value(QStringLiteral("Size")).toInteger(),
        QDateTime::fromString(o.value(QStringLiteral("ModTime")).toString(), Qt::ISODateWithMs).toUTC() };
}

} // namespace

Offsite::Offsite(QString remote)
    : m_remote(std::move(remote))
{ }

Result<void> Offsite::checkTarget(const QString& remote)
{
    if (remote.trimmed().isEmpty())
        return fail(ErrorCode::Usage,
            FcbOffsiteText::tr("Name an off-site target: an rclone remote and folder such as "
                               "\"s3:bucket/fastcms\", or a local folder."));
    // Parameters in a connection string (":s3,secret_access_key=…:bucket") would sit in
    // settings, units and process lists: credentials belong in rclone's configuration.
    if (displayName(remote) != remote)
        return fail(ErrorCode::Usage,
            FcbOffsiteText::tr("Put no parameters in the off-site target (%1): define a remote with "
                               "'rclone config' (or RCLONE_CONFIG_<NAME>_… variables) and name it "
                               "here, such as \"vault:fastcms\".")
                .arg(displayName(remote)));
    for (const QChar c : remote) {
        if (c.category() == QChar::Other_Control)
            return fail(
                ErrorCode::Usage, FcbOffsiteText::tr("The off-site target contains a control character."));
    }
    if (remote.endsWith(QStringLiteral(".zip"), Qt::CaseInsensitive))
        return fail(ErrorCode::Usage,
            FcbOffsiteText::tr("The off-site target is a folder, not a file: %1").arg(remote));
    return {};
}

QString Offsite::displayName(const QString& remote)
{
    // A connection string (":s3,access_key_id=…,secret_access_key=…:bucket") may carry
    // credentials, quoted values with colons included: show only what comes before its
    // parameters. A path of this machine has none.
    if (remote.startsWith(QLatin1Char('/')) || remote.startsWith(QLatin1Char('.')))
        return remote;
    const qsizetype from = remote.startsWith(QLatin1Char(':')) ? 1 : 0;
    const qsizetype comma = remote.indexOf(QLatin1Char(','), from);
    const qsizetype colon = remote.indexOf(QLatin1Char(':'), from);
    if (comma >= 0 && (colon < 0 || comma < colon))
        return remote.left(comma) + QStringLiteral(",…");
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
    auto run = runRclone(
        { QStringLiteral("lsjson"), QStringLiteral("--files-only"), QStringLiteral("--no-mimetype"),
            QStringLiteral("--max-depth"), QStringLiteral("1"), m_remote },
        task, {}, true);
    if (!run)
        return fail(run.error());
    if (run->exitCode == 3)
        return QList<OffsiteCopy> {}; // nothing pushed yet
    if (run->exitCode != 0)
        return fail(
            rcloneError(*run, FcbOffsiteText::tr("The off-site copies could not be listed."), m_remote));
    QList<OffsiteCopy> copies;
    for (const QJsonValue& v : QJsonDocument::fromJson(run->out).array()) {
        OffsiteCopy copy = copyFrom(v.toObject());
        if (BackupName::checkPlainZipName(copy.fileName) && !copy.fileName.startsWith(QLatin1Char('.')))
            copies.append(copy);
    }
    std::sort(copies.begin(), copies.end(),
        [](const OffsiteCopy& a, const OffsiteCopy& b) { return a.fileName > b.fileName; });
    return copies;
}

Result<OffsiteCopy> Offsite::stat(const QString& fileName, TaskContext& task) const
{
    auto run = runRclone({ QStringLiteral("lsjson"), QStringLiteral("--stat"),
                             QStringLiteral("--no-mimetype"), pathOf(fileName) },
        task, {}, true);
    if (!run)
        return fail(run.error());
    if (run->exitCode == 3 || run->exitCode == 4)
        return fail(ErrorCode::NotFound, FcbOffsiteText::tr("%1 is not on %2.").arg(fileName, displayName()));
    if (run->exitCode != 0)
        return fail(rcloneError(*run,
            FcbOffsiteText::tr("%1 could not be looked up on %2.").arg(fileName, displayName()), m_remote));
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
    auto existing = stat(name, task);
    if (existing) {
        if (existing->size == local.size())
            return false;
        return fail(ErrorCode::Conflict,
            FcbOffsiteText::tr("%1 already exists on %2 with different contents (%3, here %4); "
                               "it was left as it is.")
                .arg(name, displayName(), files::humanSize(existing->size), files::humanSize(local.size())));
    }
    if (existing.error().code != ErrorCode::NotFound)
        return fail(existing.error());
    // Upload under a name of our own, then move it into place without replacing anything
    // (rclone's copyto replaces a different file even with --immutable). Only ever our own
    // temporary file is deleted, so nothing anyone else wrote is touched.
    SilentTaskContext quiet; // clean-up runs even after a cancel
    // A push of this name that was killed left its upload name behind; the caller holds the
    // data folder's lock, so no push from here is still writing one.
    (void)runRclone({ QStringLiteral("delete"), m_remote, QStringLiteral("--max-depth"), QStringLiteral("1"),
                        QStringLiteral("--include"), QStringLiteral("/") + temp::offsitePartPattern(name) },
        quiet, {}, true);
    const QString part = temp::offsitePart(name);
    const auto removePart = [&] {
        (void)runRclone({ QStringLiteral("deletefile"), pathOf(part) }, quiet, {}, true);
    };
    auto run = runRclone({ QStringLiteral("copyto"), localPath, pathOf(part) }, task,
        FcbOffsiteText::tr("Copying %1 off-site").arg(name));
    if (!run || run->exitCode != 0) {
        removePart();
        if (!run)
            return fail(run.error());
        return fail(rcloneError(
            *run, FcbOffsiteText::tr("%1 could not be copied to %2.").arg(name, displayName()), m_remote));
    }
    auto moved = runRclone(
        { QStringLiteral("moveto"), QStringLiteral("--ignore-existing"), pathOf(part), pathOf(name) }, quiet,
        {}, true);
    if (!moved || moved->exitCode != 0) {
        removePart();
        if (!moved)
            return fail(moved.error());
        return fail(rcloneError(
            *moved, FcbOffsiteText::tr("%1 could not be copied to %2.").arg(name, displayName()), m_remote));
    }
    if (stat(part, quiet)) { // the name was taken meanwhile: ours stayed where it was
        removePart();
        return fail(ErrorCode::Conflict,
            FcbOffsiteText::tr("%1 appeared on %2 while it was being copied; the file there was left "
                               "as it is.")
                .arg(name, displayName()));
    }
    auto landed = stat(name, quiet);
    if (!landed || landed->size != local.size())
        return fail(ErrorCode::Network,
            FcbOffsiteText::tr("The copy of %1 on %2 could not be confirmed; run offsite push again "
                               "to check it.")
                .arg(name, displayName()));
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
        return fail(
            files::noSpaceError(fileName, QFileInfo(targetPath).absolutePath(), found->size, available));
    auto run = runRclone({ QStringLiteral("copyto"), pathOf(fileName), targetPath }, task,
        FcbOffsiteText::tr("Fetching %1").arg(fileName));
    if (!run || run->exitCode != 0 || QFileInfo(targetPath).size() != found->size) {
        QFile::remove(targetPath);
        if (!run)
            return fail(run.error());
        return fail(rcloneError(*run,
            FcbOffsiteText::tr("%1 could not be fetched from %2.").arg(fileName, displayName()), m_remote));
    }
    return {};
}

Result<void> Offsite::remove(const QString& fileName, TaskContext& task) const
{
    if (auto valid = BackupName::checkPlainZipName(fileName); !valid)
        return fail(valid.error());
    if (auto found = stat(fileName, task); !found)
        return fail(found.error());
    auto run = runRclone({ QStringLiteral("deletefile"), pathOf(fileName) }, task, {}, true);
    if (!run)
        return fail(run.error());
    if (run->exitCode != 0)
        return fail(rcloneError(*run,
            FcbOffsiteText::tr("%1 could not be deleted from %2.").arg(fileName, displayName()), m_remote));
    return {};
}

} // namespace fcb
