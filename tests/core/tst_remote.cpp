// The remote backend against a server that behaves like FastCMS (tests/support/fake_fastcms.py):
// both response shapes, sign-in with two factors, token refresh with rotation, API keys, rate
// limits, faults that must end in a clear error within a bounded time, redirects, TLS, resumable
// downloads, a hostile server's names, sizes, dates and endless answers, and no secret in any log
// line or error message.
#include "TestSupport.h"
#include "archive/ArchiveReader.h"
#include "remote/CurlCommand.h"
#include "remote/RemoteBackend.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace fcb;

namespace {

QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    g_log.append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message);
}

struct Client
{
    QNetworkAccessManager network;
    QTemporaryDir stateDir;
    RemoteSession* session = nullptr;
    std::unique_ptr<RemoteBackend> backend;

    Client(const QUrl& server, const Credentials& credentials, int timeoutMs = 30000,
        const std::function<void(RemoteOptions&)>& adjust = {})
    {
        RemoteOptions options;
        options.server = server;
        options.transferTimeoutMs = timeoutMs;
        options.requestDeadlineMs = timeoutMs * 2;
        options.stateFile = stateDir.filePath(QStringLiteral("servers.json"));
        if (adjust)
            adjust(options);
        session = new RemoteSession(&network, options, credentials, &network);
        backend = std::make_unique<RemoteBackend>(session, RemoteStateStore(options.stateFile));
    }
};

Credentials password(const char* email, const char* pass)
{
    Credentials c;
    c.kind = Credentials::Kind::Password;
    c.email = QString::fromLatin1(email);
    c.password = QString::fromLatin1(pass);
    return c;
}

Credentials admin()
{
    return password(test::FakeServer::adminEmail, test::FakeServer::adminPassword);
}

Credentials apiKey()
{
    Credentials c;
    c.kind = Credentials::Kind::ApiKey;
    c.apiKey = QString::fromLatin1(test::FakeServer::apiKey);
    return c;
}

// The requests the server saw whose path contains `part`.
int requestsTo(test::FakeServer& server, const QString& method, const QString& part)
{
    int count = 0;
    for (const QJsonValue& entry : server.state().value(QStringLiteral("log")).toArray())
        if (entry.toArray().at(0).toString() == method && entry.toArray().at(1).toString().contains(part))
            ++count;
    return count;
}

// Every file under dir, any depth, as paths relative to it.
QStringList filesUnder(const QString& dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        found.append(QDir(dir).relativeFilePath(it.next()));
    found.sort();
    return found;
}

// The API key in the environment, for running the command-line tool against the fake server.
QStringList cliEnvironment()
{
    return { QStringLiteral("FASTCMS_API_KEY=") + QString::fromLatin1(test::FakeServer::apiKey) };
}

// An access and refresh token pair from a real sign-in, as a token file would hold them.
Credentials signedInTokens(const QUrl& server);

} // namespace

class TestRemote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheServersShapeAndTheDocumentedOne_data()
    {
        QTest::addColumn<bool>("oldShapes");
        QTest::newRow("server") << false;
        QTest::newRow("documented") << true;
    }
    void readsTheServersShapeAndTheDocumentedOne()
    {
        QFETCH(bool, oldShapes);
        test::FakeServer server(oldShapes ? QStringList { QStringLiteral("--old-shapes") } : QStringList {});
        QVERIFY(server.isRunning());
        server.control({ { QStringLiteral("seed"), 25 } });
        Client client(server.url(), admin());
        const auto page = test::await(client.backend->list(2, 10).future);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
        QCOMPARE(page->total, 25);
        QCOMPARE(page->totalPages, 3);
        QCOMPARE(page->items.size(), 10);
        const BackupItem& first = page->items.first();
        QVERIFY(first.fileName.startsWith(QStringLiteral("backup_")));
        QCOMPARE(first.id, first.fileName.chopped(4));
        QVERIFY(oldShapes || first.sizeBytes > 100); // the documented shape only has size_mb, rounded
        QVERIFY(first.created.isValid());
        const auto created = test::await(client.backend->create({}).future);
        QVERIFY(created);
        QVERIFY(created->backup.sizeBytes > 100);
        QVERIFY(created->backup.created.isValid());
    }

    void signInWithTwoFactorCode()
    {
        test::FakeServer server({ QStringLiteral("--two-factor") });
        Client client(server.url(), admin());
        auto first = test::await(client.backend->signIn().future);
        QVERIFY(first);
        QVERIFY(first->requiresTwoFactor);
        client.session->setTwoFactorCode(QStringLiteral("000000"));
        auto wrong = test::await(client.backend->signIn().future);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::Unauthorized);
        client.session->setTwoFactorCode(QStringLiteral("123456"));
        auto second = test::await(client.backend->signIn().future);
        QVERIFY(second && !second->requiresTwoFactor);
        QCOMPARE(second->role, QStringLiteral("admin"));
        QVERIFY(test::await(client.backend->list(1, 20).future));
    }

    void authenticationFailuresAreNamed()
    {
        test::FakeServer server;
        server.control({ { QStringLiteral("seed"), 2 } });
        // Wrong password.
        Client wrong(server.url(), password(test::FakeServer::adminEmail, "nope"));
        auto r = test::await(wrong.backend->list(1, 20).future);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Unauthorized);
        QVERIFY(r.error().message.contains(QStringLiteral("wrong email or password")));
        // A valid account that is not an administrator.
        Client editor(
            server.url(), password(test::FakeServer::editorEmail, test::FakeServer::editorPassword));
        r = test::await(editor.backend->list(1, 20).future);
        QVERIFY(!r);
        QCOMPARE(r.error().message, QStringLiteral("This account is not an administrator."));
        // A token of the editor's, used directly: the server's own 401 "Admin access required".
        QProcess curl;
        curl.start(QStringLiteral("curl"),
            { QStringLiteral("-s"), QStringLiteral("-XPOST"),
                server.url().toString() + QStringLiteral("/api/v1/auth/login"), QStringLiteral("-d"),
                QStringLiteral(R"({"email":"editor@example.org","password":"editor password"})") });
        QVERIFY(curl.waitForFinished(15000));
        Credentials editorToken;
        editorToken.kind = Credentials::Kind::AccessToken;
        editorToken.accessToken = QJsonDocument::fromJson(curl.readAllStandardOutput())
                                      .object()
                                      .value(QStringLiteral("token"))
                                      .toObject()
                                      .value(QStringLiteral("access_token"))
                                      .toString();
        QVERIFY(!editorToken.accessToken.isEmpty());
        Client editorByToken(server.url(), editorToken);
        r = test::await(editorByToken.backend->list(1, 20).future);
        QVERIFY(!r);
        QCOMPARE(r.error().message, QStringLiteral("This account is not an administrator."));
        // A token the server never issued.
        Credentials token;
        token.kind = Credentials::Kind::AccessToken;
        token.accessToken = QStringLiteral("not-a-valid-token");
        Client bogus(server.url(), token);
        r = test::await(bogus.backend->list(1, 20).future);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Unauthorized);
        // API keys: a valid one works, an invalid one is refused.
        Credentials key;
        key.kind = Credentials::Kind::ApiKey;
        key.apiKey = QString::fromLatin1(test::FakeServer::apiKey);
        Client keyed(server.url(), key);
        QVERIFY(test::await(keyed.backend->list(1, 20).future));
        key.apiKey = QStringLiteral("fcms_deadbeef_00000000000000000000000000000000");
        Client badKey(server.url(), key);
        r = test::await(badKey.backend->list(1, 20).future);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Unauthorized);
        QVERIFY(r.error().message.contains(QStringLiteral("API key")));
    }

    void firstRunServerIsExplained()
    {
        test::FakeServer server({ QStringLiteral("--needs-setup") });
        Client client(server.url(), admin());
        const auto r = test::await(client.backend->list(1, 20).future);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("not been set up yet")));
    }

    void expiredTokenIsRefreshedAndTheRotatedOneKept()
    {
        test::FakeServer server;
        server.control({ { QStringLiteral("seed"), 3 } });
        const Credentials tokens = signedInTokens(server.url());
        QVERIFY(!tokens.refreshToken.isEmpty());
        Client client(server.url(), tokens);
        QSignalSpy rotated(client.session, &RemoteSession::tokensChanged);
        QVERIFY(test::await(client.backend->list(1, 20).future));
        QCOMPARE(rotated.size(), 0);

        server.control({ { QStringLiteral("expire_tokens"), true } }); // expires mid-session
        QVERIFY(test::await(client.backend->list(1, 20).future));
        QCOMPARE(rotated.size(), 1);
        QVERIFY(rotated.first().at(1).toString() != tokens.refreshToken);
        // The old refresh token is revoked: a client still holding it is signed out.
        server.control({ { QStringLiteral("expire_tokens"), true } });
        Client stale(server.url(), tokens);
        const auto r = test::await(stale.backend->list(1, 20).future);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Unauthorized);
        // The current one still renews.
        QVERIFY(test::await(client.backend->list(1, 20).future));
        QCOMPARE(rotated.size(), 2);
    }

    void concurrentRequestsShareOneRefresh()
    {
        test::FakeServer server;
        server.control({ { QStringLiteral("seed"), 2 } });
        const Credentials tokens = signedInTokens(server.url());
        QVERIFY(!tokens.refreshToken.isEmpty());
        Client client(server.url(), tokens);
        QSignalSpy rotated(client.session, &RemoteSession::tokensChanged);
        server.control({ { QStringLiteral("expire_tokens"), true } });
        QList<Job<Result<BackupPage>>> jobs;
        for (int i = 0; i < 4; ++i)
            jobs.append(client.backend->list(1, 20));
        // Cancelling one request does not sign the others out.
        jobs.first().cancel();
        for (int i = 1; i < jobs.size(); ++i)
            QVERIFY(test::await(jobs[i].future));
        QCOMPARE(rotated.size(), 1);
    }

    void rateLimitIsHonoured()
    {
        test::FakeServer server;
        server.control({ { QStringLiteral("rate_limit"), 2 }, { QStringLiteral("rate_window"), 1 } });
        Client client(server.url(), admin());
        QStringList texts;
        for (int i = 0; i < 4; ++i) {
            auto job = client.backend->list(1, 20);
            QFutureWatcher<Result<BackupPage>> watcher;
            connect(&watcher, &QFutureWatcherBase::progressTextChanged, this,
                [&texts](const QString& t) { texts.append(t); });
            watcher.setFuture(job.future);
            QVERIFY(test::await(job.future));
        }
        QVERIFY2(texts.contains(QStringLiteral("Too many requests: retrying in 1 s")),
            qPrintable(texts.join(QLatin1Char('|'))));
    }

    void routeQuirksBecomeClearMessages()
    {
        test::FakeServer server;
        server.control({ { QStringLiteral("seed"), 1 } });
        Client client(server.url(), admin());
        auto staged
            = test::await(client.backend->stageRestore(QStringLiteral("backup_21000101_000000.zip")).future);
        QVERIFY(!staged);
        QCOMPARE(staged.error().code, ErrorCode::NotFound);
        QCOMPARE(staged.error().message, QStringLiteral("Backup not found on the server."));
        auto removed
            = test::await(client.backend->remove(QStringLiteral("backup_21000101_000000.zip")).future);
        QCOMPARE(removed.error().message, QStringLiteral("Backup not found on the server."));
        auto page = test::await(client.backend->list(1, 0).future);
        QCOMPARE(page.error().code, ErrorCode::Usage);
        auto unstage = test::await(client.backend->unstageRestore().future);
        QCOMPARE(unstage.error().code, ErrorCode::Unsupported);
        auto download = test::await(
            client.backend->download(QStringLiteral("backup_20260101_010000.zip"), QDir::tempPath()).future);
        QCOMPARE(download.error().code, ErrorCode::Unsupported);
        QCOMPARE(download.error().message, QStringLiteral("This server does not offer downloads."));
        auto verify
            = test::await(client.backend->verify(QStringLiteral("backup_20260101_010000.zip")).future);
        QCOMPARE(verify.error().code, ErrorCode::Unsupported);
        // A staged restore is remembered per server, since the server has no route that tells.
        QVERIFY(
            test::await(client.backend->stageRestore(QStringLiteral("backup_20260101_010000.zip")).future));
        const QString stateFile = client.stateDir.filePath(QStringLiteral("servers.json"));
        RemoteStateStore store(stateFile);
        QUrl sameServer = server.url();
        sameServer.setPath(QStringLiteral("/"));
        QCOMPARE(store.pending(sameServer)->backupFilename, QStringLiteral("backup_20260101_010000.zip"));
        test::FakeServer other;
        QVERIFY(!store.pending(other.url()));
        const auto status = test::await(client.backend->status().future);
        QVERIFY(status && status->restorePending);
        QCOMPARE(status->pendingBackup, QStringLiteral("backup_20260101_010000.zip"));
        QVERIFY(client.backend->forgetPendingRestore());
        QVERIFY(!test::await(client.backend->status().future)->restorePending);
        QCOMPARE(client.backend->forgetPendingRestore().error().code, ErrorCode::NotFound);
        // A backup that is no zip: FastCMS's "Restore failed" 500.
        server.control({ { QStringLiteral("bad_zip"), QStringLiteral("backup_20200101_000000.zip") } });
        const auto bad
            = test::await(client.backend->stageRestore(QStringLiteral("backup_20200101_000000.zip")).future);
        QCOMPARE(bad.error().code, ErrorCode::BadArchive);
        QVERIFY(bad.error().message.contains(QStringLiteral("File is not a zip file")));
    }

    void faultsEndInAClearErrorInBoundedTime_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("words");
        QTest::newRow("hang") << QStringLiteral("hang") << QStringLiteral("did not answer in time");
        QTest::newRow("slow drip") << QStringLiteral("drip") << QStringLiteral("did not answer in time");
        QTest::newRow("reset mid-body") << QStringLiteral("reset") << QStringLiteral("closed the connection");
        QTest::newRow("500") << QStringLiteral("500") << QStringLiteral("Server error: database is locked");
        QTest::newRow("garbage JSON") << QStringLiteral("garbage") << QStringLiteral("not JSON");
        QTest::newRow("invalid UTF-8")
            << QStringLiteral("bad-utf8") << QStringLiteral("not JSON (invalid UTF8 string");
        QTest::newRow("redirect elsewhere") << QStringLiteral("redirect") << QStringLiteral("not followed");
    }
    void faultsEndInAClearErrorInBoundedTime()
    {
        QFETCH(QString, fault);
        QFETCH(QString, words);
        test::FakeServer server;
        Client client(server.url(), admin(), 1500);
        QVERIFY(test::await(client.backend->signIn().future));
        server.control({ { QStringLiteral("fault"), fault } });
        QElapsedTimer timer;
        timer.start();
        const auto r = test::await(client.backend->list(1, 20).future, 30000);
        QVERIFY(!r);
        QVERIFY(timer.elapsed() < 10000);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(r.error().message.contains(words), qPrintable(r.error().message));
        if (fault == QStringLiteral("redirect")) {
            const QJsonObject state = server.state();
            QCOMPARE(state.value(QStringLiteral("foreign_auth_seen")).toBool(), false);
            QCOMPARE(state.value(QStringLiteral("foreign_requests")).toInt(), 0);
        }
    }

    void hostileListEntriesAreFlaggedAndNeverActedOn()
    {
        test::FakeServer server({ QStringLiteral("--download") });
        server.control(
            { { QStringLiteral("seed"), 1 }, { QStringLiteral("fault"), QStringLiteral("hostile-list") } });
        Client client(server.url(), apiKey());
        const auto page = test::await(client.backend->list(1, 20).future);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
        QCOMPARE(page->items.size(), 9);
        const QStringList reasons {
            QStringLiteral("path separator"),
            QStringLiteral("control or invisible characters"),
            QStringLiteral("longer than a file name can be"),
            QStringLiteral("impossible size (-5)"),
            QStringLiteral("impossible size (1e+300)"),
            QStringLiteral("impossible size (\"12\")"),
            QStringLiteral("no date (\"the day before yesterday\")"),
            QStringLiteral("in the future (9999-12-31T23:59:59Z)"),
        };
        for (int i = 0; i < reasons.size(); ++i) {
            const BackupItem& item = page->items.at(i);
            QVERIFY2(!item.valid, qPrintable(item.fileName));
            QVERIFY2(item.invalidReason.contains(reasons.at(i)), qPrintable(item.invalidReason));
            // Shown as text that cannot drive a terminal, and of a sane length.
            QVERIFY(!item.fileName.contains(QChar(0x1b)));
            QVERIFY(item.fileName.size() <= 121);
            QVERIFY(item.sizeBytes >= 0);
        }
        QCOMPARE(page->items.at(1).fileName, QStringLiteral("backup_\\u001b[31mred\\u001b[0m.zip"));
        const BackupItem& real = page->items.last();
        QVERIFY2(real.valid, qPrintable(real.invalidReason));
        QCOMPARE(real.fileName, QStringLiteral("backup_20260101_010000.zip"));

        // Names that are no plain backup names are refused before any request.
        QTemporaryDir target;
        const QString escaped = QStringLiteral("backup_\x1b[31mred\x1b[0m.zip");
        const QString longName
            = QStringLiteral("backup_") + QString(300, QLatin1Char('a')) + QStringLiteral(".zip");
        for (const QString& name : { QStringLiteral("../../evil.zip"), escaped, longName }) {
            QCOMPARE(test::await(client.backend->remove(name).future).error().code, ErrorCode::Usage);
            QCOMPARE(test::await(client.backend->stageRestore(name).future).error().code, ErrorCode::Usage);
            QCOMPARE(test::await(client.backend->download(name, target.path()).future).error().code,
                ErrorCode::Usage);
            QCOMPARE(test::await(client.backend->verify(name).future).error().code, ErrorCode::Usage);
        }
        QCOMPARE(requestsTo(server, QStringLiteral("DELETE"), QStringLiteral("/backups/")), 0);
        QCOMPARE(requestsTo(server, QStringLiteral("POST"), QStringLiteral("/restore")), 0);
        QCOMPARE(requestsTo(server, QStringLiteral("GET"), QStringLiteral("/download")), 0);
        QVERIFY(filesUnder(target.path()).isEmpty());

        // An entry dated in 9999 is not the newest backup.
        const auto status = test::await(client.backend->status().future);
        QVERIFY(status && status->newest);
        QCOMPARE(status->newest->fileName, QStringLiteral("backup_20260101_010000.zip"));

        // The command-line tool prints them as invalid entries, in text and in JSON.
        const QStringList where { QStringLiteral("--server"), server.url().toString() };
        const auto text = test::runCli(QStringList { QStringLiteral("list") } + where, cliEnvironment());
        QCOMPARE(text.exitCode, 0);
        QVERIFY(!text.out.contains('\x1b'));
        QCOMPARE(text.out.count("INVALID: "), 8);
        const auto json = test::runCli(
            QStringList { QStringLiteral("list"), QStringLiteral("--json") } + where, cliEnvironment());
        const QJsonArray items = json.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 9);
        QCOMPARE(items.at(3).toObject().value(QStringLiteral("valid")).toBool(true), false);
        QVERIFY(items.at(3)
                    .toObject()
                    .value(QStringLiteral("invalid_reason"))
                    .toString()
                    .contains(QStringLiteral("impossible size")));
        QCOMPARE(items.at(8).toObject().value(QStringLiteral("valid")).toBool(), true);
    }

    void oversizedAnswersAreCutAtTheirLimit_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("declares 450 MB") << QStringLiteral("huge-list");
        QTest::newRow("never ends") << QStringLiteral("endless-list");
    }
    void oversizedAnswersAreCutAtTheirLimit()
    {
        QFETCH(QString, fault);
        test::FakeServer server;
        server.control({ { QStringLiteral("fault"), fault } });
        Client client(server.url(), apiKey(), 10000);
        const auto r = test::await(client.backend->list(1, 20).future);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(r.error().message.startsWith(QStringLiteral("The server sent more than ")),
            qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QStringLiteral("for the list of backups")),
            qPrintable(r.error().message));
        // The client hung up at the limit: what the server got out is the limit plus what the
        // sockets buffer, far from the 256 MiB it would send to a client that reads on.
        QTRY_VERIFY(server.state().value(QStringLiteral("streamed")).toDouble() > 0
            || fault == QStringLiteral("huge-list"));
        const double streamed = server.state().value(QStringLiteral("streamed")).toDouble();
        QVERIFY2(streamed < 64.0 * 1048576, qPrintable(QString::number(streamed)));
    }

    void aTricklingServerGetsNoMoreThanTheTimeout_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("headers one byte a second") << QStringLiteral("slow-headers");
        QTest::newRow("body one byte a second") << QStringLiteral("drip");
    }
    void aTricklingServerGetsNoMoreThanTheTimeout()
    {
        // --timeout is the whole deadline of an API call, however slowly its answer arrives.
        QFETCH(QString, fault);
        test::FakeServer server;
        const QStringList args { QStringLiteral("list"), QStringLiteral("--server"), server.url().toString(),
            QStringLiteral("--timeout"), QStringLiteral("2") };
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(test::runCli(args, cliEnvironment()).exitCode, 0);
        const qint64 baseline = timer.elapsed(); // starting the tool and one quick answer
        server.control({ { QStringLiteral("fault"), fault } });
        timer.restart();
        const auto run = test::runCli(args, cliEnvironment());
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(run.exitCode, ExitCode::Network);
        QVERIFY2(run.err.contains("did not answer in time"), run.err.constData());
        // The deadline is 2 s; the margin is for a busy machine, not for a second deadline.
        QVERIFY2(elapsed < baseline + 5000,
            qPrintable(QStringLiteral("%1 ms (baseline %2 ms)").arg(elapsed).arg(baseline)));
    }

    void cancellingStopsAHangingCallAtOnce()
    {
        test::FakeServer server;
        Client client(server.url(), admin(), 60000);
        QVERIFY(test::await(client.backend->signIn().future));
        server.control({ { QStringLiteral("fault"), QStringLiteral("hang") } });
        auto job = client.backend->list(1, 20);
        QTest::qWait(300);
        QElapsedTimer timer;
        timer.start();
        job.cancel();
        const auto r = test::await(job.future, 10000);
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
    }

    void unreachableServerIsANetworkError()
    {
        int port = 0;
        {
            test::FakeServer server; // take a free port, then close it
            port = server.url().port();
        }
        Client client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), admin(), 2000);
        const auto r = test::await(client.backend->list(1, 20).future);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY(r.error().message.contains(QStringLiteral("connection refused")));
    }

    void tlsErrorsAreShownNotIgnored()
    {
        QTemporaryDir dir;
        QVERIFY(test::makeSelfSignedCertificate(dir.path()));
        test::FakeServer server({ QStringLiteral("--tls"), dir.filePath(QStringLiteral("cert.pem")),
            dir.filePath(QStringLiteral("key.pem")) });
        QVERIFY(server.isRunning());
        QUrl url = server.url();
        url.setScheme(QStringLiteral("https"));
        Client client(url, admin(), 5000);
        const auto r = test::await(client.backend->list(1, 20).future);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(r.error().message.contains(QStringLiteral("TLS")), qPrintable(r.error().message));
    }

    void plainHttpToAnotherHostIsFlagged()
    {
        QNetworkAccessManager network;
        const auto insecure = [&network](const char* url) {
            RemoteOptions options;
            options.server = QUrl(QString::fromLatin1(url));
            return RemoteSession(&network, options, {}).insecure();
        };
        QVERIFY(insecure("http://cms.example.org"));
        QVERIFY(insecure("http://192.0.2.10:8000"));
        QVERIFY(!insecure("http://127.0.0.1:8000"));
        QVERIFY(!insecure("http://localhost:8000"));
        QVERIFY(!insecure("http://[::1]:8000"));
        QVERIFY(!insecure("https://cms.example.org"));
    }

    void downloadsStreamResumeAndVerify()
    {
        test::FakeServer server({ QStringLiteral("--download") });
        server.control({ { QStringLiteral("seed"), 2 } });
        Client client(server.url(), admin());
        QTemporaryDir target;
        // The first response stops halfway: the job resumes with a Range request.
        server.control({ { QStringLiteral("fault"), QStringLiteral("cut-download") } });
        const auto got = test::await(
            client.backend->download(QStringLiteral("backup_20260101_020000.zip"), target.path()).future);
        QVERIFY2(got, qPrintable(got ? QString() : got.error().message));
        QVERIFY(got->resumed);
        QVERIFY(got->report && got->report->ok());
        QVERIFY(!QFile::exists(got->path + QStringLiteral(".part")));
        // The second request asked only for the missing part.
        const QJsonArray log = server.state().value(QStringLiteral("log")).toArray();
        bool ranged = false;
        for (const QJsonValue& entry : log)
            if (entry.toArray().at(1).toString().endsWith(QStringLiteral("/download")))
                ranged = ranged || entry.toArray().at(3).toString().startsWith(QStringLiteral("bytes="));
        QVERIFY(ranged);
        // Downloading over an existing file is refused.
        auto again = test::await(
            client.backend->download(QStringLiteral("backup_20260101_020000.zip"), target.path()).future);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        server.control({ { QStringLiteral("fault"), QJsonValue() } });
        auto verified
            = test::await(client.backend->verify(QStringLiteral("backup_20260101_010000.zip")).future);
        QVERIFY(verified && verified->ok());
        auto missing = test::await(
            client.backend->download(QStringLiteral("backup_21000101_000000.zip"), target.path()).future);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void downloadFaultsEndCleanly()
    {
        test::FakeServer server({ QStringLiteral("--download") });
        server.control({ { QStringLiteral("seed"), 2 } });
        Client client(server.url(), admin(), 1000);
        QVERIFY(test::await(client.backend->signIn().future));
        QTemporaryDir target;
        const QString name = QStringLiteral("backup_20260101_020000.zip");
        // The server ignores Range after an interruption: the job starts over and still succeeds.
        server.control({ { QStringLiteral("fault"), QStringLiteral("ignore-range") } });
        auto got = test::await(client.backend->download(name, target.path()).future);
        QVERIFY2(got, qPrintable(got ? QString() : got.error().message));
        QVERIFY(got->report && got->report->ok());
        QFile::remove(got->path);
        // A trickle ends in bounded time, keeping the partial file for a later resume.
        server.control({ { QStringLiteral("fault"), QStringLiteral("drip") } });
        QElapsedTimer timer;
        timer.start();
        auto dripped = test::await(client.backend->download(name, target.path()).future, 30000);
        QVERIFY(!dripped);
        QVERIFY(timer.elapsed() < 10000);
        QCOMPARE(dripped.error().code, ErrorCode::Network);
        QVERIFY(!QFile::exists(target.filePath(name)));
        // An error page with a success status is not saved as a backup.
        QFile::remove(target.filePath(name) + QStringLiteral(".part"));
        server.control({ { QStringLiteral("fault"), QStringLiteral("garbage") } });
        auto garbage = test::await(client.backend->download(name, target.path()).future);
        QVERIFY(!garbage);
        QVERIFY(!QFile::exists(target.filePath(name)));
        // A passing failure of /openapi.json is not remembered as "no downloads".
        Client fresh(server.url(), admin());
        server.control({ { QStringLiteral("fault"), QStringLiteral("500") } });
        QCOMPARE(test::await(fresh.backend->download(name, target.path()).future).error().code,
            ErrorCode::Network);
        server.control({ { QStringLiteral("fault"), QJsonValue() } });
        QVERIFY(test::await(fresh.backend->download(name, target.path()).future));
        // Verification downloads too, and can be cancelled like any job.
        server.control({ { QStringLiteral("fault"), QStringLiteral("drip") } });
        Client patient(server.url(), admin(), 60000);
        auto verifying = patient.backend->verify(name);
        QTest::qWait(500);
        timer.restart();
        verifying.cancel();
        QCOMPARE(test::await(verifying.future, 10000).error().code, ErrorCode::Cancelled);
        QVERIFY(timer.elapsed() < 3000);
    }

    void downloadsStayInTheirFolder()
    {
        // A same-origin redirect and a Content-Disposition naming ../../evil.zip: the backup
        // still lands where it was asked to, under its own name, and nowhere else.
        test::FakeServer server({ QStringLiteral("--download") });
        server.control({ { QStringLiteral("seed"), 1 },
            { QStringLiteral("fault"), QStringLiteral("hostile-download") } });
        Client client(server.url(), apiKey());
        QTemporaryDir root;
        const QString folder = root.filePath(QStringLiteral("a/b"));
        QVERIFY(QDir().mkpath(folder));
        const QString name = QStringLiteral("backup_20260101_010000.zip");
        const auto got = test::await(client.backend->download(name, folder).future);
        QVERIFY2(got, qPrintable(got ? QString() : got.error().message));
        QCOMPARE(got->path, QDir(folder).filePath(name));
        QCOMPARE(filesUnder(root.path()), QStringList { QStringLiteral("a/b/") + name });
        QCOMPARE(requestsTo(server, QStringLiteral("GET"), QStringLiteral("hop=1")), 1);
    }

    void downloadsAreHeldToTheDeclaredSizeAndTheFreeSpace()
    {
        test::FakeServer server({ QStringLiteral("--download") });
        server.control({ { QStringLiteral("seed"), 1 } });
        const QString name = QStringLiteral("backup_20260101_010000.zip");
        QTemporaryDir target;
        // The disk as this test sees it: 96 MiB free, less what the download wrote.
        const auto disk = [](RemoteOptions& options) {
            options.freeSpace = [](const QString& folder) {
                qint64 used = 0;
                for (const QFileInfo& file : QDir(folder).entryInfoList(QDir::Files | QDir::Hidden))
                    used += file.size();
                return (qint64(96) << 20) - used;
            };
        };
        Client client(server.url(), apiKey(), 10000, disk);

        // A declared size that does not fit is refused before a byte is written.
        server.control({ { QStringLiteral("fault"), QStringLiteral("huge-download") } });
        auto r = test::await(client.backend->download(name, target.path()).future);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NoSpace);
        QVERIFY(filesUnder(target.path()).isEmpty());

        // A body of unknown length stops where the free space would run short, and its partial
        // file goes.
        server.control({ { QStringLiteral("fault"), QStringLiteral("endless-download") } });
        r = test::await(client.backend->download(name, target.path()).future);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NoSpace);
        QVERIFY2(r.error().message.contains(QStringLiteral("without saying how much")),
            qPrintable(r.error().message));
        QVERIFY(filesUnder(target.path()).isEmpty());
        QCOMPARE(requestsTo(server, QStringLiteral("GET"), QStringLiteral("/download")), 2);

        // A write that fails (here a file size quota) ends the download at once: it would fail
        // the same way on every retry.
        Client real(server.url(), apiKey(), 10000);
        {
            test::FileSizeLimit quota(qint64(8) << 20);
            r = test::await(real.backend->download(name, target.path()).future);
        }
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Io);
        QCOMPARE(requestsTo(server, QStringLiteral("GET"), QStringLiteral("/download")), 3);
        QVERIFY(!QFile::exists(target.filePath(name)));
    }

    void uploadsWhereTheServerTakesThem()
    {
        test::FakeServer server({ QStringLiteral("--upload") });
        Client client(server.url(), admin());
        QTemporaryDir dir;
        const QString zip = dir.filePath(QStringLiteral("backup_20250101_000000.zip"));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("fastcms_backup_20261126_051757.zip")), zip));
        const auto uploaded = test::await(client.backend->upload(zip).future);
        QVERIFY2(uploaded, qPrintable(uploaded ? QString() : uploaded.error().message));
        QCOMPARE(uploaded->fileName, QStringLiteral("backup_20250101_000000.zip"));
        QVERIFY(server.state()
                    .value(QStringLiteral("backups"))
                    .toArray()
                    .contains(QStringLiteral("backup_20250101_000000.zip")));
        test::FakeServer plain;
        Client other(plain.url(), admin());
        QCOMPARE(test::await(other.backend->upload(zip).future).error().message,
            QStringLiteral("This server does not accept uploads."));
    }

    void noSecretReachesALogOrAnError()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("fcb.*=true"));
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        QStringList errors;
        QStringList secrets { QString::fromLatin1(test::FakeServer::adminPassword),
            QString::fromLatin1(test::FakeServer::apiKey) };
        {
            test::FakeServer server({ QStringLiteral("--download"), QStringLiteral("--two-factor") });
            server.control({ { QStringLiteral("seed"), 3 } });
            Credentials c = admin();
            c.twoFactorCode = QStringLiteral("123456");
            Client client(server.url(), c);
            QVERIFY(test::await(client.backend->list(1, 20).future));
            secrets << client.session->accessToken() << client.session->refreshToken();
            QVERIFY(test::await(client.backend->create({}).future));
            QTemporaryDir dir;
            QVERIFY(test::await(
                client.backend->download(QStringLiteral("backup_20260101_010000.zip"), dir.path()).future));
            QVERIFY(test::await(
                client.backend->stageRestore(QStringLiteral("backup_20260101_010000.zip")).future));
            server.control({ { QStringLiteral("expire_tokens"), true } });
            QVERIFY(test::await(client.backend->list(1, 20).future));
            secrets << client.session->accessToken() << client.session->refreshToken();
            for (const auto& r : { test::await(client.backend->remove(QStringLiteral("nope.zip")).future),
                     test::await(client.backend->unstageRestore().future) })
                errors << r.error().message << r.error().detail;
            server.control({ { QStringLiteral("fault"), QStringLiteral("500") } });
            const auto failed = test::await(client.backend->list(1, 20).future);
            errors << failed.error().message << failed.error().detail;
            Credentials key;
            key.kind = Credentials::Kind::ApiKey;
            key.apiKey = QString::fromLatin1(test::FakeServer::apiKey);
            Client keyed(server.url(), key);
            const auto keyedFail = test::await(keyed.backend->list(1, 20).future);
            errors << keyedFail.error().message << keyedFail.error().detail;
            server.control({ { QStringLiteral("fault"), QJsonValue() } });
            // Failed sign-ins and refreshes say nothing secret either.
            Credentials wrongCode = admin();
            wrongCode.twoFactorCode = QStringLiteral("999999");
            Client refused(server.url(), wrongCode);
            const auto refusedSignIn = test::await(refused.backend->list(1, 20).future);
            errors << refusedSignIn.error().message << refusedSignIn.error().detail;
            Credentials stale;
            stale.kind = Credentials::Kind::AccessToken;
            stale.accessToken = secrets.at(2);
            stale.refreshToken = secrets.at(3); // rotated away already: the server refuses it
            Client staleClient(server.url(), stale);
            const auto staleRefresh = test::await(staleClient.backend->list(1, 20).future);
            QVERIFY(!staleRefresh);
            errors << staleRefresh.error().message << staleRefresh.error().detail;
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(g_log.size() > 5); // the session was logged, in detail
        const QString everything = g_log.join(QLatin1Char('\n')) + errors.join(QLatin1Char('\n'));
        for (const QString& secret : secrets) {
            QVERIFY(secret.size() >= 8);
            QVERIFY2(!everything.contains(secret), "a secret reached a log line or an error message");
        }
    }

    void copyAsCurlCommandsWork()
    {
        // Every generated command, run by sh with curl against the server, does what the console
        // would; the token comes from the environment and is not in the command.
        test::FakeServer server({ QStringLiteral("--download"), QStringLiteral("--upload") });
        QVERIFY(server.isRunning());
        server.control({ { QStringLiteral("seed"), 2 } });
        const Credentials tokens = signedInTokens(server.url());
        QVERIFY(!tokens.accessToken.isEmpty());
        QTemporaryDir dir;
        const auto sh = [&](const QString& command, const QString& env = QStringLiteral("FASTCMS_TOKEN")) {
            QVERIFY2(!command.contains(tokens.accessToken), qPrintable(command));
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(env,
                env == QStringLiteral("FASTCMS_TOKEN") ? tokens.accessToken
                                                       : QString::fromLatin1(test::FakeServer::apiKey));
            process.setProcessEnvironment(environment);
            process.setWorkingDirectory(dir.path());
            process.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
            QVERIFY(process.waitForFinished(60000));
            QVERIFY2(process.exitCode() == 0,
                qPrintable(command + QLatin1Char('\n') + QString::fromUtf8(process.readAllStandardError())));
        };
        const auto names = [&] {
            QStringList list;
            for (const QJsonValue& v : server.state().value(QStringLiteral("backups")).toArray())
                list.append(v.toString());
            return list;
        };
        const QStringList seeded = names();
        QCOMPARE(seeded.size(), 2);
        sh(curl::command(curl::Action::List, server.url(), {}));
        sh(curl::command(curl::Action::Create, server.url(), {}));
        QCOMPARE(names().size(), 3);
        sh(curl::command(curl::Action::Download, server.url(), seeded.first()));
        QVERIFY(QFileInfo(dir.filePath(seeded.first())).size() > 0);
        QVERIFY(archive::readDirectory(dir.filePath(seeded.first())));
        sh(curl::command(curl::Action::Delete, server.url(), seeded.first(), curl::Auth::ApiKey),
            QStringLiteral("FASTCMS_API_KEY"));
        QVERIFY(!names().contains(seeded.first()));
        const QString upload = dir.filePath(QStringLiteral("backup_20250101_000000.zip"));
        QVERIFY(QFile::rename(dir.filePath(seeded.first()), upload));
        sh(curl::command(curl::Action::Upload, server.url(), upload));
        QVERIFY(names().contains(QStringLiteral("backup_20250101_000000.zip")));
        sh(curl::command(curl::Action::Restore, server.url(), seeded.last()));
        // A path prefix in the server address is kept, like the console's own requests.
        QVERIFY(curl::command(curl::Action::List, QUrl(QStringLiteral("https://example.org/cms/")), {})
                    .endsWith(QStringLiteral("'https://example.org/cms/api/v1/backups?page=1&per_page=20'")));
    }
};

namespace {
Credentials signedInTokens(const QUrl& server)
{
    Client login(server, admin());
    Credentials tokens;
    tokens.kind = Credentials::Kind::AccessToken;
    if (test::await(login.backend->signIn().future)) {
        tokens.accessToken = login.session->accessToken();
        tokens.refreshToken = login.session->refreshToken();
    }
    return tokens;
}
} // namespace

QTEST_GUILESS_MAIN(TestRemote)
#include "tst_remote.moc"
