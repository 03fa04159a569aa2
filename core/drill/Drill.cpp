#include "Drill.h"

#include "FileUtil.h"
#include "Logging.h"
#include "TempNames.h"
#include "sqlite/Sqlite.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QStandardPaths>

#include <memory>

namespace fcb {

// Translation context for this file's messages (lupdate reads the class name).
class FcbDrillText
{
    Q_DECLARE_TR_FUNCTIONS(FcbDrillText)
};

namespace drill {

namespace {

QString quoted(const QString& identifier)
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

Result<void> inspectDatabase(const QString& path, DrillReport& report)
{
    auto opened = sqlite::Connection::openUntrusted(path);
    if (!opened)
        return fail(opened.error());
    std::unique_ptr<sqlite::Connection> db(*opened);
    // Counted by SQLite, not row by row: a damaged database may have millions.
    auto violations = db->queryColumn(
        QStringLiteral("SELECT count(*) || char(9) || \"table\" FROM pragma_foreign_key_check "
                       "GROUP BY \"table\" ORDER BY \"table\""));
    if (!violations)
        return fail(violations.error());
    for (const QString& row : *violations) {
        report.foreignKeyViolations += row.section(QLatin1Char('\t'), 0, 0).toLongLong();
        report.foreignKeyTables.append(row.section(QLatin1Char('\t'), 1));
    }
    // Virtual tables need their module; their rows live in shadow tables, counted anyway.
    auto names = db->queryColumn(
        QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"));
    if (!names)
        return fail(names.error());
    for (const QString& name : *names) {
        auto rows = db->queryInt(QStringLiteral("SELECT count(*) FROM ") + quoted(name));
        if (!rows)
            return fail(ErrorCode::BadArchive, FcbDrillText::tr("The table %1 could not be read.").arg(name),
                rows.error().detail);
        report.tables.append({ name, *rows });
    }
    return {};
}

} // namespace

Result<DrillReport> run(const QString& zipPath, const QString& workRoot, TaskContext& task)
{
    QElapsedTimer timer;
    timer.start();
    auto directory = archive::readDirectory(zipPath);
    if (!directory)
        return fail(directory.error());
    if (auto made = files::makeDirs(workRoot); !made)
        return fail(made.error());
    temp::removeLeftovers(workRoot, false);
    const qint64 available = files::freeSpace(workRoot);
    const qint64 needed = qint64(directory->totalSize) + (64 << 20);
    if (available >= 0 && available < needed)
        return fail(files::noSpaceError(FcbDrillText::tr("The restore drill"), workRoot, needed, available));

    const QString work = temp::in(workRoot, temp::Kind::Drill);
    if (auto made = files::makeOwnerOnlyDir(work); !made)
        return fail(made.error());
    const auto removeWork = qScopeGuard([&work] { (void)files::removeAll(work); });
    const QString restored = work + QStringLiteral("/data");
    auto verified = archive::verify(zipPath, work, task, restored);
    if (!verified)
        return fail(verified.error());

    DrillReport report;
    report.fileName = QFileInfo(zipPath).fileName();
    report.verify = *verified;
    const files::TreeSize size = files::treeSize(restored);
    report.extractedFiles = size.files;
    report.extractedBytes = size.bytes;
    const QString database = QDir(restored).filePath(QStringLiteral("database.db"));
    if (report.verify.ok() && files::isRegularFile(database)) {
        task.report(1, 1, FcbDrillText::tr("Checking foreign keys and counting rows"));
        if (auto inspected = inspectDatabase(database, report); !inspected) {
            if (inspected.error().code == ErrorCode::Io)
                return fail(inspected.error());
            report.verify.checks.append({ QStringLiteral("drill"), VerifyCheck::Status::Failed,
                inspected.error().message + QLatin1Char(' ') + inspected.error().detail });
        }
    }
    report.finishedAt = QDateTime::currentDateTimeUtc();
    report.elapsedMs = timer.elapsed();
    return report;
}

} // namespace drill

QString drillSummary(const DrillReport& report)
{
    if (!report.ok())
        return report.problems().join(QLatin1Char(' '));
    qint64 rows = 0;
    for (const DrillTable& t : report.tables)
        rows += t.rows;
    return FcbDrillText::tr("Restores: %n table(s), %1 rows, %2 files", nullptr, int(report.tables.size()))
        .arg(rows)
        .arg(report.extractedFiles);
}

DrillStore::DrillStore(QString path)
    : m_path(std::move(path))
{ }

QString DrillStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/fastcms-backup/drills.json");
}

namespace {

QJsonObject load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.read(16 << 20)).object();
}

} // namespace

QHash<QString, DrillRecord> DrillStore::records(const QString& target) const
{
    QHash<QString, DrillRecord> out;
    const QJsonObject byName = load(m_path).value(target).toObject();
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        out.insert(it.key(),
            DrillRecord { QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODate),
                o.value(QStringLiteral("ok")).toBool(), o.value(QStringLiteral("summary")).toString() });
    }
    return out;
}

Result<void> DrillStore::record(const QString& target, const DrillReport& report)
{
    return files::updateJsonFile(m_path, [&](QJsonObject& all) {
        QJsonObject byName = all.value(target).toObject();
        byName.insert(report.fileName,
            QJsonObject { { QStringLiteral("at"), report.finishedAt.toUTC().toString(Qt::ISODate) },
                { QStringLiteral("ok"), report.ok() }, { QStringLiteral("summary"), drillSummary(report) } });
        all.insert(target, byName);
    });
}

void recordDrill(const QString& target, const DrillReport& report)
{
    if (auto recorded = DrillStore().record(target, report); !recorded)
        qCWarning(lcFiles) << "the drill's result could not be recorded:" << recorded.error().message;
}

} // namespace fcb
