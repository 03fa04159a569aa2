#pragma once

#include <QString>

namespace fcb {

class Backend;

// The off-site target chosen for each local data folder, kept in the console's settings. A
// server has none: its backups are copied off-site from where they are downloaded.
namespace offsite {

QString targetFor(const Backend* backend);
void setTargetFor(const Backend* backend, const QString& remote);

} // namespace offsite

} // namespace fcb
