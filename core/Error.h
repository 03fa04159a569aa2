#pragma once

#include <QCoreApplication>
#include <QString>

#include <expected>

namespace fcb {

// What went wrong, coarse enough for a script to act on; see exitCode().
enum class ErrorCode
{
    Usage, // the caller asked for something malformed (bad name, bad page size)
    NotFound, // the backup, database or folder does not exist
    Busy, // another operation holds this data folder
    InUse, // the database is open in another process (the server is running)
    BadArchive, // the archive is damaged, hostile, or its database is unhealthy
    Io, // reading or writing failed
    NoSpace, // not enough free space; refused before writing
    Conflict, // the request contradicts the current state (e.g. deleting the staged backup)
    Unauthorized, // signed out, token expired, or not an administrator
    Network, // the server could not be reached or answered nonsense
    Unsupported, // this server (or mode) does not offer the operation
    Cancelled, // the user cancelled
    Internal, // a bug or an unexpected library failure
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message; // translated, for the user; never holds a secret
    QString detail; // technical detail for logs and --json; never holds a secret

    static Error make(ErrorCode code, const QString& message, const QString& detail = {})
    {
        return Error { code, message, detail };
    }
};

template <typename T> using Result = std::expected<T, Error>;

// A Result<void> that reads well at call sites: `return ok();`
inline Result<void> ok()
{
    return {};
}

inline std::unexpected<Error> fail(ErrorCode code, const QString& message, const QString& detail = {})
{
    return std::unexpected(Error { code, message, detail });
}

inline std::unexpected<Error> fail(const Error& error)
{
    return std::unexpected(error);
}

// Stable, documented process exit codes (see `fastcms-backup --help` and the README).
namespace ExitCode {
constexpr int Success = 0;
constexpr int Failure = 1;
constexpr int Usage = 2;
constexpr int NotFound = 3;
constexpr int Busy = 4;
constexpr int BadArchive = 5;
constexpr int Io = 6;
constexpr int Conflict = 7;
constexpr int Unauthorized = 8;
constexpr int Network = 9;
constexpr int Unsupported = 10;
constexpr int Stale = 11; // status --check: no backup, or the newest is older than --max-age
constexpr int LowSpace = 12; // status --check: less free space than twice the newest backup
constexpr int ScheduleInactive = 13; // status --check: the installed schedule's timer is not active
constexpr int Cancelled = 130;
} // namespace ExitCode

int exitCodeFor(ErrorCode code);
// A stable machine-readable name, used in --json output ("busy", "bad_archive", ...).
QString errorCodeName(ErrorCode code);

} // namespace fcb
