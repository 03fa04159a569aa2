#pragma once

#include "DataFolder.h"
#include "model/Backup.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace fcb {

// What a backend can do; a remote server's routes decide (read from its /openapi.json). A front
// end offers an operation only when its capability is there.
struct Capabilities
{
    bool download = false;
    bool upload = false;
    bool unstage = false;
    bool applyRestore = false; // local data folders only: the server applies remote restores
    bool offsite = false; // off-site copies through rclone: from a local backups folder only
    // Reading inside a backup (ls, extract, export, history, diff of two backups): local, or a
    // server that offers downloads (the archive is downloaded first).
    bool browse = false;
    // Comparing with the live data and putting one upload back into it: local data folders only
    // (a server's API does not expose its live data).
    bool live = false;
};

// Where a backend's backups live, for what has to name it again elsewhere (a schedule's command
// line, a curl command): a data folder on this machine, or a server.
struct Location
{
    enum class Kind
    {
        DataFolder,
        Server
    };
    Kind kind = Kind::DataFolder;
    DataFolder folder; // Kind::DataFolder
    QUrl server; // Kind::Server, without credentials
    bool usesApiKey = false; // Kind::Server: signed in with an API key rather than a token
};

// A local data folder in full: the local engine's status.
struct FolderStatus
{
    QString dataDir;
    QString dbPath;
    QString filesDir;
    QString backupsDir;
    bool databaseExists = false;
    bool databaseInUse = false;
    QList<qint64> databasePids;
    // Pending restore: the marker FastCMS acts on at its next start.
    bool restorePending = false;
    QString pendingBackup;
    QString pendingRequestedAt;
    bool stagingPresent = false;
    bool applyInterrupted = false;
    // Our own operation lock.
    qint64 lockHolderPid = 0;
    QString lockHolderApp;
    // Backups.
    qint64 backupCount = 0;
    qint64 backupsTotalBytes = 0;
    std::optional<BackupItem> newest;
    qint64 freeBytes = -1;
};

// A backend's status, local or remote; the full local picture in `local`.
struct BackendStatus
{
    QString target; // the data folder or the server's address
    bool restorePending = false;
    QString pendingBackup;
    QString pendingRequestedAt;
    qint64 backupCount = 0;
    std::optional<BackupItem> newest;
    std::optional<FolderStatus> local; // the local engine's full picture, in local mode
};

} // namespace fcb
