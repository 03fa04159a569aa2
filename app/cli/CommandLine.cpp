#include "CommandLine.h"

#include "Command.h"
#include "Format.h"
#include "Options.h"
#include "archive/BackupName.h"
#include "backend/LocalBackend.h"
#include "commands/Commands.h"
#include "network/NetworkModule.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <limits>

namespace fcb {

namespace {

std::atomic_int g_signal { 0 };

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
    cli::addOptions(m_parser);
    const bool parsed = m_parser.parse(arguments);
    m_json = m_parser.isSet(QStringLiteral("json"));
    m_quiet = m_parser.isSet(QStringLiteral("quiet"));
    if (!parsed) {
        fail(Error::make(ErrorCode::Usage,
            m_parser.errorText() + QLatin1Char('\n') + CommandLine::tr("Try 'fastcms-backup --help'.")));
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
    QStringList args = m_parser.positionalArguments();
    if (args.isEmpty()) {
        fail(
            Error::make(ErrorCode::Usage, CommandLine::tr("No command given. Try 'fastcms-backup --help'.")));
        return;
    }
    const QString name = args.takeFirst();
    m_command = commands::find(name);
    if (!m_command) {
        fail(Error::make(ErrorCode::Usage,
            CommandLine::tr("Unknown command \"%1\". Try 'fastcms-backup --help'.").arg(name)));
        return;
    }
    if (!checkUsage(*m_command, args) || !makeBackend(*m_command, name))
        return;
    if (m_command->operand() == Command::Operand::BackupName
        || m_command->operand() == Command::Operand::BackupAndPaths) {
        // A backup id (the name without .zip, as FastCMS's routes take it) is accepted too.
        QString& backup = args.first();
        if (!backup.contains(QLatin1Char('.')) && !backup.contains(QLatin1Char('/')))
            backup += QStringLiteral(".zip");
        if (auto valid = BackupName::checkPlainZipName(backup); !valid) {
            fail(valid.error());
            return;
        }
    }
    std::signal(SIGINT, onTerminationSignal);
    std::signal(SIGTERM, onTerminationSignal);
    m_signalPoll.start();
    const int immediate = m_command->run(*this, args);
    if (immediate >= 0)
        finish(immediate);
}

bool CommandLine::checkUsage(const Command& command, const QStringList& args)
{
    const QString name = command.name();
    const Command::Operand operand = command.operand();
    if (operand == Command::Operand::BackupAndPaths || operand == Command::Operand::UploadPath) {
        const auto [least, most]
            = operand == Command::Operand::UploadPath ? std::pair { 1, 1 } : command.pathCount();
        const qsizetype paths = args.size() - (operand == Command::Operand::UploadPath ? 0 : 1);
        if (args.isEmpty() || paths < least || (most >= 0 && paths > most)) {
            fail(Error::make(ErrorCode::Usage,
                CommandLine::tr("Usage: fastcms-backup %1. Try 'fastcms-backup --help'.")
                    .arg(command.synopsis())));
            return false;
        }
    } else if (operand == Command::Operand::OffsiteAction
            ? args.isEmpty() || args.size() > 2
            : args.size() != (operand == Command::Operand::None ? 0 : 1)) {
        fail(Error::make(ErrorCode::Usage,
            operand == Command::Operand::OffsiteAction
                ? CommandLine::tr("offsite takes push [<name>], list, pull <name> or delete <name>.")
                : operand == Command::Operand::BackupName
                ? CommandLine::tr("%1 takes one backup name.").arg(name)
                : operand == Command::Operand::ZipPath
                ? CommandLine::tr("%1 takes the path of one zip file.").arg(name)
                : CommandLine::tr("%1 takes no arguments.").arg(name)));
        return false;
    }
    // The options that belong to one command, and what is said when they come with another.
    const QList<QPair<QStringList, QString>> ownOptions {
        { { QStringLiteral("abandon") }, CommandLine::tr("--abandon goes with apply-restore.") },
        { { QStringLiteral("page"), QStringLiteral("per-page") },
            CommandLine::tr("--page and --per-page go with list and diff.") },
        { { QStringLiteral("against"), QStringLiteral("rows") },
            CommandLine::tr("--against and --rows go with diff.") },
        { { QStringLiteral("table") }, CommandLine::tr("--table goes with diff and export.") },
        { { QStringLiteral("key"), QStringLiteral("format") },
            CommandLine::tr("--key and --format go with export.") },
        { { QStringLiteral("long") }, CommandLine::tr("--long goes with ls.") },
        { { QStringLiteral("force") }, CommandLine::tr("--force goes with extract and export.") },
    };
    for (const auto& [options, misuse] : ownOptions) {
        for (const QString& option : options) {
            if (m_parser.isSet(option) && !command.options().contains(option)) {
                fail(Error::make(ErrorCode::Usage, misuse));
                return false;
            }
        }
    }
    if (m_parser.isSet(QStringLiteral("wait-lock"))) {
        const auto wait = cli::parseDuration(m_parser.value(QStringLiteral("wait-lock")));
        if (!wait) {
            fail(Error::make(
                ErrorCode::Usage, CommandLine::tr("--wait-lock takes a duration such as 90s, 10m or 2h.")));
            return false;
        }
        m_lockWaitMs = int(qMin<qint64>(*wait, std::numeric_limits<int>::max()));
    }
    const bool remote = m_parser.isSet(QStringLiteral("server"));
    if (remote && !command.refusalOnServer().isEmpty()) {
        fail(Error::make(ErrorCode::Usage, command.refusalOnServer()));
        return false;
    }
    if (remote && m_parser.isSet(QStringLiteral("offsite"))) {
        fail(Error::make(ErrorCode::Usage,
            CommandLine::tr("Off-site copies are made from a local backups folder; on a "
                            "server, download the backups first.")));
        return false;
    }
    if (!remote && command.needsServer()) {
        fail(Error::make(ErrorCode::Usage, CommandLine::tr("%1 needs --server.").arg(name)));
        return false;
    }
    return true;
}

bool CommandLine::makeBackend(const Command& command, const QString& name)
{
    if (m_parser.isSet(QStringLiteral("server"))) {
        QString problem;
        NetworkModule* network = network::load(&problem);
        if (!network) {
            fail(Error::make(ErrorCode::Internal, problem));
            return false;
        }
        m_backend = network->connect(*this, name);
        return m_backend != nullptr;
    }
    auto local = std::make_unique<LocalBackend>(cli::dataFolder(m_parser), m_lockWaitMs);
    if (command.needsExistingFolder()) {
        if (auto there = local->checkFolderExists(); !there) {
            fail(there.error());
            return false;
        }
    }
    m_backend = std::move(local);
    return true;
}

bool CommandLine::isSet(const QString& option) const
{
    return m_parser.isSet(option);
}

QString CommandLine::value(const QString& option) const
{
    return m_parser.value(option);
}

QStringList CommandLine::values(const QString& option) const
{
    return m_parser.values(option);
}

bool CommandLine::showsProgress() const
{
    return !m_quiet && !m_json && cli::isTerminal(stderr);
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

void CommandLine::warn(const QString& text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
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
                   + CommandLine::tr("The output could not be written (%1).")
                         .arg(QString::fromLocal8Bit(std::strerror(m_outputError)))
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
        object.insert(QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), errorCodeName(error.code) },
                { QStringLiteral("message"), error.message }, { QStringLiteral("detail"), error.detail },
                { QStringLiteral("exit_code"), code } });
        writeOut(QJsonDocument(object).toJson(QJsonDocument::Indented).constData());
    } else {
        std::fputs(
            qPrintable(QStringLiteral("fastcms-backup: ") + error.message + QLatin1Char('\n')), stderr);
    }
    finish(code);
}

void CommandLine::finish(int exitCode)
{
    noteOutput(std::fflush(stdout) == 0);
    std::fflush(stderr);
    // Quit once the loop runs, even if it has not started yet.
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [exitCode] { QCoreApplication::exit(exitCode); }, Qt::QueuedConnection);
}

} // namespace fcb
