// SDL's side of the loop: starting SDL with the kiosk's hints (and telling a machine with no
// display from one with a display), and turning SDL's event queue into the app's own events:
// touch samples and a few window facts. Nothing above platform sees an SDL_Event. The kiosk-mode
// policies live here too: the window comes back whatever hides it, and only a windowed session
// closes on Esc or the window's close button.
#pragma once

#include "kiosk/core/clock.h"
#include "kiosk/core/gesture.h"
#include "kiosk/core/result.h"
#include "kiosk/platform/input.h"
#include "kiosk/platform/sdl_handles.h"

#include <functional>
#include <vector>

namespace kiosk::platform {

class Video;

struct SdlSetup {
    bool headless { false }; // draw into a surface: SDL's offscreen driver, no display needed
    bool windowed { false }; // a desktop window (development): the keyboard is not grabbed
    bool gpu { false }; // the GPU renderer instead of SDL's software one
};

// Sets the hints and the environment the kiosk runs with, then initialises SDL's video. Fails
// with a sentence for people when there is no display (no X, Wayland or KMS), including when SDL
// would silently fall back to its invisible offscreen driver; never when headless was asked for,
// or when $SDL_VIDEODRIVER names a driver on purpose.
core::Status start_sdl(SdlLibrary& sdl, const SdlSetup& setup);

struct PumpedEvents {
    std::vector<core::TouchSample> touches;
    bool quit { false }; // windowed only: Esc or the window's close button
    bool redraw { false }; // the window was exposed, resized, shown...
    bool textures_lost { false }; // the renderer lost its textures: caches must be dropped
};

// Ends an EventPump::wait early, from any thread (a worker whose result is ready).
void wake_event_loop();

class EventPump {
public:
    EventPump(Video& video, core::TouchMapping touch, bool windowed);
    // Sleeps up to `timeout_ms` for an event, then takes every queued one. `now` gives the
    // loop's clock for each touch sample.
    PumpedEvents wait(int timeout_ms, const std::function<core::TimeMs()>& now);

private:
    void handle(const SDL_Event& event, PumpedEvents& out, core::TimeMs now_ms);

    Video& m_video;
    InputMapper m_input;
    bool m_windowed;
};

} // namespace kiosk::platform
