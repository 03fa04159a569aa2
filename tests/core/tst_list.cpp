// Listing: pages newest first, invalid archives shown and marked, and only the page's own
// archives opened however many backups the folder holds.
#include "TestSupport.h"
#include "archive/BackupName.h"
#include "local/BackupScan.h"
#include "local/LocalEngine.h"

#include <QDir>
#include <QSet>
#include <QTest>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <functional>

#include <sys/inotify.h>
#include <unistd.h>
#include <utime.h>

using namespace fcb;

namespace {

// The names of the files in dir that were opened while work ran, as the kernel reports them
// (inotify): a count of what the listing read that does not rest on the listing's own word.
// Empty with *overflowed set when more were opened than the kernel's queue holds.
QSet<QString> filesOpenedDuring(const QString& dir, const std::function<void()>& work, bool* overflowed)
{
    *overflowed = false;
    QSet<QString> names;
    const int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0 || ::inotify_add_watch(fd, QFile::encodeName(dir).constData(), IN_OPEN) < 0)
        qFatal("inotify: %s", std::strerror(errno));
    work();
    // The events were queued as the files were opened: all of them are there once work returns.
    alignas(inotify_event) char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got <= 0)
            break;
        for (ssize_t at = 0; at < got;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            if (event->mask & IN_Q_OVERFLOW)
                *overflowed = true;
            else if (event->len > 0 && !(event->mask & IN_ISDIR))
                names.insert(QFile::decodeName(event->name));
            at += ssize_t(sizeof(inotify_event) + event->len);
        }
    }
    ::close(fd);
    return names;
}

} // namespace

class TestList : public QObject
{
    Q_OBJECT

    QString m_template; // one real backup, copied under many names

private Q_SLOTS:
    void initTestCase()
    {
        m_templateDir = std::make_unique<QTemporaryDir>();
        auto fx = test::makeDataFolder(5, 2);
        LocalEngine engine(fx.folder);
        SilentTaskContext task;
        const auto created = engine.create({}, task);
        QVERIFY(created);
        m_template = m_templateDir->path() + QStringLiteral("/template.zip");
        QVERIFY(QFile::copy(created->backup.path, m_template));
    }

    void pagesAreNewestFirst()
    {
        QTemporaryDir dir;
        const DataFolder folder(dir.path() + QStringLiteral("/data"));
        QDir().mkpath(folder.backupsDir());
        const QDateTime base(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
        for (int i = 0; i < 45; ++i)
            QVERIFY(QFile::copy(m_template, folder.backupPath(BackupName::forTime(base.addDays(i)))));
        LocalEngine engine(folder);

        const auto first = engine.list(1, 20);
        QVERIFY(first);
        QCOMPARE(first->total, 45);
        QCOMPARE(first->totalPages, 3);
        QCOMPARE(first->items.size(), 20);
        QCOMPARE(first->items.first().fileName, BackupName::forTime(base.addDays(44)));
        QCOMPARE(first->items.first().id, BackupName::stem(BackupName::forTime(base.addDays(44))));
        for (int i = 1; i < first->items.size(); ++i)
            QVERIFY(first->items[i - 1].fileName > first->items[i].fileName);

        const auto third = engine.list(3, 20);
        QVERIFY(third);
        QCOMPARE(third->items.size(), 5);
        QCOMPARE(third->items.last().fileName, BackupName::forTime(base));

        const auto past = engine.list(9, 20);
        QVERIFY(past);
        QVERIFY(past->items.isEmpty());
        QCOMPARE(past->total, 45);
        QCOMPARE(past->totalPages, 3);

        for (const auto& [page, perPage] :
            QList<QPair<int, int>> { { 0, 20 }, { 1, 0 }, { 1, -3 }, { -1, 5 }, { 1, 5000 } }) {
            const auto bad = engine.list(page, perPage);
            QVERIFY(!bad);
            QCOMPARE(bad.error().code, ErrorCode::Usage);
        }
    }

    void emptyFolderHasOnePage()
    {
        QTemporaryDir dir;
        // A data folder with no backups folder yet: one empty page.
        QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/data")));
        LocalEngine engine(DataFolder(dir.path() + QStringLiteral("/data")));
        const auto page = engine.list(1, 20);
        QVERIFY(page);
        QCOMPARE(page->total, 0);
        QCOMPARE(page->totalPages, 1);
        // No data folder at all (a mistyped path) is an error, not an empty list.
        const auto missing = LocalEngine(DataFolder(dir.path() + QStringLiteral("/dta"))).list(1, 20);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void invalidArchivesAreListedAndMarked()
    {
        QTemporaryDir dir;
        const DataFolder folder(dir.path() + QStringLiteral("/data"));
        QDir().mkpath(folder.backupsDir() + QStringLiteral("/restore_staging"));
        QVERIFY(QFile::copy(m_template, folder.backupPath(QStringLiteral("backup_20260101_000000.zip"))));
        QFile junk(folder.backupPath(QStringLiteral("backup_20260102_000000.zip")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("this is not a zip archive");
        junk.close();
        // Not backups: other suffixes, hidden files, folders, and zips in subfolders.
        for (const QString& other : { QStringLiteral("notes.txt"), QStringLiteral(".restore_pending"),
                 QStringLiteral("restore_staging/backup_20260103_000000.zip") }) {
            QFile f(folder.backupPath(other));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        LocalEngine engine(folder);
        const auto page = engine.list(1, 20);
        QVERIFY(page);
        QCOMPARE(page->total, 2);
        QCOMPARE(page->items[0].fileName, QStringLiteral("backup_20260102_000000.zip"));
        QVERIFY(!page->items[0].valid);
        QVERIFY(!page->items[0].invalidReason.isEmpty());
        QVERIFY(page->items[1].valid);
        QCOMPARE(page->items[1].createdFrom, BackupItem::TimeSource::Metadata);
    }

    void createdTimeComesFromMetadataThenNameThenFile()
    {
        QTemporaryDir dir;
        const DataFolder folder(dir.path() + QStringLiteral("/data"));
        QDir().mkpath(folder.backupsDir());
        // A renamed archive still knows when it was made.
        QVERIFY(QFile::copy(m_template, folder.backupPath(QStringLiteral("before-upgrade.zip"))));
        // A FastCMS-named zip without metadata.json: the name tells.
        test::writeZip(folder.backupPath(QStringLiteral("backup_20250115_100000.zip")),
            { { QStringLiteral("database.db"), test::sqliteBytes() } });
        // Neither: the file's time.
        test::writeZip(folder.backupPath(QStringLiteral("manual.zip")),
            { { QStringLiteral("database.db"), test::sqliteBytes() } });
        const QDateTime fileTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);
        utimbuf times { fileTime.toSecsSinceEpoch(), fileTime.toSecsSinceEpoch() };
        QCOMPARE(
            ::utime(QFile::encodeName(folder.backupPath(QStringLiteral("manual.zip"))).constData(), &times),
            0);

        // Unreadable metadata: still a backup, timed by its file.
        test::writeZip(folder.backupPath(QStringLiteral("odd-metadata.zip")),
            { { QStringLiteral("database.db"), test::sqliteBytes() },
                { QStringLiteral("metadata.json"), "{oops" } });

        LocalEngine engine(folder);
        const auto page = engine.list(1, 20);
        QVERIFY(page);
        QCOMPARE(page->items.size(), 4);
        QHash<QString, BackupItem> byName;
        for (const BackupItem& item : page->items)
            byName.insert(item.fileName, item);
        QCOMPARE(byName[QStringLiteral("before-upgrade.zip")].createdFrom, BackupItem::TimeSource::Metadata);
        QCOMPARE(
            byName[QStringLiteral("backup_20250115_100000.zip")].createdFrom, BackupItem::TimeSource::Name);
        QCOMPARE(byName[QStringLiteral("backup_20250115_100000.zip")].created,
            QDateTime(QDate(2025, 1, 15), QTime(10, 0), Qt::UTC));
        QCOMPARE(byName[QStringLiteral("manual.zip")].createdFrom, BackupItem::TimeSource::FileTime);
        QCOMPARE(byName[QStringLiteral("manual.zip")].created, fileTime);
        QVERIFY(byName[QStringLiteral("manual.zip")].valid);
        QVERIFY(byName[QStringLiteral("odd-metadata.zip")].valid);
        QCOMPARE(byName[QStringLiteral("odd-metadata.zip")].createdFrom, BackupItem::TimeSource::FileTime);
    }

    void archivesWrittenByFastCmsAreListed()
    {
        QTemporaryDir dir;
        const DataFolder folder(dir.path() + QStringLiteral("/data"));
        QDir().mkpath(folder.backupsDir());
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("fastcms_backup_20261126_051757.zip")),
            folder.backupPath(QStringLiteral("backup_20261126_051757.zip"))));
        const auto page = LocalEngine(folder).list(1, 20);
        QVERIFY(page);
        QCOMPARE(page->total, 1);
        const BackupItem& item = page->items.first();
        QVERIFY(item.valid);
        QCOMPARE(item.createdFrom, BackupItem::TimeSource::Metadata);
        QCOMPARE(item.created, QDateTime(QDate(2026, 11, 26), QTime(5, 17, 57, 367), Qt::UTC));
        QVERIFY(item.metadata && !item.metadata->isOurs());
    }

    void tenThousandBackupsOpenOnlyThePage()
    {
        QTemporaryDir dir;
        const DataFolder folder(dir.path() + QStringLiteral("/data"));
        QDir().mkpath(folder.backupsDir());
        const QDateTime base(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        // Empty files, except the second page's 20 (the 21st to 40th newest), which are real
        // backups: only those can carry metadata.
        QStringList pageTwo;
        for (int i = 0; i < 10000; ++i) {
            const QString name = BackupName::forTime(base.addSecs(i * 3600));
            if (i >= 9999 - 39 && i <= 9999 - 20) {
                pageTwo.prepend(name);
                QVERIFY(QFile::copy(m_template, folder.backupPath(name)));
                continue;
            }
            QFile f(folder.backupPath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        QCOMPARE(pageTwo.size(), 20);
        LocalEngine engine(folder);
        Result<BackupPage> page = fail(ErrorCode::Internal, QString());
        bool overflowed = false;
        const QSet<QString> opened = filesOpenedDuring(
            folder.backupsDir(), [&] { page = engine.list(2, 20); }, &overflowed);
        QVERIFY(page);
        QVERIFY2(!overflowed, "the listing opened more files than inotify could report");
        QCOMPARE(page->total, 10000);
        QCOMPARE(page->totalPages, 500);
        QCOMPARE(page->items.size(), 20);
        QCOMPARE(page->archivesOpened, 20);
        QStringList listed;
        for (const BackupItem& item : page->items) {
            listed.append(item.fileName);
            QVERIFY2(item.valid && item.metadata, qPrintable(item.fileName));
        }
        QCOMPARE(listed, pageTwo);
        // What the kernel saw opened: exactly the page's archives, none of the 9,980 others.
        QStringList openedSorted = opened.values();
        openedSorted.sort();
        QStringList expected = pageTwo;
        expected.sort();
        QCOMPARE(openedSorted, expected);
    }

    // The sorted names are kept between runs, and no change to the folder goes unseen.
    void theNamesCacheFollowsEveryChange()
    {
        QTemporaryDir dir;
        QTemporaryDir cache;
        const QString backups = dir.path();
        const QString cacheDir = cache.path() + QStringLiteral("/folders");
        const QDateTime base(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
        const auto makeFile = [&backups](const QString& name) {
            QFile f(backups + QLatin1Char('/') + name);
            return f.open(QIODevice::WriteOnly);
        };
        const auto setTime = [&backups](const QString& name, const QDateTime& time) {
            const utimbuf times { time.toSecsSinceEpoch(), time.toSecsSinceEpoch() };
            return ::utime(QFile::encodeName(backups + QLatin1Char('/') + name).constData(), &times) == 0;
        };
        const auto names = [](const BackupScan& scan) {
            QStringList list;
            for (qsizetype i = 0; i < scan.size(); ++i)
                list.append(scan.fileName(i));
            return list;
        };
        const auto uncached = [&] { return names(scanBackups(backups, -1, {})); };
        for (int i = 0; i < 50; ++i)
            QVERIFY(makeFile(BackupName::forTime(base.addSecs(i * 3600))));
        QVERIFY(makeFile(QStringLiteral("manual.zip"))); // no time in its name: its file time counts
        QVERIFY(setTime(QStringLiteral("manual.zip"), base.addSecs(10 * 3600 + 1800)));
        QVERIFY(makeFile(QStringLiteral("notes.txt")));
        if (!scanCacheable(backups))
            QSKIP("The temporary folder is not on a local file system: its names are never cached.");
        const QStringList expected = uncached();
        QCOMPARE(expected.size(), 51);
        QCOMPARE(expected.first(), BackupName::forTime(base.addSecs(49 * 3600)));
        QCOMPARE(expected.indexOf(QStringLiteral("manual.zip")), 39);

        // A folder changed a moment ago is not cached: its times might not move on its next change.
        QVERIFY(
            QFile::remove(backups + QStringLiteral("/notes.txt")) && makeFile(QStringLiteral("notes.txt")));
        BackupScan scan = scanBackups(backups, -1, cacheDir);
        QVERIFY(!scan.fromCache);
        QCOMPARE(names(scan), expected);
        QVERIFY(QDir(cacheDir).isEmpty());
        QThread::msleep(2100);
        QVERIFY(!scanBackups(backups, 5, cacheDir).fromCache); // scans, sorts all, keeps them
        QCOMPARE(QDir(cacheDir).entryList(QDir::Files).size(), 1);
        QCOMPARE(
            QFileInfo(cacheDir).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        scan = scanBackups(backups, 5, cacheDir);
        QVERIFY(scan.fromCache);
        QCOMPARE(names(scan), expected);

        // A file's own time can change without its folder changing: it is read again.
        QVERIFY(setTime(QStringLiteral("manual.zip"), base.addSecs(100 * 3600)));
        scan = scanBackups(backups, -1, cacheDir);
        QVERIFY(scan.fromCache);
        QCOMPARE(scan.fileName(0), QStringLiteral("manual.zip"));
        QCOMPARE(names(scan), uncached());

        // Backups added, removed and renamed, by anyone, show at once.
        const QString added = BackupName::forTime(base.addSecs(200 * 3600));
        QVERIFY(makeFile(added));
        scan = scanBackups(backups, 1, cacheDir);
        QVERIFY(!scan.fromCache);
        QCOMPARE(scan.fileName(0), added);
        QVERIFY(QFile::remove(backups + QLatin1Char('/') + added));
        QCOMPARE(names(scanBackups(backups, -1, cacheDir)), uncached());
        QVERIFY(QFile::rename(
            backups + QLatin1Char('/') + expected.last(), backups + QStringLiteral("/renamed.zip")));
        scan = scanBackups(backups, -1, cacheDir);
        QVERIFY(!scan.fromCache);
        QVERIFY(names(scan).contains(QStringLiteral("renamed.zip")));
        QVERIFY(!names(scan).contains(expected.last()));
        QCOMPARE(names(scan), uncached());

        // A damaged cache is never trusted: cut short, or with a name no scan could find.
        QThread::msleep(2100);
        QVERIFY(!scanBackups(backups, -1, cacheDir).fromCache);
        QVERIFY(scanBackups(backups, -1, cacheDir).fromCache);
        const QString cacheFile = cacheDir + QLatin1Char('/') + QDir(cacheDir).entryList(QDir::Files).first();
        QFile cached(cacheFile);
        QVERIFY(cached.open(QIODevice::ReadOnly));
        const QByteArray good = cached.readAll();
        cached.close();
        QByteArray slashed = good;
        slashed[slashed.size() - 5] = '/'; // in the last name, before ".zip"
        for (const QByteArray& damaged : { good.chopped(1), slashed, QByteArray(good.size(), '\0') }) {
            QFile file(cacheFile); // each scan writes a good one again, as a new file
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(damaged), damaged.size());
            file.close();
            scan = scanBackups(backups, -1, cacheDir);
            QVERIFY(!scan.fromCache);
            QCOMPARE(names(scan), uncached());
        }
    }

private:
    std::unique_ptr<QTemporaryDir> m_templateDir;
};

QTEST_GUILESS_MAIN(TestList)
#include "tst_list.moc"
