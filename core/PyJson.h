#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace fcb::pyjson {

using OrderedObject = QList<QPair<QString, QJsonValue>>;

// JSON exactly as Python's json.dumps(obj, indent=2) writes it: keys in the given order,
// two-space indent, ", " / ": " separators, non-ASCII escaped as \uXXXX, no trailing newline.
// FastCMS writes metadata.json and .restore_pending this way.
QByteArray dump(const OrderedObject& object);

// UTC time as Python's datetime.isoformat() writes a naive value: 2025-12-02T08:43:40.367143
QString isoNaiveUtc(const QDateTime& time);
// The current UTC time with microseconds.
QString nowIsoNaiveUtc();

// Reads the three forms FastCMS servers write (naive with or without a fraction, and with a UTC
// offset) plus a trailing Z; naive values are UTC. Returns nullopt for anything else.
std::optional<QDateTime> parseIsoTime(const QString& text);

} // namespace fcb::pyjson
