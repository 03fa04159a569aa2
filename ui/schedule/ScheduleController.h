#pragma once

#include "FeatureController.h"

namespace fcb {

// Schedules: the generator of a systemd timer or crontab line for the open backend, and how old
// its newest backup may be under the schedule installed for it (the status bar's health).
class ScheduleController final : public FeatureController
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleController)

public:
    explicit ScheduleController(const FeatureParts& parts);

    // How old the newest backup may be, by the schedule installed for this target.
    qint64 allowedBackupAge() const { return m_allowedAge; }

Q_SIGNALS:
    // allowedBackupAge() was read again.
    void allowedAgeLoaded();

private:
    void updateActions() override;
    void reloadAllowedAge();
    void showSchedule();

    QAction* m_schedule;
    qint64 m_allowedAge = 26 * 3600;
};

} // namespace fcb
