// Key generation, signing and the signature table.
#include "kiosk/store/signing.h"

#include "kiosk/store/rows.h"
#include "kiosk/store/sqlite_handles.h"

#include <sodium.h>

namespace kiosk::store {

namespace {

constexpr std::string_view KEY_FILE_HEADER = "kiosk-content ed25519 secret key: keep it private\n";

std::string to_base64(const unsigned char* bytes, size_t size)
{
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

// Exactly `size` bytes from base64 text, else nullopt.
std::optional<std::vector<unsigned char>> from_base64(std::string_view text, size_t size)
{
    std::vector<unsigned char> out(size + 3);
    size_t length = 0;
    const char* end = nullptr;
    if (sodium_init() < 0
        || sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length,
               &end, sodium_base64_VARIANT_ORIGINAL)
            != 0
        || end != text.data() + text.size() || length != size)
        return std::nullopt;
    out.resize(size);
    return out;
}

std::string signed_message(std::string_view checksum)
{
    return "kiosk content v1\n" + std::string(checksum);
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.remove_suffix(1);
    return text;
}

core::Result<std::vector<unsigned char>> parse_secret(std::string_view file)
{
    if (!file.starts_with(KEY_FILE_HEADER))
        return core::Error { "not a key file from kiosk-content keygen" };
    auto key = from_base64(trim(file.substr(KEY_FILE_HEADER.size())), crypto_sign_SECRETKEYBYTES);
    if (!key)
        return core::Error { "the key file is damaged (not 64 bytes of base64)" };
    return *key;
}

} // namespace

KeyPair generate_key_pair()
{
    if (sodium_init() < 0)
        return {};
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    KeyPair pair { to_base64(pk, sizeof pk),
        std::string(KEY_FILE_HEADER) + to_base64(sk, sizeof sk) + "\n" };
    sodium_memzero(sk, sizeof sk);
    return pair;
}

bool is_public_key(std::string_view text)
{
    return from_base64(text, crypto_sign_PUBLICKEYBYTES).has_value();
}

core::Result<std::string> public_key_of(std::string_view secret_key_file)
{
    auto sk = parse_secret(secret_key_file);
    if (!sk)
        return core::Error { sk.error() };
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(pk, sk.value().data());
    sodium_memzero(sk.value().data(), sk.value().size());
    return to_base64(pk, sizeof pk);
}

core::Status sign_content_file(const std::string& path, std::string_view secret_key_file)
{
    auto sk = parse_secret(secret_key_file);
    if (!sk)
        return core::Error { sk.error() };
    auto db = open_db(path, OpenMode::ReadWriteCreate);
    if (!db)
        return core::Error { db.error() };
    auto stmt
        = Statement::create(db.value().get(), select_sql(META_TABLE, "WHERE key = 'checksum'"));
    if (!stmt)
        return core::Error { stmt.error() };
    if (!stmt.value().step())
        return core::Error { path + " holds no checksum to sign" };
    RowReader row(stmt.value(), META_TABLE);
    auto checksum = row.text("value");
    if (!row.problem().empty())
        return core::Error { "meta checksum: " + row.problem() };
    auto message = signed_message(checksum);
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()),
        message.size(), sk.value().data());
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(pk, sk.value().data());
    sodium_memzero(sk.value().data(), sk.value().size());
    auto status = exec(db.value().get(),
        "DROP TABLE IF EXISTS signature; CREATE TABLE signature(public_key TEXT NOT NULL, "
        "signature TEXT NOT NULL)");
    if (!status)
        return status;
    auto insert = RowWriter::create(db.value().get(), SIGNATURE_TABLE);
    if (!insert)
        return core::Error { insert.error() };
    return insert.value()
        .text("public_key", to_base64(pk, sizeof pk))
        .text("signature", to_base64(sig, sizeof sig))
        .insert();
}

core::Result<std::string> check_signature(
    sqlite3* db, std::string_view checksum, const Trust& trust)
{
    auto stmt = Statement::create(db, select_sql(SIGNATURE_TABLE, "ORDER BY rowid LIMIT 1"));
    bool has_row = stmt && stmt.value().step();
    if (!has_row) {
        if (trust.require_signature)
            return core::Error { "the file is not signed, and this kiosk accepts only files "
                                 "signed with one of its trusted keys ([content] trusted_keys)" };
        return std::string {};
    }
    RowReader row(stmt.value(), SIGNATURE_TABLE);
    auto public_key = row.text("public_key");
    auto signature = row.text("signature");
    if (!row.problem().empty())
        return core::Error { "signature: " + row.problem() };
    auto pk = from_base64(public_key, crypto_sign_PUBLICKEYBYTES);
    auto sig = from_base64(signature, crypto_sign_BYTES);
    auto message = signed_message(checksum);
    if (!pk || !sig
        || crypto_sign_verify_detached(sig->data(),
               reinterpret_cast<const unsigned char*>(message.data()), message.size(), pk->data())
            != 0)
        return core::Error { "the signature is not valid: the file was changed after it was "
                             "signed, or the signature is damaged" };
    bool trusted = false;
    for (auto& key : trust.trusted_keys)
        trusted = trusted || key == public_key;
    if (trust.require_signature && !trusted)
        return core::Error { "signed with the key " + public_key
            + ", which is not one of this kiosk's trusted keys ([content] trusted_keys)" };
    return public_key;
}

} // namespace kiosk::store
