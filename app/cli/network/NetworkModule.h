#pragma once

#include "CommandContext.h"

#include <QString>
#include <QUrl>

#include <memory>

namespace fcb {

class Backend;

// Raised with any change to this header, to CommandContext or to Command: the tool loads only a
// module built against the same interface (and the same version of the tool).
inline constexpr quint32 kNetworkInterface = 3;

// What the tool does over the network, built as a module of its own
// (lib/fastcms-backup/fastcms-backup-network.so) that the tool loads the first time a command
// needs a server, so that local commands start without Qt Network and the libraries it brings.
class NetworkModule
{
public:
    // The server's backend, from --server and the credential options; null once cli.fail() said
    // why not. `command` is the command about to run on it.
    virtual std::unique_ptr<Backend> connect(CommandContext& cli, const QString& command) = 0;
    // The commands only a server has, run on the backend connect() made: "login" and
    // "forget-restore". Returns as Command::run() does.
    virtual int runServerCommand(const QString& name, CommandContext& cli) = 0;
    // Calls a monitoring service's "I am alive" URL after a successful backup, then finishes
    // with success (a heartbeat that fails is a warning).
    virtual void pingHeartbeat(CommandContext& cli, const QUrl& url) = 0;

protected:
    ~NetworkModule() = default;
};

// The module's one entry point, fcb_network_module(), returns this: checked before the module
// itself is used.
struct NetworkModuleEntry
{
    const char* version; // FCB_VERSION: it must be the tool's own
    quint32 interface; // kNetworkInterface: so must this
    NetworkModule* module;
};

namespace network {

// The module, loaded on first use; null, and why in *problem, when it cannot be loaded.
NetworkModule* load(QString* problem);

} // namespace network

} // namespace fcb
