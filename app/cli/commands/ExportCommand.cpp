#include "commands/Commands.h"

#include "backend/Backend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

namespace fcb {

namespace {

std::optional<ExportRequest::Format> parseFormat(const QString& text)
{
    if (text == QStringLiteral("json"))
        return ExportRequest::Format::Json;
    if (text == QStringLiteral("csv"))
        return ExportRequest::Format::Csv;
    if (text == QStringLiteral("sql"))
        return ExportRequest::Format::Sql;
    return std::nullopt;
}

} // namespace

// Without --output the rows go to standard output, through a private temporary file (the
// engine writes files only).
int ExportCommand::run(CommandContext& cli, const QStringList& args)
{
    ExportRequest request;
    request.backup = args.first();
    request.table = cli.value(QStringLiteral("table"));
    request.keys = cli.values(QStringLiteral("key"));
    if (request.table.isEmpty()) {
        cli.fail(Error::make(ErrorCode::Usage, CommandLine::tr("export needs --table.")));
        return -1;
    }
    const QString formatName = cli.value(QStringLiteral("format"));
    const auto format = parseFormat(formatName);
    if (!format) {
        cli.fail(Error::make(ErrorCode::Usage, CommandLine::tr("--format takes json, csv or sql.")));
        return -1;
    }
    request.format = *format;
    const bool toStdout = !cli.isSet(QStringLiteral("output"));
    if (toStdout && cli.json()) {
        cli.fail(Error::make(ErrorCode::Usage,
            CommandLine::tr("With --json, export needs --output: the rows would mix with the JSON answer.")));
        return -1;
    }
    std::shared_ptr<QTemporaryDir> temp;
    if (toStdout) {
        temp = std::make_shared<QTemporaryDir>();
        request.outputPath = temp->filePath(QStringLiteral("rows"));
    } else {
        request.outputPath = cli.value(QStringLiteral("output"));
        if (QFileInfo(request.outputPath).isDir())
            request.outputPath
                = QDir(request.outputPath).filePath(request.table + QLatin1Char('.') + formatName);
        if (QFileInfo::exists(request.outputPath) && !cli.isSet(QStringLiteral("force"))) {
            cli.fail(Error::make(ErrorCode::Conflict,
                CommandLine::tr("%1 already exists; use --force to replace it.").arg(request.outputPath)));
            return -1;
        }
    }
    watch<ExportResult>(cli, cli.backend().exportRows(request), [&cli, temp](const ExportResult& r) {
        if (temp) {
            QFile rows(r.outputPath);
            if (rows.open(QIODevice::ReadOnly)) {
                const QByteArray bytes = rows.readAll();
                std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
                std::fflush(stdout);
            }
        } else if (cli.json()) {
            cli.printJson({ { QStringLiteral("output"), QFileInfo(r.outputPath).absoluteFilePath() },
                { QStringLiteral("rows"), r.rows },
                { QStringLiteral("missing_keys"), QJsonArray::fromStringList(r.missingKeys) } });
        } else {
            cli.printLine(CommandLine::tr("Wrote %1 rows to %2.").arg(r.rows).arg(r.outputPath));
        }
        for (const QString& key : r.missingKeys)
            cli.warn(CommandLine::tr("Warning: the backup has no row with the key %1.").arg(key));
        cli.finish(r.missingKeys.isEmpty() ? ExitCode::Success : ExitCode::NotFound);
    });
    return -1;
}

} // namespace fcb
