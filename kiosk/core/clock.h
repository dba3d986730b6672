// The virtual clock: animation and timeouts read it, never the system clock. The app advances it
// from real time each frame; tests step it by hand.
#pragma once

#include <cstdint>

namespace kiosk::core {

using TimeMs = int64_t;

class VirtualClock {
public:
    TimeMs now_ms() const { return m_now_ms; }
    // Moves time forward; time never goes back (a negative step is a caller bug).
    void advance(TimeMs delta_ms);
    void set(TimeMs now_ms);

private:
    TimeMs m_now_ms { 0 };
};

// A countdown measured on the virtual clock (idle timeouts, slide durations).
class Deadline {
public:
    Deadline() = default;
    Deadline(TimeMs start_ms, TimeMs duration_ms)
        : m_start_ms(start_ms)
        , m_duration_ms(duration_ms)
    {
    }
    void restart(TimeMs now_ms) { m_start_ms = now_ms; }
    bool expired(TimeMs now_ms) const { return now_ms - m_start_ms >= m_duration_ms; }
    // 0..1 of the way through.
    double progress(TimeMs now_ms) const;
    TimeMs remaining_ms(TimeMs now_ms) const;
    TimeMs duration_ms() const { return m_duration_ms; }

private:
    TimeMs m_start_ms { 0 };
    TimeMs m_duration_ms { 0 };
};

} // namespace kiosk::core
