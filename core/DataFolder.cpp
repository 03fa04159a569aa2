#include "DataFolder.h"

#include <QDir>
#include <QFileInfo>

namespace fcb {

namespace {
QString absolute(const QString& path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}
} // namespace

DataFolder::DataFolder(
    const QString& dataDir, const QString& dbPath, const QString& filesDir, const QString& backupsDir)
    : m_dataDir(absolute(dataDir))
    , m_dbPath(dbPath.isEmpty() ? m_dataDir + QStringLiteral("/app.db") : absolute(dbPath))
    , m_filesDir(filesDir.isEmpty() ? m_dataDir + QStringLiteral("/files") : absolute(filesDir))
    , m_backupsDir(backupsDir.isEmpty() ? m_dataDir + QStringLiteral("/backups") : absolute(backupsDir))
{ }

QString DataFolder::serverWorkingDir() const
{
    return QFileInfo(m_dataDir).absolutePath();
}

QString DataFolder::stagingDir() const
{
    return m_backupsDir + QStringLiteral("/restore_staging");
}

QString DataFolder::markerPath() const
{
    return m_backupsDir + QStringLiteral("/.restore_pending");
}

QString DataFolder::stagingPathForMarker() const
{
    return QDir(serverWorkingDir()).relativeFilePath(stagingDir());
}

QString DataFolder::filesBeforeRestoreDir() const
{
    return QFileInfo(m_filesDir).absolutePath() + QStringLiteral("/files_before_restore");
}

QString DataFolder::lockPath() const
{
    return m_backupsDir + QStringLiteral("/.fastcms-backup.lock");
}

QString DataFolder::applyJournalPath() const
{
    return m_backupsDir + QStringLiteral("/.fastcms-backup-apply.json");
}

QString DataFolder::applyMarkerCustodyPath() const
{
    return m_backupsDir + QStringLiteral("/.fastcms-backup-apply-marker");
}

QString DataFolder::backupPath(const QString& fileName) const
{
    return m_backupsDir + QLatin1Char('/') + fileName;
}

} // namespace fcb
