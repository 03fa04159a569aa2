// Scheduling by the system: the generated systemd units (the user's and the system's) and the
// shipped templates pass systemd's own verifier, and the user units' commands really back up and
// prune; the crontab line's command does too; installing a user timer sees to lingering through
// loginctl; and status judges staleness by the installed schedule and asks systemctl whether its
// timer still runs. loginctl and systemctl are scripts here that answer as the real ones do.
#include "TestSupport.h"
#include "archive/BackupName.h"
#include "schedule/Schedule.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

using namespace fcb;

namespace {

// ExecStart= as systemd reads it: words, "double quotes" with backslash escapes, %% and $$.
QStringList systemdWords(const QString& line)
{
    QStringList words;
    QString word;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted && c == QLatin1Char('\\') && i + 1 < line.size()) {
            word += line[++i];
        } else if (c == QLatin1Char('"')) {
            quoted = !quoted;
            any = true;
        } else if (!quoted && c == QLatin1Char(' ')) {
            if (any || !word.isEmpty())
                words.append(word);
            word.clear();
            any = false;
        } else {
            word += c;
        }
    }
    if (any || !word.isEmpty())
        words.append(word);
    for (QString& w : words)
        w.replace(QStringLiteral("%%"), QStringLiteral("%"))
            .replace(QStringLiteral("$$"), QStringLiteral("$"));
    return words;
}

int backupCount(const QString& dir)
{
    return int(QDir(dir).entryList({ QStringLiteral("backup_*.zip") }, QDir::Files).size());
}

// loginctl's and systemctl's part: their answers, in their own formats, chosen by FAKE_LINGER,
// FAKE_ENABLE and FAKE_TIMER; each call's arguments are appended to FAKE_LOG.
const char* const fakeLoginctl = R"(#!/bin/sh
printf '%s\n' "$*" >> "$FAKE_LOG"
case "$1" in
show-user)
    case "$FAKE_LINGER" in
    yes|no) printf 'Linger=%s\n' "$FAKE_LINGER" ;;
    unknown-user) echo "Failed to get user: User ID $(id -u) is not logged in or lingering" >&2; exit 1 ;;
    *) echo "Failed to connect to bus: No such file or directory" >&2; exit 1 ;;
    esac ;;
--no-ask-password)
    [ "$FAKE_ENABLE" = ok ] && exit 0
    echo "Could not enable linger: Interactive authentication required." >&2
    exit 1 ;;
esac
)";
const char* const fakeSystemctl = R"(#!/bin/sh
printf '%s\n' "$*" >> "$FAKE_LOG"
case "$FAKE_TIMER" in
active) echo active ;;
inactive) echo inactive; exit 3 ;;
failed) echo failed; exit 3 ;;
*) echo "Failed to connect to bus: No medium found" >&2; exit 1 ;;
esac
)";

QString writeScript(const QString& path, const char* text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) < 0)
        return {};
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

QStringList linesOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString userName()
{
    const passwd* pw = ::getpwuid(::geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(::geteuid());
}

QStringList writtenPaths(const QJsonObject& json)
{
    QStringList paths;
    for (const QJsonValue& v : json.value(QStringLiteral("written")).toArray())
        paths.append(v.toString());
    return paths;
}

// systemd-analyze verify on units; empty when it accepts them without a word about them.
QString verifyUnits(const QStringList& units)
{
    QProcess verify;
    verify.setProcessChannelMode(QProcess::MergedChannels);
    verify.start(QStringLiteral("systemd-analyze"),
        QStringList { QStringLiteral("verify"), QStringLiteral("--man=no") } + units);
    if (!verify.waitForFinished(60000))
        return QStringLiteral("systemd-analyze did not finish");
    const QString output = QString::fromUtf8(verify.readAll());
    if (verify.exitCode() != 0)
        return output.isEmpty() ? QStringLiteral("systemd-analyze failed") : output;
    // Warnings about the units themselves (an unsafe User=, a bad setting) do not fail verify.
    QStringList about;
    for (const QString& line : output.split(QLatin1Char('\n')))
        for (const QString& unit : units)
            if (line.contains(QFileInfo(unit).fileName()))
                about.append(line);
    return about.join(QLatin1Char('\n'));
}

// A unit's [Service] section, comments left out.
QString serviceSection(const QString& unit)
{
    QStringList lines;
    bool inside = false;
    for (const QString& line : unit.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('[')))
            inside = line == QStringLiteral("[Service]");
        else if (inside && !line.startsWith(QLatin1Char('#')) && !line.isEmpty())
            lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

QString shippedUnit(const QString& relative)
{
    return QDir::cleanPath(test::scriptPath(QStringLiteral("../../packaging/systemd/") + relative));
}

} // namespace

class TestSchedule : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QStringList m_env;
    QString m_loginctl;
    QString m_systemctl;

    void seedOldBackups(const test::DataFixture& fx, int count)
    {
        QDir().mkpath(fx.folder.backupsDir());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < count; ++i)
            test::writeZip(fx.folder.backupPath(BackupName::forTime(now.addSecs(-3 * 3600 - i * 86400))),
                { { QStringLiteral("database.db"), test::sqliteBytes() } });
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Units, crontab records and the schedule store go to a private home; system units to
        // a folder of the test's; and no test asks the real loginctl or systemctl, which would
        // change this machine or answer for its own timers.
        m_loginctl = writeScript(m_home.filePath(QStringLiteral("loginctl")), fakeLoginctl);
        m_systemctl = writeScript(m_home.filePath(QStringLiteral("systemctl")), fakeSystemctl);
        QVERIFY(!m_loginctl.isEmpty() && !m_systemctl.isEmpty());
        QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral("etc-systemd-system"))));
        m_env = { QStringLiteral("XDG_CONFIG_HOME=") + m_home.filePath(QStringLiteral("config")),
            QStringLiteral("XDG_DATA_HOME=") + m_home.filePath(QStringLiteral("share")),
            QStringLiteral("FASTCMS_BACKUP_SYSTEM_UNIT_DIR=")
                + m_home.filePath(QStringLiteral("etc-systemd-system")),
            QStringLiteral("FASTCMS_BACKUP_LOGINCTL=") + m_loginctl,
            QStringLiteral("FASTCMS_BACKUP_SYSTEMCTL=") + m_systemctl,
            QStringLiteral("FAKE_LOG=") + m_home.filePath(QStringLiteral("calls.log")),
            QStringLiteral("FAKE_LINGER=yes"), QStringLiteral("FAKE_TIMER=active") };
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty(),
            "systemd-analyze is needed");
    }

    void systemdUnitsVerifyAndRun()
    {
        // A data folder whose path needs quoting everywhere: spaces, a %, a $ and a quote.
        QTemporaryDir parent;
        const QString dataDir = parent.filePath(QStringLiteral("site 100% \"$HOME\"/data"));
        QVERIFY(QDir().mkpath(dataDir));
        auto fx = test::makeDataFolder(25, 3);
        QVERIFY(QDir().rmdir(dataDir));
        QVERIFY(QDir().rename(fx.dataDir(), dataDir));
        seedOldBackups(test::DataFixture { nullptr, DataFolder(dataDir) }, 6);

        const QStringList args { QStringLiteral("schedule"), QStringLiteral("--install"),
            QStringLiteral("--data-dir"), dataDir, QStringLiteral("--keep-last"), QStringLiteral("2"),
            QStringLiteral("--json") };
        const auto run = test::runCli(args, m_env);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        const QStringList written = [&] {
            QStringList paths;
            for (const QJsonValue& v : json.value(QStringLiteral("written")).toArray())
                paths.append(v.toString());
            return paths;
        }();
        QCOMPARE(written.size(), 2);
        QVERIFY(written.first().startsWith(
            m_home.filePath(QStringLiteral("config/systemd/user/fastcms-backup-"))));
        QVERIFY(written.first().endsWith(QStringLiteral(".service")));
        // Owner-only: a unit may name a token file, an off-site target or a heartbeat address.
        QCOMPARE(QFileInfo(written.first()).permissions() & 0x0077, 0);

        // systemd's own verifier accepts both units (syntax, calendar, executables).
        const QString verified = verifyUnits(written);
        QVERIFY2(verified.isEmpty(), qPrintable(verified));
        const QString timer = QString::fromUtf8(test::fileBytes(written.last()));
        QVERIFY(timer.contains(QStringLiteral("OnCalendar=*-*-* 03:00:00")));
        QVERIFY(timer.contains(QStringLiteral("Persistent=true")));

        // Run the service's commands as systemd would: a backup, then a prune to the last 2.
        const QString service = QString::fromUtf8(test::fileBytes(written.first()));
        QStringList commands;
        for (const QString& line : service.split(QLatin1Char('\n')))
            if (line.startsWith(QStringLiteral("ExecStart=")))
                commands.append(line.mid(10));
        QCOMPARE(commands.size(), 2);
        for (const QString& command : commands) {
            QStringList words = systemdWords(command);
            QCOMPARE(words.first(), test::cliPath());
            QProcess process;
            process.setProgram(words.takeFirst());
            process.setArguments(words);
            process.start();
            QVERIFY(process.waitForFinished(120000));
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        }
        QCOMPARE(backupCount(dataDir + QStringLiteral("/backups")), 2);
    }

    void cronLineRunsUnderSh()
    {
        auto fx = test::makeDataFolder(5, 1);
        const auto run = test::runCli(fx.cliFolderArgs()
                << QStringLiteral("schedule") << QStringLiteral("--cron") << QStringLiteral("--every")
                << QStringLiteral("weekly") << QStringLiteral("--at") << QStringLiteral("4:30")
                << QStringLiteral("--json"),
            m_env);
        QCOMPARE(run.exitCode, 0);
        const QString line = run.json().value(QStringLiteral("cron")).toString();
        QVERIFY2(line.startsWith(QStringLiteral("30 4 * * 1 ")), qPrintable(line));
        // cron hands the rest to sh, turning \% into %.
        QString command = line.section(QLatin1Char(' '), 5);
        command.replace(QStringLiteral("\\%"), QStringLiteral("%"));
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
        QVERIFY(sh.waitForFinished(120000));
        QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
        QCOMPARE(backupCount(fx.folder.backupsDir()), 1);
    }

    void stalenessFollowsTheSchedule()
    {
        auto fx = test::makeDataFolder(5, 1);
        seedOldBackups(fx, 1); // the newest backup is 3 hours old
        const QStringList check = fx.cliFolderArgs()
            << QStringLiteral("status") << QStringLiteral("--check") << QStringLiteral("--json");
        auto status = test::runCli(check, m_env);
        QCOMPARE(status.exitCode, 0); // no schedule installed: a day and a bit
        QCOMPARE(status.json()
                     .value(QStringLiteral("health"))
                     .toObject()
                     .value(QStringLiteral("max_age_hours"))
                     .toInt(),
            26);

        QCOMPARE(test::runCli(fx.cliFolderArgs()
                         << QStringLiteral("schedule") << QStringLiteral("--install")
                         << QStringLiteral("--every") << QStringLiteral("hourly") << QStringLiteral("-q"),
                     m_env)
                     .exitCode,
            0);
        status = test::runCli(check, m_env);
        QCOMPARE(status.exitCode, ExitCode::Stale);
        QCOMPARE(status.json()
                     .value(QStringLiteral("health"))
                     .toObject()
                     .value(QStringLiteral("max_age_hours"))
                     .toInt(),
            2);
        // --max-age still overrides.
        QCOMPARE(test::runCli(check + QStringList { QStringLiteral("--max-age"), QStringLiteral("5") }, m_env)
                     .exitCode,
            0);

        QCOMPARE(test::runCli(fx.cliFolderArgs()
                         << QStringLiteral("schedule") << QStringLiteral("--install") << QStringLiteral("-q"),
                     m_env)
                     .exitCode,
            0);
        QCOMPARE(test::runCli(check, m_env).exitCode, 0);
    }

    void dailyAndWeeklyLimitsAre26And170Hours_data()
    {
        QTest::addColumn<QString>("every");
        QTest::addColumn<int>("limitHours");
        QTest::newRow("daily") << QStringLiteral("daily") << 26;
        QTest::newRow("weekly") << QStringLiteral("weekly") << 170;
    }
    void dailyAndWeeklyLimitsAre26And170Hours()
    {
        // A recorded schedule sets how old the newest backup may be: its interval and two hours.
        QFETCH(QString, every);
        QFETCH(int, limitHours);
        auto fx = test::makeDataFolder(5, 1);
        QCOMPARE(
            test::runCli(fx.cliFolderArgs() << QStringLiteral("schedule") << QStringLiteral("--install")
                                            << QStringLiteral("--every") << every << QStringLiteral("-q"),
                m_env)
                .exitCode,
            0);
        const QStringList check = fx.cliFolderArgs()
            << QStringLiteral("status") << QStringLiteral("--check") << QStringLiteral("--json");
        for (const auto& [hoursOld, expectedExit] :
            { std::pair { limitHours - 1, 0 }, std::pair { limitHours + 1, int(ExitCode::Stale) } }) {
            for (const QString& zip : QDir(fx.folder.backupsDir()).entryList({ QStringLiteral("*.zip") }))
                QVERIFY(QFile::remove(fx.folder.backupPath(zip)));
            // Named for its time, without metadata: the name alone tells its age.
            test::writeZip(fx.folder.backupPath(BackupName::forTime(
                               QDateTime::currentDateTimeUtc().addSecs(-qint64(hoursOld) * 3600))),
                { { QStringLiteral("database.db"), test::sqliteBytes() } });
            const auto status = test::runCli(check, m_env);
            QVERIFY2(status.exitCode == expectedExit,
                qPrintable(QStringLiteral("%1 hours old: exit %2\n%3")
                               .arg(hoursOld)
                               .arg(status.exitCode)
                               .arg(QString::fromUtf8(status.out))));
            const QJsonObject health = status.json().value(QStringLiteral("health")).toObject();
            QCOMPARE(health.value(QStringLiteral("max_age_hours")).toInt(), limitHours);
        }
    }

    void refusesWhatATimerCannotDo()
    {
        auto fx = test::makeDataFolder(1, 0);
        const auto bad = [&](const QStringList& extra) {
            return test::runCli(fx.cliFolderArgs() << QStringLiteral("schedule") << extra, m_env).exitCode;
        };
        QCOMPARE(bad({ QStringLiteral("--every"), QStringLiteral("fortnightly") }), ExitCode::Usage);
        QCOMPARE(bad({ QStringLiteral("--at"), QStringLiteral("25:00") }), ExitCode::Usage);
        QCOMPARE(bad({ QStringLiteral("--keep-daily"), QStringLiteral("many") }), ExitCode::Usage);
        // A newline would add lines to a unit or a crontab; cron turns % into a newline.
        QCOMPARE(bad({ QStringLiteral("--heartbeat-url"),
                     QStringLiteral("http://127.0.0.1/\nExecStartPre=/bin/false") }),
            ExitCode::Usage);
        QCOMPARE(bad({ QStringLiteral("--cron"), QStringLiteral("--heartbeat-url"),
                     QStringLiteral("http://127.0.0.1/100%") }),
            ExitCode::Usage);
        QCOMPARE(bad({ QStringLiteral("--heartbeat-url"), QStringLiteral("http://127.0.0.1/100%") }),
            0); // systemd escapes it
        // A non-default rclone configuration goes with the schedule.
        const auto withConfig
            = test::runCli(fx.cliFolderArgs() << QStringLiteral("schedule") << QStringLiteral("--json"),
                m_env + QStringList { QStringLiteral("RCLONE_CONFIG=/etc/fastcms/rclone.conf") });
        QVERIFY(withConfig.json()
                    .value(QStringLiteral("service"))
                    .toString()
                    .contains(QStringLiteral("Environment=RCLONE_CONFIG=/etc/fastcms/rclone.conf\n")));
        QVERIFY(withConfig.json()
                    .value(QStringLiteral("cron"))
                    .toString()
                    .contains(QStringLiteral("export RCLONE_CONFIG=/etc/fastcms/rclone.conf; ")));
        // A server needs credentials a timer can use without a prompt.
        QCOMPARE(test::runCli({ QStringLiteral("schedule"), QStringLiteral("--server"),
                                  QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--email"),
                                  QStringLiteral("admin@example.org") },
                     m_env)
                     .exitCode,
            ExitCode::Usage);
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("key"));
        QFile key(keyFile);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("fcms_0a1b2c3d_00112233445566778899aabbccddeeff\n");
        key.close();
        const auto remote = test::runCli(
            { QStringLiteral("schedule"), QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9"),
                QStringLiteral("--api-key-file"), keyFile, QStringLiteral("--json") },
            m_env);
        QCOMPARE(remote.exitCode, 0);
        const QString service = remote.json().value(QStringLiteral("service")).toString();
        // The key stays in its file: only the file's path is in the unit.
        QVERIFY(service.contains(QStringLiteral("--api-key-file ") + keyFile));
        QVERIFY(!service.contains(QStringLiteral("fcms_0a1b2c3d")));
    }

    void systemUnitsVerifyAndNameTheOwner()
    {
        auto fx = test::makeDataFolder(5, 1);
        QTemporaryDir units;
        const QString unitDir = units.path();
        const QString log = m_home.filePath(QStringLiteral("system-calls.log"));
        const QStringList env = m_env
            + QStringList { QStringLiteral("FASTCMS_BACKUP_SYSTEM_UNIT_DIR=") + unitDir,
                  QStringLiteral("FAKE_LOG=") + log };
        // Root can give the folder to someone else: the units must name that owner, not the
        // user who installs them.
        if (::geteuid() == 0) {
            const passwd* daemonUser = ::getpwnam("daemon");
            QVERIFY(daemonUser);
            QCOMPARE(
                ::chown(QFile::encodeName(fx.dataDir()).constData(), daemonUser->pw_uid, daemonUser->pw_gid),
                0);
        }
        const QFileInfo folder(fx.dataDir());
        const QString owner = folder.owner();
        const QString group = folder.group();
        QVERIFY(!owner.isEmpty() && !group.isEmpty());

        // Without --install: printed, nothing written.
        auto run = test::runCli(
            fx.cliFolderArgs() << QStringLiteral("schedule") << QStringLiteral("--system"), env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QFile::encodeName(unitDir + QStringLiteral("/fastcms-backup-"))),
            run.out.constData());
        QVERIFY(QDir(unitDir).isEmpty());

        run = test::runCli(fx.cliFolderArgs() << QStringLiteral("schedule") << QStringLiteral("--system")
                                              << QStringLiteral("--install") << QStringLiteral("--json"),
            env);
        QVERIFY2(run.exitCode == 0, run.out.constData());
        const QJsonObject json = run.json();
        const QString unit = json.value(QStringLiteral("unit")).toString();
        QCOMPARE(json.value(QStringLiteral("scope")).toString(), QStringLiteral("system"));
        QCOMPARE(json.value(QStringLiteral("run_as_user")).toString(), owner);
        QCOMPARE(json.value(QStringLiteral("enable_command")).toString(),
            QStringLiteral("systemctl daemon-reload && systemctl enable --now %1.timer").arg(unit));
        const QStringList written = writtenPaths(json);
        QCOMPARE(written,
            (QStringList { unitDir + QLatin1Char('/') + unit + QStringLiteral(".service"),
                unitDir + QLatin1Char('/') + unit + QStringLiteral(".timer") }));
        // The system manager shows every unit's settings to anyone, and warns about unit files
        // others cannot read.
        for (const QString& path : written)
            QCOMPARE(QFileInfo(path).permissions() & 0x0777, QFileDevice::Permissions(0x0644));
        // A system timer runs with nobody logged in: no question of lingering.
        QVERIFY(linesOf(log).isEmpty());
        QVERIFY(!json.contains(QStringLiteral("linger")));

        const QString verified = verifyUnits(written);
        QVERIFY2(verified.isEmpty(), qPrintable(verified));
        const QString service = QString::fromUtf8(test::fileBytes(written.first()));
        QVERIFY2(service.contains(QStringLiteral("\nUser=") + owner + QStringLiteral("\nGroup=") + group
                     + QLatin1Char('\n')),
            qPrintable(service));
        // The same commands and hardening as the user's units.
        const auto userUnits = test::runCli(
            fx.cliFolderArgs() << QStringLiteral("schedule") << QStringLiteral("--json"), m_env);
        const QString userService = userUnits.json().value(QStringLiteral("service")).toString();
        QCOMPARE(serviceSection(service).remove(QRegularExpression(QStringLiteral("\n(User|Group)=[^\n]*"))),
            serviceSection(userService));
        for (const QString& setting : { QStringLiteral("UMask=0077"), QStringLiteral("Nice=10"),
                 QStringLiteral("IOSchedulingClass=idle") })
            QVERIFY2(service.contains(QLatin1Char('\n') + setting + QLatin1Char('\n')), qPrintable(setting));
        QCOMPARE(test::fileBytes(written.last()), json.value(QStringLiteral("timer")).toString().toUtf8());
    }

    void systemUnitsNeedAWritableFolder()
    {
        auto fx = test::makeDataFolder(1, 0);
        // Below a file: not even root can write there.
        const QString blocked = m_home.filePath(QStringLiteral("a-file"));
        QFile file(blocked);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString unitDir = blocked + QStringLiteral("/system");
        const auto run = test::runCli(fx.cliFolderArgs()
                << QStringLiteral("schedule") << QStringLiteral("--system") << QStringLiteral("--install"),
            m_env + QStringList { QStringLiteral("FASTCMS_BACKUP_SYSTEM_UNIT_DIR=") + unitDir });
        QCOMPARE(run.exitCode, ExitCode::Io);
        QVERIFY2(run.err.contains("as root (sudo)"), run.err.constData());
        // Nothing recorded either: status must not ask after a timer that was never written.
        const auto status
            = test::runCli(fx.cliFolderArgs() << QStringLiteral("status") << QStringLiteral("--json"), m_env);
        QCOMPARE(status.json().value(QStringLiteral("schedule")), QJsonValue(QJsonValue::Null));
        const QStringList systemCron { QStringLiteral("schedule"), QStringLiteral("--system"),
            QStringLiteral("--cron") };
        QCOMPARE(test::runCli(fx.cliFolderArgs() + systemCron, m_env).exitCode, ExitCode::Usage);
    }

    void shippedSystemTemplatesVerify()
    {
        // Instantiated for a data folder, against this build's tool.
        QTemporaryDir dir;
        QStringList units;
        for (const QString& kind : { QStringLiteral("service"), QStringLiteral("timer") }) {
            QString text = QString::fromUtf8(
                test::fileBytes(shippedUnit(QStringLiteral("system/fastcms-backup@.") + kind)));
            QVERIFY2(
                !text.isEmpty(), qPrintable(shippedUnit(QStringLiteral("system/fastcms-backup@.") + kind)));
            text.replace(QStringLiteral("/usr/bin/fastcms-backup"), test::cliPath());
            units.append(dir.filePath(QStringLiteral("fastcms-backup@srv-fastcms-data.") + kind));
            QFile out(units.last());
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(text.toUtf8());
        }
        const QString verified = verifyUnits(units);
        QVERIFY2(verified.isEmpty(), qPrintable(verified));
        // The same service as the user template: the same commands and hardening.
        const QString system = QString::fromUtf8(
            test::fileBytes(shippedUnit(QStringLiteral("system/fastcms-backup@.service"))));
        const QString user
            = QString::fromUtf8(test::fileBytes(shippedUnit(QStringLiteral("fastcms-backup@.service"))));
        QCOMPARE(serviceSection(system), serviceSection(user));
        // It cannot know the folder's owner: it says how to set one.
        QVERIFY(system.contains(QStringLiteral("systemctl edit")));
        QVERIFY(system.contains(QStringLiteral("#     User=")));
    }

    void installTurnsLingeringOn_data()
    {
        QTest::addColumn<QString>("linger"); // what show-user answers
        QTest::addColumn<QString>("enable"); // whether enable-linger works
        QTest::addColumn<QString>("expected"); // the "linger" field
        QTest::addColumn<bool>("asksToEnable");
        QTest::newRow("already on") << "yes"
                                    << "denied"
                                    << "already" << false;
        QTest::newRow("off, turned on") << "no"
                                        << "ok"
                                        << "enabled" << true;
        QTest::newRow("off, refused") << "no"
                                      << "denied"
                                      << "off" << true;
        QTest::newRow("unknown to logind, refused") << "unknown-user"
                                                    << "denied"
                                                    << "off" << true;
        QTest::newRow("no logind") << "no-bus"
                                   << "ok"
                                   << "unknown" << false;
    }

    void installTurnsLingeringOn()
    {
        QFETCH(QString, linger);
        QFETCH(QString, enable);
        QFETCH(QString, expected);
        QFETCH(bool, asksToEnable);
        auto fx = test::makeDataFolder(1, 0);
        const QString log = m_home.filePath(
            QStringLiteral("linger-%1.log").arg(QString::fromLatin1(QTest::currentDataTag())));
        const QStringList env = m_env
            + QStringList { QStringLiteral("FAKE_LOG=") + log, QStringLiteral("FAKE_LINGER=") + linger,
                  QStringLiteral("FAKE_ENABLE=") + enable };
        const QString user = userName();
        const QString command = QStringLiteral("sudo loginctl enable-linger ") + user;

        const QStringList install = fx.cliFolderArgs()
            << QStringLiteral("schedule") << QStringLiteral("--install");
        const auto json = test::runCli(install + QStringList { QStringLiteral("--json") }, env);
        QVERIFY2(json.exitCode == 0, json.out.constData());
        QCOMPARE(json.json().value(QStringLiteral("linger")).toString(), expected);
        const bool on = expected == QStringLiteral("already") || expected == QStringLiteral("enabled");
        QCOMPARE(json.json().value(QStringLiteral("linger_command")).toString(), on ? QString() : command);
        QStringList calls { QStringLiteral("show-user %1 --property=Linger").arg(user) };
        if (asksToEnable)
            calls.append(QStringLiteral("--no-ask-password enable-linger %1").arg(user));
        QCOMPARE(linesOf(log), calls);

        // In text: what happened, and when it is off, why it matters and the exact command.
        const auto text = test::runCli(install, env);
        QCOMPARE(text.exitCode, 0);
        const QString out = QString::fromUtf8(text.out);
        QCOMPARE(out.contains(QStringLiteral("stops when you log out")), !on);
        QCOMPARE(out.split(QLatin1Char('\n')).contains(QStringLiteral("  ") + command), !on);
        if (expected == QStringLiteral("off"))
            QVERIFY2(out.contains(
                         QStringLiteral("(Could not enable linger: Interactive authentication required)")),
                qPrintable(out));
        if (expected == QStringLiteral("enabled"))
            QVERIFY2(out.contains(QStringLiteral("Turned on lingering for ") + user), qPrintable(out));
    }

    void installWithoutLoginctl()
    {
        auto fx = test::makeDataFolder(1, 0);
        const QString missing = m_home.filePath(QStringLiteral("no-such-loginctl"));
        const auto run = test::runCli(fx.cliFolderArgs()
                << QStringLiteral("schedule") << QStringLiteral("--install") << QStringLiteral("--json"),
            m_env + QStringList { QStringLiteral("FASTCMS_BACKUP_LOGINCTL=") + missing });
        QCOMPARE(run.exitCode, 0); // the units are written: a note, not a failure
        QCOMPARE(writtenPaths(run.json()).size(), 2);
        QCOMPARE(run.json().value(QStringLiteral("linger")).toString(), QStringLiteral("unknown"));
        QVERIFY(run.json()
                    .value(QStringLiteral("linger_detail"))
                    .toString()
                    .contains(QStringLiteral("loginctl is not installed")));
        QCOMPARE(run.json().value(QStringLiteral("linger_command")).toString(),
            QStringLiteral("sudo loginctl enable-linger ") + userName());
    }

    void statusChecksTheTimer_data()
    {
        QTest::addColumn<bool>("system");
        QTest::addColumn<QString>("timer"); // what systemctl answers; "missing": there is none
        QTest::addColumn<QString>("state"); // status's "schedule" "state"
        QTest::addColumn<int>("exitCode"); // of status --check
        QTest::newRow("active") << false << "active"
                                << "active" << 0;
        QTest::newRow("inactive") << false << "inactive"
                                  << "inactive" << ExitCode::ScheduleInactive;
        QTest::newRow("failed") << false << "failed"
                                << "inactive" << ExitCode::ScheduleInactive;
        QTest::newRow("no user bus") << false << "no-bus"
                                     << "unknown" << 0;
        QTest::newRow("no systemctl") << false << "missing"
                                      << "unknown" << 0;
        QTest::newRow("system, active") << true << "active"
                                        << "active" << 0;
        QTest::newRow("system, inactive") << true << "inactive"
                                          << "inactive" << ExitCode::ScheduleInactive;
    }

    void statusChecksTheTimer()
    {
        QFETCH(bool, system);
        QFETCH(QString, timer);
        QFETCH(QString, state);
        QFETCH(int, exitCode);
        auto fx = test::makeDataFolder(5, 1);
        seedOldBackups(fx, 1); // 3 hours old: healthy for a daily schedule
        const QString log = m_home.filePath(
            QStringLiteral("status-%1.log").arg(QString::fromLatin1(QTest::currentDataTag())));
        QStringList env = m_env
            + QStringList { QStringLiteral("FAKE_LOG=") + log, QStringLiteral("FAKE_TIMER=") + timer };
        if (timer == QStringLiteral("missing"))
            env.append(QStringLiteral("FASTCMS_BACKUP_SYSTEMCTL=")
                + m_home.filePath(QStringLiteral("no-such-systemctl")));
        QStringList install { QStringLiteral("--install") };
        if (system)
            install.append(QStringLiteral("--system"));
        const auto installed = test::runCli(
            fx.cliFolderArgs() << QStringLiteral("schedule") << install << QStringLiteral("--json"), env);
        QVERIFY2(installed.exitCode == 0, installed.out.constData());
        const QString name
            = installed.json().value(QStringLiteral("unit")).toString() + QStringLiteral(".timer");
        const QString start = (system ? QStringLiteral("sudo systemctl enable --now ")
                                      : QStringLiteral("systemctl --user enable --now "))
            + name;
        QFile::remove(log);

        const QStringList check = fx.cliFolderArgs() << QStringLiteral("status") << QStringLiteral("--check");
        const auto json = test::runCli(check + QStringList { QStringLiteral("--json") }, env);
        QCOMPARE(json.exitCode, exitCode);
        const QJsonObject schedule = json.json().value(QStringLiteral("schedule")).toObject();
        QCOMPARE(schedule.value(QStringLiteral("timer")).toString(), name);
        QCOMPARE(schedule.value(QStringLiteral("scope")).toString(),
            system ? QStringLiteral("system") : QStringLiteral("user"));
        QCOMPARE(schedule.value(QStringLiteral("state")).toString(), state);
        const bool inactive = state == QStringLiteral("inactive");
        QCOMPARE(schedule.value(QStringLiteral("start_command")).toString(), inactive ? start : QString());
        const QJsonObject health = json.json().value(QStringLiteral("health")).toObject();
        QCOMPARE(health.value(QStringLiteral("schedule_inactive")).toBool(), inactive);
        QCOMPARE(health.value(QStringLiteral("healthy")).toBool(), !inactive);
        if (timer != QStringLiteral("missing"))
            QCOMPARE(linesOf(log).value(0),
                (system ? QString() : QStringLiteral("--user ")) + QStringLiteral("is-active ") + name);

        const auto text = test::runCli(check, env);
        QCOMPARE(text.exitCode, exitCode);
        const QStringList lines = QString::fromUtf8(text.out).split(QLatin1Char('\n'));
        QCOMPARE(lines.contains(
                     QStringLiteral("Schedule:      %1 is not active; start it with: %2").arg(name, start)),
            inactive);
        QCOMPARE(lines.contains(QStringLiteral("Health:        OK")), !inactive);
        // Without --check, status only reports.
        QCOMPARE(test::runCli(fx.cliFolderArgs() << QStringLiteral("status"), env).exitCode, 0);
    }

    void staleGoesBeforeAnInactiveTimer()
    {
        auto fx = test::makeDataFolder(1, 0); // no backup at all
        const QStringList env = m_env + QStringList { QStringLiteral("FAKE_TIMER=inactive") };
        QCOMPARE(test::runCli(fx.cliFolderArgs()
                         << QStringLiteral("schedule") << QStringLiteral("--install") << QStringLiteral("-q"),
                     env)
                     .exitCode,
            0);
        QCOMPARE(
            test::runCli(fx.cliFolderArgs() << QStringLiteral("status") << QStringLiteral("--check"), env)
                .exitCode,
            ExitCode::Stale);
        // The timer is still reported.
        const auto status
            = test::runCli(fx.cliFolderArgs() << QStringLiteral("status") << QStringLiteral("--json"), env);
        const QJsonObject schedule = status.json().value(QStringLiteral("schedule")).toObject();
        QCOMPARE(schedule.value(QStringLiteral("state")).toString(), QStringLiteral("inactive"));
    }
};

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
