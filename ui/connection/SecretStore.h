#pragma once

#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace fcb {

// Where the console keeps sign-in tokens between runs: the system keychain (QtKeychain), never
// a plain-text file. Without a keychain nothing is kept and the user signs in again.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    virtual void read(const QString& key, std::function<void(std::optional<QString>)> done) = 0;
    virtual void write(const QString& key, const QString& secret, std::function<void(bool stored)> done) = 0;
    virtual void remove(const QString& key) = 0;
};

class KeychainSecretStore final : public SecretStore
{
public:
    void read(const QString& key, std::function<void(std::optional<QString>)> done) override;
    void write(const QString& key, const QString& secret, std::function<void(bool stored)> done) override;
    void remove(const QString& key) override;
};

// For tests, and for a session that must forget everything when it ends.
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString& key, std::function<void(std::optional<QString>)> done) override;
    void write(const QString& key, const QString& secret, std::function<void(bool stored)> done) override;
    void remove(const QString& key) override;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace fcb
