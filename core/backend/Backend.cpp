#include "Backend.h"

#include <QCoreApplication>

// Translation context for this file's messages (lupdate reads the class name).
class FcbBackendText
{
    Q_DECLARE_TR_FUNCTIONS(FcbBackendText)
};

namespace fcb {

namespace {

template <typename T> Job<Result<T>> unsupported()
{
    Job<Result<T>> job;
    job.future = QtFuture::makeReadyFuture(Result<T>(fail(
        ErrorCode::Unsupported, FcbBackendText::tr("This kind of backend does not offer that operation."))));
    return job;
}

} // namespace

Job<Result<ApplyResult>> Backend::applyRestore()
{
    return unsupported<ApplyResult>();
}

Job<Result<AbandonResult>> Backend::abandonInterruptedApply()
{
    return unsupported<AbandonResult>();
}

Job<Result<OffsitePushResult>> Backend::pushOffsite(const QString&, const QStringList&)
{
    return unsupported<OffsitePushResult>();
}

Job<Result<BackupItem>> Backend::pullOffsite(const QString&, const QString&)
{
    return unsupported<BackupItem>();
}

std::optional<QString> Backend::curlCommand(curl::Action, const QString&) const
{
    return std::nullopt;
}

} // namespace fcb
