#include "ApiCall.h"

#include "FileUtil.h"
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
        const bool late = !m_paused && m_elapsed.isValid()
            && m_elapsed.elapsed() > m_session->options().requestDeadlineMs;
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
                self->finish(fail(ErrorCode::Unauthorized,
                    FcbApiCallText::tr("This account needs a two-factor code to sign in.")));
            else
                self->send();
        });
        return;
    }
    m_sentToken = m_session->accessToken();
    const QUrl url
        = m_spec.rootPath ? m_session->rootUrl(m_spec.path) : m_session->apiUrl(m_spec.path, m_spec.query);
    QNetworkRequest request = m_session->request(url, m_spec.authorized);
    if (!m_spec.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    qCDebug(lcRemote) << m_spec.method << url.path();
    m_body.clear();
    m_oversized = false;
    m_reply = m_session->network()->sendCustomRequest(request, m_spec.method, m_spec.body);
    // Without a read buffer limit, Qt's network thread reads on however fast the server sends
    // and queues it all for this thread: the body limit would be checked too late. Qt tells
    // that thread the size only when it changes, and sendCustomRequest() hands the request over
    // on the next turn of the event loop: a size set now would reach nobody, so it is set
    // once the request is there.
    QMetaObject::invokeMethod(
        m_reply,
        [reply = m_reply] {
            if (reply)
                reply->setReadBufferSize(readAhead);
        },
        Qt::QueuedConnection);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ApiCall::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &ApiCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onFinished);
}

void ApiCall::onMetaData()
{
    if (!m_reply)
        return;
    // Again for the request a followed redirect starts afresh.
    m_reply->setReadBufferSize(readAhead);
    // A declared length over the limit is refused before a byte of it is read.
    bool known = false;
    const qint64 declared = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
    if (known && declared > m_spec.maxBodyBytes)
        dropOversized();
}

void ApiCall::onReadyRead()
{
    if (!m_reply)
        return;
    // Read as it arrives, never more than one byte past the limit: an endless body costs no
    // more memory than the limit.
    m_body += m_reply->read(m_spec.maxBodyBytes + 1 - m_body.size());
    if (m_body.size() > m_spec.maxBodyBytes)
        dropOversized();
}

void ApiCall::dropOversized()
{
    m_oversized = true;
    m_body.clear();
    m_reply->abort(); // finishes the reply, and onFinished reports why
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
    if (!m_oversized && reply->isOpen()) {
        m_body += reply->read(m_spec.maxBodyBytes + 1 - m_body.size());
        m_oversized = m_body.size() > m_spec.maxBodyBytes;
    }
    if (m_oversized) {
        const QString what = !m_spec.what.isEmpty()
            ? m_spec.what
            : QString::fromLatin1(m_spec.method) + QLatin1Char(' ') + m_spec.path;
        finish(fail(ErrorCode::Network,
            FcbApiCallText::tr("The server sent more than %1 for %2; the answer was dropped.")
                .arg(files::humanSize(m_spec.maxBodyBytes), what),
            QStringLiteral("%1 %2: body over %3 bytes")
                .arg(QString::fromLatin1(m_spec.method), m_spec.path)
                .arg(m_spec.maxBodyBytes)));
        return;
    }
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid() || reply->error() == QNetworkReply::RemoteHostClosedError
        || reply->error() == QNetworkReply::OperationCanceledError
        || reply->error() == QNetworkReply::TimeoutError) {
        // Aborts come from a cancel (handled above), the deadline, or Qt's transfer timeout.
        finish(fail(networkError(reply,
            reply->error() == QNetworkReply::OperationCanceledError
                || reply->property("fcbTimedOut").toBool())));
        return;
    }
    ApiResponse response;
    response.status = statusAttribute.toInt();
    response.body = std::exchange(m_body, {});
    response.headers = reply->rawHeaderPairs();
    response.apiKeyUsed = m_spec.authorized && m_session->usesApiKey();
    qCDebug(lcRemote) << m_spec.method << m_spec.path << "->" << response.status;

    if (response.status >= 300 && response.status < 400) {
        const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        finish(fail(ErrorCode::Network,
            FcbApiCallText::tr("The server redirected the request to another address (%1). It was not "
                               "followed, so that your credentials stay with this server.")
                .arg(reply->url().resolved(target).toDisplayString(
                    QUrl::RemoveUserInfo | QUrl::RemoveQuery))));
        return;
    }
    if (response.status == 401 && m_spec.authorized && !m_refreshed
        && !serverDetail(response).contains(QStringLiteral("Admin access required"))
        && m_session->canRenew()) {
        renewAndSend();
        return;
    }
    if (response.status == 429 && m_rateLimitRetries < m_session->options().maxRateLimitRetries) {
        sendAfterRetryAfter(response);
        return;
    }
    finish(response);
}

void ApiCall::renewAndSend()
{
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
}

void ApiCall::sendAfterRetryAfter(const ApiResponse& response)
{
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
    return printable(text.simplified(), 300);
}

namespace {

// The code point of text at i (a surrogate pair as one, leaving i on its second half); broken
// for a lone surrogate.
char32_t codePointAt(QStringView text, qsizetype& i, bool* broken)
{
    const char16_t unit = text[i].unicode();
    *broken = false;
    if (QChar::isHighSurrogate(unit) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
        ++i;
        return QChar::surrogateToUcs4(unit, text[i].unicode());
    }
    *broken = QChar::isSurrogate(unit);
    return unit;
}

bool unprintable(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return QChar::isNonCharacter(c);
    }
}

} // namespace

bool ApiCall::hasUnprintable(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        bool broken = false;
        const char32_t c = codePointAt(text, i, &broken);
        if (broken || unprintable(c))
            return true;
    }
    return false;
}

QString ApiCall::printable(QStringView text, qsizetype maxChars)
{
    QString out;
    out.reserve(qMin(text.size(), maxChars) + 1);
    qsizetype i = 0;
    for (; i < text.size() && out.size() < maxChars; ++i) {
        bool broken = false;
        const qsizetype from = i;
        const char32_t c = codePointAt(text, i, &broken);
        if (broken || unprintable(c))
            out += QStringLiteral("\\u%1").arg(uint(c), c > 0xffff ? 6 : 4, 16, QLatin1Char('0'));
        else
            out += text.mid(from, i - from + 1);
    }
    if (i < text.size() || out.size() > maxChars) {
        qsizetype cut = qMin(out.size(), maxChars);
        if (cut > 0 && out.at(cut - 1).isHighSurrogate())
            --cut;
        out.truncate(cut);
        out += QStringLiteral("…");
    }
    return out;
}

Error ApiCall::errorFor(const ApiResponse& response)
{
    const QString detail = serverDetail(response);
    const int status = response.status;
    if (status == 401 || status == 403) {
        if (response.apiKeyUsed)
            return Error::make(ErrorCode::Unauthorized,
                FcbApiCallText::tr("The API key was refused (unknown, revoked or "
                                   "not an administrator's)."),
                detail);
        if (detail.contains(QStringLiteral("Admin access required")))
            return Error::make(
                ErrorCode::Unauthorized, FcbApiCallText::tr("This account is not an administrator."), detail);
        return Error::make(ErrorCode::Unauthorized,
            FcbApiCallText::tr("Not signed in, or the session has expired. Sign in again."), detail);
    }
    if (status == 404)
        return Error::make(
            ErrorCode::NotFound, FcbApiCallText::tr("Not found on the server: %1").arg(detail), detail);
    if (status == 429)
        return Error::make(ErrorCode::Network,
            FcbApiCallText::tr(
                "Too many requests: the server's rate limit is still exceeded. Try again later."),
            detail);
    if (status >= 500)
        return Error::make(ErrorCode::Network,
            FcbApiCallText::tr("Server error: %1").arg(detail.isEmpty() ? QString::number(status) : detail),
            QStringLiteral("HTTP %1").arg(status));
    if (status >= 200 && status < 300) {
        QJsonParseError parsed;
        if (QJsonDocument::fromJson(response.body, &parsed).isNull())
            return Error::make(ErrorCode::Network,
                FcbApiCallText::tr("The server's answer is not JSON (%1 at byte %2). Is this the address of "
                                   "a FastCMS server?")
                    .arg(parsed.errorString())
                    .arg(parsed.offset),
                printable(QString::fromUtf8(response.body.left(120)), 120));
    }
    return Error::make(ErrorCode::Network,
        FcbApiCallText::tr("Unexpected answer from the server (HTTP %1): %2").arg(status).arg(detail),
        detail);
}

Error networkError(QNetworkReply* reply, bool timedOut)
{
    const QUrl url = reply->url();
    const QString where
        = url.host() + (url.port() > 0 ? QLatin1Char(':') + QString::number(url.port()) : QString());
    const QString detail = reply->errorString();
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return Error::make(ErrorCode::Network,
            FcbApiCallText::tr("Could not connect to %1: connection refused.").arg(where), detail);
    case QNetworkReply::HostNotFoundError:
        return Error::make(
            ErrorCode::Network, FcbApiCallText::tr("The server %1 was not found.").arg(url.host()), detail);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return Error::make(ErrorCode::Network,
            timedOut || reply->error() == QNetworkReply::TimeoutError
                ? FcbApiCallText::tr("The server %1 did not answer in time.").arg(where)
                : FcbApiCallText::tr("The request to %1 was aborted.").arg(where),
            detail);
    case QNetworkReply::RemoteHostClosedError:
        return Error::make(ErrorCode::Network,
            FcbApiCallText::tr("The server %1 closed the connection in the middle of its answer.").arg(where),
            detail);
    case QNetworkReply::SslHandshakeFailedError:
        return Error::make(ErrorCode::Network,
            FcbApiCallText::tr("The secure connection to %1 failed its TLS checks (%2). It was not used.")
                .arg(where, detail),
            detail);
    default:
        break;
    }
    if (reply->error() != QNetworkReply::NoError
        && detail.contains(QStringLiteral("SSL"), Qt::CaseInsensitive))
        return Error::make(ErrorCode::Network,
            FcbApiCallText::tr("The secure connection to %1 failed its TLS checks (%2). It was not used.")
                .arg(where, detail),
            detail);
    return Error::make(
        ErrorCode::Network, FcbApiCallText::tr("The connection to %1 failed: %2").arg(where, detail), detail);
}

} // namespace fcb
