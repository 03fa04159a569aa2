#include "RestoreStager.h"

#include "FileUtil.h"
#include "Logging.h"
#include "PyJson.h"
#include "TempNames.h"
#include "archive/BackupName.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QScopeGuard>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

// Translation context for this file's messages (lupdate reads the class name).
class FcbRestoreStagerText
{
    Q_DECLARE_TR_FUNCTIONS(FcbRestoreStagerText)
};

namespace fcb {

namespace {

// Everything extracted on its way to the disk; a write that failed on the way (a full disk
// found only now, an I/O error) is reported here.
Result<void> syncFileSystem(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(ErrorCode::Io, FcbRestoreStagerText::tr("Could not write the extracted backup."),
            qt_error_string(errno));
    const int synced = ::syncfs(fd);
    const int code = errno;
    ::close(fd);
    if (synced != 0)
        return fail(Error::make(code == ENOSPC || code == EDQUOT ? ErrorCode::NoSpace : ErrorCode::Io,
            FcbRestoreStagerText::tr("Could not write the extracted backup."), qt_error_string(code)));
    return ok();
}
} // namespace

Result<StageResult> stageRestore(const DataFolder& folder, const QString& fileName, TaskContext& task,
    const FreeSpaceProbe& freeSpace, VerifyReport* failedReport)
{
    if (auto valid = BackupName::checkPlainZipName(fileName); !valid)
        return fail(valid.error());
    const QString zipPath = folder.backupPath(fileName);
    if (!files::isRegularFile(zipPath))
        return fail(
            ErrorCode::NotFound, FcbRestoreStagerText::tr("The backup %1 does not exist.").arg(fileName));

    auto directory = archive::readDirectory(zipPath);
    if (!directory)
        return fail(directory.error());
    const qint64 needed = qint64(directory->totalSize) + (1 << 20);
    const qint64 available = freeSpace(folder.backupsDir());
    if (available >= 0 && available < needed)
        return fail(files::noSpaceError(
            FcbRestoreStagerText::tr("the extracted backup"), folder.backupsDir(), needed, available));

    const QString temp = temp::in(folder.backupsDir(), temp::Kind::Staging);
    if (auto made = files::makeOwnerOnlyDir(temp); !made)
        return fail(made.error());
    auto cleanup = qScopeGuard([&temp] { (void)files::removeAll(temp); });

    auto report = archive::verify(zipPath, folder.backupsDir(), task, temp);
    if (!report)
        return fail(report.error());
    if (!report->ok()) {
        if (failedReport)
            *failedReport = *report;
        return fail(ErrorCode::BadArchive,
            FcbRestoreStagerText::tr("%1 cannot be restored: %2")
                .arg(fileName, report->problems().join(QLatin1Char(' '))));
    }
    if (task.isCanceled())
        return fail(ErrorCode::Cancelled, FcbRestoreStagerText::tr("Cancelled."));
    if (auto synced = syncFileSystem(temp); !synced)
        return fail(synced.error());

    // Old marker first: a staging folder without a marker is ignored by FastCMS.
    if (QFile::exists(folder.markerPath()) && !QFile::remove(folder.markerPath()))
        return fail(ErrorCode::Io, FcbRestoreStagerText::tr("Could not remove the previous restore marker."),
            folder.markerPath());
    if (files::exists(folder.stagingDir())) {
        const QString old = temp + QStringLiteral(".old");
        if (auto moved = files::renameReplace(folder.stagingDir(), old); !moved)
            return fail(moved.error());
        (void)files::removeAll(old);
    }
    if (auto moved = files::renameNoReplace(temp, folder.stagingDir()); !moved)
        return fail(moved.error());
    cleanup.dismiss();
    if (auto synced = files::syncPath(folder.backupsDir()); !synced)
        return fail(synced.error());

    StageResult result;
    result.report = *report;
    result.marker.backupFilename = fileName;
    result.marker.requestedAt = pyjson::nowIsoNaiveUtc();
    result.marker.stagingPath = folder.stagingPathForMarker();
    if (auto written = files::writeAtomically(folder.markerPath(), result.marker.toJson()); !written)
        return fail(written.error());
    qCInfo(lcRestore) << "staged" << fileName << "for restore";
    return result;
}

Result<void> unstageRestore(const DataFolder& folder)
{
    const bool hadMarker = QFile::exists(folder.markerPath());
    const bool hadStaging = files::exists(folder.stagingDir());
    if (!hadMarker && !hadStaging)
        return fail(ErrorCode::NotFound, FcbRestoreStagerText::tr("No restore is staged."));
    if (hadMarker && !QFile::remove(folder.markerPath()))
        return fail(ErrorCode::Io, FcbRestoreStagerText::tr("Could not remove the restore marker."),
            folder.markerPath());
    if (auto synced = files::syncPath(folder.backupsDir()); !synced)
        return fail(synced.error());
    return files::removeAll(folder.stagingDir());
}

} // namespace fcb
