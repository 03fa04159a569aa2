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

QString crcHex(quint32 crc)
{
    return QStringLiteral("%1").arg(crc, 8, 16, QLatin1Char('0'));
}

QString keyText(const QJsonObject& key)
{
    QStringList parts;
    for (auto it = key.constBegin(); it != key.constEnd(); ++it)
        parts.append(it.key() + QLatin1Char('=') + jsonText(it.value()));
    return parts.join(QStringLiteral(", "));
}

} // namespace fcb
