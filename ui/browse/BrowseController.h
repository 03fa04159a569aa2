#pragma once

#include "FeatureController.h"
#include "browse/BrowseDialog.h"

#include <QDialog>
#include <QPointer>

namespace fcb {

struct HistoryResult;

// Inside one backup: Browse… opens its contents as a tree, from which files and folders are
// extracted, one upload is put back into the live files folder, and an upload's history across
// the backups is shown.
class BrowseController final : public FeatureController
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowseController)

public:
    explicit BrowseController(const FeatureParts& parts);

    // The dialog Browse… opened last, and the last history shown (tests, screenshots).
    BrowseDialog* browseDialog() const { return m_browse; }
    QDialog* historyDialog() const { return m_history; }

private:
    void updateActions() override;
    void browseSelected();
    void extract(const QString& backup, const QStringList& paths);
    void restoreFile(const QString& backup, const QString& path);
    void showHistory(const QString& path);
    void openHistory(const HistoryResult& history);

    QAction* m_browseAction;
    QPointer<BrowseDialog> m_browse;
    QPointer<QDialog> m_history;
};

} // namespace fcb
