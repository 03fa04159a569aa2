#pragma once

#include "model/Backup.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace fcb {

// Which backups to keep, as restic decides it: each rule keeps the newest backup of each of its
// last N calendar buckets (UTC, weeks starting on Monday), the rules are combined with OR, and
// the newest backup, pinned ones, the one staged for restore and files that are not valid
// backups are never deleted.
struct RetentionPolicy
{
    int keepLast = 0;
    int keepDaily = 0;
    int keepWeekly = 0;
    int keepMonthly = 0;
    int keepYearly = 0;

    // The advice FastCMS gives its users: 7 daily, 4 weekly, 12 monthly.
    static RetentionPolicy recommended() { return { 0, 7, 4, 12, 0 }; }
    bool isEmpty() const { return !keepLast && !keepDaily && !keepWeekly && !keepMonthly && !keepYearly; }
};

struct RetentionDecision
{
    BackupItem backup;
    bool keep = false;
    QStringList reasons; // e.g. "daily 3", "monthly 1", "pinned", "newest"
};

// Every backup with its verdict, newest first.
QList<RetentionDecision> decideRetention(
    QList<BackupItem> backups, const RetentionPolicy& policy, const QSet<QString>& pinned);

// Pins, kept by this tool per data folder or server (backups themselves stay untouched).
class PinStore
{
public:
    explicit PinStore(QString path);
    static QString defaultPath();
    QSet<QString> pinned(const QString& target) const;
    Result<void> setPinned(const QString& target, const QString& fileName, bool pinned);

private:
    QString m_path;
};

} // namespace fcb
