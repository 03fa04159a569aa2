// The zip structure as every reader meets it: the end records, the central directory walk and
// each local header, on the bytes in memory; then the readers that listing and staging call, on
// the same bytes as a file.
#include "FuzzSupport.h"

#include "archive/ArchiveReader.h"
#include "archive/ZipDirectory.h"

using namespace fcb;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::quietLogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static fuzz::MemoryFile file;
    zipdir::MemorySource source(fuzz::view(data, size));
    if (const auto layout = zipdir::findDirectory(source)) {
        FUZZ_CHECK(layout->directoryAt <= size && layout->directorySize <= size - layout->directoryAt);
        FUZZ_CHECK(layout->count <= layout->directorySize / 46);
        zipdir::Walk walk(source, *layout);
        zipdir::Record record;
        quint64 records = 0;
        for (;;) {
            const auto more = walk.next(record);
            if (!more || !*more)
                break;
            ++records;
            FUZZ_CHECK(!(record.flags & (zipdir::flag::encrypted | zipdir::flag::strongEncryption)));
            if (record.flags & zipdir::flag::utf8) {
                FUZZ_CHECK(zipdir::isValidUtf8(record.name));
                // Valid UTF-8 decodes to a name that encodes back to the same bytes.
                FUZZ_CHECK(zipdir::decodeName(record).toUtf8() == record.name.toByteArray());
            }
            if (const auto at = zipdir::locateData(source, *layout, record))
                FUZZ_CHECK(*at <= layout->directoryAt && record.compressedSize <= layout->directoryAt - *at);
        }
        FUZZ_CHECK(records <= layout->count);
    }

    file.set(data, size);
    if (const auto directory = archive::readDirectory(file.path())) {
        for (const ArchiveEntry& entry : directory->entries)
            FUZZ_CHECK(directory->find(entry.name) == &entry); // no name twice
        (void)archive::layoutProblems(*directory);
    }
    if (const auto metadata = archive::readEntry(file.path(), QStringLiteral("metadata.json")))
        FUZZ_CHECK(metadata->size() <= (1 << 20));
    (void)archive::readEntry(file.path(), QStringLiteral("database.db"), 1 << 16);
    return 0;
}
