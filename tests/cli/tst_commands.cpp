// The command registry against what users read: every command the tool runs is in --help and
// the man page under its own name, every command --help lists runs, and the options a command
// claims as its own exist.

#include "CommandLine.h"
#include "Options.h"
#include "commands/Commands.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace fcb;

namespace {

// The first word of each entry under "Commands:" in --help (and the second of "pin <name>,
// unpin <name>"-style lines).
QStringList helpCommands()
{
    const QStringList lines = CommandLine::helpText().split(QLatin1Char('\n'));
    QStringList names;
    bool inCommands = false;
    for (const QString& line : lines) {
        if (line == QStringLiteral("Commands:")) {
            inCommands = true;
            continue;
        }
        if (!inCommands)
            continue;
        if (line.isEmpty())
            break;
        static const QRegularExpression entry(QStringLiteral("^  ([a-z-]+)"));
        if (const auto m = entry.match(line); m.hasMatch())
            names.append(m.captured(1));
        static const QRegularExpression second(QStringLiteral("^  [a-z-]+ <[a-z]+>, ([a-z-]+) "));
        if (const auto m = second.match(line); m.hasMatch())
            names.append(m.captured(1));
    }
    return names;
}

} // namespace

class TestCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCommandHasOneNameAndIsFoundByIt()
    {
        QSet<QString> seen;
        for (const auto& make : commands::table()) {
            const auto command = make();
            QVERIFY2(!seen.contains(command->name()), qPrintable(command->name()));
            seen.insert(command->name());
            const auto found = commands::find(command->name());
            QVERIFY(found);
            QCOMPARE(found->name(), command->name());
            QVERIFY2(command->synopsis().startsWith(command->name()), qPrintable(command->synopsis()));
        }
        QVERIFY(!commands::find(QStringLiteral("no-such-command")));
        QVERIFY(seen.size() >= 19);
    }

    void helpListsExactlyTheRegisteredCommands()
    {
        QStringList registered;
        for (const auto& make : commands::table()) {
            const auto command = make();
            registered.append(command->name());
            // The synopsis stands at the start of a line of --help as typed, or after another
            // command's on the same line ("pin <name>, unpin <name>").
            const QString help = CommandLine::helpText();
            QVERIFY2(help.contains(QStringLiteral("\n  ") + command->synopsis())
                    || help.contains(QStringLiteral(", ") + command->synopsis()),
                qPrintable(command->synopsis()));
        }
        QStringList listed = helpCommands();
        listed.removeDuplicates();
        registered.sort();
        listed.sort();
        QCOMPARE(listed, registered);
    }

    void theManPageDescribesEveryCommand()
    {
        QFile man(QStringLiteral(FCB_MAN_PAGE));
        QVERIFY(man.open(QIODevice::ReadOnly));
        const QString text
            = QString::fromUtf8(man.readAll()).replace(QStringLiteral("\\-"), QStringLiteral("-"));
        for (const auto& make : commands::table()) {
            const QString name = make()->name();
            static const QRegularExpression anyEntry(
                QStringLiteral("^\\.B[IR]? \"?([a-z -]+)"), QRegularExpression::MultilineOption);
            bool described = false;
            for (auto it = anyEntry.globalMatch(text); it.hasNext();) {
                const QString entry = it.next().captured(1).trimmed();
                described = described || entry == name || entry.startsWith(name + QLatin1Char(' '));
            }
            described = described || text.contains(QStringLiteral(".BI ") + name + QStringLiteral(" \""))
                || text.contains(QStringLiteral("\" ") + name + QStringLiteral(" \""));
            QVERIFY2(described, qPrintable(name));
        }
    }

    void ownOptionsExist()
    {
        for (const auto& make : commands::table()) {
            const auto command = make();
            for (const QString& option : command->options()) {
                // An option the parser does not know fails to parse.
                QCommandLineParser parser;
                cli::addOptions(parser);
                QVERIFY2(parser.parse({ QStringLiteral("fastcms-backup"), QStringLiteral("--") + option,
                             QStringLiteral("1") }),
                    qPrintable(command->name() + QStringLiteral(": --") + option));
            }
        }
        QCommandLineParser parser;
        cli::addOptions(parser);
        QVERIFY(!parser.parse({ QStringLiteral("fastcms-backup"), QStringLiteral("--no-such-option") }));
    }
};

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
