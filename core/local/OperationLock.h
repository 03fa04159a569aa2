#pragma once

#include "DataFolder.h"
#include "Error.h"

#include <QLockFile>

#include <memory>

namespace fcb {

// One create, delete, stage or apply at a time per data folder, across processes (the console,
// the command-line tool, cron) and within one process. Held until destroyed.
class OperationLock
{
public:
    static Result<std::unique_ptr<OperationLock>> acquire(const DataFolder& folder);

    struct Holder
    {
        qint64 pid = 0;
        QString app;
    };
    // Who holds the lock now, if anyone (without taking it).
    static std::optional<Holder> holder(const DataFolder& folder);

    explicit OperationLock(const QString& path);

private:
    QLockFile m_lock;
};

} // namespace fcb
