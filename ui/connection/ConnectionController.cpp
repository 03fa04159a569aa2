#include "ConnectionController.h"

#include "MainWindow.h"
#include "Prompter.h"
#include "connection/SignInDialog.h"
#include "widgets/Banner.h"

#include <QAction>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>

namespace fcb {

ConnectionController::ConnectionController(
    MainWindow* window, Prompter* prompter, std::unique_ptr<SecretStore> secrets)
    : QObject(window)
    , m_window(window)
    , m_prompter(prompter)
    , m_secrets(std::move(secrets))
    , m_network(new QNetworkAccessManager(this))
    , m_openFolder(new QAction(tr("Open &Data Folder…"), this))
    , m_connect(new QAction(tr("Connect to &Server…"), this))
    , m_recent(new QMenu(tr("Open &Recent")))
{
    m_openFolder->setObjectName(QStringLiteral("actionOpenDataFolder"));
    m_openFolder->setShortcut(QKeySequence::Open);
    m_openFolder->setToolTip(tr("Manage the backups of a FastCMS data folder on this computer (Ctrl+O)"));
    m_connect->setObjectName(QStringLiteral("actionConnectServer"));
    m_connect->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_connect->setToolTip(tr("Manage the backups of a FastCMS server through its API"));
    m_recent->setObjectName(QStringLiteral("recentMenu"));
    connect(m_openFolder, &QAction::triggered, this, [this] {
        const QString dir = m_prompter->chooseFolder(m_window);
        if (!dir.isEmpty())
            openFolder(dir);
    });
    connect(m_connect, &QAction::triggered, this, [this] { showSignIn({}, SignInDialog::Password, {}); });
    rebuildRecent();
}

ConnectionController::~ConnectionController()
{
    delete m_recent;
}

QList<QAction*> ConnectionController::actions() const
{
    return { m_openFolder, m_connect };
}

QString ConnectionController::stateFile() const
{
    return RemoteStateStore::defaultPath();
}

QString ConnectionController::secretKey(const QString& url)
{
    return QStringLiteral("tokens:") + QUrl(url).adjusted(QUrl::StripTrailingSlash).toString();
}

void ConnectionController::openFolder(const QString& dataDir)
{
    m_window->openDataFolder(DataFolder(dataDir));
    remember(QStringLiteral("local"), QFileInfo(dataDir).absoluteFilePath(), 0, {});
}

void ConnectionController::openServer(
    std::unique_ptr<RemoteBackend> backend, int method, const QString& email)
{
    RemoteSession* session = backend->session();
    const QString url = session->options().server.toString();
    remember(QStringLiteral("server"), url, method, email);
    // Tokens (never the password) go to the keychain, and follow each rotation.
    const auto keep = [this, url](const QString& access, const QString& refresh) {
        if (access.isEmpty())
            return;
        const QString pair = QString::fromUtf8(QJsonDocument(
            QJsonObject { { QStringLiteral("access_token"), access },
                { QStringLiteral("refresh_token"),
                    refresh } }).toJson(QJsonDocument::Compact));
        m_secrets->write(secretKey(url), pair, [](bool) {});
    };
    if (method == SignInDialog::Password)
        keep(session->accessToken(), session->refreshToken());
    connect(session, &RemoteSession::tokensChanged, this, keep);
    if (session->insecure())
        m_window->banner()->show(
            tr("Plain http:// to another machine: credentials and backups cross the network "
               "unencrypted."),
            Banner::Kind::Warning);
    m_window->openBackend(std::move(backend));
}

void ConnectionController::reconnect(const QString& url, int method, const QString& email)
{
    if (method != SignInDialog::Password) {
        showSignIn(url, method, email); // tokens and keys are asked for again, never kept
        return;
    }
    m_secrets->read(secretKey(url), [this, url, method, email](std::optional<QString> kept) {
        const QJsonObject pair = kept ? QJsonDocument::fromJson(kept->toUtf8()).object() : QJsonObject();
        if (pair.value(QStringLiteral("refresh_token")).toString().isEmpty()) {
            showSignIn(url, method, email);
            return;
        }
        Credentials credentials;
        credentials.kind = Credentials::Kind::AccessToken;
        credentials.accessToken = pair.value(QStringLiteral("access_token")).toString();
        credentials.refreshToken = pair.value(QStringLiteral("refresh_token")).toString();
        RemoteOptions options;
        options.server = QUrl(url);
        options.stateFile = stateFile();
        auto* session = new RemoteSession(m_network, options, credentials, m_network);
        openServer(
            std::make_unique<RemoteBackend>(session, RemoteStateStore(options.stateFile)), method, email);
    });
}

void ConnectionController::showSignIn(const QString& url, int method, const QString& email)
{
    Q_EMIT signInNeeded(url, method, email);
    SignInDialog dialog(m_network, stateFile(), m_window);
    dialog.setServer(url, SignInDialog::Method(method), email);
    if (dialog.exec() != QDialog::Accepted)
        return;
    openServer(dialog.takeBackend(), dialog.method(), dialog.email());
}

void ConnectionController::remember(
    const QString& kind, const QString& location, int method, const QString& email)
{
    QSettings settings;
    QList<QVariantMap> recent;
    const int count = settings.beginReadArray(QStringLiteral("recentConnections"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        QVariantMap entry { { QStringLiteral("kind"), settings.value(QStringLiteral("kind")) },
            { QStringLiteral("location"), settings.value(QStringLiteral("location")) },
            { QStringLiteral("method"), settings.value(QStringLiteral("method")) },
            { QStringLiteral("email"), settings.value(QStringLiteral("email")) } };
        if (entry.value(QStringLiteral("location")).toString() != location)
            recent.append(entry);
    }
    settings.endArray();
    recent.prepend({ { QStringLiteral("kind"), kind }, { QStringLiteral("location"), location },
        { QStringLiteral("method"), method }, { QStringLiteral("email"), email } });
    settings.beginWriteArray(QStringLiteral("recentConnections"), int(qMin<qsizetype>(recent.size(), 8)));
    for (int i = 0; i < recent.size() && i < 8; ++i) {
        settings.setArrayIndex(i);
        for (auto it = recent[i].begin(); it != recent[i].end(); ++it)
            settings.setValue(it.key(), it.value());
    }
    settings.endArray();
    rebuildRecent();
}

void ConnectionController::rebuildRecent()
{
    m_recent->clear();
    QSettings settings;
    const int count = settings.beginReadArray(QStringLiteral("recentConnections"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        const QString kind = settings.value(QStringLiteral("kind")).toString();
        const QString location = settings.value(QStringLiteral("location")).toString();
        const int method = settings.value(QStringLiteral("method")).toInt();
        const QString email = settings.value(QStringLiteral("email")).toString();
        QAction* action
            = m_recent->addAction(kind == QStringLiteral("server") ? tr("Server: %1").arg(location)
                                                                   : tr("Folder: %1").arg(location));
        connect(action, &QAction::triggered, this, [this, kind, location, method, email] {
            if (kind == QStringLiteral("server"))
                reconnect(location, method, email);
            else
                openFolder(location);
        });
    }
    settings.endArray();
    m_recent->setEnabled(count > 0);
}

} // namespace fcb
