#pragma once

#include "model/Backup.h"

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace fcb {

struct RestoreQuestion
{
    BackupItem backup;
    QString verification; // what verifying it found, in words
    bool verified = false;
    bool remote = false;
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
    std::optional<QString> askText(
        QWidget* parent, const QString& title, const QString& label, const QString& current) override;
};

} // namespace fcb
