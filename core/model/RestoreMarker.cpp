#include "RestoreMarker.h"

#include "PyJson.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace fcb {

QByteArray RestoreMarker::toJson() const
{
    return pyjson::dump({
        { QStringLiteral("backup_filename"), backupFilename },
        { QStringLiteral("requested_at"), requestedAt },
        { QStringLiteral("staging_path"), stagingPath },
    });
}

Result<RestoreMarker> RestoreMarker::read(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return fail(
            ErrorCode::NotFound, QCoreApplication::translate("fcb::RestoreMarker", "No restore is staged."));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
            QCoreApplication::translate("fcb::RestoreMarker", "Could not read the restore marker."),
            file.errorString());
    auto marker = fromJson(file.read(1 << 20));
    if (!marker) {
        Error error = marker.error();
        error.detail = path;
        return fail(error);
    }
    return marker;
}

Result<RestoreMarker> RestoreMarker::fromJson(const QByteArray& json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    RestoreMarker marker;
    marker.backupFilename = object.value(QStringLiteral("backup_filename")).toString();
    marker.requestedAt = object.value(QStringLiteral("requested_at")).toString();
    marker.stagingPath = object.value(QStringLiteral("staging_path")).toString();
    if (marker.backupFilename.isEmpty())
        return fail(ErrorCode::Conflict,
            QCoreApplication::translate("fcb::RestoreMarker", "The restore marker is unreadable."));
    return marker;
}

} // namespace fcb
