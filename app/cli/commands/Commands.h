#pragma once

#include "Command.h"

#include <QList>

#include <functional>
#include <memory>

// Every command of the tool, and the registry that finds them by name.
namespace fcb {

class CreateCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("create"); }
    QString synopsis() const override { return QStringLiteral("create"); }
    int run(CommandContext& cli, const QStringList& args) override;
};

class ListCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("list"); }
    QString synopsis() const override { return QStringLiteral("list"); }
    QStringList options() const override { return { QStringLiteral("page"), QStringLiteral("per-page") }; }
    int run(CommandContext& cli, const QStringList& args) override;
};

class DeleteCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("delete"); }
    QString synopsis() const override { return QStringLiteral("delete <name>"); }
    Operand operand() const override { return Operand::BackupName; }
    int run(CommandContext& cli, const QStringList& args) override;
};

class VerifyCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("verify"); }
    QString synopsis() const override { return QStringLiteral("verify <name>"); }
    Operand operand() const override { return Operand::BackupName; }
    int run(CommandContext& cli, const QStringList& args) override;
};

class DiffCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("diff"); }
    QString synopsis() const override { return QStringLiteral("diff <name>"); }
    Operand operand() const override { return Operand::BackupName; }
    QStringList options() const override
    {
        return { QStringLiteral("against"), QStringLiteral("table"), QStringLiteral("rows"),
            QStringLiteral("page"), QStringLiteral("per-page") };
    }
    int run(CommandContext& cli, const QStringList& args) override;
};

class ExportCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString synopsis() const override { return QStringLiteral("export <name>"); }
    Operand operand() const override { return Operand::BackupName; }
    QStringList options() const override
    {
        return { QStringLiteral("table"), QStringLiteral("key"), QStringLiteral("format"),
            QStringLiteral("force") };
    }
    int run(CommandContext& cli, const QStringList& args) override;
};

class DrillCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("drill"); }
    QString synopsis() const override { return QStringLiteral("drill <name>"); }
    Operand operand() const override { return Operand::BackupName; }
    int run(CommandContext& cli, const QStringList& args) override;
};

class StageRestoreCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("stage-restore"); }
    QString synopsis() const override { return QStringLiteral("stage-restore <name>"); }
    Operand operand() const override { return Operand::BackupName; }
    int run(CommandContext& cli, const QStringList& args) override;
};

class UnstageCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("unstage"); }
    QString synopsis() const override { return QStringLiteral("unstage"); }
    int run(CommandContext& cli, const QStringList& args) override;
};

class ApplyRestoreCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("apply-restore"); }
    QString synopsis() const override { return QStringLiteral("apply-restore"); }
    QStringList options() const override { return { QStringLiteral("abandon") }; }
    QString refusalOnServer() const override;
    int run(CommandContext& cli, const QStringList& args) override;
};

class StatusCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("status"); }
    QString synopsis() const override { return QStringLiteral("status"); }
    int run(CommandContext& cli, const QStringList& args) override;
};

class DownloadCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("download"); }
    QString synopsis() const override { return QStringLiteral("download <name>"); }
    Operand operand() const override { return Operand::BackupName; }
    int run(CommandContext& cli, const QStringList& args) override;
};

class UploadCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("upload"); }
    QString synopsis() const override { return QStringLiteral("upload <zip>"); }
    Operand operand() const override { return Operand::ZipPath; }
    int run(CommandContext& cli, const QStringList& args) override;
};

// login and forget-restore: what only a server has, run by the network module.
class ServerCommand final : public Command
{
public:
    ServerCommand(QString name, QString synopsis)
        : m_name(std::move(name))
        , m_synopsis(std::move(synopsis))
    { }
    QString name() const override { return m_name; }
    QString synopsis() const override { return m_synopsis; }
    bool needsServer() const override { return true; }
    int run(CommandContext& cli, const QStringList& args) override;

private:
    QString m_name;
    QString m_synopsis;
};

class PruneCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("prune"); }
    QString synopsis() const override { return QStringLiteral("prune"); }
    int run(CommandContext& cli, const QStringList& args) override;
};

// pin and unpin.
class PinCommand final : public Command
{
public:
    explicit PinCommand(bool pin)
        : m_pin(pin)
    { }
    QString name() const override { return m_pin ? QStringLiteral("pin") : QStringLiteral("unpin"); }
    QString synopsis() const override { return name() + QStringLiteral(" <name>"); }
    Operand operand() const override { return Operand::BackupName; }
    int run(CommandContext& cli, const QStringList& args) override;

private:
    bool m_pin;
};

class OffsiteCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("offsite"); }
    QString synopsis() const override { return QStringLiteral("offsite push [<name>]"); }
    Operand operand() const override { return Operand::OffsiteAction; }
    QString refusalOnServer() const override;
    int run(CommandContext& cli, const QStringList& args) override;
};

class ScheduleCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("schedule"); }
    QString synopsis() const override { return QStringLiteral("schedule"); }
    int run(CommandContext& cli, const QStringList& args) override;
};

// ls, extract, restore-file and history: inside a backup, without restoring it.
class LsCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("ls"); }
    QString synopsis() const override { return QStringLiteral("ls <name> [<path>]"); }
    Operand operand() const override { return Operand::BackupAndPaths; }
    std::pair<int, int> pathCount() const override { return { 0, 1 }; }
    QStringList options() const override { return { QStringLiteral("long") }; }
    int run(CommandContext& cli, const QStringList& args) override;
};

class ExtractCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("extract"); }
    QString synopsis() const override { return QStringLiteral("extract <name> <path>..."); }
    Operand operand() const override { return Operand::BackupAndPaths; }
    std::pair<int, int> pathCount() const override { return { 1, -1 }; }
    QStringList options() const override { return { QStringLiteral("force") }; }
    int run(CommandContext& cli, const QStringList& args) override;
};

class RestoreFileCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("restore-file"); }
    QString synopsis() const override { return QStringLiteral("restore-file <name> <files/path>"); }
    Operand operand() const override { return Operand::BackupAndPaths; }
    std::pair<int, int> pathCount() const override { return { 1, 1 }; }
    QString refusalOnServer() const override;
    int run(CommandContext& cli, const QStringList& args) override;
};

class HistoryCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("history"); }
    QString synopsis() const override { return QStringLiteral("history <files/path>"); }
    Operand operand() const override { return Operand::UploadPath; }
    int run(CommandContext& cli, const QStringList& args) override;
};

class DemoCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("demo"); }
    QString synopsis() const override { return QStringLiteral("demo"); }
    QString refusalOnServer() const override;
    bool needsExistingFolder() const override { return false; }
    int run(CommandContext& cli, const QStringList& args) override;
};

namespace commands {

// The registry: every command, in the order --help lists them.
const QList<std::function<std::unique_ptr<Command>()>>& table();
// The command with this name, or null.
std::unique_ptr<Command> find(const QString& name);

} // namespace commands

} // namespace fcb
