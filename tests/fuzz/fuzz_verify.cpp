// Verification and staging of whatever an archive holds: every check, the database's integrity
// and the extraction, on the input as a file. Nothing may be left in the working folder, and
// staging writes only inside its own folder.
#include "FuzzSupport.h"

#include "FileUtil.h"
#include "TaskContext.h"
#include "archive/ArchiveReader.h"

#include <QDir>
#include <QTemporaryDir>

using namespace fcb;

namespace {

QStringList entriesOf(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quietLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static fuzz::MemoryFile file;
    static QTemporaryDir work;
    FUZZ_CHECK(work.isValid());
    file.set(data, size);
    SilentTaskContext task;

    const auto report = archive::verify(file.path(), work.path(), task);
    FUZZ_CHECK(entriesOf(work.path()).isEmpty());
    if (report && report->ok())
        FUZZ_CHECK(report->problems().isEmpty());

    const QString staging = work.filePath(QStringLiteral("staging"));
    FUZZ_CHECK(QDir().mkpath(staging));
    const auto staged = archive::verify(file.path(), work.path(), task, staging);
    FUZZ_CHECK(entriesOf(work.path()) == QStringList { QStringLiteral("staging") });
    if (staged && report)
        FUZZ_CHECK(staged->ok() == report->ok());
    FUZZ_CHECK(QDir(staging).removeRecursively());
    return 0;
}
