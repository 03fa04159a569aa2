#include "RemoteSession.h"

#include "Logging.h"
#include "remote/ApiCall.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrlQuery>

// Translation context for this file's messages (lupdate reads the class name).
class FcbRemoteSessionText
{
    Q_DECLARE_TR_FUNCTIONS(FcbRemoteSessionText)
};

namespace fcb {

QByteArray ApiResponse::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

RemoteSession::RemoteSession(
    QNetworkAccessManager* network, RemoteOptions options, Credentials credentials, QObject* parent)
    : QObject(parent)
    , m_network(network)
    , m_options(std::move(options))
    , m_credentials(std::move(credentials))
{ }

QUrl RemoteSession::rootUrl(const QString& path) const
{
    QUrl url = m_options.server;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QUrl RemoteSession::apiUrl(const QString& path, const QList<QPair<QString, QString>>& query) const
{
    QUrl url = rootUrl(QStringLiteral("/api/v1") + path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        q.setQueryItems(query);
        url.setQuery(q);
    }
    return url;
}

bool RemoteSession::insecure() const
{
    if (m_options.server.scheme() != QStringLiteral("http"))
        return false;
    const QString host = m_options.server.host();
    if (host == QStringLiteral("localhost"))
        return false;
    const QHostAddress address(host);
    return address.isNull() || !address.isLoopback();
}

bool RemoteSession::needsSignIn() const
{
    return m_credentials.kind == Credentials::Kind::Password && m_credentials.accessToken.isEmpty();
}

QNetworkRequest RemoteSession::request(const QUrl& url, bool authorized) const
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setTransferTimeout(m_options.transferTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("fastcms-backup/" FCB_VERSION));
    request.setRawHeader("Accept", "application/json");
    if (!authorized)
        return request;
    if (m_credentials.kind == Credentials::Kind::ApiKey)
        request.setRawHeader("X-API-Key", m_credentials.apiKey.toUtf8());
    else if (!m_credentials.accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_credentials.accessToken.toUtf8());
    return request;
}

void RemoteSession::signIn(
    std::shared_ptr<CancelToken> cancel, std::function<void(Result<SignInResult>)> done)
{
    if (m_credentials.kind != Credentials::Kind::Password) {
        done(SignInResult { false, QString(), QString() });
        return;
    }
    // A server that was never set up has no accounts yet: say so instead of "wrong password".
    ApiCall::Spec check;
    check.path = QStringLiteral("/setup/check");
    check.authorized = false;
    check.what = FcbRemoteSessionText::tr("the setup check");
    auto* call = new ApiCall(this, check, cancel, [this, cancel, done](Result<ApiResponse> answer) {
        if (answer && answer->status == 200
            && answer->json().object().value(QStringLiteral("needs_setup")).toBool()) {
            done(fail(ErrorCode::Unauthorized,
                FcbRemoteSessionText::tr(
                    "This FastCMS server has not been set up yet: open its admin page and "
                    "create the first administrator, then sign in.")));
            return;
        }
        QJsonObject body { { QStringLiteral("email"), m_credentials.email },
            { QStringLiteral("password"), m_credentials.password } };
        if (!m_credentials.twoFactorCode.isEmpty())
            body.insert(QStringLiteral("two_factor_code"), m_credentials.twoFactorCode);
        ApiCall::Spec login;
        login.method = "POST";
        login.path = QStringLiteral("/auth/login");
        login.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        login.authorized = false;
        login.what = FcbRemoteSessionText::tr("the sign-in");
        auto* call = new ApiCall(this, login, cancel, [this, done](Result<ApiResponse> reply) {
            if (!reply) {
                done(fail(reply.error()));
                return;
            }
            const QJsonObject object = reply->json().object();
            if (reply->status == 401) {
                done(fail(ErrorCode::Unauthorized,
                    m_credentials.twoFactorCode.isEmpty()
                        ? FcbRemoteSessionText::tr("Sign-in failed: wrong email or password.")
                        : FcbRemoteSessionText::tr(
                            "Sign-in failed: wrong email, password or two-factor code."),
                    ApiCall::serverDetail(*reply)));
                return;
            }
            if (reply->status != 200 || !object.contains(QStringLiteral("token"))) {
                done(fail(ApiCall::errorFor(*reply)));
                return;
            }
            SignInResult result;
            const QJsonObject user = object.value(QStringLiteral("user")).toObject();
            // Shown as the server wrote them, so made printable first.
            result.email = ApiCall::printable(user.value(QStringLiteral("email")).toString(), 200);
            result.role = ApiCall::printable(user.value(QStringLiteral("role")).toString(), 40);
            if (object.value(QStringLiteral("requires_2fa")).toBool()) {
                if (!m_credentials.twoFactorCode.isEmpty()) {
                    done(fail(ErrorCode::Unauthorized,
                        FcbRemoteSessionText::tr("Sign-in failed: the two-factor code was not accepted.")));
                    return;
                }
                result.requiresTwoFactor = true;
                done(result);
                return;
            }
            if (!result.role.isEmpty() && result.role != QStringLiteral("admin")) {
                done(fail(ErrorCode::Unauthorized,
                    FcbRemoteSessionText::tr("This account is not an administrator.")));
                return;
            }
            const QJsonObject token = object.value(QStringLiteral("token")).toObject();
            m_credentials.accessToken = token.value(QStringLiteral("access_token")).toString();
            m_credentials.refreshToken = token.value(QStringLiteral("refresh_token")).toString();
            if (m_credentials.accessToken.isEmpty()) {
                done(fail(ErrorCode::Network,
                    FcbRemoteSessionText::tr("The server accepted the sign-in but sent no token.")));
                return;
            }
            qCInfo(lcRemote) << "signed in to" << m_options.server.host() << "as a" << result.role;
            Q_EMIT tokensChanged(m_credentials.accessToken, m_credentials.refreshToken);
            done(result);
        });
        call->start();
    });
    call->start();
}

void RemoteSession::ensureSignedIn(std::function<void(Result<SignInResult>)> done)
{
    m_signInWaiters.append(std::move(done));
    if (m_signInWaiters.size() > 1)
        return;
    signIn(m_ownToken, [this](Result<SignInResult> result) {
        const auto waiters = std::exchange(m_signInWaiters, {});
        for (const auto& waiter : waiters)
            waiter(result);
    });
}

void RemoteSession::refresh(std::function<void(Result<void>)> done)
{
    m_refreshWaiters.append(std::move(done));
    if (m_refreshWaiters.size() > 1)
        return; // one refresh at a time: the refresh token is good for one use only
    const auto settle = [this](Result<void> result) {
        const auto waiters = std::exchange(m_refreshWaiters, {});
        for (const auto& waiter : waiters)
            waiter(result);
    };
    const auto signInAgain = [this, settle] {
        m_credentials.accessToken.clear();
        ensureSignedIn([settle](Result<SignInResult> r) {
            if (r && r->requiresTwoFactor)
                settle(fail(ErrorCode::Unauthorized,
                    FcbRemoteSessionText::tr("This account needs a two-factor code to sign in.")));
            else
                settle(r ? ok() : fail(r.error()));
        });
    };
    if (m_credentials.refreshToken.isEmpty()) {
        if (m_credentials.kind == Credentials::Kind::Password) {
            signInAgain();
            return;
        }
        settle(fail(ErrorCode::Unauthorized,
            FcbRemoteSessionText::tr("The access token was refused (expired or revoked). Sign in again.")));
        return;
    }
    ApiCall::Spec spec;
    spec.method = "POST";
    spec.path = QStringLiteral("/auth/refresh");
    spec.body = QJsonDocument(QJsonObject { { QStringLiteral("refresh_token"), m_credentials.refreshToken } })
                    .toJson(QJsonDocument::Compact);
    spec.authorized = false;
    spec.what = FcbRemoteSessionText::tr("the session's renewal");
    auto* call = new ApiCall(this, spec, m_ownToken, [this, settle, signInAgain](Result<ApiResponse> reply) {
        if (!reply) {
            settle(fail(reply.error())); // a network problem: the tokens may still be good
            return;
        }
        if (reply->status == 200) {
            const QJsonObject object = reply->json().object();
            // Both shapes: the pair at the top level, or inside "token".
            const QJsonObject token = object.contains(QStringLiteral("token"))
                ? object.value(QStringLiteral("token")).toObject()
                : object;
            const QString access = token.value(QStringLiteral("access_token")).toString();
            if (!access.isEmpty()) {
                m_credentials.accessToken = access;
                const QString rotated = token.value(QStringLiteral("refresh_token")).toString();
                if (!rotated.isEmpty())
                    m_credentials.refreshToken = rotated;
                qCInfo(lcRemote) << "access token refreshed";
                Q_EMIT tokensChanged(m_credentials.accessToken, m_credentials.refreshToken);
                settle(ok());
                return;
            }
        }
        if (reply->status == 401 || reply->status == 400 || reply->status == 403) {
            // The refresh token itself was refused: these tokens are finished.
            m_credentials.refreshToken.clear();
            m_credentials.accessToken.clear();
            if (m_credentials.kind == Credentials::Kind::Password) {
                signInAgain();
                return;
            }
            settle(fail(ErrorCode::Unauthorized,
                FcbRemoteSessionText::tr(
                    "The session has expired and could not be renewed. Sign in again.")));
            return;
        }
        settle(fail(ApiCall::errorFor(*reply)));
    });
    call->start();
}

} // namespace fcb
