#pragma once

#include "remote/RemoteBackend.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace fcb {

// Signs in to a FastCMS server: its address, then email and password (and a two-factor code
// when the server asks for one), a pasted access token, or an API key. The sign-in runs as a
// job; errors are shown in the dialog. On success backend() holds the connected server.
class SignInDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    enum Method
    {
        Password,
        AccessToken,
        ApiKey
    };

    SignInDialog(QNetworkAccessManager* network, QString stateFile, QWidget* parent = nullptr);
    void setServer(const QString& url, Method method, const QString& email);
    std::unique_ptr<RemoteBackend> takeBackend();
    QString serverUrl() const;
    Method method() const;
    QString email() const;
    QString errorText() const;
    bool needsTwoFactorCode() const;

    // Fields, for keyboard users and tests alike.
    QLineEdit* serverField() const { return m_server; }
    QLineEdit* emailField() const { return m_email; }
    QLineEdit* secretField() const { return m_secret; }
    QLineEdit* codeField() const { return m_code; }
    QComboBox* methodBox() const { return m_method; }
    QPushButton* signInButton() const { return m_signIn; }

Q_SIGNALS:
    void attemptFinished(bool success);

private:
    void attempt();
    void updateFields();

    QNetworkAccessManager* m_network;
    QString m_stateFile;
    QLineEdit* m_server;
    QComboBox* m_method;
    QLineEdit* m_email;
    QLineEdit* m_secret;
    QLabel* m_codeLabel;
    QLineEdit* m_code;
    QLabel* m_error;
    QLabel* m_warning;
    QPushButton* m_signIn;
    std::unique_ptr<RemoteBackend> m_backend;
    RemoteSession* m_session = nullptr;
};

} // namespace fcb
