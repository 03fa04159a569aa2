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

Job<Result<DiffReport>> Backend::diff(const DiffRequest&)
{
    return unsupported<DiffReport>();
}

Job<Result<ArchiveListing>> Backend::listArchive(const QString&)
{
    return unsupported<ArchiveListing>();
}

Job<Result<ExtractResult>> Backend::extract(const QString&, const QStringList&, const QString&, bool)
{
    return unsupported<ExtractResult>();
}

Job<Result<RestoreFileResult>> Backend::restoreFile(const QString&, const QString&)
{
    return unsupported<RestoreFileResult>();
}

Job<Result<ExportResult>> Backend::exportRows(const ExportRequest&)
{
    return unsupported<ExportResult>();
}

Job<Result<HistoryResult>> Backend::history(const QString&)
{
    return unsupported<HistoryResult>();
}

std::optional<QString> Backend::curlCommand(curl::Action, const QString&) const
{
    return std::nullopt;
}

} // namespace fcb
