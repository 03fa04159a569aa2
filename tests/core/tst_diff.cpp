// diff: a backup against the live data (read in one transaction while a second process writes)
// or a second backup; per table by primary key (rowid and WITHOUT ROWID tables) or as whole
// rows, schema changes, uploads by size and CRC-32; and the command-line tool's diff.
#include "TestSupport.h"
#include "local/LocalEngine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <sqlite3.h>

using namespace fcb;

namespace {

const TableDiff* table(const DiffReport& report, const QString& name)
{
    for (const TableDiff& t : report.tables)
        if (t.name == name)
            return &t;
    return nullptr;
}

const SchemaChange* schemaChange(const DiffReport& report, const QString& name)
{
    for (const SchemaChange& s : report.schema)
        if (s.name == name)
            return &s;
    return nullptr;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

qint64 newestTick(const QString& dbPath)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(dbPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT max(id) FROM ticks", -1, &stmt, nullptr);
    const qint64 id = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return id;
}

// The data folder's files, but the WAL and shared-memory files any reader of a WAL database
// may create.
QStringList liveDigest(const QString& dir)
{
    QStringList digest = test::treeDigest(dir);
    digest.removeIf([](const QString& line) { return line.contains(QStringLiteral("app.db-")); });
    return digest;
}

QString message(const Result<DiffReport>& r)
{
    return r ? QString() : r.error().message + QStringLiteral(" / ") + r.error().detail;
}

} // namespace

class TestDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tablesByKeyAndAsWholeRows()
    {
        auto fx = test::makeDataFolder(20, 2);
        const QString db = fx.folder.dbPath();
        test::execSql(db,
            "CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;"
            "INSERT INTO kv VALUES ('a', '1'), ('b', '2'), ('c', '3');"
            "CREATE TABLE loose (a, b);"
            "INSERT INTO loose VALUES (1, 'x'), (1, 'x'), (2, 'y');"
            "CREATE TABLE big (id INTEGER PRIMARY KEY, body TEXT);"
            "INSERT INTO big VALUES (1, 'short');"
            "CREATE TABLE gone (id INTEGER PRIMARY KEY); INSERT INTO gone VALUES (1), (2);"
            "CREATE INDEX kv_v ON kv (v);"
            "CREATE VIEW v1 AS SELECT * FROM kv;"
            "CREATE TRIGGER t1 AFTER INSERT ON big BEGIN SELECT 1; END;");
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        // Since the backup: rows added, deleted and changed; one of two equal rows gone.
        test::execSql(db,
            "INSERT INTO notes (marker, body) VALUES ('m', 'n1'), ('m', 'n2'), ('m', 'n3');"
            "DELETE FROM notes WHERE id IN (1, 2);"
            "UPDATE notes SET body = 'edited' WHERE id IN (3, 4, 5, 6);"
            "INSERT INTO kv VALUES ('d', '4'); DELETE FROM kv WHERE k = 'a'; UPDATE kv SET v = 'two' WHERE k "
            "= 'b';"
            "DELETE FROM loose WHERE rowid = 1; INSERT INTO loose VALUES (3, 'z');"
            "UPDATE big SET body = printf('%.*c', 500, 'q') WHERE id = 1;"
            "DROP TABLE gone; CREATE TABLE fresh (id INTEGER PRIMARY KEY); INSERT INTO fresh VALUES (7);"
            "DROP INDEX kv_v; CREATE VIEW v2 AS SELECT 1;"
            "DROP TRIGGER t1; CREATE TRIGGER t1 AFTER INSERT ON big BEGIN SELECT 2; END;"
            "ALTER TABLE notes ADD COLUMN extra TEXT;");
        const auto before = liveDigest(fx.dataDir());

        const auto r = engine.diff({ created->backup.fileName }, task);
        QVERIFY2(r, qPrintable(message(r)));
        QVERIFY(!r->identical());
        const TableDiff* notes = table(*r, QStringLiteral("notes"));
        QVERIFY(notes);
        QCOMPARE(notes->key, QStringList { QStringLiteral("id") });
        QCOMPARE(notes->onlyInOther, 3);
        QCOMPARE(notes->onlyInBackup, 2);
        QCOMPARE(notes->changed, 4);
        const TableDiff* kv = table(*r, QStringLiteral("kv"));
        QVERIFY(kv);
        QCOMPARE(kv->key, QStringList { QStringLiteral("k") });
        QCOMPARE(kv->onlyInOther, 1);
        QCOMPARE(kv->onlyInBackup, 1);
        QCOMPARE(kv->changed, 1);
        const TableDiff* loose = table(*r, QStringLiteral("loose"));
        QVERIFY(loose);
        QVERIFY(loose->key.isEmpty());
        QCOMPARE(loose->onlyInBackup, 1); // one of the two (1, 'x')
        QCOMPARE(loose->onlyInOther, 1);
        QCOMPARE(loose->changed, 0);
        QCOMPARE(table(*r, QStringLiteral("gone"))->inOther, false);
        QCOMPARE(table(*r, QStringLiteral("gone"))->onlyInBackup, 2);
        QCOMPARE(table(*r, QStringLiteral("fresh"))->inBackup, false);
        QCOMPARE(table(*r, QStringLiteral("fresh"))->onlyInOther, 1);

        QCOMPARE(schemaChange(*r, QStringLiteral("kv_v"))->kind, SchemaChange::Kind::Removed);
        QCOMPARE(schemaChange(*r, QStringLiteral("v2"))->kind, SchemaChange::Kind::Added);
        QCOMPARE(schemaChange(*r, QStringLiteral("t1"))->kind, SchemaChange::Kind::Changed);
        QCOMPARE(
            schemaChange(*r, QStringLiteral("notes"))->columnsAdded, QStringList { QStringLiteral("extra") });
        QVERIFY(!schemaChange(*r, QStringLiteral("v1")));
        QVERIFY(!schemaChange(*r, QStringLiteral("kv")));
        // The live data is only read.
        QCOMPARE(liveDigest(fx.dataDir()), before);
        QVERIFY(test::toolLeftovers(fx.dataDir()).isEmpty());
    }

    void rowsArePagedWithChangedColumns()
    {
        auto fx = test::makeDataFolder(30, 1);
        const QString db = fx.folder.dbPath();
        test::execSql(db,
            "CREATE TABLE big (id INTEGER PRIMARY KEY, body TEXT, n INTEGER);"
            "INSERT INTO big VALUES (1, 'short', 1), (2, 'same', 2);");
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        test::execSql(db,
            "UPDATE big SET body = printf('%.*c', 500, 'q'), n = 1 WHERE id = 1;"
            "DELETE FROM notes WHERE id <= 25;");

        DiffRequest request { created->backup.fileName };
        request.table = QStringLiteral("big");
        auto r = engine.diff(request, task);
        QVERIFY2(r, qPrintable(message(r)));
        QVERIFY(r->rows);
        QCOMPARE(r->rows->total, 1);
        const RowDiff& row = r->rows->rows.value(0);
        QCOMPARE(row.kind, RowDiff::Kind::Changed);
        QCOMPARE(row.key.value(QStringLiteral("id")).toInteger(), 1);
        QCOMPARE(row.columns.size(), 1); // n is unchanged
        QCOMPARE(row.columns[0].column, QStringLiteral("body"));
        QCOMPARE(row.columns[0].backupValue.toString(), QStringLiteral("short"));
        const QString shortened = row.columns[0].otherValue.toString();
        QVERIFY2(shortened.startsWith(QString(200, u'q')) && shortened.size() < 260, qPrintable(shortened));

        request.table = QStringLiteral("notes");
        request.perPage = 10;
        request.page = 3;
        r = engine.diff(request, task);
        QVERIFY2(r, qPrintable(message(r)));
        QCOMPARE(r->rows->total, 25);
        QCOMPARE(r->rows->rows.size(), 5);
        for (const RowDiff& deleted : std::as_const(r->rows->rows))
            QCOMPARE(deleted.kind, RowDiff::Kind::OnlyInBackup);

        request.table = QStringLiteral("no_such_table");
        r = engine.diff(request, task);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotFound);
    }

    void uploadsBySizeAndCrc()
    {
        auto fx = test::makeDataFolder(5, 0);
        const QString files = fx.folder.filesDir();
        writeFile(files + QStringLiteral("/a/keep.txt"), "unchanged");
        writeFile(files + QStringLiteral("/a/gone.bin"), QByteArray(1000, 'g'));
        writeFile(files + QStringLiteral("/b/same-size.txt"), "abcdef");
        writeFile(files + QStringLiteral("/b/grows.txt"), "small");
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        QVERIFY(QFile::remove(files + QStringLiteral("/a/gone.bin")));
        writeFile(files + QStringLiteral("/b/same-size.txt"), "abcdeX"); // same size, other CRC
        writeFile(files + QStringLiteral("/b/grows.txt"), "larger now");
        writeFile(files + QStringLiteral("/c/new.txt"), QByteArray(300, 'n'));

        const auto r = engine.diff({ created->backup.fileName }, task);
        QVERIFY2(r, qPrintable(message(r)));
        QCOMPARE(r->filesOnlyInBackup, 1);
        QCOMPARE(r->bytesOnlyInBackup, 1000);
        QCOMPARE(r->filesOnlyInOther, 1);
        QCOMPARE(r->bytesOnlyInOther, 300);
        QCOMPARE(r->filesChanged, 2);
        QStringList changed;
        for (const FileDiff& f : r->files)
            if (f.kind == FileDiff::Kind::Changed)
                changed.append(f.path);
        QCOMPARE(changed,
            (QStringList { QStringLiteral("files/b/grows.txt"), QStringLiteral("files/b/same-size.txt") }));
        QCOMPARE(r->filesCompared, 3);
    }

    void twoBackups()
    {
        auto fx = test::makeDataFolder(10, 1);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto first = engine.create({}, task);
        QVERIFY(first);
        test::execSql(fx.folder.dbPath(), "INSERT INTO notes (marker, body) VALUES ('m', 'later');");
        writeFile(fx.folder.filesDir() + QStringLiteral("/later.txt"), "later");
        QTest::qWait(1100); // a second, later name
        const auto second = engine.create({}, task);
        QVERIFY(second);
        test::execSql(fx.folder.dbPath(), "DELETE FROM notes;"); // the live data plays no part

        DiffRequest request { first->backup.fileName, second->backup.fileName };
        const auto r = engine.diff(request, task);
        QVERIFY2(r, qPrintable(message(r)));
        QCOMPARE(table(*r, QStringLiteral("notes"))->onlyInOther, 1);
        QCOMPARE(table(*r, QStringLiteral("notes"))->onlyInBackup, 0);
        QCOMPARE(r->filesOnlyInOther, 1);
        request.against = first->backup.fileName;
        const auto same = engine.diff(request, task);
        QVERIFY2(same, qPrintable(message(same)));
        QVERIFY(same->identical());
    }

    // The live database is read in one read transaction: while a second process commits all
    // along, the row counts and the differences agree with each other exactly, and the writer
    // is never held up.
    void consistentWhileAnotherProcessWrites()
    {
        auto fx = test::makeDataFolder(10, 1);
        const QString db = fx.folder.dbPath();
        test::execSql(db,
            "CREATE TABLE ticks (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);"
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
            "INSERT INTO ticks SELECT i, printf('%.*c', 200, 'x') FROM n;");
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        test::execSql(db, "DELETE FROM ticks WHERE id % 7 = 0;");
        QProcess writer;
        QVERIFY(test::startWriter(writer, db, "\n20100\n"));
        for (int run = 0; run < 5; ++run) {
            // The writer prints every id: its pipe must not fill up, or it stops writing.
            for (int drain = 0; drain < 5 && writer.waitForReadyRead(20); ++drain)
                writer.readAllStandardOutput();
            const qint64 first = newestTick(db);
            const auto r = engine.diff({ created->backup.fileName }, task);
            const qint64 last = newestTick(db);
            QVERIFY2(r, qPrintable(message(r)));
            const TableDiff* ticks = table(*r, QStringLiteral("ticks"));
            QVERIFY(ticks);
            QVERIFY(ticks->onlyInOther > 0);
            QCOMPARE(ticks->onlyInBackup, 20000 / 7);
            QCOMPARE(ticks->otherRows, ticks->backupRows - ticks->onlyInBackup + ticks->onlyInOther);
            // The writer went on committing while the diff read.
            QVERIFY2(last > first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
        }
        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished(20000));
    }

    void damagedAndMissing()
    {
        auto fx = test::makeDataFolder(5, 1);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        // A database entry whose bytes do not match its CRC.
        const QString path = fx.folder.backupPath(created->backup.fileName);
        QByteArray bytes = test::fileBytes(path);
        const qsizetype at = bytes.indexOf("database.db") + 11 + 200;
        bytes[at] = char(bytes[at] ^ 0x55);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes);
        out.close();
        auto r = engine.diff({ created->backup.fileName }, task);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::BadArchive);

        // An archive without a database, and one that names a file twice.
        test::writeZip(fx.folder.backupPath(QStringLiteral("backup_20200101_000000.zip")),
            { { QStringLiteral("files/a.txt"), "a" } });
        r = engine.diff({ QStringLiteral("backup_20200101_000000.zip") }, task);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::BadArchive);
        test::writeZip(fx.folder.backupPath(QStringLiteral("backup_20200102_000000.zip")),
            { { QStringLiteral("database.db"), test::sqliteBytes() }, { QStringLiteral("files/a.txt"), "a" },
                { QStringLiteral("files/a.txt"), "b" } });
        r = engine.diff({ QStringLiteral("backup_20200102_000000.zip") }, task);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::BadArchive);

        r = engine.diff({ QStringLiteral("backup_19990101_000000.zip") }, task);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotFound);

        SilentTaskContext cancelled;
        cancelled.cancel();
        r = engine.diff({ created->backup.fileName }, cancelled);
        QVERIFY(!r);
        QVERIFY(test::toolLeftovers(fx.dataDir()).isEmpty());
    }

    void exportRowsForReview()
    {
        auto fx = test::makeDataFolder(5, 0);
        const QString db = fx.folder.dbPath();
        test::execSql(db,
            "CREATE TABLE items (id TEXT PRIMARY KEY, note TEXT, pic BLOB, price REAL);"
            "INSERT INTO items VALUES ('a', 'plain', x'00ff', 1.5), ('b', 'comma, \"quote\"\nline', NULL, 2),"
            "('c', 'it''s', x'', -0.1);"
            "CREATE TABLE pair (x, y, v, PRIMARY KEY (x, y));");
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        test::execSql(db, "DELETE FROM items;"); // the backup's rows, not the live ones
        QTemporaryDir out;

        // SQL: applied by hand to an empty table, it gives back exactly the backup's rows.
        ExportRequest request { created->backup.fileName, QStringLiteral("items") };
        request.format = ExportRequest::Format::Sql;
        request.outputPath = out.filePath(QStringLiteral("items.sql"));
        auto r = engine.exportRows(request, task);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->rows, 3);
        QCOMPARE(
            QFileInfo(request.outputPath).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
            QFileDevice::Permissions());
        const QString target = out.filePath(QStringLiteral("target.db"));
        test::execSql(target, "CREATE TABLE items (id TEXT PRIMARY KEY, note TEXT, pic BLOB, price REAL);");
        test::execSql(target, test::fileBytes(request.outputPath).constData());
        QCOMPARE(test::countRows(target, QStringLiteral("items")), 3);
        sqlite3* check = nullptr;
        sqlite3_open(target.toUtf8().constData(), &check);
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(check,
            "SELECT count(*) FROM items WHERE (id = 'a' AND pic = x'00ff' AND price = 1.5) OR "
            "(id = 'b' AND note = 'comma, \"quote\"' || char(10) || 'line' AND pic IS NULL) OR (id = 'c' AND "
            "note = 'it''s')",
            -1, &stmt, nullptr);
        QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(stmt, 0), 3);
        sqlite3_finalize(stmt);
        sqlite3_close(check);

        // JSON and CSV, by key; a key the backup lacks is reported.
        request.format = ExportRequest::Format::Json;
        request.keys = { QStringLiteral("a"), QStringLiteral("zz") };
        request.outputPath = out.filePath(QStringLiteral("items.json"));
        r = engine.exportRows(request, task);
        QVERIFY(r);
        QCOMPARE(r->rows, 1);
        QCOMPARE(r->missingKeys, QStringList { QStringLiteral("zz") });
        const QJsonArray rows = QJsonDocument::fromJson(test::fileBytes(request.outputPath)).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0]
                     .toObject()
                     .value(QStringLiteral("pic"))
                     .toObject()
                     .value(QStringLiteral("base64"))
                     .toString(),
            QStringLiteral("AP8="));
        request.format = ExportRequest::Format::Csv;
        request.keys = { QStringLiteral("b") };
        request.outputPath = out.filePath(QStringLiteral("items.csv"));
        QVERIFY(engine.exportRows(request, task));
        QCOMPARE(test::fileBytes(request.outputPath),
            QByteArray("id,note,pic,price\r\nb,\"comma, \"\"quote\"\"\nline\",,2\r\n"));

        request.table = QStringLiteral("pair");
        r = engine.exportRows(request, task);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Usage);
        request.table = QStringLiteral("nope");
        r = engine.exportRows(request, task);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        QCOMPARE(test::countRows(db, QStringLiteral("items")), 0);
        QVERIFY(test::toolLeftovers(fx.dataDir()).isEmpty());

        // The tool: rows on standard output without --output; --json needs --output.
        auto run = test::runCli(
            QStringList { QStringLiteral("export"), created->backup.fileName, QStringLiteral("--table"),
                QStringLiteral("items"), QStringLiteral("--format"), QStringLiteral("csv") }
            + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("id,note,pic,price\r\na,plain,AP8=,1.5\r\n"), run.out.constData());
        run = test::runCli(QStringList { QStringLiteral("export"), created->backup.fileName,
                               QStringLiteral("--table"), QStringLiteral("items"), QStringLiteral("--json") }
            + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, ExitCode::Usage);
        run = test::runCli(
            QStringList { QStringLiteral("export"), created->backup.fileName, QStringLiteral("--table"),
                QStringLiteral("items"), QStringLiteral("--output"), out.path(), QStringLiteral("--json") }
            + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, ExitCode::Conflict); // items.json is there already
        run = test::runCli(QStringList { QStringLiteral("export"), created->backup.fileName,
                               QStringLiteral("--table"), QStringLiteral("items"), QStringLiteral("--output"),
                               out.path(), QStringLiteral("--force"), QStringLiteral("--json") }
            + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("rows")).toInt(), 3);
    }

    void commandLine()
    {
        auto fx = test::makeDataFolder(8, 1);
        auto run = test::runCli(
            QStringList { QStringLiteral("create"), QStringLiteral("--json") } + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, 0);
        const QString name = run.json()
                                 .value(QStringLiteral("backup"))
                                 .toObject()
                                 .value(QStringLiteral("filename"))
                                 .toString();
        run = test::runCli(QStringList { QStringLiteral("diff"), name } + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("hold the same records and uploads"), run.out.constData());

        test::execSql(
            fx.folder.dbPath(), "DELETE FROM notes WHERE id < 4; UPDATE notes SET body = 'x' WHERE id = 5;");
        run = test::runCli(QStringList { QStringLiteral("diff"), name } + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("notes: 3 deleted since, 1 changed"), run.out.constData());

        run = test::runCli(QStringList { QStringLiteral("diff"), name, QStringLiteral("--table"),
                               QStringLiteral("notes"), QStringLiteral("--rows"), QStringLiteral("--json") }
            + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        QCOMPARE(json.value(QStringLiteral("against")).toString(), QStringLiteral("live"));
        QCOMPARE(json.value(QStringLiteral("tables")).toArray().size(), 1);
        const QJsonObject rows = json.value(QStringLiteral("rows")).toObject();
        QCOMPARE(rows.value(QStringLiteral("total")).toInt(), 4);
        const QJsonArray list = rows.value(QStringLiteral("rows")).toArray();
        QCOMPARE(list.size(), 4);
        QCOMPARE(
            list.last().toObject().value(QStringLiteral("change")).toString(), QStringLiteral("changed"));
        QCOMPARE(list.last()
                     .toObject()
                     .value(QStringLiteral("columns"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("other")),
            QJsonValue(QStringLiteral("x")));

        run = test::runCli(
            QStringList { QStringLiteral("diff"), name, QStringLiteral("--rows") } + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, ExitCode::Usage);
        run = test::runCli(
            QStringList { QStringLiteral("list"), QStringLiteral("--against"), name } + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, ExitCode::Usage);
        run = test::runCli(QStringList { QStringLiteral("diff"), name, QStringLiteral("--against"),
                               QStringLiteral("../x.zip") }
            + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, ExitCode::Usage);
        run = test::runCli(QStringList { QStringLiteral("diff"), name, QStringLiteral("--table"),
                               QStringLiteral("nope"), QStringLiteral("--json") }
            + fx.cliFolderArgs());
        QCOMPARE(run.exitCode, ExitCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestDiff)
#include "tst_diff.moc"
