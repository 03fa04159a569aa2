#include "DrillController.h"

#include "WorkerPool.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupsController.h"
#include "drill/Drill.h"
#include "jobs/JobRunner.h"

#include <QAction>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace fcb {

DrillController::DrillController(const FeatureParts& parts)
    : FeatureController(parts)
{
    m_drill = makeAction("actionDrill", tr("Restore &Drill"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
        tr("Restore the selected backup into a throw-away folder and check it end to end"),
        [this] { drillSelected(); });
    connect(m_parts.backups, &BackupsController::refreshed, this, &DrillController::reloadRecords);
    updateActions();
}

void DrillController::updateActions()
{
    const bool ready = m_parts.backups->backend() && !m_parts.runner->busy();
    m_drill->setEnabled(ready && !actableSelection().isEmpty());
}

void DrillController::backendChanged()
{
    m_parts.backups->model()->setDrills({});
}

void DrillController::reloadRecords()
{
    Backend* backend = m_parts.backups->backend();
    if (!backend)
        return;
    readInBackground([target = backend->describe()] { return DrillStore().records(target); },
        [this](const QHash<QString, DrillRecord>& records) {
            m_parts.backups->model()->setDrills(records);
            Q_EMIT recordsLoaded();
        });
}

void DrillController::drillSelected()
{
    Backend* backend = m_parts.backups->backend();
    const QString name = actableSelection();
    if (name.isEmpty() || !backend || m_parts.runner->busy())
        return;
    m_parts.runner->track<DrillReport>(
        tr("Restore drill"), name, backend->drill(name), [this, name](const DrillReport& r) {
            m_parts.banner->show(r.ok()
                    ? tr("%1 restores: %2 (%3 s).")
                          .arg(name, drillSummary(r))
                          .arg(double(r.elapsedMs) / 1000.0, 0, 'f', 1)
                    : tr("%1 would NOT restore: %2").arg(name, r.problems().join(QLatin1Char(' '))),
                r.ok() ? Banner::Kind::Success : Banner::Kind::Error);
        });
}

} // namespace fcb
