#include "commands/Commands.h"

#include "network/NetworkModule.h"

namespace fcb {

int ServerCommand::run(CommandContext& cli, const QStringList&)
{
    // The module is loaded: the backend it made is what this command runs on.
    QString problem;
    NetworkModule* network = network::load(&problem);
    if (!network) {
        cli.fail(Error::make(ErrorCode::Internal, problem));
        return -1;
    }
    return network->runServerCommand(m_name, cli);
}

} // namespace fcb
