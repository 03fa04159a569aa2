#include "PyJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <chrono>

namespace fcb::pyjson {

namespace {

void appendString(QByteArray& out, const QString& text)
{
    out += '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        case u'\b':
            out += "\\b";
            break;
        case u'\f':
            out += "\\f";
            break;
        default:
            if (u < 0x20 || u > 0x7e)
                out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
            else
                out += char(u);
        }
    }
    out += '"';
}

void appendValue(QByteArray& out, const QJsonValue& value, int depth);

void appendIndent(QByteArray& out, int depth)
{
    out += '\n';
    out += QByteArray(2 * depth, ' ');
}

void appendObject(QByteArray& out, const OrderedObject& object, int depth)
{
    if (object.isEmpty()) {
        out += "{}";
        return;
    }
    out += '{';
    for (qsizetype i = 0; i < object.size(); ++i) {
        appendIndent(out, depth + 1);
        appendString(out, object[i].first);
        out += ": ";
        appendValue(out, object[i].second, depth + 1);
        if (i + 1 < object.size())
            out += ',';
    }
    appendIndent(out, depth);
    out += '}';
}

void appendValue(QByteArray& out, const QJsonValue& value, int depth)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        // The range first: converting a double beyond qint64 is undefined.
        if (qAbs(d) < 9.0e15 && d == double(qint64(d)))
            out += QByteArray::number(qint64(d));
        else
            out += QByteArray::number(d, 'g', 17);
        break;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out += "[]";
            break;
        }
        out += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            appendIndent(out, depth + 1);
            appendValue(out, array.at(i), depth + 1);
            if (i + 1 < array.size())
                out += ',';
        }
        appendIndent(out, depth);
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        OrderedObject ordered;
        for (auto it = object.begin(); it != object.end(); ++it)
            ordered.append({ it.key(), it.value() });
        appendObject(out, ordered, depth);
        break;
    }
    }
}

} // namespace

QByteArray dump(const OrderedObject& object)
{
    QByteArray out;
    appendObject(out, object, 0);
    return out;
}

QString isoNaiveUtc(const QDateTime& time)
{
    const QDateTime utc = time.toUTC();
    return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000");
}

QString nowIsoNaiveUtc()
{
    using namespace std::chrono;
    const auto now = system_clock::now();
    const qint64 micros = duration_cast<microseconds>(now.time_since_epoch()).count();
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC);
    return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss."))
        + QString::number(micros % 1000000).rightJustified(6, u'0');
}

std::optional<QDateTime> parseIsoTime(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$)"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    int msec = 0;
    if (const QString fraction = match.captured(7); !fraction.isEmpty())
        msec = QString(fraction + QStringLiteral("000")).left(3).toInt();
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt(), msec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    int offsetSeconds = 0;
    if (QString zone = match.captured(8); !zone.isEmpty() && zone != QStringLiteral("Z")) {
        zone.remove(QLatin1Char(':'));
        const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
        offsetSeconds = sign * (zone.mid(1, 2).toInt() * 3600 + zone.mid(3, 2).toInt() * 60);
    }
    QDateTime result(date, time, QTimeZone(offsetSeconds));
    return result.toUTC();
}

} // namespace fcb::pyjson
