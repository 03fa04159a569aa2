// Restore drills: a backup restored into a throw-away folder and checked end to end, locally,
// through the command-line tool, with the result kept for the console.
#include "TestSupport.h"
#include "drill/Drill.h"
#include "local/LocalEngine.h"

#include <QDir>
#include <QJsonArray>
#include <QTest>

#include <sqlite3.h>

using namespace fcb;

namespace {

QStringList leftovers(const QString& dir)
{
    return QDir(dir).entryList(
        { QStringLiteral(".fcb-drill-*") }, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestDrill : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        // The drill store lives under XDG_DATA_HOME: a private one for these tests.
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("share")).toUtf8());
    }

    void soundBackupRestoresWithRowCounts()
    {
        auto fx = test::makeDataFolder(37, 5);
        test::execSql(fx.folder.dbPath(),
            "CREATE TABLE \"odd \"\"name\"(x); INSERT INTO \"odd \"\"name\" VALUES (1), (2);");
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        const auto report = engine.drill(created->backup.fileName, task);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY2(report->ok(), qPrintable(report->problems().join(QLatin1Char('\n'))));
        QHash<QString, qint64> rows;
        for (const DrillTable& t : report->tables)
            rows.insert(t.name, t.rows);
        QCOMPARE(rows.value(QStringLiteral("notes")), 37);
        QCOMPARE(rows.value(QStringLiteral("odd \"name")), 2);
        QCOMPARE(report->foreignKeyViolations, 0);
        QVERIFY(report->extractedFiles >= 5);
        QVERIFY(leftovers(fx.folder.backupsDir()).isEmpty());
    }

    void foreignKeyViolationFailsTheDrill()
    {
        auto fx = test::makeDataFolder(5, 1);
        test::execSql(fx.folder.dbPath(),
            "CREATE TABLE parent(id INTEGER PRIMARY KEY);"
            "CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id));"
            "INSERT INTO child VALUES (1, 42);");
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        // Verification alone does not look at foreign keys; the drill does.
        QVERIFY(engine.verify(created->backup.fileName, task)->ok());
        const auto report = engine.drill(created->backup.fileName, task);
        QVERIFY(report);
        QVERIFY(!report->ok());
        QCOMPARE(report->foreignKeyViolations, 1);
        QCOMPARE(report->foreignKeyTables, QStringList { QStringLiteral("child") });
        QVERIFY(leftovers(fx.folder.backupsDir()).isEmpty());
    }

    void damagedDatabaseFailsAndLeavesNothing()
    {
        auto fx = test::makeDataFolder(1, 1);
        QByteArray db = test::sqliteBytes();
        db.replace(db.size() - 600, 500, QByteArray(500, '\xAB')); // cells live at the end of pages
        const QString zip = fx.folder.backupPath(QStringLiteral("backup_20260101_000000.zip"));
        QDir().mkpath(fx.folder.backupsDir());
        test::writeZip(zip,
            { { QStringLiteral("database.db"), db },
                { QStringLiteral("metadata.json"),
                    R"({"created_at": "2026-01-01T00:00:00", "version": "1.0", "includes": ["database", "files"]})" } });
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto report = engine.drill(QStringLiteral("backup_20260101_000000.zip"), task);
        QVERIFY(report);
        QVERIFY(!report->ok());
        QVERIFY(report->tables.isEmpty());
        QVERIFY(leftovers(fx.folder.backupsDir()).isEmpty());
        QCOMPARE(engine.drill(QStringLiteral("backup_20300101_000000.zip"), task).error().code,
            ErrorCode::NotFound);
        QCOMPARE(engine.drill(QStringLiteral("../app.db"), task).error().code, ErrorCode::Usage);
    }

    void cancelledDrillLeavesNothing()
    {
        auto fx = test::makeDataFolder(20, 3);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        SilentTaskContext cancelled;
        cancelled.cancel();
        const auto report = engine.drill(created->backup.fileName, cancelled);
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Cancelled);
        QVERIFY(leftovers(fx.folder.backupsDir()).isEmpty());
    }

    void commandLineReportsAndRecords()
    {
        auto fx = test::makeDataFolder(12, 2);
        const QString env = QStringLiteral("XDG_DATA_HOME=") + m_home.filePath(QStringLiteral("cli"));
        QVERIFY(test::runCli(fx.cliFolderArgs() << QStringLiteral("create") << QStringLiteral("-q"), { env })
                    .exitCode
            == 0);
        const auto listed
            = test::runCli(fx.cliFolderArgs() << QStringLiteral("list") << QStringLiteral("--json"), { env });
        const QString name = listed.json()
                                 .value(QStringLiteral("items"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QStringLiteral("filename"))
                                 .toString();

        const auto run = test::runCli(
            fx.cliFolderArgs() << QStringLiteral("drill") << name << QStringLiteral("--json"), { env });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        QCOMPARE(json.value(QStringLiteral("restores")).toBool(), true);
        QJsonObject notes;
        for (const QJsonValue& t : json.value(QStringLiteral("tables")).toArray())
            if (t.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("notes"))
                notes = t.toObject();
        QCOMPARE(notes.value(QStringLiteral("rows")).toInt(), 12);

        // The result is kept per data folder, for the console's "Last verified" column.
        const DrillStore store(m_home.filePath(QStringLiteral("cli/fastcms-backup/drills.json")));
        const auto records = store.records(fx.dataDir());
        QVERIFY(records.contains(name));
        QVERIFY(records.value(name).ok);
        QVERIFY(qAbs(records.value(name).at.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        QCOMPARE(QFileInfo(m_home.filePath(QStringLiteral("cli/fastcms-backup/drills.json"))).permissions()
                & 0x0077,
            0);

        // A failed drill is exit 5 and is recorded as failed.
        const QString bad = fx.folder.backupPath(QStringLiteral("backup_20200101_000000.zip"));
        test::writeZip(
            bad, { { QStringLiteral("database.db"), QByteArray("not a database at all, really") } });
        const auto failed = test::runCli(
            fx.cliFolderArgs() << QStringLiteral("drill") << QStringLiteral("backup_20200101_000000"),
            { env });
        QCOMPARE(failed.exitCode, 5);
        QVERIFY(failed.out.contains("would NOT restore"));
        QVERIFY(!store.records(fx.dataDir()).value(QStringLiteral("backup_20200101_000000.zip")).ok);
        QVERIFY(store.records(fx.dataDir()).contains(QStringLiteral("backup_20200101_000000.zip")));

        // A damaged store is not overwritten (that would lose every other record).
        const QString path = m_home.filePath(QStringLiteral("cli/fastcms-backup/drills.json"));
        QFile damaged(path);
        QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        damaged.write("{\"truncated");
        damaged.close();
        DrillReport report;
        report.fileName = name;
        report.finishedAt = QDateTime::currentDateTimeUtc();
        QCOMPARE(DrillStore(path).record(fx.dataDir(), report).error().code, ErrorCode::Io);
        QCOMPARE(test::fileBytes(path), QByteArray("{\"truncated"));
    }
};

QTEST_GUILESS_MAIN(TestDrill)
#include "tst_drill.moc"
