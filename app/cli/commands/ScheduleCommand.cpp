#include "commands/Commands.h"

#include "Format.h"
#include "Options.h"
#include "backend/Backend.h"
#include "schedule/Schedule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <unistd.h>

namespace fcb {

using namespace cli;

namespace {

// A user name or, where the system has none for it, the number (systemd takes either).
QString nameOr(const QString& name, uint id)
{
    return name.isEmpty() ? QString::number(id) : name;
}

// What became of lingering, and what to run when it is off.
QStringList lingerLines(const LingerCheck& linger)
{
    switch (linger.state) {
    case LingerCheck::State::Already:
        return { CommandLine::tr("Lingering is on for %1: the timer runs while you are logged out too.")
                     .arg(linger.user) };
    case LingerCheck::State::Enabled:
        return { CommandLine::tr(
            "Turned on lingering for %1 (loginctl enable-linger): the timer runs while you are logged "
            "out too.")
                     .arg(linger.user) };
    case LingerCheck::State::Off:
        return {
            CommandLine::tr(
                "Warning: lingering is off for %1 and could not be turned on (%2), so the timer stops when "
                "you log out. To keep it running, have an administrator run:")
                .arg(linger.user,
                    linger.detail.isEmpty() ? CommandLine::tr("loginctl refused") : linger.detail),
            QStringLiteral("  ") + linger.command
        };
    case LingerCheck::State::Unknown:
        break;
    }
    return { CommandLine::tr(
                 "Warning: lingering could not be checked for %1 (%2). Without lingering the timer stops "
                 "when you log out; to turn it on, run:")
                 .arg(linger.user,
                     linger.detail.isEmpty() ? CommandLine::tr("loginctl did not say") : linger.detail),
        QStringLiteral("  ") + linger.command };
}

// The schedule asked for: interval and time, the target's options (absolute paths) and what
// create and prune are given; false after cli.fail().
bool readSpec(CommandContext& cli, ScheduleSpec& spec)
{
    const auto every = ScheduleSpec::parseEvery(cli.value(QStringLiteral("every")));
    if (!every) {
        cli.fail(Error::make(ErrorCode::Usage, CommandLine::tr("--every is hourly, daily or weekly.")));
        return false;
    }
    spec.every = *every;
    spec.at = QTime::fromString(cli.value(QStringLiteral("at")), QStringLiteral("H:mm"));
    if (!spec.at.isValid()) {
        cli.fail(Error::make(ErrorCode::Usage, CommandLine::tr("--at takes a time such as 03:00.")));
        return false;
    }
    spec.program = QCoreApplication::applicationFilePath();
    spec.target = cli.backend().describe();
    const auto absolute = [](const QString& path) { return QFileInfo(path).absoluteFilePath(); };
    if (cli.backend().isRemote()) {
        // A timer cannot answer a password prompt: saved tokens (kept current) or an API key.
        spec.targetArgs = { QStringLiteral("--server"), cli.value(QStringLiteral("server")) };
        if (cli.isSet(QStringLiteral("token-file")))
            spec.targetArgs << QStringLiteral("--token-file")
                            << absolute(cli.value(QStringLiteral("token-file")));
        else if (cli.isSet(QStringLiteral("api-key-file")))
            spec.targetArgs << QStringLiteral("--api-key-file")
                            << absolute(cli.value(QStringLiteral("api-key-file")));
        else {
            cli.fail(Error::make(ErrorCode::Usage,
                CommandLine::tr("A schedule for a server needs --token-file (written by login "
                                "--save-token) or --api-key-file.")));
            return false;
        }
    } else {
        spec.targetArgs = { QStringLiteral("--data-dir"), absolute(cli.value(QStringLiteral("data-dir"))) };
        for (const QString& option :
            { QStringLiteral("db"), QStringLiteral("files-dir"), QStringLiteral("backups-dir") }) {
            if (cli.isSet(option))
                spec.targetArgs << QStringLiteral("--") + option << absolute(cli.value(option));
        }
    }
    if (!cli.backend().isRemote() && !offsiteTarget(cli).isEmpty())
        spec.createArgs << QStringLiteral("--offsite") << offsiteTarget(cli);
    if (cli.isSet(QStringLiteral("heartbeat-url")))
        spec.createArgs << QStringLiteral("--heartbeat-url") << cli.value(QStringLiteral("heartbeat-url"));
    for (const QString& option : { QStringLiteral("keep-last"), QStringLiteral("keep-daily"),
             QStringLiteral("keep-weekly"), QStringLiteral("keep-monthly"), QStringLiteral("keep-yearly") }) {
        if (!cli.isSet(option))
            continue;
        bool numeric = false;
        if (cli.value(option).toInt(&numeric) < 0 || !numeric) {
            cli.fail(
                Error::make(ErrorCode::Usage, CommandLine::tr("--%1 takes a whole number.").arg(option)));
            return false;
        }
        spec.pruneArgs << QStringLiteral("--") + option << cli.value(option);
    }
    // rclone's configuration, where off-site credentials live, when it is not the default one.
    if (!qEnvironmentVariableIsEmpty("RCLONE_CONFIG"))
        spec.environment << QStringLiteral("RCLONE_CONFIG=")
                + absolute(qEnvironmentVariable("RCLONE_CONFIG"));
    return true;
}

// For system units: who the runs run as, and the sentence that says so; false after cli.fail().
bool chooseSystemUser(CommandContext& cli, ScheduleSpec& spec, bool cron, QString* runsAs)
{
    if (cron) {
        cli.fail(Error::make(
            ErrorCode::Usage, CommandLine::tr("--system writes systemd units; it does not go with --cron.")));
        return false;
    }
    // Not as root, who installs them: root's backups (owner-only) would be unreadable to the
    // server and to the folder's owner, and a token file rewritten by root no longer theirs.
    if (cli.backend().isRemote()) {
        // Through sudo, who ran it is the administrator whose token file the runs use.
        const QString sudoUser = ::geteuid() == 0 ? qEnvironmentVariable("SUDO_USER") : QString();
        spec.runAsUser = sudoUser.isEmpty() ? schedule::currentUserName() : sudoUser;
        *runsAs = CommandLine::tr("It runs as %1, who ran this command.").arg(spec.runAsUser);
    } else {
        const QFileInfo folder(QFileInfo(cli.value(QStringLiteral("data-dir"))).absoluteFilePath());
        spec.runAsUser = nameOr(folder.owner(), folder.ownerId());
        spec.runAsGroup = nameOr(folder.group(), folder.groupId());
        *runsAs = CommandLine::tr("It runs as %1:%2, the owner of %3.")
                      .arg(spec.runAsUser, spec.runAsGroup, folder.filePath());
    }
    return true;
}

// What --install did.
struct Installed
{
    QStringList written; // the unit files
    std::optional<LingerCheck> linger;
};

// Writes the units (or the crontab line), records the schedule for status, and turns on
// lingering for a user's timer; nothing after cli.fail().
std::optional<Installed> install(
    CommandContext& cli, const ScheduleSpec& spec, const ScheduleFiles& files, bool cron, UnitScope scope)
{
    Installed done;
    if (cron) {
        if (auto added = schedule::installCron(files); !added) {
            cli.fail(added.error());
            return std::nullopt;
        }
    } else {
        auto written = schedule::installSystemd(files, scope);
        if (!written) {
            cli.fail(written.error());
            return std::nullopt;
        }
        done.written = *written;
    }
    const InstalledSchedule installed { spec.every,
        cron ? QString() : files.unitName + QStringLiteral(".timer"), scope };
    if (auto recorded = ScheduleStore().record(spec.target, installed); !recorded) {
        cli.fail(recorded.error());
        return std::nullopt;
    }
    // A user's timers stop with the user's last session unless the user lingers.
    if (!cron && scope == UnitScope::User)
        done.linger = schedule::ensureLinger(schedule::currentUserName());
    return done;
}

void printScheduleJson(CommandContext& cli, const ScheduleSpec& spec, const ScheduleFiles& files, bool cron,
    UnitScope scope, const std::optional<Installed>& installed)
{
    QJsonObject object { { QStringLiteral("unit"), files.unitName },
        { QStringLiteral("scope"),
            scope == UnitScope::System ? QStringLiteral("system") : QStringLiteral("user") },
        { QStringLiteral("service"), files.service }, { QStringLiteral("timer"), files.timer },
        { QStringLiteral("cron"), files.cronLine },
        { QStringLiteral("every"), ScheduleSpec::everyName(spec.every) },
        { QStringLiteral("max_age_hours"), schedule::maxAgeSeconds(spec.every) / 3600 },
        { QStringLiteral("installed"), installed.has_value() },
        { QStringLiteral("written"),
            QJsonArray::fromStringList(installed ? installed->written : QStringList()) },
        { QStringLiteral("enable_command"),
            cron ? QString() : schedule::enableCommand(files.unitName, scope) } };
    if (scope == UnitScope::System) {
        object.insert(QStringLiteral("run_as_user"), spec.runAsUser);
        object.insert(QStringLiteral("run_as_group"), spec.runAsGroup);
    }
    if (installed && installed->linger) {
        object.insert(QStringLiteral("linger"), LingerCheck::stateName(installed->linger->state));
        object.insert(QStringLiteral("linger_command"), installed->linger->command);
        object.insert(QStringLiteral("linger_detail"), installed->linger->detail);
    }
    cli.printJson(object);
}

// The units as they would be written, and what to run next.
void printUnits(CommandContext& cli, const ScheduleFiles& files, UnitScope scope, const QString& runsAs)
{
    const QString enable = schedule::enableCommand(files.unitName, scope);
    const QString dir = scope == UnitScope::System ? schedule::systemdSystemDir()
                                                   : QStringLiteral("~/.config/systemd/user");
    cli.printLine(QStringLiteral("# %1/%2.service").arg(dir, files.unitName));
    cli.printLine(files.service);
    cli.printLine(QStringLiteral("# %1/%2.timer").arg(dir, files.unitName));
    cli.printLine(files.timer);
    if (scope == UnitScope::System) {
        cli.printLine(QStringLiteral("# ") + runsAs);
        cli.printLine(
            CommandLine::tr("# Run this command again as root with --install to write both files, then: %1")
                .arg(enable));
    } else {
        cli.printLine(CommandLine::tr("# Run this command again with --install to write both files, then: %1")
                          .arg(enable));
        cli.printLine(CommandLine::tr(
            "# The timer stops when you log out unless lingering is on: sudo loginctl enable-linger %1")
                          .arg(schedule::shellQuote(schedule::currentUserName())));
    }
}

// What --install wrote, and how to start it.
void printInstalled(CommandContext& cli, const ScheduleFiles& files, UnitScope scope, const QString& runsAs,
    const Installed& installed)
{
    if (cli.quiet())
        return;
    cli.printLine(
        CommandLine::tr("Wrote %1 and %2.").arg(installed.written.value(0), installed.written.value(1)));
    if (!runsAs.isEmpty())
        cli.printLine(runsAs);
    cli.printLine(CommandLine::tr("Start it with:"));
    cli.printLine(QStringLiteral("  ") + schedule::enableCommand(files.unitName, scope));
    if (installed.linger) {
        for (const QString& line : lingerLines(*installed.linger))
            cli.printLine(line);
    }
}

} // namespace

int ScheduleCommand::run(CommandContext& cli, const QStringList&)
{
    ScheduleSpec spec;
    if (!readSpec(cli, spec))
        return -1;
    const bool cron = cli.isSet(QStringLiteral("cron"));
    const UnitScope scope = cli.isSet(QStringLiteral("system")) ? UnitScope::System : UnitScope::User;
    QString runsAs;
    if (scope == UnitScope::System && !chooseSystemUser(cli, spec, cron, &runsAs))
        return -1;
    if (auto safe = schedule::check(spec, cron); !safe) {
        cli.fail(safe.error());
        return -1;
    }
    const ScheduleFiles files = schedule::generate(spec);
    std::optional<Installed> installed;
    if (cli.isSet(QStringLiteral("install"))) {
        installed = install(cli, spec, files, cron, scope);
        if (!installed)
            return -1;
    }
    if (cli.json()) {
        printScheduleJson(cli, spec, files, cron, scope, installed);
    } else if (cron) {
        if (installed && !cli.quiet())
            cli.printLine(CommandLine::tr("Added to your crontab:"));
        else if (!installed)
            cli.printLine(CommandLine::tr(
                "# Add this line with 'crontab -e' (or run this command again with --install):"));
        cli.printLine(files.cronLine);
    } else if (installed) {
        printInstalled(cli, files, scope, runsAs, *installed);
    } else {
        printUnits(cli, files, scope, runsAs);
    }
    return ExitCode::Success;
}

} // namespace fcb
