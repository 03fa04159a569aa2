#include "CliFormat.h"
#include "CliWatch.h"
#include "FileUtil.h"
#include "remote/RemoteBackend.h"

#include <QFile>
#include <QJsonDocument>
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

bool CommandLine::connectRemote(const QString& command)
{
    const QUrl server = QUrl::fromUserInput(m_parser.value(QStringLiteral("server")));
    if (!server.isValid() || (server.scheme() != QStringLiteral("http") && server.scheme() != QStringLiteral("https"))
        || server.host().isEmpty()) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("--server takes an http:// or https:// address.")));
        return false;
    }
    if (!server.userInfo().isEmpty()) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("Put no credentials in --server: use --token-file, "
                                                           "--api-key-file or --email.")));
        return false;
    }
    Credentials credentials;
    QString error;
    const QString tokenFile = m_parser.value(QStringLiteral("token-file"));
    const QString keyFile = m_parser.value(QStringLiteral("api-key-file"));
    if (!tokenFile.isEmpty()) {
        const QString text = readSecretFile(tokenFile, &error);
        credentials.kind = Credentials::Kind::AccessToken;
        const QJsonObject saved = QJsonDocument::fromJson(text.toUtf8()).object();
        if (!saved.isEmpty()) { // written by login --save-token: keeps itself current
            // Tokens go only to the server that issued them.
            const QUrl issuer(saved.value(QStringLiteral("server")).toString());
            if (issuer.isValid() && !issuer.host().isEmpty() && origin(issuer) != origin(server)) {
                fail(Error::make(ErrorCode::Usage, CommandLine::tr("The tokens in %1 belong to %2, not to %3.")
                                                       .arg(tokenFile, issuer.toDisplayString(QUrl::RemoveUserInfo),
                                                            server.toDisplayString(QUrl::RemoveUserInfo))));
                return false;
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
    } else if (m_parser.isSet(QStringLiteral("email"))) {
        credentials.kind = Credentials::Kind::Password;
        credentials.email = m_parser.value(QStringLiteral("email"));
        const QString passwordFile = m_parser.value(QStringLiteral("password-file"));
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
        fail(Error::make(ErrorCode::Usage, error));
        return false;
    }
    if (command == QStringLiteral("login") && credentials.kind != Credentials::Kind::Password) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("login needs --email (the password comes from --password-file, "
                                                           "FASTCMS_PASSWORD or a prompt).")));
        return false;
    }
    if (credentials.kind == Credentials::Kind::Password && credentials.password.isEmpty()) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("No password: use --password-file or FASTCMS_PASSWORD, or run on a terminal.")));
        return false;
    }
    RemoteOptions options;
    options.server = server;
    bool numeric = false;
    const int timeout = m_parser.value(QStringLiteral("timeout")).toInt(&numeric);
    if (!numeric || timeout < 1) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("--timeout takes a number of seconds.")));
        return false;
    }
    // A silent download fails after --timeout; an API call has its whole answer within it, so a
    // server that trickles its headers or body gets no longer than a silent one.
    options.transferTimeoutMs = timeout * 1000;
    options.requestDeadlineMs = timeout * 1000;
    options.stateFile = qEnvironmentVariable("FASTCMS_BACKUP_STATE_FILE", RemoteStateStore::defaultPath());
    m_network = new QNetworkAccessManager(this);
    auto* session = new RemoteSession(m_network, options, credentials, this);
    if (session->insecure())
        std::fputs(qPrintable(CommandLine::tr("Warning: %1 is plain http:// to another machine: credentials and backups "
                                              "cross the network unencrypted.")
                                  .arg(server.host())
                              + QLatin1Char('\n')),
                   stderr);
    connect(session, &RemoteSession::tokensChanged, this, [this, server](const QString& access, const QString& refresh) {
        if (m_tokenFile.isEmpty())
            return;
        // The old refresh token is now revoked: keep the file current, or the next run is signed out.
        const QByteArray tokens = QJsonDocument(QJsonObject{{QStringLiteral("server"), server.toString()},
                                                            {QStringLiteral("access_token"), access},
                                                            {QStringLiteral("refresh_token"), refresh}})
                                      .toJson();
        if (auto written = files::writeAtomically(m_tokenFile, tokens, files::ownerOnly); !written)
            std::fputs(qPrintable(CommandLine::tr("Warning: the renewed tokens could not be saved to %1 (%2); the next run "
                                                  "will have to sign in again.")
                                      .arg(m_tokenFile, written.error().message)
                                  + QLatin1Char('\n')),
                       stderr);
    });
    m_backend = std::make_unique<RemoteBackend>(session, RemoteStateStore(options.stateFile));
    return true;
}

void CommandLine::runLogin()
{
    auto* remoteBackend = static_cast<RemoteBackend*>(m_backend.get());
    watch<SignInResult>(remoteBackend->signIn(), [this, remoteBackend](const SignInResult& r) {
        if (r.requiresTwoFactor) {
            const QString code = promptHidden(CommandLine::tr("Two-factor code: "));
            if (code.isEmpty()) {
                fail(Error::make(ErrorCode::Unauthorized,
                                 CommandLine::tr("This account needs a two-factor code: set FASTCMS_2FA_CODE or run "
                                                 "login on a terminal to be asked for it.")));
                return;
            }
            remoteBackend->session()->setTwoFactorCode(code);
            runLogin();
            return;
        }
        const QString saveTo = m_parser.value(QStringLiteral("save-token"));
        if (!saveTo.isEmpty()) {
            const QByteArray tokens = QJsonDocument(QJsonObject{
                                                        {QStringLiteral("server"), remoteBackend->describe()},
                                                        {QStringLiteral("access_token"), remoteBackend->session()->accessToken()},
                                                        {QStringLiteral("refresh_token"), remoteBackend->session()->refreshToken()},
                                                    })
                                          .toJson();
            if (auto written = files::writeAtomically(saveTo, tokens, files::ownerOnly); !written) {
                fail(written.error());
                return;
            }
        }
        if (m_json)
            printJson({{QStringLiteral("email"), r.email}, {QStringLiteral("role"), r.role}, {QStringLiteral("saved_to"), saveTo}});
        else if (!m_quiet)
            printLine(saveTo.isEmpty() ? CommandLine::tr("Signed in as %1 (%2). Nothing was stored.").arg(r.email, r.role)
                                       : CommandLine::tr("Signed in as %1 (%2). Tokens saved to %3 (readable by you only).")
                                             .arg(r.email, r.role, saveTo));
        finish(ExitCode::Success);
    });
}

void CommandLine::getHeartbeat()
{
    // A monitoring service's "I am alive" URL, called only after a successful backup.
    const QUrl url(m_parser.value(QStringLiteral("heartbeat-url")));
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    QNetworkReply* reply = m_network->get(request);
    // The answer is not needed: it is dropped as it comes, and a service that trickles it still
    // ends the run in 10 s.
    connect(reply, &QNetworkReply::readyRead, reply, [reply] { reply->skip(reply->bytesAvailable()); });
    QTimer::singleShot(10000, reply, [reply] { reply->abort(); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError && !m_quiet)
            std::fputs(qPrintable(CommandLine::tr("Warning: the heartbeat %1 could not be reached (%2).")
                                      .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), reply->errorString())
                                  + QLatin1Char('\n')),
                       stderr);
        finish(ExitCode::Success);
    });
}

Result<void> CommandLine::forgetRemoteRestore()
{
    return static_cast<RemoteBackend*>(m_backend.get())->forgetPendingRestore();
}

const CliNetwork* CommandLine::networkEntries()
{
    static const CliNetwork entries{
        FCB_VERSION,
        kCliNetworkAbi,
        [](CommandLine& cli, const QString& command) { return cli.connectRemote(command); },
        [](CommandLine& cli) { cli.runLogin(); },
        [](CommandLine& cli) { cli.getHeartbeat(); },
        [](CommandLine& cli) { return cli.forgetRemoteRestore(); },
    };
    return &entries;
}

} // namespace fcb

// The module's one entry point, found by CommandLine::network().
extern "C" Q_DECL_EXPORT const fcb::CliNetwork* fcb_cli_network()
{
    return fcb::CommandLine::networkEntries();
}
