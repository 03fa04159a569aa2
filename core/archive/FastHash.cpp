#include "FastHash.h"

#include <QThread>
#include <QThreadPool>

#include <libdeflate.h>
#include <malloc.h>
#include <openssl/evp.h>

#include <map>
#include <mutex>

namespace fcb {

struct Sha256::Context
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256()
    : m_context(std::make_unique<Context>())
{
    EVP_DigestInit_ex(m_context->ctx, EVP_sha256(), nullptr);
}

Sha256::~Sha256() = default;

void Sha256::add(const char* data, qsizetype size)
{
    EVP_DigestUpdate(m_context->ctx, data, size_t(size));
}

QByteArray Sha256::hex()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->ctx, digest, &length);
    return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
}

QByteArray Sha256::hex(const char* data, qsizetype size)
{
    Sha256 hash;
    hash.add(data, size);
    return hash.hex();
}

struct OrderedSha256::State
{
    std::mutex mutex;
    std::map<int, QByteArray> waiting;
    int next = 0;
    bool busy = false;
    Sha256 sha;
};

OrderedSha256::OrderedSha256()
    : m_state(std::make_unique<State>())
{
}

OrderedSha256::~OrderedSha256() = default;

void OrderedSha256::offer(int index, const QByteArray& piece)
{
    State& s = *m_state;
    std::unique_lock lock(s.mutex);
    s.waiting.emplace(index, piece);
    if (s.busy)
        return; // the thread hashing now takes this one too
    s.busy = true;
    for (auto next = s.waiting.find(s.next); next != s.waiting.end(); next = s.waiting.find(s.next)) {
        const QByteArray data = std::move(next->second);
        s.waiting.erase(next);
        lock.unlock();
        s.sha.add(data.constData(), data.size());
        lock.lock();
        ++s.next;
    }
    s.busy = false;
}

bool OrderedSha256::hashed(int index)
{
    std::lock_guard lock(m_state->mutex);
    return m_state->next > index;
}

QByteArray OrderedSha256::hex()
{
    std::lock_guard lock(m_state->mutex);
    return m_state->sha.hex();
}

QThreadPool* archiveWorkers()
{
    static QThreadPool* pool = [] {
        // The pipelines allocate and free buffers of a few MB all the time: keep them in the heap
        // for reuse instead of mapping (and zeroing) fresh pages for each one. The read-ahead
        // windows bound how much that can be.
        mallopt(M_MMAP_THRESHOLD, 64 << 20);
        mallopt(M_TRIM_THRESHOLD, 64 << 20);
        auto* p = new QThreadPool();
        p->setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
        return p;
    }();
    return pool;
}

quint32 crc32(quint32 crc, const char* data, qsizetype size)
{
    return libdeflate_crc32(crc, data, size_t(size));
}

} // namespace fcb
