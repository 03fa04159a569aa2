#pragma once

#include "Error.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace fcb {

// What this machine remembers about servers between runs: the restore staged on each (the
// server has no route that tells). No secrets. A small JSON file written atomically.
class RemoteStateStore
{
public:
    struct Pending
    {
        QString backupFilename;
        QString requestedAt;
    };

    explicit RemoteStateStore(QString path);
    static QString defaultPath();

    std::optional<Pending> pending(const QUrl& server) const;
    Result<void> setPending(const QUrl& server, const Pending& pending);
    Result<void> forget(const QUrl& server);

private:
    static QString key(const QUrl& server);
    QString m_path;
};

} // namespace fcb
