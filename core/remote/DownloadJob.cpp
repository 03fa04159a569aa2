#include "DownloadJob.h"

#include "FileUtil.h"
#include "Logging.h"
#include "WorkerPool.h"
#include "archive/ArchiveReader.h"
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
// A download never takes the last of the disk: this much stays free for everything else.
constexpr qint64 keepFree = qint64(64) << 20;
// A body of unknown length is held to the free space, looked at again after each this many bytes.
constexpr qint64 spaceCheckEvery = qint64(4) << 20;
} // namespace

DownloadJob::DownloadJob(RemoteSession* session, QString fileName, QString target,
    std::shared_ptr<CancelToken> cancel, Done done, Progress progress)
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
        finish(fail(ErrorCode::Conflict,
            FcbDownloadJobText::tr("%1 already exists; choose another place.").arg(m_target)));
        return;
    }
    if (!m_part.open(QIODevice::ReadWrite | QIODevice::Append, files::ownerOnly)) {
        finish(fail(ErrorCode::Io, FcbDownloadJobText::tr("Could not write %1.").arg(m_part.fileName()),
            m_part.errorString()));
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
        finish(fail(ErrorCode::Cancelled,
            FcbDownloadJobText::tr("Cancelled; the partial download is kept for resuming.")));
        return;
    }
    ++m_attempts;
    m_requestedFrom = m_part.size();
    m_headerChecked = false;
    m_stalled = false;
    m_failure.reset();
    m_expectedEnd = -1;
    m_windowStart = m_requestedFrom;
    m_window.restart();
    QNetworkRequest request = m_session->request(
        m_session->apiUrl(QStringLiteral("/backups/") + QString::fromUtf8(QUrl::toPercentEncoding(m_fileName))
            + QStringLiteral("/download")),
        true);
    request.setRawHeader("Accept", "application/zip, application/octet-stream");
    // The bytes as stored: a compressed transfer would make the declared length a different
    // number from what lands on disk, and inflating it is work with no limit but the server's.
    request.setRawHeader("Accept-Encoding", "identity");
    if (m_requestedFrom > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_requestedFrom) + '-');
    m_reply = m_session->network()->get(request);
    // Read ahead only this far: a server faster than the disk fills no memory, and the limits
    // below are checked before the bytes pile up.
    m_reply->setReadBufferSize(4 * readAhead);
    // And again for the request that a followed redirect starts afresh.
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (m_reply)
            m_reply->setReadBufferSize(4 * readAhead);
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &DownloadJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &DownloadJob::onFinished);
}

qint64 DownloadJob::freeSpace() const
{
    const QString folder = QFileInfo(m_target).absolutePath();
    const auto& probe = m_session->options().freeSpace;
    return probe ? probe(folder) : files::freeSpace(folder);
}

void DownloadJob::abortWith(Error error, bool dropPart)
{
    m_failure = std::move(error);
    if (dropPart)
        m_part.resize(0);
    m_reply->abort(); // finishes the reply, and onFinished reports m_failure
}

bool DownloadJob::checkHeaders(int status)
{
    const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    if (type.contains("json") || type.contains("html")) {
        // An error page with a success status is no backup.
        abortWith(Error::make(ErrorCode::Network,
                      FcbDownloadJobText::tr(
                          "The server answered the download with something that is not a zip archive.")),
            false);
        return false;
    }
    bool known = false;
    const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
    if (status == 206) {
        // Only the exact missing part may be appended, and the whole is what the range says.
        static const QRegularExpression range(
            QStringLiteral(R"(^\s*bytes\s+(\d{1,18})-(\d{1,18})/(\d{1,18}|\*)\s*$)"));
        const auto match = range.match(QString::fromLatin1(m_reply->rawHeader("Content-Range")));
        if (!match.hasMatch() || match.captured(1).toLongLong() != m_requestedFrom
            || match.captured(2).toLongLong() < m_requestedFrom) {
            m_part.resize(0);
            m_reply->abort();
            return false;
        }
        m_expectedEnd = match.captured(2).toLongLong() + 1;
        if (match.captured(3) != QStringLiteral("*") && match.captured(3).toLongLong() != m_expectedEnd) {
            m_part.resize(0);
            m_reply->abort();
            return false;
        }
    } else {
        if (m_requestedFrom > 0) {
            m_part.resize(0); // the server ignored the range: start over
            m_resumed = false;
        }
        if (known && length >= 0)
            m_expectedEnd = length;
    }
    m_total = m_expectedEnd;
    m_nextSpaceCheck = m_part.size();
    if (m_expectedEnd >= 0) {
        // A declared size is checked against the disk before a byte of it is written.
        const qint64 needed = m_expectedEnd - m_part.size() + keepFree;
        const qint64 available = freeSpace();
        if (available >= 0 && available < needed) {
            abortWith(files::noSpaceError(FcbDownloadJobText::tr("the download of %1").arg(m_fileName),
                          QFileInfo(m_target).absolutePath(), needed, available),
                false);
            return false;
        }
    }
    return true;
}

void DownloadJob::onReadyRead()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206) {
        // An error body, read in onFinished: a few words, not an endless stream in memory.
        if (m_reply->bytesAvailable() > bodyLimit::small)
            abortWith(Error::make(ErrorCode::Network,
                          FcbDownloadJobText::tr("The server sent more than %1 for its refusal to "
                                                 "send %2; the answer was dropped.")
                              .arg(files::humanSize(bodyLimit::small), m_fileName)),
                false);
        return;
    }
    if (!m_headerChecked) {
        m_headerChecked = true;
        if (!checkHeaders(status))
            return;
    }
    const QByteArray chunk = m_reply->readAll();
    if (m_expectedEnd >= 0 && m_part.size() + chunk.size() > m_expectedEnd) {
        abortWith(Error::make(ErrorCode::Network,
                      FcbDownloadJobText::tr("The server sent more than the %1 it declared for %2; "
                                             "the download was dropped.")
                          .arg(files::humanSize(m_expectedEnd), m_fileName)),
            true);
        return;
    }
    if (m_expectedEnd < 0 && m_part.size() + chunk.size() >= m_nextSpaceCheck) {
        // No length was declared: the body is held to the free space instead.
        const qint64 available = freeSpace();
        if (available >= 0 && available - chunk.size() < keepFree) {
            abortWith(Error::make(ErrorCode::NoSpace,
                          FcbDownloadJobText::tr(
                              "The server sent more than %1 for %2 without saying how much would "
                              "come, and only %3 was left free in %4; the partial download was "
                              "removed.")
                              .arg(files::humanSize(m_part.size()), m_fileName, files::humanSize(available),
                                  QFileInfo(m_target).absolutePath())),
                true);
            return;
        }
        const qint64 room
            = available < 0 ? spaceCheckEvery : qMin(spaceCheckEvery, (available - keepFree) / 2);
        m_nextSpaceCheck = m_part.size() + chunk.size() + room;
    }
    if (m_part.write(chunk) != chunk.size()) {
        // A full disk or a quota: the same on every retry, so said at once. The part stays
        // for a resume once there is room. The file's own error says why (errno may belong to
        // another call by now).
        abortWith(
            files::fileError(FcbDownloadJobText::tr("Could not write %1").arg(m_part.fileName()), m_part, 0),
            false);
        return;
    }
    if (m_progress)
        m_progress(m_part.size(), m_total);
}

void DownloadJob::onFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool delivered = reply->error() == QNetworkReply::NoError && (status == 200 || status == 206);
    if (delivered)
        onReadyRead(); // anything still buffered, held to the same limits
    m_reply = nullptr;
    reply->deleteLater();
    if (delivered && !m_failure) {
        complete();
        return;
    }
    if (m_cancel->isCanceled()) {
        m_part.flush();
        finish(fail(ErrorCode::Cancelled,
            FcbDownloadJobText::tr("Cancelled; the partial download is kept for resuming.")));
        return;
    }
    if (m_failure) {
        m_part.flush();
        if (m_part.size() == 0)
            QFile::remove(m_part.fileName());
        finish(fail(*m_failure));
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
        const int wait
            = qBound(1, reply->rawHeader("Retry-After").toInt(), m_session->options().maxRetryAfterSeconds);
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
        response.body = reply->read(bodyLimit::small);
        if (status == 404) {
            QFile::remove(m_part.fileName()); // nothing to resume
            finish(fail(ErrorCode::NotFound, FcbDownloadJobText::tr("Backup not found on the server."),
                ApiCall::serverDetail(response)));
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
        finish(fail(ErrorCode::Io, FcbDownloadJobText::tr("Could not write %1.").arg(m_part.fileName()),
            m_part.errorString()));
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
            finish(fail(ErrorCode::BadArchive,
                FcbDownloadJobText::tr("The downloaded %1 failed verification: %2")
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
    watcher->setFuture(QtConcurrent::run(workers::pool(), [part, folder]() -> Result<VerifyReport> {
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
