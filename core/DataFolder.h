#pragma once

#include <QString>

namespace fcb {

// Where one FastCMS server keeps its data, as the server itself resolves it (contract §1).
// The server runs with its working directory one level above data/; the restore marker's
// staging_path is relative to that directory.
class DataFolder
{
public:
    DataFolder() = default;
    // Defaults: app.db, files/ and backups/ inside dataDir; empty overrides keep the defaults.
    explicit DataFolder(const QString& dataDir, const QString& dbPath = {}, const QString& filesDir = {},
        const QString& backupsDir = {});

    QString dataDir() const { return m_dataDir; }
    QString dbPath() const { return m_dbPath; }
    QString walPath() const { return m_dbPath + QStringLiteral("-wal"); }
    QString shmPath() const { return m_dbPath + QStringLiteral("-shm"); }
    QString filesDir() const { return m_filesDir; }
    QString backupsDir() const { return m_backupsDir; }
    QString serverWorkingDir() const;

    QString stagingDir() const;
    QString markerPath() const;
    // The marker's staging_path: "data/backups/restore_staging" for the default layout.
    QString stagingPathForMarker() const;

    QString dbBeforeRestorePath() const { return m_dbPath + QStringLiteral(".before_restore"); }
    QString filesBeforeRestoreDir() const;

    // Ours, never FastCMS's: the per-folder operation lock and the apply journal.
    QString lockPath() const;
    QString applyJournalPath() const;
    // Where an apply keeps the restore marker while it works, out of a starting server's sight.
    QString applyMarkerCustodyPath() const;
    QString backupPath(const QString& fileName) const;

private:
    QString m_dataDir;
    QString m_dbPath;
    QString m_filesDir;
    QString m_backupsDir;
};

} // namespace fcb
