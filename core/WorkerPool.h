#pragma once

#include "Error.h"
#include "TaskContext.h"

#include <QThreadPool>
#include <QtConcurrent>

namespace fcb::workers {

// The pool every engine job runs on: file work never runs on the caller's thread.
QThreadPool* pool();

// Waits for every job on the pool and on the archive writers' threads; call before the program
// ends (after cancelling what should stop), so no thread outlives main().
void finishBackgroundWork();

// Runs a synchronous engine call, work(TaskContext&) -> Result<T>, on the pool as a Job: its
// progress goes to the future, its token cancels it, and the future always carries the result
// (Cancelled when the job stopped early).
template <typename T, typename Work> Job<Result<T>> run(Work work)
{
    Job<Result<T>> job;
    job.future = QtConcurrent::run(
        pool(), [work = std::move(work), token = job.token](QPromise<Result<T>>& promise) {
            PromiseTaskContext<Result<T>> task(promise, token);
            promise.addResult(work(task));
        });
    return job;
}

} // namespace fcb::workers
