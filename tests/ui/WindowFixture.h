#pragma once

// What the console's GUI tests share: a scripted prompter, a shown window opened on a folder,
// and seeded backups.
#include "MainWindow.h"
#include "Prompter.h"
#include "TestSupport.h"
#include "Translations.h"
#include "archive/BackupName.h"
#include "connection/SecretStore.h"
#include "local/LocalEngine.h"
#include "remote/RemoteBackend.h"
#include "restore/RestoreDialog.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

namespace fcb::test {

// Settings, remembered state and stores go to home, never the user's; English strings.
inline void isolateConsole(const QTemporaryDir& home, const QString& application)
{
    installTranslations(QStringLiteral("en"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, home.path());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("fcb-tests"));
    QCoreApplication::setApplicationName(application);
}

// Answers the console's questions the way a test says, and records them. The restore question
// goes through the real RestoreDialog's typed-name check.
class ScriptedPrompter final : public Prompter
{
public:
    bool deleteAnswer = true;
    QString typedName;
    QStringList asked;
    bool confirmDelete(QWidget*, const QStringList& names) override
    {
        asked.append(QStringLiteral("delete:") + names.join(QLatin1Char(',')));
        return deleteAnswer;
    }
    bool confirmRestore(QWidget*, const RestoreQuestion& question) override
    {
        asked.append(
            QStringLiteral("restore:") + question.backup.fileName + QLatin1Char(':') + question.verification);
        RestoreDialog dialog(question);
        dialog.confirmationField()->setText(typedName);
        return dialog.canAccept();
    }
    bool confirmApply(QWidget*, const QString& name) override
    {
        asked.append(QStringLiteral("apply:") + name);
        return true;
    }
    QString archive;
    QString chooseArchive(QWidget*) override { return archive; }
    QString folder;
    QString chooseFolder(QWidget*) override { return folder; }
    QString outputFolder;
    QString chooseOutputFolder(QWidget*, const QString& title) override
    {
        asked.append(QStringLiteral("folder:") + title);
        return outputFolder;
    }
    QString saveFile;
    QString chooseSaveFile(QWidget*, const QString& title, const QString&) override
    {
        asked.append(QStringLiteral("save:") + title);
        return saveFile;
    }
    std::optional<QString> text;
    std::optional<QString> askText(QWidget*, const QString& title, const QString&, const QString&) override
    {
        asked.append(QStringLiteral("text:") + title);
        return text;
    }
};

// A shown window with a scripted prompter, opened on a local folder and listed once.
struct OpenWindow
{
    ScriptedPrompter prompter;
    MainWindow window { &prompter, std::make_unique<MemorySecretStore>() };
    QSignalSpy refreshed { &window, &MainWindow::refreshed };
    explicit OpenWindow(const DataFolder& folder)
    {
        window.show();
        window.openDataFolder(folder);
        if (!refreshed.wait(10000))
            qFatal("the window did not list %s", qPrintable(folder.dataDir()));
    }
};

// A backend for the test server, signed in with its API key; state is kept in stateDir.
inline std::unique_ptr<RemoteBackend> apiKeyBackend(
    const FakeServer& server, QNetworkAccessManager* network, const QTemporaryDir& stateDir)
{
    RemoteOptions options;
    options.server = server.url();
    options.stateFile = stateDir.filePath(QStringLiteral("servers.json"));
    Credentials credentials;
    credentials.kind = Credentials::Kind::ApiKey;
    credentials.apiKey = QString::fromLatin1(FakeServer::apiKey);
    auto* session = new RemoteSession(network, options, credentials, network);
    return std::make_unique<RemoteBackend>(session, RemoteStateStore(options.stateFile));
}

inline void seedBackups(const DataFolder& folder, int count)
{
    LocalEngine engine(folder);
    SilentTaskContext task;
    const auto created = engine.create({}, task);
    QVERIFY(created);
    const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 1; i < count; ++i)
        QVERIFY(QFile::copy(
            created->backup.path, folder.backupPath(BackupName::forTime(base.addSecs(3600 * i)))));
}

} // namespace fcb::test
