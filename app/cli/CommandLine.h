#pragma once

#include "CommandContext.h"
#include "Error.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <memory>

namespace fcb {

class Backend;
class Command;

// The fastcms-backup command-line tool: parses the options, finds the command in the registry
// (commands/Commands.h), checks what every command has in common, makes the backend it runs on
// and starts it; the command prints its result (text or --json) and ends the event loop with a
// documented exit code. The commands see it as their CommandContext.
class CommandLine : public QObject, public CommandContext
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

    // CommandContext
    bool isSet(const QString& option) const override;
    QString value(const QString& option) const override;
    QStringList values(const QString& option) const override;
    bool json() const override { return m_json; }
    bool quiet() const override { return m_quiet; }
    Backend& backend() override { return *m_backend; }
    QObject* owner() override { return this; }
    void printLine(const QString& text) override;
    void printJson(QJsonObject object) override;
    void warn(const QString& text) override;
    using CommandContext::fail;
    void fail(const Error& error, const QJsonObject& extra) override;
    void setFailureExtra(const QJsonObject& extra) override { m_failureExtra = extra; }
    void finish(int exitCode) override;
    void setRunningJob(std::shared_ptr<CancelToken> token) override { m_cancel = std::move(token); }
    bool showsProgress() const override;
    void showProgress(int perMille, const QString& text) override;
    void clearProgress() override;

private:
    // The checks every command shares, in the order users meet them; false after fail().
    bool checkUsage(const Command& command, const QStringList& args);
    // The backend the command runs on; false after fail().
    bool makeBackend(const Command& command, const QString& name);
    void writeOut(const char* text); // to standard output, noting the first error
    void noteOutput(bool written); // keeps errno of the first write that failed

    QCommandLineParser m_parser;
    bool m_json = false;
    bool m_quiet = false;
    bool m_progressShown = false;
    int m_lockWaitMs = 0;
    std::unique_ptr<Command> m_command;
    std::unique_ptr<Backend> m_backend;
    QJsonObject m_failureExtra; // what a failing step adds to the --json error (e.g. the backup made before)
    std::shared_ptr<CancelToken> m_cancel;
    QTimer m_signalPoll;
    int m_outputError = 0; // errno of the first write to standard output that failed
};

} // namespace fcb
