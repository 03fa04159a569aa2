// A server's answers as the remote backend reads them: the error body of any route, a page of
// the list, the backup a create returns, and the route list of /openapi.json. The body is the
// input; every status is tried.
#include "FuzzSupport.h"

#include "remote/ApiCall.h"
#include "remote/RemoteBackend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace fcb;

namespace {

const QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);

void checkItem(const std::optional<BackupItem>& item)
{
    if (!item)
        return;
    FUZZ_CHECK(!item->fileName.isEmpty());
    FUZZ_CHECK(!ApiCall::hasUnprintable(item->fileName) && !ApiCall::hasUnprintable(item->path));
    if (item->valid)
        FUZZ_CHECK(RemoteBackend::nameProblem(item->fileName).isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quietLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ApiResponse response;
    response.body = fuzz::bytes(data, size);
    for (const int status : { 200, 201, 400, 401, 403, 404, 422, 429, 500, 503 }) {
        response.status = status;
        FUZZ_CHECK(!ApiCall::errorFor(response).message.isEmpty());
        if (const auto page = RemoteBackend::parsePage(response, 2, 20, now)) {
            FUZZ_CHECK(status == 200 && page->perPage >= 1 && page->perPage <= 20 && page->totalPages >= 1);
            for (const BackupItem& item : page->items)
                checkItem(item);
        }
    }
    response.apiKeyUsed = true;
    response.status = 401;
    (void)ApiCall::errorFor(response);
    FUZZ_CHECK(!ApiCall::hasUnprintable(ApiCall::printable(QString::fromUtf8(response.body), 300)));

    const QJsonDocument document = response.json();
    const QJsonObject object = document.object();
    checkItem(RemoteBackend::parseItem(object, now));
    for (const QJsonValue& value : document.array())
        checkItem(RemoteBackend::parseItem(value.toObject(), now));
    (void)RemoteBackend::parseRoutes(object);
    return 0;
}
