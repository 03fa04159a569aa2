#pragma once

#include "Error.h"
#include "TaskContext.h"
#include "model/Backup.h"
#include "model/Diff.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QWidget;

namespace fcb {

struct RestoreQuestion
{
    BackupItem backup;
    QString verification; // what verifying it found, in words
    bool verified = false;
    bool remote = false;
    // What the restore changes, worked out while the question is open: the whole data (table
    // empty) or one table's rows. Empty where it cannot be (noPreview says why).
    std::function<Job<Result<DiffReport>>(const QString& table)> preview;
    QString noPreview;
    // Export Rows… from the preview: the backup's rows of a table (all, or those keys).
    std::function<void(const QString& table, const QStringList& keys)> exportRows;
};

// The questions the console asks before it destroys anything. Production shows dialogs; tests
// answer through a scripted implementation.
class Prompter
{
public:
    virtual ~Prompter() = default;
    virtual bool confirmDelete(QWidget* parent, const QStringList& names) = 0;
    // The restore confirmation: the user must type the backup's name.
    virtual bool confirmRestore(QWidget* parent, const RestoreQuestion& question) = 0;
    virtual bool confirmApply(QWidget* parent, const QString& backupName) = 0;
    // A backup zip on this machine to import or upload; empty when the user cancels.
    virtual QString chooseArchive(QWidget* parent) = 0;
    // A FastCMS data folder on this machine; empty when the user cancels.
    virtual QString chooseFolder(QWidget* parent) = 0;
    // A folder to write into (extract); empty when the user cancels.
    virtual QString chooseOutputFolder(QWidget* parent, const QString& title) = 0;
    // Where to save a file (title, suggested name); empty when the user cancels.
    virtual QString chooseSaveFile(QWidget* parent, const QString& title, const QString& suggested) = 0;
    // One line of text (e.g. an off-site target); nullopt when the user cancels.
    virtual std::optional<QString> askText(
        QWidget* parent, const QString& title, const QString& label, const QString& current)
        = 0;
};

class DialogPrompter final : public Prompter
{
public:
    bool confirmDelete(QWidget* parent, const QStringList& names) override;
    bool confirmRestore(QWidget* parent, const RestoreQuestion& question) override;
    bool confirmApply(QWidget* parent, const QString& backupName) override;
    QString chooseArchive(QWidget* parent) override;
    QString chooseFolder(QWidget* parent) override;
    QString chooseSaveFile(QWidget* parent, const QString& title, const QString& suggested) override;
    QString chooseOutputFolder(QWidget* parent, const QString& title) override;
    std::optional<QString> askText(
        QWidget* parent, const QString& title, const QString& label, const QString& current) override;
};

} // namespace fcb
