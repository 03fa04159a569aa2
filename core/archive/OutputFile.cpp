#include "OutputFile.h"

#include <QFile>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace fcb {

OutputFile::OutputFile(const QString& path)
    : OutputFile(path, Options())
{ }

OutputFile::OutputFile(const QString& path, Options options)
    : m_file(path)
    , m_options(options)
{
    if (m_options.buffer < kAlignment || m_options.buffer % kAlignment != 0)
        m_options.buffer = qint64(8) << 20;
}

OutputFile::~OutputFile()
{
    std::free(m_buffer);
}

bool OutputFile::failed(int err)
{
    m_noSpace = err == ENOSPC || err == EDQUOT;
    m_error = QString::fromLocal8Bit(std::strerror(err));
    return false;
}

bool OutputFile::open(QFileDevice::Permissions permissions)
{
    if (m_fd >= 0)
        return true;
    if (!m_buffer
        && ::posix_memalign(reinterpret_cast<void**>(&m_buffer), size_t(kAlignment), size_t(m_options.buffer))
            != 0) {
        m_buffer = nullptr;
        return failed(ENOMEM);
    }
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions)) {
        m_noSpace = m_file.error() == QFileDevice::ResourceError;
        m_error = m_file.errorString();
        return false;
    }
    m_fd = m_file.handle();
    // Whether the file system takes O_DIRECT shows when it is set, or at the first write.
    m_direct = m_options.direct && setDirect(true);
    return true;
}

bool OutputFile::setDirect(bool on)
{
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags < 0)
        return false;
    return ::fcntl(m_fd, F_SETFL, on ? (flags | O_DIRECT) : (flags & ~O_DIRECT)) == 0;
}

bool OutputFile::writeAt(const char* data, qint64 size, qint64 at)
{
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::pwrite(m_fd, data + done, size_t(size - done), off_t(at + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EINVAL && m_direct) {
            // Not for this file system after all (or not at this alignment): the ordinary way
            // from here on. Nothing of this write went out.
            if (!setDirect(false))
                return failed(errno);
            m_direct = false;
            continue;
        }
        if (n < 0)
            return failed(errno);
        if (n == 0)
            return failed(ENOSPC);
        done += n;
        if (m_direct)
            m_directBytes += n;
        // A short direct write can end off the alignment: the rest goes the ordinary way.
        if (m_direct && done < size && (at + done) % kAlignment != 0) {
            if (!setDirect(false))
                return failed(errno);
            m_direct = false;
        }
    }
    return true;
}

bool OutputFile::flushBuffer()
{
    if (m_fill == 0)
        return true;
    if (!writeAt(m_buffer, m_fill, m_start))
        return false;
    if (!m_direct) // start writing back now, so that the final fsync has little left to do
        ::sync_file_range(m_fd, m_start, m_fill, SYNC_FILE_RANGE_WRITE);
    m_start += m_fill;
    m_fill = 0;
    return true;
}

bool OutputFile::write(const char* data, qint64 size)
{
    if (m_fd < 0)
        return failed(EBADF);
    while (size > 0) {
        const qint64 n = qMin(size, m_options.buffer - m_fill);
        std::memcpy(m_buffer + m_fill, data, size_t(n));
        m_fill += n;
        data += n;
        size -= n;
        if (m_fill == m_options.buffer && !flushBuffer())
            return false;
    }
    return true;
}

bool OutputFile::overwrite(qint64 at, const char* data, qint64 size)
{
    if (m_fd < 0)
        return failed(EBADF);
    if (at < 0 || size < 0 || at + size > this->size())
        return failed(EINVAL);
    // What is still in the buffer is changed there.
    if (at + size > m_start) {
        const qint64 from = qMax(at, m_start);
        std::memcpy(m_buffer + (from - m_start), data + (from - at), size_t(at + size - from));
        size = from - at;
    }
    if (size == 0)
        return true;
    // Bytes already in the file: a few, written the ordinary way (the kernel keeps the page
    // cache and the blocks written around it consistent).
    const bool direct = m_direct;
    if (direct && !setDirect(false))
        return failed(errno);
    m_direct = false;
    const bool written = writeAt(data, size, at);
    if (direct && setDirect(true))
        m_direct = true;
    return written;
}

bool OutputFile::finish()
{
    if (m_fd < 0)
        return failed(EBADF);
    // The last, partial block: the ordinary way.
    if (m_fill % kAlignment != 0 && m_direct) {
        if (!setDirect(false))
            return failed(errno);
        m_direct = false;
    }
    if (!flushBuffer())
        return false;
    if (::fsync(m_fd) != 0)
        return failed(errno);
    m_fd = -1;
    m_file.close();
    if (m_file.error() != QFileDevice::NoError) {
        m_error = m_file.errorString();
        return false;
    }
    return true;
}

} // namespace fcb
