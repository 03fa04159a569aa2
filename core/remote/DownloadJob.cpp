#include "DownloadJob.h"

#include "FileUtil.h"
#include "Logging.h"
#include "local/LocalEngine.h"
#include "remote/ApiCall.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QtConcurrent>

#include <unistd.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbDownloadJobText
{
    Q_DECLARE_TR_FUNCTIONS(FcbDownloadJobText)
};

namespace fcb {

namespace {
constexpr int maxAttempts = 4;
}

DownloadJob::DownloadJob(RemoteSession* session, QString fileName, QString target, std::shared_ptr<CancelToken> cancel,
                         Done done, Progress progress)
    : QObject(session)
    , m_session(session)
    , m_fileName(std::move(fileName))
    , m_target(std::move(target))
    , m_cancel(std::move(cancel))
    , m_done(std::move(done))
    , m_progress(std::move(progress))
    , m_part(m_target + QStringLiteral(".part"))
{
    m_watchdog.setInterval(100);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        if (!m_reply)
            return;
        if (m_cancel->isCanceled()) {
            m_reply->abort();
            return;
        }
        // A trickle is as bad as silence: over each window of twice the transfer timeout, at
        // least 1 KiB must arrive, or the attempt is dropped (and resumed later).
        const qint64 window = 2 * qint64(m_session->options().transferTimeoutMs);
        if (m_window.elapsed() >= window) {
            if (m_part.size() - m_windowStart < 1024) {
                m_stalled = true;
                m_reply->abort();
            }
            m_windowStart = m_part.size();
            m_window.restart();
        }
    });
}

void DownloadJob::start()
{
    if (files::exists(m_target)) {
        finish(fail(ErrorCode::Conflict, FcbDownloadJobText::tr("%1 already exists; choose another place.").arg(m_target)));
        return;
    }
    if (!m_part.open(QIODevice::ReadWrite | QIODevice::Append, files::ownerOnly)) {
        finish(fail(ErrorCode::Io, FcbDownloadJobText::tr("Could not write %1.").arg(m_part.fileName()), m_part.errorString()));
        return;
    }
    m_resumed = m_part.size() > 0;
    m_watchdog.start();
    if (m_session->needsSignIn()) {
        QPointer<DownloadJob> self(this);
        m_session->ensureSignedIn([self](Result<SignInResult> signedIn) {
            if (!self || self->m_finished)
                return;
            if (!signedIn)
                self->finish(fail(signedIn.error()));
            else
                self->send();
        });
        return;
    }
    send();
}

void DownloadJob::send()
{
    if (m_cancel->isCanceled()) {
        finish(fail(ErrorCode::Cancelled, FcbDownloadJobText::tr("Cancelled; the partial download is kept for resuming.")));
        return;
    }
    ++m_attempts;
    m_requestedFrom = m_part.size();
    m_headerChecked = false;
    m_stalled = false;
    m_badBody = false;
    m_windowStart = m_requestedFrom;
    m_window.restart();
    QNetworkRequest request = m_session->request(
        m_session->apiUrl(QStringLiteral("/backups/") + QString::fromUtf8(QUrl::toPercentEncoding(m_fileName)) + QStringLiteral("/download")),
        true);
    request.setRawHeader("Accept", "application/zip, application/octet-stream");
    if (m_requestedFrom > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_requestedFrom) + '-');
    m_reply = m_session->network()->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &DownloadJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &DownloadJob::onFinished);
}

void DownloadJob::onReadyRead()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206)
        return; // an error body: read in onFinished
    if (!m_headerChecked) {
        m_headerChecked = true;
        const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
        if (type.contains("json") || type.contains("html")) {
            m_badBody = true; // an error page with a success status is no backup
            m_reply->abort();
            return;
        }
        if (status == 206) {
            // Only the exact missing part may be appended.
            static const QRegularExpression range(QStringLiteral(R"(bytes\s+(\d+)-)"));
            const auto match = range.match(QString::fromLatin1(m_reply->rawHeader("Content-Range")));
            if (!match.hasMatch() || match.captured(1).toLongLong() != m_requestedFrom) {
                m_part.resize(0);
                m_reply->abort();
                return;
            }
        }
        if (status == 200 && m_requestedFrom > 0) {
            m_part.resize(0); // the server ignored the range: start over
            m_resumed = false;
        }
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > 0)
            m_total = m_part.size() + length;
    }
    const QByteArray chunk = m_reply->readAll();
    if (m_part.write(chunk) != chunk.size()) {
        m_reply->abort();
        return;
    }
    if (m_progress)
        m_progress(m_part.size(), m_total);
}

void DownloadJob::onFinished()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && (status == 200 || status == 206)) {
        onReadyRead(); // anything still buffered
        complete();
        return;
    }
    if (m_cancel->isCanceled()) {
        m_part.flush();
        finish(fail(ErrorCode::Cancelled, FcbDownloadJobText::tr("Cancelled; the partial download is kept for resuming.")));
        return;
    }
    if (m_badBody) {
        finish(fail(ErrorCode::Network, FcbDownloadJobText::tr("The server answered the download with something that is "
                                                                "not a zip archive.")));
        return;
    }
    if (status == 401 && !m_refreshed && m_session->canRenew()) {
        m_refreshed = true;
        QPointer<DownloadJob> self(this);
        m_session->refresh([self](Result<void> refreshed) {
            if (!self || self->m_finished)
                return;
            if (!refreshed)
                self->finish(fail(refreshed.error()));
            else
                self->send();
        });
        return;
    }
    if (status == 429 && m_attempts < maxAttempts) {
        const int wait = qBound(1, reply->rawHeader("Retry-After").toInt(), m_session->options().maxRetryAfterSeconds);
        QTimer::singleShot(wait * 1000, this, &DownloadJob::send);
        return;
    }
    if (status == 416 && m_attempts < maxAttempts) {
        m_part.resize(0);
        send();
        return;
    }
    if (status != 0 && status != 200 && status != 206) {
        ApiResponse response;
        response.status = status;
        response.body = reply->readAll();
        if (status == 404) {
            QFile::remove(m_part.fileName()); // nothing to resume
            finish(fail(ErrorCode::NotFound, FcbDownloadJobText::tr("Backup not found on the server."), ApiCall::serverDetail(response)));
            return;
        }
        finish(fail(ApiCall::errorFor(response))); // the partial download stays for the next try
        return;
    }
    // Interrupted mid-body: pick up where it stopped (a trickling server is not retried).
    m_part.flush();
    if (m_attempts < maxAttempts && !m_stalled) {
        qCInfo(lcRemote) << "download interrupted at" << m_part.size() << "bytes; resuming";
        m_resumed = true;
        QTimer::singleShot(200 * m_attempts, this, &DownloadJob::send);
        return;
    }
    Error error = networkError(reply, m_stalled);
    error.message = FcbDownloadJobText::tr("The download stopped after %1 (%2). Run it again to resume.")
                        .arg(files::humanSize(m_part.size()), error.message);
    finish(fail(error));
}

void DownloadJob::complete()
{
    if (!m_part.flush() || ::fsync(m_part.handle()) != 0) {
        finish(fail(ErrorCode::Io, FcbDownloadJobText::tr("Could not write %1.").arg(m_part.fileName()), m_part.errorString()));
        return;
    }
    m_part.close();
    // The archive is checked (off this thread) before it gets its final name: a damaged
    // download never sits where a good one is expected.
    auto* watcher = new QFutureWatcher<Result<VerifyReport>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const auto report = watcher->result();
        if (!report) {
            finish(fail(report.error()));
            return;
        }
        if (!report->ok()) {
            QFile::remove(m_part.fileName());
            finish(fail(ErrorCode::BadArchive, FcbDownloadJobText::tr("The downloaded %1 failed verification: %2")
                                                   .arg(m_fileName, report->problems().join(QLatin1Char(' ')))));
            return;
        }
        if (auto renamed = files::renameNoReplace(m_part.fileName(), m_target); !renamed) {
            finish(fail(renamed.error()));
            return;
        }
        (void)files::syncParentDir(m_target);
        DownloadResult result;
        result.path = m_target;
        result.bytes = QFileInfo(m_target).size();
        result.resumed = m_resumed;
        result.report = *report;
        result.report->path = m_target;
        finish(result);
    });
    const QString part = m_part.fileName();
    const QString folder = QFileInfo(m_target).absolutePath();
    watcher->setFuture(QtConcurrent::run(LocalEngine::pool(), [part, folder]() -> Result<VerifyReport> {
        SilentTaskContext task;
        return archive::verify(part, folder, task);
    }));
}

void DownloadJob::finish(Result<DownloadResult> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_watchdog.stop();
    if (m_part.isOpen())
        m_part.close();
    if (m_done)
        m_done(std::move(result));
    deleteLater();
}

} // namespace fcb
