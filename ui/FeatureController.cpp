#include "FeatureController.h"

#include "backups/BackupsController.h"
#include "jobs/JobRunner.h"

#include <QAction>
#include <QItemSelectionModel>

namespace fcb {

FeatureController::FeatureController(const FeatureParts& parts)
    : QObject(parts.window)
    , m_parts(parts)
{
    connect(m_parts.backups, &BackupsController::backendChanged, this, [this] {
        ++m_generation;
        backendChanged();
        updateActions();
    });
    connect(m_parts.backups, &BackupsController::capabilitiesChanged, this, [this] { updateActions(); });
    connect(m_parts.backups, &BackupsController::jobFinished, this, [this] { updateActions(); });
    connect(m_parts.runner, &JobRunner::busyChanged, this, [this] { updateActions(); });
}

QAction* actionNamed(const QList<QAction*>& actions, const QString& objectName)
{
    for (QAction* a : actions)
        if (a->objectName() == objectName)
            return a;
    return nullptr;
}

QAction* FeatureController::action(const QString& objectName) const
{
    return actionNamed(m_actions, objectName);
}

void FeatureController::setSelectionModel(QItemSelectionModel* selection)
{
    connect(selection, &QItemSelectionModel::selectionChanged, this, [this] { updateActions(); });
    updateActions();
}

QAction* FeatureController::makeAction(const char* objectName, const QString& text, const QKeySequence& keys,
    const QString& tip, std::function<void()> slot)
{
    auto* action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(objectName));
    action->setShortcut(keys);
    action->setToolTip(tip);
    connect(action, &QAction::triggered, this, [slot = std::move(slot)] { slot(); });
    m_actions.append(action);
    return action;
}

QString FeatureController::actableSelection() const
{
    const QStringList names = m_parts.backups->selectedNames();
    // A server's entry with a hostile name or impossible details is never named in a request.
    return names.size() == 1 && m_parts.backups->actsOn(names.first()) ? names.first() : QString();
}

} // namespace fcb
