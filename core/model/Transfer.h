#pragma once

#include "Error.h"
#include "model/Reports.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fcb {

// A backup copied out of a backend (a server's download, a local copy), verified on arrival.
struct DownloadResult
{
    QString path;
    qint64 bytes = 0;
    bool resumed = false;
    std::optional<VerifyReport> report; // verified after it arrived
};

// Backups copied off-site: each one copied, already there, or failed on its own.
struct OffsitePushResult
{
    QStringList copied;
    QStringList alreadyThere;
    QList<Error> failed; // one per backup that could not be copied; the others still were
};

} // namespace fcb
