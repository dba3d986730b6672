// The virtual clock and deadlines on it.
#include "kiosk/core/clock.h"

#include <algorithm>
#include <cassert>

namespace kiosk::core {

void VirtualClock::advance(TimeMs delta_ms)
{
    assert(delta_ms >= 0 && "VirtualClock::advance: time only moves forward");
    m_now_ms += std::max<TimeMs>(delta_ms, 0);
}

void VirtualClock::set(TimeMs now_ms)
{
    assert(now_ms >= m_now_ms && "VirtualClock::set: time only moves forward");
    m_now_ms = std::max(now_ms, m_now_ms);
}

double Deadline::progress(TimeMs now_ms) const
{
    if (m_duration_ms <= 0)
        return 1.0;
    return std::clamp(
        static_cast<double>(now_ms - m_start_ms) / static_cast<double>(m_duration_ms), 0.0, 1.0);
}

TimeMs Deadline::remaining_ms(TimeMs now_ms) const
{
    return std::max<TimeMs>(0, m_duration_ms - (now_ms - m_start_ms));
}

} // namespace kiosk::core
