#pragma once

#include "Error.h"
#include "TaskContext.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

class QObject;

namespace fcb {

class Backend;

// What a command sees of the tool: its options, its backend, its output and how it ends. The
// network module's commands use it across the module's boundary, so it is made of virtual
// functions only, and any change to it raises kNetworkInterface (network/NetworkModule.h).
class CommandContext
{
public:
    // The options as given (QCommandLineParser's names, without the dashes).
    virtual bool isSet(const QString& option) const = 0;
    virtual QString value(const QString& option) const = 0;
    // Every value of an option given more than once (--key a --key b).
    virtual QStringList values(const QString& option) const = 0;
    virtual bool json() const = 0;
    virtual bool quiet() const = 0;

    // The backend the command runs on: the data folder, or the server (--server).
    virtual Backend& backend() = 0;
    // Parent of whatever a command leaves running (job watchers, network objects).
    virtual QObject* owner() = 0;

    // Standard output: a line of text, or the --json answer ("ok": true is added).
    virtual void printLine(const QString& text) = 0;
    virtual void printJson(QJsonObject object) = 0;
    // A line on standard error, as is ("Warning: ...").
    virtual void warn(const QString& text) = 0;

    // The command's end: the error (text, or --json with `extra`, or with what the last
    // setFailureExtra() gave) and its exit code; or the exit code of a success.
    virtual void fail(const Error& error, const QJsonObject& extra) = 0;
    void fail(const Error& error) { fail(error, {}); }
    virtual void setFailureExtra(const QJsonObject& extra) = 0;
    virtual void finish(int exitCode) = 0;

    // The running job, which Ctrl+C and SIGTERM cancel, and its progress line: shown on a
    // terminal only, never with --json or --quiet.
    virtual void setRunningJob(std::shared_ptr<CancelToken> token) = 0;
    virtual bool showsProgress() const = 0;
    virtual void showProgress(int perMille, const QString& text) = 0;
    virtual void clearProgress() = 0;

protected:
    ~CommandContext() = default;
};

} // namespace fcb
