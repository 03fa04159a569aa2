#include "RemoteStateStore.h"

#include "FileUtil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace fcb {

RemoteStateStore::RemoteStateStore(QString path)
    : m_path(std::move(path))
{ }

QString RemoteStateStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/fastcms-backup/servers.json");
}

QString RemoteStateStore::key(const QUrl& server)
{
    // One server, however its address is written: scheme, host and port, path without a
    // trailing slash.
    QUrl url = server.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
        | QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const int port = url.port(url.scheme() == QStringLiteral("https") ? 443 : 80);
    return url.scheme().toLower() + QStringLiteral("://") + url.host().toLower() + QLatin1Char(':')
        + QString::number(port) + path;
}

static QJsonObject load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

std::optional<RemoteStateStore::Pending> RemoteStateStore::pending(const QUrl& server) const
{
    const QJsonObject entry
        = load(m_path).value(key(server)).toObject().value(QStringLiteral("pending_restore")).toObject();
    if (entry.isEmpty())
        return std::nullopt;
    return Pending { entry.value(QStringLiteral("backup_filename")).toString(),
        entry.value(QStringLiteral("requested_at")).toString() };
}

Result<void> RemoteStateStore::setPending(const QUrl& server, const Pending& pending)
{
    QJsonObject all = load(m_path);
    QJsonObject entry = all.value(key(server)).toObject();
    entry.insert(QStringLiteral("pending_restore"),
        QJsonObject { { QStringLiteral("backup_filename"), pending.backupFilename },
            { QStringLiteral("requested_at"), pending.requestedAt } });
    all.insert(key(server), entry);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    return files::writeAtomically(m_path, QJsonDocument(all).toJson());
}

Result<void> RemoteStateStore::forget(const QUrl& server)
{
    QJsonObject all = load(m_path);
    QJsonObject entry = all.value(key(server)).toObject();
    entry.remove(QStringLiteral("pending_restore"));
    all.insert(key(server), entry);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    return files::writeAtomically(m_path, QJsonDocument(all).toJson());
}

} // namespace fcb
