#pragma once

#include "DataFolder.h"
#include "Error.h"
#include "FileLock.h"

#include <functional>
#include <memory>

namespace fcb {

// One create, delete, stage or apply at a time per data folder, across processes (the console,
// the command-line tool, cron) and within one process. Held until destroyed, and never longer
// than its process lives (see FileLock): the lock file stays, with the holder's details inside
// for `status`, but a file nobody holds blocks nobody.
class OperationLock
{
public:
    struct Wait
    {
        int ms = 0; // wait this long for a busy folder (--wait-lock) instead of failing at once
        std::function<bool()> cancelled;
    };
    static Result<std::unique_ptr<OperationLock>> acquire(const DataFolder& folder, const Wait& wait);
    static Result<std::unique_ptr<OperationLock>> acquire(const DataFolder& folder)
    {
        return acquire(folder, Wait {});
    }

    struct Holder
    {
        qint64 pid = 0;
        QString app;
    };
    // Who holds the lock now, if anyone (without taking it).
    static std::optional<Holder> holder(const DataFolder& folder);

private:
    explicit OperationLock(std::unique_ptr<FileLock> lock);
    std::unique_ptr<FileLock> m_lock;
};

} // namespace fcb
