// Off-site copies through real rclone: a plain folder remote, an encrypting crypt remote over
// it, and rclone serving WebDAV on 127.0.0.1; through the engine and the command-line tool.
#include "TestSupport.h"
#include "backend/LocalBackend.h"
#include "offsite/Offsite.h"

#include <QDir>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace fcb;

namespace {

QStringList namesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

QString makeBackup(const test::DataFixture& fx)
{
    LocalEngine engine(fx.folder);
    SilentTaskContext task;
    const auto created = engine.create({}, task);
    return created ? created->backup.fileName : QString();
}

// The whole tree's bytes, to look for plain text in an encrypted remote.
QByteArray allBytes(const QString& dir)
{
    QByteArray bytes;
    for (const QString& line : test::treeDigest(dir))
        bytes += test::fileBytes(dir + QLatin1Char('/') + line.section(QLatin1Char(':'), 0, -2))
            + line.toUtf8();
    return bytes;
}

} // namespace

class TestOffsite : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("rclone")).isEmpty(),
            "rclone is needed (apt install rclone)");
        // rclone reads only this test's configuration, never the user's.
        const QString config = m_dir.filePath(QStringLiteral("rclone.conf"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        qputenv("RCLONE_CONFIG", config.toUtf8());
    }

    void pushListPullOnAFolderRemote()
    {
        auto fx = test::makeDataFolder(30, 4);
        const QString first = makeBackup(fx);
        QTest::qWait(1100);
        const QString second = makeBackup(fx);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const QString remote = m_dir.filePath(QStringLiteral("plain/fastcms"));
        LocalEngine engine(fx.folder);
        SilentTaskContext task;

        const auto pushed = engine.pushOffsite(remote, {}, task);
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message + pushed.error().detail));
        QCOMPARE(pushed->copied.size(), 2);
        QCOMPARE(namesIn(remote), (QStringList { first, second }));
        QCOMPARE(
            test::fileBytes(remote + QLatin1Char('/') + first), test::fileBytes(fx.folder.backupPath(first)));
        // Owner-only on this machine: backups hold password hashes.
        QCOMPARE(QFileInfo(remote + QLatin1Char('/') + first).permissions() & 0x0077, 0);

        // Pushing again copies nothing and deletes nothing, even after a local prune.
        QVERIFY(engine.remove(first));
        const auto again = engine.pushOffsite(remote, {}, task);
        QVERIFY(again);
        QVERIFY(again->copied.isEmpty());
        QCOMPARE(again->alreadyThere, QStringList { second });
        const auto listed = Offsite(remote).list(task);
        QVERIFY(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->first().fileName, second); // newest first
        QCOMPARE(listed->first().size, QFileInfo(fx.folder.backupPath(second)).size());

        // Pull brings the pruned one back, verified, owner-only, ready to restore.
        const auto pulled = engine.pullOffsite(remote, first, task);
        QVERIFY2(pulled, qPrintable(pulled ? QString() : pulled.error().message));
        QCOMPARE(pulled->fileName, first);
        QCOMPARE(
            test::fileBytes(fx.folder.backupPath(first)), test::fileBytes(remote + QLatin1Char('/') + first));
        QCOMPARE(QFileInfo(fx.folder.backupPath(first)).permissions() & 0x0077, 0);
        QVERIFY(engine.verify(first, task)->ok());
        QCOMPARE(engine.pullOffsite(remote, first, task).error().code, ErrorCode::Conflict);
        QCOMPARE(engine.pullOffsite(remote, QStringLiteral("backup_20990101_000000.zip"), task).error().code,
            ErrorCode::NotFound);
        QCOMPARE(QDir(fx.folder.backupsDir())
                     .entryList({ QStringLiteral(".fcb-*") }, QDir::AllEntries | QDir::Hidden),
            QStringList());
    }

    void neverReplacesADifferentRemoteFile()
    {
        auto fx = test::makeDataFolder(5, 1);
        const QString first = makeBackup(fx);
        QTest::qWait(1100);
        const QString name = makeBackup(fx);
        const QString remote = m_dir.filePath(QStringLiteral("conflict"));
        QDir().mkpath(remote);
        QFile other(remote + QLatin1Char('/') + name);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("someone else's file");
        other.close();
        SilentTaskContext task;
        // Pushing everything: the conflict is reported, the other backup is still copied.
        const auto pushed = LocalEngine(fx.folder).pushOffsite(remote, {}, task);
        QVERIFY(pushed);
        QCOMPARE(pushed->copied, QStringList { first });
        QCOMPARE(pushed->failed.size(), 1);
        QCOMPARE(pushed->failed.first().code, ErrorCode::Conflict);
        QCOMPARE(test::fileBytes(remote + QLatin1Char('/') + name), QByteArray("someone else's file"));
        // Nothing of ours is left behind there: no temporary upload.
        QCOMPARE(namesIn(remote), (QStringList { first, name }));
        // The command line says so with the conflict's exit code.
        QCOMPARE(test::runCli(fx.cliFolderArgs() << QStringLiteral("offsite") << QStringLiteral("push")
                                                 << QStringLiteral("--offsite") << remote)
                     .exitCode,
            7);
    }

    void damagedRemoteCopyIsNotAdopted()
    {
        auto fx = test::makeDataFolder(5, 1);
        const QString remote = m_dir.filePath(QStringLiteral("damaged"));
        QDir().mkpath(remote);
        QByteArray zip
            = test::fileBytes(test::dataPath(QStringLiteral("fastcms_backup_20261126_051757.zip")));
        zip[zip.size() / 2] = char(zip[zip.size() / 2] ^ 0x55);
        QFile file(remote + QStringLiteral("/backup_20260101_000000.zip"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(zip);
        file.close();
        SilentTaskContext task;
        const auto pulled
            = LocalEngine(fx.folder).pullOffsite(remote, QStringLiteral("backup_20260101_000000.zip"), task);
        QVERIFY(!pulled);
        QCOMPARE(pulled.error().code, ErrorCode::BadArchive);
        QCOMPARE(
            QDir(fx.folder.backupsDir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList());
    }

    void cryptRemoteKeepsCopiesEncrypted()
    {
        // An rclone crypt remote over a folder: names and contents are unreadable at rest.
        const QString store = m_dir.filePath(QStringLiteral("crypt-store"));
        QProcess obscure;
        obscure.start(QStringLiteral("rclone"),
            { QStringLiteral("obscure"), QStringLiteral("correct horse battery staple") });
        QVERIFY(obscure.waitForFinished(30000));
        const QByteArray password = obscure.readAllStandardOutput().trimmed();
        QFile config(qEnvironmentVariable("RCLONE_CONFIG"));
        QVERIFY(config.open(QIODevice::Append));
        config.write(
            "[vault]\ntype = crypt\nremote = " + store.toUtf8() + "\npassword = " + password + "\n\n");
        config.close();

        auto fx = test::makeDataFolder(40, 3);
        const QString name = makeBackup(fx);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto pushed = engine.pushOffsite(QStringLiteral("vault:fastcms"), { name }, task);
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message + pushed.error().detail));
        QCOMPARE(pushed->copied, QStringList { name });
        const QByteArray atRest = allBytes(store);
        QVERIFY(!atRest.isEmpty());
        QVERIFY(!atRest.contains("backup_"));
        QVERIFY(!atRest.contains("metadata.json"));
        QVERIFY(!atRest.contains("database.db"));

        const auto listed = Offsite(QStringLiteral("vault:fastcms")).list(task);
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QVERIFY(engine.remove(name));
        const auto pulled = engine.pullOffsite(QStringLiteral("vault:fastcms"), name, task);
        QVERIFY2(pulled, qPrintable(pulled ? QString() : pulled.error().message));
        QVERIFY(engine.verify(name, task)->ok());
    }

    void webdavServedOnLoopback()
    {
        const QString served = m_dir.filePath(QStringLiteral("webdav"));
        QDir().mkpath(served);
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral("rclone"),
            { QStringLiteral("serve"), QStringLiteral("webdav"), served, QStringLiteral("--addr"),
                QStringLiteral("127.0.0.1:0") });
        QVERIFY(server.waitForStarted());
        QString url;
        QElapsedTimer waited;
        waited.start();
        QByteArray log;
        while (url.isEmpty() && waited.elapsed() < 20000 && server.state() == QProcess::Running) {
            server.waitForReadyRead(200);
            log += server.readAll();
            const auto match = QRegularExpression(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+/)"))
                                   .match(QString::fromUtf8(log));
            if (match.hasMatch())
                url = match.captured(1);
        }
        QVERIFY2(!url.isEmpty(), log.constData());
        // A named remote defined by rclone's environment variables, as an operator would.
        qputenv("RCLONE_CONFIG_DAVTEST_TYPE", "webdav");
        qputenv("RCLONE_CONFIG_DAVTEST_URL", url.toUtf8());
        const QString remote = QStringLiteral("davtest:fastcms");

        auto fx = test::makeDataFolder(10, 2);
        const QString name = makeBackup(fx);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto pushed = engine.pushOffsite(remote, {}, task);
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message + pushed.error().detail));
        QCOMPARE(test::fileBytes(served + QStringLiteral("/fastcms/") + name),
            test::fileBytes(fx.folder.backupPath(name)));
        QVERIFY(engine.remove(name));
        QVERIFY(engine.pullOffsite(remote, name, task));
        QVERIFY(engine.verify(name, task)->ok());

        // A server that went away is a network error, and nothing is left half-copied here.
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        QVERIFY(engine.remove(name));
        const auto gone = engine.pullOffsite(remote, name, task);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::Network);
        QCOMPARE(
            QDir(fx.folder.backupsDir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            QStringList());
    }

    void cancelledPushLeavesNoPartialCopy()
    {
        // A slow link (rclone's own bandwidth limit) and a large backup: cancel mid-transfer.
        auto fx = test::makeDataFolder(5, 0);
        QFile big(fx.folder.filesDir() + QStringLiteral("/media.bin"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        const QByteArray noise = test::randomBytes(42, 8 << 20); // does not compress: the archive stays 8 MB
        big.write(noise);
        big.close();
        const QString name = makeBackup(fx);
        const QString remote = m_dir.filePath(QStringLiteral("slow"));
        qputenv("RCLONE_BWLIMIT", "1M");
        auto job = LocalBackend(fx.folder).pushOffsite(remote, { name });
        QTRY_VERIFY_WITH_TIMEOUT(job.future.progressValue() > 0 || job.future.isFinished(), 30000);
        job.cancel();
        const auto result = test::await(job.future);
        qunsetenv("RCLONE_BWLIMIT");
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(namesIn(remote), QStringList());
    }

    void commandLine()
    {
        auto fx = test::makeDataFolder(8, 2);
        const QString remote = m_dir.filePath(QStringLiteral("cli"));
        const auto created = test::runCli(fx.cliFolderArgs()
            << QStringLiteral("create") << QStringLiteral("--offsite") << remote << QStringLiteral("--json"));
        QCOMPARE(created.exitCode, 0);
        const QJsonObject json = created.json();
        const QString name
            = json.value(QStringLiteral("backup")).toObject().value(QStringLiteral("filename")).toString();
        QCOMPARE(
            json.value(QStringLiteral("offsite")).toObject().value(QStringLiteral("copied")).toBool(), true);
        QCOMPARE(namesIn(remote), QStringList { name });

        const auto listed = test::runCli(fx.cliFolderArgs()
                << QStringLiteral("offsite") << QStringLiteral("list") << QStringLiteral("--json"),
            { QStringLiteral("FASTCMS_BACKUP_OFFSITE=") + remote });
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray items = listed.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().toObject().value(QStringLiteral("local")).toBool(), true);

        // Deleting off-site happens only when asked, by name.
        QCOMPARE(test::runCli(fx.cliFolderArgs() << QStringLiteral("offsite") << QStringLiteral("delete")
                                                 << QStringLiteral("--offsite") << remote)
                     .exitCode,
            2);
        const auto deleted
            = test::runCli(fx.cliFolderArgs() << QStringLiteral("offsite") << QStringLiteral("delete") << name
                                              << QStringLiteral("--offsite") << remote);
        QCOMPARE(deleted.exitCode, 0);
        QCOMPARE(namesIn(remote), QStringList());
        QCOMPARE(test::runCli(fx.cliFolderArgs() << QStringLiteral("offsite") << QStringLiteral("pull")
                                                 << name << QStringLiteral("--offsite") << remote)
                     .exitCode,
            7); // still here
        QCOMPARE(test::runCli(fx.cliFolderArgs() << QStringLiteral("delete") << name).exitCode, 0);
        QCOMPARE(test::runCli(fx.cliFolderArgs() << QStringLiteral("offsite") << QStringLiteral("pull")
                                                 << name << QStringLiteral("--offsite") << remote)
                     .exitCode,
            3); // and gone from there
        // No target: a usage error that says how to give one.
        const auto untargeted
            = test::runCli(fx.cliFolderArgs() << QStringLiteral("offsite") << QStringLiteral("push"));
        QCOMPARE(untargeted.exitCode, 2);
        QVERIFY(untargeted.err.contains("--offsite"));
        // Credentials in a connection string are refused before anything runs, and not repeated.
        const auto parameters = test::runCli(fx.cliFolderArgs()
            << QStringLiteral("offsite") << QStringLiteral("list") << QStringLiteral("--offsite")
            << QStringLiteral(":s3,secret_access_key='a:b-SECRET':bucket"));
        QCOMPARE(parameters.exitCode, 2);
        QVERIFY(!parameters.err.contains("SECRET"));
        QVERIFY(parameters.err.contains("rclone config"));
        // A failed copy after create: the backup exists, the exit code says the copy failed.
        const auto unreachable
            = test::runCli(fx.cliFolderArgs() << QStringLiteral("create") << QStringLiteral("--json")
                                              << QStringLiteral("--offsite") << QStringLiteral("nowhere:x"),
                { QStringLiteral("RCLONE_CONFIG_NOWHERE_TYPE=webdav"),
                    QStringLiteral("RCLONE_CONFIG_NOWHERE_URL=http://127.0.0.1:9/") });
        QCOMPARE(unreachable.exitCode, 9);
        QVERIFY(unreachable.json().contains(QStringLiteral("backup")));
        QCOMPARE(unreachable.json().value(QStringLiteral("ok")).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestOffsite)
#include "tst_offsite.moc"
