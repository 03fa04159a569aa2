#pragma once

#include "model/Curl.h"

#include <QString>
#include <QUrl>

namespace fcb {

// The same request the console makes, as a curl command to paste into a terminal or a script.
// The secret never appears: the command reads it from $FASTCMS_TOKEN (Bearer) or
// $FASTCMS_API_KEY (X-API-Key), which the user sets.
namespace curl {

// server: the server's address as the user gave it (a path prefix is kept); backup: the
// backup's file name (unused for List and Create; for Upload, the local zip's path).
QString command(Action action, const QUrl& server, const QString& backup, Auth auth = Auth::Token);

} // namespace curl

} // namespace fcb
