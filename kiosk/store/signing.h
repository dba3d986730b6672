// Signed content packages (ed25519 through libsodium). The signature lives in its own table,
// `signature(public_key, signature)`, outside the checksummed tables; it signs the text
// "kiosk content v1\n" + the content checksum (which covers every content row, the content
// version included). A kiosk with trusted keys accepts a file only when one of them signed it.
#pragma once

#include "kiosk/core/result.h"

#include <sqlite3.h>
#include <string>
#include <vector>

namespace kiosk::store {

struct KeyPair {
    std::string public_key; // base64, 44 characters: what goes into trusted_keys
    std::string secret_key_file; // the key file's text (base64 of the 64-byte secret key)
};

KeyPair generate_key_pair();

// Whether `text` is a public key as keygen prints it (base64 of 32 bytes).
bool is_public_key(std::string_view text);

// The base64 public key of a key file's text; an error naming what is wrong with it.
core::Result<std::string> public_key_of(std::string_view secret_key_file);

// Adds (or replaces) the signature of a built content file. The file must hold a checksum.
core::Status sign_content_file(const std::string& path, std::string_view secret_key_file);

// Which keys a kiosk trusts. With require_signature, a file must be signed by one of
// trusted_keys (base64); without, any verified file is accepted and the signer is reported.
struct Trust {
    std::vector<std::string> trusted_keys;
    bool require_signature { false };
};

} // namespace kiosk::store

namespace kiosk::store {

// The signer's public key ("" for an unsigned file that `trust` allows), or why the file is
// refused. `checksum` is the content checksum already verified against the rows.
core::Result<std::string> check_signature(
    sqlite3* db, std::string_view checksum, const Trust& trust);

} // namespace kiosk::store
