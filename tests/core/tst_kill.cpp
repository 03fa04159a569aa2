// The tool killed at any moment. Each operation is timed once, then run again and again on a
// fresh copy of the same folder and killed with SIGKILL after a delay drawn (from a seed, so a
// failure can be replayed) across that duration. After every kill the folder's invariants hold:
// every archive with a final name verifies, `list` works, live data is old or new and never
// mixed, the next operation succeeds, and after it no temporary file of ours is left.
//
// FCB_KILL_SEED picks the seed (the default is fixed), FCB_KILL_COUNT the kills per operation
// (at least 30); `./dev.sh soak [N]` runs long series.
#include "Error.h"
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace fcb;

namespace {

// The upload restore-file puts back: its old and new contents differ.
const QString kRestoredUpload = QStringLiteral("files/media/clip0.bin");

QStringList zips(const QString& backupsDir)
{
    return QDir(backupsDir).entryList({ QStringLiteral("*.zip") }, QDir::Files, QDir::Name);
}

bool copyTree(const QString& from, const QString& to)
{
    return QProcess::execute(QStringLiteral("cp"), { QStringLiteral("-a"), from, to }) == 0;
}

} // namespace

class TestKill : public QObject
{
    Q_OBJECT

    QTemporaryDir m_work;
    quint32 m_seed = 20261207;
    int m_count = 30;

    // The folder every run of one operation starts from: data/ (app.db "old", files "old"),
    // a few backups, and for the restore operations a backup holding "new" data.
    struct Template
    {
        QString root;
        QString newBackup; // a backup of "new" data
        QString oldFiles; // digest joined, of the old uploads
        QString newFiles;
    };

    Template makeTemplate(const QString& operation)
    {
        Template t;
        t.root = m_work.filePath(QStringLiteral("template-") + operation);
        auto fresh = test::makeDataFolder(4000, 40, QStringLiteral("new"));
        auto old = test::makeDataFolder(4000, 40, QStringLiteral("old"));
        // Room for the kill to land in: some larger uploads on both sides.
        for (auto* fx : { &fresh, &old }) {
            for (int i = 0; i < 6; ++i) {
                QFile big(fx->folder.filesDir() + QStringLiteral("/media/clip%1.bin").arg(i));
                QDir().mkpath(QFileInfo(big).absolutePath());
                big.open(QIODevice::WriteOnly);
                QByteArray noise(512 * 1024, Qt::Uninitialized);
                QRandomGenerator(quint32(i + (fx == &fresh ? 100 : 0)))
                    .fillRange(reinterpret_cast<quint32*>(noise.data()), noise.size() / 4);
                big.write(noise);
            }
        }
        const auto made = test::runCli(
            QStringList { QStringLiteral("create"), QStringLiteral("--json") } + fresh.cliFolderArgs());
        t.newBackup = made.json()
                          .value(QStringLiteral("backup"))
                          .toObject()
                          .value(QStringLiteral("filename"))
                          .toString();
        QDir().mkpath(t.root);
        copyTree(old.dataDir(), t.root + QStringLiteral("/data"));
        const DataFolder f(t.root + QStringLiteral("/data"));
        QFile::copy(fresh.folder.backupPath(t.newBackup), f.backupPath(t.newBackup));
        t.oldFiles = test::treeDigest(old.folder.filesDir()).join(QLatin1Char('|'));
        t.newFiles = test::treeDigest(fresh.folder.filesDir()).join(QLatin1Char('|'));
        if (operation == QStringLiteral("prune") || operation == QStringLiteral("delete")
            || operation == QStringLiteral("offsite-push")) {
            // More backups to prune, delete and copy (off-site, where each copy costs several
            // rclone runs, one more).
            for (int i = 0; i < (operation == QStringLiteral("offsite-push") ? 1 : 6); ++i) {
                const auto older = test::runCli(QStringList { QStringLiteral("create") }
                    + QStringList { QStringLiteral("--data-dir"), f.dataDir() });
                Q_UNUSED(older);
            }
        }
        if (operation == QStringLiteral("apply-restore") || operation == QStringLiteral("abandon"))
            test::runCli(
                { QStringLiteral("stage-restore"), t.newBackup, QStringLiteral("--data-dir"), f.dataDir() });
        return t;
    }

    QStringList commandFor(
        const QString& operation, const Template& t, const DataFolder& f, const QString& scratch) const
    {
        const QStringList folder { QStringLiteral("--data-dir"), f.dataDir() };
        if (operation == QStringLiteral("create"))
            return QStringList { QStringLiteral("create") } + folder;
        if (operation == QStringLiteral("stage-restore"))
            return QStringList { QStringLiteral("stage-restore"), t.newBackup } + folder;
        if (operation == QStringLiteral("apply-restore"))
            return QStringList { QStringLiteral("apply-restore") } + folder;
        if (operation == QStringLiteral("abandon"))
            return QStringList { QStringLiteral("apply-restore"), QStringLiteral("--abandon") } + folder;
        if (operation == QStringLiteral("prune"))
            return QStringList { QStringLiteral("prune"), QStringLiteral("--keep-last"), QStringLiteral("1") }
            + folder;
        if (operation == QStringLiteral("delete"))
            return QStringList { QStringLiteral("delete"), t.newBackup } + folder;
        if (operation == QStringLiteral("drill"))
            return QStringList { QStringLiteral("drill"), t.newBackup } + folder;
        if (operation == QStringLiteral("upload"))
            return QStringList { QStringLiteral("upload"), scratch + QStringLiteral("/incoming.zip") }
            + folder;
        if (operation == QStringLiteral("restore-file"))
            return QStringList { QStringLiteral("restore-file"), t.newBackup, kRestoredUpload } + folder;
        if (operation == QStringLiteral("offsite-push"))
            return QStringList { QStringLiteral("offsite"), QStringLiteral("push"),
                QStringLiteral("--offsite"), scratch + QStringLiteral("/remote") }
            + folder;
        return {};
    }

    // A fresh copy of the template, with what the operation needs around it.
    DataFolder prepare(const QString& operation, const Template& t, const QString& scratch, QStringList* env,
        int abortStep = 5)
    {
        QDir(scratch).removeRecursively();
        QDir().mkpath(scratch);
        copyTree(t.root + QStringLiteral("/data"), scratch + QStringLiteral("/data"));
        const DataFolder f(scratch + QStringLiteral("/data"));
        env->clear();
        if (operation == QStringLiteral("upload"))
            QFile::copy(f.backupPath(t.newBackup), scratch + QStringLiteral("/incoming.zip"));
        if (operation == QStringLiteral("abandon")) {
            // An apply interrupted at a step (drawn with the kill's moment), then abandoned.
            test::runCli({ QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir() },
                { QStringLiteral("FCB_TEST_ABORT_AFTER_APPLY_STEP=%1").arg(abortStep) });
        }
        return f;
    }

    // Old data with old files, or new with new: never a mix. Returns a description if mixed.
    // restore-file changes one upload: it is the old one or the new one, never missing or cut,
    // and every other upload is as it was (but the copies kept as NAME.before_restore).
    QString mixed(const DataFolder& f, const Template& t, const QString& operation) const
    {
        if (operation == QStringLiteral("restore-file")) {
            const QString name = kRestoredUpload.mid(6); // below files/
            QStringList files = test::treeDigest(f.filesDir());
            files.removeIf(
                [](const QString& line) { return line.contains(QStringLiteral(".before_restore")); });
            const auto lineOf = [&name](const QStringList& lines) {
                for (const QString& line : lines)
                    if (line.startsWith(name + QLatin1Char(':')))
                        return line;
                return QString();
            };
            const QString now = lineOf(files);
            if (now.isEmpty())
                return QStringLiteral("the upload is missing");
            const QStringList oldFiles = t.oldFiles.split(QLatin1Char('|'));
            if (now != lineOf(oldFiles) && now != lineOf(t.newFiles.split(QLatin1Char('|'))))
                return QStringLiteral("the upload is neither the old nor the new one");
            files.removeAll(now);
            QStringList others = oldFiles;
            others.removeAll(lineOf(oldFiles));
            return files == others ? QString() : QStringLiteral("other uploads changed");
        }
        const QString db = test::noteMarker(f.dbPath());
        const QString files = test::treeDigest(f.filesDir()).join(QLatin1Char('|'));
        const bool oldFiles = files == t.oldFiles;
        const bool newFiles = files == t.newFiles;
        if ((db == QStringLiteral("old") && oldFiles) || (db == QStringLiteral("new") && newFiles))
            return {};
        return QStringLiteral("database \"%1\" with %2 uploads")
            .arg(db,
                oldFiles       ? QStringLiteral("old")
                    : newFiles ? QStringLiteral("new")
                               : QStringLiteral("mixed"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("FCB_KILL_SEED"))
            m_seed = quint32(qEnvironmentVariableIntValue("FCB_KILL_SEED"));
        m_count = qMax(30, qEnvironmentVariableIntValue("FCB_KILL_COUNT"));
        qInfo("kill suite: seed %u, %d kills per operation (replay with FCB_KILL_SEED=%u)", m_seed, m_count,
            m_seed);
    }

    void killedAtAnyMoment_data()
    {
        QTest::addColumn<QString>("operation");
        for (const char* op : { "create", "stage-restore", "apply-restore", "abandon", "prune", "delete",
                 "drill", "upload", "restore-file", "offsite-push" })
            QTest::newRow(op) << QString::fromLatin1(op);
    }
    void killedAtAnyMoment()
    {
        QFETCH(QString, operation);
        const Template t = makeTemplate(operation);
        QVERIFY(!t.newBackup.isEmpty());
        const QString scratch = m_work.filePath(QStringLiteral("run-") + operation);
        QStringList env;

        // How long the operation takes when left alone: the kills are drawn across it.
        DataFolder f = prepare(operation, t, scratch, &env);
        QElapsedTimer timer;
        timer.start();
        const auto whole = test::runCli(commandFor(operation, t, f, scratch), env);
        const qint64 durationUs = qMax<qint64>(timer.nsecsElapsed() / 1000, 1000);
        QVERIFY2(whole.exitCode == 0, whole.err.constData());

        QRandomGenerator rng(m_seed ^ quint32(qHash(operation)));
        int killedMidway = 0;
        for (int i = 0; i < m_count; ++i) {
            f = prepare(operation, t, scratch, &env, 1 + int(rng.bounded(8)));
            const QStringList command = commandFor(operation, t, f, scratch);
            const qint64 delayUs = qint64(rng.bounded(quint32(durationUs)));
            const QString where = QStringLiteral("%1, kill %2 after %3 us (seed %4)")
                                      .arg(operation)
                                      .arg(i)
                                      .arg(delayUs)
                                      .arg(m_seed);

            QProcess victim;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            for (const QString& e : std::as_const(env))
                environment.insert(e.section(QLatin1Char('='), 0, 0), e.section(QLatin1Char('='), 1));
            victim.setProcessEnvironment(environment);
            victim.start(test::cliPath(), command);
            QVERIFY(victim.waitForStarted());
            QThread::usleep(ulong(delayUs));
            if (victim.state() == QProcess::Running) {
                ::kill(pid_t(victim.processId()), SIGKILL);
                ++killedMidway;
            }
            QVERIFY(victim.waitForFinished(60000));

            // Every archive with a final name is whole.
            for (const QString& zip : zips(f.backupsDir())) {
                const auto verified = test::runCli(
                    { QStringLiteral("verify"), zip, QStringLiteral("--data-dir"), f.dataDir() });
                QVERIFY2(verified.exitCode == 0,
                    qPrintable(where + QStringLiteral(": ") + zip + QStringLiteral(" ")
                        + QString::fromUtf8(verified.out + verified.err)));
            }
            const auto listed
                = test::runCli({ QStringLiteral("list"), QStringLiteral("--data-dir"), f.dataDir() });
            QVERIFY2(listed.exitCode == 0,
                qPrintable(where + QStringLiteral(": list: ") + QString::fromUtf8(listed.err)));

            // The next operation succeeds; an interrupted apply is finished (or undone) first.
            QStringList next = command;
            if (QFile::exists(f.applyJournalPath())) {
                next = { QStringLiteral("apply-restore"), QStringLiteral("--data-dir"), f.dataDir() };
                if (operation == QStringLiteral("abandon"))
                    next.append(QStringLiteral("--abandon"));
            } else if (operation == QStringLiteral("apply-restore")
                || operation == QStringLiteral("abandon")) {
                next = { QStringLiteral("create"), QStringLiteral("--data-dir"), f.dataDir() };
            } else if (operation == QStringLiteral("stage-restore") && QFile::exists(f.markerPath())) {
                next = { QStringLiteral("unstage"), QStringLiteral("--data-dir"), f.dataDir() };
            } else if (operation == QStringLiteral("delete") && !QFile::exists(f.backupPath(t.newBackup))) {
                next = { QStringLiteral("create"), QStringLiteral("--data-dir"), f.dataDir() };
            } else if (operation == QStringLiteral("upload") || operation == QStringLiteral("abandon")) {
                next = { QStringLiteral("create"), QStringLiteral("--data-dir"), f.dataDir() };
            }
            const auto again = test::runCli(next);
            QVERIFY2(again.exitCode == 0,
                qPrintable(where + QStringLiteral(": next run ") + next.join(QLatin1Char(' '))
                    + QStringLiteral(": ") + QString::fromUtf8(again.err)));

            // Data is old or new, never mixed; an abandoned apply leaves it old.
            const QString mix = mixed(f, t, operation);
            QVERIFY2(mix.isEmpty(), qPrintable(where + QStringLiteral(": ") + mix));
            if (operation == QStringLiteral("abandon"))
                QCOMPARE(test::noteMarker(f.dbPath()), QStringLiteral("old"));
            // Nothing of ours outlives a successful run, off-site included. The lock file may:
            // a run that had nothing left to change (a prune whose deletions were all done) never
            // takes the lock, and a lock file nobody holds blocks nobody, as status shows.
            QStringList left = test::toolLeftovers(scratch);
            if (left.removeAll(QStringLiteral("data/backups/.fastcms-backup.lock")) > 0) {
                const auto status = test::runCli({ QStringLiteral("status"), QStringLiteral("--json"),
                    QStringLiteral("--data-dir"), f.dataDir() });
                QVERIFY2(status.json().value(QStringLiteral("lock_holder_pid")).toInteger() == 0,
                    qPrintable(where));
            }
            left += QDir(scratch + QStringLiteral("/remote"))
                        .entryList({ QStringLiteral("*.part") }, QDir::Files | QDir::Hidden);
            QVERIFY2(left.isEmpty(),
                qPrintable(where + QStringLiteral(": left behind: ") + left.join(QLatin1Char(' '))));
        }
        qInfo("%s: %d of %d kills landed while the operation ran (%lld us when left alone)",
            qPrintable(operation), killedMidway, m_count, durationUs);
        QVERIFY2(killedMidway >= m_count / 2, "most kills must land while the operation runs");
    }
};

QTEST_GUILESS_MAIN(TestKill)
#include "tst_kill.moc"
