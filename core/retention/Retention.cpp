#include "Retention.h"

#include "FileUtil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

// Translation context for this file's messages (lupdate reads the class name).
class FcbRetentionText
{
    Q_DECLARE_TR_FUNCTIONS(FcbRetentionText)
};

namespace fcb {

namespace {

QString bucket(const QDateTime& utc, int rule)
{
    const QDate d = utc.toUTC().date();
    switch (rule) {
    case 1:
        return d.toString(Qt::ISODate);
    case 2: {
        int year = 0;
        const int week = d.weekNumber(&year); // ISO weeks: they start on Monday
        return QStringLiteral("%1-W%2").arg(year).arg(week);
    }
    case 3:
        return QStringLiteral("%1-%2").arg(d.year()).arg(d.month());
    default:
        return QString::number(d.year());
    }
}

} // namespace

QList<RetentionDecision> decideRetention(
    QList<BackupItem> backups, const RetentionPolicy& policy, const QSet<QString>& pinned)
{
    std::stable_sort(backups.begin(), backups.end(), [](const BackupItem& a, const BackupItem& b) {
        return a.created != b.created ? a.created > b.created : a.fileName > b.fileName;
    });
    QList<RetentionDecision> decisions;
    for (const BackupItem& item : backups)
        decisions.append({ item, false, {} });
    if (decisions.isEmpty())
        return decisions;

    decisions.first().reasons.append(FcbRetentionText::tr("newest"));
    for (int i = 0; i < decisions.size() && i < policy.keepLast; ++i)
        decisions[i].reasons.append(FcbRetentionText::tr("last %1").arg(i + 1));
    const struct
    {
        int count;
        int rule;
        const char* label;
    } rules[] = { { policy.keepDaily, 1, QT_TRANSLATE_NOOP("FcbRetentionText", "daily %1") },
        { policy.keepWeekly, 2, QT_TRANSLATE_NOOP("FcbRetentionText", "weekly %1") },
        { policy.keepMonthly, 3, QT_TRANSLATE_NOOP("FcbRetentionText", "monthly %1") },
        { policy.keepYearly, 4, QT_TRANSLATE_NOOP("FcbRetentionText", "yearly %1") } };
    for (const auto& rule : rules) {
        if (rule.count <= 0)
            continue;
        QString last;
        int kept = 0;
        // Newest first, so the first backup seen in a bucket is that bucket's newest.
        for (RetentionDecision& d : decisions) {
            if (!d.backup.valid || !d.backup.created.isValid())
                continue;
            const QString key = bucket(d.backup.created, rule.rule);
            if (key == last)
                continue;
            last = key;
            d.reasons.append(FcbRetentionText::tr(rule.label).arg(++kept));
            if (kept >= rule.count)
                break;
        }
    }
    for (RetentionDecision& d : decisions) {
        if (pinned.contains(d.backup.fileName))
            d.reasons.append(FcbRetentionText::tr("pinned"));
        if (d.backup.staged)
            d.reasons.append(FcbRetentionText::tr("staged for restore"));
        if (!d.backup.valid)
            d.reasons.append(FcbRetentionText::tr("not a valid backup: left alone"));
        d.keep = !d.reasons.isEmpty();
    }
    return decisions;
}

PinStore::PinStore(QString path)
    : m_path(std::move(path))
{ }

QString PinStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/fastcms-backup/pins.json");
}

static QJsonObject loadPins(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QSet<QString> PinStore::pinned(const QString& target) const
{
    QSet<QString> names;
    for (const QJsonValue& v : loadPins(m_path).value(target).toArray())
        names.insert(v.toString());
    return names;
}

Result<void> PinStore::setPinned(const QString& target, const QString& fileName, bool pin)
{
    QJsonObject all = loadPins(m_path);
    QSet<QString> names = pinned(target);
    if (pin)
        names.insert(fileName);
    else
        names.remove(fileName);
    QStringList sorted(names.begin(), names.end());
    sorted.sort();
    all.insert(target, QJsonArray::fromStringList(sorted));
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    return files::writeAtomically(m_path, QJsonDocument(all).toJson());
}

} // namespace fcb
