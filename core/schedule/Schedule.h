#pragma once

#include "Error.h"
#include "retention/Retention.h"

#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace fcb {

// Scheduled backups are the system's job: a systemd user timer and service, or a crontab line,
// that run `fastcms-backup create` and then `prune`. This generates them (and installs them);
// it never runs a daemon of its own.
struct ScheduleSpec
{
    enum class Every { Hourly, Daily, Weekly };
    Every every = Every::Daily;
    QTime at{3, 0};              // daily and weekly; hourly runs at minute at.minute()
    QString program;             // absolute path of fastcms-backup
    QString target;              // the data folder or server, as the backend describes it
    QStringList targetArgs;      // --data-dir … or --server … --token-file …
    QStringList createArgs;      // extra options for create (--offsite, --heartbeat-url)
    QStringList pruneArgs;       // --keep-… options; empty: the recommended policy
    QStringList environment;     // NAME=value the commands need (e.g. RCLONE_CONFIG)
    bool prune = true;

    static std::optional<Every> parseEvery(const QString& text);
    static QString everyName(Every every);
};

struct ScheduleFiles
{
    QString unitName; // fastcms-backup-<slug>, without suffix
    QString service;
    QString timer;
    QString cronLine;
};

namespace schedule {

// Usage error when an argument cannot be written safely: a control character (a newline would
// add lines to a unit or crontab), or for cron a % (cron turns it into a newline).
Result<void> check(const ScheduleSpec& spec, bool cron);
ScheduleFiles generate(const ScheduleSpec& spec);
// How old the newest backup may be before a check calls it stale: one interval and a margin
// (hourly: 2 h, daily: 26 h, weekly: 7 days 2 h).
qint64 maxAgeSeconds(ScheduleSpec::Every every);
// ~/.config/systemd/user (XDG_CONFIG_HOME respected).
QString systemdUserDir();
// Writes both units there (temp file, fsync, rename); returns their paths.
Result<QStringList> installSystemd(const ScheduleFiles& files);
// Replaces this target's line in the user's crontab (found by its marker comment), keeping
// every other line.
Result<void> installCron(const ScheduleFiles& files);
// One argument quoted for a systemd ExecStart= line / for sh (and cron).
QString systemdQuote(const QString& argument);
QString shellQuote(const QString& argument);

} // namespace schedule

// The schedule each target was given, kept by this tool, so that status and the console judge
// staleness by it.
class ScheduleStore
{
public:
    explicit ScheduleStore(QString path = defaultPath());
    static QString defaultPath(); // ~/.local/share/fastcms-backup/schedules.json
    std::optional<ScheduleSpec::Every> every(const QString& target) const;
    Result<void> record(const QString& target, ScheduleSpec::Every every);

private:
    QString m_path;
};

// How old the newest backup of target may be: by its recorded schedule, else a day and a bit.
qint64 allowedBackupAge(const QString& target);

} // namespace fcb
