#pragma once

#include "FeatureController.h"
#include "TaskContext.h"

#include <memory>

namespace fcb {

// Off-site copies through rclone: the target of the open data folder, copying backups there,
// and the table's "Copies" column from the target's listing.
class OffsiteController final : public FeatureController
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OffsiteController)

public:
    explicit OffsiteController(const FeatureParts& parts);
    ~OffsiteController() override;

    QString offsiteTarget() const;
    void setOffsiteTarget(const QString& remote);

Q_SIGNALS:
    // The "Copies" column was filled in again.
    void copiesLoaded();

private:
    void updateActions() override;
    void backendChanged() override;
    void stopListing();
    void reloadCopies();
    void pushOffsite();
    void chooseOffsiteTarget();

    QAction* m_pushOffsite;
    QAction* m_offsiteTargetAction;
    bool m_listingOffsite = false;
    std::shared_ptr<CancelToken> m_listing; // the running off-site listing
    quint64 m_targetChanges = 0; // an answer for an earlier target is dropped
};

} // namespace fcb
