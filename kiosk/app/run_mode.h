// How this process runs, decided once from the command line: everything that differs between a
// kiosk, a developer's window, a one-frame screenshot and a test driving the app is read from
// here instead of being asked of the options again and again.
#pragma once

#include "kiosk/app/options.h"

namespace kiosk::app {

enum class RunMode {
    Kiosk, // fullscreen, unattended: the real-time loop, the keyboard grabbed, no way out
    Windowed, // --windowed: a desktop window that Esc closes (development)
    Screenshot, // --screenshot PNG: one frame with no display, then exit
    Driven, // tests and benchmarks: no display, the virtual clock advanced by the caller
    // --watch DIR: the editors' live preview, a desktop window (Esc closes) that rebuilds the
    // content on each save; headless with --screenshot, which it rewrites after each rebuild
    Watch,
};

struct RunTraits {
    RunMode mode { RunMode::Kiosk };
    bool headless { false }; // no display: SDL's offscreen driver draws into a surface
    bool windowed { false }; // a desktop window that Esc closes, not the kiosk's fullscreen
    bool looks_after_content { true }; // inbox, reloads, rollback, counts, disk cache, self-check
    bool hold { false }; // no idle timeout, no auto-advance
    bool paints_in_background { true }; // sharp map repaints on a thread (not for one frame)
};

RunMode run_mode(const Options& options);
RunTraits run_traits(const Options& options);

} // namespace kiosk::app
