// The real-time loop: sleep on events until something is due (input, an animation frame, a
// timeout, a long-press, at most 5 s), take the events, run one turn, tell systemd. SIGTERM and
// SIGINT end it; in kiosk mode nothing else does.
#include "kiosk/app/app_parts.h"
#include "kiosk/app/log.h"
#include "kiosk/platform/raster_worker.h"

#include <atomic>
#include <chrono>
#include <csignal>

namespace kiosk::app {

using namespace core;

namespace {

std::atomic<bool> g_stop_requested { false };

void on_stop_signal(int)
{
    g_stop_requested = true;
    platform::abandon_pictures_for_shutdown(); // a picture in hand does not hold the stop up
}

} // namespace

int App::run()
{
    std::signal(SIGTERM, on_stop_signal);
    std::signal(SIGINT, on_stop_signal);
    if (int code = start())
        return code;
    auto& p = *m_parts;
    if (m_run.mode == RunMode::Screenshot) {
        advance(0);
        // --at: the virtual clock moves on to the moment asked for and that frame is drawn.
        if (m_options.screenshot_at_ms > 0) {
            m_parts->dirty = true;
            advance(m_options.screenshot_at_ms);
        }
        auto saved = save_png(m_options.screenshot_path);
        if (!saved) {
            log_error(saved.error());
            return 1;
        }
        return showing_fallback() ? 5 : 0;
    }
    auto started = std::chrono::steady_clock::now();
    auto real_now = [&]() {
        return static_cast<TimeMs>(std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started)
                                       .count());
    };
    bool notified_ready = false;
    while (!g_stop_requested && !p.exit_code) {
        TimeMs now = real_now();
        // Sleep until input, the next animation frame, a timeout or a long-press; at most 5 s,
        // so the watchdog hears from the loop and the inbox is looked at.
        TimeMs wake = p.dirty ? now : now + 5000;
        for (auto deadline :
            { p.frame_due, p.machine->idle_deadline_ms(), p.gestures.next_deadline_ms() })
            wake = deadline ? std::min(wake, *deadline) : wake;
        auto events = p.display->pump().wait(
            static_cast<int>(std::clamp<TimeMs>(wake - now, 0, 5000)), real_now);
        g_stop_requested = g_stop_requested || events.quit;
        if (events.textures_lost) {
            p.display->drop_caches();
        }
        p.dirty = p.dirty || events.redraw;
        for (auto& sample : events.touches)
            feed(sample);
        bool drew = advance(real_now());
        if (drew && !notified_ready) {
            trace_start("first frame presented");
            p.health->notify_ready();
            notified_ready = true;
            if (m_options.exit_after_first_frame)
                break;
        }
        p.health->ping_watchdog(real_now());
    }
    p.health->notify_stopping();
    p.content->stopped_cleanly();
    p.counts.flush();
    p.frame_log.write(stats());
    return p.exit_code.value_or(0);
}

} // namespace kiosk::app
