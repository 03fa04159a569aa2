#include "PruneController.h"

#include "WorkerPool.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupsController.h"
#include "jobs/JobRunner.h"
#include "retention/Retention.h"

#include <QAction>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <functional>
#include <memory>

namespace fcb {

PruneController::PruneController(const FeatureParts& parts)
    : FeatureController(parts)
{
    m_prune = makeAction("actionPrunePreview", tr("&Prune…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
        tr("Show which backups the retention policy (7 daily, 4 weekly, 12 monthly) would delete"),
        [this] { previewPrune(); });
    m_applyPrune = makeAction("actionApplyPrune", tr("Delete Them…"), {},
        tr("Delete the backups the preview marks"), [this] { applyPrune(); });
    m_closePrune = makeAction("actionClosePrune", tr("Close Preview"), {}, {}, [this] { closePrune(); });
    updateActions();
}

void PruneController::updateActions()
{
    const bool ready = m_parts.backups->backend() && !m_parts.runner->busy();
    m_prune->setEnabled(ready);
    m_applyPrune->setEnabled(ready && !m_pruneDeletes.isEmpty());
}

void PruneController::backendChanged()
{
    closePrune();
}

void PruneController::previewPrune()
{
    Backend* backend = m_parts.backups->backend();
    if (!backend || m_parts.runner->busy())
        return;
    // Retention looks at every backup, not one page: gather all pages first.
    auto gathered = std::make_shared<QList<BackupItem>>();
    auto next = std::make_shared<std::function<void(int)>>();
    const quint64 asked = generation();
    *next = [this, gathered, next, asked, backend](int page) {
        auto job = backend->list(page, 1000);
        auto* watcher = new QFutureWatcher<Result<BackupPage>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, gathered, next, asked, page] {
            watcher->deleteLater();
            if (asked != generation())
                return;
            const auto result = watcher->result();
            if (!result) {
                m_parts.banner->show(result.error().message, Banner::Kind::Error);
                return;
            }
            *gathered += result->items;
            if (page < result->totalPages)
                (*next)(page + 1);
            else
                showPruneVerdicts(*gathered);
        });
        watcher->setFuture(job.future);
    };
    (*next)(1);
}

void PruneController::showPruneVerdicts(const QList<BackupItem>& all)
{
    const QString target = m_parts.backups->backend()->describe();
    const auto decide = [all, target] {
        return decideRetention(all, RetentionPolicy::recommended(),
            PinStore(qEnvironmentVariable("FASTCMS_BACKUP_PINS_FILE", PinStore::defaultPath()))
                .pinned(target));
    };
    readInBackground(decide, [this](const QList<RetentionDecision>& decisions) {
        QHash<QString, RetentionDecision> byName;
        m_pruneDeletes.clear();
        for (const RetentionDecision& d : decisions) {
            byName.insert(d.backup.fileName, d);
            if (!d.keep)
                m_pruneDeletes.append(d.backup.fileName);
        }
        m_parts.backups->model()->setRetention(byName);
        Q_EMIT retentionPreviewChanged(true);
        m_applyPrune->setText(tr("Delete %n Backup(s)…", nullptr, int(m_pruneDeletes.size())));
        updateActions();
        const QString text = m_pruneDeletes.isEmpty()
            ? tr("Prune preview (7 daily, 4 weekly, 12 monthly): all %n backup(s) are kept.", nullptr,
                int(byName.size()))
            : tr("Prune preview (7 daily, 4 weekly, 12 monthly): %1 of %n backup(s) would be deleted; see "
                 "the Prune Preview "
                 "column.",
                nullptr, int(byName.size()))
                  .arg(m_pruneDeletes.size());
        m_parts.banner->show(text, Banner::Kind::Warning,
            m_pruneDeletes.isEmpty() ? QList<QAction*> { m_closePrune }
                                     : QList<QAction*> { m_applyPrune, m_closePrune });
    });
}

void PruneController::applyPrune()
{
    if (m_pruneDeletes.isEmpty())
        return;
    const QStringList names = m_pruneDeletes;
    m_parts.backups->deleteBackups(names, [this] { closePrune(); });
}

void PruneController::closePrune()
{
    const bool shown = m_parts.backups->model()->hasRetentionPreview();
    m_pruneDeletes.clear();
    m_parts.backups->model()->setRetention({});
    if (shown) {
        if (m_parts.banner->kind() == Banner::Kind::Warning)
            m_parts.banner->hide();
        Q_EMIT retentionPreviewChanged(false);
    }
    updateActions();
}

} // namespace fcb
