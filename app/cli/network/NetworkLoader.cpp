#include "network/NetworkModule.h"

#include "CommandLine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fcb::network {

namespace {

// Why the module at `path` must not be loaded: it, its folder or the folder above belong to
// someone other than root or this user, or anyone may write there (the tool run from a copy in
// /tmp would otherwise load whatever another user put in /tmp/lib). Empty when it may be
// loaded, or when it is not there at all (dlopen says so).
QString unsafeModule(const QString& path)
{
    QString at = QDir::cleanPath(path);
    for (int level = 0; level < 3; ++level, at = QFileInfo(at).path()) {
        struct stat st
        {
        };
        if (::stat(QFile::encodeName(at).constData(), &st) != 0)
            return {};
        if ((st.st_uid != 0 && st.st_uid != ::geteuid()) || (st.st_mode & S_IWOTH))
            return CommandLine::tr("%1 can be changed by other users").arg(at);
    }
    return {};
}

} // namespace

NetworkModule* load(QString* problem)
{
    static NetworkModule* loaded = nullptr;
    if (loaded)
        return loaded;
    // Next to the tool in the build tree and in the package alike: bin/../lib/fastcms-backup/.
    const QString path = QCoreApplication::applicationDirPath()
        + QStringLiteral("/../lib/fastcms-backup/fastcms-backup-network.so");
    QString why;
    if (const QString unsafe = unsafeModule(path); !unsafe.isEmpty()) {
        why = unsafe;
    } else if (void* module = ::dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL); !module) {
        why = QString::fromLocal8Bit(::dlerror());
    } else if (auto entry
               = reinterpret_cast<const NetworkModuleEntry* (*)()>(::dlsym(module, "fcb_network_module"));
               !entry) {
        why = QString::fromLocal8Bit(::dlerror());
    } else if (const NetworkModuleEntry* found = entry();
               qstrcmp(found->version, FCB_VERSION) != 0 || found->interface != kNetworkInterface) {
        why = CommandLine::tr("it was built with another version (%1) than this tool (%2)")
                  .arg(QLatin1String(found->version), QStringLiteral(FCB_VERSION));
    } else {
        loaded
            = found->module; // never unloaded: the backend and the network objects it makes live until exit
        return loaded;
    }
    *problem = CommandLine::tr(
        "The network part of fastcms-backup could not be loaded (%1). Reinstall the package.")
                   .arg(why);
    return nullptr;
}

} // namespace fcb::network
