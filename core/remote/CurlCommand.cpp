#include "CurlCommand.h"

#include "schedule/Schedule.h"

#include <QFileInfo>

namespace fcb::curl {

QString command(Action action, const QUrl& server, const QString& backup, Auth auth)
{
    QUrl url = server;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setQuery(QString());
    url.setFragment(QString());
    url.setUserInfo(QString());
    const QString id = QFileInfo(backup).fileName().chopped(backup.endsWith(QStringLiteral(".zip")) ? 4 : 0);
    const QString encodedId = QString::fromLatin1(QUrl::toPercentEncoding(id));
    // A download must not write an error page into the file it resumes later.
    QStringList parts { QStringLiteral("curl"),
        action == Action::Download ? QStringLiteral("--fail") : QStringLiteral("--fail-with-body"),
        QStringLiteral("-sS") };
    parts << QStringLiteral("-H")
          << (auth == Auth::Token ? QStringLiteral("\"Authorization: Bearer $FASTCMS_TOKEN\"")
                                  : QStringLiteral("\"X-API-Key: $FASTCMS_API_KEY\""));
    QString path;
    switch (action) {
    case Action::List:
        path = QStringLiteral("/api/v1/backups");
        url.setQuery(QStringLiteral("page=1&per_page=20"));
        break;
    case Action::Create:
        parts << QStringLiteral("-X") << QStringLiteral("POST");
        path = QStringLiteral("/api/v1/backups");
        break;
    case Action::Restore:
        parts << QStringLiteral("-X") << QStringLiteral("POST");
        path = QStringLiteral("/api/v1/backups/") + encodedId + QStringLiteral("/restore");
        break;
    case Action::Delete:
        parts << QStringLiteral("-X") << QStringLiteral("DELETE");
        path = QStringLiteral("/api/v1/backups/") + encodedId;
        break;
    case Action::Download:
        // Resumes a partial file, like the console's own downloads.
        parts << QStringLiteral("-C") << QStringLiteral("-") << QStringLiteral("-o")
              << schedule::shellQuote(id + QStringLiteral(".zip"));
        path = QStringLiteral("/api/v1/backups/") + encodedId + QStringLiteral("/download");
        break;
    case Action::Upload:
        parts << QStringLiteral("-F") << schedule::shellQuote(QStringLiteral("file=@") + backup);
        path = QStringLiteral("/api/v1/backups/upload");
        break;
    }
    url.setPath(base + path, QUrl::TolerantMode);
    parts << schedule::shellQuote(url.toString(QUrl::FullyEncoded));
    return parts.join(QLatin1Char(' '));
}

} // namespace fcb::curl
