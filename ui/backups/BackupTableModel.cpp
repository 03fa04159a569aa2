#include "BackupTableModel.h"

#include "FileUtil.h"

#include <QLocale>

namespace fcb {

BackupTableModel::BackupTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void BackupTableModel::setPage(const BackupPage& page)
{
    beginResetModel();
    m_page = page;
    endResetModel();
}

const BackupItem* BackupTableModel::itemAt(int row) const
{
    return row >= 0 && row < m_page.items.size() ? &m_page.items[row] : nullptr;
}

void BackupTableModel::refreshActions()
{
    if (!m_page.items.isEmpty())
        Q_EMIT dataChanged(index(0, Actions), index(int(m_page.items.size()) - 1, Actions));
}

int BackupTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_page.items.size());
}

int BackupTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupTableModel::data(const QModelIndex& index, int role) const
{
    const BackupItem* item = itemAt(index.row());
    if (!item || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == FileNameRole)
        return item->fileName;
    const auto status = [item] {
        if (!item->valid)
            return tr("Invalid: %1").arg(item->invalidReason);
        if (item->staged)
            return tr("Staged for restore");
        return tr("OK");
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case FileName:
            return item->fileName;
        case Size:
            return files::humanSize(item->sizeBytes);
        case Created:
            return QLocale().toString(item->created.toLocalTime(), QLocale::ShortFormat);
        case Path:
            return item->path;
        case Status:
            return status();
        }
    }
    if (role == RawValueRole) {
        switch (index.column()) {
        case Size:
            return item->sizeBytes;
        case Created:
            return item->created;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Created)
        return item->created.toUTC().toString(Qt::ISODate);
    if (role == Qt::TextAlignmentRole && index.column() == Size)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant BackupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileName:
        return tr("Filename");
    case Size:
        return tr("Size");
    case Created:
        return tr("Created");
    case Path:
        return tr("Path");
    case Status:
        return tr("Status");
    case Actions:
        return tr("Actions");
    }
    return {};
}

} // namespace fcb
