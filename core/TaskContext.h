#pragma once

#include <QPromise>
#include <QString>

#include <QFuture>

#include <atomic>
#include <functional>
#include <memory>

namespace fcb {

// Progress and cancellation as the engine sees them, whoever drives it: a QPromise
// under QtConcurrent, a test, or a plain synchronous call.
class TaskContext
{
public:
    virtual ~TaskContext() = default;
    virtual bool isCanceled() const = 0;
    // done/total in whatever unit the step counts (bytes, pages, files); text is translated.
    virtual void report(qint64 done, qint64 total, const QString& text) = 0;
};

class SilentTaskContext final : public TaskContext
{
public:
    bool isCanceled() const override { return m_cancel.load(); }
    void report(qint64, qint64, const QString&) override { }
    void cancel() { m_cancel.store(true); }

private:
    std::atomic_bool m_cancel { false };
};

class CallbackTaskContext final : public TaskContext
{
public:
    using Callback = std::function<void(qint64 done, qint64 total, const QString& text)>;
    explicit CallbackTaskContext(Callback callback)
        : m_callback(std::move(callback))
    { }
    bool isCanceled() const override { return m_cancel.load(); }
    void report(qint64 done, qint64 total, const QString& text) override
    {
        if (m_callback)
            m_callback(done, total, text);
    }
    void cancel() { m_cancel.store(true); }

private:
    Callback m_callback;
    std::atomic_bool m_cancel { false };
};

// A request to stop, shared by whoever runs a job and whoever may cancel it. Unlike
// QFuture::cancel(), it never discards the job's result: a job that finished anyway (or got past
// its point of no return) still reports what it did.
class CancelToken
{
public:
    void cancel() { m_canceled.store(true); }
    bool isCanceled() const { return m_canceled.load(); }

private:
    std::atomic_bool m_canceled { false };
};

// A running job: its future (always finishes with a result) and the way to ask it to stop.
template <typename T> struct Job
{
    QFuture<T> future;
    std::shared_ptr<CancelToken> token = std::make_shared<CancelToken>();
    void cancel() const { token->cancel(); }
};

// Progress goes to the future as per-mille, so any size of job fits QFuture's int range.
template <typename T> class PromiseTaskContext final : public TaskContext
{
public:
    PromiseTaskContext(QPromise<T>& promise, std::shared_ptr<CancelToken> token)
        : m_promise(promise)
        , m_token(std::move(token))
    {
        m_promise.setProgressRange(0, 1000);
    }
    bool isCanceled() const override { return m_token->isCanceled() || m_promise.isCanceled(); }
    void report(qint64 done, qint64 total, const QString& text) override
    {
        const int value = total > 0 ? int(qBound(qint64(0), done * 1000 / total, qint64(1000))) : 0;
        m_promise.setProgressValueAndText(value, text);
    }

private:
    QPromise<T>& m_promise;
    std::shared_ptr<CancelToken> m_token;
};

} // namespace fcb
