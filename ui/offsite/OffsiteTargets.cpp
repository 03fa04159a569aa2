#include "OffsiteTargets.h"

#include "backend/Backend.h"

#include <QSettings>

namespace fcb::offsite {

namespace {

constexpr auto kOffsiteKey = "offsite/targets";

} // namespace

QString targetFor(const Backend* backend)
{
    if (!backend || backend->isRemote())
        return {};
    return QSettings().value(QString::fromLatin1(kOffsiteKey)).toMap().value(backend->describe()).toString();
}

void setTargetFor(const Backend* backend, const QString& remote)
{
    if (!backend || backend->isRemote())
        return;
    QVariantMap targets = QSettings().value(QString::fromLatin1(kOffsiteKey)).toMap();
    if (remote.isEmpty())
        targets.remove(backend->describe());
    else
        targets.insert(backend->describe(), remote);
    QSettings().setValue(QString::fromLatin1(kOffsiteKey), targets);
}

} // namespace fcb::offsite
