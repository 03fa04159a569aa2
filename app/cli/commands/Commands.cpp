#include "commands/Commands.h"

namespace fcb::commands {

const QList<std::function<std::unique_ptr<Command>()>>& table()
{
    static const QList<std::function<std::unique_ptr<Command>()>> all {
        [] { return std::make_unique<CreateCommand>(); },
        [] { return std::make_unique<ListCommand>(); },
        [] { return std::make_unique<DeleteCommand>(); },
        [] { return std::make_unique<VerifyCommand>(); },
        [] { return std::make_unique<DrillCommand>(); },
        [] { return std::make_unique<DiffCommand>(); },
        [] { return std::make_unique<ExportCommand>(); },
        [] { return std::make_unique<StageRestoreCommand>(); },
        [] { return std::make_unique<UnstageCommand>(); },
        [] { return std::make_unique<ApplyRestoreCommand>(); },
        [] { return std::make_unique<StatusCommand>(); },
        [] { return std::make_unique<DownloadCommand>(); },
        [] { return std::make_unique<UploadCommand>(); },
        [] { return std::make_unique<LsCommand>(); },
        [] { return std::make_unique<ExtractCommand>(); },
        [] { return std::make_unique<RestoreFileCommand>(); },
        [] { return std::make_unique<HistoryCommand>(); },
        [] { return std::make_unique<ServerCommand>(QStringLiteral("login"), QStringLiteral("login")); },
        [] {
            return std::make_unique<ServerCommand>(
                QStringLiteral("forget-restore"), QStringLiteral("forget-restore"));
        },
        [] { return std::make_unique<PruneCommand>(); },
        [] { return std::make_unique<PinCommand>(true); },
        [] { return std::make_unique<PinCommand>(false); },
        [] { return std::make_unique<OffsiteCommand>(); },
        [] { return std::make_unique<ScheduleCommand>(); },
        [] { return std::make_unique<DemoCommand>(); },
    };
    return all;
}

std::unique_ptr<Command> find(const QString& name)
{
    for (const auto& make : table()) {
        if (auto command = make(); command->name() == name)
            return command;
    }
    return nullptr;
}

} // namespace fcb::commands
