// The kiosk's configuration file (/etc/kiosk/kiosk.toml, or $KIOSK_CONFIG): how this machine's
// screen and touch panel are set up, and the staff PIN. Everything has a working default, so a
// kiosk runs with no file at all.
#pragma once

#include "kiosk/core/gesture.h"
#include "kiosk/core/lang.h"
#include "kiosk/core/result.h"

#include <optional>
#include <string>

namespace kiosk::app {

struct Config {
    core::TouchMapping touch; // [touch] rotation = 0|90|180|270, mirror_x, mirror_y
    bool gpu_renderer { false }; // [display] renderer = "software" | "gpu"
    std::string staff_pin_hash; // [staff] pin_hash = "$argon2id$..." (kiosk-content hash-pin)
    std::string inbox_dir { "/var/lib/kiosk/inbox" }; // [content] inbox: watched for new files
    std::string state_dir { "/var/lib/kiosk" }; // [content] state: current.kiosk, stats.db
    std::string
        export_dir; // [staff] export: where "Export CSV" writes (a USB stick); "" = state/exports
    std::optional<core::Lang> default_lang; // [visitor] default_lang overrides the content's
    int idle_timeout_s { 0 }; // [visitor] idle_timeout_s; 0: the content's
    // [display] on = "08:00", off = "18:00": outside these hours the screen blanks (touch wakes).
    int on_minute { -1 };
    int off_minute { -1 };
};

// Parses the file's text; `path` names it in messages ("file:line:col: message").
core::Result<Config> parse_config(std::string_view text, const std::string& path);
// Reads $KIOSK_CONFIG or /etc/kiosk/kiosk.toml; a missing file gives the defaults.
core::Result<Config> load_config();

} // namespace kiosk::app
