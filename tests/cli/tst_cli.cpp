// The command-line tool as cron and scripts use it: commands, --json, exit codes, overrides,
// quiet output when not on a terminal, and clean cancellation.
#include "Error.h"
#include "TestSupport.h"
#include "archive/BackupName.h"
#include "local/BackupScan.h"
#include "local/LocalEngine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>

using namespace fcb;

namespace {
QStringList with(const QStringList& args, const test::DataFixture& fx)
{
    return args + fx.cliFolderArgs();
}

struct TerminalRun
{
    int exitCode = -1;
    QByteArray out; // standard output, a pipe
    QByteArray terminal; // what went to standard error, a pseudo-terminal
};

// Runs fastcms-backup with its standard error on a pseudo-terminal, as in an interactive shell.
TerminalRun runWithErrorsOnTerminal(const QStringList& args)
{
    TerminalRun run;
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0)
        qFatal("no pseudo-terminal: %s", std::strerror(errno));
    const int terminal = ::open(::ptsname(master), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (terminal < 0)
        qFatal("no pseudo-terminal: %s", std::strerror(errno));
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
    const auto drain = [&] {
        char buffer[4096];
        ssize_t got = 0;
        while ((got = ::read(master, buffer, sizeof buffer)) > 0)
            run.terminal.append(buffer, qsizetype(got));
    };
    QProcess process;
    process.setChildProcessModifier([terminal] { ::dup2(terminal, STDERR_FILENO); });
    process.start(test::cliPath(), args);
    process.closeWriteChannel();
    ::close(terminal); // the child's copy is the only one now
    // Read as it comes: a terminal holds only a few KB before the writer has to wait.
    while (!process.waitForFinished(20))
        drain();
    drain();
    ::close(master);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    return run;
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aMistypedDataFolderIsAnErrorForEveryCommand_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("list") << QStringList { QStringLiteral("list") };
        QTest::newRow("list --json") << QStringList { QStringLiteral("list"), QStringLiteral("--json") };
        QTest::newRow("status") << QStringList { QStringLiteral("status") };
        QTest::newRow("create") << QStringList { QStringLiteral("create") };
        QTest::newRow("verify") << QStringList { QStringLiteral("verify"),
            QStringLiteral("backup_20260101_000000.zip") };
        QTest::newRow("delete") << QStringList { QStringLiteral("delete"),
            QStringLiteral("backup_20260101_000000.zip") };
        QTest::newRow("stage-restore")
            << QStringList { QStringLiteral("stage-restore"), QStringLiteral("backup_20260101_000000.zip") };
        QTest::newRow("apply-restore") << QStringList { QStringLiteral("apply-restore") };
        QTest::newRow("prune") << QStringList { QStringLiteral("prune") };
        QTest::newRow("pin") << QStringList { QStringLiteral("pin"),
            QStringLiteral("backup_20260101_000000.zip") };
        QTest::newRow("ls") << QStringList { QStringLiteral("ls"),
            QStringLiteral("backup_20260101_000000.zip") };
        QTest::newRow("history") << QStringList { QStringLiteral("history"), QStringLiteral("files/a.txt") };
        QTest::newRow("restore-file") << QStringList { QStringLiteral("restore-file"),
            QStringLiteral("backup_20260101_000000.zip"), QStringLiteral("files/a.txt") };
    }
    void aMistypedDataFolderIsAnErrorForEveryCommand()
    {
        QFETCH(QStringList, command);
        QTemporaryDir parent;
        const QString missing = parent.filePath(QStringLiteral("dta"));
        const auto run = test::runCli(command + QStringList { QStringLiteral("--data-dir"), missing });
        QCOMPARE(run.exitCode, ExitCode::NotFound);
        if (command.contains(QStringLiteral("--json")))
            QCOMPARE(
                run.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                QStringLiteral("not_found"));
        else
            QVERIFY2(run.err.contains("does not exist"), run.err.constData());
        QVERIFY(!run.out.contains("No backups yet"));
        QVERIFY(!QFileInfo::exists(missing)); // nothing was made at the mistyped path
    }

    void helpDocumentsCommandsAndExitCodes()
    {
        const auto run = test::runCli({ QStringLiteral("--help") });
        QCOMPARE(run.exitCode, 0);
        for (const char* word :
            { "create", "list", "delete", "verify", "stage-restore", "unstage", "apply-restore", "status",
                "--json", "--data-dir", "--db", "--files-dir", "--backups-dir", "--page", "--per-page",
                "Exit codes", "usage error", "not found", "busy", "invalid archive", "I/O error" })
            QVERIFY2(run.out.contains(word), word);
        QCOMPARE(test::runCli({ QStringLiteral("--version") }).exitCode, 0);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList {};
        QTest::newRow("unknown command") << QStringList { QStringLiteral("backup-everything") };
        QTest::newRow("unknown option") << QStringList { QStringLiteral("list"), QStringLiteral("--colour") };
        QTest::newRow("path as name")
            << QStringList { QStringLiteral("delete"), QStringLiteral("../app.db") };
        QTest::newRow("wrong suffix")
            << QStringList { QStringLiteral("verify"), QStringLiteral("backup_20250101_000000.tar") };
        QTest::newRow("missing name") << QStringList { QStringLiteral("delete") };
        QTest::newRow("page size 0") << QStringList { QStringLiteral("list"), QStringLiteral("--per-page"),
            QStringLiteral("0") };
        QTest::newRow("page not a number")
            << QStringList { QStringLiteral("list"), QStringLiteral("--page"), QStringLiteral("two") };
        QTest::newRow("page on create")
            << QStringList { QStringLiteral("create"), QStringLiteral("--page"), QStringLiteral("2") };
        QTest::newRow("bad trigger") << QStringList { QStringLiteral("create"), QStringLiteral("--trigger"),
            QStringLiteral("sometimes") };
        QTest::newRow("ls with two paths")
            << QStringList { QStringLiteral("ls"), QStringLiteral("backup_20250101_000000.zip"),
                   QStringLiteral("files/a"), QStringLiteral("files/b") };
        QTest::newRow("extract without a path")
            << QStringList { QStringLiteral("extract"), QStringLiteral("backup_20250101_000000.zip") };
        QTest::newRow("history without a path") << QStringList { QStringLiteral("history") };
        QTest::newRow("--force on restore-file")
            << QStringList { QStringLiteral("restore-file"), QStringLiteral("backup_20250101_000000.zip"),
                   QStringLiteral("files/a"), QStringLiteral("--force") };
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        auto fx = test::makeDataFolder(3, 1);
        const auto run = test::runCli(with(args, fx));
        QCOMPARE(run.exitCode, ExitCode::Usage);
        QVERIFY(!run.err.isEmpty());
        const auto json = test::runCli(with(args + QStringList { QStringLiteral("--json") }, fx));
        QCOMPARE(json.exitCode, ExitCode::Usage);
        QCOMPARE(json.json().value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(
            json.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("exit_code")).toInt(),
            ExitCode::Usage);
    }

    void wholeLifecycleWithJson()
    {
        auto fx = test::makeDataFolder(20, 5);
        auto run = test::runCli(with({ QStringLiteral("create"), QStringLiteral("--json") }, fx));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty()); // not a terminal: no progress, no chatter
        const QString name = run.json()
                                 .value(QStringLiteral("backup"))
                                 .toObject()
                                 .value(QStringLiteral("filename"))
                                 .toString();
        QVERIFY(name.startsWith(QStringLiteral("backup_")));

        run = test::runCli(with({ QStringLiteral("list"), QStringLiteral("--json") }, fx));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject page = run.json();
        QCOMPARE(page.value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(page.value(QStringLiteral("total_pages")).toInt(), 1);
        const QJsonObject item = page.value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(item.value(QStringLiteral("filename")).toString(), name);
        QVERIFY(item.value(QStringLiteral("size")).toInteger() > 0);
        QVERIFY(!item.value(QStringLiteral("created")).toString().isEmpty());
        QVERIFY(item.value(QStringLiteral("path")).toString().endsWith(name));

        QCOMPARE(test::runCli(with({ QStringLiteral("verify"), name }, fx)).exitCode, 0);
        // A backup id (no .zip) works as FastCMS's routes accept it.
        QCOMPARE(test::runCli(with({ QStringLiteral("verify"), name.chopped(4) }, fx)).exitCode, 0);
        QCOMPARE(
            test::runCli(with({ QStringLiteral("verify"), QStringLiteral("backup_20990101_000000.zip") }, fx))
                .exitCode,
            ExitCode::NotFound);

        run = test::runCli(with({ QStringLiteral("stage-restore"), name, QStringLiteral("--json") }, fx));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("status")).toString(), QStringLiteral("pending_restart"));
        run = test::runCli(with({ QStringLiteral("status"), QStringLiteral("--json") }, fx));
        QCOMPARE(run.json().value(QStringLiteral("restore_pending")).toBool(), true);
        QCOMPARE(run.json().value(QStringLiteral("pending_backup")).toString(), name);
        QCOMPARE(run.json()
                     .value(QStringLiteral("newest"))
                     .toObject()
                     .value(QStringLiteral("filename"))
                     .toString(),
            name);
        QVERIFY(run.json().value(QStringLiteral("newest_age_seconds")).toInteger() >= 0);
        run = test::runCli(with({ QStringLiteral("status") }, fx));
        QVERIFY(run.out.contains("restart the server to apply it"));

        QCOMPARE(test::runCli(with({ QStringLiteral("delete"), name }, fx)).exitCode, ExitCode::Conflict);
        QCOMPARE(test::runCli(with({ QStringLiteral("unstage") }, fx)).exitCode, 0);
        QCOMPARE(test::runCli(with({ QStringLiteral("unstage") }, fx)).exitCode, ExitCode::NotFound);
        QCOMPARE(test::runCli(with({ QStringLiteral("apply-restore") }, fx)).exitCode, ExitCode::NotFound);
        run = test::runCli(with({ QStringLiteral("delete"), name, QStringLiteral("--json") }, fx));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("deleted")).toBool(), true);
        run = test::runCli(with({ QStringLiteral("list") }, fx));
        QVERIFY(run.out.contains("No backups yet"));
    }

    void invalidArchiveExitCode()
    {
        auto fx = test::makeDataFolder(3, 1);
        const QString zip = fx.folder.backupPath(QStringLiteral("backup_20250101_000000.zip"));
        test::writeZip(zip, { { QStringLiteral("database.db"), "plain text" } });
        auto run = test::runCli(
            with({ QStringLiteral("verify"), QStringLiteral("backup_20250101_000000.zip") }, fx));
        QCOMPARE(run.exitCode, ExitCode::BadArchive);
        QVERIFY(run.out.contains("FAIL"));
        run = test::runCli(
            with({ QStringLiteral("stage-restore"), QStringLiteral("backup_20250101_000000.zip") }, fx));
        QCOMPARE(run.exitCode, ExitCode::BadArchive);
        QVERIFY(!QFile::exists(fx.folder.markerPath()));
        run = test::runCli(with({ QStringLiteral("list") }, fx));
        QVERIFY(run.out.contains("backup_20250101_000000.zip"));
    }

    void overridesForNonDefaultLayouts()
    {
        // DATABASE_URL and LOCAL_STORAGE_PATH pointing elsewhere, and backups on their own.
        auto fx = test::makeDataFolder(8, 3);
        QTemporaryDir other;
        const QString db = other.path() + QStringLiteral("/db/main.sqlite");
        const QString files = other.path() + QStringLiteral("/uploads");
        const QString backups = other.path() + QStringLiteral("/server/data/backups");
        QDir().mkpath(other.path() + QStringLiteral("/db"));
        QVERIFY(QFile::rename(fx.folder.dbPath(), db));
        QVERIFY(QDir().rename(fx.folder.filesDir(), files));
        const QStringList where { QStringLiteral("--data-dir"), other.path() + QStringLiteral("/server/data"),
            QStringLiteral("--db"), db, QStringLiteral("--files-dir"), files, QStringLiteral("--backups-dir"),
            backups };
        auto run = test::runCli(QStringList { QStringLiteral("create"), QStringLiteral("--json") } + where);
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QCOMPARE(run.json().value(QStringLiteral("files")).toInt(), 4);
        const QString name = run.json()
                                 .value(QStringLiteral("backup"))
                                 .toObject()
                                 .value(QStringLiteral("filename"))
                                 .toString();
        QVERIFY(QFile::exists(backups + QLatin1Char('/') + name));
        QCOMPARE(test::runCli(QStringList { QStringLiteral("stage-restore"), name } + where).exitCode, 0);
        const QJsonObject marker
            = QJsonDocument::fromJson(test::fileBytes(backups + QStringLiteral("/.restore_pending")))
                  .object();
        QCOMPARE(marker.value(QStringLiteral("staging_path")).toString(),
            QStringLiteral("data/backups/restore_staging"));
    }

    void cancelledBySignalLeavesNothing_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<bool>("midWrite");
        QTest::newRow("SIGTERM before writing") << int(SIGTERM) << false;
        QTest::newRow("SIGTERM mid-write") << int(SIGTERM) << true;
        QTest::newRow("SIGINT mid-write") << int(SIGINT) << true;
    }
    void cancelledBySignalLeavesNothing()
    {
        QFETCH(int, signal);
        QFETCH(bool, midWrite);
        auto fx = test::makeDataFolder(200, 10);
        QProcess create;
        QByteArray err;
        if (!midWrite) {
            // Held just after it took the folder's lock (a test hook), before it writes anything.
            QVERIFY(test::startCliAndWaitForLock(create, { QStringLiteral("create") }, fx));
        } else {
            // Held (a test hook) with the database's entry in the temporary archive, until cancelled.
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(
                QStringLiteral("FCB_TEST_PAUSE_AFTER_FIRST_ENTRY_MS"), QStringLiteral("600000"));
            create.setProcessEnvironment(environment);
            create.start(test::cliPath(), QStringList { QStringLiteral("create") } + fx.cliFolderArgs());
            QVERIFY(create.waitForStarted());
            QElapsedTimer waited;
            waited.start();
            while (!err.contains("test hook: paused after the first entry")
                && create.state() == QProcess::Running && waited.elapsed() < 60000) {
                create.waitForReadyRead(100);
                err += create.readAllStandardError();
            }
            QVERIFY2(err.contains("test hook: paused after the first entry"), err.constData());
            const QStringList partial = test::toolLeftovers(fx.folder.backupsDir());
            QVERIFY2(partial.filter(QStringLiteral(".zip.part")).size() == 1,
                qPrintable(partial.join(QLatin1Char(' '))));
        }
        ::kill(pid_t(create.processId()), signal);
        QVERIFY(create.waitForFinished(60000));
        err += create.readAllStandardError();
        QCOMPARE(create.exitStatus(), QProcess::NormalExit);
        QCOMPARE(create.exitCode(), ExitCode::Cancelled);
        QVERIFY2(
            err.contains("fastcms-backup: Cancelled; nothing was left half-written.\n"), err.constData());
        QCOMPARE(
            QDir(fx.folder.backupsDir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList());
    }

    void progressOnATerminalOnly()
    {
        auto fx = test::makeDataFolder(3000, 60);
        QFile media(fx.folder.filesDir() + QStringLiteral("/media.bin"));
        QVERIFY(media.open(QIODevice::WriteOnly));
        media.write(test::randomBytes(7, 24 << 20));
        media.close();

        // On a terminal: one line, rewritten in place, with the step and how far it is, and
        // cleared before the result is printed.
        const TerminalRun shown
            = runWithErrorsOnTerminal(QStringList { QStringLiteral("create") } + fx.cliFolderArgs());
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.startsWith("Created backup_"), shown.out.constData());
        QList<int> percents;
        QRegularExpressionMatchIterator lines
            = QRegularExpression(QStringLiteral("\r(Creating backup) +(\\d+)%\x1b\\[K"))
                  .globalMatch(QString::fromUtf8(shown.terminal));
        while (lines.hasNext())
            percents.append(lines.next().captured(2).toInt());
        QVERIFY2(!percents.isEmpty(), shown.terminal.toPercentEncoding().constData());
        for (const int percent : std::as_const(percents))
            QVERIFY(percent >= 0 && percent <= 100);
        QCOMPARE(percents.last(), 100);
        QVERIFY(shown.terminal.endsWith("\r\x1b[K"));
        QVERIFY(!shown.terminal.contains('\n')); // nothing but the progress line

        // Piped, as under cron: not a byte on standard error, the same result on standard output.
        const auto piped = test::runCli(QStringList { QStringLiteral("create") } + fx.cliFolderArgs());
        QCOMPARE(piped.exitCode, 0);
        QVERIFY2(piped.out.startsWith("Created backup_"), piped.out.constData());
        QCOMPARE(piped.err, QByteArray());
    }

    void listKeepsAndReadsTheNamesCache()
    {
        auto fx = test::makeDataFolder(3, 1);
        if (!scanCacheable(fx.folder.backupsDir()))
            QSKIP("The temporary folder is not on a local file system: its names are never cached.");
        const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        for (int i = 0; i < 30; ++i)
            test::writeZip(fx.folder.backupPath(BackupName::forTime(base.addSecs(i * 3600))),
                { { QStringLiteral("database.db"), test::sqliteBytes() } });
        const QString newest = BackupName::forTime(base.addSecs(29 * 3600));
        QTemporaryDir cacheHome;
        const QStringList env { QStringLiteral("XDG_CACHE_HOME=") + cacheHome.path() };
        const QString cacheDir = cacheHome.filePath(QStringLiteral("fastcms-backup/folders"));
        const QStringList list = with({ QStringLiteral("list"), QStringLiteral("--json") }, fx);
        const auto firstName = [](const test::CliRun& run) {
            return run.json()
                .value(QStringLiteral("items"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("filename"))
                .toString();
        };
        // A folder changed in the last two seconds is never cached: its times might not move on
        // its next change.
        QThread::msleep(2100);

        auto run = test::runCli(list, env);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(firstName(run), newest);
        const QStringList cached = QDir(cacheDir).entryList(QDir::Files);
        QCOMPARE(cached.size(), 1);
        const QString cacheFile = cacheDir + QLatin1Char('/') + cached.first();
        QByteArray bytes = test::fileBytes(cacheFile);
        QCOMPARE(bytes.count(newest.toUtf8()), 1);

        // The newest name replaced, in the cache only, by one of the same length no folder holds:
        // the next listing shows it, so it read the cache and not the folder.
        const QByteArray planted = "backup_19990101_000000.zip";
        QCOMPARE(planted.size(), newest.size());
        bytes.replace(newest.toUtf8(), planted);
        QFile file(cacheFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
        file.close();
        run = test::runCli(list, env);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(firstName(run), QString::fromLatin1(planted));
        QCOMPARE(run.json().value(QStringLiteral("total")).toInt(), 30);

        // Once the folder changes, the cache is not trusted: the folder is read again.
        const QString added = BackupName::forTime(base.addSecs(30 * 3600));
        test::writeZip(
            fx.folder.backupPath(added), { { QStringLiteral("database.db"), test::sqliteBytes() } });
        run = test::runCli(list, env);
        QCOMPARE(firstName(run), added);
        QCOMPARE(run.json().value(QStringLiteral("total")).toInt(), 31);
        QVERIFY(!run.out.contains(planted));
    }

    void remoteModeExitCodesAndTokenFiles()
    {
        test::FakeServer server;
        server.control({ { QStringLiteral("seed"), 3 } });
        QTemporaryDir dir;
        const QString state
            = QStringLiteral("FASTCMS_BACKUP_STATE_FILE=") + dir.filePath(QStringLiteral("servers.json"));
        const QString url = server.url().toString();
        const QString passwordFile = dir.filePath(QStringLiteral("password"));
        QFile pw(passwordFile);
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(test::FakeServer::adminPassword);
        pw.close();
        const QString tokens = dir.filePath(QStringLiteral("tokens.json"));
        const QStringList remote { QStringLiteral("--server"), url, QStringLiteral("--token-file"), tokens };

        // login stores nothing unless asked, and then owner-only.
        auto run
            = test::runCli({ QStringLiteral("login"), QStringLiteral("--server"), url,
                               QStringLiteral("--email"), QString::fromLatin1(test::FakeServer::adminEmail),
                               QStringLiteral("--password-file"), passwordFile },
                { state });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Nothing was stored"));
        QVERIFY(!QFile::exists(tokens));
        run = test::runCli(
            { QStringLiteral("login"), QStringLiteral("--server"), url, QStringLiteral("--email"),
                QString::fromLatin1(test::FakeServer::adminEmail), QStringLiteral("--password-file"),
                passwordFile, QStringLiteral("--save-token"), tokens },
            { state });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QFileInfo(tokens).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
            QFileDevice::Permissions());
        const QByteArray saved = test::fileBytes(tokens);
        const QString accessToken
            = QJsonDocument::fromJson(saved).object().value(QStringLiteral("access_token")).toString();
        QVERIFY(!accessToken.isEmpty());

        run = test::runCli(
            QStringList { QStringLiteral("list"), QStringLiteral("--json") } + remote, { state });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("total")).toInt(), 3);
        QVERIFY(!run.out.contains(accessToken.toUtf8()) && !run.err.contains(accessToken.toUtf8()));

        // The token expires; the refresh token rotates and the file keeps up.
        server.control({ { QStringLiteral("expire_tokens"), true } });
        QCOMPARE(test::runCli(QStringList { QStringLiteral("list") } + remote, { state }).exitCode, 0);
        QVERIFY(test::fileBytes(tokens) != saved);
        QCOMPARE(test::runCli(QStringList { QStringLiteral("list") } + remote, { state }).exitCode, 0);

        // Distinct exit codes: authentication, network, not supported, and local-only commands.
        QFile bad(dir.filePath(QStringLiteral("bad-token")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not-a-token\n");
        bad.close();
        QCOMPARE(test::runCli({ QStringLiteral("list"), QStringLiteral("--server"), url,
                                  QStringLiteral("--token-file"), bad.fileName() },
                     { state })
                     .exitCode,
            ExitCode::Unauthorized);
        QCOMPARE(test::runCli(
                     QStringList { QStringLiteral("download"), QStringLiteral("backup_20260101_010000.zip") }
                         + remote,
                     { state })
                     .exitCode,
            ExitCode::Unsupported);
        QCOMPARE(test::runCli(QStringList { QStringLiteral("apply-restore") } + remote, { state }).exitCode,
            ExitCode::Usage);
        QCOMPARE(test::runCli(
                     QStringList { QStringLiteral("stage-restore"), QStringLiteral("backup_20260101_010000") }
                         + remote,
                     { state })
                     .exitCode,
            0);
        run = test::runCli(
            QStringList { QStringLiteral("status"), QStringLiteral("--json") } + remote, { state });
        QCOMPARE(run.json().value(QStringLiteral("pending_backup")).toString(),
            QStringLiteral("backup_20260101_010000.zip"));
        const int port = server.url().port();
        server.control({ { QStringLiteral("fault"), QStringLiteral("hang") } });
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(test::runCli(
                     QStringList { QStringLiteral("list"), QStringLiteral("--timeout"), QStringLiteral("1") }
                         + remote,
                     { state })
                     .exitCode,
            ExitCode::Network);
        QVERIFY(timer.elapsed() < 15000);
        Q_UNUSED(port);
        // Saved tokens are only ever sent to the server that issued them.
        test::FakeServer elsewhere;
        QVERIFY(elsewhere.isRunning());
        const auto apiRequests = [&elsewhere] {
            QStringList requests; // what reached it besides the test's own control calls
            for (const QJsonValue& entry : elsewhere.state().value(QStringLiteral("log")).toArray()) {
                const QJsonArray request = entry.toArray();
                if (!request.at(1).toString().startsWith(QStringLiteral("/__control")))
                    requests.append(request.at(0).toString() + QLatin1Char(' ') + request.at(1).toString());
            }
            return requests;
        };
        QCOMPARE(apiRequests(), QStringList());
        run = test::runCli({ QStringLiteral("list"), QStringLiteral("--server"), elsewhere.url().toString(),
                               QStringLiteral("--token-file"), tokens },
            { state });
        QCOMPARE(run.exitCode, ExitCode::Usage);
        QVERIFY(run.err.contains("belong to"));
        QCOMPARE(apiRequests(), QStringList()); // no API request at all
        // It was there to be asked: a token of no particular server is sent to it, and refused.
        run = test::runCli({ QStringLiteral("list"), QStringLiteral("--server"), elsewhere.url().toString(),
                               QStringLiteral("--token-file"), bad.fileName() },
            { state });
        QCOMPARE(run.exitCode, ExitCode::Unauthorized);
        QVERIFY2(apiRequests().contains(QStringLiteral("GET /api/v1/backups?page=1&per_page=20")),
            qPrintable(apiRequests().join(QLatin1Char('\n'))));
        // An API key comes from a file or FASTCMS_API_KEY, never from an argument.
        QCOMPARE(
            test::runCli({ QStringLiteral("list"), QStringLiteral("--server"), url,
                             QStringLiteral("--api-key"), QString::fromLatin1(test::FakeServer::apiKey) },
                { state })
                .exitCode,
            ExitCode::Usage);
    }

    // Local commands run without the network module (and so without Qt Network); a command that
    // needs a server and cannot load it says so and fails cleanly, and a heartbeat after a backup
    // only warns. A module that other users could have put there is not loaded.
    void networkModuleIsLoadedOnlyForServers()
    {
        auto fx = test::makeDataFolder(3, 1);
        QTemporaryDir dir; // owner-only, so that its lib/ is the test's own
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("bin")));
        const QString alone = dir.filePath(QStringLiteral("bin/fastcms-backup"));
        QVERIFY(QFile::copy(test::cliPath(), alone));
        auto run = test::runProgram(
            alone, QStringList { QStringLiteral("create"), QStringLiteral("-q") } + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, 0);
        run = test::runProgram(
            alone, QStringList { QStringLiteral("list"), QStringLiteral("--json") } + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("total")).toInt(), 1);
        // The tool itself does not link Qt Network: only the module does.
        QVERIFY(!test::fileBytes(alone).contains("libQt6Network.so"));

        test::FakeServer server;
        const QString tokens = dir.filePath(QStringLiteral("token"));
        QFile token(tokens);
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("some-token\n");
        token.close();
        const QStringList remote { QStringLiteral("list"), QStringLiteral("--server"),
            server.url().toString(), QStringLiteral("--token-file"), tokens };
        run = test::runProgram(alone, remote);
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QCOMPARE(run.exitCode, ExitCode::Failure);
        QVERIFY2(run.err.contains("network part of fastcms-backup could not be loaded"), run.err.constData());
        QVERIFY(!run.err.contains("some-token"));
        run = test::runProgram(alone, remote + QStringList { QStringLiteral("--json") });
        QCOMPARE(run.exitCode, ExitCode::Failure);
        QCOMPARE(
            run.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("internal"));

        // The backup is made all the same when its heartbeat cannot be sent.
        test::FakeServer monitor;
        const QString heartbeat = QStringLiteral("http://127.0.0.1:%1/ping").arg(monitor.foreignPort());
        run = test::runProgram(alone,
            QStringList { QStringLiteral("create"), QStringLiteral("--json"),
                QStringLiteral("--heartbeat-url"), heartbeat }
                + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.json().value(QStringLiteral("ok")).toBool());
        QVERIFY2(run.err.contains("no heartbeat was sent"), run.err.constData());
        QCOMPARE(monitor.state().value(QStringLiteral("foreign_requests")).toInt(), 0);

        // The module beside the copy, in a folder anyone may write to: refused. Once only its
        // owner may write there, it loads (the token is refused by the server, not the tool).
        const QString moduleDir = dir.filePath(QStringLiteral("lib/fastcms-backup"));
        QVERIFY(QDir().mkpath(moduleDir));
        QVERIFY(QFile::copy(QFileInfo(test::cliPath()).path()
                + QStringLiteral("/../lib/fastcms-backup/fastcms-backup-network.so"),
            moduleDir + QStringLiteral("/fastcms-backup-network.so")));
        QVERIFY(::chmod(QFile::encodeName(moduleDir).constData(), 0777) == 0);
        run = test::runProgram(alone, remote);
        QCOMPARE(run.exitCode, ExitCode::Failure);
        QVERIFY2(run.err.contains("can be changed by other users"), run.err.constData());
        QVERIFY(::chmod(QFile::encodeName(moduleDir).constData(), 0755) == 0);
        run = test::runProgram(alone, remote);
        QCOMPARE(run.exitCode, ExitCode::Unauthorized);
    }

    void outputThatCannotBeWrittenFails()
    {
        // A listing into a full disk is a failure, not a success that wrote nothing.
        auto fx = test::makeDataFolder(3, 1);
        QCOMPARE(
            test::runCli(QStringList { QStringLiteral("create"), QStringLiteral("-q") } + fx.cliFolderArgs())
                .exitCode,
            0);
        QProcess cli;
        cli.setProgram(test::cliPath());
        cli.setArguments(
            QStringList { QStringLiteral("list"), QStringLiteral("--json") } + fx.cliFolderArgs());
        cli.setStandardOutputFile(QStringLiteral("/dev/full"));
        cli.start();
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), ExitCode::Io);
        QVERIFY(cli.readAllStandardError().contains(
            "The output could not be written (No space left on device)."));
        // The same listing where it can be written succeeds.
        QCOMPARE(test::runCli(
                     QStringList { QStringLiteral("list"), QStringLiteral("--json") } + fx.cliFolderArgs())
                     .exitCode,
            0);
    }

    void healthForMonitoring()
    {
        auto fx = test::makeDataFolder(20, 3);
        const QStringList check { QStringLiteral("status"), QStringLiteral("--check") };
        auto run = test::runCli(check + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, ExitCode::Stale); // no backup at all
        QVERIFY(run.out.contains("STALE"));
        // A heartbeat is called after a successful backup only.
        test::FakeServer monitor;
        const QString heartbeat = QStringLiteral("http://127.0.0.1:%1/ping").arg(monitor.foreignPort());
        QCOMPARE(test::runCli(
                     QStringList { QStringLiteral("create"), QStringLiteral("--heartbeat-url"), heartbeat }
                     + fx.cliFolderArgs())
                     .exitCode,
            0);
        QCOMPARE(monitor.state().value(QStringLiteral("foreign_requests")).toInt(), 1);
        QTemporaryDir empty;
        QCOMPARE(test::runCli({ QStringLiteral("create"), QStringLiteral("--heartbeat-url"), heartbeat,
                                  QStringLiteral("--data-dir"), empty.filePath(QStringLiteral("data")) })
                     .exitCode,
            ExitCode::NotFound);
        QCOMPARE(monitor.state().value(QStringLiteral("foreign_requests")).toInt(), 1);

        run = test::runCli(check + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Health:        OK"));
        QTest::qWait(1100);
        QCOMPARE(test::runCli(check + QStringList { QStringLiteral("--max-age"), QStringLiteral("0") }
                     + fx.cliFolderArgs())
                     .exitCode,
            ExitCode::Stale);
        // Less room than twice the newest backup.
        run = test::runCli(check + QStringList { QStringLiteral("--json") } + fx.cliFolderArgs(),
            { QStringLiteral("FCB_TEST_FREE_BYTES=1000") });
        QCOMPARE(run.exitCode, ExitCode::LowSpace);
        QCOMPARE(
            run.json().value(QStringLiteral("health")).toObject().value(QStringLiteral("low_space")).toBool(),
            true);
        // Without --check, status is information only.
        QCOMPARE(test::runCli(QStringList { QStringLiteral("status") } + fx.cliFolderArgs(),
                     { QStringLiteral("FCB_TEST_FREE_BYTES=1000") })
                     .exitCode,
            0);
    }

    void demoFolderIsRealistic()
    {
        QTemporaryDir dir;
        const QString data = dir.path() + QStringLiteral("/data");
        auto run = test::runCli({ QStringLiteral("demo"), QStringLiteral("--data-dir"), data });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(test::countRows(data + QStringLiteral("/app.db"), QStringLiteral("users")) >= 100);
        QVERIFY(test::countRows(data + QStringLiteral("/app.db"), QStringLiteral("records")) >= 500);
        QVERIFY(test::treeDigest(data + QStringLiteral("/files")).size() >= 24);
        QVERIFY(QDir(data + QStringLiteral("/files/2020")).exists());
        run = test::runCli({ QStringLiteral("demo"), QStringLiteral("--data-dir"), data });
        QVERIFY(run.out.contains("left it as it is"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
