#pragma once

#include "WorkerPool.h"

#include <QFutureWatcher>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QtConcurrent>

#include <functional>

class QAction;
class QItemSelectionModel;
class QWidget;

namespace fcb {

class Banner;
class BackupsController;
class JobRunner;
class Prompter;

// The action with this object name in the list, or null.
QAction* actionNamed(const QList<QAction*>& actions, const QString& objectName);

// What every console feature shares: the window, the open backend and its selection (from the
// backups controller), the job runner, the banner and who answers questions.
struct FeatureParts
{
    QWidget* window = nullptr;
    BackupsController* backups = nullptr;
    JobRunner* runner = nullptr;
    Banner* banner = nullptr;
    Prompter* prompter = nullptr;
};

// A console feature (drill, prune, off-site copies, schedules, curl commands): its actions,
// enabled as the open backend, the selection and the running job allow. The window only lays
// them out.
class FeatureController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeatureController)

public:
    explicit FeatureController(const FeatureParts& parts);

    QList<QAction*> actions() const { return m_actions; }
    QAction* action(const QString& objectName) const;
    void setSelectionModel(QItemSelectionModel* selection);

protected:
    // Enables the feature's actions; called whenever the backend, its capabilities, the selection
    // or the running job changes.
    virtual void updateActions() = 0;
    // The backend was replaced: whatever belonged to the old one goes.
    virtual void backendChanged() { }
    // A new action in actions(), which runs `slot` when triggered.
    QAction* makeAction(const char* objectName, const QString& text, const QKeySequence& keys,
        const QString& tip, std::function<void()> slot);
    // Counts backend changes: an answer that started under an older one is dropped.
    quint64 generation() const { return m_generation; }
    // Runs read() on the worker pool (small files, but files: never on the GUI thread), then
    // use(result) here, unless the backend changed meanwhile.
    template <typename Read, typename Use> void readInBackground(Read read, Use use);
    // The selected backup when exactly one is selected and it may be named in a request.
    QString actableSelection() const;

    FeatureParts m_parts;
    QList<QAction*> m_actions;

private:
    quint64 m_generation = 0;
};

template <typename Read, typename Use> inline void FeatureController::readInBackground(Read read, Use use)
{
    using T = decltype(read());
    const quint64 asked = m_generation;
    auto* watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, asked, use] {
        watcher->deleteLater();
        if (asked == m_generation)
            use(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(workers::pool(), read));
}

} // namespace fcb
