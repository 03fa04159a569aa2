#include "Error.h"

namespace fcb {

int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Usage:
        return ExitCode::Usage;
    case ErrorCode::NotFound:
        return ExitCode::NotFound;
    case ErrorCode::Busy:
    case ErrorCode::InUse:
        return ExitCode::Busy;
    case ErrorCode::BadArchive:
        return ExitCode::BadArchive;
    case ErrorCode::Io:
    case ErrorCode::NoSpace:
        return ExitCode::Io;
    case ErrorCode::Conflict:
        return ExitCode::Conflict;
    case ErrorCode::Unauthorized:
        return ExitCode::Unauthorized;
    case ErrorCode::Network:
        return ExitCode::Network;
    case ErrorCode::Unsupported:
        return ExitCode::Unsupported;
    case ErrorCode::Cancelled:
        return ExitCode::Cancelled;
    case ErrorCode::Internal:
        return ExitCode::Failure;
    }
    return ExitCode::Failure;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Usage:
        return QStringLiteral("usage");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::Busy:
        return QStringLiteral("busy");
    case ErrorCode::InUse:
        return QStringLiteral("in_use");
    case ErrorCode::BadArchive:
        return QStringLiteral("bad_archive");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::NoSpace:
        return QStringLiteral("no_space");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::Unauthorized:
        return QStringLiteral("unauthorized");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::Unsupported:
        return QStringLiteral("unsupported");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace fcb
