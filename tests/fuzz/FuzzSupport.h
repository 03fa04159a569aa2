#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLoggingCategory>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <sys/mman.h>
#include <unistd.h>

// A property every input must keep; a broken one is a finding, reported like a crash.
#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #condition);          \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)

namespace fcb::fuzz {

inline QByteArrayView view(const uint8_t* data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size));
}

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return view(data, size).toByteArray();
}

// Logging the engine does for the user is noise here.
inline void quietLogs()
{
    QLoggingCategory::setFilterRules(QStringLiteral("fcb.*=false\nqt.*=false"));
}

// The input as a file for the readers that take a path: a memfd, rewritten for every input and
// opened again through /proc, as an archive on disk would be.
class MemoryFile
{
public:
    MemoryFile()
        : m_fd(::memfd_create("fuzz-input", MFD_CLOEXEC))
    {
        FUZZ_CHECK(m_fd >= 0);
    }
    ~MemoryFile() { ::close(m_fd); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    QString path() const { return QStringLiteral("/proc/self/fd/%1").arg(m_fd); }
    void set(const uint8_t* data, size_t size)
    {
        FUZZ_CHECK(::ftruncate(m_fd, 0) == 0);
        size_t done = 0;
        while (done < size) {
            const ssize_t n = ::pwrite(m_fd, data + done, size - done, off_t(done));
            FUZZ_CHECK(n > 0);
            done += size_t(n);
        }
    }

private:
    int m_fd;
};

} // namespace fcb::fuzz
