#include "SecretStore.h"

#include <qt6keychain/keychain.h>

#include <QHash>

namespace fcb {

namespace {
const QString kService = QStringLiteral("FastCMS Backup Console");
}

void KeychainSecretStore::read(const QString& key, std::function<void(std::optional<QString>)> done)
{
    auto* job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // no keychain: nothing is kept, the user signs in again
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [job, done](QKeychain::Job*) {
        if (job->error() == QKeychain::NoError)
            done(job->textData());
        else
            done(std::nullopt);
    });
    job->start();
}

void KeychainSecretStore::write(const QString& key, const QString& secret, std::function<void(bool)> done)
{
    auto* job = new QKeychain::WritePasswordJob(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, job,
        [job, done](QKeychain::Job*) { done(job->error() == QKeychain::NoError); });
    job->start();
}

void KeychainSecretStore::remove(const QString& key)
{
    auto* job = new QKeychain::DeletePasswordJob(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->start();
}

void MemorySecretStore::read(const QString& key, std::function<void(std::optional<QString>)> done)
{
    done(m_secrets.contains(key) ? std::optional<QString>(m_secrets.value(key)) : std::nullopt);
}

void MemorySecretStore::write(const QString& key, const QString& secret, std::function<void(bool)> done)
{
    m_secrets.insert(key, secret);
    done(true);
}

void MemorySecretStore::remove(const QString& key)
{
    m_secrets.remove(key);
}

} // namespace fcb
