// Installing a content file: verify everything (checksum, schema, integrity, every image decodes,
// every string in three languages), then swap it in with fsynced atomic renames, keeping the
// previous file for rollback. At any instant of a crash or power cut, `current` is either the old
// complete file or the new complete file.
#pragma once

#include "kiosk/core/content_model.h"
#include "kiosk/core/result.h"
#include "kiosk/store/signing.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::store {

// nullopt when the image bytes decode, else the reason.
using ImageCheck = std::function<std::optional<std::string>(const std::vector<uint8_t>&)>;

// Every picture of the exhibition drawn at every size the screens draw it (the store has no
// layout: tools/content/picture_check provides it). `bytes` gives a picture's stored bytes by id.
// The problems found, each naming the picture and the size; empty when all draw.
using DrawnCheck = std::function<std::vector<std::string>(const core::Exhibition& exhibition,
    const std::function<std::optional<std::vector<uint8_t>>(const std::string& id)>& bytes)>;

struct Verified {
    std::string content_version;
    std::string checksum;
    std::string signed_by; // the signer's public key (base64), "" when unsigned
    size_t slides { 0 };
    size_t images { 0 };
};

// Full verification of a content file: size, schema, integrity, checksum, every value of every
// row (types and content limits), texts in three languages, every image, and the signature
// against `trust` (the kiosk and `kiosk-content install` pass Config::trust()); then, when all
// that holds, `drawn` (every picture at every size it is drawn). Every problem found is in the
// error message.
core::Result<Verified> verify_content_file(const std::string& path, const ImageCheck& check_image,
    const Trust& trust = {}, const DrawnCheck& drawn = {});

struct InstallPaths {
    std::string current; // e.g. /var/lib/kiosk/current.kiosk
    std::string previous; // e.g. /var/lib/kiosk/previous.kiosk
};

InstallPaths install_paths(const std::string& state_dir);

// Verifies `source`, copies it beside `current` (fsynced), then: current -> previous (a hard link,
// so current never disappears), temp -> current (rename), directory fsynced.
// On every failure the temporary copy is removed and `current` is untouched.
core::Result<Verified> install_content_file(const std::string& source, const InstallPaths& paths,
    const ImageCheck& check_image, const Trust& trust = {}, const DrawnCheck& drawn = {});

// Puts previous back as current (after a crash loop on new content).
core::Status roll_back(const InstallPaths& paths);

} // namespace kiosk::store
