#include "CliFormat.h"
#include "CliWatch.h"
#include "schedule/Schedule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace fcb {

using namespace cli;

int CommandLine::runSchedule()
{
    ScheduleSpec spec;
    const auto every = ScheduleSpec::parseEvery(m_parser.value(QStringLiteral("every")));
    if (!every) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("--every is hourly, daily or weekly.")));
        return -1;
    }
    spec.every = *every;
    spec.at = QTime::fromString(m_parser.value(QStringLiteral("at")), QStringLiteral("H:mm"));
    if (!spec.at.isValid()) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("--at takes a time such as 03:00.")));
        return -1;
    }
    spec.program = QCoreApplication::applicationFilePath();
    spec.target = m_backend->describe();
    const auto absolute = [](const QString& path) { return QFileInfo(path).absoluteFilePath(); };
    if (m_backend->isRemote()) {
        // A timer cannot answer a password prompt: saved tokens (kept current) or an API key.
        spec.targetArgs = {QStringLiteral("--server"), m_parser.value(QStringLiteral("server"))};
        if (m_parser.isSet(QStringLiteral("token-file")))
            spec.targetArgs << QStringLiteral("--token-file") << absolute(m_parser.value(QStringLiteral("token-file")));
        else if (m_parser.isSet(QStringLiteral("api-key-file")))
            spec.targetArgs << QStringLiteral("--api-key-file") << absolute(m_parser.value(QStringLiteral("api-key-file")));
        else {
            fail(Error::make(ErrorCode::Usage, CommandLine::tr("A schedule for a server needs --token-file (written by login "
                                                               "--save-token) or --api-key-file.")));
            return -1;
        }
    } else {
        spec.targetArgs = {QStringLiteral("--data-dir"), absolute(m_parser.value(QStringLiteral("data-dir")))};
        for (const QString& option : {QStringLiteral("db"), QStringLiteral("files-dir"), QStringLiteral("backups-dir")}) {
            if (m_parser.isSet(option))
                spec.targetArgs << QStringLiteral("--") + option << absolute(m_parser.value(option));
        }
    }
    if (!m_backend->isRemote() && !offsiteTarget().isEmpty())
        spec.createArgs << QStringLiteral("--offsite") << offsiteTarget();
    if (m_parser.isSet(QStringLiteral("heartbeat-url")))
        spec.createArgs << QStringLiteral("--heartbeat-url") << m_parser.value(QStringLiteral("heartbeat-url"));
    for (const QString& option : {QStringLiteral("keep-last"), QStringLiteral("keep-daily"), QStringLiteral("keep-weekly"),
                                  QStringLiteral("keep-monthly"), QStringLiteral("keep-yearly")}) {
        if (!m_parser.isSet(option))
            continue;
        bool numeric = false;
        if (m_parser.value(option).toInt(&numeric) < 0 || !numeric) {
            fail(Error::make(ErrorCode::Usage, CommandLine::tr("--%1 takes a whole number.").arg(option)));
            return -1;
        }
        spec.pruneArgs << QStringLiteral("--") + option << m_parser.value(option);
    }

    // rclone's configuration, where off-site credentials live, when it is not the default one.
    if (!qEnvironmentVariableIsEmpty("RCLONE_CONFIG"))
        spec.environment << QStringLiteral("RCLONE_CONFIG=") + absolute(qEnvironmentVariable("RCLONE_CONFIG"));
    const bool cron = m_parser.isSet(QStringLiteral("cron"));
    if (auto safe = schedule::check(spec, cron); !safe) {
        fail(safe.error());
        return -1;
    }
    const ScheduleFiles files = schedule::generate(spec);
    const bool install = m_parser.isSet(QStringLiteral("install"));
    const QString enable = QStringLiteral("systemctl --user daemon-reload && systemctl --user enable --now %1.timer").arg(files.unitName);
    QStringList written;
    if (install) {
        if (cron) {
            if (auto done = schedule::installCron(files); !done) {
                fail(done.error());
                return -1;
            }
        } else {
            auto done = schedule::installSystemd(files);
            if (!done) {
                fail(done.error());
                return -1;
            }
            written = *done;
        }
        if (auto recorded = ScheduleStore().record(spec.target, spec.every); !recorded) {
            fail(recorded.error());
            return -1;
        }
    }
    if (m_json) {
        printJson({{QStringLiteral("unit"), files.unitName},
                   {QStringLiteral("service"), files.service},
                   {QStringLiteral("timer"), files.timer},
                   {QStringLiteral("cron"), files.cronLine},
                   {QStringLiteral("every"), ScheduleSpec::everyName(spec.every)},
                   {QStringLiteral("max_age_hours"), schedule::maxAgeSeconds(spec.every) / 3600},
                   {QStringLiteral("installed"), install},
                   {QStringLiteral("written"), QJsonArray::fromStringList(written)},
                   {QStringLiteral("enable_command"), cron ? QString() : enable}});
        return ExitCode::Success;
    }
    if (cron) {
        if (install && !m_quiet)
            printLine(CommandLine::tr("Added to your crontab:"));
        else if (!install)
            printLine(CommandLine::tr("# Add this line with 'crontab -e' (or run this command again with --install):"));
        printLine(files.cronLine);
        return ExitCode::Success;
    }
    if (install) {
        if (!m_quiet) {
            printLine(CommandLine::tr("Wrote %1 and %2.").arg(written.value(0), written.value(1)));
            printLine(CommandLine::tr("Start it with:"));
            printLine(QStringLiteral("  ") + enable);
            printLine(CommandLine::tr("To run it while you are logged out as well: loginctl enable-linger"));
        }
        return ExitCode::Success;
    }
    printLine(QStringLiteral("# ~/.config/systemd/user/%1.service").arg(files.unitName));
    printLine(files.service);
    printLine(QStringLiteral("# ~/.config/systemd/user/%1.timer").arg(files.unitName));
    printLine(files.timer);
    printLine(CommandLine::tr("# Run this command again with --install to write both files, then: %1").arg(enable));
    return ExitCode::Success;
}

} // namespace fcb
