#include "FastHash.h"

#include <QCryptographicHash>
#include <QThread>
#include <QThreadPool>

#include <libdeflate.h>
#include <malloc.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <map>
#include <mutex>
#include <optional>
#include <type_traits>

#include <dlfcn.h>

namespace fcb {

namespace {

// libcrypto is loaded when the first hash starts, not with the program: most runs of the tool
// (a listing, a status) hash nothing, and loading it costs them about a millisecond.
struct Crypto
{
    decltype(&EVP_MD_CTX_new) newContext = nullptr;
    decltype(&EVP_MD_CTX_free) freeContext = nullptr;
    decltype(&EVP_sha256) sha256 = nullptr;
    // SHA-256 fetched from its provider once: left to EVP_DigestInit_ex, every hash fetches it
    // again, under a lock all threads share (OpenSSL 3).
    const EVP_MD* fetched = nullptr;
    decltype(&EVP_DigestInit_ex) init = nullptr;
    decltype(&EVP_DigestUpdate) update = nullptr;
    decltype(&EVP_DigestFinal_ex) final = nullptr;

    bool loaded() const { return newContext && freeContext && fetched && init && update && final; }
};

const Crypto& crypto()
{
    static const Crypto loaded = [] {
        Crypto c;
        void* library = ::dlopen(FCB_LIBCRYPTO_SONAME, RTLD_NOW | RTLD_LOCAL);
        if (!library)
            return c;
        const auto resolve = [library](auto& function, const char* name) {
            function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(::dlsym(library, name));
        };
        resolve(c.newContext, "EVP_MD_CTX_new");
        resolve(c.freeContext, "EVP_MD_CTX_free");
        resolve(c.sha256, "EVP_sha256");
        resolve(c.init, "EVP_DigestInit_ex");
        resolve(c.update, "EVP_DigestUpdate");
        resolve(c.final, "EVP_DigestFinal_ex");
        // No clean-up of OpenSSL's globals at exit: a worker thread still finishing (its
        // thread-local clean-up runs after the pool has let it go) would touch freed memory.
        // The process is ending; the kernel takes the memory back.
        decltype(&OPENSSL_init_crypto) initCrypto = nullptr;
        resolve(initCrypto, "OPENSSL_init_crypto");
        if (initCrypto)
            initCrypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
        decltype(&EVP_MD_fetch) fetch = nullptr;
        resolve(fetch, "EVP_MD_fetch"); // OpenSSL 3 only
        if (fetch)
            c.fetched = fetch(nullptr, "SHA256", nullptr);
        if (!c.fetched && c.sha256)
            c.fetched = c.sha256();
        return c;
    }();
    return loaded;
}

} // namespace

struct Sha256::Context
{
    EVP_MD_CTX* ctx = nullptr;
    std::optional<QCryptographicHash> qt; // where libcrypto is missing

    ~Context()
    {
        if (ctx)
            crypto().freeContext(ctx);
    }
};

Sha256::Sha256(Engine engine)
    : m_context(std::make_unique<Context>())
{
    const Crypto& c = crypto();
    if (engine == Engine::Fastest && c.loaded()) {
        m_context->ctx = c.newContext();
        if (m_context->ctx && c.init(m_context->ctx, c.fetched, nullptr) == 1)
            return;
        if (m_context->ctx)
            c.freeContext(m_context->ctx);
        m_context->ctx = nullptr;
    }
    m_context->qt.emplace(QCryptographicHash::Sha256);
}

Sha256::~Sha256() = default;

bool Sha256::fastestAvailable()
{
    return crypto().loaded();
}

bool Sha256::usesFastest() const
{
    return m_context->ctx != nullptr;
}

void Sha256::add(const char* data, qsizetype size)
{
    if (m_context->ctx)
        crypto().update(m_context->ctx, data, size_t(size));
    else
        m_context->qt->addData(QByteArrayView(data, size));
}

QByteArray Sha256::hex()
{
    if (!m_context->ctx)
        return m_context->qt->result().toHex();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    crypto().final(m_context->ctx, digest, &length);
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
{ }

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
