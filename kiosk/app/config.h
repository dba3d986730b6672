// The kiosk's configuration file (/etc/kiosk/kiosk.toml, or $KIOSK_CONFIG): how this machine's
// screen and touch panel are set up, the staff PIN and the keys trusted to sign content. Every
// setting has a working default, and a bad file never stops the kiosk: what is wrong keeps its
// default and is listed in `problems` (logged at start, shown on the staff screen).
#pragma once

#include "kiosk/core/gesture.h"
#include "kiosk/core/lang.h"
#include "kiosk/store/signing.h"

#include <optional>
#include <string>
#include <vector>

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
    int idle_timeout_s { 0 }; // [visitor] idle_timeout_s, 10..3600; 0: the content's
    // [display] on = "08:00", off = "18:00": outside these hours the screen blanks (touch wakes).
    int on_minute { -1 };
    int off_minute { -1 };
    // [content] trusted_keys = ["<base64 from kiosk-content keygen>", ...]: content files must be
    // signed by one of them. Set (fail closed) also when the entry is malformed or the file cannot
    // be parsed, so a typo never opens the kiosk to unsigned files.
    std::vector<std::string> trusted_keys;
    bool require_signature { false };
    // "file:line:col: message" for every unknown key, wrong type, out-of-range value and syntax
    // error; each named setting kept its default.
    std::vector<std::string> problems;

    // What the installer's verification takes (store::verify_content_file, install_content_file).
    store::Trust trust() const { return { trusted_keys, require_signature }; }
};

// Parses the file's text; `path` names it in the problems.
Config parse_config(std::string_view text, const std::string& path);
// $KIOSK_CONFIG, else /etc/kiosk/kiosk.toml.
std::string config_path();
// Reads the file at `path`; a missing file gives the defaults with no problem.
Config load_config_file(const std::string& path);
// load_config_file(config_path()).
Config load_config();

} // namespace kiosk::app
