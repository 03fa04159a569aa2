#pragma once

#include "FeatureController.h"

namespace fcb {

// Restore drills: the Restore Drill action, and the "Last verified" column from the drills
// recorded for the open backend (by the console and the command-line tool alike).
class DrillController final : public FeatureController
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DrillController)

public:
    explicit DrillController(const FeatureParts& parts);

Q_SIGNALS:
    // The "Last verified" column was filled in again.
    void recordsLoaded();

private:
    void updateActions() override;
    void backendChanged() override;
    void reloadRecords();
    void drillSelected();

    QAction* m_drill;
};

} // namespace fcb
