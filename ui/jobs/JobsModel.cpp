#include "JobsModel.h"

#include <QLocale>

namespace fcb {

JobsModel::JobsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

int JobsModel::add(const QString& type, const QString& target, std::shared_ptr<CancelToken> token)
{
    Entry entry;
    entry.id = m_nextId++;
    entry.type = type;
    entry.target = target;
    entry.started = QDateTime::currentDateTime();
    entry.clock.start();
    entry.status = tr("Running");
    entry.token = std::move(token);
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry); // newest first
    endInsertRows();
    return entry.id;
}

int JobsModel::rowOf(int id) const
{
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries[row].id == id)
            return row;
    return -1;
}

void JobsModel::setProgress(int id, int perMille, const QString& text)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    Entry& e = m_entries[row];
    e.perMille = perMille;
    if (!text.isEmpty())
        e.status = text;
    Q_EMIT dataChanged(index(row, Status), index(row, Progress));
}

void JobsModel::finish(int id, State state, const QString& status)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    Entry& e = m_entries[row];
    e.state = state;
    e.status = status;
    e.durationMs = e.clock.elapsed();
    if (state == State::Succeeded)
        e.perMille = 1000;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void JobsModel::cancel(int row)
{
    if (!isRunning(row))
        return;
    m_entries[row].token->cancel();
    m_entries[row].status = tr("Cancelling…");
    Q_EMIT dataChanged(index(row, Status), index(row, Status));
}

void JobsModel::cancelAll()
{
    for (int row = 0; row < m_entries.size(); ++row)
        cancel(row);
}

bool JobsModel::isRunning(int row) const
{
    return row >= 0 && row < m_entries.size() && m_entries[row].state == State::Running;
}

int JobsModel::runningCount() const
{
    int n = 0;
    for (const Entry& e : m_entries)
        n += e.state == State::Running;
    return n;
}

void JobsModel::tick()
{
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries[row].state == State::Running)
            Q_EMIT dataChanged(index(row, Duration), index(row, Duration));
}

int JobsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int JobsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry& e = m_entries[index.row()];
    const qint64 ms = e.durationMs >= 0 ? e.durationMs : e.clock.elapsed();
    if (role == RunningRole)
        return e.state == State::Running;
    if (role == RawValueRole) {
        switch (index.column()) {
        case Started:
            return e.started;
        case Progress:
            return e.perMille;
        case Duration:
            return ms;
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Type:
        return e.type;
    case Target:
        return e.target;
    case Started:
        return QLocale().toString(e.started.time(), QLocale::ShortFormat);
    case Status:
        return e.status;
    case Progress:
        return QStringLiteral("%1%").arg(e.perMille / 10);
    case Duration:
        return ms < 60000 ? tr("%1 s").arg(QString::number(double(ms) / 1000.0, 'f', 1))
                          : tr("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
    }
    return {};
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Type:
        return tr("Job");
    case Target:
        return tr("Target");
    case Started:
        return tr("Started");
    case Status:
        return tr("Status");
    case Progress:
        return tr("Progress");
    case Duration:
        return tr("Duration");
    }
    return {};
}

} // namespace fcb
