#include "Diff.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fcb {

QString jsonText(const QJsonValue& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

QString keyText(const QJsonObject& key)
{
    QStringList parts;
    for (auto it = key.constBegin(); it != key.constEnd(); ++it)
        parts.append(it.key() + QLatin1Char('=') + jsonText(it.value()));
    return parts.join(QStringLiteral(", "));
}

} // namespace fcb
