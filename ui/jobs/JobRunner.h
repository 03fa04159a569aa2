#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "jobs/JobsModel.h"
#include "widgets/Banner.h"

#include <QFutureWatcher>
#include <QObject>

namespace fcb {

// Runs the console's jobs, one at a time, for every feature controller: each job gets a row in
// the jobs panel with its progress and a Cancel button, its failure goes to the banner, and the
// controllers hear when a job starts and ends (to enable their actions and reload what changed).
class JobRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunner)

public:
    JobRunner(JobsModel* jobs, Banner* banner, QObject* parent);

    // A job is running (or a step that holds the one-at-a-time rule, see await()).
    bool busy() const { return m_busy; }

    // Runs a job in the jobs panel, shows its failure in the banner, calls onSuccess with its
    // value, then says jobFinished().
    template <typename T, typename OnSuccess>
    void track(const QString& type, const QString& target, Job<Result<T>> job, OnSuccess onSuccess);
    // A short step before a job (a check before a confirmation): busy while it runs, without a
    // row in the jobs panel; done gets whatever it returned.
    template <typename T, typename Done> void await(Job<Result<T>> job, Done done);

Q_SIGNALS:
    // busy() changed: a job started, or a step ended without one.
    void busyChanged();
    void jobFinished(bool success);

private:
    void setBusy(bool busy);

    JobsModel* m_jobs;
    Banner* m_banner;
    bool m_busy = false;
};

template <typename T, typename OnSuccess>
inline void JobRunner::track(
    const QString& type, const QString& target, Job<Result<T>> job, OnSuccess onSuccess)
{
    const int id = m_jobs->add(type, target, job.token);
    setBusy(true);
    auto* watcher = new QFutureWatcher<Result<T>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
        [this, id, watcher](int value) { m_jobs->setProgress(id, value, watcher->progressText()); });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, id, watcher, onSuccess] {
        watcher->deleteLater();
        m_busy = false; // onSuccess may start the next job
        const auto result = watcher->result();
        bool success = false;
        if (!result) {
            const bool cancelled = result.error().code == ErrorCode::Cancelled;
            m_jobs->finish(id, cancelled ? JobsModel::State::Cancelled : JobsModel::State::Failed,
                cancelled ? tr("Cancelled") : result.error().message);
            m_banner->show(
                cancelled ? tr("Cancelled; nothing was left half-written.") : result.error().message,
                cancelled ? Banner::Kind::Info : Banner::Kind::Error);
        } else {
            success = true;
            m_jobs->finish(id, JobsModel::State::Succeeded, tr("Done"));
            if constexpr (std::is_void_v<T>)
                onSuccess();
            else
                onSuccess(*result);
        }
        if (!m_busy) // no next job was started
            Q_EMIT busyChanged();
        Q_EMIT jobFinished(success);
    });
    watcher->setFuture(job.future);
}

template <typename T, typename Done> inline void JobRunner::await(Job<Result<T>> job, Done done)
{
    setBusy(true);
    auto* watcher = new QFutureWatcher<Result<T>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
        watcher->deleteLater();
        setBusy(false);
        done(watcher->result());
    });
    watcher->setFuture(job.future);
}

} // namespace fcb
