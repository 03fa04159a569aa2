#pragma once

#include "DataFolder.h"
#include "Error.h"
#include "backend/Backend.h"
#include "local/LocalEngine.h"
#include "retention/Retention.h"

#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <memory>

namespace fcb {

// The fastcms-backup command-line tool: parses, runs one command on the engine's worker pool,
// prints the result (text or --json) and quits the event loop with a documented exit code.
class CommandLine : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandLine)

public:
    explicit CommandLine(QObject* parent = nullptr);
    ~CommandLine() override;

    // Starts the command; the application's event loop ends with the exit code.
    void start(const QStringList& arguments);
    static QString helpText();

private:
    // Runs onSuccess with the value (or with nothing for Result<void>) once the job ends well.
    template<typename T, typename OnSuccess>
    void watch(Job<Result<T>> job, OnSuccess onSuccess);
    void finish(int exitCode);
    void fail(const Error& error, const QJsonObject& extra = {});
    void printLine(const QString& text);
    void printJson(QJsonObject object);
    void showProgress(int perMille, const QString& text);
    void clearProgress();

    int runCommand(const QString& command, const QStringList& args);
    // Builds the remote backend from --server and the credential options; false after fail().
    bool connectRemote(const QString& command);
    void printStatus(const BackendStatus& status);
    void printDrill(const DrillReport& report);
    QString offsiteTarget() const; // --offsite, else FASTCMS_BACKUP_OFFSITE
    int runOffsite(const QStringList& args);
    int runSchedule();
    void pushAfterCreate(const CreateResult& created, const QJsonObject& createdJson);
    void runLogin();
    void pingHeartbeat();
    void runPrune(QList<BackupItem> gathered, int page);
    void pruneDelete(QList<RetentionDecision> decisions, int index, int deleted);

    QCommandLineParser m_parser;
    bool m_json = false;
    bool m_quiet = false;
    bool m_progressShown = false;
    QString m_progressText;
    std::unique_ptr<LocalEngine> m_engine;
    std::unique_ptr<Backend> m_backend;
    QNetworkAccessManager* m_network = nullptr;
    QString m_tokenFile; // rewritten when the server rotates the refresh token
    QJsonObject m_health;
    QJsonObject m_failureExtra; // what a failing step adds to the --json error (e.g. the backup made before)
    std::shared_ptr<CancelToken> m_cancel;
    QTimer m_signalPoll;
};

} // namespace fcb
