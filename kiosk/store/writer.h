// Writes a compiled exhibition into a new SQLite file, atomically: a temporary file beside the
// target, fsynced, renamed over it, and the directory fsynced. A failure leaves the target as it
// was.
#pragma once

#include "kiosk/core/content_model.h"
#include "kiosk/core/result.h"

#include <string>
#include <vector>

namespace kiosk::store {

core::Status write_database(const std::string& path, const core::Exhibition& exhibition,
    const std::vector<core::Image>& images, const std::vector<core::Video>& videos = {});

// fsync a file, then rename it over `to` and fsync the directory (for installers too).
core::Status durable_rename(const std::string& from, const std::string& to);

} // namespace kiosk::store
