#pragma once

#include "local/LocalTypes.h"

#include <QAbstractTableModel>

namespace fcb {

// One page of backups. QtCore types only; sizes and times sort by RawValueRole.
class BackupTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupTableModel)

public:
    enum Column { FileName, Size, Created, Path, Status, Actions, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, FileNameRole };

    explicit BackupTableModel(QObject* parent = nullptr);

    void setPage(const BackupPage& page);
    const BackupPage& page() const { return m_page; }
    const BackupItem* itemAt(int row) const;
    // What the row buttons may do changed (capabilities, a job started or ended): repaint them.
    void refreshActions();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    BackupPage m_page;
};

} // namespace fcb
