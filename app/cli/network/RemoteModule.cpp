#include "Command.h"
#include "FileUtil.h"
#include "Format.h"
#include "network/NetworkModule.h"
#include "remote/RemoteBackend.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <termios.h>
#include <unistd.h>

namespace fcb {

using namespace cli;

namespace {

// A secret from a file: the whole file when it is JSON (a saved token pair), else its first line.
QString readSecretFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = CommandLine::tr("Could not read %1.").arg(path);
        return {};
    }
    const QString text = QString::fromUtf8(file.read(1 << 20)).trimmed();
    return text.startsWith(QLatin1Char('{')) ? text : text.section(QLatin1Char('\n'), 0, 0).trimmed();
}

QString origin(const QUrl& url)
{
    return url.scheme().toLower() + QStringLiteral("://") + url.host().toLower() + QLatin1Char(':')
        + QString::number(url.port(url.scheme() == QStringLiteral("https") ? 443 : 80));
}

QString promptHidden(const QString& prompt)
{
    if (!isTerminal(stdin))
        return {};
    std::fputs(qPrintable(prompt), stderr);
    std::fflush(stderr);
    termios old {};
    ::tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    char buffer[512] = {};
    const bool got = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fputs("\n", stderr);
    return got ? QString::fromUtf8(buffer).trimmed() : QString();
}

} // namespace

// The network module: the server's backend and what only a server has. One per process; the
// tool runs one command, on one server.
class RemoteModule final : public NetworkModule
{
public:
    static RemoteModule& instance();
    std::unique_ptr<Backend> connect(CommandContext& cli, const QString& command) override;
    int runServerCommand(const QString& name, CommandContext& cli) override;
    void pingHeartbeat(CommandContext& cli, const QUrl& url) override;

private:
    // From --token-file, --api-key-file, --email (and a password) or the environment; nothing
    // after cli.fail().
    std::optional<Credentials> readCredentials(
        CommandContext& cli, const QUrl& server, const QString& command);
    void runLogin(CommandContext& cli);
    QNetworkAccessManager* networkAccess(CommandContext& cli);

    RemoteBackend* m_remote = nullptr; // made by connect(), owned by the tool
    QNetworkAccessManager* m_network = nullptr;
    QString m_tokenFile; // rewritten when the server rotates the refresh token
};

std::optional<Credentials> RemoteModule::readCredentials(
    CommandContext& cli, const QUrl& server, const QString& command)
{
    Credentials credentials;
    QString error;
    const QString tokenFile = cli.value(QStringLiteral("token-file"));
    const QString keyFile = cli.value(QStringLiteral("api-key-file"));
    if (!tokenFile.isEmpty()) {
        const QString text = readSecretFile(tokenFile, &error);
        credentials.kind = Credentials::Kind::AccessToken;
        const QJsonObject saved = QJsonDocument::fromJson(text.toUtf8()).object();
        if (!saved.isEmpty()) { // written by login --save-token: keeps itself current
            // Tokens go only to the server that issued them.
            const QUrl issuer(saved.value(QStringLiteral("server")).toString());
            if (issuer.isValid() && !issuer.host().isEmpty() && origin(issuer) != origin(server)) {
                cli.fail(Error::make(ErrorCode::Usage,
                    CommandLine::tr("The tokens in %1 belong to %2, not to %3.")
                        .arg(tokenFile, issuer.toDisplayString(QUrl::RemoveUserInfo),
                            server.toDisplayString(QUrl::RemoveUserInfo))));
                return std::nullopt;
            }
            credentials.accessToken = saved.value(QStringLiteral("access_token")).toString();
            credentials.refreshToken = saved.value(QStringLiteral("refresh_token")).toString();
            m_tokenFile = tokenFile;
        } else {
            credentials.accessToken = text;
        }
    } else if (!keyFile.isEmpty()) {
        credentials.kind = Credentials::Kind::ApiKey;
        credentials.apiKey = readSecretFile(keyFile, &error);
    } else if (cli.isSet(QStringLiteral("email"))) {
        credentials.kind = Credentials::Kind::Password;
        credentials.email = cli.value(QStringLiteral("email"));
        const QString passwordFile = cli.value(QStringLiteral("password-file"));
        credentials.password = !passwordFile.isEmpty() ? readSecretFile(passwordFile, &error)
                                                       : qEnvironmentVariable("FASTCMS_PASSWORD");
        if (credentials.password.isEmpty() && error.isEmpty())
            credentials.password = promptHidden(CommandLine::tr("Password for %1: ").arg(credentials.email));
        credentials.twoFactorCode = qEnvironmentVariable("FASTCMS_2FA_CODE");
    } else if (!qEnvironmentVariableIsEmpty("FASTCMS_TOKEN")) {
        credentials.kind = Credentials::Kind::AccessToken;
        credentials.accessToken = qEnvironmentVariable("FASTCMS_TOKEN");
    } else if (!qEnvironmentVariableIsEmpty("FASTCMS_API_KEY")) {
        credentials.kind = Credentials::Kind::ApiKey;
        credentials.apiKey = qEnvironmentVariable("FASTCMS_API_KEY");
    }
    if (!error.isEmpty()) {
        cli.fail(Error::make(ErrorCode::Usage, error));
        return std::nullopt;
    }
    if (command == QStringLiteral("login") && credentials.kind != Credentials::Kind::Password) {
        cli.fail(Error::make(ErrorCode::Usage,
            CommandLine::tr("login needs --email (the password comes from --password-file, "
                            "FASTCMS_PASSWORD or a prompt).")));
        return std::nullopt;
    }
    if (credentials.kind == Credentials::Kind::Password && credentials.password.isEmpty()) {
        cli.fail(Error::make(ErrorCode::Usage,
            CommandLine::tr("No password: use --password-file or FASTCMS_PASSWORD, or run on a terminal.")));
        return std::nullopt;
    }
    return credentials;
}

std::unique_ptr<Backend> RemoteModule::connect(CommandContext& cli, const QString& command)
{
    const QUrl server = QUrl::fromUserInput(cli.value(QStringLiteral("server")));
    if (!server.isValid()
        || (server.scheme() != QStringLiteral("http") && server.scheme() != QStringLiteral("https"))
        || server.host().isEmpty()) {
        cli.fail(
            Error::make(ErrorCode::Usage, CommandLine::tr("--server takes an http:// or https:// address.")));
        return nullptr;
    }
    if (!server.userInfo().isEmpty()) {
        cli.fail(Error::make(ErrorCode::Usage,
            CommandLine::tr("Put no credentials in --server: use --token-file, "
                            "--api-key-file or --email.")));
        return nullptr;
    }
    const auto credentials = readCredentials(cli, server, command);
    if (!credentials)
        return nullptr;
    RemoteOptions options;
    options.server = server;
    bool numeric = false;
    const int timeout = cli.value(QStringLiteral("timeout")).toInt(&numeric);
    if (!numeric || timeout < 1) {
        cli.fail(Error::make(ErrorCode::Usage, CommandLine::tr("--timeout takes a number of seconds.")));
        return nullptr;
    }
    // A silent download fails after --timeout; an API call has its whole answer within it, so a
    // server that trickles its headers or body gets no longer than a silent one.
    options.transferTimeoutMs = timeout * 1000;
    options.requestDeadlineMs = timeout * 1000;
    options.stateFile = qEnvironmentVariable("FASTCMS_BACKUP_STATE_FILE", RemoteStateStore::defaultPath());
    auto* session = new RemoteSession(networkAccess(cli), options, *credentials, cli.owner());
    if (session->insecure())
        cli.warn(CommandLine::tr("Warning: %1 is plain http:// to another machine: credentials and backups "
                                 "cross the network unencrypted.")
                     .arg(server.host()));
    QObject::connect(session, &RemoteSession::tokensChanged, cli.owner(),
        [&cli, server, tokenFile = m_tokenFile](const QString& access, const QString& refresh) {
            if (tokenFile.isEmpty())
                return;
            // The old refresh token is now revoked: keep the file current, or the next run is signed out.
            const QByteArray tokens = QJsonDocument(
                QJsonObject { { QStringLiteral("server"), server.toString() },
                    { QStringLiteral("access_token"), access },
                    { QStringLiteral("refresh_token"),
                        refresh } }).toJson();
            if (auto written = files::writeAtomically(tokenFile, tokens, files::ownerOnly); !written)
                cli.warn(
                    CommandLine::tr("Warning: the renewed tokens could not be saved to %1 (%2); the next run "
                                    "will have to sign in again.")
                        .arg(tokenFile, written.error().message));
        });
    auto backend = std::make_unique<RemoteBackend>(session, RemoteStateStore(options.stateFile));
    m_remote = backend.get();
    return backend;
}

void RemoteModule::runLogin(CommandContext& cli)
{
    RemoteBackend* remoteBackend = m_remote;
    watch<SignInResult>(cli, remoteBackend->signIn(), [this, &cli, remoteBackend](const SignInResult& r) {
        if (r.requiresTwoFactor) {
            const QString code = promptHidden(CommandLine::tr("Two-factor code: "));
            if (code.isEmpty()) {
                cli.fail(Error::make(ErrorCode::Unauthorized,
                    CommandLine::tr("This account needs a two-factor code: set FASTCMS_2FA_CODE or run "
                                    "login on a terminal to be asked for it.")));
                return;
            }
            remoteBackend->session()->setTwoFactorCode(code);
            runLogin(cli);
            return;
        }
        const QString saveTo = cli.value(QStringLiteral("save-token"));
        if (!saveTo.isEmpty()) {
            const QByteArray tokens = QJsonDocument(
                QJsonObject {
                    { QStringLiteral("server"), remoteBackend->describe() },
                    { QStringLiteral("access_token"), remoteBackend->session()->accessToken() },
                    { QStringLiteral("refresh_token"), remoteBackend->session()->refreshToken() },
                })
                                          .toJson();
            if (auto written = files::writeAtomically(saveTo, tokens, files::ownerOnly); !written) {
                cli.fail(written.error());
                return;
            }
        }
        if (cli.json())
            cli.printJson({ { QStringLiteral("email"), r.email }, { QStringLiteral("role"), r.role },
                { QStringLiteral("saved_to"), saveTo } });
        else if (!cli.quiet())
            cli.printLine(saveTo.isEmpty()
                    ? CommandLine::tr("Signed in as %1 (%2). Nothing was stored.").arg(r.email, r.role)
                    : CommandLine::tr("Signed in as %1 (%2). Tokens saved to %3 (readable by you only).")
                          .arg(r.email, r.role, saveTo));
        cli.finish(ExitCode::Success);
    });
}

void RemoteModule::pingHeartbeat(CommandContext& cli, const QUrl& url)
{
    // A monitoring service's "I am alive" URL, called only after a successful backup.
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    QNetworkReply* reply = networkAccess(cli)->get(request);
    // The answer is not needed: it is dropped as it comes, and a service that trickles it still
    // ends the run in 10 s.
    QObject::connect(
        reply, &QNetworkReply::readyRead, reply, [reply] { reply->skip(reply->bytesAvailable()); });
    QTimer::singleShot(10000, reply, [reply] { reply->abort(); });
    QObject::connect(reply, &QNetworkReply::finished, cli.owner(), [&cli, reply, url] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError && !cli.quiet())
            cli.warn(CommandLine::tr("Warning: the heartbeat %1 could not be reached (%2).")
                         .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery),
                             reply->errorString()));
        cli.finish(ExitCode::Success);
    });
}

int RemoteModule::runServerCommand(const QString& name, CommandContext& cli)
{
    if (name == QStringLiteral("login")) {
        runLogin(cli);
        return -1;
    }
    // forget-restore
    if (auto forgotten = m_remote->forgetPendingRestore(); !forgotten) {
        cli.fail(forgotten.error());
        return -1;
    }
    if (cli.json())
        cli.printJson({ { QStringLiteral("forgotten"), true } });
    else if (!cli.quiet())
        cli.printLine(CommandLine::tr("The reminder of the staged restore was removed from this machine."));
    return ExitCode::Success;
}

QNetworkAccessManager* RemoteModule::networkAccess(CommandContext& cli)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(cli.owner());
    return m_network;
}

RemoteModule& RemoteModule::instance()
{
    static RemoteModule module;
    return module;
}

} // namespace fcb

// The module's one entry point, found by network::load().
extern "C" Q_DECL_EXPORT const fcb::NetworkModuleEntry* fcb_network_module()
{
    static const fcb::NetworkModuleEntry entry { FCB_VERSION, fcb::kNetworkInterface,
        &fcb::RemoteModule::instance() };
    return &entry;
}
