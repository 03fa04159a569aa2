#include "Reports.h"

#include <QCoreApplication>

// Translation context of the drill's messages (lupdate reads the class name), as in drill/.
class FcbDrillText
{
    Q_DECLARE_TR_FUNCTIONS(FcbDrillText)
};

namespace fcb {

bool VerifyReport::ok() const
{
    for (const VerifyCheck& check : checks)
        if (check.status == VerifyCheck::Status::Failed)
            return false;
    return !checks.isEmpty();
}

namespace {

// The messages of the checks with this status.
QStringList messagesOf(const QList<VerifyCheck>& checks, VerifyCheck::Status status)
{
    QStringList out;
    for (const VerifyCheck& check : checks)
        if (check.status == status)
            out.append(check.message);
    return out;
}

} // namespace

QStringList VerifyReport::problems() const
{
    return messagesOf(checks, VerifyCheck::Status::Failed);
}

QStringList VerifyReport::lacks() const
{
    return messagesOf(checks, VerifyCheck::Status::Missing);
}

QStringList DrillReport::problems() const
{
    QStringList all = verify.problems();
    if (foreignKeyViolations > 0)
        all.append(FcbDrillText::tr("%n foreign key violation(s) in %1.", nullptr, int(foreignKeyViolations))
                       .arg(foreignKeyTables.join(QStringLiteral(", "))));
    return all;
}

} // namespace fcb
