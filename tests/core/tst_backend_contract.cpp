// One contract, two implementations: every test runs against a local data folder and against
// a FastCMS-like server (tests/support/fake_fastcms.py), through the Backend interface only.
#include "TestSupport.h"
#include "archive/BackupName.h"
#include "backend/LocalBackend.h"
#include "remote/RemoteBackend.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

#include <sqlite3.h>

using namespace fcb;

class TestBackendContract : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::FakeServer> m_server;
    std::unique_ptr<QTemporaryDir> m_templateDir;
    QString m_template;
    std::optional<test::DataFixture> m_local;
    QNetworkAccessManager m_network;
    QTemporaryDir m_stateDir;
    std::unique_ptr<Backend> m_backend;
    bool m_remote = false;

    // n backups named as the fake server names them (hourly from 2026-01-01 01:00 UTC).
    void seed(int n)
    {
        if (m_remote) {
            m_server->control({ { QStringLiteral("seed"), n } });
            return;
        }
        const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        for (int i = 1; i <= n; ++i)
            QVERIFY(QFile::copy(
                m_template, m_local->folder.backupPath(BackupName::forTime(base.addSecs(3600 * i)))));
    }
    static QString seeded(int i)
    {
        return BackupName::forTime(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(3600 * i));
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<bool>("remote");
        QTest::newRow("local") << false;
        QTest::newRow("remote") << true;
    }

    void initTestCase()
    {
        qputenv("XDG_DATA_HOME", m_stateDir.filePath(QStringLiteral("share")).toUtf8()); // the drill store
        m_server = std::make_unique<test::FakeServer>(
            QStringList { QStringLiteral("--download"), QStringLiteral("--upload") });
        QVERIFY(m_server->isRunning());
        auto fx = test::makeDataFolder(10, 3);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        m_templateDir = std::make_unique<QTemporaryDir>();
        m_template = m_templateDir->filePath(QStringLiteral("template.zip"));
        QVERIFY(QFile::copy(created->backup.path, m_template));
    }

    void init()
    {
        QFETCH_GLOBAL(bool, remote);
        m_remote = remote;
        if (remote) {
            m_server->control(
                { { QStringLiteral("clear"), true }, { QStringLiteral("fault"), QJsonValue() } });
            Credentials credentials;
            credentials.kind = Credentials::Kind::Password;
            credentials.email = QString::fromLatin1(test::FakeServer::adminEmail);
            credentials.password = QString::fromLatin1(test::FakeServer::adminPassword);
            RemoteOptions options;
            options.server = m_server->url();
            options.stateFile = m_stateDir.filePath(QStringLiteral("servers.json"));
            QFile::remove(options.stateFile);
            auto* session = new RemoteSession(&m_network, options, credentials, &m_network);
            m_backend = std::make_unique<RemoteBackend>(session, RemoteStateStore(options.stateFile));
        } else {
            m_local.emplace(test::makeDataFolder(10, 3));
            m_backend = std::make_unique<LocalBackend>(LocalEngine(m_local->folder));
        }
    }

    void cleanup()
    {
        m_backend.reset();
        m_local.reset();
    }

    void emptyFolderHasOnePage()
    {
        const auto page = test::await(m_backend->list(1, 20).future);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
        QCOMPARE(page->total, 0);
        QCOMPARE(page->totalPages, 1);
        QVERIFY(page->items.isEmpty());
    }

    void pagesAreNewestFirst()
    {
        seed(45);
        const auto first = test::await(m_backend->list(1, 20).future);
        QVERIFY(first);
        QCOMPARE(first->total, 45);
        QCOMPARE(first->totalPages, 3);
        QCOMPARE(first->items.size(), 20);
        QCOMPARE(first->items.first().fileName, seeded(45));
        for (int i = 1; i < first->items.size(); ++i)
            QVERIFY(first->items[i - 1].fileName > first->items[i].fileName);
        const auto third = test::await(m_backend->list(3, 20).future);
        QVERIFY(third);
        QCOMPARE(third->items.size(), 5);
        QCOMPARE(third->items.last().fileName, seeded(1));
        const auto past = test::await(m_backend->list(9, 20).future);
        QVERIFY(past && past->items.isEmpty());
        QCOMPARE(past->total, 45);
        QCOMPARE(test::await(m_backend->list(1, 0).future).error().code, ErrorCode::Usage);
    }

    void createdBackupIsListedFirst()
    {
        seed(2);
        const auto created = test::await(m_backend->create({}).future);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        QVERIFY(created->backup.fileName.startsWith(QStringLiteral("backup_")));
        QVERIFY(created->backup.sizeBytes > 0);
        const auto page = test::await(m_backend->list(1, 20).future);
        QVERIFY(page);
        QCOMPARE(page->total, 3);
        QCOMPARE(page->items.first().fileName, created->backup.fileName);
    }

    void deleteRemovesAndMissingIsNotFound()
    {
        seed(3);
        QVERIFY(test::await(m_backend->remove(seeded(2)).future));
        const auto page = test::await(m_backend->list(1, 20).future);
        QCOMPARE(page->total, 2);
        for (const BackupItem& item : page->items)
            QVERIFY(item.fileName != seeded(2));
        QCOMPARE(test::await(m_backend->remove(seeded(2)).future).error().code, ErrorCode::NotFound);
    }

    void malformedNamesAreRefused()
    {
        seed(1);
        const QString bad = QStringLiteral("../app.db");
        QCOMPARE(test::await(m_backend->remove(bad).future).error().code, ErrorCode::Usage);
        QCOMPARE(test::await(m_backend->stageRestore(bad).future).error().code, ErrorCode::Usage);
        QCOMPARE(
            test::await(m_backend->download(bad, QDir::tempPath()).future).error().code, ErrorCode::Usage);
    }

    void stagedRestoreIsPendingInStatus()
    {
        seed(3);
        const auto staged = test::await(m_backend->stageRestore(seeded(1)).future);
        QVERIFY2(staged, qPrintable(staged ? QString() : staged.error().message));
        QCOMPARE(staged->marker.backupFilename, seeded(1));
        const auto status = test::await(m_backend->status().future);
        QVERIFY(status);
        QVERIFY(status->restorePending);
        QCOMPARE(status->pendingBackup, seeded(1));
        QCOMPARE(status->backupCount, 3);
        QCOMPARE(status->newest->fileName, seeded(3));
        QCOMPARE(test::await(m_backend->stageRestore(seeded(9)).future).error().code, ErrorCode::NotFound);
        // Unstaging where the backend can; a clear "not supported" where it cannot.
        const auto caps = test::await(m_backend->capabilities().future);
        QVERIFY(caps);
        const auto unstaged = test::await(m_backend->unstageRestore().future);
        if (caps->unstage)
            QVERIFY(unstaged);
        else
            QCOMPARE(unstaged.error().code, ErrorCode::Unsupported);
    }

    void downloadsAreVerifiedCopies()
    {
        seed(2);
        QTemporaryDir target;
        const auto got = test::await(m_backend->download(seeded(2), target.path()).future);
        QVERIFY2(got, qPrintable(got ? QString() : got.error().message));
        QCOMPARE(got->path, target.filePath(seeded(2)));
        QVERIFY(got->report && got->report->ok());
        QCOMPARE(QFileInfo(got->path).size(), got->bytes);
        QCOMPARE(test::await(m_backend->download(seeded(2), target.path()).future).error().code,
            ErrorCode::Conflict);
        QCOMPARE(test::await(m_backend->download(seeded(7), target.path()).future).error().code,
            ErrorCode::NotFound);
        const auto verified = test::await(m_backend->verify(seeded(1)).future);
        QVERIFY(verified && verified->ok());
    }

    void drillsRestoreAndAreRecorded()
    {
        seed(2);
        const auto drilled = test::await(m_backend->drill(seeded(2)).future);
        QVERIFY2(drilled, qPrintable(drilled ? QString() : drilled.error().message));
        QVERIFY2(drilled->ok(), qPrintable(drilled->problems().join(QLatin1Char('\n'))));
        QCOMPARE(drilled->fileName, seeded(2));
        bool counted = false;
        for (const DrillTable& t : drilled->tables)
            counted = counted || (t.name == QStringLiteral("notes") && t.rows == (m_remote ? 20 : 10));
        QVERIFY(counted);
        const auto record = DrillStore().records(m_backend->describe()).value(seeded(2));
        QVERIFY(record.ok);
        QVERIFY(record.at.isValid());
        QCOMPARE(test::await(m_backend->drill(seeded(7)).future).error().code, ErrorCode::NotFound);
    }

    void diffsAndExportsReadInsideBackups()
    {
        seed(2);
        const auto caps = test::await(m_backend->capabilities().future);
        QVERIFY(caps);
        QVERIFY(caps->browse);
        QCOMPARE(caps->live, !m_remote);
        DiffRequest request { seeded(1), seeded(2) };
        request.table = QStringLiteral("notes");
        const auto same = test::await(m_backend->diff(request).future);
        QVERIFY2(same, qPrintable(same ? QString() : same.error().message));
        for (const TableDiff& t : same->tables)
            QVERIFY2(!t.differs(), qPrintable(t.name));
        QVERIFY(same->rows);
        QCOMPARE(same->rows->total, 0);
        QCOMPARE(same->filesChanged, m_remote ? 1 : 0); // the server's hello.txt names its backup
        // Against the live data: a server's is out of reach.
        if (m_remote) {
            QCOMPARE(test::await(m_backend->diff({ seeded(1) }).future).error().code, ErrorCode::Unsupported);
        } else {
            sqlite3* db = nullptr;
            QCOMPARE(sqlite3_open(m_local->folder.dbPath().toUtf8().constData(), &db), SQLITE_OK);
            QCOMPARE(sqlite3_exec(db, "DELETE FROM notes", nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(db);
            const auto live = test::await(m_backend->diff({ seeded(1) }).future);
            QVERIFY2(live, qPrintable(live ? QString() : live.error().message));
            bool deleted = false;
            for (const TableDiff& t : live->tables)
                deleted = deleted
                    || (t.name == QStringLiteral("notes") && t.onlyInBackup == 10 && t.otherRows == 0);
            QVERIFY(deleted);
        }
        QCOMPARE(
            test::await(m_backend->diff({ seeded(1), seeded(7) }).future).error().code, ErrorCode::NotFound);

        QTemporaryDir out;
        ExportRequest exportRequest { seeded(2), QStringLiteral("notes") };
        exportRequest.outputPath = out.filePath(QStringLiteral("notes.json"));
        const auto exported = test::await(m_backend->exportRows(exportRequest).future);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        QCOMPARE(exported->rows, m_remote ? 20 : 10);
        QCOMPARE(QJsonDocument::fromJson(test::fileBytes(exportRequest.outputPath)).array().size(),
            exported->rows);
    }

    void listsAndExtractsInsideBackups()
    {
        seed(1);
        const auto listing = test::await(m_backend->listArchive(seeded(1)).future);
        QVERIFY2(listing, qPrintable(listing ? QString() : listing.error().message));
        QString upload;
        bool database = false;
        for (const ListedEntry& e : listing->entries) {
            database = database || e.name == QStringLiteral("database.db");
            if (upload.isEmpty() && e.name.startsWith(QStringLiteral("files/")) && !e.isDirectory)
                upload = e.name;
        }
        QVERIFY(database);
        QVERIFY(!upload.isEmpty());
        QTemporaryDir out;
        const auto extracted
            = test::await(m_backend->extract(seeded(1), { upload }, out.path(), false).future);
        QVERIFY2(extracted, qPrintable(extracted ? QString() : extracted.error().message));
        QCOMPARE(extracted->written, QStringList { upload });
        QVERIFY(QFileInfo(out.filePath(upload)).isFile());
        QCOMPARE(
            test::await(m_backend->extract(seeded(1), { upload }, out.path(), false).future).error().code,
            ErrorCode::Conflict);
        QCOMPARE(test::await(m_backend->listArchive(seeded(7)).future).error().code, ErrorCode::NotFound);
    }

    void uploadsAreListed()
    {
        QTemporaryDir dir;
        const QString zip = dir.filePath(QStringLiteral("backup_20250101_000000.zip"));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("fastcms_backup_20261126_051757.zip")), zip));
        const auto uploaded = test::await(m_backend->upload(zip).future);
        QVERIFY2(uploaded, qPrintable(uploaded ? QString() : uploaded.error().message));
        QCOMPARE(uploaded->fileName, QStringLiteral("backup_20250101_000000.zip"));
        const auto page = test::await(m_backend->list(1, 20).future);
        QCOMPARE(page->total, 1);
        QCOMPARE(page->items.first().fileName, QStringLiteral("backup_20250101_000000.zip"));
    }
};

QTEST_GUILESS_MAIN(TestBackendContract)
#include "tst_backend_contract.moc"
