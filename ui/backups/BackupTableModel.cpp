#include "BackupTableModel.h"

#include "FileUtil.h"

#include <QLocale>

namespace fcb {

BackupTableModel::BackupTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

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

void BackupTableModel::columnChanged(int column)
{
    if (!m_page.items.isEmpty())
        Q_EMIT dataChanged(index(0, column), index(int(m_page.items.size()) - 1, column));
}

void BackupTableModel::setDrills(const QHash<QString, DrillRecord>& drills)
{
    m_drills = drills;
    columnChanged(LastVerified);
}

void BackupTableModel::setCopies(const CopyState& copies)
{
    m_copies = copies;
    columnChanged(Copies);
}

void BackupTableModel::setRetention(const QHash<QString, RetentionDecision>& decisions)
{
    m_retention = decisions;
    columnChanged(Retention);
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
        case LastVerified: {
            const auto drill = m_drills.constFind(item->fileName);
            if (drill == m_drills.cend())
                return tr("Never");
            const QString when = QLocale().toString(drill->at.toLocalTime(), QLocale::ShortFormat);
            return drill->ok ? when : tr("FAILED %1").arg(when);
        }
        case Copies:
            switch (m_copies.mode) {
            case CopyState::Mode::Server:
                return tr("On the server");
            case CopyState::Mode::LocalOnly:
                return tr("Local");
            case CopyState::Mode::Checking:
                return tr("Local; off-site…");
            case CopyState::Mode::Failed:
                return tr("Local; off-site unknown");
            case CopyState::Mode::Known:
                return m_copies.offsite.contains(item->fileName) ? tr("Local + off-site") : tr("Local only");
            }
            return {};
        case Retention: {
            const auto decision = m_retention.constFind(item->fileName);
            if (decision == m_retention.cend())
                return {};
            const QString reasons = decision->reasons.join(QStringLiteral(", "));
            return decision->keep ? tr("Keep (%1)").arg(reasons) : tr("Delete");
        }
        }
    }
    if (role == RawValueRole) {
        switch (index.column()) {
        case Size:
            return item->sizeBytes;
        case Created:
            return item->created;
        case LastVerified:
            return m_drills.value(item->fileName).at;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == FileName)
        return item->path;
    if (role == Qt::ToolTipRole && index.column() == Created)
        return item->created.toUTC().toString(Qt::ISODate);
    if (role == Qt::ToolTipRole && index.column() == LastVerified && m_drills.contains(item->fileName))
        return m_drills.value(item->fileName).summary;
    if (role == Qt::ToolTipRole && index.column() == Retention)
        return data(index, Qt::DisplayRole);
    if (role == Qt::ToolTipRole && index.column() == Copies)
        return m_copies.detail;
    if (role == Qt::ForegroundRole && index.column() == Retention && m_retention.contains(item->fileName)
        && !m_retention.value(item->fileName).keep)
        return QVariant::fromValue(Qt::darkRed);
    if (role == Qt::ForegroundRole && index.column() == LastVerified && m_drills.contains(item->fileName)
        && !m_drills.value(item->fileName).ok)
        return QVariant::fromValue(Qt::darkRed);
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
    case LastVerified:
        return tr("Last Verified");
    case Copies:
        return tr("Copies");
    case Retention:
        return tr("Prune Preview");
    case Actions:
        return tr("Actions");
    }
    return {};
}

} // namespace fcb
