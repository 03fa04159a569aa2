#pragma once

#include <QByteArray>

#include <memory>

class QThreadPool;

namespace fcb {

// SHA-256 through OpenSSL (which uses the CPU's SHA extensions where present); several times
// faster than QCryptographicHash on the machines this runs on, which it falls back to when
// libcrypto cannot be loaded.
class Sha256
{
public:
    enum class Engine
    {
        Fastest,
        Qt
    };
    explicit Sha256(Engine engine = Engine::Fastest);
    static bool fastestAvailable(); // libcrypto loaded (loads it)
    bool usesFastest() const; // this hash runs on libcrypto
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void add(const char* data, qsizetype size);
    QByteArray hex(); // finishes the hash
    static QByteArray hex(const char* data, qsizetype size);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

// The SHA-256 of data that arrives in numbered pieces on several threads, computed in the
// pieces' order: whoever offers the next piece in line hashes it, and any that were waiting
// behind it; no thread waits for another. Once every offer has returned, every piece is hashed.
class OrderedSha256
{
public:
    OrderedSha256();
    ~OrderedSha256();
    void offer(int index, const QByteArray& piece);
    bool hashed(int index);
    QByteArray hex(); // once every piece was offered: finishes the hash

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// CRC-32 as zip uses it, through libdeflate.
quint32 crc32(quint32 crc, const char* data, qsizetype size);

// Threads for compressing and checking archive entries (one per core), apart from the
// engine's pool so that a job waiting on them never starves them.
QThreadPool* archiveWorkers();

} // namespace fcb
