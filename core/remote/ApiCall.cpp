#include "ApiCall.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>

// Translation context for this file's messages (lupdate reads the class name).
class FcbApiCallText
{
    Q_DECLARE_TR_FUNCTIONS(FcbApiCallText)
};

namespace fcb {

ApiCall::ApiCall(RemoteSession* session, Spec spec, std::shared_ptr<CancelToken> cancel, Done done,
                 std::function<void(const QString&)> onStatusText)
    : QObject(session)
    , m_session(session)
    , m_spec(std::move(spec))
    , m_cancel(cancel ? std::move(cancel) : std::make_shared<CancelToken>())
    , m_done(std::move(done))
    , m_statusText(std::move(onStatusText))
{
    m_watchdog.setInterval(100);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        // The deadline counts time spent waiting for this server's answer, not time spent in a
        // Retry-After pause or waiting for the session to sign in or refresh.
        const bool late = !m_paused && m_elapsed.isValid() && m_elapsed.elapsed() > m_session->options().requestDeadlineMs;
        if (m_cancel->isCanceled() || late) {
            if (m_reply) {
                m_reply->setProperty("fcbTimedOut", late && !m_cancel->isCanceled());
                m_reply->abort();
            } else {
                finish(m_cancel->isCanceled()
                           ? fail(ErrorCode::Cancelled, FcbApiCallText::tr("Cancelled."))
                           : fail(ErrorCode::Network, FcbApiCallText::tr("The server did not answer in time.")));
            }
        }
    });
}

void ApiCall::start()
{
    m_elapsed.start();
    m_watchdog.start();
    send();
}

void ApiCall::send()
{
    if (m_finished)
        return;
    if (m_cancel->isCanceled()) {
        finish(fail(ErrorCode::Cancelled, FcbApiCallText::tr("Cancelled.")));
        return;
    }
    if (m_spec.authorized && m_session->needsSignIn()) {
        m_paused = true;
        QPointer<ApiCall> self(this);
        m_session->ensureSignedIn([self](Result<SignInResult> signedIn) {
            if (!self || self->m_finished)
                return; // cancelled meanwhile
            self->m_paused = false;
            self->m_elapsed.restart();
            if (!signedIn)
                self->finish(fail(signedIn.error()));
            else if (signedIn->requiresTwoFactor)
                self->finish(fail(ErrorCode::Unauthorized, FcbApiCallText::tr("This account needs a two-factor code to sign in.")));
            else
                self->send();
        });
        return;
    }
    m_sentToken = m_session->accessToken();
    const QUrl url = m_spec.rootPath ? m_session->rootUrl(m_spec.path) : m_session->apiUrl(m_spec.path, m_spec.query);
    QNetworkRequest request = m_session->request(url, m_spec.authorized);
    if (!m_spec.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    qCDebug(lcRemote) << m_spec.method << url.path();
    m_reply = m_session->network()->sendCustomRequest(request, m_spec.method, m_spec.body);
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onFinished);
}

void ApiCall::onFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    if (m_cancel->isCanceled()) {
        finish(fail(ErrorCode::Cancelled, FcbApiCallText::tr("Cancelled.")));
        return;
    }
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid() || reply->error() == QNetworkReply::RemoteHostClosedError
        || reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError) {
        // Aborts come from a cancel (handled above), the deadline, or Qt's transfer timeout.
        finish(fail(networkError(reply, reply->error() == QNetworkReply::OperationCanceledError
                                            || reply->property("fcbTimedOut").toBool())));
        return;
    }
    ApiResponse response;
    response.status = statusAttribute.toInt();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    response.apiKeyUsed = m_spec.authorized && m_session->usesApiKey();
    qCDebug(lcRemote) << m_spec.method << m_spec.path << "->" << response.status;

    if (response.status >= 300 && response.status < 400) {
        const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        finish(fail(ErrorCode::Network,
                    FcbApiCallText::tr("The server redirected the request to another address (%1). It was not "
                                       "followed, so that your credentials stay with this server.")
                        .arg(reply->url().resolved(target).toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery))));
        return;
    }
    if (response.status == 401 && m_spec.authorized && !m_refreshed
        && !serverDetail(response).contains(QStringLiteral("Admin access required")) && m_session->canRenew()) {
        m_refreshed = true;
        if (m_session->accessToken() != m_sentToken) {
            send(); // another request renewed the token meanwhile
            return;
        }
        m_paused = true;
        QPointer<ApiCall> self(this);
        m_session->refresh([self](Result<void> refreshed) {
            if (!self || self->m_finished)
                return;
            self->m_paused = false;
            self->m_elapsed.restart();
            if (!refreshed)
                self->finish(fail(refreshed.error()));
            else
                self->send();
        });
        return;
    }
    if (response.status == 429 && m_rateLimitRetries < m_session->options().maxRateLimitRetries) {
        ++m_rateLimitRetries;
        bool numeric = false;
        int wait = response.header("Retry-After").toInt(&numeric);
        if (!numeric || wait < 1)
            wait = 1;
        wait = qMin(wait, m_session->options().maxRetryAfterSeconds);
        if (m_statusText)
            m_statusText(FcbApiCallText::tr("Too many requests: retrying in %n s", nullptr, wait));
        m_paused = true; // the wait is the server's wish, not a slow answer
        QTimer::singleShot(wait * 1000, this, [this] {
            m_paused = false;
            m_elapsed.restart();
            send();
        });
        return;
    }
    finish(response);
}

void ApiCall::finish(Result<ApiResponse> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_watchdog.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_done)
        m_done(std::move(result));
    deleteLater();
}

QString ApiCall::serverDetail(const ApiResponse& response)
{
    const QJsonObject object = response.json().object();
    QString text;
    const QJsonValue detail = object.value(QStringLiteral("detail"));
    if (detail.isString())
        text = detail.toString();
    else if (detail.isArray() && !detail.toArray().isEmpty())
        text = detail.toArray().first().toObject().value(QStringLiteral("msg")).toString();
    if (text.isEmpty())
        text = object.value(QStringLiteral("error")).toString();
    if (text.isEmpty())
        text = object.value(QStringLiteral("message")).toString();
    text = text.simplified();
    if (text.size() > 300)
        text = text.left(300) + QStringLiteral("…");
    return text;
}

Error ApiCall::errorFor(const ApiResponse& response)
{
    const QString detail = serverDetail(response);
    const int status = response.status;
    if (status == 401 || status == 403) {
        if (response.apiKeyUsed)
            return Error::make(ErrorCode::Unauthorized, FcbApiCallText::tr("The API key was refused (unknown, revoked or "
                                                                           "not an administrator's)."),
                               detail);
        if (detail.contains(QStringLiteral("Admin access required")))
            return Error::make(ErrorCode::Unauthorized, FcbApiCallText::tr("This account is not an administrator."), detail);
        return Error::make(ErrorCode::Unauthorized,
                           FcbApiCallText::tr("Not signed in, or the session has expired. Sign in again."), detail);
    }
    if (status == 404)
        return Error::make(ErrorCode::NotFound, FcbApiCallText::tr("Not found on the server: %1").arg(detail), detail);
    if (status == 429)
        return Error::make(ErrorCode::Network,
                           FcbApiCallText::tr("Too many requests: the server's rate limit is still exceeded. Try again later."),
                           detail);
    if (status >= 500)
        return Error::make(ErrorCode::Network, FcbApiCallText::tr("Server error: %1").arg(detail.isEmpty() ? QString::number(status) : detail),
                           QStringLiteral("HTTP %1").arg(status));
    if (status >= 200 && status < 300 && response.json().isNull())
        return Error::make(ErrorCode::Network,
                           FcbApiCallText::tr("The server's answer is not JSON. Is this the address of a FastCMS server?"),
                           QString::fromUtf8(response.body.left(120)));
    return Error::make(ErrorCode::Network, FcbApiCallText::tr("Unexpected answer from the server (HTTP %1): %2").arg(status).arg(detail),
                       detail);
}

Error networkError(QNetworkReply* reply, bool timedOut)
{
    const QUrl url = reply->url();
    const QString where = url.host() + (url.port() > 0 ? QLatin1Char(':') + QString::number(url.port()) : QString());
    const QString detail = reply->errorString();
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return Error::make(ErrorCode::Network, FcbApiCallText::tr("Could not connect to %1: connection refused.").arg(where), detail);
    case QNetworkReply::HostNotFoundError:
        return Error::make(ErrorCode::Network, FcbApiCallText::tr("The server %1 was not found.").arg(url.host()), detail);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return Error::make(ErrorCode::Network,
                           timedOut || reply->error() == QNetworkReply::TimeoutError
                               ? FcbApiCallText::tr("The server %1 did not answer in time.").arg(where)
                               : FcbApiCallText::tr("The request to %1 was aborted.").arg(where),
                           detail);
    case QNetworkReply::RemoteHostClosedError:
        return Error::make(ErrorCode::Network,
                           FcbApiCallText::tr("The server %1 closed the connection in the middle of its answer.").arg(where), detail);
    case QNetworkReply::SslHandshakeFailedError:
        return Error::make(ErrorCode::Network,
                           FcbApiCallText::tr("The secure connection to %1 failed its TLS checks (%2). It was not used.")
                               .arg(where, detail),
                           detail);
    default:
        break;
    }
    if (reply->error() != QNetworkReply::NoError && detail.contains(QStringLiteral("SSL"), Qt::CaseInsensitive))
        return Error::make(ErrorCode::Network,
                           FcbApiCallText::tr("The secure connection to %1 failed its TLS checks (%2). It was not used.")
                               .arg(where, detail),
                           detail);
    return Error::make(ErrorCode::Network, FcbApiCallText::tr("The connection to %1 failed: %2").arg(where, detail), detail);
}

} // namespace fcb
