#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "model/Browse.h"

#include <QDialog>
#include <QFutureWatcher>

#include <functional>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace fcb {

// One backup's contents as a tree (from its zip directory only), with sizes, times and CRC-32,
// a filter box, and what can be done with the selection: Extract…, Restore This File and
// History…. Names a restore would refuse are listed flagged at the top, never placed in the tree
// by their path.
class BrowseDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowseDialog)

public:
    enum Column
    {
        Name,
        Size,
        Compressed,
        Modified,
        Crc,
        Note,
        ColumnCount
    };
    struct Offers
    {
        bool restoreFile = false; // the live files/ folder is reachable (a data folder)
        bool history = false;
    };

    BrowseDialog(const QString& backup, Job<Result<ArchiveListing>> listing, Offers offers, QWidget* parent);
    ~BrowseDialog() override;

    QString backup() const { return m_backup; }
    bool isLoaded() const { return m_loaded; }
    QTreeView* view() const { return m_view; }
    QLineEdit* filter() const { return m_filter; }
    QLabel* status() const { return m_status; }
    // The archive paths of the selected entries (folders end in "/").
    QStringList selectedPaths() const;
    // Selects the entry with this archive path (tests, and History… from elsewhere).
    bool selectPath(const QString& path);

Q_SIGNALS:
    void extractRequested(const QStringList& paths);
    void restoreFileRequested(const QString& path);
    void historyRequested(const QString& path);

private:
    QDialogButtonBox* makeButtons();
    void watchListing(const Job<Result<ArchiveListing>>& listing);
    void showListing(const ArchiveListing& listing);
    QStandardItem* folderFor(const QString& folderPath);
    void updateButtons();

    QString m_backup;
    Offers m_offers;
    std::shared_ptr<CancelToken> m_token;
    QLabel* m_status;
    QLineEdit* m_filter;
    QTreeView* m_view;
    QStandardItemModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QPushButton* m_extract;
    QPushButton* m_restoreFile;
    QPushButton* m_history;
    QHash<QString, QStandardItem*> m_folders;
    bool m_loaded = false;
};

} // namespace fcb
