// Scrolling maths.
#include "kiosk/core/scroller.h"

#include <algorithm>

namespace kiosk::core {

void Scroller::reset(TimeMs now_ms)
{
    m_offset = 0;
    m_inertia = {};
    m_last_ms = now_ms;
}

void Scroller::set_extent(float content_px, float viewport_px)
{
    m_max = std::max(0.0f, content_px - viewport_px);
    m_offset = std::clamp(m_offset, 0.0f, m_max);
}

void Scroller::drag(float delta_px)
{
    m_inertia = {};
    m_offset = std::clamp(m_offset - delta_px, 0.0f, m_max);
}

void Scroller::fling(float velocity, TimeMs now_ms)
{
    m_inertia.velocity = { -velocity, 0 };
    m_last_ms = now_ms;
}

bool Scroller::step(TimeMs now_ms)
{
    if (m_inertia.moving()) {
        m_offset += m_inertia.step(now_ms - m_last_ms).x;
        if (m_offset <= 0 || m_offset >= m_max) {
            m_offset = std::clamp(m_offset, 0.0f, m_max);
            m_inertia = {};
        }
    }
    m_last_ms = now_ms;
    return m_inertia.moving();
}

} // namespace kiosk::core
