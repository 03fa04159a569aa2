#pragma once

#include "DataFolder.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

namespace fcb::test {

QString cliPath();
QString writerPath();
QString dataPath(const QString& name); // tests/data
QString scriptPath(const QString& name); // tests/support
QString python();

struct CliRun
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const;
};
// Runs program with args (stdin closed, not a terminal); extraEnv as NAME=value.
CliRun runProgram(const QString& program, const QStringList& args, const QStringList& extraEnv = {},
    int timeoutMs = 120000);
// Runs fastcms-backup the same way.
CliRun runCli(const QStringList& args, const QStringList& extraEnv = {}, int timeoutMs = 120000);
// Runs a script from tests/support with Debian's python3.
CliRun runPython(const QStringList& args, int timeoutMs = 120000);

// A data folder in a temporary directory: data/app.db (WAL, with a `notes` table holding
// `rows` rows) and data/files with `files` uploads in nested folders, one of them a dotfile.
struct DataFixture
{
    std::unique_ptr<QTemporaryDir> root;
    DataFolder folder;
    QString dataDir() const { return folder.dataDir(); }
    QStringList cliFolderArgs() const { return { QStringLiteral("--data-dir"), folder.dataDir() }; }
};
DataFixture makeDataFolder(int rows = 50, int files = 12, const QString& marker = QStringLiteral("old"));
// Rows of `notes` whose text is `marker`; used to tell an old database from a restored one.
void writeNotes(const QString& dbPath, int rows, const QString& marker);
QString noteMarker(const QString& dbPath); // the marker text the database holds, or "" if unreadable
qint64 countRows(const QString& dbPath, const QString& table);
// Runs SQL on a database with a connection of its own; fails the test when SQLite refuses it.
void execSql(const QString& dbPath, const char* sql);
// sorted "relative/path:sha256" lines for every regular file under dir
QStringList treeDigest(const QString& dir);
// Everything of the tool's own under root that an interrupted or failed operation could leave:
// temporary names (.fcb-…), the apply's names beside the data, the journal and the lock file.
QStringList toolLeftovers(const QString& root);

// Starts fastcms-backup with args, made to pause `pauseMs` right after it takes the folder's
// operation lock (a test hook), and returns once it holds the lock.
bool startCliAndWaitForLock(
    QProcess& process, const QStringList& args, const DataFixture& fx, int pauseMs = 4000);
// Starts fcb-test-writer on db and returns once it has printed `untilText` (e.g. "ready" or
// "\n300\n"): a second process that has the database open and commits into its WAL.
bool startWriter(QProcess& writer, const QString& db, const QByteArray& untilText);

// The FastCMS REST API of tests/support/fake_fastcms.py, on 127.0.0.1 with an ephemeral port,
// for as long as this object lives.
class FakeServer
{
public:
    static constexpr const char* adminEmail = "admin@example.org";
    static constexpr const char* adminPassword = "correct horse battery";
    static constexpr const char* editorEmail = "editor@example.org";
    static constexpr const char* editorPassword = "editor password";
    static constexpr const char* apiKey = "fcms_0a1b2c3d_00112233445566778899aabbccddeeff";

    explicit FakeServer(const QStringList& options = {});
    ~FakeServer();
    bool isRunning() const { return m_port > 0; }
    QUrl url() const;
    int foreignPort() const { return m_foreignPort; }
    // POST /__control: faults, seeding, switches (see fake_fastcms.py).
    void control(const QJsonObject& command);
    QJsonObject state();

private:
    QProcess m_process;
    int m_port = 0;
    int m_foreignPort = 0;
};

// A self-signed certificate and key for 127.0.0.1 in dir (openssl): for TLS failure tests.
bool makeSelfSignedCertificate(const QString& dir);

struct ZipEntrySpec
{
    QString name;
    QByteArray data;
    quint32 externalAttr = 0100644u << 16;
    bool deflate = true;
};
// Writes a zip with exactly these entries (for fixtures: FastCMS-like, hostile, damaged).
void writeZip(const QString& path, const QList<ZipEntrySpec>& entries);
QByteArray fileBytes(const QString& path);
// `size` bytes that do not compress, the same for the same seed.
QByteArray randomBytes(quint32 seed, qsizetype size);
// A minimal healthy SQLite database as bytes (optionally with a WAL-mode header, as FastCMS copies it).
QByteArray sqliteBytes(const QString& marker = QStringLiteral("zipped"), bool walHeader = true);

// A file size limit on this process while it lives, as a quota would set, with SIGXFSZ ignored
// as the programs do: writes past it fail with EFBIG instead of killing the test.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(qint64 bytes);
    ~FileSizeLimit();
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;
    bool active() const { return m_active; }

private:
    quint64 m_before = 0;
    void (*m_previous)(int) = nullptr;
    bool m_changed = false; // the limit and the signal are to be put back
    bool m_active = false;
};

// Waits for a job's future while the event loop runs (remote jobs finish on this thread).
template <typename T> T await(const QFuture<T>& future, int timeoutMs = 60000)
{
    QElapsedTimer waited;
    waited.start();
    while (!future.isFinished() && waited.elapsed() < timeoutMs)
        QTest::qWait(5);
    if (!future.isFinished())
        qFatal("a job did not finish within %d ms", timeoutMs);
    return future.result();
}

} // namespace fcb::test
