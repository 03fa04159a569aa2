#include "Options.h"

#include <QRegularExpression>

namespace fcb::cli {

void addOptions(QCommandLineParser& parser)
{
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({
        { QStringLiteral("data-dir"), QString(), QStringLiteral("dir"), QStringLiteral("data") },
        { QStringLiteral("db"), QString(), QStringLiteral("file") },
        { QStringLiteral("files-dir"), QString(), QStringLiteral("dir") },
        { QStringLiteral("backups-dir"), QString(), QStringLiteral("dir") },
        { QStringLiteral("page"), QString(), QStringLiteral("n"), QStringLiteral("1") },
        { QStringLiteral("per-page"), QString(), QStringLiteral("n"), QStringLiteral("20") },
        { QStringLiteral("trigger"), QString(), QStringLiteral("kind"), QStringLiteral("manual") },
        { QStringLiteral("abandon"), QString() },
        { QStringLiteral("dry-run"), QString() },
        { QStringLiteral("check"), QString() },
        { QStringLiteral("max-age"), QString(), QStringLiteral("hours") },
        { QStringLiteral("heartbeat-url"), QString(), QStringLiteral("url") },
        { QStringLiteral("offsite"), QString(), QStringLiteral("remote") },
        { QStringLiteral("every"), QString(), QStringLiteral("interval"), QStringLiteral("daily") },
        { QStringLiteral("at"), QString(), QStringLiteral("time"), QStringLiteral("03:00") },
        { QStringLiteral("cron"), QString() },
        { QStringLiteral("install"), QString() },
        { QStringLiteral("system"), QString() },
        { QStringLiteral("keep-last"), QString(), QStringLiteral("n") },
        { QStringLiteral("keep-daily"), QString(), QStringLiteral("n") },
        { QStringLiteral("keep-weekly"), QString(), QStringLiteral("n") },
        { QStringLiteral("keep-monthly"), QString(), QStringLiteral("n") },
        { QStringLiteral("keep-yearly"), QString(), QStringLiteral("n") },
        { QStringLiteral("server"), QString(), QStringLiteral("url") },
        { QStringLiteral("token-file"), QString(), QStringLiteral("file") },
        { QStringLiteral("api-key-file"), QString(), QStringLiteral("file") },
        { QStringLiteral("email"), QString(), QStringLiteral("address") },
        { QStringLiteral("password-file"), QString(), QStringLiteral("file") },
        { QStringLiteral("save-token"), QString(), QStringLiteral("file") },
        { QStringLiteral("output"), QString(), QStringLiteral("path"), QStringLiteral(".") },
        { QStringLiteral("long"), QString() },
        { QStringLiteral("force"), QString() },
        { QStringLiteral("timeout"), QString(), QStringLiteral("seconds"), QStringLiteral("30") },
        { QStringLiteral("wait-lock"), QString(), QStringLiteral("duration") },
        { QStringLiteral("against"), QString(), QStringLiteral("name") },
        { QStringLiteral("table"), QString(), QStringLiteral("name") },
        { QStringLiteral("rows"), QString() },
        { QStringLiteral("key"), QString(), QStringLiteral("value") },
        { QStringLiteral("format"), QString(), QStringLiteral("format"), QStringLiteral("json") },
        { QStringLiteral("json"), QString() },
        { { QStringLiteral("q"), QStringLiteral("quiet") }, QString() },
        { { QStringLiteral("h"), QStringLiteral("help") }, QString() },
        { { QStringLiteral("v"), QStringLiteral("version") }, QString() },
    });
}

DataFolder dataFolder(const QCommandLineParser& parser)
{
    return DataFolder(parser.value(QStringLiteral("data-dir")), parser.value(QStringLiteral("db")),
        parser.value(QStringLiteral("files-dir")), parser.value(QStringLiteral("backups-dir")));
}

std::optional<qint64> parseDuration(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^([0-9]{1,7})(s|m|h|d)?$"));
    const auto m = form.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 unit = m.captured(2) == QStringLiteral("d") ? 86400
        : m.captured(2) == QStringLiteral("h")               ? 3600
        : m.captured(2) == QStringLiteral("m")               ? 60
                                                             : 1;
    return m.captured(1).toLongLong() * unit * 1000;
}

QString offsiteTarget(const CommandContext& cli)
{
    return cli.isSet(QStringLiteral("offsite")) ? cli.value(QStringLiteral("offsite"))
                                                : qEnvironmentVariable("FASTCMS_BACKUP_OFFSITE");
}

} // namespace fcb::cli
