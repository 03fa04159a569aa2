#include "Schedule.h"

#include "FileUtil.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <pwd.h>
#include <unistd.h>

namespace fcb {

// Translation context for this file's messages (lupdate reads the class name).
class FcbScheduleText
{
    Q_DECLARE_TR_FUNCTIONS(FcbScheduleText)
};

std::optional<ScheduleSpec::Every> ScheduleSpec::parseEvery(const QString& text)
{
    if (text == QStringLiteral("hourly"))
        return Every::Hourly;
    if (text == QStringLiteral("daily"))
        return Every::Daily;
    if (text == QStringLiteral("weekly"))
        return Every::Weekly;
    return std::nullopt;
}

QString ScheduleSpec::everyName(Every every)
{
    switch (every) {
    case Every::Hourly:
        return QStringLiteral("hourly");
    case Every::Weekly:
        return QStringLiteral("weekly");
    case Every::Daily:
        break;
    }
    return QStringLiteral("daily");
}

QString LingerCheck::stateName(State state)
{
    switch (state) {
    case State::Already:
        return QStringLiteral("already");
    case State::Enabled:
        return QStringLiteral("enabled");
    case State::Off:
        return QStringLiteral("off");
    case State::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString TimerCheck::stateName(State state)
{
    switch (state) {
    case State::None:
        return QStringLiteral("none");
    case State::Active:
        return QStringLiteral("active");
    case State::Inactive:
        return QStringLiteral("inactive");
    case State::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString TimerCheck::startCommand() const
{
    if (schedule.timer.isEmpty())
        return {};
    return schedule.scope == UnitScope::System
        ? QStringLiteral("sudo systemctl enable --now ") + schedule.timer
        : QStringLiteral("systemctl --user enable --now ") + schedule.timer;
}

namespace schedule {

QString systemdQuote(const QString& argument)
{
    // systemd expands %specifiers and $VARIABLES in ExecStart=: double them to keep them literal.
    QString text = argument;
    text.replace(QLatin1Char('%'), QStringLiteral("%%")).replace(QLatin1Char('$'), QStringLiteral("$$"));
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./$-]+$"));
    if (plain.match(text).hasMatch())
        return text;
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString shellQuote(const QString& argument)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@+=:,./-]+$"));
    if (plain.match(argument).hasMatch())
        return argument;
    QString text = argument;
    text.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

namespace {

QString slugFor(const QString& target)
{
    QString base = QFileInfo(target).fileName();
    if (target.contains(QStringLiteral("://")))
        base = QUrl(target).host();
    else if (base == QStringLiteral("data"))
        base = QFileInfo(QFileInfo(target).absolutePath()).fileName(); // /srv/site/data -> site
    base = base.toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    base = base.left(32);
    while (base.startsWith(QLatin1Char('-')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(target.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
    return base.isEmpty() ? hash : base + QLatin1Char('-') + hash;
}

QStringList createCommand(const ScheduleSpec& spec)
{
    // A scheduled run that meets a console operation or a prune waits for it rather than fails.
    return QStringList { spec.program, QStringLiteral("create"), QStringLiteral("--trigger"),
        QStringLiteral("scheduled"), QStringLiteral("-q"), QStringLiteral("--wait-lock"),
        QStringLiteral("2h") }
    + spec.targetArgs + spec.createArgs;
}

QStringList pruneCommand(const ScheduleSpec& spec)
{
    return QStringList { spec.program, QStringLiteral("prune"), QStringLiteral("-q"),
        QStringLiteral("--wait-lock"), QStringLiteral("2h") }
    + spec.targetArgs + spec.pruneArgs;
}

// For settings that expand %specifiers but take no quotes (User=, Group=).
QString systemdLiteral(const QString& value)
{
    return QString(value).replace(QLatin1Char('%'), QStringLiteral("%%"));
}

QString joined(const QStringList& args, QString (*quote)(const QString&))
{
    QStringList quoted;
    for (const QString& a : args)
        quoted.append(quote(a));
    return quoted.join(QLatin1Char(' '));
}

} // namespace

Result<void> check(const ScheduleSpec& spec, bool cron)
{
    const QStringList all = QStringList { spec.program, spec.target, spec.runAsUser, spec.runAsGroup }
        + spec.targetArgs + spec.createArgs + spec.pruneArgs + spec.environment;
    for (const QString& argument : all) {
        for (const QChar c : argument) {
            if (c.category() == QChar::Other_Control)
                return fail(ErrorCode::Usage,
                    FcbScheduleText::tr("An argument of the schedule contains a control character: %1")
                        .arg(QString(argument).replace(c, QLatin1Char('?'))));
        }
        if (cron && argument.contains(QLatin1Char('%')))
            return fail(ErrorCode::Usage,
                FcbScheduleText::tr("cron cannot pass a percent sign safely (%1); use the systemd timer.")
                    .arg(argument));
    }
    return {};
}

ScheduleFiles generate(const ScheduleSpec& spec)
{
    ScheduleFiles files;
    files.unitName = QStringLiteral("fastcms-backup-") + slugFor(spec.target);
    const QString every = ScheduleSpec::everyName(spec.every);
    const QString time = spec.at.toString(QStringLiteral("HH:mm"));
    // Comments stay English: they are read by administrators in configuration files.
    const QString what = spec.every == ScheduleSpec::Every::Hourly
        ? QStringLiteral("every hour at minute %1").arg(spec.at.minute(), 2, 10, QLatin1Char('0'))
        : spec.every == ScheduleSpec::Every::Weekly ? QStringLiteral("every Monday at %1").arg(time)
                                                    : QStringLiteral("every day at %1").arg(time);

    // systemd expands %specifiers in Description= too.
    const QString shownTarget = QString(spec.target).replace(QLatin1Char('%'), QStringLiteral("%%"));
    QString service;
    service += QStringLiteral("# Written by fastcms-backup schedule: back up %1 %2%3.\n")
                   .arg(spec.target, what, spec.prune ? QStringLiteral(", then prune") : QString());
    service += QStringLiteral("[Unit]\nDescription=FastCMS backup of %1\n").arg(shownTarget);
    service += QStringLiteral("\n[Service]\nType=oneshot\n");
    if (!spec.runAsUser.isEmpty()) {
        service += QStringLiteral(
            "# As the owner of what it backs up: the backups must be theirs, not root's.\n");
        service += QStringLiteral("User=") + systemdLiteral(spec.runAsUser) + QLatin1Char('\n');
        if (!spec.runAsGroup.isEmpty())
            service += QStringLiteral("Group=") + systemdLiteral(spec.runAsGroup) + QLatin1Char('\n');
    }
    for (const QString& variable : spec.environment)
        service += QStringLiteral("Environment=") + systemdQuote(variable) + QLatin1Char('\n');
    service += QStringLiteral("ExecStart=") + joined(createCommand(spec), systemdQuote) + QLatin1Char('\n');
    if (spec.prune)
        service
            += QStringLiteral("ExecStart=") + joined(pruneCommand(spec), systemdQuote) + QLatin1Char('\n');
    service += QStringLiteral("# Backups hold password hashes; keep the server responsive meanwhile.\n");
    service += QStringLiteral("UMask=0077\nNice=10\nIOSchedulingClass=idle\n");
    files.service = service;

    const QString calendar = spec.every == ScheduleSpec::Every::Hourly
        ? QStringLiteral("*-*-* *:%1:00").arg(spec.at.minute(), 2, 10, QLatin1Char('0'))
        : spec.every == ScheduleSpec::Every::Weekly ? QStringLiteral("Mon *-*-* %1:00").arg(time)
                                                    : QStringLiteral("*-*-* %1:00").arg(time);
    QString timer;
    timer += QStringLiteral("# Written by fastcms-backup schedule (%1).\n").arg(every);
    timer += QStringLiteral("[Unit]\nDescription=FastCMS backup of %1, %2\n\n").arg(shownTarget, what);
    timer += QStringLiteral("[Timer]\nOnCalendar=%1\n").arg(calendar);
    timer += QStringLiteral(
        "# Runs missed while the machine was off happen at the next boot.\nPersistent=true\n");
    timer += QStringLiteral("RandomizedDelaySec=%1\n\n")
                 .arg(spec.every == ScheduleSpec::Every::Hourly ? QStringLiteral("2min")
                                                                : QStringLiteral("10min"));
    timer += QStringLiteral("[Install]\nWantedBy=timers.target\n");
    files.timer = timer;

    const QString minute = QString::number(spec.at.minute());
    const QString hour = QString::number(spec.at.hour());
    const QString cronWhen = spec.every == ScheduleSpec::Every::Hourly
        ? QStringLiteral("%1 * * * *").arg(minute)
        : spec.every == ScheduleSpec::Every::Weekly ? QStringLiteral("%1 %2 * * 1").arg(minute, hour)
                                                    : QStringLiteral("%1 %2 * * *").arg(minute, hour);
    QString command;
    for (const QString& variable : spec.environment)
        command += QStringLiteral("export ") + variable.section(QLatin1Char('='), 0, 0) + QLatin1Char('=')
            + shellQuote(variable.section(QLatin1Char('='), 1)) + QStringLiteral("; ");
    command += joined(createCommand(spec), shellQuote);
    if (spec.prune)
        command += QStringLiteral(" && ") + joined(pruneCommand(spec), shellQuote);
    files.cronLine
        = cronWhen + QStringLiteral(" umask 077; ") + command + QStringLiteral(" # ") + files.unitName;
    return files;
}

qint64 maxAgeSeconds(ScheduleSpec::Every every)
{
    switch (every) {
    case ScheduleSpec::Every::Hourly:
        return 2 * 3600;
    case ScheduleSpec::Every::Weekly:
        return 7 * 86400 + 2 * 3600;
    case ScheduleSpec::Every::Daily:
        break;
    }
    return 26 * 3600;
}

QString systemdUserDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/systemd/user");
}

QString systemdSystemDir()
{
    const QString redirected = qEnvironmentVariable("FASTCMS_BACKUP_SYSTEM_UNIT_DIR");
    return redirected.isEmpty() ? QStringLiteral("/etc/systemd/system") : redirected;
}

QString systemdDir(UnitScope scope)
{
    return scope == UnitScope::System ? systemdSystemDir() : systemdUserDir();
}

QString enableCommand(const QString& unitName, UnitScope scope)
{
    return scope == UnitScope::System
        ? QStringLiteral("systemctl daemon-reload && systemctl enable --now %1.timer").arg(unitName)
        : QStringLiteral("systemctl --user daemon-reload && systemctl --user enable --now %1.timer")
              .arg(unitName);
}

Result<QStringList> installSystemd(const ScheduleFiles& files, UnitScope scope)
{
    const QString dir = systemdDir(scope);
    QFileDevice::Permissions permissions = files::ownerOnly;
    if (scope == UnitScope::System) {
        // Asked before writing: a service written without its timer would be half a schedule.
        if (::access(QFile::encodeName(dir).constData(), W_OK) != 0 || !QFileInfo(dir).isDir())
            return fail(ErrorCode::Io,
                FcbScheduleText::tr("System units go to %1, which you cannot write to. Run this command "
                                    "as root (sudo), or without --system for units of your own.")
                    .arg(dir));
        // The system manager shows every unit's settings to any local user anyway (systemctl
        // show), and warns about unit files others cannot read; the units hold paths, no secrets.
        permissions |= QFileDevice::ReadGroup | QFileDevice::ReadOther;
    } else if (!QDir().mkpath(dir)) {
        return fail(ErrorCode::Io, FcbScheduleText::tr("Could not create %1.").arg(dir));
    }
    const QString service = dir + QLatin1Char('/') + files.unitName + QStringLiteral(".service");
    const QString timer = dir + QLatin1Char('/') + files.unitName + QStringLiteral(".timer");
    // User units owner-only: they name the token file, the off-site target and the heartbeat address.
    if (auto written = files::writeAtomically(service, files.service.toUtf8(), permissions); !written)
        return fail(written.error());
    if (auto written = files::writeAtomically(timer, files.timer.toUtf8(), permissions); !written)
        return fail(written.error());
    return QStringList { service, timer };
}

Result<void> installCron(const ScheduleFiles& files)
{
    if (QStandardPaths::findExecutable(QStringLiteral("crontab")).isEmpty())
        return fail(ErrorCode::Unsupported,
            FcbScheduleText::tr("crontab is not installed (Debian: apt install cron); use the "
                                "systemd timer instead."));
    QProcess read;
    read.start(QStringLiteral("crontab"), { QStringLiteral("-l") });
    if (!read.waitForFinished(30000))
        return fail(ErrorCode::Io, FcbScheduleText::tr("crontab -l did not answer."));
    // "no crontab for user" is exit 1: start an empty one. Any other failure must not become an
    // empty crontab that would replace the user's.
    if (read.exitCode() != 0 && !read.readAllStandardError().contains("no crontab for"))
        return fail(
            ErrorCode::Io, FcbScheduleText::tr("Your crontab could not be read; it was left as it is."));
    QList<QByteArray> lines
        = read.exitCode() == 0 ? read.readAllStandardOutput().split('\n') : QList<QByteArray>();
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    const QByteArray marker = QByteArray(" # ") + files.unitName.toUtf8();
    lines.erase(
        std::remove_if(lines.begin(), lines.end(), [&](const QByteArray& l) { return l.endsWith(marker); }),
        lines.end());
    lines.append(files.cronLine.toUtf8());
    QProcess write;
    write.start(QStringLiteral("crontab"), { QStringLiteral("-") });
    write.write(lines.join('\n') + '\n');
    write.closeWriteChannel();
    if (!write.waitForFinished(30000) || write.exitCode() != 0)
        return fail(ErrorCode::Io, FcbScheduleText::tr("crontab refused the new line."),
            QString::fromUtf8(write.readAllStandardError()));
    return {};
}

namespace {

struct ToolRun
{
    bool started = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// loginctl and systemctl answer at once, or wait on a bus that is not there: then give up.
ToolRun runTool(const QString& program, const QStringList& arguments)
{
    ToolRun run;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return run;
    run.started = true;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = FcbScheduleText::tr("%1 did not answer.").arg(program).toUtf8();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// A tool's complaint on one line, to sit inside a sentence.
QString complaint(const QByteArray& standardError)
{
    QString text = QString::fromLocal8Bit(standardError).simplified();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

QString toolProgram(const char* variable, const QString& fallback)
{
    const QString program = qEnvironmentVariable(variable);
    return program.isEmpty() ? fallback : program;
}

} // namespace

std::optional<bool> parseLinger(const QByteArray& showUserOutput)
{
    for (const QByteArray& line : showUserOutput.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed == "Linger=yes")
            return true;
        if (trimmed == "Linger=no")
            return false;
    }
    return std::nullopt;
}

LingerCheck ensureLinger(const QString& user)
{
    LingerCheck check;
    check.user = user;
    check.command = QStringLiteral("sudo loginctl enable-linger ") + shellQuote(user);
    const QString program = toolProgram("FASTCMS_BACKUP_LOGINCTL", QStringLiteral("loginctl"));
    const ToolRun shown
        = runTool(program, { QStringLiteral("show-user"), user, QStringLiteral("--property=Linger") });
    if (!shown.started) {
        check.detail = FcbScheduleText::tr("loginctl is not installed");
        return check;
    }
    const std::optional<bool> lingers = parseLinger(shown.out);
    if (lingers.value_or(false)) {
        check.state = LingerCheck::State::Already;
        check.command.clear();
        return check;
    }
    // logind knows only users with a session or lingering: one it does not know has no lingering.
    if (!lingers && !shown.err.contains("is not logged in or lingering")) {
        check.detail = complaint(shown.err);
        return check;
    }
    // A password prompt would hang a script: where polkit wants one, say what to run instead.
    const ToolRun enabled
        = runTool(program, { QStringLiteral("--no-ask-password"), QStringLiteral("enable-linger"), user });
    if (enabled.started && enabled.exitCode == 0) {
        check.state = LingerCheck::State::Enabled;
        check.command.clear();
        return check;
    }
    check.state = LingerCheck::State::Off;
    check.detail = complaint(enabled.err);
    return check;
}

QString currentUserName()
{
    if (const passwd* pw = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(::geteuid());
}

TimerCheck checkTimer(const std::optional<InstalledSchedule>& installed)
{
    TimerCheck check;
    if (!installed || installed->timer.isEmpty())
        return check;
    check.schedule = *installed;
    QStringList arguments;
    if (installed->scope == UnitScope::User)
        arguments << QStringLiteral("--user");
    arguments << QStringLiteral("is-active") << installed->timer;
    const ToolRun run
        = runTool(toolProgram("FASTCMS_BACKUP_SYSTEMCTL", QStringLiteral("systemctl")), arguments);
    if (!run.started) {
        check.state = TimerCheck::State::Unknown;
        check.answer = FcbScheduleText::tr("systemctl is not installed");
        return check;
    }
    // is-active prints the unit's state even when it exits non-zero; a failure to reach the
    // service manager prints none.
    const QString state = QString::fromUtf8(run.out).section(QLatin1Char('\n'), 0, 0).trimmed();
    static const QStringList running { QStringLiteral("active"), QStringLiteral("reloading"),
        QStringLiteral("activating"), QStringLiteral("refreshing") };
    static const QStringList stopped { QStringLiteral("inactive"), QStringLiteral("failed"),
        QStringLiteral("deactivating"), QStringLiteral("maintenance") };
    if (running.contains(state)) {
        check.state = TimerCheck::State::Active;
    } else if (stopped.contains(state)) {
        check.state = TimerCheck::State::Inactive;
        check.answer = state;
    } else {
        check.state = TimerCheck::State::Unknown;
        check.answer = complaint(run.err);
        if (check.answer.isEmpty())
            check.answer = state;
    }
    return check;
}

} // namespace schedule

ScheduleStore::ScheduleStore(QString path)
    : m_path(std::move(path))
{ }

QString ScheduleStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/fastcms-backup/schedules.json");
}

std::optional<InstalledSchedule> ScheduleStore::installed(const QString& target) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject entry = QJsonDocument::fromJson(file.read(1 << 20)).object().value(target).toObject();
    const auto every = ScheduleSpec::parseEvery(entry.value(QStringLiteral("every")).toString());
    if (!every)
        return std::nullopt;
    InstalledSchedule schedule;
    schedule.every = *every;
    schedule.timer = entry.value(QStringLiteral("timer")).toString();
    schedule.scope = entry.value(QStringLiteral("scope")).toString() == QStringLiteral("system")
        ? UnitScope::System
        : UnitScope::User;
    return schedule;
}

std::optional<ScheduleSpec::Every> ScheduleStore::every(const QString& target) const
{
    const auto schedule = installed(target);
    return schedule ? std::optional(schedule->every) : std::nullopt;
}

Result<void> ScheduleStore::record(const QString& target, const InstalledSchedule& schedule)
{
    return files::updateJsonFile(m_path, [&](QJsonObject& all) {
        QJsonObject entry { { QStringLiteral("every"), ScheduleSpec::everyName(schedule.every) } };
        if (!schedule.timer.isEmpty()) {
            entry.insert(QStringLiteral("timer"), schedule.timer);
            entry.insert(QStringLiteral("scope"),
                schedule.scope == UnitScope::System ? QStringLiteral("system") : QStringLiteral("user"));
        }
        all.insert(target, entry);
    });
}

qint64 allowedBackupAge(const QString& target)
{
    const auto every = ScheduleStore().every(target);
    return schedule::maxAgeSeconds(every.value_or(ScheduleSpec::Every::Daily));
}

} // namespace fcb
