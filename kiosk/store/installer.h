// Installing a content file: verify everything (checksum, schema, integrity, every image decodes,
// every string in three languages), then swap it in with fsynced atomic renames, keeping the
// previous file for rollback. At any instant of a crash or power cut, `current` is either the old
// complete file or the new complete file.
#pragma once

#include "kiosk/core/result.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::store {

// nullopt when the image bytes decode, else the reason.
using ImageCheck = std::function<std::optional<std::string>(const std::vector<uint8_t>&)>;

struct Verified {
    std::string content_version;
    std::string checksum;
    size_t slides { 0 };
    size_t images { 0 };
};

// Full verification of a content file; every problem found is in the error message.
core::Result<Verified> verify_content_file(const std::string& path, const ImageCheck& check_image);

struct InstallPaths {
    std::string current; // e.g. /var/lib/kiosk/current.kiosk
    std::string previous; // e.g. /var/lib/kiosk/previous.kiosk
};

InstallPaths install_paths(const std::string& state_dir);

// Verifies `source`, copies it beside `current` (fsynced), then: current -> previous (a hard link,
// so current never disappears), temp -> current (rename), directory fsynced.
core::Result<Verified> install_content_file(
    const std::string& source, const InstallPaths& paths, const ImageCheck& check_image);

// Puts previous back as current (after a crash loop on new content).
core::Status roll_back(const InstallPaths& paths);

} // namespace kiosk::store
