#pragma once

#include "CommandContext.h"
#include "CommandLine.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <utility>

namespace fcb {

// One command of the tool (create, list, ...). The registry (commands/Commands.cpp) lists them;
// CommandLine checks what every command has in common (its operand, where it runs, the options
// only it takes), and makes the backend, before run() is called.
class Command
{
public:
    // What follows the command's name.
    enum class Operand
    {
        None,
        BackupName,
        ZipPath,
        OffsiteAction,
        BackupAndPaths, // a backup name, then paths inside it (pathCount() says how many)
        UploadPath, // one path inside a backup (files/...)
    };

    virtual ~Command() = default;
    virtual QString name() const = 0;
    // The command as --help shows it, e.g. "delete <name>".
    virtual QString synopsis() const = 0;
    virtual Operand operand() const { return Operand::None; }
    // BackupAndPaths: how few and how many paths may follow the backup's name (-1: no limit).
    virtual std::pair<int, int> pathCount() const { return { 0, 0 }; }
    // Why the command does not run on a server (--server); empty when it does.
    virtual QString refusalOnServer() const { return {}; }
    // Runs on a server only (--server).
    virtual bool needsServer() const { return false; }
    // Refused for a data folder that is not there at all (a mistyped path); demo makes one.
    virtual bool needsExistingFolder() const { return true; }
    // The options that go with this command only (e.g. "abandon" with apply-restore).
    virtual QStringList options() const { return {}; }
    // Starts the command with its operands (a backup name already checked): returns the exit
    // code when it is done at once, or -1 when it ends later through finish() or fail() (or has
    // already failed).
    virtual int run(CommandContext& cli, const QStringList& args) = 0;
};

// Runs onSuccess with the job's value (or with nothing for Result<void>) once the job ends well;
// fails the command with the job's error otherwise. The job is the one Ctrl+C cancels.
template <typename T, typename OnSuccess>
void watch(CommandContext& cli, Job<Result<T>> job, OnSuccess onSuccess)
{
    auto* watcher = new QFutureWatcher<Result<T>>(cli.owner());
    cli.setRunningJob(job.token);
    if (cli.showsProgress()) {
        QObject::connect(watcher, &QFutureWatcherBase::progressValueChanged, cli.owner(),
            [&cli, watcher](int value) { cli.showProgress(value, watcher->progressText()); });
    }
    QObject::connect(watcher, &QFutureWatcherBase::finished, cli.owner(), [&cli, watcher, onSuccess] {
        cli.clearProgress();
        if (watcher->future().resultCount() == 0) {
            cli.fail(
                Error::make(ErrorCode::Internal, CommandLine::tr("The operation ended without a result.")));
            return;
        }
        // The job's own answer decides: a signal that came too late to stop it changes nothing.
        const Result<T> result = watcher->result();
        if (!result) {
            const bool plainCancel = result.error().code == ErrorCode::Cancelled
                && result.error().message.size() <= CommandLine::tr("Cancelled.").size();
            if (plainCancel)
                cli.fail(Error::make(
                    ErrorCode::Cancelled, CommandLine::tr("Cancelled; nothing was left half-written.")));
            else
                cli.fail(result.error());
            return;
        }
        if constexpr (std::is_void_v<T>)
            onSuccess();
        else
            onSuccess(*result);
    });
    watcher->setFuture(job.future);
}

} // namespace fcb
