#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QUrl>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>
#include <sqlite3.h>

#include <csignal>
#include <sys/resource.h>

namespace fcb::test {

namespace {
QString env(const char* name)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty())
        qFatal("%s is not set: run the tests through ctest", name);
    return value;
}

void execOrDie(sqlite3* db, const QString& sql)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK)
        qFatal("sqlite: %s", message);
}
} // namespace

QString cliPath()
{
    return env("FCB_CLI");
}

QString writerPath()
{
    return env("FCB_TEST_WRITER");
}

QString dataPath(const QString& name)
{
    return env("FCB_TEST_DATA") + QLatin1Char('/') + name;
}

QString scriptPath(const QString& name)
{
    return env("FCB_TEST_SCRIPTS") + QLatin1Char('/') + name;
}

QString python()
{
    return env("FCB_PYTHON");
}

QJsonObject CliRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

CliRun runProgram(const QString& program, const QStringList& args, const QStringList& extraEnv, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& pair : extraEnv)
        environment.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    process.setProcessEnvironment(environment);
    process.start(program, args);
    process.closeWriteChannel();
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.exitCode = -2;
    } else {
        run.exitCode = process.exitCode();
    }
    run.exitStatus = process.exitStatus();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CliRun runCli(const QStringList& args, const QStringList& extraEnv, int timeoutMs)
{
    return runProgram(cliPath(), args, extraEnv, timeoutMs);
}

CliRun runPython(const QStringList& args, int timeoutMs)
{
    QStringList all = args;
    all[0] = scriptPath(all[0]);
    return runProgram(python(), all, {}, timeoutMs);
}

void writeNotes(const QString& dbPath, int rows, const QString& marker)
{
    sqlite3* db = nullptr;
    sqlite3_open(QFile::encodeName(dbPath).constData(), &db);
    execOrDie(db,
        QStringLiteral("PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, "
                       "marker TEXT NOT NULL, body TEXT NOT NULL); DELETE FROM notes; BEGIN;"));
    for (int i = 0; i < rows; ++i)
        execOrDie(db,
            QStringLiteral("INSERT INTO notes (marker, body) VALUES ('%1', 'note %2 %3')")
                .arg(marker)
                .arg(i)
                .arg(QStringLiteral("lorem ipsum ").repeated(i % 7 + 1)));
    execOrDie(db, QStringLiteral("COMMIT"));
    sqlite3_close(db);
}

// Looks without touching: read-only and immutable, so a stale WAL beside the file is neither
// replayed nor removed before the test has seen the file as it is.
static sqlite3* openForInspection(const QString& dbPath)
{
    sqlite3* db = nullptr;
    const QByteArray uri = "file:" + QUrl::toPercentEncoding(dbPath, "/") + "?immutable=1";
    if (sqlite3_open_v2(uri.constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return nullptr;
    }
    return db;
}

QString noteMarker(const QString& dbPath)
{
    if (!QFile::exists(dbPath))
        return {};
    sqlite3* db = openForInspection(dbPath);
    if (!db) {
        sqlite3_close(db);
        return {};
    }
    sqlite3_stmt* stmt = nullptr;
    QString marker;
    if (sqlite3_prepare_v2(db, "SELECT group_concat(DISTINCT marker) FROM notes", -1, &stmt, nullptr)
            == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        marker = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return marker;
}

qint64 countRows(const QString& dbPath, const QString& table)
{
    sqlite3* db = QFile::exists(dbPath) ? openForInspection(dbPath) : nullptr;
    sqlite3_stmt* stmt = nullptr;
    qint64 count = -1;
    if (sqlite3_prepare_v2(
            db, QStringLiteral("SELECT count(*) FROM %1").arg(table).toUtf8().constData(), -1, &stmt, nullptr)
            == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW)
        count = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return count;
}

DataFixture makeDataFolder(int rows, int files, const QString& marker)
{
    DataFixture fixture;
    fixture.root = std::make_unique<QTemporaryDir>();
    const QString data = fixture.root->path() + QStringLiteral("/data");
    QDir().mkpath(data + QStringLiteral("/files"));
    QDir().mkpath(data + QStringLiteral("/backups"));
    fixture.folder = DataFolder(data);
    writeNotes(fixture.folder.dbPath(), rows, marker);
    for (int i = 0; i < files; ++i) {
        const QString dir = data
            + QStringLiteral("/files/%1/%2").arg(2020 + i % 4).arg(i % 12 + 1, 2, 10, QLatin1Char('0'));
        QDir().mkpath(dir);
        QFile file(dir + QStringLiteral("/%1_%2.txt").arg(marker).arg(i));
        file.open(QIODevice::WriteOnly);
        file.write(QStringLiteral("%1 upload %2\n").arg(marker).arg(i).repeated(50 + i).toUtf8());
    }
    if (files > 0) {
        QFile dot(data + QStringLiteral("/files/.") + marker + QStringLiteral("-hidden"));
        dot.open(QIODevice::WriteOnly);
        dot.write(marker.toUtf8());
    }
    return fixture;
}

QStringList treeDigest(const QString& dir)
{
    QStringList lines;
    const QDir root(dir);
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        lines.append(root.relativeFilePath(path) + QLatin1Char(':')
            + QString::fromLatin1(
                QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex()));
    }
    lines.sort();
    return lines;
}

QStringList toolLeftovers(const QString& root)
{
    QStringList found;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = it.fileName();
        if (name.contains(QStringLiteral(".fcb-")) || name.startsWith(QStringLiteral(".fastcms-backup")))
            found.append(QDir(root).relativeFilePath(path));
    }
    return found;
}

bool startCliAndWaitForLock(QProcess& process, const QStringList& args, const DataFixture& fx, int pauseMs)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FCB_TEST_PAUSE_AFTER_LOCK_MS"), QString::number(pauseMs));
    process.setProcessEnvironment(environment);
    process.start(cliPath(), args + fx.cliFolderArgs());
    if (!process.waitForStarted())
        return false;
    QElapsedTimer waited;
    waited.start();
    while (process.state() == QProcess::Running && waited.elapsed() < 60000) {
        const auto status
            = runCli(QStringList { QStringLiteral("status"), QStringLiteral("--json") } + fx.cliFolderArgs());
        if (status.json().value(QStringLiteral("lock_holder_pid")).toInteger() == process.processId())
            return true;
    }
    return false;
}

bool startWriter(QProcess& writer, const QString& db, const QByteArray& untilText)
{
    writer.start(writerPath(), { db });
    if (!writer.waitForStarted())
        return false;
    QByteArray out;
    QElapsedTimer waited;
    waited.start();
    while (!out.contains(untilText) && waited.elapsed() < 30000) {
        writer.waitForReadyRead(50);
        out += writer.readAllStandardOutput();
    }
    return out.contains(untilText);
}

FakeServer::FakeServer(const QStringList& options)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(python(), QStringList { scriptPath(QStringLiteral("fake_fastcms.py")) } + options);
    if (!m_process.waitForStarted(10000))
        return;
    QByteArray line;
    QElapsedTimer waited;
    waited.start();
    while (!line.contains('\n') && waited.elapsed() < 15000) {
        m_process.waitForReadyRead(100);
        line += m_process.readAllStandardOutput();
    }
    const QList<QByteArray> parts = line.trimmed().split(' ');
    if (parts.size() == 3 && parts[0] == "LISTENING") {
        m_port = parts[1].toInt();
        m_foreignPort = parts[2].toInt();
    }
}

FakeServer::~FakeServer()
{
    m_process.closeWriteChannel(); // the server stops when its stdin closes
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

QUrl FakeServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

static QByteArray curlLike(const QUrl& url, const QByteArray& post)
{
    // A plain blocking HTTP call for test control, outside the code under test.
    QProcess curl;
    QStringList args { QStringLiteral("-s"), QStringLiteral("--max-time"), QStringLiteral("10"),
        url.toString() };
    if (!post.isNull())
        args << QStringLiteral("-X") << QStringLiteral("POST") << QStringLiteral("--data-binary")
             << QString::fromUtf8(post);
    curl.start(QStringLiteral("curl"), args);
    curl.waitForFinished(15000);
    return curl.readAllStandardOutput();
}

void FakeServer::control(const QJsonObject& command)
{
    QUrl u = url();
    u.setPath(QStringLiteral("/__control"));
    curlLike(u, QJsonDocument(command).toJson(QJsonDocument::Compact));
}

QJsonObject FakeServer::state()
{
    QUrl u = url();
    u.setPath(QStringLiteral("/__control"));
    return QJsonDocument::fromJson(curlLike(u, QByteArray())).object();
}

bool makeSelfSignedCertificate(const QString& dir)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
            QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-days"), QStringLiteral("1"),
            QStringLiteral("-keyout"), dir + QStringLiteral("/key.pem"), QStringLiteral("-out"),
            dir + QStringLiteral("/cert.pem") });
    return openssl.waitForFinished(60000) && openssl.exitCode() == 0;
}

void writeZip(const QString& path, const QList<ZipEntrySpec>& entries)
{
    QuaZip zip(path);
    QVERIFY(zip.open(QuaZip::mdCreate));
    for (const ZipEntrySpec& entry : entries) {
        QuaZipNewInfo info(entry.name);
        info.externalAttr = entry.externalAttr;
        info.uncompressedSize = ulong(entry.data.size());
        QuaZipFile file(&zip);
        QVERIFY(
            file.open(QIODevice::WriteOnly, info, nullptr, 0, entry.deflate ? 8 : 0, entry.deflate ? 6 : 0));
        QCOMPARE(file.write(entry.data), entry.data.size());
        file.close();
    }
    zip.close();
    QCOMPARE(zip.getZipError(), 0);
}

QByteArray randomBytes(quint32 seed, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator(seed).fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray sqliteBytes(const QString& marker, bool walHeader)
{
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/db.sqlite");
    writeNotes(path, 5, marker);
    if (!walHeader) {
        sqlite3* db = nullptr;
        sqlite3_open(QFile::encodeName(path).constData(), &db);
        execOrDie(db, QStringLiteral("PRAGMA journal_mode=DELETE"));
        sqlite3_close(db);
    }
    return fileBytes(path);
}

FileSizeLimit::FileSizeLimit(qint64 bytes)
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_FSIZE, &limit) != 0)
        return;
    m_before = limit.rlim_cur;
    m_previous = std::signal(SIGXFSZ, SIG_IGN);
    m_changed = true;
    limit.rlim_cur = rlim_t(bytes);
    m_active = ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
}

FileSizeLimit::~FileSizeLimit()
{
    if (!m_changed)
        return;
    rlimit limit {};
    ::getrlimit(RLIMIT_FSIZE, &limit);
    limit.rlim_cur = rlim_t(m_before);
    ::setrlimit(RLIMIT_FSIZE, &limit);
    std::signal(SIGXFSZ, m_previous);
}

void execSql(const QString& dbPath, const char* sql)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(dbPath.toUtf8().constData(), &db), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    const QByteArray why = message ? QByteArray(message) : QByteArray();
    sqlite3_free(message);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, why.constData());
}

} // namespace fcb::test
