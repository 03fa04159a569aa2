#pragma once

// CommandLine::watch, shared by the files that implement the commands.

#include "CliFormat.h"
#include "CommandLine.h"

#include <QFutureWatcher>

namespace fcb {

template<typename T, typename OnSuccess>
inline void CommandLine::watch(Job<Result<T>> job, OnSuccess onSuccess)
{
    auto* watcher = new QFutureWatcher<Result<T>>(this);
    m_cancel = job.token;
    const bool progress = !m_quiet && !m_json && cli::isTerminal(stderr);
    if (progress) {
        connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
                [this, watcher](int value) { showProgress(value, watcher->progressText()); });
    }
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, onSuccess] {
        clearProgress();
        if (watcher->future().resultCount() == 0) {
            fail(Error::make(ErrorCode::Internal, CommandLine::tr("The operation ended without a result.")));
            return;
        }
        // The job's own answer decides: a signal that came too late to stop it changes nothing.
        const Result<T> result = watcher->result();
        if (!result) {
            const bool plainCancel = result.error().code == ErrorCode::Cancelled
                && result.error().message.size() <= CommandLine::tr("Cancelled.").size();
            if (plainCancel)
                fail(Error::make(ErrorCode::Cancelled, CommandLine::tr("Cancelled; nothing was left half-written.")));
            else
                fail(result.error());
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
