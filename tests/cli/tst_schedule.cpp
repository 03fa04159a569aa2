// Scheduling by the system: the generated systemd units pass systemd's own verifier and their
// commands really back up and prune; the crontab line's command does too; and status judges
// staleness by the schedule that was installed.
#include "TestSupport.h"
#include "archive/BackupName.h"
#include "schedule/Schedule.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

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
        w.replace(QStringLiteral("%%"), QStringLiteral("%")).replace(QStringLiteral("$$"), QStringLiteral("$"));
    return words;
}

int backupCount(const QString& dir)
{
    return int(QDir(dir).entryList({QStringLiteral("backup_*.zip")}, QDir::Files).size());
}

} // namespace

class TestSchedule : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QStringList m_env;

    void seedOldBackups(const test::DataFixture& fx, int count)
    {
        QDir().mkpath(fx.folder.backupsDir());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < count; ++i)
            test::writeZip(fx.folder.backupPath(BackupName::forTime(now.addSecs(-3 * 3600 - i * 86400))),
                           {{QStringLiteral("database.db"), test::sqliteBytes()}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Units, crontab records and the schedule store go to a private home.
        m_env = {QStringLiteral("XDG_CONFIG_HOME=") + m_home.filePath(QStringLiteral("config")),
                 QStringLiteral("XDG_DATA_HOME=") + m_home.filePath(QStringLiteral("share"))};
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty(), "systemd-analyze is needed");
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
        seedOldBackups(test::DataFixture{nullptr, DataFolder(dataDir)}, 6);

        const QStringList args{QStringLiteral("schedule"), QStringLiteral("--install"), QStringLiteral("--data-dir"), dataDir,
                               QStringLiteral("--keep-last"), QStringLiteral("2"), QStringLiteral("--json")};
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
        QVERIFY(written.first().startsWith(m_home.filePath(QStringLiteral("config/systemd/user/fastcms-backup-"))));
        QVERIFY(written.first().endsWith(QStringLiteral(".service")));
        // Owner-only: a unit may name a token file, an off-site target or a heartbeat address.
        QCOMPARE(QFileInfo(written.first()).permissions() & 0x0077, 0);

        // systemd's own verifier accepts both units (syntax, calendar, executables).
        QProcess verify;
        verify.setProcessChannelMode(QProcess::MergedChannels);
        verify.start(QStringLiteral("systemd-analyze"), QStringList{QStringLiteral("verify"), QStringLiteral("--man=no")} + written);
        QVERIFY(verify.waitForFinished(60000));
        QVERIFY2(verify.exitCode() == 0, verify.readAll().constData());
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
        const auto run = test::runCli(fx.cliFolderArgs() << QStringLiteral("schedule") << QStringLiteral("--cron")
                                                         << QStringLiteral("--every") << QStringLiteral("weekly")
                                                         << QStringLiteral("--at") << QStringLiteral("4:30")
                                                         << QStringLiteral("--json"),
                                      m_env);
        QCOMPARE(run.exitCode, 0);
        const QString line = run.json().value(QStringLiteral("cron")).toString();
        QVERIFY2(line.startsWith(QStringLiteral("30 4 * * 1 ")), qPrintable(line));
        // cron hands the rest to sh, turning \% into %.
        QString command = line.section(QLatin1Char(' '), 5);
        command.replace(QStringLiteral("\\%"), QStringLiteral("%"));
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        QVERIFY(sh.waitForFinished(120000));
        QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
        QCOMPARE(backupCount(fx.folder.backupsDir()), 1);
    }

    void stalenessFollowsTheSchedule()
    {
        auto fx = test::makeDataFolder(5, 1);
        seedOldBackups(fx, 1); // the newest backup is 3 hours old
        const QStringList check = fx.cliFolderArgs() << QStringLiteral("status") << QStringLiteral("--check") << QStringLiteral("--json");
        auto status = test::runCli(check, m_env);
        QCOMPARE(status.exitCode, 0); // no schedule installed: a day and a bit
        QCOMPARE(status.json().value(QStringLiteral("health")).toObject().value(QStringLiteral("max_age_hours")).toInt(), 26);

        QCOMPARE(test::runCli(fx.cliFolderArgs() << QStringLiteral("schedule") << QStringLiteral("--install") << QStringLiteral("--every")
                                                 << QStringLiteral("hourly") << QStringLiteral("-q"),
                              m_env)
                     .exitCode,
                 0);
        status = test::runCli(check, m_env);
        QCOMPARE(status.exitCode, ExitCode::Stale);
        QCOMPARE(status.json().value(QStringLiteral("health")).toObject().value(QStringLiteral("max_age_hours")).toInt(), 2);
        // --max-age still overrides.
        QCOMPARE(test::runCli(check + QStringList{QStringLiteral("--max-age"), QStringLiteral("5")}, m_env).exitCode, 0);

        QCOMPARE(test::runCli(fx.cliFolderArgs() << QStringLiteral("schedule") << QStringLiteral("--install") << QStringLiteral("-q"), m_env)
                     .exitCode,
                 0);
        QCOMPARE(test::runCli(check, m_env).exitCode, 0);
    }

    void refusesWhatATimerCannotDo()
    {
        auto fx = test::makeDataFolder(1, 0);
        const auto bad = [&](const QStringList& extra) {
            return test::runCli(fx.cliFolderArgs() << QStringLiteral("schedule") << extra, m_env).exitCode;
        };
        QCOMPARE(bad({QStringLiteral("--every"), QStringLiteral("fortnightly")}), ExitCode::Usage);
        QCOMPARE(bad({QStringLiteral("--at"), QStringLiteral("25:00")}), ExitCode::Usage);
        QCOMPARE(bad({QStringLiteral("--keep-daily"), QStringLiteral("many")}), ExitCode::Usage);
        // A newline would add lines to a unit or a crontab; cron turns % into a newline.
        QCOMPARE(bad({QStringLiteral("--heartbeat-url"), QStringLiteral("http://127.0.0.1/\nExecStartPre=/bin/false")}), ExitCode::Usage);
        QCOMPARE(bad({QStringLiteral("--cron"), QStringLiteral("--heartbeat-url"), QStringLiteral("http://127.0.0.1/100%")}), ExitCode::Usage);
        QCOMPARE(bad({QStringLiteral("--heartbeat-url"), QStringLiteral("http://127.0.0.1/100%")}), 0); // systemd escapes it
        // A non-default rclone configuration goes with the schedule.
        const auto withConfig = test::runCli(fx.cliFolderArgs() << QStringLiteral("schedule") << QStringLiteral("--json"),
                                             m_env + QStringList{QStringLiteral("RCLONE_CONFIG=/etc/fastcms/rclone.conf")});
        QVERIFY(withConfig.json().value(QStringLiteral("service")).toString().contains(
            QStringLiteral("Environment=RCLONE_CONFIG=/etc/fastcms/rclone.conf\n")));
        QVERIFY(withConfig.json().value(QStringLiteral("cron")).toString().contains(
            QStringLiteral("export RCLONE_CONFIG=/etc/fastcms/rclone.conf; ")));
        // A server needs credentials a timer can use without a prompt.
        QCOMPARE(test::runCli({QStringLiteral("schedule"), QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9"),
                               QStringLiteral("--email"), QStringLiteral("admin@example.org")},
                              m_env)
                     .exitCode,
                 ExitCode::Usage);
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("key"));
        QFile key(keyFile);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("fcms_0a1b2c3d_00112233445566778899aabbccddeeff\n");
        key.close();
        const auto remote = test::runCli({QStringLiteral("schedule"), QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9"),
                                          QStringLiteral("--api-key-file"), keyFile, QStringLiteral("--json")},
                                         m_env);
        QCOMPARE(remote.exitCode, 0);
        const QString service = remote.json().value(QStringLiteral("service")).toString();
        // The key stays in its file: only the file's path is in the unit.
        QVERIFY(service.contains(QStringLiteral("--api-key-file ") + keyFile));
        QVERIFY(!service.contains(QStringLiteral("fcms_0a1b2c3d")));
    }
};

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
