#include "SignInDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QVBoxLayout>

namespace fcb {

SignInDialog::SignInDialog(QNetworkAccessManager* network, QString stateFile, QWidget* parent)
    : QDialog(parent)
    , m_network(network)
    , m_stateFile(std::move(stateFile))
    , m_server(new QLineEdit(this))
    , m_method(new QComboBox(this))
    , m_email(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_codeLabel(new QLabel(tr("Two-factor code:"), this))
    , m_code(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_signIn(new QPushButton(tr("Sign In"), this))
{
    setWindowTitle(tr("Connect to a FastCMS server"));
    m_server->setObjectName(QStringLiteral("serverUrl"));
    m_server->setPlaceholderText(QStringLiteral("https://cms.example.org"));
    m_method->addItem(tr("Email and password"), Password);
    m_method->addItem(tr("Access token"), AccessToken);
    m_method->addItem(tr("API key"), ApiKey);
    m_email->setObjectName(QStringLiteral("email"));
    m_secret->setObjectName(QStringLiteral("secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_code->setObjectName(QStringLiteral("twoFactorCode"));
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #7a1712;"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #5c4300;"));
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Server:"), m_server);
    form->addRow(tr("Sign in with:"), m_method);
    form->addRow(tr("Email:"), m_email);
    form->addRow(tr("Secret:"), m_secret);
    form->addRow(m_codeLabel, m_code);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::attempt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_method, &QComboBox::currentIndexChanged, this, &SignInDialog::updateFields);
    connect(m_server, &QLineEdit::textChanged, this, &SignInDialog::updateFields);
    updateFields();
}

void SignInDialog::setServer(const QString& url, Method method, const QString& email)
{
    m_server->setText(url);
    m_method->setCurrentIndex(m_method->findData(method));
    m_email->setText(email);
    updateFields();
}

void SignInDialog::updateFields()
{
    const Method method = this->method();
    m_email->setEnabled(method == Password);
    m_secret->setPlaceholderText(method == Password ? tr("password")
            : method == AccessToken                 ? tr("access token")
                                                    : tr("fcms_…"));
    const bool code = needsTwoFactorCode();
    m_codeLabel->setVisible(code);
    m_code->setVisible(code);
    RemoteOptions probe;
    probe.server = QUrl::fromUserInput(m_server->text().trimmed());
    const bool insecure = RemoteSession(m_network, probe, {}).insecure();
    m_warning->setText(insecure
            ? tr("This is plain http:// to another machine: your password or token would cross the "
                 "network unencrypted.")
            : QString());
    m_warning->setVisible(insecure);
}

bool SignInDialog::needsTwoFactorCode() const
{
    return property("twoFactor").toBool();
}

QString SignInDialog::serverUrl() const
{
    return QUrl::fromUserInput(m_server->text().trimmed()).toString();
}

SignInDialog::Method SignInDialog::method() const
{
    return Method(m_method->currentData().toInt());
}

QString SignInDialog::email() const
{
    return m_email->text().trimmed();
}

QString SignInDialog::errorText() const
{
    return m_error->text();
}

std::unique_ptr<RemoteBackend> SignInDialog::takeBackend()
{
    return std::move(m_backend);
}

void SignInDialog::attempt()
{
    const QUrl url = QUrl::fromUserInput(m_server->text().trimmed());
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https"))) {
        m_error->setText(tr("Enter the server's address, e.g. https://cms.example.org"));
        Q_EMIT attemptFinished(false);
        return;
    }
    Credentials credentials;
    switch (method()) {
    case Password:
        credentials.kind = Credentials::Kind::Password;
        credentials.email = email();
        credentials.password = m_secret->text();
        credentials.twoFactorCode = m_code->text().trimmed();
        break;
    case AccessToken:
        credentials.kind = Credentials::Kind::AccessToken;
        credentials.accessToken = m_secret->text().trimmed();
        break;
    case ApiKey:
        credentials.kind = Credentials::Kind::ApiKey;
        credentials.apiKey = m_secret->text().trimmed();
        break;
    }
    RemoteOptions options;
    options.server = url;
    options.stateFile = m_stateFile;
    if (m_session)
        m_session->deleteLater();
    m_session = new RemoteSession(m_network, options, credentials, m_network);
    auto backend = std::make_unique<RemoteBackend>(m_session, RemoteStateStore(m_stateFile));
    // A password is checked by signing in; a token or key by listing one backup.
    m_signIn->setEnabled(false);
    m_error->clear();
    RemoteBackend* raw = backend.release();
    const auto done = [this, raw](bool success, const QString& error, bool twoFactor) {
        m_signIn->setEnabled(true);
        setProperty("twoFactor", twoFactor);
        updateFields();
        if (success) {
            m_backend.reset(raw);
            m_session = nullptr; // the backend's now
            Q_EMIT attemptFinished(true);
            accept();
            return;
        }
        delete raw;
        m_error->setText(error);
        Q_EMIT attemptFinished(false);
    };
    if (credentials.kind == Credentials::Kind::Password) {
        auto job = raw->signIn();
        auto* watcher = new QFutureWatcher<Result<SignInResult>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done] {
            watcher->deleteLater();
            const auto r = watcher->result();
            if (!r)
                done(false, r.error().message, false);
            else if (r->requiresTwoFactor)
                done(false, tr("Enter the two-factor code from your authenticator app."), true);
            else
                done(true, {}, false);
        });
        watcher->setFuture(job.future);
    } else {
        auto job = raw->list(1, 1);
        auto* watcher = new QFutureWatcher<Result<BackupPage>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done] {
            watcher->deleteLater();
            const auto r = watcher->result();
            done(bool(r), r ? QString() : r.error().message, false);
        });
        watcher->setFuture(job.future);
    }
}

} // namespace fcb
