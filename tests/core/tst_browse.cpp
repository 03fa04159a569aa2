// Inside a backup without restoring it: ls from the central directory (hostile names flagged,
// never followed), extract (verified, all or nothing, never outside the folder or over a file
// without force), restore-file into the live files/ folder, and an upload's history across the
// backups folder with its cache. Real data folders, real archives, Python's zipfile as witness.
#include "Error.h"
#include "TestSupport.h"
#include "local/LocalEngine.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <sys/stat.h>
#include <utime.h>

using namespace fcb;

namespace {

const QString kBackup = QStringLiteral("backup_20250115_100000.zip");

QStringList listing(const QString& dir)
{
    return QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Python's zipfile's view of every entry: name -> [size, compressed size, CRC, y, m, d, H, M, S].
QHash<QString, QList<qint64>> pythonEntries(const QString& zip)
{
    const QString code = QStringLiteral(
        "import json, sys, zipfile\n"
        "with zipfile.ZipFile(sys.argv[1]) as z:\n"
        "    print(json.dumps({i.filename: [i.file_size, i.compress_size, i.CRC] + list(i.date_time)"
        " for i in z.infolist()}))\n");
    const auto run = test::runProgram(test::python(), { QStringLiteral("-c"), code, zip });
    QHash<QString, QList<qint64>> entries;
    const QJsonObject object = run.json();
    for (auto it = object.begin(); it != object.end(); ++it) {
        QList<qint64> values;
        for (const QJsonValue& v : it.value().toArray())
            values.append(v.toInteger());
        entries.insert(it.key(), values);
    }
    return entries;
}

// Flips one byte in the middle of an entry's data, found from the central directory.
bool corruptEntry(const QString& zip, const QByteArray& name)
{
    QByteArray bytes = test::fileBytes(zip);
    const auto* z = reinterpret_cast<const uchar*>(bytes.constData());
    for (qsizetype at = bytes.indexOf("PK\x01\x02"); at >= 0 && at + 46 <= bytes.size();
         at = bytes.indexOf("PK\x01\x02", at + 4)) {
        const quint16 nameLength = qFromLittleEndian<quint16>(z + at + 28);
        if (bytes.mid(at + 46, nameLength) != name)
            continue;
        const quint32 packed = qFromLittleEndian<quint32>(z + at + 20);
        const quint32 local = qFromLittleEndian<quint32>(z + at + 42);
        const qsizetype data = local + 30 + qFromLittleEndian<quint16>(z + local + 26)
            + qFromLittleEndian<quint16>(z + local + 28);
        bytes[data + packed / 2] = char(bytes[data + packed / 2] ^ 0x5a);
        QFile file(zip);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
    }
    return false;
}

LocalEngine::Options optionsWithCache(const QString& cacheDir)
{
    LocalEngine::Options options;
    options.scanCacheDir.clear();
    options.historyCacheDir = cacheDir;
    return options;
}

QString makeBackup(const LocalEngine& engine)
{
    SilentTaskContext task;
    const auto created = engine.create({}, task);
    if (!created)
        qFatal("create failed: %s", qPrintable(created.error().message));
    return created->backup.fileName;
}

// A FastCMS-like archive with names a restore must refuse, beside sound ones.
QList<test::ZipEntrySpec> hostileEntries(const QString& absolute)
{
    return {
        { QStringLiteral("database.db"), test::sqliteBytes() },
        { QStringLiteral("files/ok.txt"), "fine" },
        { absolute, "absolute" },
        { QStringLiteral("files/../../evil.txt"), "escape" },
        { QStringLiteral("files/twice.txt"), "one" },
        { QStringLiteral("files/twice.txt"), "two" },
        { QStringLiteral("files/link"), "/etc/passwd", 0120777u << 16 },
        { QStringLiteral("run-me.sh"), "rm -rf /" },
    };
}

} // namespace

class TestBrowse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheCentralDirectoryAsZipfileReadsIt()
    {
        auto fx = test::makeDataFolder(20, 6);
        LocalEngine engine(fx.folder);
        const QString name = makeBackup(engine);
        const auto listed = engine.listArchive(name);
        QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().message));
        const auto python = pythonEntries(fx.folder.backupPath(name));
        QCOMPARE(listed->entries.size(), python.size());
        QCOMPARE(listed->flagged, 0);
        quint64 total = 0;
        for (const ListedEntry& entry : listed->entries) {
            QVERIFY2(python.contains(entry.name), qPrintable(entry.name));
            const QList<qint64> p = python.value(entry.name);
            QCOMPARE(qint64(entry.size), p[0]);
            QCOMPARE(qint64(entry.compressedSize), p[1]);
            QCOMPARE(qint64(entry.crc), p[2]);
            QCOMPARE(entry.modified, QDateTime(QDate(p[3], p[4], p[5]), QTime(p[6], p[7], p[8])));
            QVERIFY2(entry.flag.isEmpty(), qPrintable(entry.name + entry.flag));
            total += entry.size;
        }
        QCOMPARE(listed->totalSize, total);
        // The uploads are all there, at their sizes.
        const auto upload = std::find_if(listed->entries.cbegin(), listed->entries.cend(),
            [](const ListedEntry& e) { return e.name == QStringLiteral("files/2021/02/old_1.txt"); });
        QVERIFY(upload != listed->entries.cend());
        QCOMPARE(qint64(upload->size),
            QFileInfo(fx.folder.filesDir() + QStringLiteral("/2021/02/old_1.txt")).size());
    }

    void flagsHostileNamesWithoutFailing()
    {
        auto fx = test::makeDataFolder(3, 1);
        const QString absolute = fx.root->filePath(QStringLiteral("absolute-evil"));
        test::writeZip(fx.folder.backupPath(kBackup), hostileEntries(absolute));
        LocalEngine engine(fx.folder);
        const auto listed = engine.listArchive(kBackup);
        QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().message));
        QCOMPARE(listed->entries.size(), 8);
        QHash<QString, QStringList> flags;
        for (const ListedEntry& entry : listed->entries)
            flags[entry.name].append(entry.flag);
        QCOMPARE(flags.value(QStringLiteral("database.db")), QStringList { QString() });
        QCOMPARE(flags.value(QStringLiteral("files/ok.txt")), QStringList { QString() });
        QVERIFY(flags.value(absolute).first().contains(QStringLiteral("absolute")));
        QVERIFY(flags.value(QStringLiteral("files/../../evil.txt")).first().contains(QStringLiteral("..")));
        QCOMPARE(flags.value(QStringLiteral("files/twice.txt")).size(), 2);
        for (const QString& flag : flags.value(QStringLiteral("files/twice.txt")))
            QVERIFY(flag.contains(QStringLiteral("more than once")));
        QVERIFY(flags.value(QStringLiteral("files/link")).first().contains(QStringLiteral("symbolic link")));
        QVERIFY(!flags.value(QStringLiteral("run-me.sh")).first().isEmpty());
        QCOMPARE(listed->flagged, 6);
        QVERIFY(!QFileInfo::exists(absolute)); // shown, never followed
    }

    void damagedArchivesAreBadArchives()
    {
        auto fx = test::makeDataFolder(3, 1);
        LocalEngine engine(fx.folder);
        const QString name = makeBackup(engine);
        QFile file(fx.folder.backupPath(name));
        QVERIFY(file.resize(file.size() - 30)); // the end record cut off
        QCOMPARE(engine.listArchive(name).error().code, ErrorCode::BadArchive);
        writeFile(fx.folder.backupPath(kBackup), "this is no zip at all, just text");
        const auto notZip = engine.listArchive(kBackup);
        QCOMPARE(notZip.error().code, ErrorCode::BadArchive);
        QVERIFY(notZip.error().message.contains(kBackup));
        QCOMPARE(engine.listArchive(QStringLiteral("backup_20990101_000000.zip")).error().code,
            ErrorCode::NotFound);
    }

    void extractsFilesAndFoldersWithExactBytes()
    {
        auto fx = test::makeDataFolder(10, 12);
        writeFile(fx.folder.filesDir() + QStringLiteral("/big/random.bin"), test::randomBytes(7, 3 << 20));
        LocalEngine engine(fx.folder);
        const QString name = makeBackup(engine);
        QTemporaryDir out;
        SilentTaskContext task;
        const QString target = out.filePath(QStringLiteral("new/folder"));
        const auto r = engine.extract(name,
            { QStringLiteral("files/2020/"), QStringLiteral("files/big/random.bin"),
                QStringLiteral("database.db") },
            target, false, task);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(test::treeDigest(target + QStringLiteral("/files/2020")),
            test::treeDigest(fx.folder.filesDir() + QStringLiteral("/2020")));
        QCOMPARE(
            test::fileBytes(target + QStringLiteral("/files/big/random.bin")), test::randomBytes(7, 3 << 20));
        QCOMPARE(test::noteMarker(target + QStringLiteral("/database.db")), QStringLiteral("old"));
        // Every file was checked against SHA256SUMS, and the database is owner-only.
        QCOMPARE(r->checkedAgainstSums, r->written.size());
        QVERIFY(r->written.contains(QStringLiteral("files/big/random.bin")));
        QCOMPARE(QFileInfo(target + QStringLiteral("/database.db")).permissions() & 0x0077,
            QFileDevice::Permissions());
        QVERIFY(test::toolLeftovers(out.path()).isEmpty());
        // A folder named without its slash is the same folder; a name not in it is NotFound.
        QTemporaryDir second;
        QVERIFY(engine.extract(name, { QStringLiteral("files/2020") }, second.path(), false, task));
        QCOMPARE(test::treeDigest(second.filePath(QStringLiteral("files/2020"))),
            test::treeDigest(fx.folder.filesDir() + QStringLiteral("/2020")));
        QCOMPARE(engine.extract(name, { QStringLiteral("files/nope.txt") }, second.path(), false, task)
                     .error()
                     .code,
            ErrorCode::NotFound);
    }

    void extractChecksEveryTargetBeforeWritingAndForceReplaces()
    {
        auto fx = test::makeDataFolder(5, 4);
        LocalEngine engine(fx.folder);
        const QString name = makeBackup(engine);
        QTemporaryDir out;
        SilentTaskContext task;
        const QString a = QStringLiteral("files/2020/01/old_0.txt");
        const QString b = QStringLiteral("files/2021/02/old_1.txt");
        writeFile(out.filePath(b), "mine");
        const auto refused = engine.extract(name, { a, b }, out.path(), false, task);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QCOMPARE(exitCodeFor(refused.error().code), ExitCode::Conflict);
        QVERIFY2(refused.error().message.contains(b), qPrintable(refused.error().message));
        QVERIFY(!QFileInfo::exists(out.filePath(a))); // nothing at all was written
        QCOMPARE(test::fileBytes(out.filePath(b)), QByteArray("mine"));
        const auto forced = engine.extract(name, { a, b }, out.path(), true, task);
        QVERIFY2(forced, qPrintable(forced ? QString() : forced.error().message));
        QCOMPARE(test::fileBytes(out.filePath(b)),
            test::fileBytes(fx.folder.filesDir() + QStringLiteral("/2021/02/old_1.txt")));
        QCOMPARE(test::fileBytes(out.filePath(a)),
            test::fileBytes(fx.folder.filesDir() + QStringLiteral("/2020/01/old_0.txt")));
        QVERIFY(test::toolLeftovers(out.path()).isEmpty());
    }

    void extractNeverWritesOutsideTheFolder()
    {
        auto fx = test::makeDataFolder(3, 1);
        const QString absolute = fx.root->filePath(QStringLiteral("absolute-evil"));
        test::writeZip(fx.folder.backupPath(kBackup), hostileEntries(absolute));
        LocalEngine engine(fx.folder);
        QTemporaryDir out;
        SilentTaskContext task;
        const QString inner = out.filePath(QStringLiteral("deep/inside"));
        for (const QString& path : { QStringLiteral("files/"), QStringLiteral("files/twice.txt"),
                 QStringLiteral("files/link"), QStringLiteral("files/../../evil.txt") }) {
            const auto r = engine.extract(kBackup, { path }, inner, false, task);
            QVERIFY2(!r, qPrintable(path));
            QVERIFY2(r.error().code == ErrorCode::BadArchive || r.error().code == ErrorCode::Usage,
                qPrintable(path + QStringLiteral(": ") + r.error().message));
        }
        QCOMPARE(engine.extract(kBackup, { absolute }, inner, false, task).error().code, ErrorCode::Usage);
        QVERIFY(listing(out.path()).isEmpty());
        QVERIFY(!QFileInfo::exists(out.filePath(QStringLiteral("deep/evil.txt"))));
        QVERIFY(!QFileInfo::exists(absolute));
        // The sound entry comes out; a link inside the folder is never written through.
        QVERIFY(engine.extract(kBackup, { QStringLiteral("files/ok.txt") }, inner, false, task));
        QCOMPARE(test::fileBytes(inner + QStringLiteral("/files/ok.txt")), QByteArray("fine"));
        QTemporaryDir elsewhere;
        QTemporaryDir linked;
        QVERIFY(QFile::link(elsewhere.path(), linked.filePath(QStringLiteral("files"))));
        const auto through
            = engine.extract(kBackup, { QStringLiteral("files/ok.txt") }, linked.path(), true, task);
        QCOMPARE(through.error().code, ErrorCode::Conflict);
        QVERIFY(listing(elsewhere.path()).isEmpty());
    }

    void aDamagedEntryLeavesNothing()
    {
        auto fx = test::makeDataFolder(3, 2);
        writeFile(fx.folder.filesDir() + QStringLiteral("/big.txt"),
            QByteArray("compressible text ").repeated(100000));
        LocalEngine engine(fx.folder);
        const QString name = makeBackup(engine);
        QVERIFY(corruptEntry(fx.folder.backupPath(name), "files/big.txt"));
        QTemporaryDir out;
        SilentTaskContext task;
        const auto r = engine.extract(
            name, { QStringLiteral("files/") }, out.filePath(QStringLiteral("x")), false, task);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::BadArchive);
        QVERIFY2(r.error().message.contains(QStringLiteral("files/big.txt")), qPrintable(r.error().message));
        QVERIFY(listing(out.path()).isEmpty()); // not even the folders it made, nor the sound files
    }

    void aChecksumMismatchIsCaughtEvenWhenTheCrcMatches()
    {
        auto fx = test::makeDataFolder(3, 1);
        const QByteArray wrong = QByteArray(64, 'a') + "  files/a.txt\n";
        test::writeZip(fx.folder.backupPath(kBackup),
            { { QStringLiteral("database.db"), test::sqliteBytes() },
                { QStringLiteral("files/a.txt"), "content" }, { QStringLiteral("SHA256SUMS"), wrong } });
        LocalEngine engine(fx.folder);
        QTemporaryDir out;
        SilentTaskContext task;
        const auto r = engine.extract(kBackup, { QStringLiteral("files/a.txt") }, out.path(), false, task);
        QCOMPARE(r.error().code, ErrorCode::BadArchive);
        QVERIFY(r.error().message.contains(QStringLiteral("SHA-256")));
        QVERIFY(listing(out.path()).isEmpty());
    }

    void aCancelledExtractLeavesNoTemporaryFiles()
    {
        auto fx = test::makeDataFolder(3, 1);
        writeFile(fx.folder.filesDir() + QStringLiteral("/big.bin"), test::randomBytes(3, 8 << 20));
        LocalEngine engine(fx.folder);
        const QString name = makeBackup(engine);
        QTemporaryDir out;
        CallbackTaskContext* self = nullptr;
        CallbackTaskContext task([&self](qint64 done, qint64, const QString&) {
            if (done > 0)
                self->cancel();
        });
        self = &task;
        const auto r = engine.extract(name, { QStringLiteral("files/") }, out.path(), false, task);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY(listing(out.path()).isEmpty());
    }

    void restoreFilePutsAnUploadBack()
    {
        auto fx = test::makeDataFolder(5, 4);
        LocalEngine engine(fx.folder);
        const QString name = makeBackup(engine);
        const QString live = fx.folder.filesDir() + QStringLiteral("/2021/02/old_1.txt");
        const QByteArray original = test::fileBytes(live);
        SilentTaskContext task;
        // Deleted: it comes back, and nothing is kept.
        QVERIFY(QFile::remove(live));
        auto r = engine.restoreFile(name, QStringLiteral("files/2021/02/old_1.txt"), task);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(test::fileBytes(live), original);
        QVERIFY(r->keptAs.isEmpty());
        QCOMPARE(r->livePath, live);
        // Changed: the changed one is kept as .before_restore, then .before_restore.1.
        writeFile(live, "edited");
        r = engine.restoreFile(name, QStringLiteral("files/2021/02/old_1.txt"), task);
        QVERIFY(r);
        QCOMPARE(r->keptAs, live + QStringLiteral(".before_restore"));
        QCOMPARE(test::fileBytes(live + QStringLiteral(".before_restore")), QByteArray("edited"));
        QCOMPARE(test::fileBytes(live), original);
        writeFile(live, "edited again");
        r = engine.restoreFile(name, QStringLiteral("files/2021/02/old_1.txt"), task);
        QVERIFY(r);
        QCOMPARE(r->keptAs, live + QStringLiteral(".before_restore.1"));
        QCOMPARE(test::fileBytes(live + QStringLiteral(".before_restore.1")), QByteArray("edited again"));
        QCOMPARE(test::fileBytes(live + QStringLiteral(".before_restore")), QByteArray("edited"));
        QCOMPARE(test::fileBytes(live), original);
        // A folder gone altogether is made again.
        QVERIFY(QDir(fx.folder.filesDir() + QStringLiteral("/2020")).removeRecursively());
        QVERIFY(engine.restoreFile(name, QStringLiteral("files/2020/01/old_0.txt"), task));
        QVERIFY(QFileInfo::exists(fx.folder.filesDir() + QStringLiteral("/2020/01/old_0.txt")));
        QVERIFY(test::toolLeftovers(fx.folder.filesDir()).isEmpty());
    }

    void restoreFileRefusesAnythingButAnUpload()
    {
        auto fx = test::makeDataFolder(5, 2);
        LocalEngine engine(fx.folder);
        const QString name = makeBackup(engine);
        const QStringList dataBefore = listing(fx.dataDir());
        const QStringList filesBefore = test::treeDigest(fx.folder.filesDir());
        const QStringList rootBefore = listing(fx.root->path());
        SilentTaskContext task;
        for (const QString& path : { QStringLiteral("database.db"), QStringLiteral("../x"),
                 QStringLiteral("files/../x"), QStringLiteral("/etc/passwd"), QStringLiteral("files/"),
                 QStringLiteral("metadata.json"), QStringLiteral("files/./a") }) {
            const auto r = engine.restoreFile(name, path, task);
            QVERIFY2(!r, qPrintable(path));
            QCOMPARE(r.error().code, ErrorCode::Usage);
        }
        QCOMPARE(engine.restoreFile(name, QStringLiteral("files/none.txt"), task).error().code,
            ErrorCode::NotFound);
        QCOMPARE(listing(fx.dataDir()), dataBefore);
        QCOMPARE(listing(fx.root->path()), rootBefore);
        QCOMPARE(test::treeDigest(fx.folder.filesDir()), filesBefore);
    }

    void historyFollowsAnUploadAndIsCached()
    {
        auto fx = test::makeDataFolder(3, 1);
        QTemporaryDir cache;
        LocalEngine engine(fx.folder, optionsWithCache(cache.path()));
        const QString live = fx.folder.filesDir() + QStringLiteral("/notes/a.txt");
        const QString before = makeBackup(engine); // a.txt not yet there
        writeFile(live, "first");
        const QString appeared = makeBackup(engine);
        const QString same = makeBackup(engine);
        writeFile(live, "second, longer");
        const QString changed = makeBackup(engine);
        QVERIFY(QFile::remove(live));
        const QString gone = makeBackup(engine);
        writeFile(fx.folder.backupPath(QStringLiteral("backup_20000101_000000.zip")), "damaged, no zip");

        SilentTaskContext task;
        const QString path = QStringLiteral("files/notes/a.txt");
        auto h = engine.history(path, task);
        QVERIFY2(h, qPrintable(h ? QString() : h.error().message));
        using C = HistoryEntry::Change;
        QCOMPARE(h->entries.size(), 4);
        const QList<QPair<QString, C>> expected { { gone, C::Disappeared }, { changed, C::Changed },
            { same, C::Same }, { appeared, C::Appeared } };
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(h->entries[i].backup, expected[i].first);
            QCOMPARE(h->entries[i].change, expected[i].second);
        }
        QVERIFY(!h->entries[0].present);
        QCOMPARE(h->entries[1].size, quint64(14));
        QCOMPARE(h->entries[3].size, quint64(5));
        QVERIFY(h->entries[1].crc != h->entries[2].crc);
        QCOMPARE(h->entries[2].crc, h->entries[3].crc);
        QVERIFY(!listing(cache.path()).isEmpty());
        QCOMPARE(h->backupsRead, 5);
        QCOMPARE(h->fromCache, 0);
        QCOMPARE(h->skipped.size(), 1);
        QVERIFY(h->skipped.first().contains(QStringLiteral("backup_20000101_000000.zip")));
        Q_UNUSED(before);

        // Again: every readable backup from the cache, with the same answer.
        auto again = engine.history(path, task);
        QVERIFY(again);
        QCOMPARE(again->backupsRead, 5);
        QCOMPARE(again->fromCache, 5);
        QCOMPARE(again->entries.size(), 4);
        QCOMPARE(again->entries[1].crc, h->entries[1].crc);
        QCOMPARE(again->entries[2].modified, h->entries[2].modified);

        // A backup whose time changed is read again; the others still come from the cache.
        const QByteArray touched = QFile::encodeName(fx.folder.backupPath(same));
        struct utimbuf times
        {
            1'000'000'000, 1'000'000'000
        };
        QCOMPARE(::utime(touched.constData(), &times), 0);
        again = engine.history(path, task);
        QVERIFY(again);
        QCOMPARE(again->fromCache, 4);
        QCOMPARE(again->entries.size(), 4);

        // A damaged cache is ignored and rebuilt.
        const QString cacheFile = cache.filePath(listing(cache.path()).first());
        QByteArray bytes = test::fileBytes(cacheFile);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 1);
        writeFile(cacheFile, bytes);
        again = engine.history(path, task);
        QVERIFY(again);
        QCOMPARE(again->fromCache, 0);
        QCOMPARE(again->entries.size(), 4);
        QCOMPARE(engine.history(path, task)->fromCache, 5);

        // Only uploads have a history.
        QCOMPARE(engine.history(QStringLiteral("database.db"), task).error().code, ErrorCode::Usage);
        QVERIFY(engine.history(QStringLiteral("files/never.txt"), task)->entries.isEmpty());
    }

    void commandLine()
    {
        auto fx = test::makeDataFolder(5, 3);
        LocalEngine engine(fx.folder);
        const QString name = makeBackup(engine);
        const QStringList where = fx.cliFolderArgs();
        auto run = test::runCli(
            QStringList { QStringLiteral("ls"), name.chopped(4), QStringLiteral("--json") } + where);
        QCOMPARE(run.exitCode, 0);
        QJsonObject json = run.json();
        QCOMPARE(json.value(QStringLiteral("backup")).toString(), name);
        QCOMPARE(json.value(QStringLiteral("flagged")).toInt(), 0);
        const QJsonArray entries = json.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), json.value(QStringLiteral("count")).toInt());
        const QJsonObject first = entries.first().toObject();
        for (const char* key :
            { "name", "size", "compressed_size", "crc32", "modified", "is_directory", "flag" })
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(first.value(QStringLiteral("crc32")).toString().size(), 8);

        run = test::runCli(
            QStringList { QStringLiteral("ls"), name, QStringLiteral("files/2021"), QStringLiteral("--long") }
            + where);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(
            run.out.contains("files/2021/02/old_1.txt") && run.out.contains("CRC-32"), run.out.constData());
        QVERIFY(!run.out.contains("database.db"));
        QCOMPARE(
            test::runCli(QStringList { QStringLiteral("ls"), name, QStringLiteral("files/nope") } + where)
                .exitCode,
            ExitCode::NotFound);
        QCOMPARE(test::runCli(QStringList { QStringLiteral("ls"), name, QStringLiteral("--force") } + where)
                     .exitCode,
            ExitCode::Usage);
        writeFile(fx.folder.backupPath(kBackup), "no zip");
        QCOMPARE(test::runCli(QStringList { QStringLiteral("ls"), kBackup } + where).exitCode,
            ExitCode::BadArchive);

        QTemporaryDir out;
        const QStringList extract { QStringLiteral("extract"), name, QStringLiteral("files/2021/"),
            QStringLiteral("--output"), out.path(), QStringLiteral("--json") };
        QCOMPARE(
            test::runCli(QStringList { QStringLiteral("extract"), name, QStringLiteral("files/") } + where)
                .exitCode,
            ExitCode::Usage); // no --output
        run = test::runCli(extract + where);
        QCOMPARE(run.exitCode, 0);
        json = run.json();
        QCOMPARE(json.value(QStringLiteral("written")).toArray().first().toString(),
            QStringLiteral("files/2021/02/old_1.txt"));
        QCOMPARE(json.value(QStringLiteral("checked_against_sums")).toInt(), 1);
        run = test::runCli(extract + where);
        QCOMPARE(run.exitCode, ExitCode::Conflict);
        QCOMPARE(
            run.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("conflict"));
        QCOMPARE(test::runCli(extract + where + QStringList { QStringLiteral("--force") }).exitCode, 0);

        QVERIFY(QFile::remove(fx.folder.filesDir() + QStringLiteral("/2021/02/old_1.txt")));
        run = test::runCli(QStringList { QStringLiteral("restore-file"), name,
                               QStringLiteral("files/2021/02/old_1.txt"), QStringLiteral("--json") }
            + where);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.json().value(QStringLiteral("kept_as")).isNull());
        QCOMPARE(run.json().value(QStringLiteral("live_path")).toString(),
            fx.folder.filesDir() + QStringLiteral("/2021/02/old_1.txt"));
        for (const QString& path : { QStringLiteral("database.db"), QStringLiteral("../x") })
            QCOMPARE(
                test::runCli(QStringList { QStringLiteral("restore-file"), name, path } + where).exitCode,
                ExitCode::Usage);

        const QStringList history { QStringLiteral("history"), QStringLiteral("files/2021/02/old_1.txt"),
            QStringLiteral("--json") };
        run = test::runCli(history + where);
        QCOMPARE(run.exitCode, 0);
        json = run.json();
        QCOMPARE(json.value(QStringLiteral("entries")).toArray().size(), 1);
        QCOMPARE(json.value(QStringLiteral("entries"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("change"))
                     .toString(),
            QStringLiteral("appeared"));
        QCOMPARE(json.value(QStringLiteral("skipped")).toArray().size(), 1); // the text file that is no zip
        run = test::runCli(history + where);
        QCOMPARE(run.json().value(QStringLiteral("from_cache")).toInt(), 1);
        QCOMPARE(run.json().value(QStringLiteral("backups_read")).toInt(), 1);
        QCOMPARE(test::runCli(QStringList { QStringLiteral("history"), QStringLiteral("files/none") } + where)
                     .exitCode,
            ExitCode::NotFound);
        QCOMPARE(
            test::runCli(QStringList { QStringLiteral("history"), QStringLiteral("database.db") } + where)
                .exitCode,
            ExitCode::Usage);
    }
};

QTEST_GUILESS_MAIN(TestBrowse)
#include "tst_browse.moc"
