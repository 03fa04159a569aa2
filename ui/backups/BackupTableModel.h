#pragma once

#include "drill/Drill.h"
#include "model/Backup.h"
#include "retention/Retention.h"

#include <QAbstractTableModel>

namespace fcb {

// One page of backups. QtCore types only; sizes and times sort by RawValueRole.
class BackupTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupTableModel)

public:
    enum Column
    {
        FileName,
        Size,
        Created,
        Status,
        LastVerified,
        Copies,
        Retention,
        Path,
        Actions,
        ColumnCount
    };
    enum Role
    {
        RawValueRole = Qt::UserRole + 1,
        FileNameRole
    };

    explicit BackupTableModel(QObject* parent = nullptr);

    void setPage(const BackupPage& page);
    const BackupPage& page() const { return m_page; }
    const BackupItem* itemAt(int row) const;
    // Where copies of each backup are: on the server, here, and off-site when a target is set.
    struct CopyState
    {
        enum class Mode
        {
            Server,
            LocalOnly,
            Checking,
            Known,
            Failed
        };
        Mode mode = Mode::LocalOnly;
        QSet<QString> offsite;
        QString detail; // the target, or why the listing failed
    };
    void setDrills(const QHash<QString, DrillRecord>& drills);
    void setCopies(const CopyState& copies);
    // A prune preview's verdicts by file name; empty: no preview.
    void setRetention(const QHash<QString, RetentionDecision>& decisions);
    bool hasRetentionPreview() const { return !m_retention.isEmpty(); }
    // What the row buttons may do changed (capabilities, a job started or ended): repaint them.
    void refreshActions();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void columnChanged(int column);

    BackupPage m_page;
    QHash<QString, DrillRecord> m_drills;
    CopyState m_copies;
    QHash<QString, RetentionDecision> m_retention;
};

} // namespace fcb
