// Durability is proven, not assumed: the real tool runs under strace, and for every file a
// command publishes the trace must show it written under a temporary name, that file synced,
// renamed onto its final name, and the folder synced after the rename; and nothing published is
// ever opened for truncation or written in place.
#include "Error.h"
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace fcb;

namespace {

struct Call
{
    QString name;
    QString line;
    QStringList fdPaths; // the paths strace -y shows for descriptors in the call
    QStringList strings; // the quoted path arguments
    bool succeeded = false;
};

QList<Call> parseTrace(const QString& path)
{
    QList<Call> calls;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return calls;
    static const QRegularExpression head(
        QStringLiteral("^(?:\\[pid\\s+)?\\d*\\]?\\s*([a-z0-9_]+)\\((.*)\\)\\s+=\\s+(-?\\d+)"));
    static const QRegularExpression fd(QStringLiteral("\\d+<([^>]*)>"));
    static const QRegularExpression quoted(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
    // With -f, a call another thread interrupts is split in two lines: "PID name(args <unfinished
    // ...>" and later "PID <... name resumed>rest". They are joined back before parsing.
    static const QRegularExpression pidPrefix(QStringLiteral("^(?:\\[pid\\s+)?(\\d*)\\]?\\s*"));
    static const QRegularExpression resumed(QStringLiteral("^<\\.\\.\\. [a-z0-9_]+ resumed>"));
    static const QString unfinished = QStringLiteral(" <unfinished ...>");
    QHash<QString, QString> pending;
    for (const QByteArray& raw : file.readAll().split('\n')) {
        QString line = QString::fromUtf8(raw);
        const auto prefix = pidPrefix.match(line);
        const QString pid = prefix.captured(1);
        if (line.endsWith(unfinished)) {
            pending.insert(pid, line.chopped(unfinished.size()));
            continue;
        }
        const auto tail = resumed.match(line.mid(prefix.capturedLength()));
        if (tail.hasMatch())
            line = pending.take(pid) + line.mid(prefix.capturedLength() + tail.capturedLength());
        const auto m = head.match(line);
        if (!m.hasMatch())
            continue;
        Call call;
        call.name = m.captured(1);
        call.line = line;
        call.succeeded = m.captured(3).toLongLong() >= 0;
        for (auto it = fd.globalMatch(m.captured(2)); it.hasNext();)
            call.fdPaths.append(it.next().captured(1));
        for (auto it = quoted.globalMatch(m.captured(2)); it.hasNext();)
            call.strings.append(it.next().captured(1));
        calls.append(call);
    }
    return calls;
}

bool isSync(const Call& c)
{
    return c.succeeded && (c.name == QStringLiteral("fsync") || c.name == QStringLiteral("fdatasync"));
}

// Empty when `published` was written the durable way in this trace; else what is wrong.
QString checkPublished(const QList<Call>& calls, const QString& published)
{
    const QString dir = QFileInfo(published).absolutePath();
    qsizetype renamedAt = -1;
    QString temp;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const Call& c = calls[i];
        if (c.succeeded && c.name.startsWith(QStringLiteral("rename")) && c.strings.size() == 2
            && c.strings[1] == published) {
            renamedAt = i;
            temp = c.strings[0];
        }
        // Truncating or writing the published name in place would leave a half file on a crash.
        const bool opens = c.name == QStringLiteral("openat") || c.name == QStringLiteral("open")
            || c.name == QStringLiteral("creat");
        if (opens && c.strings.value(0) == published
            && (c.line.contains(QStringLiteral("O_TRUNC")) || c.line.contains(QStringLiteral("O_WRONLY"))
                || c.line.contains(QStringLiteral("O_RDWR"))))
            return QStringLiteral("opened for writing in place: ") + c.line;
        if ((c.name == QStringLiteral("truncate") && c.strings.value(0) == published)
            || ((c.name == QStringLiteral("ftruncate") || c.name.startsWith(QStringLiteral("write"))
                    || c.name.startsWith(QStringLiteral("pwrite")))
                && c.fdPaths.value(0) == published))
            return QStringLiteral("changed in place: ") + c.line;
    }
    if (renamedAt < 0)
        return QStringLiteral("never renamed onto its final name");
    if (!QFileInfo(temp).fileName().startsWith(QStringLiteral(".fcb-tmp-")))
        return QStringLiteral("renamed from %1, which is not one of the tool's temporary names").arg(temp);
    bool tempSynced = false;
    for (qsizetype i = 0; i < renamedAt; ++i)
        tempSynced = tempSynced || (isSync(calls[i]) && calls[i].fdPaths.value(0) == temp);
    if (!tempSynced)
        return QStringLiteral("%1 was not synced before the rename").arg(temp);
    for (qsizetype i = renamedAt + 1; i < calls.size(); ++i)
        if (isSync(calls[i]) && calls[i].fdPaths.value(0) == dir)
            return {};
    return QStringLiteral("the folder %1 was not synced after the rename").arg(dir);
}

} // namespace

class TestDurability : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QStringList m_env;

    // Runs the tool under strace; returns the trace.
    QList<Call> traced(const QStringList& args, test::CliRun* run = nullptr, const QStringList& extraEnv = {})
    {
        const QString trace = m_home.filePath(QStringLiteral("trace-%1.txt").arg(++m_traces));
        const QStringList straceArgs { QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-y"),
            QStringLiteral("-s"), QStringLiteral("4096"), QStringLiteral("-e"),
            QStringLiteral("trace=open,openat,creat,rename,renameat,renameat2,fsync,fdatasync,"
                           "truncate,ftruncate,write,pwrite64,writev,pwritev"),
            QStringLiteral("-o"), trace, test::cliPath() };
        const auto result = test::runProgram(QStringLiteral("strace"), straceArgs + args, m_env + extraEnv);
        if (run)
            *run = result;
        return parseTrace(trace);
    }
    int m_traces = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty(),
            "strace is needed (Debian package strace)");
        m_env = { QStringLiteral("XDG_CONFIG_HOME=") + m_home.filePath(QStringLiteral("config")),
            QStringLiteral("XDG_DATA_HOME=") + m_home.filePath(QStringLiteral("share")),
            QStringLiteral("XDG_CACHE_HOME=") + m_home.filePath(QStringLiteral("cache")),
            QStringLiteral("FASTCMS_BACKUP_PINS_FILE=") + m_home.filePath(QStringLiteral("share/pins.json")),
            QStringLiteral("FASTCMS_BACKUP_STATE_FILE=")
                + m_home.filePath(QStringLiteral("share/servers.json")) };
    }

    void theCheckSeesAFileWrittenInPlace()
    {
        // The checker itself: a file rewritten in place by a shell fails it.
        const QString target = m_home.filePath(QStringLiteral("in-place.txt"));
        const QString trace = m_home.filePath(QStringLiteral("trace-shell.txt"));
        const auto run = test::runProgram(QStringLiteral("strace"),
            { QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-y"), QStringLiteral("-o"), trace,
                QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("echo one > '%1'; sync").arg(target) });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!checkPublished(parseTrace(trace), target).isEmpty());
    }

    void everyPublishedFileIsWrittenDurably()
    {
        auto fx = test::makeDataFolder(200, 6);
        const DataFolder& f = fx.folder;
        const QStringList folderArgs = fx.cliFolderArgs();
        const auto expectDurable = [](const QList<Call>& calls, const QString& path) {
            const QString problem = checkPublished(calls, QFileInfo(path).absoluteFilePath());
            QVERIFY2(problem.isEmpty(), qPrintable(path + QStringLiteral(": ") + problem));
        };

        // create: the archive.
        test::CliRun run;
        auto calls
            = traced(QStringList { QStringLiteral("create"), QStringLiteral("--json") } + folderArgs, &run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString backup = run.json()
                                   .value(QStringLiteral("backup"))
                                   .toObject()
                                   .value(QStringLiteral("filename"))
                                   .toString();
        expectDurable(calls, f.backupPath(backup));

        // extract: every file written out of a backup; restore-file: the upload put back.
        const QString out = m_home.filePath(QStringLiteral("extracted"));
        calls = traced(QStringList { QStringLiteral("extract"), backup, QStringLiteral("files/"),
                           QStringLiteral("database.db"), QStringLiteral("--output"), out }
                + folderArgs,
            &run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QDirIterator extracted(out, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int count = 0;
        for (; extracted.hasNext(); ++count)
            expectDurable(calls, extracted.next());
        QCOMPARE(count, 8); // six uploads, the dotfile and the database
        const QString upload = f.filesDir() + QStringLiteral("/2021/02/old_1.txt");
        QVERIFY(QFile::remove(upload));
        calls = traced(
            QStringList { QStringLiteral("restore-file"), backup, QStringLiteral("files/2021/02/old_1.txt") }
                + folderArgs,
            &run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        expectDurable(calls, upload);

        // pin: the pins store.
        calls = traced(QStringList { QStringLiteral("pin"), backup } + folderArgs, &run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        expectDurable(calls, m_home.filePath(QStringLiteral("share/pins.json")));

        // drill: the record of drills.
        calls = traced(QStringList { QStringLiteral("drill"), backup } + folderArgs, &run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        expectDurable(calls, m_home.filePath(QStringLiteral("share/fastcms-backup/drills.json")));

        // upload: an archive from elsewhere joins the backups folder.
        const QString outside = m_home.filePath(QStringLiteral("outside.zip"));
        QVERIFY(QFile::copy(f.backupPath(backup), outside));
        calls = traced(
            QStringList { QStringLiteral("upload"), outside, QStringLiteral("--json") } + folderArgs, &run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        expectDurable(calls,
            f.backupPath(run.json()
                             .value(QStringLiteral("backup"))
                             .toObject()
                             .value(QStringLiteral("filename"))
                             .toString()));

        // stage-restore: the restore marker.
        calls = traced(QStringList { QStringLiteral("stage-restore"), backup } + folderArgs, &run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        expectDurable(calls, f.markerPath());

        // apply-restore: the journal (each state of it), and the database swapped in by rename.
        calls = traced(QStringList { QStringLiteral("apply-restore") } + folderArgs, &run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        expectDurable(calls, f.applyJournalPath());
        for (const Call& c : std::as_const(calls))
            QVERIFY2(!(c.strings.value(0) == f.dbPath() && c.line.contains(QStringLiteral("O_TRUNC"))),
                qPrintable(c.line));

        // schedule --install: both units and the schedule store.
        calls = traced(
            QStringList { QStringLiteral("schedule"), QStringLiteral("--install"), QStringLiteral("--json") }
                + folderArgs,
            &run, { QStringLiteral("FASTCMS_BACKUP_LOGINCTL=/bin/true") });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray units = run.json().value(QStringLiteral("written")).toArray();
        QCOMPARE(units.size(), 2);
        for (const QJsonValue& unit : units)
            expectDurable(calls, unit.toString());
        expectDurable(calls, m_home.filePath(QStringLiteral("share/fastcms-backup/schedules.json")));
    }

    void tokenFilesAreWrittenDurably()
    {
        test::FakeServer server;
        QVERIFY(server.isRunning());
        const QString passwordFile = m_home.filePath(QStringLiteral("password"));
        QFile pw(passwordFile);
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write(test::FakeServer::adminPassword);
        pw.close();
        const QString tokens = m_home.filePath(QStringLiteral("tokens.json"));
        test::CliRun run;
        const auto calls = traced(
            { QStringLiteral("login"), QStringLiteral("--server"), server.url().toString(),
                QStringLiteral("--email"), QString::fromLatin1(test::FakeServer::adminEmail),
                QStringLiteral("--password-file"), passwordFile, QStringLiteral("--save-token"), tokens },
            &run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString problem = checkPublished(calls, tokens);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
