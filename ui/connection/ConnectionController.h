#pragma once

#include "connection/SecretStore.h"
#include "remote/RemoteBackend.h"

#include <QObject>

#include <memory>

class QAction;
class QMenu;
class QNetworkAccessManager;
class QWidget;

namespace fcb {

class MainWindow;
class Prompter;

// Which data folder or server the window shows: Open Data Folder, Connect to Server (the
// sign-in dialog), and the recent connections (in QSettings, without secrets; tokens live in
// the system keychain when there is one).
class ConnectionController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionController)

public:
    ConnectionController(MainWindow* window, Prompter* prompter, std::unique_ptr<SecretStore> secrets);
    ~ConnectionController() override;

    QList<QAction*> actions() const;
    QMenu* recentMenu() const { return m_recent; }
    QNetworkAccessManager* network() const { return m_network; }
    QString stateFile() const;

    void openFolder(const QString& dataDir);
    // A server the sign-in dialog connected to: shown, remembered, its tokens kept.
    void openServer(std::unique_ptr<RemoteBackend> backend, int method, const QString& email);
    // Reconnects to a remembered server with its kept tokens, or asks to sign in again.
    void reconnect(const QString& url, int method, const QString& email);

Q_SIGNALS:
    void signInNeeded(const QString& url, int method, const QString& email);

private:
    void remember(const QString& kind, const QString& location, int method, const QString& email);
    void rebuildRecent();
    void showSignIn(const QString& url, int method, const QString& email);
    static QString secretKey(const QString& url);

    MainWindow* m_window;
    Prompter* m_prompter;
    std::unique_ptr<SecretStore> m_secrets;
    QNetworkAccessManager* m_network;
    QAction* m_openFolder;
    QAction* m_connect;
    QMenu* m_recent;
};

} // namespace fcb
