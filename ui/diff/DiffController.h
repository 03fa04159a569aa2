#pragma once

#include "FeatureController.h"
#include "Prompter.h"

#include <QDialog>
#include <QPointer>

namespace fcb {

class DiffView;

// What differs: the restore question's preview of what a restore changes, Compare… on two
// selected backups, and Export Rows… from either view.
class DiffController final : public FeatureController
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffController)

public:
    explicit DiffController(const FeatureParts& parts);

    // Fills in what the restore of question.backup changes, or why that cannot be shown.
    void describeRestore(RestoreQuestion& question);
    // The dialog Compare… opened last (for tests and screenshots); null before.
    QDialog* compareDialog() const { return m_compare; }

private:
    void updateActions() override;
    void compareSelected();
    void exportRows(const QString& backup, const QString& table, const QStringList& keys);

    QAction* m_compareAction;
    QPointer<QDialog> m_compare;
};

} // namespace fcb
