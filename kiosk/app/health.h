// The kiosk looking after itself: systemd's watchdog and readiness, opening hours (the screen
// blanks outside them), the self-check that notices a frame stuck all one colour. Time comes in
// from the caller (the virtual clock, and an injected wall clock for the hour of day), so all of it
// runs in tests.
#pragma once

#include "kiosk/app/config.h"
#include "kiosk/core/clock.h"

#include <cstdint>
#include <functional>
#include <optional>

namespace kiosk::app {

// Minutes since local midnight (0..1439), from the machine's clock.
int local_minute_of_day();

class Health {
public:
    Health(const Config& config, std::function<int()> minute_of_day = local_minute_of_day);

    // Opening hours, looked at once the kiosk is quiet and untouched for five minutes: true
    // when the screen was just blanked or lit again.
    bool update_hours(core::TimeMs now_ms, bool quiet, core::TimeMs last_touch_ms);
    bool blanked() const { return m_blanked; }
    // A touch wakes a blanked screen (for a while: the hours apply again when it is quiet).
    void wake() { m_blanked = false; }

    enum class Verdict { Fine, Redraw, Fallback };
    // Once a minute, while something is on screen: the self-check reads the frame.
    bool self_check_due(core::TimeMs now_ms) const;
    // The frame was (not) all one colour: once, caches are dropped and it is drawn again; twice
    // in a row, the fallback screen.
    Verdict judge_frame(core::TimeMs now_ms, std::optional<bool> uniform);

    // systemd: ready after the first frame; a watchdog ping from the loop every 4 s (a hang
    // anywhere stops the pings); stopping at exit. `now_ms` is real time.
    void notify_ready();
    void ping_watchdog(core::TimeMs now_ms);
    void notify_stopping();

private:
    int m_on_minute;
    int m_off_minute;
    std::function<int()> m_minute_of_day;
    bool m_blanked { false };
    core::TimeMs m_next_self_check_ms { 0 };
    int m_uniform_frames { 0 };
    core::TimeMs m_last_ping_ms { -100000 };
};

} // namespace kiosk::app
