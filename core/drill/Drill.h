#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "archive/ArchiveReader.h"
#include "model/Reports.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace fcb {

namespace drill {

// Extracts zipPath into a fresh private folder under workRoot, verifying every entry as it
// lands, then opens the restored database (read-only, untrusted) for integrity, foreign keys
// and row counts. The folder is removed afterwards whatever happens. An Error only for I/O
// problems (a full disk included), cancellation or no zip at all; a damaged backup is a report.
Result<DrillReport> run(const QString& zipPath, const QString& workRoot, TaskContext& task);

} // namespace drill

// The last drill of each backup, kept by this tool per data folder or server.
struct DrillRecord
{
    QDateTime at; // UTC
    bool ok = false;
    QString summary;
};

class DrillStore
{
public:
    explicit DrillStore(QString path = defaultPath());
    static QString defaultPath(); // ~/.local/share/fastcms-backup/drills.json
    QHash<QString, DrillRecord> records(const QString& target) const;
    Result<void> record(const QString& target, const DrillReport& report);

private:
    QString m_path;
};

QString drillSummary(const DrillReport& report);
// Records a finished drill in the default store; a store that cannot be written is logged, since
// the drill itself succeeded.
void recordDrill(const QString& target, const DrillReport& report);

} // namespace fcb
