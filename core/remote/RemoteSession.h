#pragma once

#include "Error.h"
#include "TaskContext.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

#include <QNetworkAccessManager>

namespace fcb {

struct RemoteOptions
{
    QUrl server; // http(s)://host[:port], where FastCMS serves /api/v1
    int transferTimeoutMs = 30000; // no bytes for this long: the request fails
    // An API call (not a download) has its whole answer within this, however it trickles in:
    // Qt's transfer timeout starts again with every byte, so it alone bounds nothing.
    int requestDeadlineMs = 30000;
    int maxRateLimitRetries = 3; // 429s honoured (waiting Retry-After) before giving up
    int maxRetryAfterSeconds = 60;
    QString stateFile; // where staged restores are remembered per server
    // Free bytes where a download is written; empty: the file system's own count.
    std::function<qint64(const QString& folder)> freeSpace;
};

// How to sign in. Secrets live only in memory and in the requests' headers.
struct Credentials
{
    enum class Kind
    {
        None,
        AccessToken,
        ApiKey,
        Password
    };
    Kind kind = Kind::None;
    QString accessToken;
    QString refreshToken;
    QString apiKey;
    QString email;
    QString password;
    QString twoFactorCode;
};

struct SignInResult
{
    bool requiresTwoFactor = false; // ask for the code and sign in again with it
    QString email;
    QString role;
};

struct ApiResponse
{
    int status = 0;
    QByteArray body;
    // Parsed on demand: responses are copied through callbacks, their text is what they carry.
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    bool apiKeyUsed = false;
    QByteArray header(const QByteArray& name) const;
    QList<QPair<QByteArray, QByteArray>> headers;
};

// The connection to one FastCMS server: address, network access, credentials and the tokens
// they turn into. Refresh tokens rotate: tokensChanged() hands out the new pair to whoever keeps
// them. Lives on the thread of its QNetworkAccessManager.
class RemoteSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteSession)

public:
    RemoteSession(QNetworkAccessManager* network, RemoteOptions options, Credentials credentials,
        QObject* parent = nullptr);

    QNetworkAccessManager* network() const { return m_network; }
    const RemoteOptions& options() const { return m_options; }
    QUrl apiUrl(const QString& path, const QList<QPair<QString, QString>>& query = {}) const;
    QUrl rootUrl(const QString& path) const;
    // Plain http:// to a host that is not this machine: credentials cross the network unencrypted.
    bool insecure() const;
    bool hasCredentials() const { return m_credentials.kind != Credentials::Kind::None; }
    bool usesApiKey() const { return m_credentials.kind == Credentials::Kind::ApiKey; }
    bool canRefresh() const { return !m_credentials.refreshToken.isEmpty(); }
    // A refused token can be renewed: with a refresh token, or by signing in again.
    bool canRenew() const { return canRefresh() || m_credentials.kind == Credentials::Kind::Password; }
    bool needsSignIn() const;
    // The request carries this session's credentials; redirects to another origin are not
    // followed, so they never travel elsewhere.
    QNetworkRequest request(const QUrl& url, bool authorized) const;

    // An explicit sign-in (the login command, the sign-in dialog).
    void signIn(std::shared_ptr<CancelToken> cancel, std::function<void(Result<SignInResult>)> done);
    // Sign-in on behalf of requests: concurrent callers share one sign-in, which runs on the
    // session's own cancel token, so cancelling one request cancels nobody else's.
    void ensureSignedIn(std::function<void(Result<SignInResult>)> done);
    // Renews the access token once for all waiting callers. Tokens are dropped only when the
    // server refuses the refresh token itself, never on a network error or a busy server.
    void refresh(std::function<void(Result<void>)> done);
    void setTwoFactorCode(const QString& code) { m_credentials.twoFactorCode = code; }
    QString accessToken() const { return m_credentials.accessToken; }
    QString refreshToken() const { return m_credentials.refreshToken; }

Q_SIGNALS:
    void tokensChanged(const QString& accessToken, const QString& refreshToken);
    void warning(const QString& message);

private:
    QPointer<QNetworkAccessManager> m_network;
    RemoteOptions m_options;
    Credentials m_credentials;
    QList<std::function<void(Result<void>)>> m_refreshWaiters;
    QList<std::function<void(Result<SignInResult>)>> m_signInWaiters;
    std::shared_ptr<CancelToken> m_ownToken = std::make_shared<CancelToken>();
};

} // namespace fcb
