#pragma once

#include "Error.h"
#include "retention/Retention.h"

#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace fcb {

// Scheduled backups are the system's job: a systemd timer and service (the user's, or the
// system's for an administrator), or a crontab line, that run `fastcms-backup create` and then
// `prune`. This generates them (and installs them); it never runs a daemon of its own.
struct ScheduleSpec
{
    enum class Every
    {
        Hourly,
        Daily,
        Weekly
    };
    Every every = Every::Daily;
    QTime at { 3, 0 }; // daily and weekly; hourly runs at minute at.minute()
    QString program; // absolute path of fastcms-backup
    QString target; // the data folder or server, as the backend describes it
    QStringList targetArgs; // --data-dir … or --server … --token-file …
    QStringList createArgs; // extra options for create (--offsite, --heartbeat-url)
    QStringList pruneArgs; // --keep-… options; empty: the recommended policy
    QStringList environment; // NAME=value the commands need (e.g. RCLONE_CONFIG)
    // System units only: whom the service runs as (User=, Group=); empty for user units.
    QString runAsUser;
    QString runAsGroup;
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

// Which service manager runs a timer: the user's (systemctl --user) or the system's.
enum class UnitScope
{
    User,
    System
};

// A schedule as installed, kept so that status can judge staleness and ask after its timer.
struct InstalledSchedule
{
    ScheduleSpec::Every every = ScheduleSpec::Every::Daily;
    QString timer; // NAME.timer; empty for a crontab line
    UnitScope scope = UnitScope::User;
};

// Whether the user's service manager outlives the user's sessions (loginctl's "lingering").
// Without it a user timer stops when its user logs out.
struct LingerCheck
{
    enum class State
    {
        Already, // it was on
        Enabled, // it was off, and loginctl turned it on
        Off, // it is off and could not be turned on: command says how
        Unknown, // loginctl is missing or could not tell
    };
    State state = State::Unknown;
    QString user;
    QString command; // what an administrator runs to turn it on (Off and Unknown)
    QString detail; // loginctl's own words when it failed or is missing
    static QString stateName(State state); // "already", "enabled", "off", "unknown"
};

// What the service manager says about an installed schedule's timer.
struct TimerCheck
{
    enum class State
    {
        None, // no timer is recorded for the target (none installed, or a crontab line)
        Active, // waiting for its next run
        Inactive, // not running: no more scheduled backups
        Unknown, // systemctl is missing or could not tell (no user bus, no systemd)
    };
    State state = State::None;
    InstalledSchedule schedule;
    QString answer; // systemctl's answer (inactive, failed) or its complaint
    QString startCommand() const;
    static QString stateName(State state); // "none", "active", "inactive", "unknown"
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
// /etc/systemd/system, or FASTCMS_BACKUP_SYSTEM_UNIT_DIR.
QString systemdSystemDir();
QString systemdDir(UnitScope scope);
// systemctl [--user] daemon-reload && systemctl [--user] enable --now NAME.timer
QString enableCommand(const QString& unitName, UnitScope scope);
// Writes both units to systemdDir(scope) (temp file, fsync, rename); returns their paths. The
// system folder must be writable (root): else an I/O error that says so, and nothing written.
Result<QStringList> installSystemd(const ScheduleFiles& files, UnitScope scope = UnitScope::User);
// Replaces this target's line in the user's crontab (found by its marker comment), keeping
// every other line.
Result<void> installCron(const ScheduleFiles& files);
// One argument quoted for a systemd ExecStart= line / for sh (and cron).
QString systemdQuote(const QString& argument);
QString shellQuote(const QString& argument);

// Lingering, from the output of `loginctl show-user USER --property=Linger`: nothing when it
// does not say.
std::optional<bool> parseLinger(const QByteArray& showUserOutput);
// Asks loginctl (or FASTCMS_BACKUP_LOGINCTL) whether user lingers, and if not, asks it to
// turn lingering on, without prompting for a password.
LingerCheck ensureLinger(const QString& user);
// The name of the user this process runs as.
QString currentUserName();
// Asks systemctl [--user] (or FASTCMS_BACKUP_SYSTEMCTL) whether the recorded timer is active.
TimerCheck checkTimer(const std::optional<InstalledSchedule>& installed);

} // namespace schedule

// The schedule each target was given, kept by this tool, so that status and the console judge
// staleness by it.
class ScheduleStore
{
public:
    explicit ScheduleStore(QString path = defaultPath());
    static QString defaultPath(); // ~/.local/share/fastcms-backup/schedules.json
    std::optional<InstalledSchedule> installed(const QString& target) const;
    std::optional<ScheduleSpec::Every> every(const QString& target) const;
    // Replaces what was recorded for target (a crontab line after a timer forgets the timer).
    Result<void> record(const QString& target, const InstalledSchedule& schedule);

private:
    QString m_path;
};

// How old the newest backup of target may be: by its recorded schedule, else a day and a bit.
qint64 allowedBackupAge(const QString& target);

} // namespace fcb
