#include "Logging.h"

Q_LOGGING_CATEGORY(lcArchive, "fcb.core.archive", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSqlite, "fcb.core.sqlite", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRestore, "fcb.core.restore", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLocal, "fcb.core.local", QtWarningMsg)
Q_LOGGING_CATEGORY(lcFiles, "fcb.core.files", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRemote, "fcb.core.remote", QtWarningMsg)
