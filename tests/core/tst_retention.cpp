// Retention: calendar buckets combined with OR, weeks from Monday, the newest, pinned and staged
// backups always kept, reasons for every verdict; prune through the command-line tool, locally
// and against a server.
#include "TestSupport.h"
#include "archive/BackupName.h"
#include "local/LocalEngine.h"
#include "retention/Retention.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace fcb;

namespace {

BackupItem at(const QString& when)
{
    BackupItem item;
    item.created = QDateTime::fromString(when, Qt::ISODate);
    item.created.setTimeZone(QTimeZone::utc());
    item.fileName = BackupName::forTime(item.created);
    return item;
}

QHash<QString, RetentionDecision> byName(const QList<RetentionDecision>& decisions)
{
    QHash<QString, RetentionDecision> map;
    for (const RetentionDecision& d : decisions)
        map.insert(d.backup.fileName.mid(7, 15), d); // YYYYMMDD_HHMMSS
    return map;
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucketsCombineWithOr()
    {
        const QList<BackupItem> backups { at(QStringLiteral("2026-03-04T09:00:00")),
            at(QStringLiteral("2026-03-04T02:00:00")), at(QStringLiteral("2026-03-03T02:00:00")),
            at(QStringLiteral("2026-03-02T02:00:00")), at(QStringLiteral("2026-03-01T02:00:00")),
            at(QStringLiteral("2026-02-28T02:00:00")), at(QStringLiteral("2026-01-15T02:00:00")),
            at(QStringLiteral("2025-12-31T02:00:00")), at(QStringLiteral("2025-06-01T02:00:00")) };
        RetentionPolicy policy;
        policy.keepDaily = 3;
        policy.keepWeekly = 2;
        policy.keepMonthly = 3;
        policy.keepYearly = 2;
        const auto d = byName(decideRetention(backups, policy, {}));
        QCOMPARE(d[QStringLiteral("20260304_090000")].reasons,
            (QStringList { QStringLiteral("newest"), QStringLiteral("daily 1"), QStringLiteral("weekly 1"),
                QStringLiteral("monthly 1"), QStringLiteral("yearly 1") }));
        QVERIFY(!d[QStringLiteral("20260304_020000")].keep); // an older one of the same day
        QCOMPARE(d[QStringLiteral("20260303_020000")].reasons, QStringList { QStringLiteral("daily 2") });
        QCOMPARE(d[QStringLiteral("20260302_020000")].reasons, QStringList { QStringLiteral("daily 3") });
        // Monday 2 March starts a new week: Sunday 1 March is the newest of the week before.
        QCOMPARE(d[QStringLiteral("20260301_020000")].reasons, QStringList { QStringLiteral("weekly 2") });
        QCOMPARE(d[QStringLiteral("20260228_020000")].reasons, QStringList { QStringLiteral("monthly 2") });
        QCOMPARE(d[QStringLiteral("20260115_020000")].reasons, QStringList { QStringLiteral("monthly 3") });
        QCOMPARE(d[QStringLiteral("20251231_020000")].reasons, QStringList { QStringLiteral("yearly 2") });
        QVERIFY(!d[QStringLiteral("20250601_020000")].keep);
    }

    void newestPinnedStagedAndInvalidAreNeverDeleted()
    {
        QList<BackupItem> backups { at(QStringLiteral("2026-03-04T09:00:00")),
            at(QStringLiteral("2026-03-03T09:00:00")), at(QStringLiteral("2026-03-02T09:00:00")),
            at(QStringLiteral("2026-03-01T09:00:00")) };
        backups[1].staged = true;
        backups[2].valid = false;
        const auto d = byName(decideRetention(backups, RetentionPolicy {}, { backups[3].fileName }));
        QCOMPARE(d[QStringLiteral("20260304_090000")].reasons, QStringList { QStringLiteral("newest") });
        QCOMPARE(d[QStringLiteral("20260303_090000")].reasons,
            QStringList { QStringLiteral("staged for restore") });
        QVERIFY(d[QStringLiteral("20260302_090000")].keep);
        QCOMPARE(d[QStringLiteral("20260301_090000")].reasons, QStringList { QStringLiteral("pinned") });
        RetentionPolicy last;
        last.keepLast = 2;
        const auto l = decideRetention(backups, last, {});
        QCOMPARE(l[1].reasons.first(), QStringLiteral("last 2"));
        QCOMPARE(RetentionPolicy::recommended().keepDaily, 7);
        QCOMPARE(RetentionPolicy::recommended().keepWeekly, 4);
        QCOMPARE(RetentionPolicy::recommended().keepMonthly, 12);
    }

    void pruneThroughTheToolLocally()
    {
        auto fx = test::makeDataFolder(5, 1);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        // Ten daily backups in January, plus a second one on the last day (without metadata, so
        // their names tell their times).
        const QDateTime base(QDate(2026, 1, 10), QTime(2, 0), Qt::UTC);
        const QByteArray db = test::sqliteBytes();
        for (int day = 0; day < 10; ++day)
            test::writeZip(fx.folder.backupPath(BackupName::forTime(base.addDays(-day))),
                { { QStringLiteral("database.db"), db } });
        test::writeZip(fx.folder.backupPath(BackupName::forTime(base.addSecs(-3600))),
            { { QStringLiteral("database.db"), db } });
        QTemporaryDir pinsDir;
        const QString pins
            = QStringLiteral("FASTCMS_BACKUP_PINS_FILE=") + pinsDir.filePath(QStringLiteral("pins.json"));
        const QString oldest = BackupName::forTime(base.addDays(-9));
        QCOMPARE(test::runCli(QStringList { QStringLiteral("pin"), oldest } + fx.cliFolderArgs(), { pins })
                     .exitCode,
            0);

        auto run
            = test::runCli(QStringList { QStringLiteral("prune"), QStringLiteral("--dry-run"),
                               QStringLiteral("--keep-daily"), QStringLiteral("3"), QStringLiteral("--json") }
                    + fx.cliFolderArgs(),
                { pins });
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = run.json().value(QStringLiteral("decisions")).toArray();
        QCOMPARE(rows.size(), 12);
        int keep = 0;
        for (const QJsonValue& row : rows)
            keep += row.toObject().value(QStringLiteral("keep")).toBool();
        QCOMPARE(keep, 4); // daily 1 (the real newest, today) + daily 2, 3 + the pinned oldest
        QCOMPARE(LocalEngine(fx.folder).list(1, 50)->total, 12); // a dry run deletes nothing

        run = test::runCli(
            QStringList { QStringLiteral("prune"), QStringLiteral("--keep-daily"), QStringLiteral("3") }
                + fx.cliFolderArgs(),
            { pins });
        QCOMPARE(run.exitCode, 0);
        const auto left = LocalEngine(fx.folder).list(1, 50);
        QCOMPARE(left->total, 4);
        QStringList names;
        for (const BackupItem& item : left->items)
            names.append(item.fileName);
        QVERIFY(names.contains(created->backup.fileName));
        QVERIFY(names.contains(oldest));
        QVERIFY(names.contains(BackupName::forTime(base)));
        QVERIFY(!names.contains(BackupName::forTime(base.addSecs(-3600))));
    }

    void dryRunGivesTheReasonForEveryVerdict()
    {
        auto fx = test::makeDataFolder(5, 1);
        const QByteArray db = test::sqliteBytes();
        const auto name = [](const char* when) { return at(QString::fromLatin1(when)).fileName; };
        // Backups without metadata: their names tell their times (UTC).
        for (const char* when : { "2026-03-04T09:00:00", "2026-03-04T02:00:00", "2026-03-03T02:00:00",
                 "2026-02-10T02:00:00", "2026-02-05T02:00:00", "2025-12-31T02:00:00", "2025-11-01T02:00:00",
                 "2025-06-01T02:00:00", "2025-03-01T02:00:00" })
            test::writeZip(fx.folder.backupPath(name(when)), { { QStringLiteral("database.db"), db } });
        QFile junk(fx.folder.backupPath(name("2025-10-01T02:00:00")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a zip archive");
        junk.close();
        // The restore marker names one as staged; another is pinned.
        QFile marker(fx.folder.markerPath());
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("{\"backup_filename\": \"" + name("2025-11-01T02:00:00").toUtf8()
            + "\", \"requested_at\": \"2026-03-04T10:00:00\", \"staging_path\": "
              "\"data/backups/restore_staging\"}");
        marker.close();
        QTemporaryDir pinsDir;
        const QString pins
            = QStringLiteral("FASTCMS_BACKUP_PINS_FILE=") + pinsDir.filePath(QStringLiteral("pins.json"));
        QCOMPARE(test::runCli(
                     QStringList { QStringLiteral("pin"), name("2025-06-01T02:00:00") } + fx.cliFolderArgs(),
                     { pins })
                     .exitCode,
            0);
        const QStringList before = test::treeDigest(fx.folder.backupsDir());

        const struct
        {
            const char* when;
            bool keep;
            QStringList reasons;
        } expected[] = {
            { "2026-03-04T09:00:00", true,
                { QStringLiteral("newest"), QStringLiteral("last 1"), QStringLiteral("daily 1"),
                    QStringLiteral("weekly 1"), QStringLiteral("monthly 1"), QStringLiteral("yearly 1") } },
            { "2026-03-04T02:00:00", false, {} }, // an older one of the same day, week, month and year
            { "2026-03-03T02:00:00", true, { QStringLiteral("daily 2") } },
            { "2026-02-10T02:00:00", true, { QStringLiteral("monthly 2") } },
            { "2026-02-05T02:00:00", false, {} },
            { "2025-12-31T02:00:00", true, { QStringLiteral("yearly 2") } },
            { "2025-11-01T02:00:00", true, { QStringLiteral("staged for restore") } },
            { "2025-10-01T02:00:00", true, { QStringLiteral("not a valid backup: left alone") } },
            { "2025-06-01T02:00:00", true, { QStringLiteral("pinned") } },
            { "2025-03-01T02:00:00", false, {} },
        };
        const QStringList prune { QStringLiteral("prune"), QStringLiteral("--dry-run"),
            QStringLiteral("--keep-last"), QStringLiteral("1"), QStringLiteral("--keep-daily"),
            QStringLiteral("2"), QStringLiteral("--keep-weekly"), QStringLiteral("1"),
            QStringLiteral("--keep-monthly"), QStringLiteral("2"), QStringLiteral("--keep-yearly"),
            QStringLiteral("2") };

        auto run = test::runCli(prune + fx.cliFolderArgs(), { pins });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QString text;
        for (const auto& row : expected)
            text += (row.keep ? QStringLiteral("keep   ") : QStringLiteral("delete ")) + name(row.when)
                + (row.reasons.isEmpty()
                        ? QString()
                        : QStringLiteral("  (") + row.reasons.join(QStringLiteral(", ")) + QLatin1Char(')'))
                + QLatin1Char('\n');
        QCOMPARE(QString::fromUtf8(run.out), text);

        run = test::runCli(prune + QStringList { QStringLiteral("--json") } + fx.cliFolderArgs(), { pins });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("dry_run")).toBool(), true);
        const QJsonArray rows = run.json().value(QStringLiteral("decisions")).toArray();
        QCOMPARE(rows.size(), int(std::size(expected)));
        for (int i = 0; i < rows.size(); ++i) {
            const QJsonObject row = rows[i].toObject();
            QCOMPARE(row.value(QStringLiteral("filename")).toString(), name(expected[i].when));
            QCOMPARE(row.value(QStringLiteral("keep")).toBool(), expected[i].keep);
            QCOMPARE(row.value(QStringLiteral("reasons")).toVariant().toStringList(), expected[i].reasons);
        }
        QCOMPARE(test::treeDigest(fx.folder.backupsDir()), before); // a dry run deletes nothing
    }

    void pruneAServer()
    {
        test::FakeServer server;
        server.control({ { QStringLiteral("seed"), 30 } });
        QTemporaryDir dir;
        QFile key(dir.filePath(QStringLiteral("key")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(test::FakeServer::apiKey);
        key.close();
        const QStringList remote { QStringLiteral("--server"), server.url().toString(),
            QStringLiteral("--api-key-file"), key.fileName() };
        const QString env
            = QStringLiteral("FASTCMS_BACKUP_PINS_FILE=") + dir.filePath(QStringLiteral("pins.json"));
        // The server seeds one backup an hour from 2026-01-01 01:00 UTC: 01:00 to 06:00 the next day.
        QStringList seeded;
        for (int hour = 1; hour <= 30; ++hour)
            seeded.append(
                BackupName::forTime(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(hour * 3600)));
        const auto namesOnServer = [&server] {
            QStringList names;
            for (const QJsonValue& name : server.state().value(QStringLiteral("backups")).toArray())
                names.append(name.toString());
            names.sort();
            return names;
        };
        QCOMPARE(namesOnServer(), seeded);
        const auto run = test::runCli(
            QStringList { QStringLiteral("prune"), QStringLiteral("--keep-last"), QStringLiteral("5") }
                + remote,
            { env });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        // The five newest survive, and the 25 older ones were deleted, each by a request of its own.
        const QStringList kept = seeded.mid(25);
        QCOMPARE(kept.first(), QStringLiteral("backup_20260102_020000.zip"));
        QCOMPARE(kept.last(), QStringLiteral("backup_20260102_060000.zip"));
        QCOMPARE(namesOnServer(), kept);
        QStringList deleted;
        for (const QJsonValue& entry : server.state().value(QStringLiteral("log")).toArray()) {
            const QJsonArray request = entry.toArray();
            if (request.at(0).toString() != QStringLiteral("DELETE"))
                continue;
            QString name = request.at(1).toString().section(QLatin1Char('/'), -1);
            if (!name.endsWith(QStringLiteral(".zip")))
                name += QStringLiteral(".zip");
            deleted.append(name);
        }
        deleted.sort();
        QCOMPARE(deleted, seeded.mid(0, 25));
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
