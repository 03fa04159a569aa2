#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "remote/RemoteSession.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace fcb {

// How much of an answer is read before it is dropped as hostile or broken, per route.
namespace bodyLimit {
// Sign-in, refresh, setup check, create, stage, delete, and every error body: a few hundred bytes
// from a real server.
constexpr qint64 small = qint64(1) << 20;
// A page of at most 1000 entries, each allowed 8 KiB (long names written as JSON escapes).
constexpr qint64 listPage = qint64(8) << 20;
// /openapi.json, which describes every route the server has, plugins' included.
constexpr qint64 routes = qint64(8) << 20;
} // namespace bodyLimit
// How far Qt reads ahead of what a reply's reader has taken.
constexpr qint64 readAhead = qint64(1) << 20;

// One REST call: sends it with the session's credentials, signs in or refreshes the token when
// needed (once), honours 429 Retry-After, times out, can be cancelled, and finishes exactly
// once with the response or a translated error. Deletes itself after finishing.
class ApiCall : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCall)

public:
    struct Spec
    {
        QByteArray method = "GET";
        QString path; // below /api/v1, e.g. "/backups"
        QList<QPair<QString, QString>> query;
        QByteArray body;
        bool authorized = true;
        bool rootPath = false; // path is below the server root (e.g. /openapi.json)
        qint64 maxBodyBytes = bodyLimit::small;
        QString what; // the answer in words, for errors ("the list of backups"); default: the route
    };
    using Done = std::function<void(Result<ApiResponse>)>;

    ApiCall(RemoteSession* session, Spec spec, std::shared_ptr<CancelToken> cancel, Done done,
        std::function<void(const QString&)> onStatusText = {});
    void start();

    // The error for a response a route does not expect: 401, 429 after retries, 5xx, garbage.
    static Error errorFor(const ApiResponse& response);
    // The server's own words, from {"detail"} or {"error","message"}, trimmed to something sane.
    static QString serverDetail(const ApiResponse& response);
    // Text from a server made safe to show on a terminal or in a widget: control and invisible
    // formatting characters (escape sequences, bidirectional overrides) written as escapes
    // (ESC becomes the six characters \u001b), and at most maxChars characters.
    static QString printable(QStringView text, qsizetype maxChars);
    // Whether text holds anything printable() would escape, or broken UTF-16.
    static bool hasUnprintable(QStringView text);

private:
    void send();
    void onMetaData();
    void onReadyRead();
    void dropOversized();
    void onFinished();
    // After a 401: sends again with a renewed token (once).
    void renewAndSend();
    // After a 429: sends again once the server's Retry-After (within bounds) has passed.
    void sendAfterRetryAfter(const ApiResponse& response);
    void finish(Result<ApiResponse> result);

    QPointer<RemoteSession> m_session;
    Spec m_spec;
    std::shared_ptr<CancelToken> m_cancel;
    Done m_done;
    std::function<void(const QString&)> m_statusText;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    bool m_oversized = false;
    QTimer m_watchdog;
    QElapsedTimer m_elapsed;
    int m_rateLimitRetries = 0;
    bool m_refreshed = false;
    bool m_finished = false;
    bool m_paused = false;
    QString m_sentToken;
};

// A network failure of a reply (no HTTP answer) in words a user can act on.
Error networkError(QNetworkReply* reply, bool timedOut);

} // namespace fcb
