#include "CommandLine.h"

#include "CliFormat.h"
#include "CliWatch.h"

#include "FileUtil.h"
#include "archive/BackupName.h"
#include "backend/LocalBackend.h"
#include "demo/DemoData.h"
#include "schedule/Schedule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>

#include <atomic>
#include <limits>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fcb {

using namespace cli;

namespace {

std::atomic_int g_signal{0};

extern "C" void onTerminationSignal(int signal)
{
    g_signal.store(signal);
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
        {QStringLiteral("max-age"), QString(), QStringLiteral("hours")},
        {QStringLiteral("heartbeat-url"), QString(), QStringLiteral("url")},
        {QStringLiteral("offsite"), QString(), QStringLiteral("remote")},
        {QStringLiteral("every"), QString(), QStringLiteral("interval"), QStringLiteral("daily")},
        {QStringLiteral("at"), QString(), QStringLiteral("time"), QStringLiteral("03:00")},
        {QStringLiteral("cron"), QString()},
        {QStringLiteral("install"), QString()},
        {QStringLiteral("system"), QString()},
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
        {QStringLiteral("wait-lock"), QString(), QStringLiteral("duration")},
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
        writeOut(qPrintable(helpText()));
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

namespace {

// "90", "90s", "10m", "2h" or "1d" in milliseconds; nothing for anything else.
std::optional<qint64> parseDuration(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^([0-9]{1,7})(s|m|h|d)?$"));
    const auto m = form.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 unit = m.captured(2) == QStringLiteral("d") ? 86400 : m.captured(2) == QStringLiteral("h") ? 3600
                      : m.captured(2) == QStringLiteral("m") ? 60 : 1;
    return m.captured(1).toLongLong() * unit * 1000;
}

// Why the module at `path` must not be loaded: it, its folder or the folder above belong to
// someone other than root or this user, or anyone may write there (the tool run from a copy in
// /tmp would otherwise load whatever another user put in /tmp/lib). Empty when it may be
// loaded, or when it is not there at all (dlopen says so).
QString unsafeModule(const QString& path)
{
    QString at = QDir::cleanPath(path);
    for (int level = 0; level < 3; ++level, at = QFileInfo(at).path()) {
        struct stat st {};
        if (::stat(QFile::encodeName(at).constData(), &st) != 0)
            return {};
        if ((st.st_uid != 0 && st.st_uid != ::geteuid()) || (st.st_mode & S_IWOTH))
            return CommandLine::tr("%1 can be changed by other users").arg(at);
    }
    return {};
}

} // namespace

const CliNetwork* CommandLine::network(QString* problem)
{
    static const CliNetwork* loaded = nullptr;
    if (loaded)
        return loaded;
    // Next to the tool in the build tree and in the package alike: bin/../lib/fastcms-backup/.
    const QString path = QCoreApplication::applicationDirPath() + QStringLiteral("/../lib/fastcms-backup/fastcms-backup-network.so");
    QString why;
    if (const QString unsafe = unsafeModule(path); !unsafe.isEmpty()) {
        why = unsafe;
    } else if (void* module = ::dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL); !module) {
        why = QString::fromLocal8Bit(::dlerror());
    } else if (auto entry = reinterpret_cast<const CliNetwork* (*)()>(::dlsym(module, "fcb_cli_network")); !entry) {
        why = QString::fromLocal8Bit(::dlerror());
    } else if (const CliNetwork* entries = entry();
               qstrcmp(entries->version, FCB_VERSION) != 0 || entries->abi != kCliNetworkAbi) {
        why = CommandLine::tr("it was built with another version (%1) than this tool (%2)")
                  .arg(QLatin1String(entries->version), QStringLiteral(FCB_VERSION));
    } else {
        loaded = entries; // never unloaded: the backend and the network objects it makes live until exit
        return loaded;
    }
    *problem = CommandLine::tr("The network part of fastcms-backup could not be loaded (%1). Reinstall the package.").arg(why);
    return nullptr;
}

const CliNetwork* CommandLine::network()
{
    QString problem;
    const CliNetwork* net = network(&problem);
    if (!net)
        fail(Error::make(ErrorCode::Internal, problem));
    return net;
}

void CommandLine::pingHeartbeat()
{
    if (!m_parser.isSet(QStringLiteral("heartbeat-url"))) {
        finish(ExitCode::Success);
        return;
    }
    // The backup is made: a heartbeat that cannot be sent is a warning, as when it is not answered.
    QString problem;
    if (const CliNetwork* net = network(&problem)) {
        net->pingHeartbeat(*this);
        return;
    }
    if (!m_quiet)
        std::fputs(qPrintable(CommandLine::tr("Warning: no heartbeat was sent. %1").arg(problem) + QLatin1Char('\n')), stderr);
    finish(ExitCode::Success);
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
                                   QStringLiteral("pin"),           QStringLiteral("unpin"),
                                   QStringLiteral("drill"),         QStringLiteral("offsite"),
                                   QStringLiteral("schedule")};
    if (!known.contains(command)) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("Unknown command \"%1\". Try 'fastcms-backup --help'.").arg(command)));
        return -1;
    }
    const bool takesName = command == QStringLiteral("delete") || command == QStringLiteral("verify")
        || command == QStringLiteral("stage-restore") || command == QStringLiteral("download")
        || command == QStringLiteral("pin") || command == QStringLiteral("unpin") || command == QStringLiteral("drill");
    const bool takesPath = command == QStringLiteral("upload");
    const bool offsite = command == QStringLiteral("offsite");
    if (offsite && (args.isEmpty() || args.size() > 2)) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("offsite takes push [<name>], list, pull <name> or delete <name>.")));
        return -1;
    }
    if (!offsite && args.size() != (takesName || takesPath ? 1 : 0)) {
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
    LocalEngine::Options engineOptions;
    if (m_parser.isSet(QStringLiteral("wait-lock"))) {
        const auto wait = parseDuration(m_parser.value(QStringLiteral("wait-lock")));
        if (!wait) {
            fail(Error::make(ErrorCode::Usage, CommandLine::tr("--wait-lock takes a duration such as 90s, 10m or 2h.")));
            return -1;
        }
        engineOptions.lockWaitMs = int(qMin<qint64>(*wait, std::numeric_limits<int>::max()));
    }
    m_engine = std::make_unique<LocalEngine>(folder, engineOptions);
    const bool remote = m_parser.isSet(QStringLiteral("server"));
    if (remote && (command == QStringLiteral("apply-restore") || command == QStringLiteral("demo"))) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("%1 works on a local data folder; a server applies staged "
                                                           "restores itself when it restarts.")
                                               .arg(command)));
        return -1;
    }
    if (remote && (offsite || m_parser.isSet(QStringLiteral("offsite")))) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("Off-site copies are made from a local backups folder; on a "
                                                           "server, download the backups first.")));
        return -1;
    }
    if (!remote && (command == QStringLiteral("login") || command == QStringLiteral("forget-restore"))) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("%1 needs --server.").arg(command)));
        return -1;
    }
    if (!remote && command != QStringLiteral("demo")) {
        if (auto there = m_engine->checkFolderExists(); !there) {
            fail(there.error());
            return -1;
        }
    }
    if (remote) {
        const CliNetwork* net = network();
        if (!net || !net->connectRemote(*this, command))
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
    if (offsite)
        return runOffsite(args);
    if (command == QStringLiteral("schedule"))
        return runSchedule();

    if (command == QStringLiteral("create")) {
        const QString trigger = m_parser.value(QStringLiteral("trigger"));
        if (!QStringList{QStringLiteral("manual"), QStringLiteral("scheduled"), QStringLiteral("pre-restore")}.contains(trigger)) {
            fail(Error::make(ErrorCode::Usage, CommandLine::tr("--trigger is manual, scheduled or pre-restore.")));
            return -1;
        }
        if (!remote && m_parser.isSet(QStringLiteral("offsite"))) {
            if (auto target = Offsite::checkTarget(offsiteTarget()); !target) {
                fail(target.error());
                return -1;
            }
        }
        watch<CreateResult>(m_backend->create(CreateRequest{trigger}), [this](const CreateResult& r) {
            const QJsonObject json{{QStringLiteral("backup"), itemJson(r.backup)},
                                   {QStringLiteral("files"), r.fileCount},
                                   {QStringLiteral("database_bytes"), r.databaseBytes},
                                   {QStringLiteral("uncompressed_bytes"), r.totalBytes},
                                   {QStringLiteral("database_integrity"), r.databaseIntegrity}};
            const bool pushOffsite = !m_backend->isRemote() && !offsiteTarget().isEmpty();
            if (m_json) {
                if (!pushOffsite)
                    printJson(json);
            } else if (!m_quiet && m_backend->isRemote()) {
                printLine(CommandLine::tr("Created %1 (%2) on the server.").arg(r.backup.fileName, files::humanSize(r.backup.sizeBytes)));
            } else if (!m_quiet) {
                printLine(CommandLine::tr("Created %1 (%2; database %3 and %n file(s), %4 before compression; integrity %5)", nullptr,
                                          int(r.fileCount))
                              .arg(r.backup.fileName, files::humanSize(r.backup.sizeBytes),
                                   files::humanSize(r.databaseBytes), files::humanSize(r.totalBytes), r.databaseIntegrity));
                printLine(r.backup.path);
            }
            if (pushOffsite)
                pushAfterCreate(r, json);
            else
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
                for (const VerifyCheck& check : r.checks)
                    printLine(checkLine(check));
                printLine(r.ok() ? CommandLine::tr("%1 is a sound backup.").arg(QFileInfo(r.path).fileName())
                                 : CommandLine::tr("%1 FAILED verification.").arg(QFileInfo(r.path).fileName()));
            }
            finish(r.ok() ? ExitCode::Success : ExitCode::BadArchive);
        });
    } else if (command == QStringLiteral("drill")) {
        watch<DrillReport>(m_backend->drill(name), [this](const DrillReport& r) { printDrill(r); });
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
        watch<AbandonResult>(m_engine->abandonInterruptedApplyAsync(), [this](const AbandonResult& r) {
            if (m_json) {
                printJson({{QStringLiteral("abandoned"), true},
                           {QStringLiteral("backup_filename"), r.backupFilename},
                           {QStringLiteral("staged_again"), r.stagedAgain}});
            } else if (!m_quiet && r.stagedAgain) {
                printLine(CommandLine::tr("The interrupted restore was undone; the data folder is as it was before, "
                                          "and the restore is staged again."));
            } else if (!m_quiet) {
                printLine(CommandLine::tr("The interrupted restore was undone; the data folder is as it was before. "
                                          "The restore is no longer staged: its staged files had already been "
                                          "removed. To restore %1 after all, run 'fastcms-backup stage-restore %1'.")
                              .arg(r.backupFilename));
            }
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
            // The schedule this target was given decides, unless --max-age does.
            const qint64 maxAgeHours = m_parser.isSet(QStringLiteral("max-age")) ? m_parser.value(QStringLiteral("max-age")).toLongLong()
                                                                                 : allowedBackupAge(s.target) / 3600;
            const qint64 age = s.newest ? s.newest->created.secsTo(QDateTime::currentDateTimeUtc()) : -1;
            const bool stale = !s.newest || age > maxAgeHours * 3600;
            const qint64 freeBytes = s.local ? s.local->freeBytes : -1;
            const bool lowSpace = s.newest && freeBytes >= 0 && freeBytes < 2 * s.newest->sizeBytes;
            // A stopped timer makes no more backups, though the newest may still be recent.
            const TimerCheck timer = schedule::checkTimer(ScheduleStore().installed(s.target));
            const bool timerInactive = timer.state == TimerCheck::State::Inactive;
            m_health = QJsonObject{{QStringLiteral("healthy"), !stale && !lowSpace && !timerInactive},
                                   {QStringLiteral("stale"), stale},
                                   {QStringLiteral("low_space"), lowSpace},
                                   {QStringLiteral("schedule_inactive"), timerInactive},
                                   {QStringLiteral("max_age_hours"), maxAgeHours}};
            printStatus(s, timer);
            if (!m_json) {
                if (stale)
                    printLine(s.newest ? CommandLine::tr("Health:        STALE: the newest backup is older than %n hour(s)", nullptr, int(maxAgeHours))
                                       : CommandLine::tr("Health:        STALE: there is no backup"));
                if (lowSpace)
                    printLine(CommandLine::tr("Health:        LOW SPACE: %1 free, less than twice the newest backup (%2)")
                                  .arg(files::humanSize(freeBytes), files::humanSize(s.newest->sizeBytes)));
                if (!stale && !lowSpace && !timerInactive)
                    printLine(CommandLine::tr("Health:        OK"));
            }
            finish(!m_parser.isSet(QStringLiteral("check")) ? ExitCode::Success
                   : stale                                 ? ExitCode::Stale
                   : lowSpace                              ? ExitCode::LowSpace
                   : timerInactive                         ? ExitCode::ScheduleInactive
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
        network()->runLogin(*this);
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
        if (auto forgotten = network()->forgetRestore(*this); !forgotten) {
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
    writeOut(qPrintable(text + QLatin1Char('\n')));
}

void CommandLine::printJson(QJsonObject object)
{
    object.insert(QStringLiteral("ok"), true);
    writeOut(QJsonDocument(object).toJson(QJsonDocument::Indented).constData());
}

void CommandLine::noteOutput(bool written)
{
    if (!written && m_outputError == 0)
        m_outputError = errno != 0 ? errno : EIO;
}

void CommandLine::writeOut(const char* text)
{
    noteOutput(std::fputs(text, stdout) != EOF);
}

int CommandLine::settle(int exitCode)
{
    noteOutput(std::fflush(stdout) == 0);
    if (m_outputError == 0 && std::ferror(stdout))
        m_outputError = EIO;
    // Some file systems (NFS, FUSE) report a failed write only when the file is closed.
    noteOutput(std::fclose(stdout) == 0);
    if (m_outputError == 0 || exitCode != ExitCode::Success)
        return exitCode;
    std::fputs(qPrintable(QStringLiteral("fastcms-backup: ")
                          + CommandLine::tr("The output could not be written (%1).").arg(QString::fromLocal8Bit(std::strerror(m_outputError)))
                          + QLatin1Char('\n')),
               stderr);
    return ExitCode::Io;
}

void CommandLine::fail(const Error& error, const QJsonObject& extra)
{
    clearProgress();
    const int code = exitCodeFor(error.code);
    if (m_json) {
        QJsonObject object = extra.isEmpty() ? m_failureExtra : extra;
        object.insert(QStringLiteral("ok"), false);
        object.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), errorCodeName(error.code)},
                                                           {QStringLiteral("message"), error.message},
                                                           {QStringLiteral("detail"), error.detail},
                                                           {QStringLiteral("exit_code"), code}});
        writeOut(QJsonDocument(object).toJson(QJsonDocument::Indented).constData());
    } else {
        std::fputs(qPrintable(QStringLiteral("fastcms-backup: ") + error.message + QLatin1Char('\n')), stderr);
    }
    finish(code);
}

void CommandLine::finish(int exitCode)
{
    noteOutput(std::fflush(stdout) == 0);
    std::fflush(stderr);
    // Quit once the loop runs, even if it has not started yet.
    QMetaObject::invokeMethod(QCoreApplication::instance(), [exitCode] { QCoreApplication::exit(exitCode); },
                              Qt::QueuedConnection);
}

} // namespace fcb