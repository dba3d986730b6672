// The kiosk's command line (a contract: deploy scripts and outside tests rely on it):
//   kiosk [--db FILE] [--screen NAME] [--lang vi|ja|en] [--size WxH] [--screenshot PNG]
//         [--at SECONDS] [--hold] [--exit-after-first-frame] [--windowed] [--watch DIR]
#pragma once

#include "kiosk/core/clock.h"
#include "kiosk/core/geometry.h"
#include "kiosk/core/lang.h"
#include "kiosk/core/result.h"
#include "kiosk/core/screen_machine.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

struct Options {
    std::string db_path; // empty: the default database
    std::optional<core::ScreenRef> screen;
    std::optional<core::Lang> lang;
    core::Size size; // 0x0: the display's size (1920x1080 for screenshots)
    std::string screenshot_path;
    // --at: the screenshot shows the screen this long after it came up (a video mid-play), on
    // the virtual clock; 0 by default.
    core::TimeMs screenshot_at_ms { 0 };
    bool hold { false };
    bool exit_after_first_frame { false };
    bool windowed { false }; // a normal window instead of the kiosk's borderless fullscreen
    // --watch DIR: the editors' live preview of a content folder (its assets are its sibling
    // assets/); a window, or headless with --screenshot (the PNG rewritten after each rebuild).
    std::string watch_dir;
    bool help { false };
    bool headless { false }; // not a flag: tests and benchmarks drive the app with no display
};

core::Result<Options> parse_options(const std::vector<std::string>& args);
extern const char* const USAGE;

} // namespace kiosk::app
