#pragma once

#include "Error.h"

#include <QByteArray>
#include <QString>

namespace fcb {

// data/backups/.restore_pending, exactly as FastCMS writes and reads it (contract §3).
struct RestoreMarker
{
    QString backupFilename;
    QString requestedAt;
    QString stagingPath; // relative to the server's working directory

    QByteArray toJson() const;
    static Result<RestoreMarker> read(const QString& path);
    // The marker's text as read() takes it; fails (Conflict) without a backup file name.
    static Result<RestoreMarker> fromJson(const QByteArray& json);
};

} // namespace fcb
