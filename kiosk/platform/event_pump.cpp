// SDL start-up hints, the no-display check and the event queue.
#include "kiosk/platform/event_pump.h"

#include "kiosk/platform/video.h"

#include <cstdlib>
#include <cstring>
#include <string>

namespace kiosk::platform {

core::Status start_sdl(SdlLibrary& sdl, const SdlSetup& setup)
{
    // Software rendering unless configured otherwise: the GL path under llvmpipe triples memory.
    setenv("SDL_FRAMEBUFFER_ACCELERATION", setup.gpu ? "1" : "0", 0);
    const char* asked = std::getenv("SDL_VIDEODRIVER");
    bool driver_chosen = asked && *asked;
    if (setup.headless)
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
    // SIGTERM and SIGINT are the app's (systemd, staff at a console); SDL's own handlers would
    // turn them into SDL_QUIT, which a visitor's Alt+F4 also produces and the kiosk ignores.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    // The kiosk takes no typed text, and all its text handling is its own UTF-8: the C locale
    // spares X11's input method the UTF-8 compose tables at start-up (~10 ms).
    setenv("LC_ALL", "C", 1);
    // In kiosk mode the keyboard is grabbed, so Alt+Tab and Super reach the kiosk (which ignores
    // them) rather than the desktop.
    if (!setup.windowed) {
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
        SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
        SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    }
    if (!sdl.init(SDL_INIT_VIDEO | SDL_INIT_EVENTS))
        return core::Error { std::string("no display available (") + SDL_GetError() + ")" };
    // SDL 2.26 falls back to its offscreen (or dummy) driver when no real one starts: the kiosk
    // would then run forever with nothing on any screen.
    const char* driver = SDL_GetCurrentVideoDriver();
    if (!setup.headless && !driver_chosen && driver
        && (std::strcmp(driver, "offscreen") == 0 || std::strcmp(driver, "dummy") == 0))
        return core::Error { "no display available (no X11, Wayland or KMS/DRM display found)" };
    return core::Unit {};
}

void wake_event_loop()
{
    // SDL_PushEvent is safe from any thread; the event itself means nothing to handle().
    SDL_Event event {};
    event.type = SDL_USEREVENT;
    SDL_PushEvent(&event);
}

EventPump::EventPump(Video& video, core::TouchMapping touch, bool windowed)
    : m_video(video)
    , m_input(touch)
    , m_windowed(windowed)
{
}

PumpedEvents EventPump::wait(int timeout_ms, const std::function<core::TimeMs()>& now)
{
    PumpedEvents out;
    SDL_Event event;
    if (SDL_WaitEventTimeout(&event, timeout_ms < 0 ? 0 : timeout_ms)) {
        do
            handle(event, out, now());
        while (SDL_PollEvent(&event));
    }
    return out;
}

void EventPump::handle(const SDL_Event& event, PumpedEvents& out, core::TimeMs now_ms)
{
    if (event.type == SDL_QUIT && m_windowed)
        out.quit = true;
    if (event.type == SDL_KEYDOWN && m_windowed && event.key.keysym.sym == SDLK_ESCAPE)
        out.quit = true;
    if (event.type == SDL_WINDOWEVENT) {
        out.redraw = true;
        // In kiosk mode the window comes back whatever tried to hide it.
        SDL_Window* window = m_video.window();
        if (!m_windowed && window
            && (event.window.event == SDL_WINDOWEVENT_MINIMIZED
                || event.window.event == SDL_WINDOWEVENT_HIDDEN
                || event.window.event == SDL_WINDOWEVENT_FOCUS_LOST)) {
            SDL_RestoreWindow(window);
            SDL_ShowWindow(window);
            SDL_RaiseWindow(window);
        }
    }
    if (event.type == SDL_RENDER_TARGETS_RESET || event.type == SDL_RENDER_DEVICE_RESET) {
        out.textures_lost = true;
        out.redraw = true;
    }
    if (auto sample = m_input.map(event, m_video.size(), now_ms))
        out.touches.push_back(*sample);
}

} // namespace kiosk::platform
