#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

#include <functional>

class QAction;
class QItemSelectionModel;
class QWidget;

namespace fcb {

class Banner;
class BackupsController;
class JobRunner;
class Prompter;

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
    // Enables the feature's actions; called whenever the backend, the selection or the job changes.
    virtual void updateActions() = 0;
    // The backend was replaced: whatever belonged to the old one goes.
    virtual void backendChanged() {}
    // A new action in actions(), which runs `slot` when triggered.
    QAction* makeAction(const char* objectName, const QString& text, const QKeySequence& keys, const QString& tip,
                        std::function<void()> slot);
    // Counts backend changes: an answer that started under an older one is dropped.
    quint64 generation() const { return m_generation; }
    // The selected backup when exactly one is selected and it may be named in a request.
    QString actableSelection() const;

    FeatureParts m_parts;
    QList<QAction*> m_actions;

private:
    quint64 m_generation = 0;
};

} // namespace fcb
