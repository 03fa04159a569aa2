#pragma once

#include "FeatureController.h"
#include "model/Backup.h"

#include <QStringList>

namespace fcb {

// The prune preview: which backups the recommended retention policy would delete, shown in the
// table's Prune Preview column, and deleting them when asked.
class PruneController final : public FeatureController
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PruneController)

public:
    explicit PruneController(const FeatureParts& parts);

Q_SIGNALS:
    void retentionPreviewChanged(bool shown);

private:
    void updateActions() override;
    void backendChanged() override;
    void previewPrune();
    void showPruneVerdicts(const QList<BackupItem>& all);
    void applyPrune();
    void closePrune();

    QAction* m_prune;
    QAction* m_applyPrune;
    QAction* m_closePrune;
    QStringList m_pruneDeletes;
};

} // namespace fcb
