#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "model/Diff.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace fcb {

// What differs between a backup and the live data (or a second backup), as a tree: each table
// that differs (expandable to its rows, fetched when opened), the schema changes and the uploads.
// The comparison runs on the backend's workers; the view says so while it does, and cancels it
// when it goes away.
class DiffView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffView)

public:
    // Restore: the backup would replace the live data ("you would lose", "brought back").
    // Compare: the backup against a later one ("added since", "deleted since").
    enum class Wording
    {
        Restore,
        Compare,
    };
    // Starts a diff of the whole data (table empty) or of one table's rows.
    using Fetch = std::function<Job<Result<DiffReport>>(const QString& table)>;

    explicit DiffView(Wording wording, QWidget* parent = nullptr);
    ~DiffView() override;

    void start(Fetch fetch);
    // No comparison is possible here; the reason is shown instead.
    void showUnavailable(const QString& reason);

    QTreeWidget* tree() const { return m_tree; }
    QLabel* status() const { return m_status; }
    bool isDone() const { return m_done; }
    // The table and keys of the selected table or rows (for Export Rows…); empty table: none.
    QString selectedTable() const;
    QStringList selectedKeys() const;

Q_SIGNALS:
    void finished(bool ok);
    // Export Rows… from the context menu.
    void exportRequested(const QString& table, const QStringList& keys);

private:
    void showReport(const DiffReport& report);
    void addTables(const DiffReport& report);
    void addSchema(const DiffReport& report);
    void addUploads(const DiffReport& report);
    void loadRows(QTreeWidgetItem* tableItem);
    void showRows(QTreeWidgetItem* tableItem, const Result<DiffReport>& result);
    QString summary(const DiffReport& report) const;
    QStringList counts(qint64 otherOnly, qint64 backupOnly, qint64 changedRows) const;
    QString joined(const QStringList& parts) const;
    QString onlyInOther(qint64 n) const;
    QString onlyInBackup(qint64 n) const;
    QString changed(qint64 n) const;

    Wording m_wording;
    Fetch m_fetch;
    QLabel* m_status;
    QTreeWidget* m_tree;
    bool m_done = false;
    QList<std::shared_ptr<CancelToken>> m_running;
};

} // namespace fcb
