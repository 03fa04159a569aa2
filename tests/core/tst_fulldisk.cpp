// Full disks, met as users meet them: the data folder on a small real file system (tmpfs),
// filled before an operation starts, or with too little room for it to finish (the free-space
// check told otherwise), or out of inodes. Each ends in exit 6 with the system's words, live data
// byte-identical, nothing of ours left behind, and success once space is back.
#include "Error.h"
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace fcb;

namespace {

// A tmpfs mounted on a fresh temporary folder for as long as this object lives.
class SmallFileSystem
{
public:
    SmallFileSystem(const QString& size, int inodes)
    {
        m_mounted = QProcess::execute(QStringLiteral("mount"),
                        { QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                            QStringLiteral("size=%1,nr_inodes=%2,mode=0755").arg(size).arg(inodes),
                            QStringLiteral("fcb-test"), m_dir.path() })
            == 0;
    }
    ~SmallFileSystem()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), { QStringLiteral("-l"), m_dir.path() });
    }
    bool mounted() const { return m_mounted; }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

// Fills the file system holding dir: all data blocks but `room` bytes, or all inodes but `room`.
class Filler
{
public:
    explicit Filler(const QString& dir)
        : m_dir(dir + QStringLiteral("/.filler"))
    {
        QDir().mkpath(m_dir);
    }
    void blocks(qint64 room)
    {
        const QByteArray path = QFile::encodeName(m_dir + QStringLiteral("/blocks"));
        const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        QByteArray chunk(1 << 16, '\0');
        while (::write(fd, chunk.constData(), size_t(chunk.size())) > 0) { }
        for (int small = 4096; small > 0; small /= 2)
            while (::write(fd, chunk.constData(), size_t(small)) > 0) { }
        const off_t end = ::lseek(fd, 0, SEEK_END);
        if (room > 0)
            (void)!::ftruncate(fd, qMax<off_t>(0, end - room));
        ::close(fd);
    }
    void inodes(int room)
    {
        QStringList made;
        for (int i = 0;; ++i) {
            const QByteArray path = QFile::encodeName(m_dir + QStringLiteral("/i%1").arg(i));
            const int fd = ::open(path.constData(), O_WRONLY | O_CREAT, 0600);
            if (fd < 0)
                break;
            ::close(fd);
            made.append(QString::fromLocal8Bit(path));
        }
        for (int i = 0; i < room && !made.isEmpty(); ++i)
            QFile::remove(made.takeLast());
    }
    void release() { QDir(m_dir).removeRecursively(); }

private:
    QString m_dir;
};

// The live data a server reads: database, uploads and the restore marker.
QStringList liveState(const DataFolder& f)
{
    QStringList state = test::treeDigest(f.filesDir());
    state.append(QString::fromLatin1(test::fileBytes(f.dbPath()).toBase64()));
    state.append(QString::fromLatin1(test::fileBytes(f.markerPath()).toBase64()));
    state.append(
        QDir(f.dataDir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name));
    return state;
}

} // namespace

class TestFullDisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SmallFileSystem probe(QStringLiteral("1m"), 64);
        if (!probe.mounted())
            QSKIP("This machine does not let the tests mount a tmpfs (needs root or CAP_SYS_ADMIN): "
                  "full-disk cases skipped.");
    }

    void operationsOnAFullDisk_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("fill"); // before | during | inodes
        for (const char* op : { "create", "stage-restore", "apply-restore", "upload", "drill" })
            for (const char* fill : { "before", "during", "inodes" })
                QTest::addRow("%s, %s", op, fill) << QString::fromLatin1(op) << QString::fromLatin1(fill);
        // One upload put back, and rows written out: each writes one file.
        for (const char* op : { "restore-file", "export" })
            for (const char* fill : { "before", "during" })
                QTest::addRow("%s, %s", op, fill) << QString::fromLatin1(op) << QString::fromLatin1(fill);
    }
    void operationsOnAFullDisk()
    {
        QFETCH(QString, operation);
        QFETCH(QString, fill);
        SmallFileSystem fs(QStringLiteral("96m"), 400);
        QVERIFY(fs.mounted());

        // A data folder with incompressible uploads, so that an archive needs real room.
        auto fx = test::makeDataFolder(2000, 10);
        const QString data = fs.path() + QStringLiteral("/data");
        QCOMPARE(QProcess::execute(QStringLiteral("cp"), { QStringLiteral("-a"), fx.dataDir(), data }), 0);
        const DataFolder f(data);
        for (int i = 0; i < 12; ++i) {
            QFile upload(f.filesDir() + QStringLiteral("/2024/photo%1.jpg").arg(i));
            QVERIFY(QDir().mkpath(QFileInfo(upload).absolutePath()));
            QVERIFY(upload.open(QIODevice::WriteOnly));
            QByteArray noise(160 * 1024, Qt::Uninitialized);
            QRandomGenerator(quint32(i))
                .fillRange(reinterpret_cast<quint32*>(noise.data()), noise.size() / 4);
            upload.write(noise);
        }
        const QStringList folderArgs { QStringLiteral("--data-dir"), data };
        const auto created
            = test::runCli(QStringList { QStringLiteral("create"), QStringLiteral("--json") } + folderArgs);
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const QString backup = created.json()
                                   .value(QStringLiteral("backup"))
                                   .toObject()
                                   .value(QStringLiteral("filename"))
                                   .toString();
        QStringList args { operation };
        if (operation == QStringLiteral("stage-restore") || operation == QStringLiteral("drill"))
            args.append(backup);
        if (operation == QStringLiteral("restore-file"))
            args += QStringList { backup, QStringLiteral("files/2024/photo3.jpg") };
        if (operation == QStringLiteral("export"))
            args += QStringList { backup, QStringLiteral("--table"), QStringLiteral("notes"),
                QStringLiteral("--output"), fs.path() + QStringLiteral("/notes.json"),
                QStringLiteral("--force") };
        if (operation == QStringLiteral("apply-restore"))
            QCOMPARE(
                test::runCli(QStringList { QStringLiteral("stage-restore"), backup } + folderArgs).exitCode,
                0);
        QString imported;
        if (operation == QStringLiteral("upload")) {
            imported = fs.path() + QStringLiteral("/incoming.zip");
            QVERIFY(QFile::copy(f.backupPath(backup), imported));
            QVERIFY(QFile::remove(f.backupPath(backup)));
            args.append(imported);
        }
        args += folderArgs;

        const QStringList before = liveState(f);
        const QStringList backupsBefore
            = QDir(f.backupsDir())
                  .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
        Filler filler(fs.path());
        QStringList env;
        if (fill == QStringLiteral("before")) {
            filler.blocks(0);
        } else if (fill == QStringLiteral("during")) {
            // The free-space check is told there is plenty: the writes themselves meet the wall.
            filler.blocks(96 * 1024);
            env.append(QStringLiteral("FCB_TEST_FREE_BYTES=1000000000000"));
        } else {
            // Room for the lock file, or for what each step makes next.
            filler.inodes(operation == QStringLiteral("create") ? 1
                    : operation == QStringLiteral("upload")     ? 0
                                                                : 3);
        }

        const auto refused = test::runCli(args, env);
        if (refused.exitCode == 0 && operation == QStringLiteral("apply-restore")
            && fill != QStringLiteral("inodes")) {
            // On one file system an apply is renames and hard links: it may need no new room.
        } else {
            QVERIFY2(refused.exitCode == ExitCode::Io, refused.err.constData());
            const bool named = refused.err.contains("No space left on device")
                || refused.err.contains("Not enough free space");
            QVERIFY2(named, refused.err.constData());
            QVERIFY2(!refused.err.contains("Unknown error"), refused.err.constData());
            // Nothing changed that a server would read, and nothing of ours is left behind.
            QCOMPARE(liveState(f), before);
            QCOMPARE(QDir(f.backupsDir())
                         .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name),
                backupsBefore);
            const QStringList ours = test::toolLeftovers(data);
            QVERIFY2(ours.isEmpty(), qPrintable(ours.join(QLatin1Char(' '))));
        }

        // Space is back: the same command succeeds.
        filler.release();
        if (refused.exitCode != 0) {
            const auto again = test::runCli(args);
            QVERIFY2(again.exitCode == 0, again.err.constData());
        }
        QVERIFY2(test::toolLeftovers(data).isEmpty(),
            qPrintable(test::toolLeftovers(data).join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
