#pragma once

#include "backups/BackupTableModel.h"

#include <QObject>

class QAction;
class QItemSelectionModel;
class QMenu;
class QWidget;

namespace fcb {

class BackupsController;
class Banner;
class Prompter;

// Looking after the backups over time: restore drills ("Last verified"), the prune preview,
// off-site copies ("Copies"), the schedule generator, and curl commands for a server's routes.
// Jobs run through the backups controller, so they share its jobs panel and its one-at-a-time rule.
class MaintenanceController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaintenanceController)

public:
    MaintenanceController(QWidget* window, BackupsController* backups, Prompter* prompter);
    ~MaintenanceController() override;

    QList<QAction*> actions() const { return m_actions; }
    QAction* action(const QString& objectName) const;
    QMenu* curlMenu() const { return m_curlMenu; }
    void setSelectionModel(QItemSelectionModel* selection);
    // How old the newest backup may be, by the schedule installed for this target.
    qint64 allowedBackupAge() const { return m_allowedAge; }
    QString offsiteTarget() const;
    void setOffsiteTarget(const QString& remote);

Q_SIGNALS:
    void retentionPreviewChanged(bool shown);
    // Drill records, the allowed age and the off-site listing were read again.
    void annotationsLoaded();

private:
    void updateActions();
    void stopListing();
    void reloadAnnotations();
    void drillSelected();
    void previewPrune();
    void showPruneVerdicts(const QList<BackupItem>& all);
    void applyPrune();
    void closePrune();
    void pushOffsite();
    void chooseOffsiteTarget();
    void showSchedule();
    void copyCurl(int action);

    QWidget* m_window;
    BackupsController* m_backups;
    Prompter* m_prompter;
    QItemSelectionModel* m_selection = nullptr;
    QList<QAction*> m_actions;
    QAction* m_drill;
    QAction* m_prune;
    QAction* m_applyPrune;
    QAction* m_closePrune;
    QAction* m_pushOffsite;
    QAction* m_offsiteTargetAction;
    QAction* m_schedule;
    QMenu* m_curlMenu;
    QList<QAction*> m_curlActions;
    QStringList m_pruneDeletes;
    qint64 m_allowedAge = 26 * 3600;
    bool m_listingOffsite = false;
    std::shared_ptr<CancelToken> m_listing; // the running off-site listing
    quint64 m_generation = 0;
};

} // namespace fcb
