#pragma once

#include "DataFolder.h"
#include "Error.h"
#include "backend/Backend.h"
#include "local/LocalEngine.h"
#include "retention/Retention.h"

#include <QCommandLineParser>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace fcb {

class CommandLine;
struct TimerCheck;

// What the tool does over the network (cli/CliRemote.cpp). The tool loads it from a module the
// first time a command needs it (CommandLine::network()), so that local commands start without
// Qt Network and the dozen libraries it brings: a listing is mostly process start-up.
struct CliNetwork {
    const char* version; // FCB_VERSION: it must be the tool's own
    quint32 abi;         // kCliNetworkAbi: so must this
    bool (*connectRemote)(CommandLine& cli, const QString& command);
    void (*runLogin)(CommandLine& cli);
    void (*pingHeartbeat)(CommandLine& cli);
    Result<void> (*forgetRestore)(CommandLine& cli);
};

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
    // The exit code once the output is out: output that could not be written (a full disk, a
    // closed pipe) fails a command that succeeded, as it does for any tool; a script must not
    // take a cut-off listing for a whole one. Standard output is closed.
    int settle(int exitCode);
    static QString helpText();
    // The network side's entries, in the module (cli/CliRemote.cpp); the tool finds them through
    // network(), which loads the module.
    static const CliNetwork* networkEntries();

private:
    // Runs onSuccess with the value (or with nothing for Result<void>) once the job ends well.
    template<typename T, typename OnSuccess>
    void watch(Job<Result<T>> job, OnSuccess onSuccess);
    void finish(int exitCode);
    void fail(const Error& error, const QJsonObject& extra = {});
    void printLine(const QString& text);
    void writeOut(const char* text); // to standard output, noting the first error
    void noteOutput(bool written);    // keeps errno of the first write that failed
    void printJson(QJsonObject object);
    void showProgress(int perMille, const QString& text);
    void clearProgress();

    int runCommand(const QString& command, const QStringList& args);
    // The network side, loaded on first use; null after fail() when it cannot be loaded.
    const CliNetwork* network();
    // The same without failing: null, and why in *problem.
    const CliNetwork* network(QString* problem);
    // Builds the remote backend from --server and the credential options; false after fail().
    bool connectRemote(const QString& command);
    void printStatus(const BackendStatus& status, const TimerCheck& timer);
    void printDrill(const DrillReport& report);
    QString offsiteTarget() const; // --offsite, else FASTCMS_BACKUP_OFFSITE
    int runOffsite(const QStringList& args);
    int runSchedule();
    void pushAfterCreate(const CreateResult& created, const QJsonObject& createdJson);
    void runLogin();
    void pingHeartbeat(); // after a successful create: the --heartbeat-url, if any
    void getHeartbeat();
    Result<void> forgetRemoteRestore();
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
    int m_outputError = 0; // errno of the first write to standard output that failed
};

// Beyond the version, what the tool and its network module must agree on: the layout of what
// the module's code uses of the tool.
inline constexpr quint32 kCliNetworkAbi = quint32(sizeof(CommandLine)) << 8 | quint32(sizeof(CliNetwork));

} // namespace fcb
