#include "RemoteBackend.h"

#include "FileUtil.h"
#include "Logging.h"
#include "PyJson.h"
#include "archive/BackupName.h"
#include "local/LocalEngine.h"
#include "remote/ApiCall.h"
#include "remote/DownloadJob.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPromise>
#include <QRegularExpression>
#include <QFutureWatcher>
#include <QTemporaryDir>
#include <QtConcurrent>

// Translation context for this file's messages (lupdate reads the class name).
class FcbRemoteBackendText
{
    Q_DECLARE_TR_FUNCTIONS(FcbRemoteBackendText)
};

namespace fcb {

namespace {


// A job whose future is settled from the network thread.
template<typename T>
struct Pending
{
    std::shared_ptr<QPromise<Result<T>>> promise = std::make_shared<QPromise<Result<T>>>();
    Job<Result<T>> job;
    Pending()
    {
        promise->start();
        job.future = promise->future();
    }
};

template<typename T>
void settle(const std::shared_ptr<QPromise<Result<T>>>& promise, Result<T> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

template<typename T>
void report(const std::shared_ptr<QPromise<Result<T>>>& promise, qint64 done, qint64 total, const QString& text)
{
    promise->setProgressRange(0, 1000);
    int value = total > 0 ? int(qBound(qint64(0), done * 1000 / total, qint64(1000))) : 0;
    // QFuture drops an update that does not move the value forward, text included.
    const int current = promise->future().progressValue();
    if (value <= current && text != promise->future().progressText())
        value = qMin(current + 1, 999);
    promise->setProgressValueAndText(value, text);
}

QString encoded(const QString& name)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(name));
}

QDateTime parseCreated(const QJsonValue& value)
{
    if (const auto t = pyjson::parseIsoTime(value.toString()))
        return *t;
    return {};
}

} // namespace

RemoteBackend::RemoteBackend(RemoteSession* session, RemoteStateStore store)
    : m_session(session)
    , m_store(std::move(store))
{
}

QString RemoteBackend::describe() const
{
    return m_session->options().server.toDisplayString(QUrl::RemoveUserInfo);
}

std::optional<BackupItem> RemoteBackend::parseItem(const QJsonObject& object)
{
    BackupItem item;
    item.fileName = object.value(QStringLiteral("filename")).toString();
    if (item.fileName.isEmpty())
        return std::nullopt;
    item.id = object.value(QStringLiteral("id")).toString();
    if (item.id.isEmpty())
        item.id = object.value(QStringLiteral("name")).toString();
    if (item.id.isEmpty())
        item.id = BackupName::stem(item.fileName);
    if (object.contains(QStringLiteral("size")))
        item.sizeBytes = qint64(object.value(QStringLiteral("size")).toDouble());
    else if (object.contains(QStringLiteral("size_bytes")))
        item.sizeBytes = qint64(object.value(QStringLiteral("size_bytes")).toDouble());
    else
        item.sizeBytes = qint64(object.value(QStringLiteral("size_mb")).toDouble() * 1048576.0);
    item.path = object.value(QStringLiteral("path")).toString();
    if (item.path.isEmpty())
        item.path = item.fileName;
    item.created = parseCreated(object.value(QStringLiteral("created")));
    item.createdFrom = BackupItem::TimeSource::Metadata;
    if (!item.created.isValid()) {
        if (const auto fromName = BackupName::timeFromName(item.fileName)) {
            item.created = *fromName;
            item.createdFrom = BackupItem::TimeSource::Name;
        }
    }
    item.valid = object.value(QStringLiteral("status")).toString(QStringLiteral("completed")) == QStringLiteral("completed");
    return item;
}

namespace {

void withCapabilities(QPointer<RemoteSession> session, std::shared_ptr<RemoteBackend::Shared> shared,
                      std::shared_ptr<CancelToken> cancel, std::function<void(Result<Capabilities>)> next)
{
    if (shared->capabilities) {
        next(*shared->capabilities);
        return;
    }
    if (!session) {
        next(fail(ErrorCode::Cancelled, FcbRemoteBackendText::tr("Cancelled.")));
        return;
    }
    ApiCall::Spec spec;
    spec.path = QStringLiteral("/openapi.json");
    spec.rootPath = true;
    spec.authorized = false;
    auto* call = new ApiCall(session, spec, cancel, [shared, next](Result<ApiResponse> answer) {
        Capabilities caps;
        if (answer && answer->status == 404) {
            // A server that does not publish its routes offers nothing beyond the contract.
            shared->capabilities = caps;
            next(caps);
            return;
        }
        if (answer && answer->status == 200 && answer->json().isObject()) {
            const QJsonObject paths = answer->json().object().value(QStringLiteral("paths")).toObject();
            static const QRegularExpression download(QStringLiteral(R"(^/api/v1/backups/\{[^/]+\}/download$)"));
            static const QRegularExpression upload(QStringLiteral(R"(^/api/v1/backups/(upload|import)$)"));
            for (auto it = paths.begin(); it != paths.end(); ++it) {
                const QJsonObject methods = it.value().toObject();
                if (download.match(it.key()).hasMatch() && methods.contains(QStringLiteral("get")))
                    caps.download = true;
                if (upload.match(it.key()).hasMatch() && methods.contains(QStringLiteral("post"))) {
                    caps.upload = true;
                    shared->uploadPath = it.key().mid(int(qstrlen("/api/v1")));
                }
            }
        } else {
            // Not cached: a passing failure must not turn into "no downloads" for good.
            next(fail(answer ? ApiCall::errorFor(*answer) : answer.error()));
            return;
        }
        shared->capabilities = caps;
        next(caps);
    });
    call->start();
}

void postUpload(QPointer<RemoteSession> session, std::shared_ptr<RemoteBackend::Shared> shared,
                std::shared_ptr<QPromise<Result<BackupItem>>> promise, std::shared_ptr<CancelToken> token,
                const QString& zipPath)
{
    if (!session)
        return settle(promise, Result<BackupItem>(fail(ErrorCode::Cancelled, FcbRemoteBackendText::tr("Cancelled."))));
    auto* file = new QFile(zipPath);
    if (!file->open(QIODevice::ReadOnly)) {
        delete file;
        return settle(promise, Result<BackupItem>(fail(ErrorCode::NotFound, FcbRemoteBackendText::tr("Could not read %1.").arg(zipPath))));
    }
    auto* multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/zip"));
    part.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray(QByteArray("form-data; name=\"file\"; filename=\"") + QFileInfo(zipPath).fileName().toUtf8() + '"'));
    part.setBodyDevice(file);
    file->setParent(multi);
    multi->append(part);
    QNetworkRequest request = session->request(session->apiUrl(shared->uploadPath), true);
    QNetworkReply* reply = session->network()->post(request, multi);
    multi->setParent(reply);
    const QString name = QFileInfo(zipPath).fileName();
    QObject::connect(reply, &QNetworkReply::uploadProgress, reply, [promise, name](qint64 done, qint64 total) {
        report(promise, done, total, FcbRemoteBackendText::tr("Uploading %1").arg(name));
    });
    auto* watchdog = new QTimer(reply);
    QObject::connect(watchdog, &QTimer::timeout, reply, [reply, token] {
        if (token->isCanceled())
            reply->abort();
    });
    watchdog->start(100);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, promise, token] {
        reply->deleteLater();
        if (token->isCanceled())
            return settle(promise, Result<BackupItem>(fail(ErrorCode::Cancelled, FcbRemoteBackendText::tr("Cancelled."))));
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return settle(promise, Result<BackupItem>(fail(networkError(reply, false))));
        ApiResponse response;
        response.status = status.toInt();
        response.body = reply->readAll();
        const auto item = RemoteBackend::parseItem(response.json().object());
        if (response.status / 100 != 2 || !item)
            return settle(promise, Result<BackupItem>(fail(ApiCall::errorFor(response))));
        settle(promise, Result<BackupItem>(*item));
    });
}

} // namespace

Job<Result<Capabilities>> RemoteBackend::capabilities()
{
    Pending<Capabilities> p;
    auto promise = p.promise;
    withCapabilities(m_session, m_shared, p.job.token, [promise](Result<Capabilities> caps) { settle(promise, caps); });
    return p.job;
}

Job<Result<SignInResult>> RemoteBackend::signIn()
{
    Pending<SignInResult> p;
    auto promise = p.promise;
    m_session->signIn(p.job.token, [promise](Result<SignInResult> r) { settle(promise, r); });
    return p.job;
}

Job<Result<BackupPage>> RemoteBackend::list(int page, int perPage)
{
    Pending<BackupPage> p;
    auto promise = p.promise;
    if (page < 1 || perPage < 1 || perPage > 1000) {
        // FastCMS answers per_page=0 with a 500: refuse it here with a clear word instead.
        settle(promise, Result<BackupPage>(fail(ErrorCode::Usage, FcbRemoteBackendText::tr("Pages start at 1 and hold 1 to 1000 backups."))));
        return p.job;
    }
    ApiCall::Spec spec;
    spec.path = QStringLiteral("/backups");
    spec.query = {{QStringLiteral("page"), QString::number(page)}, {QStringLiteral("per_page"), QString::number(perPage)}};
    auto* call = new ApiCall(
        m_session, spec, p.job.token,
        [promise, page, perPage](Result<ApiResponse> answer) {
            if (!answer)
                return settle(promise, Result<BackupPage>(fail(answer.error())));
            const QJsonObject object = answer->json().object();
            if (answer->status != 200 || !object.value(QStringLiteral("items")).isArray())
                return settle(promise, Result<BackupPage>(fail(ApiCall::errorFor(*answer))));
            BackupPage result;
            result.page = object.contains(QStringLiteral("page")) ? object.value(QStringLiteral("page")).toInt() : page;
            result.perPage = object.contains(QStringLiteral("per_page")) ? object.value(QStringLiteral("per_page")).toInt() : perPage;
            const QJsonArray items = object.value(QStringLiteral("items")).toArray();
            result.total = object.contains(QStringLiteral("total")) ? qint64(object.value(QStringLiteral("total")).toDouble())
                                                                     : items.size();
            result.totalPages = object.contains(QStringLiteral("total_pages"))
                ? object.value(QStringLiteral("total_pages")).toInt()
                : int(qMax<qint64>(1, (result.total + result.perPage - 1) / qMax(1, result.perPage)));
            for (const QJsonValue& value : items)
                if (const auto item = parseItem(value.toObject()))
                    result.items.append(*item);
            settle(promise, Result<BackupPage>(result));
        },
        [promise](const QString& text) { report(promise, 0, 0, text); });
    call->start();
    return p.job;
}

Job<Result<CreateResult>> RemoteBackend::create(const CreateRequest&)
{
    Pending<CreateResult> p;
    auto promise = p.promise;
    ApiCall::Spec spec;
    spec.method = "POST";
    spec.path = QStringLiteral("/backups");
    auto* call = new ApiCall(
        m_session, spec, p.job.token,
        [promise](Result<ApiResponse> answer) {
            if (!answer)
                return settle(promise, Result<CreateResult>(fail(answer.error())));
            const auto item = parseItem(answer->json().object());
            if ((answer->status != 200 && answer->status != 201) || !item)
                return settle(promise, Result<CreateResult>(fail(ApiCall::errorFor(*answer))));
            CreateResult result;
            result.backup = *item;
            settle(promise, Result<CreateResult>(result));
        },
        [promise](const QString& text) { report(promise, 0, 0, text); });
    call->start();
    return p.job;
}

Job<Result<void>> RemoteBackend::remove(const QString& fileName)
{
    Pending<void> p;
    auto promise = p.promise;
    if (auto valid = BackupName::checkPlainZipName(fileName); !valid) {
        settle(promise, valid);
        return p.job;
    }
    ApiCall::Spec spec;
    spec.method = "DELETE";
    spec.path = QStringLiteral("/backups/") + encoded(fileName);
    auto* call = new ApiCall(m_session, spec, p.job.token, [promise](Result<ApiResponse> answer) {
        if (!answer)
            return settle(promise, Result<void>(fail(answer.error())));
        if (answer->status == 200)
            return settle(promise, ok());
        // FastCMS answers every delete failure with 404.
        if (answer->status == 404) {
            const QString detail = ApiCall::serverDetail(*answer);
            return settle(promise, Result<void>(fail(ErrorCode::NotFound,
                                                     detail.contains(QStringLiteral("not found"), Qt::CaseInsensitive)
                                                         ? FcbRemoteBackendText::tr("Backup not found on the server.")
                                                         : FcbRemoteBackendText::tr("The server refused to delete it: %1").arg(detail),
                                                     detail)));
        }
        settle(promise, Result<void>(fail(ApiCall::errorFor(*answer))));
    });
    call->start();
    return p.job;
}

Job<Result<StageResult>> RemoteBackend::stageRestore(const QString& fileName)
{
    Pending<StageResult> p;
    auto promise = p.promise;
    if (auto valid = BackupName::checkPlainZipName(fileName); !valid) {
        settle(promise, Result<StageResult>(fail(valid.error())));
        return p.job;
    }
    ApiCall::Spec spec;
    spec.method = "POST";
    spec.path = QStringLiteral("/backups/") + encoded(fileName) + QStringLiteral("/restore");
    const QUrl server = m_session->options().server;
    RemoteStateStore store = m_store;
    auto* call = new ApiCall(m_session, spec, p.job.token, [promise, fileName, server, store](Result<ApiResponse> answer) mutable {
        if (!answer)
            return settle(promise, Result<StageResult>(fail(answer.error())));
        const QJsonObject object = answer->json().object();
        const QString detail = ApiCall::serverDetail(*answer);
        if (answer->status == 200 && object.value(QStringLiteral("status")).toString() == QStringLiteral("pending_restart")) {
            StageResult result;
            result.marker.backupFilename = object.value(QStringLiteral("backup_filename")).toString(fileName);
            result.marker.requestedAt = object.value(QStringLiteral("requested_at")).toString(pyjson::nowIsoNaiveUtc());
            // The server has no route that tells a restore is pending: remember it here.
            (void)store.setPending(server, {result.marker.backupFilename, result.marker.requestedAt});
            return settle(promise, Result<StageResult>(result));
        }
        if (answer->status == 500 && detail.contains(QStringLiteral("not found"), Qt::CaseInsensitive))
            return settle(promise, Result<StageResult>(fail(ErrorCode::NotFound, FcbRemoteBackendText::tr("Backup not found on the server."), detail)));
        if (answer->status == 500 && detail.startsWith(QStringLiteral("Restore failed")))
            return settle(promise, Result<StageResult>(fail(ErrorCode::BadArchive, FcbRemoteBackendText::tr("The server could not stage the restore: %1").arg(detail), detail)));
        settle(promise, Result<StageResult>(fail(ApiCall::errorFor(*answer))));
    });
    call->start();
    return p.job;
}

Job<Result<void>> RemoteBackend::unstageRestore()
{
    Pending<void> p;
    settle(p.promise, Result<void>(fail(ErrorCode::Unsupported,
                                        FcbRemoteBackendText::tr("FastCMS offers no way to cancel a staged restore through its API: the server "
                                                 "will apply it when it restarts."))));
    return p.job;
}

void RemoteBackend::startDownload(const QString& fileName, const QString& targetPath, std::shared_ptr<CancelToken> token,
                                  std::function<void(Result<DownloadResult>)> done, std::function<void(qint64, qint64)> progress)
{
    if (auto valid = BackupName::checkPlainZipName(fileName); !valid) {
        done(fail(valid.error()));
        return;
    }
    QString target = targetPath;
    if (QFileInfo(target).isDir())
        target = QDir(target).filePath(fileName);
    QPointer<RemoteSession> session(m_session);
    withCapabilities(session, m_shared, token, [session, token, fileName, target, done, progress](Result<Capabilities> caps) {
        if (!caps)
            return done(fail(caps.error()));
        if (!caps->download)
            return done(fail(ErrorCode::Unsupported, FcbRemoteBackendText::tr("This server does not offer downloads.")));
        if (!session)
            return done(fail(ErrorCode::Cancelled, FcbRemoteBackendText::tr("Cancelled.")));
        auto* job = new DownloadJob(session, fileName, target, token, done, progress);
        job->start();
    });
}

Job<Result<DownloadResult>> RemoteBackend::download(const QString& fileName, const QString& targetPath)
{
    Pending<DownloadResult> p;
    auto promise = p.promise;
    startDownload(
        fileName, targetPath, p.job.token, [promise](Result<DownloadResult> r) { settle(promise, r); },
        [promise, fileName](qint64 done, qint64 total) {
            report(promise, done, total, FcbRemoteBackendText::tr("Downloading %1").arg(fileName));
        });
    return p.job;
}

Job<Result<BackupItem>> RemoteBackend::upload(const QString& zipPath)
{
    Pending<BackupItem> p;
    auto promise = p.promise;
    auto token = p.job.token;
    QPointer<RemoteSession> session(m_session);
    auto shared = m_shared;
    withCapabilities(session, shared, token, [session, shared, promise, token, zipPath](Result<Capabilities> caps) {
        if (!caps)
            return settle(promise, Result<BackupItem>(fail(caps.error())));
        if (!caps->upload)
            return settle(promise, Result<BackupItem>(fail(ErrorCode::Unsupported, FcbRemoteBackendText::tr("This server does not accept uploads."))));
        if (session && session->needsSignIn()) {
            session->ensureSignedIn([session, shared, promise, token, zipPath](Result<SignInResult> signedIn) {
                if (!signedIn)
                    return settle(promise, Result<BackupItem>(fail(signedIn.error())));
                postUpload(session, shared, promise, token, zipPath);
            });
            return;
        }
        postUpload(session, shared, promise, token, zipPath);
    });
    return p.job;
}

Job<Result<VerifyReport>> RemoteBackend::verify(const QString& fileName)
{
    // Verification needs the bytes: download into a private folder (checked as it lands),
    // then throw the copy away. Cancelling the job cancels the download.
    Pending<VerifyReport> p;
    auto promise = p.promise;
    auto dir = std::make_shared<QTemporaryDir>();
    startDownload(
        fileName, dir->filePath(fileName), p.job.token,
        [promise, dir, fileName](Result<DownloadResult> downloaded) {
            if (downloaded) {
                VerifyReport report = *downloaded->report;
                report.path = fileName;
                return settle(promise, Result<VerifyReport>(report));
            }
            settle(promise, Result<VerifyReport>(fail(downloaded.error())));
        },
        [promise, fileName](qint64 done, qint64 total) {
            report(promise, done, total, FcbRemoteBackendText::tr("Downloading %1").arg(fileName));
        });
    return p.job;
}

Job<Result<DrillReport>> RemoteBackend::drill(const QString& fileName)
{
    // Download into a private folder (verified as it lands), then rehearse the restore there on
    // the worker pool. Cancelling the job cancels either step.
    Pending<DrillReport> p;
    auto promise = p.promise;
    auto token = p.job.token;
    auto dir = std::make_shared<QTemporaryDir>();
    const QString target = describe();
    startDownload(
        fileName, dir->filePath(fileName), token,
        [promise, dir, fileName, token, target](Result<DownloadResult> downloaded) {
            if (!downloaded)
                return settle(promise, Result<DrillReport>(fail(downloaded.error())));
            (void)QtConcurrent::run(LocalEngine::pool(), [promise, dir, fileName, token, target, path = downloaded->path] {
                PromiseTaskContext<Result<DrillReport>> task(*promise, token);
                auto drilled = drill::run(path, dir->path(), task);
                if (drilled) {
                    drilled->fileName = fileName;
                    recordDrill(target, *drilled);
                }
                settle(promise, std::move(drilled));
            });
        },
        [promise, fileName](qint64 done, qint64 total) {
            report(promise, done, total, FcbRemoteBackendText::tr("Downloading %1").arg(fileName));
        });
    return p.job;
}

Result<void> RemoteBackend::forgetPendingRestore()
{
    if (!m_store.pending(m_session->options().server))
        return fail(ErrorCode::NotFound, FcbRemoteBackendText::tr("No staged restore is remembered for this server."));
    return m_store.forget(m_session->options().server);
}

Job<Result<BackendStatus>> RemoteBackend::status()
{
    Pending<BackendStatus> p;
    auto promise = p.promise;
    auto inner = list(1, 1);
    auto* watcher = new QFutureWatcher<Result<BackupPage>>(m_session);
    const QUrl server = m_session->options().server;
    const QString target = describe();
    RemoteStateStore store = m_store;
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, promise, server, target, store] {
        watcher->deleteLater();
        const auto page = watcher->result();
        if (!page)
            return settle(promise, Result<BackendStatus>(fail(page.error())));
        BackendStatus s;
        s.target = target;
        s.backupCount = page->total;
        if (!page->items.isEmpty())
            s.newest = page->items.first();
        if (const auto pending = store.pending(server)) {
            s.restorePending = true;
            s.pendingBackup = pending->backupFilename;
            s.pendingRequestedAt = pending->requestedAt;
        }
        settle(promise, Result<BackendStatus>(s));
    });
    watcher->setFuture(inner.future);
    p.job.token = inner.token;
    return p.job;
}

} // namespace fcb
