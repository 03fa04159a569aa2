#include "RemoteBackend.h"

#include "FileUtil.h"
#include "Logging.h"
#include "PyJson.h"
#include "WorkerPool.h"
#include "archive/ArchiveReader.h"
#include "archive/BackupName.h"
#include "browse/Browse.h"
#include "diff/Diff.h"
#include "diff/Export.h"
#include "drill/Drill.h"
#include "remote/ApiCall.h"
#include "remote/CurlCommand.h"
#include "remote/DownloadJob.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPromise>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtConcurrent>

#include <cmath>
#include <limits>

// Translation context for this file's messages (lupdate reads the class name).
class FcbRemoteBackendText
{
    Q_DECLARE_TR_FUNCTIONS(FcbRemoteBackendText)
};

namespace fcb {

namespace {

// A job whose future is settled from the network thread.
template <typename T> struct Pending
{
    std::shared_ptr<QPromise<Result<T>>> promise = std::make_shared<QPromise<Result<T>>>();
    Job<Result<T>> job;
    Pending()
    {
        promise->start();
        job.future = promise->future();
    }
};

template <typename T> void settle(const std::shared_ptr<QPromise<Result<T>>>& promise, Result<T> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

template <typename T>
void report(
    const std::shared_ptr<QPromise<Result<T>>>& promise, qint64 done, qint64 total, const QString& text)
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

// Bigger than any backup a FastCMS server could hold, yet exact as a JSON number (a double).
constexpr double maxPlausibleSize = double(qint64(1) << 50); // 1 PiB
// Servers write naive local times that are read as UTC: east of UTC they look up to 14 hours
// ahead. Beyond two days a date is not a clock's error.
constexpr qint64 futureToleranceSecs = 2 * 86400;

// A JSON value as the server wrote it, short and printable, for a reason shown to the user.
QString rawText(const QJsonValue& value)
{
    QByteArray text = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    text = text.mid(1, text.size() - 2);
    return ApiCall::printable(QString::fromUtf8(text), 40);
}

// A count the server gives (total), or fallback when it is no plausible whole number.
qint64 plausibleCount(const QJsonValue& value, qint64 fallback)
{
    const double number = value.toDouble(-1);
    if (!value.isDouble() || !std::isfinite(number) || number < 0 || number > maxPlausibleSize
        || number != std::floor(number))
        return fallback;
    return qint64(number);
}

} // namespace

QString RemoteBackend::nameProblem(const QString& fileName)
{
    // Checked first: the other reasons quote the name.
    if (ApiCall::hasUnprintable(fileName))
        return FcbRemoteBackendText::tr("the name holds control or invisible characters");
    if (fileName.toUtf8().size() > 255)
        return FcbRemoteBackendText::tr("the name is longer than a file name can be");
    if (auto plain = BackupName::checkPlainZipName(fileName); !plain)
        return plain.error().message;
    return {};
}

namespace {

// The same check before a name goes into a request or becomes a file name here.
Result<void> checkRequestName(const QString& fileName)
{
    if (auto plain = BackupName::checkPlainZipName(fileName); !plain)
        return plain;
    if (!RemoteBackend::nameProblem(fileName).isEmpty())
        return fail(ErrorCode::Usage,
            FcbRemoteBackendText::tr("Refused before asking the server: %1.")
                .arg(RemoteBackend::nameProblem(fileName)));
    return ok();
}

} // namespace

RemoteBackend::RemoteBackend(RemoteSession* session, RemoteStateStore store)
    : m_session(session)
    , m_store(std::move(store))
{ }

QString RemoteBackend::describe() const
{
    return m_session->options().server.toDisplayString(QUrl::RemoveUserInfo);
}

std::optional<BackupItem> RemoteBackend::parseItem(const QJsonObject& object, const QDateTime& now)
{
    const QString name = object.value(QStringLiteral("filename")).toString();
    if (name.isEmpty())
        return std::nullopt;
    BackupItem item;
    QStringList problems;
    if (const QString problem = nameProblem(name); !problem.isEmpty()) {
        problems.append(problem);
        item.fileName = ApiCall::printable(name, 120);
    } else {
        item.fileName = name;
    }
    // FastCMS's id (and the documents' "name") is the name without .zip: taken from the name,
    // so that the two can never disagree.
    item.id = BackupName::stem(item.fileName);
    item.path = ApiCall::printable(object.value(QStringLiteral("path")).toString(), 300);
    if (item.path.isEmpty())
        item.path = item.fileName;

    // size (list), size_bytes (create), or the documents' size_mb, rounded.
    static const std::pair<QLatin1StringView, double> sizeKeys[] = { { QLatin1StringView("size"), 1.0 },
        { QLatin1StringView("size_bytes"), 1.0 }, { QLatin1StringView("size_mb"), 1048576.0 } };
    for (const auto& [key, unit] : sizeKeys) {
        if (!object.contains(key))
            continue;
        const QJsonValue value = object.value(key);
        const double bytes = value.toDouble(-1) * unit;
        if (!value.isDouble() || !std::isfinite(bytes) || bytes < 0 || bytes > maxPlausibleSize
            || (unit == 1.0 && bytes != std::floor(bytes)))
            problems.append(
                FcbRemoteBackendText::tr("the server gives an impossible size (%1)").arg(rawText(value)));
        else
            item.sizeBytes = qint64(std::llround(bytes));
        break;
    }

    const QJsonValue created = object.value(QStringLiteral("created"));
    item.createdFrom = BackupItem::TimeSource::Metadata;
    if (!created.isUndefined() && !created.isNull()) {
        if (const auto time = pyjson::parseIsoTime(created.toString()); created.isString() && time)
            item.created = *time;
        else
            problems.append(FcbRemoteBackendText::tr("the server gives a creation time that is no date (%1)")
                                .arg(rawText(created)));
    }
    if (!item.created.isValid()) {
        if (const auto fromName = BackupName::timeFromName(item.fileName)) {
            item.created = *fromName;
            item.createdFrom = BackupItem::TimeSource::Name;
        }
    }
    if (item.created.isValid() && item.created.secsTo(now) < -futureToleranceSecs)
        problems.append(FcbRemoteBackendText::tr("the server dates it in the future (%1)")
                            .arg(item.created.toUTC().toString(Qt::ISODate)));

    const QJsonValue status = object.value(QStringLiteral("status"));
    if (!status.isUndefined() && status.toString() != QStringLiteral("completed"))
        problems.append(
            FcbRemoteBackendText::tr("the server reports it as %1, not completed").arg(rawText(status)));

    item.valid = problems.isEmpty();
    item.invalidReason = problems.join(QStringLiteral("; "));
    return item;
}

Result<BackupPage> RemoteBackend::parsePage(
    const ApiResponse& response, int page, int perPage, const QDateTime& now)
{
    const QJsonObject object = response.json().object();
    if (response.status != 200 || !object.value(QStringLiteral("items")).isArray())
        return fail(ApiCall::errorFor(response));
    BackupPage result;
    // The page asked for: a server's echo of it is no news, and a wrong one would mislead.
    result.page = page;
    const int served = object.value(QStringLiteral("per_page")).toInt(perPage);
    result.perPage = served >= 1 && served <= perPage ? served : perPage;
    const QJsonArray items = object.value(QStringLiteral("items")).toArray();
    result.total = plausibleCount(object.value(QStringLiteral("total")), items.size());
    const qint64 pages = qMax<qint64>(1, (result.total + result.perPage - 1) / result.perPage);
    const int servedPages = object.value(QStringLiteral("total_pages")).toInt(0);
    result.totalPages
        = servedPages >= 1 ? servedPages : int(qMin<qint64>(pages, std::numeric_limits<int>::max()));
    int unnamed = 0;
    for (const QJsonValue& value : items) {
        if (const auto item = parseItem(value.toObject(), now))
            result.items.append(*item);
        else
            ++unnamed;
    }
    if (unnamed > 0)
        qCWarning(lcRemote) << "the server listed" << unnamed
                            << "entries without a file name; they are not shown";
    return result;
}

RemoteBackend::Shared RemoteBackend::parseRoutes(const QJsonObject& openapi)
{
    Shared routes;
    Capabilities caps;
    const QJsonObject paths = openapi.value(QStringLiteral("paths")).toObject();
    static const QRegularExpression download(QStringLiteral(R"(^/api/v1/backups/\{[^/]+\}/download$)"));
    static const QRegularExpression upload(QStringLiteral(R"(^/api/v1/backups/(upload|import)$)"));
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject methods = it.value().toObject();
        if (download.match(it.key()).hasMatch() && methods.contains(QStringLiteral("get")))
            caps.download = true;
        if (upload.match(it.key()).hasMatch() && methods.contains(QStringLiteral("post"))) {
            caps.upload = true;
            routes.uploadPath = it.key().mid(int(qstrlen("/api/v1")));
        }
    }
    // What reads inside a backup works on a downloaded copy.
    caps.browse = caps.download;
    routes.capabilities = caps;
    return routes;
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
    spec.maxBodyBytes = bodyLimit::routes;
    spec.what = FcbRemoteBackendText::tr("the list of the server's routes");
    auto* call = new ApiCall(session, spec, cancel, [shared, next](Result<ApiResponse> answer) {
        if (answer && answer->status == 404) {
            // A server that does not publish its routes offers nothing beyond the contract.
            shared->capabilities = Capabilities {};
            next(*shared->capabilities);
            return;
        }
        const QJsonDocument openapi = answer && answer->status == 200 ? answer->json() : QJsonDocument();
        if (!openapi.isObject()) {
            // Not cached: a passing failure must not turn into "no downloads" for good.
            next(fail(answer ? ApiCall::errorFor(*answer) : answer.error()));
            return;
        }
        *shared = RemoteBackend::parseRoutes(openapi.object());
        next(*shared->capabilities);
    });
    call->start();
}

void postUpload(QPointer<RemoteSession> session, std::shared_ptr<RemoteBackend::Shared> shared,
    std::shared_ptr<QPromise<Result<BackupItem>>> promise, std::shared_ptr<CancelToken> token,
    const QString& zipPath)
{
    if (!session)
        return settle(
            promise, Result<BackupItem>(fail(ErrorCode::Cancelled, FcbRemoteBackendText::tr("Cancelled."))));
    auto* file = new QFile(zipPath);
    if (!file->open(QIODevice::ReadOnly)) {
        delete file;
        return settle(promise,
            Result<BackupItem>(
                fail(ErrorCode::NotFound, FcbRemoteBackendText::tr("Could not read %1.").arg(zipPath))));
    }
    auto* multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/zip"));
    part.setHeader(QNetworkRequest::ContentDispositionHeader,
        QByteArray(QByteArray("form-data; name=\"file\"; filename=\"")
            + QFileInfo(zipPath).fileName().toUtf8() + '"'));
    part.setBodyDevice(file);
    file->setParent(multi);
    multi->append(part);
    QNetworkRequest request = session->request(session->apiUrl(shared->uploadPath), true);
    QNetworkReply* reply = session->network()->post(request, multi);
    multi->setParent(reply);
    const QString name = QFileInfo(zipPath).fileName();
    // Once the zip is sent, the answer is small JSON like any API call's: it gets the same
    // deadline and the same limit on its size.
    auto answerClock = std::make_shared<QElapsedTimer>();
    const int deadlineMs = session->options().requestDeadlineMs;
    QObject::connect(reply, &QNetworkReply::uploadProgress, reply,
        [promise, name, answerClock](qint64 done, qint64 total) {
            report(promise, done, total, FcbRemoteBackendText::tr("Uploading %1").arg(name));
            if (total > 0 && done == total && !answerClock->isValid())
                answerClock->start();
        });
    auto* watchdog = new QTimer(reply);
    QObject::connect(watchdog, &QTimer::timeout, reply, [reply, token, answerClock, deadlineMs] {
        if (token->isCanceled()) {
            reply->abort();
        } else if (answerClock->isValid() && answerClock->elapsed() > deadlineMs) {
            reply->setProperty("fcbTimedOut", true);
            reply->abort();
        }
    });
    watchdog->start(100);
    // Limits how far Qt reads ahead of the check below. Set once Qt's network thread has the
    // request (post() hands it over on the next turn of the event loop, and a size set before
    // that is lost), and again for a redirect's target.
    QMetaObject::invokeMethod(
        reply, [reply] { reply->setReadBufferSize(readAhead); }, Qt::QueuedConnection);
    QObject::connect(
        reply, &QNetworkReply::metaDataChanged, reply, [reply] { reply->setReadBufferSize(readAhead); });
    auto body = std::make_shared<QByteArray>();
    const auto readBody = [reply, body] {
        if (!reply->isOpen() || reply->property("fcbOversized").toBool())
            return;
        *body += reply->read(bodyLimit::small + 1 - body->size());
        if (body->size() > bodyLimit::small) {
            reply->setProperty("fcbOversized", true);
            reply->abort();
        }
    };
    QObject::connect(reply, &QNetworkReply::readyRead, reply, readBody);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, promise, token, body, readBody] {
        reply->deleteLater();
        readBody();
        if (token->isCanceled())
            return settle(promise,
                Result<BackupItem>(fail(ErrorCode::Cancelled, FcbRemoteBackendText::tr("Cancelled."))));
        if (reply->property("fcbOversized").toBool())
            return settle(promise,
                Result<BackupItem>(fail(ErrorCode::Network,
                    FcbRemoteBackendText::tr("The server sent more than %1 for the upload's "
                                             "answer; the answer was dropped.")
                        .arg(files::humanSize(bodyLimit::small)))));
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid() || reply->property("fcbTimedOut").toBool())
            return settle(promise,
                Result<BackupItem>(fail(networkError(reply, reply->property("fcbTimedOut").toBool()))));
        ApiResponse response;
        response.status = status.toInt();
        response.body = *body;
        const auto item = RemoteBackend::parseItem(response.json().object(), QDateTime::currentDateTimeUtc());
        if (response.status / 100 != 2 || !item)
            return settle(promise, Result<BackupItem>(fail(ApiCall::errorFor(response))));
        settle(promise, Result<BackupItem>(*item));
    });
}

} // namespace

Location RemoteBackend::location() const
{
    Location where;
    where.kind = Location::Kind::Server;
    where.server = m_session->options().server.adjusted(QUrl::RemoveUserInfo);
    where.usesApiKey = m_session->usesApiKey();
    return where;
}

std::optional<QString> RemoteBackend::curlCommand(curl::Action action, const QString& backup) const
{
    return curl::command(action, m_session->options().server, backup,
        m_session->usesApiKey() ? curl::Auth::ApiKey : curl::Auth::Token);
}

Job<Result<Capabilities>> RemoteBackend::capabilities()
{
    Pending<Capabilities> p;
    auto promise = p.promise;
    withCapabilities(
        m_session, m_shared, p.job.token, [promise](Result<Capabilities> caps) { settle(promise, caps); });
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
        settle(promise,
            Result<BackupPage>(fail(
                ErrorCode::Usage, FcbRemoteBackendText::tr("Pages start at 1 and hold 1 to 1000 backups."))));
        return p.job;
    }
    ApiCall::Spec spec;
    spec.path = QStringLiteral("/backups");
    spec.query = { { QStringLiteral("page"), QString::number(page) },
        { QStringLiteral("per_page"), QString::number(perPage) } };
    spec.maxBodyBytes = bodyLimit::listPage;
    spec.what = FcbRemoteBackendText::tr("the list of backups");
    auto* call = new ApiCall(
        m_session, spec, p.job.token,
        [promise, page, perPage](Result<ApiResponse> answer) {
            if (!answer)
                return settle(promise, Result<BackupPage>(fail(answer.error())));
            settle(promise, parsePage(*answer, page, perPage, QDateTime::currentDateTimeUtc()));
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
    spec.what = FcbRemoteBackendText::tr("the new backup");
    auto* call = new ApiCall(
        m_session, spec, p.job.token,
        [promise](Result<ApiResponse> answer) {
            if (!answer)
                return settle(promise, Result<CreateResult>(fail(answer.error())));
            const auto item = parseItem(answer->json().object(), QDateTime::currentDateTimeUtc());
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
    if (auto valid = checkRequestName(fileName); !valid) {
        settle(promise, valid);
        return p.job;
    }
    ApiCall::Spec spec;
    spec.method = "DELETE";
    spec.path = QStringLiteral("/backups/") + encoded(fileName);
    spec.what = FcbRemoteBackendText::tr("the deletion");
    auto* call = new ApiCall(m_session, spec, p.job.token, [promise](Result<ApiResponse> answer) {
        if (!answer)
            return settle(promise, Result<void>(fail(answer.error())));
        if (answer->status == 200)
            return settle(promise, ok());
        // FastCMS answers every delete failure with 404.
        if (answer->status == 404) {
            const QString detail = ApiCall::serverDetail(*answer);
            return settle(promise,
                Result<void>(fail(ErrorCode::NotFound,
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
    if (auto valid = checkRequestName(fileName); !valid) {
        settle(promise, Result<StageResult>(fail(valid.error())));
        return p.job;
    }
    ApiCall::Spec spec;
    spec.method = "POST";
    spec.path = QStringLiteral("/backups/") + encoded(fileName) + QStringLiteral("/restore");
    spec.what = FcbRemoteBackendText::tr("the restore request");
    const QUrl server = m_session->options().server;
    RemoteStateStore store = m_store;
    auto* call = new ApiCall(
        m_session, spec, p.job.token, [promise, fileName, server, store](Result<ApiResponse> answer) mutable {
            if (!answer)
                return settle(promise, Result<StageResult>(fail(answer.error())));
            const QJsonObject object = answer->json().object();
            const QString detail = ApiCall::serverDetail(*answer);
            if (answer->status == 200
                && object.value(QStringLiteral("status")).toString() == QStringLiteral("pending_restart")) {
                StageResult result;
                // The name asked for, not the server's echo of it: only a checked name is remembered
                // and shown.
                result.marker.backupFilename = fileName;
                const QString requestedAt = object.value(QStringLiteral("requested_at")).toString();
                result.marker.requestedAt
                    = pyjson::parseIsoTime(requestedAt) ? requestedAt : pyjson::nowIsoNaiveUtc();
                // The server has no route that tells a restore is pending: remember it here.
                (void)store.setPending(server, { result.marker.backupFilename, result.marker.requestedAt });
                return settle(promise, Result<StageResult>(result));
            }
            if (answer->status == 500 && detail.contains(QStringLiteral("not found"), Qt::CaseInsensitive))
                return settle(promise,
                    Result<StageResult>(fail(ErrorCode::NotFound,
                        FcbRemoteBackendText::tr("Backup not found on the server."), detail)));
            if (answer->status == 500 && detail.startsWith(QStringLiteral("Restore failed")))
                return settle(promise,
                    Result<StageResult>(fail(ErrorCode::BadArchive,
                        FcbRemoteBackendText::tr("The server could not stage the restore: %1").arg(detail),
                        detail)));
            settle(promise, Result<StageResult>(fail(ApiCall::errorFor(*answer))));
        });
    call->start();
    return p.job;
}

Job<Result<void>> RemoteBackend::unstageRestore()
{
    Pending<void> p;
    settle(p.promise,
        Result<void>(fail(ErrorCode::Unsupported,
            FcbRemoteBackendText::tr(
                "FastCMS offers no way to cancel a staged restore through its API: the server "
                "will apply it when it restarts."))));
    return p.job;
}

void RemoteBackend::startDownload(const QString& fileName, const QString& targetPath,
    std::shared_ptr<CancelToken> token, std::function<void(Result<DownloadResult>)> done,
    std::function<void(qint64, qint64)> progress)
{
    if (auto valid = checkRequestName(fileName); !valid) {
        done(fail(valid.error()));
        return;
    }
    QString target = targetPath;
    if (QFileInfo(target).isDir())
        target = QDir(target).filePath(fileName);
    QPointer<RemoteSession> session(m_session);
    withCapabilities(session, m_shared, token,
        [session, token, fileName, target, done, progress](Result<Capabilities> caps) {
            if (!caps)
                return done(fail(caps.error()));
            if (!caps->download)
                return done(fail(ErrorCode::Unsupported,
                    FcbRemoteBackendText::tr("This server does not offer downloads.")));
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
    withCapabilities(
        session, shared, token, [session, shared, promise, token, zipPath](Result<Capabilities> caps) {
            if (!caps)
                return settle(promise, Result<BackupItem>(fail(caps.error())));
            if (!caps->upload)
                return settle(promise,
                    Result<BackupItem>(fail(ErrorCode::Unsupported,
                        FcbRemoteBackendText::tr("This server does not accept uploads."))));
            if (session && session->needsSignIn()) {
                session->ensureSignedIn(
                    [session, shared, promise, token, zipPath](Result<SignInResult> signedIn) {
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
            (void)QtConcurrent::run(
                workers::pool(), [promise, dir, fileName, token, target, path = downloaded->path] {
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
        return fail(ErrorCode::NotFound,
            FcbRemoteBackendText::tr("No staged restore is remembered for this server."));
    return m_store.forget(m_session->options().server);
}

Job<Result<BackendStatus>> RemoteBackend::status()
{
    Pending<BackendStatus> p;
    auto promise = p.promise;
    // A page, not one entry: the newest backup is the newest valid one, and an entry a server
    // dates far in the future must not pass for a fresh backup.
    auto inner = list(1, 20);
    auto* watcher = new QFutureWatcher<Result<BackupPage>>(m_session);
    const QUrl server = m_session->options().server;
    const QString target = describe();
    RemoteStateStore store = m_store;
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, watcher, [watcher, promise, server, target, store] {
            watcher->deleteLater();
            const auto page = watcher->result();
            if (!page)
                return settle(promise, Result<BackendStatus>(fail(page.error())));
            BackendStatus s;
            s.target = target;
            s.backupCount = page->total;
            for (const BackupItem& item : page->items) {
                if (item.valid) {
                    s.newest = item;
                    break;
                }
            }
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

template <typename T, typename Work>
Job<Result<T>> RemoteBackend::afterDownloads(const QStringList& names, Work work)
{
    Pending<T> p;
    auto promise = p.promise;
    auto token = p.job.token;
    auto dir = std::make_shared<QTemporaryDir>();
    struct State
    {
        QHash<QString, QString> paths;
        qsizetype left = 0;
        bool failed = false;
    };
    auto state = std::make_shared<State>();
    QStringList unique = names;
    unique.removeDuplicates();
    state->left = unique.size();
    for (const QString& name : std::as_const(unique)) {
        startDownload(
            name, dir->filePath(name), token,
            [promise, dir, token, state, names, name, work](Result<DownloadResult> downloaded) {
                if (state->failed)
                    return;
                if (!downloaded) {
                    state->failed = true;
                    token->cancel(); // the other downloads are not needed any more
                    return settle(promise, Result<T>(fail(downloaded.error())));
                }
                state->paths.insert(name, downloaded->path);
                if (--state->left > 0)
                    return;
                QStringList paths;
                for (const QString& n : names)
                    paths.append(state->paths.value(n));
                (void)QtConcurrent::run(workers::pool(), [promise, dir, token, paths, work] {
                    PromiseTaskContext<Result<T>> task(*promise, token);
                    settle(promise, Result<T>(work(paths, dir->path(), task)));
                });
            },
            [promise, name](qint64 done, qint64 total) {
                report(promise, done, total, FcbRemoteBackendText::tr("Downloading %1").arg(name));
            });
    }
    return p.job;
}

Job<Result<DiffReport>> RemoteBackend::diff(const DiffRequest& request)
{
    if (request.against.isEmpty()) {
        Job<Result<DiffReport>> job;
        job.future = QtFuture::makeReadyFuture(Result<DiffReport>(fail(ErrorCode::Unsupported,
            FcbRemoteBackendText::tr("A server's live data cannot be read through its API; compare two of "
                                     "its backups instead."))));
        return job;
    }
    return afterDownloads<DiffReport>({ request.backup, request.against },
        [request](const QStringList& paths, const QString& dir, TaskContext& task) {
            return diff::run({ paths[0], paths[1], {}, {} }, request, dir, task);
        });
}

Job<Result<ExportResult>> RemoteBackend::exportRows(const ExportRequest& request)
{
    return afterDownloads<ExportResult>(
        { request.backup }, [request](const QStringList& paths, const QString& dir, TaskContext& task) {
            return diff::exportRows(paths[0], request, dir, task);
        });
}

Job<Result<ArchiveListing>> RemoteBackend::listArchive(const QString& fileName)
{
    return afterDownloads<ArchiveListing>({ fileName },
        [](const QStringList& paths, const QString&, TaskContext&) { return browse::listArchive(paths[0]); });
}

Job<Result<ExtractResult>> RemoteBackend::extract(
    const QString& fileName, const QStringList& paths, const QString& outputDir, bool force)
{
    return afterDownloads<ExtractResult>(
        { fileName }, [paths, outputDir, force](const QStringList& zips, const QString&, TaskContext& task) {
            return browse::extract(zips[0], paths, outputDir, force, task, files::freeSpace);
        });
}

} // namespace fcb
