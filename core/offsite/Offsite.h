#pragma once

#include "Error.h"
#include "TaskContext.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace fcb {

struct OffsiteCopy
{
    QString fileName;
    qint64 size = 0;
    QDateTime modified; // UTC, as the remote reports it
};

// Off-site copies of backups on any rclone remote ("s3:bucket/fastcms", "sftp-host:backups",
// a crypt remote for encryption at rest, or a plain folder). rclone and its configuration
// (RCLONE_CONFIG, ~/.config/rclone/rclone.conf) hold every credential; none passes through
// here. Calls are synchronous and meant for worker threads: they report rclone's own transfer
// statistics as progress and stop rclone when the task is cancelled.
class Offsite
{
public:
    explicit Offsite(QString remote);

    QString remote() const { return m_remote; }
    // The target as messages show it: without the parameters of a connection string.
    QString displayName() const { return displayName(m_remote); }
    static QString displayName(const QString& remote);
    // Usage error for an empty target or one that names a file rather than a folder.
    static Result<void> checkTarget(const QString& remote);
    // The backups on the remote (plain backup *.zip names only), newest name first; an empty
    // list when the remote folder does not exist yet.
    Result<QList<OffsiteCopy>> list(TaskContext& task) const;
    // Copies one backup there. Never replaces anything: false when an identical copy (same
    // size) is already there, Conflict when a different file has that name. A copy that did not
    // complete (cancelled, failed) is removed again, so no partial file is left behind.
    Result<bool> push(const QString& localPath, TaskContext& task) const;
    // Copies a backup from the remote to targetPath (which must not exist yet).
    Result<void> fetch(const QString& fileName, const QString& targetPath, TaskContext& task) const;
    // Deletes one backup on the remote: only ever on an explicit request.
    Result<void> remove(const QString& fileName, TaskContext& task) const;

private:
    QString pathOf(const QString& fileName) const;
    // The remote file, or NotFound.
    Result<OffsiteCopy> stat(const QString& fileName, TaskContext& task) const;

    QString m_remote;
};

} // namespace fcb
