#include "CommandLine.h"

#include "FileUtil.h"
#include "archive/BackupName.h"
#include "backend/LocalBackend.h"
#include "demo/DemoData.h"
#include "remote/RemoteBackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QNetworkReply>
#include <QJsonDocument>
#include <QTextStream>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace fcb {

namespace {

std::atomic_int g_signal{0};

extern "C" void onTerminationSignal(int signal)
{
    g_signal.store(signal);
}


QString localTime(const QDateTime& utc)
{
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString isoUtc(const QDateTime& utc)
{
    return utc.toUTC().toString(Qt::ISODate);
}

QString age(const QDateTime& then)
{
    const qint64 seconds = then.secsTo(QDateTime::currentDateTimeUtc());
    if (seconds < 0)
        return CommandLine::tr("in the future");
    if (seconds < 90)
        return CommandLine::tr("%n second(s) ago", nullptr, int(seconds));
    if (seconds < 90 * 60)
        return CommandLine::tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 48 * 3600)
        return CommandLine::tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    return CommandLine::tr("%n day(s) ago", nullptr, int(seconds / 86400));
}

QJsonObject itemJson(const BackupItem& item)
{
    QJsonObject object{
        {QStringLiteral("id"), item.id},
        {QStringLiteral("filename"), item.fileName},
        {QStringLiteral("size"), item.sizeBytes},
        {QStringLiteral("created"), isoUtc(item.created)},
        {QStringLiteral("created_from"), item.createdFrom == BackupItem::TimeSource::Metadata ? QStringLiteral("metadata")
                                         : item.createdFrom == BackupItem::TimeSource::Name   ? QStringLiteral("name")
                                                                                              : QStringLiteral("file")},
        {QStringLiteral("path"), item.path},
        {QStringLiteral("valid"), item.valid},
        {QStringLiteral("staged"), item.staged},
    };
    if (!item.valid)
        object.insert(QStringLiteral("invalid_reason"), item.invalidReason);
    if (item.metadata) {
        object.insert(QStringLiteral("metadata"), QJsonDocument::fromJson(item.metadata->toJson()).object());
    }
    return object;
}

QJsonObject reportJson(const VerifyReport& report)
{
    QJsonArray checks;
    for (const VerifyCheck& check : report.checks) {
        checks.append(QJsonObject{
            {QStringLiteral("id"), check.id},
            {QStringLiteral("status"), check.status == VerifyCheck::Status::Passed   ? QStringLiteral("passed")
                                       : check.status == VerifyCheck::Status::Failed ? QStringLiteral("failed")
                                                                                     : QStringLiteral("missing")},
            {QStringLiteral("message"), check.message},
        });
    }
    QJsonObject object{
        {QStringLiteral("path"), report.path},
        {QStringLiteral("valid"), report.ok()},
        {QStringLiteral("entries"), report.entryCount},
        {QStringLiteral("files"), report.fileCount},
        {QStringLiteral("uncompressed_bytes"), qint64(report.totalSize)},
        {QStringLiteral("checks"), checks},
    };
    if (report.metadata)
        object.insert(QStringLiteral("metadata"), QJsonDocument::fromJson(report.metadata->toJson()).object());
    return object;
}

bool isTerminal(FILE* stream)
{
    return ::isatty(::fileno(stream)) == 1;
}

} // namespace

CommandLine::CommandLine(QObject* parent)
    : QObject(parent)
{
    m_signalPoll.setInterval(100);
    connect(&m_signalPoll, &QTimer::timeout, this, [this] {
        if (g_signal.load() != 0 && m_cancel && !m_cancel->isCanceled()) {
            clearProgress();
            if (!m_quiet && !m_json)
                std::fputs(qPrintable(CommandLine::tr("Cancelling...") + QLatin1Char('\n')), stderr);
            m_cancel->cancel();
        }
    });
}

CommandLine::~CommandLine() = default;

QString CommandLine::helpText()
{
    return CommandLine::tr(R"(Usage: fastcms-backup [options] <command> [arguments]

Safe, FastCMS-compatible backups of a FastCMS data folder, or of a FastCMS server
through its REST API (--server).

Commands:
  create                 Back up the database (a consistent snapshot, even while the
                         server writes) and every uploaded file into
                         backups/backup_YYYYMMDD_HHMMSS.zip
  list                   List backups, newest first (--page, --per-page)
  delete <name>          Delete one backup (a plain *.zip name in the backups folder)
  verify <name>          Check CRCs, SHA256SUMS, the database's integrity and metadata
                         (on a server: downloads it first, where the server allows)
  stage-restore <name>   Verify a backup and stage it; FastCMS applies it at its next start
  unstage                Cancel a staged restore (local data folders only)
  apply-restore          Apply the staged restore now (the server must be stopped);
                         keeps app.db.before_restore and files_before_restore/.
                         After an interruption it finishes the restore; with
                         --abandon it undoes it instead
  status                 Pending restore, newest backup and its age, who is busy
  download <name>        Copy a backup to --output (default: the current folder),
                         resuming a partial download, and verify the copy
  upload <zip>           Add a backup zip from this machine, after validating it
  login                  Sign in to --server with --email; with --save-token FILE,
                         keep the tokens in FILE (readable by you only) for later runs
  forget-restore         Forget the restore staged on --server once it has restarted
                         and applied it (the server has no route that tells)
  prune                  Delete the backups a retention policy does not keep (default:
                         7 daily, 4 weekly, 12 monthly); --dry-run lists every backup
                         as keep or delete with its reason. The newest, pinned and
                         staged backups are always kept
  pin <name>, unpin <name>
                         Keep a backup through every prune, or stop doing so
  demo                   Create a demo data folder at --data-dir (if it has no app.db)

Local options:
  --data-dir <dir>       The server's data folder (default: ./data)
  --db <file>            Database (default: <data-dir>/app.db; FastCMS's DATABASE_URL)
  --files-dir <dir>      Uploads (default: <data-dir>/files; FastCMS's LOCAL_STORAGE_PATH)
  --backups-dir <dir>    Backups (default: <data-dir>/backups)

Server options (secrets never go on the command line):
  --server <url>         A FastCMS server, e.g. https://cms.example.org
  --token-file <file>    An access token, or the file login --save-token wrote
                         (kept current when the server rotates the refresh token)
  --api-key-file <file>  An API key (fcms_...), sent as X-API-Key
  --email <address>      Sign in with a password from --password-file, FASTCMS_PASSWORD
                         or a prompt; a two-factor code from FASTCMS_2FA_CODE or a prompt
  --password-file <file> The password for --email
  --save-token <file>    login: where to keep the tokens
  --timeout <seconds>    Give up on a silent server after this long (default: 30)
  Without these options, FASTCMS_TOKEN or FASTCMS_API_KEY are used when set.

Other options:
  --page <n>             list: page number, from 1 (default: 1)
  --per-page <n>         list: backups per page, 1 to 1000 (default: 20)
  --trigger <kind>       create: manual, scheduled or pre-restore (default: manual)
  --abandon              apply-restore: undo an interrupted restore
  --keep-last <n>, --keep-daily <n>, --keep-weekly <n>, --keep-monthly <n>,
  --keep-yearly <n>      prune: the retention rules, combined with OR (UTC calendar
                         buckets, weeks from Monday)
  --dry-run              prune: only show what would be deleted
  --check                status: exit 11 when the newest backup is too old, 12 when space
                         is short (for monitoring)
  --max-age <hours>      status: how old the newest backup may be (default: 26)
  --heartbeat-url <url>  create: call this URL after a successful backup
  --output <path>        download: a folder or a file name (default: .)
  --json                 Print one JSON object on standard output
  -q, --quiet            No progress and no messages on success
  -h, --help             Show this help
  -v, --version          Show the version

Progress is shown on a terminal only. Ctrl+C cancels cleanly: nothing half-written is left.

Exit codes:
  0    success
  1    unexpected failure
  2    usage error (unknown command or option, malformed backup name)
  3    not found (no such backup, database or staged restore)
  4    busy (another operation runs on this data folder, or the server has the
       database open during apply-restore)
  5    invalid archive (verification failed, hostile or damaged archive)
  6    I/O error, including not enough free space
  7    conflict (e.g. deleting the backup that is staged for restore)
  8    authentication failed (signed out, expired token, not an administrator)
  9    network failure (unreachable, timed out, TLS error, server error, rate limit)
  10   not supported by this server (e.g. downloads where it has no such route)
  11   status --check: no backup, or the newest is older than --max-age
  12   status --check: less free space than twice the newest backup
  130  cancelled (Ctrl+C or SIGTERM)
)");
}

void CommandLine::start(const QStringList& arguments)
{
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOptions({
        {QStringLiteral("data-dir"), QString(), QStringLiteral("dir"), QStringLiteral("data")},
        {QStringLiteral("db"), QString(), QStringLiteral("file")},
        {QStringLiteral("files-dir"), QString(), QStringLiteral("dir")},
        {QStringLiteral("backups-dir"), QString(), QStringLiteral("dir")},
        {QStringLiteral("page"), QString(), QStringLiteral("n"), QStringLiteral("1")},
        {QStringLiteral("per-page"), QString(), QStringLiteral("n"), QStringLiteral("20")},
        {QStringLiteral("trigger"), QString(), QStringLiteral("kind"), QStringLiteral("manual")},
        {QStringLiteral("abandon"), QString()},
        {QStringLiteral("dry-run"), QString()},
        {QStringLiteral("check"), QString()},
        {QStringLiteral("max-age"), QString(), QStringLiteral("hours"), QStringLiteral("26")},
        {QStringLiteral("heartbeat-url"), QString(), QStringLiteral("url")},
        {QStringLiteral("keep-last"), QString(), QStringLiteral("n")},
        {QStringLiteral("keep-daily"), QString(), QStringLiteral("n")},
        {QStringLiteral("keep-weekly"), QString(), QStringLiteral("n")},
        {QStringLiteral("keep-monthly"), QString(), QStringLiteral("n")},
        {QStringLiteral("keep-yearly"), QString(), QStringLiteral("n")},
        {QStringLiteral("server"), QString(), QStringLiteral("url")},
        {QStringLiteral("token-file"), QString(), QStringLiteral("file")},
        {QStringLiteral("api-key-file"), QString(), QStringLiteral("file")},
        {QStringLiteral("email"), QString(), QStringLiteral("address")},
        {QStringLiteral("password-file"), QString(), QStringLiteral("file")},
        {QStringLiteral("save-token"), QString(), QStringLiteral("file")},
        {QStringLiteral("output"), QString(), QStringLiteral("path"), QStringLiteral(".")},
        {QStringLiteral("timeout"), QString(), QStringLiteral("seconds"), QStringLiteral("30")},
        {QStringLiteral("json"), QString()},
        {{QStringLiteral("q"), QStringLiteral("quiet")}, QString()},
        {{QStringLiteral("h"), QStringLiteral("help")}, QString()},
        {{QStringLiteral("v"), QStringLiteral("version")}, QString()},
    });
    const bool parsed = m_parser.parse(arguments);
    m_json = m_parser.isSet(QStringLiteral("json"));
    m_quiet = m_parser.isSet(QStringLiteral("quiet"));
    if (!parsed) {
        fail(Error::make(ErrorCode::Usage, m_parser.errorText() + QLatin1Char('\n') + CommandLine::tr("Try 'fastcms-backup --help'.")));
        return;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(helpText()), stdout);
        finish(ExitCode::Success);
        return;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        printLine(QStringLiteral("fastcms-backup ") + QStringLiteral(FCB_VERSION));
        finish(ExitCode::Success);
        return;
    }
    QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty()) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("No command given. Try 'fastcms-backup --help'.")));
        return;
    }
    const QString command = positional.takeFirst();
    const int immediate = runCommand(command, positional);
    if (immediate >= 0)
        finish(immediate);
}

int CommandLine::runCommand(const QString& command, const QStringList& args)
{
    static const QStringList known{QStringLiteral("create"),        QStringLiteral("list"),
                                   QStringLiteral("delete"),        QStringLiteral("verify"),
                                   QStringLiteral("stage-restore"), QStringLiteral("unstage"),
                                   QStringLiteral("apply-restore"), QStringLiteral("status"),
                                   QStringLiteral("demo"),          QStringLiteral("download"),
                                   QStringLiteral("upload"),        QStringLiteral("login"),
                                   QStringLiteral("forget-restore"), QStringLiteral("prune"),
                                   QStringLiteral("pin"),           QStringLiteral("unpin")};
    if (!known.contains(command)) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("Unknown command \"%1\". Try 'fastcms-backup --help'.").arg(command)));
        return -1;
    }
    const bool takesName = command == QStringLiteral("delete") || command == QStringLiteral("verify")
        || command == QStringLiteral("stage-restore") || command == QStringLiteral("download")
        || command == QStringLiteral("pin") || command == QStringLiteral("unpin");
    const bool takesPath = command == QStringLiteral("upload");
    if (args.size() != (takesName || takesPath ? 1 : 0)) {
        fail(Error::make(ErrorCode::Usage, takesName   ? CommandLine::tr("%1 takes one backup name.").arg(command)
                                           : takesPath ? CommandLine::tr("%1 takes the path of one zip file.").arg(command)
                                                       : CommandLine::tr("%1 takes no arguments.").arg(command)));
        return -1;
    }
    if (m_parser.isSet(QStringLiteral("abandon")) && command != QStringLiteral("apply-restore")) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("--abandon goes with apply-restore.")));
        return -1;
    }
    if ((m_parser.isSet(QStringLiteral("page")) || m_parser.isSet(QStringLiteral("per-page")))
        && command != QStringLiteral("list")) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("--page and --per-page go with list.")));
        return -1;
    }
    const DataFolder folder(m_parser.value(QStringLiteral("data-dir")), m_parser.value(QStringLiteral("db")),
                            m_parser.value(QStringLiteral("files-dir")), m_parser.value(QStringLiteral("backups-dir")));
    m_engine = std::make_unique<LocalEngine>(folder);
    const bool remote = m_parser.isSet(QStringLiteral("server"));
    if (remote && (command == QStringLiteral("apply-restore") || command == QStringLiteral("demo"))) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("%1 works on a local data folder; a server applies staged "
                                                           "restores itself when it restarts.")
                                               .arg(command)));
        return -1;
    }
    if (!remote && (command == QStringLiteral("login") || command == QStringLiteral("forget-restore"))) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("%1 needs --server.").arg(command)));
        return -1;
    }
    if (remote) {
        if (!connectRemote(command))
            return -1;
    } else {
        m_backend = std::make_unique<LocalBackend>(*m_engine);
    }

    // A backup id (the name without .zip, as FastCMS's routes take it) is accepted too.
    QString name = args.value(0);
    if (takesName && !name.contains(QLatin1Char('.')) && !name.contains(QLatin1Char('/')))
        name += QStringLiteral(".zip");
    if (takesName) {
        if (auto valid = BackupName::checkPlainZipName(name); !valid) {
            fail(valid.error());
            return -1;
        }
    }

    std::signal(SIGINT, onTerminationSignal);
    std::signal(SIGTERM, onTerminationSignal);
    m_signalPoll.start();

    if (command == QStringLiteral("create")) {
        const QString trigger = m_parser.value(QStringLiteral("trigger"));
        if (!QStringList{QStringLiteral("manual"), QStringLiteral("scheduled"), QStringLiteral("pre-restore")}.contains(trigger)) {
            fail(Error::make(ErrorCode::Usage, CommandLine::tr("--trigger is manual, scheduled or pre-restore.")));
            return -1;
        }
        watch<CreateResult>(m_backend->create(CreateRequest{trigger}), [this](const CreateResult& r) {
            if (m_json) {
                printJson({{QStringLiteral("backup"), itemJson(r.backup)},
                           {QStringLiteral("files"), r.fileCount},
                           {QStringLiteral("database_bytes"), r.databaseBytes},
                           {QStringLiteral("uncompressed_bytes"), r.totalBytes},
                           {QStringLiteral("database_integrity"), r.databaseIntegrity}});
            } else if (!m_quiet && m_backend->isRemote()) {
                printLine(CommandLine::tr("Created %1 (%2) on the server.").arg(r.backup.fileName, files::humanSize(r.backup.sizeBytes)));
            } else if (!m_quiet) {
                printLine(CommandLine::tr("Created %1 (%2; database %3 and %n file(s), %4 before compression; integrity %5)", nullptr,
                                          int(r.fileCount))
                              .arg(r.backup.fileName, files::humanSize(r.backup.sizeBytes),
                                   files::humanSize(r.databaseBytes), files::humanSize(r.totalBytes), r.databaseIntegrity));
                printLine(r.backup.path);
            }
            pingHeartbeat();
        });
    } else if (command == QStringLiteral("list")) {
        bool pageOk = false;
        bool perPageOk = false;
        const int page = m_parser.value(QStringLiteral("page")).toInt(&pageOk);
        const int perPage = m_parser.value(QStringLiteral("per-page")).toInt(&perPageOk);
        if (!pageOk || !perPageOk) {
            fail(Error::make(ErrorCode::Usage, CommandLine::tr("--page and --per-page take whole numbers.")));
            return -1;
        }
        watch<BackupPage>(m_backend->list(page, perPage), [this](const BackupPage& p) {
            if (m_json) {
                QJsonArray items;
                for (const BackupItem& item : p.items)
                    items.append(itemJson(item));
                printJson({{QStringLiteral("items"), items},
                           {QStringLiteral("page"), p.page},
                           {QStringLiteral("per_page"), p.perPage},
                           {QStringLiteral("total"), p.total},
                           {QStringLiteral("total_pages"), p.totalPages}});
            } else {
                if (p.items.isEmpty()) {
                    printLine(p.total == 0 ? CommandLine::tr("No backups yet. Create one with 'fastcms-backup create'.")
                                           : CommandLine::tr("Page %1 is past the end (%2 pages).").arg(p.page).arg(p.totalPages));
                } else {
                    int width = 8;
                    for (const BackupItem& item : p.items)
                        width = qMax(width, int(item.fileName.size()));
                    printLine(CommandLine::tr("Filename").leftJustified(width + 2) + CommandLine::tr("Size").rightJustified(10) + QStringLiteral("  ")
                              + CommandLine::tr("Created").leftJustified(21) + CommandLine::tr("Notes"));
                    for (const BackupItem& item : p.items) {
                        QStringList notes;
                        if (!item.valid)
                            notes.append(CommandLine::tr("INVALID: %1").arg(item.invalidReason));
                        if (item.staged)
                            notes.append(CommandLine::tr("staged for restore"));
                        printLine(item.fileName.leftJustified(width + 2)
                                  + files::humanSize(item.sizeBytes).rightJustified(10) + QStringLiteral("  ")
                                  + localTime(item.created).leftJustified(21) + notes.join(QStringLiteral("; ")));
                    }
                }
                printLine(CommandLine::tr("Total: %n backup(s) · Page %1 of %2", nullptr, int(p.total)).arg(p.page).arg(p.totalPages));
            }
            finish(ExitCode::Success);
        });
    } else if (command == QStringLiteral("delete")) {
        watch<void>(m_backend->remove(name), [this, name] {
            if (m_json)
                printJson({{QStringLiteral("deleted"), true}, {QStringLiteral("filename"), name}});
            else if (!m_quiet)
                printLine(CommandLine::tr("Deleted %1.").arg(name));
            finish(ExitCode::Success);
        });
    } else if (command == QStringLiteral("verify")) {
        watch<VerifyReport>(m_backend->verify(name), [this](const VerifyReport& r) {
            if (m_json) {
                printJson({{QStringLiteral("report"), reportJson(r)}});
            } else {
                for (const VerifyCheck& check : r.checks) {
                    const QString mark = check.status == VerifyCheck::Status::Passed   ? QStringLiteral("ok  ")
                                       : check.status == VerifyCheck::Status::Failed ? QStringLiteral("FAIL")
                                                                                     : QStringLiteral("--  ");
                    printLine(mark + QStringLiteral("  ") + check.message);
                }
                printLine(r.ok() ? CommandLine::tr("%1 is a sound backup.").arg(QFileInfo(r.path).fileName())
                                 : CommandLine::tr("%1 FAILED verification.").arg(QFileInfo(r.path).fileName()));
            }
            finish(r.ok() ? ExitCode::Success : ExitCode::BadArchive);
        });
    } else if (command == QStringLiteral("stage-restore")) {
        watch<StageResult>(m_backend->stageRestore(name), [this](const StageResult& r) {
            if (m_json) {
                printJson({{QStringLiteral("status"), QStringLiteral("pending_restart")},
                           {QStringLiteral("backup_filename"), r.marker.backupFilename},
                           {QStringLiteral("requested_at"), r.marker.requestedAt},
                           {QStringLiteral("staging_path"), r.marker.stagingPath},
                           {QStringLiteral("report"), reportJson(r.report)}});
            } else if (!m_quiet) {
                printLine(CommandLine::tr("Staged %1 for restore.").arg(r.marker.backupFilename));
                printLine(CommandLine::tr("Restart the FastCMS server to apply it, or stop the server and run "
                             "'fastcms-backup apply-restore'."));
            }
            finish(ExitCode::Success);
        });
    } else if (command == QStringLiteral("unstage")) {
        watch<void>(m_backend->unstageRestore(), [this] {
            if (m_json)
                printJson({{QStringLiteral("unstaged"), true}});
            else if (!m_quiet)
                printLine(CommandLine::tr("The staged restore was removed; FastCMS will start normally."));
            finish(ExitCode::Success);
        });
    } else if (command == QStringLiteral("apply-restore") && m_parser.isSet(QStringLiteral("abandon"))) {
        watch<void>(m_engine->abandonInterruptedApplyAsync(), [this] {
            if (m_json)
                printJson({{QStringLiteral("abandoned"), true}});
            else if (!m_quiet)
                printLine(CommandLine::tr("The interrupted restore was undone; the data folder is as it was before, "
                                          "and the restore is staged again."));
            finish(ExitCode::Success);
        });
    } else if (command == QStringLiteral("apply-restore")) {
        watch<ApplyResult>(m_engine->applyRestoreAsync(), [this](const ApplyResult& r) {
            if (m_json) {
                printJson({{QStringLiteral("backup_filename"), r.backupFilename},
                           {QStringLiteral("files_replaced"), r.filesReplaced},
                           {QStringLiteral("resumed"), r.resumed},
                           {QStringLiteral("safety_database"), r.safetyDatabase},
                           {QStringLiteral("safety_files"), r.safetyFiles}});
            } else if (!m_quiet) {
                printLine(r.resumed ? CommandLine::tr("Finished the interrupted restore of %1.").arg(r.backupFilename)
                                    : CommandLine::tr("Restored %1.").arg(r.backupFilename));
                printLine(CommandLine::tr("The previous database is kept as %1.").arg(r.safetyDatabase));
                if (!r.safetyFiles.isEmpty())
                    printLine(CommandLine::tr("The previous files are kept in %1.").arg(r.safetyFiles));
            }
            finish(ExitCode::Success);
        });
    } else if (command == QStringLiteral("status")) {
        watch<BackendStatus>(m_backend->status(), [this](const BackendStatus& s) {
            // Health, for monitoring: exit codes only with --check.
            const qint64 maxAgeHours = m_parser.value(QStringLiteral("max-age")).toLongLong();
            const qint64 age = s.newest ? s.newest->created.secsTo(QDateTime::currentDateTimeUtc()) : -1;
            const bool stale = !s.newest || age > maxAgeHours * 3600;
            const qint64 freeBytes = s.local ? s.local->freeBytes : -1;
            const bool lowSpace = s.newest && freeBytes >= 0 && freeBytes < 2 * s.newest->sizeBytes;
            m_health = QJsonObject{{QStringLiteral("healthy"), !stale && !lowSpace},
                                   {QStringLiteral("stale"), stale},
                                   {QStringLiteral("low_space"), lowSpace},
                                   {QStringLiteral("max_age_hours"), maxAgeHours}};
            printStatus(s);
            if (!m_json) {
                if (stale)
                    printLine(s.newest ? CommandLine::tr("Health:        STALE: the newest backup is older than %n hour(s)", nullptr, int(maxAgeHours))
                                       : CommandLine::tr("Health:        STALE: there is no backup"));
                if (lowSpace)
                    printLine(CommandLine::tr("Health:        LOW SPACE: %1 free, less than twice the newest backup (%2)")
                                  .arg(files::humanSize(freeBytes), files::humanSize(s.newest->sizeBytes)));
                if (!stale && !lowSpace)
                    printLine(CommandLine::tr("Health:        OK"));
            }
            finish(!m_parser.isSet(QStringLiteral("check")) ? ExitCode::Success
                   : stale                                 ? ExitCode::Stale
                   : lowSpace                              ? ExitCode::LowSpace
                                                           : ExitCode::Success);
        });
    } else if (command == QStringLiteral("download")) {
        watch<DownloadResult>(m_backend->download(name, m_parser.value(QStringLiteral("output"))), [this](const DownloadResult& r) {
            const bool sound = r.report && r.report->ok();
            if (m_json) {
                QJsonObject object{{QStringLiteral("path"), r.path}, {QStringLiteral("bytes"), r.bytes},
                                   {QStringLiteral("resumed"), r.resumed}};
                if (r.report)
                    object.insert(QStringLiteral("report"), reportJson(*r.report));
                printJson(object);
            } else if (!m_quiet || !sound) {
                printLine(CommandLine::tr("Saved %1 (%2)%3.").arg(r.path, files::humanSize(r.bytes),
                                                                  r.resumed ? CommandLine::tr(", resumed") : QString()));
                printLine(sound ? CommandLine::tr("The download verifies.")
                                : CommandLine::tr("The download FAILED verification: %1")
                                      .arg(r.report ? r.report->problems().join(QLatin1Char(' ')) : QString()));
            }
            finish(sound ? ExitCode::Success : ExitCode::BadArchive);
        });
    } else if (command == QStringLiteral("upload")) {
        watch<BackupItem>(m_backend->upload(args.value(0)), [this](const BackupItem& item) {
            if (m_json)
                printJson({{QStringLiteral("backup"), itemJson(item)}});
            else if (!m_quiet)
                printLine(CommandLine::tr("Added %1 (%2).").arg(item.fileName, files::humanSize(item.sizeBytes)));
            finish(ExitCode::Success);
        });
    } else if (command == QStringLiteral("login")) {
        runLogin();
    } else if (command == QStringLiteral("pin") || command == QStringLiteral("unpin")) {
        const bool pin = command == QStringLiteral("pin");
        PinStore pins(qEnvironmentVariable("FASTCMS_BACKUP_PINS_FILE", PinStore::defaultPath()));
        if (auto set = pins.setPinned(m_backend->describe(), name, pin); !set) {
            fail(set.error());
            return -1;
        }
        if (m_json)
            printJson({{QStringLiteral("filename"), name}, {QStringLiteral("pinned"), pin}});
        else if (!m_quiet)
            printLine(pin ? CommandLine::tr("%1 is pinned: prune keeps it.").arg(name)
                          : CommandLine::tr("%1 is no longer pinned.").arg(name));
        return ExitCode::Success;
    } else if (command == QStringLiteral("prune")) {
        runPrune({}, 1);
    } else if (command == QStringLiteral("forget-restore")) {
        if (auto forgotten = static_cast<RemoteBackend*>(m_backend.get())->forgetPendingRestore(); !forgotten) {
            fail(forgotten.error());
            return -1;
        }
        if (m_json)
            printJson({{QStringLiteral("forgotten"), true}});
        else if (!m_quiet)
            printLine(CommandLine::tr("The reminder of the staged restore was removed from this machine."));
        return ExitCode::Success;
    } else if (command == QStringLiteral("demo")) {
        auto made = demo::createDataFolder(folder.dataDir());
        if (!made) {
            fail(made.error());
            return -1;
        }
        if (m_json)
            printJson({{QStringLiteral("data_dir"), folder.dataDir()}, {QStringLiteral("created"), *made}});
        else if (!m_quiet)
            printLine(*made ? CommandLine::tr("Created a demo data folder at %1.").arg(folder.dataDir())
                            : CommandLine::tr("%1 already has a database; left it as it is.").arg(folder.dataDir()));
        return ExitCode::Success;
    }
    return -1;
}

namespace {

// A secret from a file: the whole file when it is JSON (a saved token pair), else its first line.
QString readSecretFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = CommandLine::tr("Could not read %1.").arg(path);
        return {};
    }
    const QString text = QString::fromUtf8(file.read(1 << 20)).trimmed();
    return text.startsWith(QLatin1Char('{')) ? text : text.section(QLatin1Char('\n'), 0, 0).trimmed();
}

QString origin(const QUrl& url)
{
    return url.scheme().toLower() + QStringLiteral("://") + url.host().toLower() + QLatin1Char(':')
        + QString::number(url.port(url.scheme() == QStringLiteral("https") ? 443 : 80));
}

QString promptHidden(const QString& prompt)
{
    if (!isTerminal(stdin))
        return {};
    std::fputs(qPrintable(prompt), stderr);
    std::fflush(stderr);
    termios old {};
    ::tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    char buffer[512] = {};
    const bool got = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fputs("\n", stderr);
    return got ? QString::fromUtf8(buffer).trimmed() : QString();
}

} // namespace

bool CommandLine::connectRemote(const QString& command)
{
    const QUrl server = QUrl::fromUserInput(m_parser.value(QStringLiteral("server")));
    if (!server.isValid() || (server.scheme() != QStringLiteral("http") && server.scheme() != QStringLiteral("https"))
        || server.host().isEmpty()) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("--server takes an http:// or https:// address.")));
        return false;
    }
    if (!server.userInfo().isEmpty()) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("Put no credentials in --server: use --token-file, "
                                                           "--api-key-file or --email.")));
        return false;
    }
    Credentials credentials;
    QString error;
    const QString tokenFile = m_parser.value(QStringLiteral("token-file"));
    const QString keyFile = m_parser.value(QStringLiteral("api-key-file"));
    if (!tokenFile.isEmpty()) {
        const QString text = readSecretFile(tokenFile, &error);
        credentials.kind = Credentials::Kind::AccessToken;
        const QJsonObject saved = QJsonDocument::fromJson(text.toUtf8()).object();
        if (!saved.isEmpty()) { // written by login --save-token: keeps itself current
            // Tokens go only to the server that issued them.
            const QUrl issuer(saved.value(QStringLiteral("server")).toString());
            if (issuer.isValid() && !issuer.host().isEmpty() && origin(issuer) != origin(server)) {
                fail(Error::make(ErrorCode::Usage, CommandLine::tr("The tokens in %1 belong to %2, not to %3.")
                                                       .arg(tokenFile, issuer.toDisplayString(QUrl::RemoveUserInfo),
                                                            server.toDisplayString(QUrl::RemoveUserInfo))));
                return false;
            }
            credentials.accessToken = saved.value(QStringLiteral("access_token")).toString();
            credentials.refreshToken = saved.value(QStringLiteral("refresh_token")).toString();
            m_tokenFile = tokenFile;
        } else {
            credentials.accessToken = text;
        }
    } else if (!keyFile.isEmpty()) {
        credentials.kind = Credentials::Kind::ApiKey;
        credentials.apiKey = readSecretFile(keyFile, &error);
    } else if (m_parser.isSet(QStringLiteral("email"))) {
        credentials.kind = Credentials::Kind::Password;
        credentials.email = m_parser.value(QStringLiteral("email"));
        const QString passwordFile = m_parser.value(QStringLiteral("password-file"));
        credentials.password = !passwordFile.isEmpty() ? readSecretFile(passwordFile, &error)
                                                       : qEnvironmentVariable("FASTCMS_PASSWORD");
        if (credentials.password.isEmpty() && error.isEmpty())
            credentials.password = promptHidden(CommandLine::tr("Password for %1: ").arg(credentials.email));
        credentials.twoFactorCode = qEnvironmentVariable("FASTCMS_2FA_CODE");
    } else if (!qEnvironmentVariableIsEmpty("FASTCMS_TOKEN")) {
        credentials.kind = Credentials::Kind::AccessToken;
        credentials.accessToken = qEnvironmentVariable("FASTCMS_TOKEN");
    } else if (!qEnvironmentVariableIsEmpty("FASTCMS_API_KEY")) {
        credentials.kind = Credentials::Kind::ApiKey;
        credentials.apiKey = qEnvironmentVariable("FASTCMS_API_KEY");
    }
    if (!error.isEmpty()) {
        fail(Error::make(ErrorCode::Usage, error));
        return false;
    }
    if (command == QStringLiteral("login") && credentials.kind != Credentials::Kind::Password) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("login needs --email (the password comes from --password-file, "
                                                           "FASTCMS_PASSWORD or a prompt).")));
        return false;
    }
    if (credentials.kind == Credentials::Kind::Password && credentials.password.isEmpty()) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("No password: use --password-file or FASTCMS_PASSWORD, or run on a terminal.")));
        return false;
    }
    RemoteOptions options;
    options.server = server;
    bool numeric = false;
    const int timeout = m_parser.value(QStringLiteral("timeout")).toInt(&numeric);
    if (!numeric || timeout < 1) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("--timeout takes a number of seconds.")));
        return false;
    }
    options.transferTimeoutMs = timeout * 1000;
    options.requestDeadlineMs = timeout * 4000;
    options.stateFile = qEnvironmentVariable("FASTCMS_BACKUP_STATE_FILE", RemoteStateStore::defaultPath());
    m_network = new QNetworkAccessManager(this);
    auto* session = new RemoteSession(m_network, options, credentials, this);
    if (session->insecure())
        std::fputs(qPrintable(CommandLine::tr("Warning: %1 is plain http:// to another machine: credentials and backups "
                                              "cross the network unencrypted.")
                                  .arg(server.host())
                              + QLatin1Char('\n')),
                   stderr);
    connect(session, &RemoteSession::tokensChanged, this, [this, server](const QString& access, const QString& refresh) {
        if (m_tokenFile.isEmpty())
            return;
        // The old refresh token is now revoked: keep the file current, or the next run is signed out.
        const QByteArray tokens = QJsonDocument(QJsonObject{{QStringLiteral("server"), server.toString()},
                                                            {QStringLiteral("access_token"), access},
                                                            {QStringLiteral("refresh_token"), refresh}})
                                      .toJson();
        if (auto written = files::writeAtomically(m_tokenFile, tokens, files::ownerOnly); !written)
            std::fputs(qPrintable(CommandLine::tr("Warning: the renewed tokens could not be saved to %1 (%2); the next run "
                                                  "will have to sign in again.")
                                      .arg(m_tokenFile, written.error().message)
                                  + QLatin1Char('\n')),
                       stderr);
    });
    m_backend = std::make_unique<RemoteBackend>(session, RemoteStateStore(options.stateFile));
    return true;
}

void CommandLine::pingHeartbeat()
{
    // A monitoring service's "I am alive" URL, called only after a successful backup.
    const QUrl url(m_parser.value(QStringLiteral("heartbeat-url")));
    if (!m_parser.isSet(QStringLiteral("heartbeat-url"))) {
        finish(ExitCode::Success);
        return;
    }
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    QNetworkReply* reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError && !m_quiet)
            std::fputs(qPrintable(CommandLine::tr("Warning: the heartbeat %1 could not be reached (%2).")
                                      .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), reply->errorString())
                                  + QLatin1Char('\n')),
                       stderr);
        finish(ExitCode::Success);
    });
}

void CommandLine::runPrune(QList<BackupItem> gathered, int page)
{
    // Every page first (retention looks at all backups), then the verdicts, then the deletions.
    watch<BackupPage>(m_backend->list(page, 1000), [this, gathered, page](const BackupPage& p) {
        QList<BackupItem> all = gathered + p.items;
        if (page < p.totalPages) {
            runPrune(all, page + 1);
            return;
        }
        RetentionPolicy policy;
        bool any = false;
        for (const auto& [option, field] : QList<QPair<QString, int RetentionPolicy::*>>{
                 {QStringLiteral("keep-last"), &RetentionPolicy::keepLast},
                 {QStringLiteral("keep-daily"), &RetentionPolicy::keepDaily},
                 {QStringLiteral("keep-weekly"), &RetentionPolicy::keepWeekly},
                 {QStringLiteral("keep-monthly"), &RetentionPolicy::keepMonthly},
                 {QStringLiteral("keep-yearly"), &RetentionPolicy::keepYearly}}) {
            if (!m_parser.isSet(option))
                continue;
            bool numeric = false;
            policy.*field = m_parser.value(option).toInt(&numeric);
            if (!numeric || policy.*field < 0) {
                fail(Error::make(ErrorCode::Usage, CommandLine::tr("--%1 takes a whole number.").arg(option)));
                return;
            }
            any = true;
        }
        if (!any)
            policy = RetentionPolicy::recommended();
        const PinStore pins(qEnvironmentVariable("FASTCMS_BACKUP_PINS_FILE", PinStore::defaultPath()));
        const auto decisions = decideRetention(all, policy, pins.pinned(m_backend->describe()));
        const bool dryRun = m_parser.isSet(QStringLiteral("dry-run"));
        if (!m_json && (!m_quiet || dryRun)) {
            for (const RetentionDecision& d : decisions)
                printLine((d.keep ? CommandLine::tr("keep   ") : CommandLine::tr("delete ")) + d.backup.fileName
                          + (d.reasons.isEmpty() ? QString() : QStringLiteral("  (") + d.reasons.join(QStringLiteral(", ")) + QLatin1Char(')')));
        }
        if (dryRun) {
            if (m_json) {
                QJsonArray rows;
                for (const RetentionDecision& d : decisions)
                    rows.append(QJsonObject{{QStringLiteral("filename"), d.backup.fileName},
                                            {QStringLiteral("keep"), d.keep},
                                            {QStringLiteral("reasons"), QJsonArray::fromStringList(d.reasons)}});
                printJson({{QStringLiteral("dry_run"), true}, {QStringLiteral("decisions"), rows}});
            }
            finish(ExitCode::Success);
            return;
        }
        pruneDelete(decisions, 0, 0);
    });
}

void CommandLine::pruneDelete(QList<RetentionDecision> decisions, int index, int deleted)
{
    while (index < decisions.size() && decisions[index].keep)
        ++index;
    if (index >= decisions.size()) {
        if (m_json)
            printJson({{QStringLiteral("deleted"), deleted}, {QStringLiteral("kept"), int(decisions.size()) - deleted}});
        else if (!m_quiet)
            printLine(CommandLine::tr("Deleted %1 of %2 backups.").arg(deleted).arg(decisions.size()));
        finish(ExitCode::Success);
        return;
    }
    const QString name = decisions[index].backup.fileName;
    watch<void>(m_backend->remove(name), [this, decisions, index, deleted] {
        pruneDelete(decisions, index + 1, deleted + 1);
    });
}

void CommandLine::runLogin()
{
    auto* remoteBackend = static_cast<RemoteBackend*>(m_backend.get());
    watch<SignInResult>(remoteBackend->signIn(), [this, remoteBackend](const SignInResult& r) {
        if (r.requiresTwoFactor) {
            const QString code = promptHidden(CommandLine::tr("Two-factor code: "));
            if (code.isEmpty()) {
                fail(Error::make(ErrorCode::Unauthorized,
                                 CommandLine::tr("This account needs a two-factor code: set FASTCMS_2FA_CODE or run "
                                                 "login on a terminal to be asked for it.")));
                return;
            }
            remoteBackend->session()->setTwoFactorCode(code);
            runLogin();
            return;
        }
        const QString saveTo = m_parser.value(QStringLiteral("save-token"));
        if (!saveTo.isEmpty()) {
            const QByteArray tokens = QJsonDocument(QJsonObject{
                                                        {QStringLiteral("server"), remoteBackend->describe()},
                                                        {QStringLiteral("access_token"), remoteBackend->session()->accessToken()},
                                                        {QStringLiteral("refresh_token"), remoteBackend->session()->refreshToken()},
                                                    })
                                          .toJson();
            if (auto written = files::writeAtomically(saveTo, tokens, files::ownerOnly); !written) {
                fail(written.error());
                return;
            }
        }
        if (m_json)
            printJson({{QStringLiteral("email"), r.email}, {QStringLiteral("role"), r.role}, {QStringLiteral("saved_to"), saveTo}});
        else if (!m_quiet)
            printLine(saveTo.isEmpty() ? CommandLine::tr("Signed in as %1 (%2). Nothing was stored.").arg(r.email, r.role)
                                       : CommandLine::tr("Signed in as %1 (%2). Tokens saved to %3 (readable by you only).")
                                             .arg(r.email, r.role, saveTo));
        finish(ExitCode::Success);
    });
}

void CommandLine::printStatus(const BackendStatus& st)
{
    if (!st.local) {
        if (m_json) {
            QJsonObject object{{QStringLiteral("server"), st.target},
                               {QStringLiteral("backup_count"), st.backupCount},
                               {QStringLiteral("restore_pending"), st.restorePending},
                               {QStringLiteral("pending_backup"), st.pendingBackup},
                               {QStringLiteral("pending_requested_at"), st.pendingRequestedAt}};
            if (st.newest) {
                object.insert(QStringLiteral("newest"), itemJson(*st.newest));
                object.insert(QStringLiteral("newest_age_seconds"), st.newest->created.secsTo(QDateTime::currentDateTimeUtc()));
            }
            object.insert(QStringLiteral("health"), m_health);
            printJson(object);
            return;
        }
        printLine(CommandLine::tr("Server:        %1").arg(st.target));
        if (st.newest)
            printLine(CommandLine::tr("Newest backup: %1, %2 (%3)").arg(st.newest->fileName, localTime(st.newest->created), age(st.newest->created)));
        else
            printLine(CommandLine::tr("Newest backup: none"));
        printLine(CommandLine::tr("Backups:       %n backup(s)", nullptr, int(st.backupCount)));
        if (st.restorePending)
            printLine(CommandLine::tr("Restore:       %1 is staged (requested %2): restart the server to apply it")
                          .arg(st.pendingBackup, st.pendingRequestedAt));
        else
            printLine(CommandLine::tr("Restore:       none pending"));
        return;
    }
    const FolderStatus& s = *st.local;
    if (m_json) {
        QJsonArray pids;
        for (qint64 pid : s.databasePids)
            pids.append(pid);
        QJsonObject object{
            {QStringLiteral("data_dir"), s.dataDir},
            {QStringLiteral("database"), s.dbPath},
            {QStringLiteral("database_exists"), s.databaseExists},
            {QStringLiteral("database_in_use"), s.databaseInUse},
            {QStringLiteral("database_pids"), pids},
            {QStringLiteral("restore_pending"), s.restorePending},
            {QStringLiteral("pending_backup"), s.pendingBackup},
            {QStringLiteral("pending_requested_at"), s.pendingRequestedAt},
            {QStringLiteral("staging_present"), s.stagingPresent},
            {QStringLiteral("apply_interrupted"), s.applyInterrupted},
            {QStringLiteral("lock_holder_pid"), s.lockHolderPid},
            {QStringLiteral("lock_holder_app"), s.lockHolderApp},
            {QStringLiteral("backup_count"), s.backupCount},
            {QStringLiteral("backups_bytes"), s.backupsTotalBytes},
            {QStringLiteral("free_bytes"), s.freeBytes},
        };
        if (s.newest) {
            object.insert(QStringLiteral("newest"), itemJson(*s.newest));
            object.insert(QStringLiteral("newest_age_seconds"), s.newest->created.secsTo(QDateTime::currentDateTimeUtc()));
        }
        object.insert(QStringLiteral("health"), m_health);
        printJson(object);
        return;
    }
    QStringList pidList;
    for (qint64 p : s.databasePids)
        pidList.append(QString::number(p));
    printLine(CommandLine::tr("Data folder:   %1").arg(s.dataDir));
    printLine(CommandLine::tr("Database:      %1 (%2)")
                  .arg(s.dbPath, !s.databaseExists ? CommandLine::tr("missing")
                                 : s.databaseInUse ? CommandLine::tr("in use by process %1")
                                                         .arg(pidList.isEmpty() ? CommandLine::tr("?") : pidList.join(QStringLiteral(", ")))
                                                   : CommandLine::tr("not open: the server looks stopped")));
    if (s.newest)
        printLine(CommandLine::tr("Newest backup: %1, %2 (%3)").arg(s.newest->fileName, localTime(s.newest->created), age(s.newest->created)));
    else
        printLine(CommandLine::tr("Newest backup: none"));
    printLine(CommandLine::tr("Backups:       %n backup(s), %1; %2 free", nullptr, int(s.backupCount))
                  .arg(files::humanSize(s.backupsTotalBytes), s.freeBytes >= 0 ? files::humanSize(s.freeBytes) : CommandLine::tr("unknown")));
    if (s.applyInterrupted)
        printLine(CommandLine::tr("Restore:       INTERRUPTED: run 'fastcms-backup apply-restore' to finish it "
                                  "(or add --abandon to undo it)"));
    else if (s.restorePending)
        printLine(CommandLine::tr("Restore:       %1 is staged (requested %2): restart the server to apply it")
                      .arg(s.pendingBackup, s.pendingRequestedAt));
    else
        printLine(CommandLine::tr("Restore:       none pending"));
    if (s.lockHolderPid > 0)
        printLine(CommandLine::tr("Busy:          %1 (process %2) is working on this folder").arg(s.lockHolderApp).arg(s.lockHolderPid));
}

template<typename T, typename OnSuccess>
void CommandLine::watch(Job<Result<T>> job, OnSuccess onSuccess)
{
    auto* watcher = new QFutureWatcher<Result<T>>(this);
    m_cancel = job.token;
    const bool progress = !m_quiet && !m_json && isTerminal(stderr);
    if (progress) {
        connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
                [this, watcher](int value) { showProgress(value, watcher->progressText()); });
    }
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, onSuccess] {
        clearProgress();
        if (watcher->future().resultCount() == 0) {
            fail(Error::make(ErrorCode::Internal, CommandLine::tr("The operation ended without a result.")));
            return;
        }
        // The job's own answer decides: a signal that came too late to stop it changes nothing.
        const Result<T> result = watcher->result();
        if (!result) {
            const bool plainCancel = result.error().code == ErrorCode::Cancelled
                && result.error().message.size() <= CommandLine::tr("Cancelled.").size();
            if (plainCancel)
                fail(Error::make(ErrorCode::Cancelled, CommandLine::tr("Cancelled; nothing was left half-written.")));
            else
                fail(result.error());
            return;
        }
        if constexpr (std::is_void_v<T>)
            onSuccess();
        else
            onSuccess(*result);
    });
    watcher->setFuture(job.future);
}

void CommandLine::showProgress(int perMille, const QString& text)
{
    m_progressShown = true;
    const QString line = QStringLiteral("\r%1 %2%").arg(text).arg(perMille / 10, 3);
    std::fputs(qPrintable(line + QStringLiteral("\x1b[K")), stderr);
    std::fflush(stderr);
}

void CommandLine::clearProgress()
{
    if (m_progressShown) {
        std::fputs("\r\x1b[K", stderr);
        m_progressShown = false;
    }
}

void CommandLine::printLine(const QString& text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stdout);
}

void CommandLine::printJson(QJsonObject object)
{
    object.insert(QStringLiteral("ok"), true);
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
}

void CommandLine::fail(const Error& error, const QJsonObject& extra)
{
    clearProgress();
    const int code = exitCodeFor(error.code);
    if (m_json) {
        QJsonObject object = extra;
        object.insert(QStringLiteral("ok"), false);
        object.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), errorCodeName(error.code)},
                                                           {QStringLiteral("message"), error.message},
                                                           {QStringLiteral("detail"), error.detail},
                                                           {QStringLiteral("exit_code"), code}});
        std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        std::fputs(qPrintable(QStringLiteral("fastcms-backup: ") + error.message + QLatin1Char('\n')), stderr);
    }
    finish(code);
}

void CommandLine::finish(int exitCode)
{
    std::fflush(stdout);
    std::fflush(stderr);
    // Quit once the loop runs, even if it has not started yet.
    QMetaObject::invokeMethod(QCoreApplication::instance(), [exitCode] { QCoreApplication::exit(exitCode); },
                              Qt::QueuedConnection);
}

} // namespace fcb
