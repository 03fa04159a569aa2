#include "DemoData.h"

#include "FileUtil.h"
#include "sqlite/Sqlite.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <memory>

// Translation context for this file's messages (lupdate reads the class name).
class FcbDemoDataText
{
    Q_DECLARE_TR_FUNCTIONS(FcbDemoDataText)
};

namespace fcb::demo {

namespace {

const char* const kSchema = R"sql(
PRAGMA journal_mode=WAL;
CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT UNIQUE NOT NULL, password_hash TEXT NOT NULL,
                    role TEXT NOT NULL DEFAULT 'user', verified INTEGER NOT NULL DEFAULT 0,
                    created TEXT NOT NULL, updated TEXT NOT NULL);
CREATE TABLE collections (id TEXT PRIMARY KEY, name TEXT UNIQUE NOT NULL, type TEXT NOT NULL,
                          schema TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE records (id TEXT PRIMARY KEY, collection_id TEXT NOT NULL REFERENCES collections(id),
                      data TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL);
CREATE INDEX records_collection ON records(collection_id);
CREATE TABLE files (id TEXT PRIMARY KEY, record_id TEXT REFERENCES records(id), path TEXT NOT NULL,
                    size INTEGER NOT NULL, mime TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE request_logs (id INTEGER PRIMARY KEY, method TEXT, path TEXT, status INTEGER,
                           duration_ms REAL, user_id TEXT, created TEXT NOT NULL);
)sql";

QString id(QRandomGenerator& rng)
{
    return QString::number(rng.generate64(), 36).left(15);
}

QString stamp(int day, int second)
{
    return QDateTime(QDate(2024, 1, 1).addDays(day), QTime(0, 0).addSecs(second), Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString quoted(const QString& text)
{
    QString out = text;
    return QLatin1Char('\'') + out.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

Result<void> writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return fail(ErrorCode::Io, FcbDemoDataText::tr("Could not write %1.").arg(path), file.errorString());
    return ok();
}

// 120 users, the first an administrator; returns their ids.
QStringList insertUsers(sqlite::Connection& db, QRandomGenerator& rng)
{
    const QStringList first { QStringLiteral("ada"), QStringLiteral("linus"), QStringLiteral("grace"),
        QStringLiteral("ken"), QStringLiteral("barbara"), QStringLiteral("margaret"),
        QStringLiteral("dennis"), QStringLiteral("frances") };
    QStringList userIds;
    for (int i = 0; i < 120; ++i) {
        const QString uid = id(rng);
        userIds.append(uid);
        const QString email = first[i % first.size()] + QString::number(i) + QStringLiteral("@example.org");
        const QString hash = QStringLiteral("$2b$12$")
            + QString::fromLatin1(
                QCryptographicHash::hash(email.toUtf8(), QCryptographicHash::Sha256).toBase64())
                  .left(53);
        (void)db.exec(QStringLiteral("INSERT INTO users VALUES (%1, %2, %3, %4, %5, %6, %6)")
                          .arg(quoted(uid), quoted(email), quoted(hash),
                              quoted(i == 0 ? QStringLiteral("admin") : QStringLiteral("user")),
                              QString::number(i % 3 ? 1 : 0), quoted(stamp(i, i * 37))));
    }
    return userIds;
}

// The four collections; returns their ids.
QStringList insertCollections(sqlite::Connection& db, QRandomGenerator& rng)
{
    const QStringList collections { QStringLiteral("posts"), QStringLiteral("pages"),
        QStringLiteral("products"), QStringLiteral("comments") };
    QStringList collectionIds;
    for (int c = 0; c < collections.size(); ++c) {
        collectionIds.append(id(rng));
        (void)db.exec(QStringLiteral("INSERT INTO collections VALUES (%1, %2, 'base', %3, %4)")
                          .arg(quoted(collectionIds.last()), quoted(collections[c]),
                              quoted(QStringLiteral(
                                  R"([{"name":"title","type":"text"},{"name":"body","type":"editor"}])")),
                              quoted(stamp(c, 0))));
    }
    return collectionIds;
}

// 900 records across the collections, by the users; returns their ids.
QStringList insertRecords(sqlite::Connection& db, QRandomGenerator& rng, const QStringList& userIds,
    const QStringList& collectionIds)
{
    QStringList recordIds;
    for (int r = 0; r < 900; ++r) {
        recordIds.append(id(rng));
        const QString data
            = QStringLiteral(R"({"title":"Entry %1","body":"%2","author":"%3","tags":["news","demo"]})")
                  .arg(r)
                  .arg(QStringLiteral("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ")
                           .repeated(1 + r % 6))
                  .arg(userIds[r % userIds.size()]);
        (void)db.exec(QStringLiteral("INSERT INTO records VALUES (%1, %2, %3, %4, %4)")
                          .arg(quoted(recordIds.last()), quoted(collectionIds[r % collectionIds.size()]),
                              quoted(data), quoted(stamp(r / 3, r * 11))));
    }
    return recordIds;
}

// 3000 request log lines.
void insertRequestLogs(sqlite::Connection& db, const QStringList& userIds)
{
    for (int l = 0; l < 3000; ++l) {
        (void)db.exec(
            QStringLiteral("INSERT INTO request_logs (method, path, status, duration_ms, user_id, created) "
                           "VALUES (%1, %2, %3, %4, %5, %6)")
                .arg(quoted(l % 4 ? QStringLiteral("GET") : QStringLiteral("POST")),
                    quoted(QStringLiteral("/api/v1/collections/posts/records?page=%1").arg(l % 9 + 1)),
                    QString::number(l % 17 ? 200 : 404), QString::number(3.5 + (l % 40) * 0.25),
                    quoted(userIds[l % userIds.size()]), quoted(stamp(l / 20, l))));
    }
}

// A file for files/, with its MIME type.
struct Upload
{
    QString name;
    QByteArray bytes;
    QString mime;
};

// Upload number f: a photo (random bytes, which do not compress), notes, a CSV export or a logo.
Upload makeUpload(int f, QRandomGenerator& rng)
{
    Upload upload;
    switch (f % 4) {
    case 0: {
        upload.name = QStringLiteral("photo_%1.jpg").arg(f);
        upload.bytes.resize(20000 + f * 1500);
        for (char& b : upload.bytes)
            b = char(rng.generate() & 0xff);
        upload.bytes.replace(0, 4, QByteArray("\xff\xd8\xff\xe0", 4));
        upload.mime = QStringLiteral("image/jpeg");
        break;
    }
    case 1:
        upload.name = QStringLiteral("notes_%1.txt").arg(f);
        upload.bytes = QByteArray("Meeting notes, item ").repeated(200 + f * 10);
        upload.mime = QStringLiteral("text/plain");
        break;
    case 2:
        upload.name = QStringLiteral("export_%1.csv").arg(f);
        for (int row = 0; row < 300; ++row)
            upload.bytes += QByteArray::number(row) + ",product-" + QByteArray::number(row * f) + ","
                + QByteArray::number(row * 3.5) + "\n";
        upload.mime = QStringLiteral("text/csv");
        break;
    default:
        upload.name = QStringLiteral("logo_%1.svg").arg(f);
        upload.bytes = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\">"
            + QByteArray("<circle cx=\"32\" cy=\"32\" r=\"30\" fill=\"#3a7\"/>").repeated(20) + "</svg>\n";
        upload.mime = QStringLiteral("image/svg+xml");
    }
    return upload;
}

// Uploads: text that compresses and media that does not, in year/month folders, each with its
// row in files.
Result<void> writeUploads(
    sqlite::Connection& db, QRandomGenerator& rng, const QString& filesDir, const QStringList& recordIds)
{
    if (auto w = writeFile(filesDir + QStringLiteral("/.gitkeep"), {}); !w)
        return w;
    for (int f = 0; f < 36; ++f) {
        const int year = 2020 + f % 6;
        const int month = 1 + (f * 5) % 12;
        const QString folder
            = filesDir + QStringLiteral("/%1/%2/").arg(year).arg(month, 2, 10, QLatin1Char('0'));
        const Upload upload = makeUpload(f, rng);
        if (auto w = writeFile(folder + upload.name, upload.bytes); !w)
            return w;
        (void)db.exec(QStringLiteral("INSERT INTO files VALUES (%1, %2, %3, %4, %5, %6)")
                          .arg(quoted(id(rng)), quoted(recordIds[f * 7]),
                              quoted(QStringLiteral("%1/%2/").arg(year).arg(month, 2, 10, QLatin1Char('0'))
                                  + upload.name))
                          .arg(upload.bytes.size())
                          .arg(quoted(upload.mime), quoted(stamp(f * 20, f))));
    }
    return ok();
}

} // namespace

Result<bool> createDataFolder(const QString& dataDir)
{
    const QString dbPath = dataDir + QStringLiteral("/app.db");
    if (QFile::exists(dbPath))
        return false;
    if (!QDir().mkpath(dataDir + QStringLiteral("/files"))
        || !QDir().mkpath(dataDir + QStringLiteral("/backups")))
        return fail(ErrorCode::Io, FcbDemoDataText::tr("Could not create the demo folder %1.").arg(dataDir));
    QRandomGenerator rng(20260304);

    auto opened = sqlite::Connection::open(dbPath, false);
    if (!opened)
        return fail(opened.error());
    std::unique_ptr<sqlite::Connection> db(*opened);
    if (auto made = db->exec(QString::fromLatin1(kSchema)); !made)
        return fail(made.error());
    (void)db->exec(QStringLiteral("BEGIN"));
    const QStringList userIds = insertUsers(*db, rng);
    const QStringList collectionIds = insertCollections(*db, rng);
    const QStringList recordIds = insertRecords(*db, rng, userIds, collectionIds);
    insertRequestLogs(*db, userIds);
    if (auto uploaded = writeUploads(*db, rng, dataDir + QStringLiteral("/files"), recordIds); !uploaded)
        return fail(uploaded.error());
    if (auto committed = db->exec(QStringLiteral("COMMIT")); !committed)
        return fail(committed.error());
    return true;
}

} // namespace fcb::demo
