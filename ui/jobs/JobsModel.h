#pragma once

#include "TaskContext.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QElapsedTimer>

#include <memory>

namespace fcb {

// Every long job of this window: what, on what, when, how far, how long. QtCore only.
class JobsModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsModel)

public:
    enum Column
    {
        Type,
        Target,
        Started,
        Status,
        Progress,
        Duration,
        ColumnCount
    };
    enum Role
    {
        RawValueRole = Qt::UserRole + 1,
        RunningRole
    };
    enum class State
    {
        Running,
        Succeeded,
        Failed,
        Cancelled
    };

    explicit JobsModel(QObject* parent = nullptr);

    int add(const QString& type, const QString& target, std::shared_ptr<CancelToken> token);
    void setProgress(int id, int perMille, const QString& text);
    void finish(int id, State state, const QString& status);
    void cancel(int row);
    void cancelAll(); // every running job, e.g. when the console quits
    bool isRunning(int row) const;
    int runningCount() const;
    void tick(); // durations of running jobs move on

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        int id = 0;
        QString type;
        QString target;
        QDateTime started;
        QElapsedTimer clock;
        qint64 durationMs = -1;
        State state = State::Running;
        QString status;
        int perMille = 0;
        std::shared_ptr<CancelToken> token;
    };
    int rowOf(int id) const;

    QList<Entry> m_entries;
    int m_nextId = 1;
};

} // namespace fcb
