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
        if (m_cancel->isCanceled() && m_reply)
            m_reply->abort();
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
    if (status == 401 && !m_refreshed) {
        m_refreshed = true;
        m_session->refresh(m_cancel, [this](Result<void> refreshed) {
            if (!refreshed)
                finish(fail(refreshed.error()));
            else
                send();
        });
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
        response.json = QJsonDocument::fromJson(response.body);
        QFile::remove(m_part.fileName());
        if (status == 404)
            finish(fail(ErrorCode::NotFound, FcbDownloadJobText::tr("Backup not found on the server."), ApiCall::serverDetail(response)));
        else
            finish(fail(ApiCall::errorFor(response)));
        return;
    }
    // Interrupted mid-body: pick up where it stopped.
    m_part.flush();
    if (m_attempts < maxAttempts) {
        qCInfo(lcRemote) << "download interrupted at" << m_part.size() << "bytes; resuming";
        m_resumed = true;
        QTimer::singleShot(200 * m_attempts, this, &DownloadJob::send);
        return;
    }
    Error error = networkError(reply, false);
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
    if (auto renamed = files::renameNoReplace(m_part.fileName(), m_target); !renamed) {
        finish(fail(renamed.error()));
        return;
    }
    (void)files::syncParentDir(m_target);
    DownloadResult result;
    result.path = m_target;
    result.bytes = QFileInfo(m_target).size();
    result.resumed = m_resumed;
    // The archive is checked off this thread; the job ends when the check does.
    auto* watcher = new QFutureWatcher<Result<VerifyReport>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, result]() mutable {
        const auto report = watcher->result();
        if (!report) {
            finish(fail(report.error()));
            return;
        }
        result.report = *report;
        finish(result);
    });
    const QString target = m_target;
    const auto cancel = m_cancel;
    watcher->setFuture(QtConcurrent::run(LocalEngine::pool(), [target, cancel]() -> Result<VerifyReport> {
        CallbackTaskContext task({});
        return archive::verify(target, QFileInfo(target).absolutePath(), task);
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
