// One-axis scrolling with inertia for lists and strips: the finger drags the content, a fling
// coasts and slows down, and the offset always stays within the content.
#pragma once

#include "kiosk/core/clock.h"
#include "kiosk/core/gesture.h"

namespace kiosk::core {

class Scroller {
public:
    void reset(TimeMs now_ms);
    // Content and viewport lengths along the axis, px.
    void set_extent(float content_px, float viewport_px);
    // The finger moved by `delta_px` along the axis (content follows it); stops any coasting.
    void drag(float delta_px);
    // The finger left at `velocity` px/ms along the axis.
    void fling(float velocity, TimeMs now_ms);
    // Advances the coasting to `now_ms`; true while still moving.
    bool step(TimeMs now_ms);
    bool moving() const { return m_inertia.moving(); }
    float offset() const { return m_offset; }
    float max_offset() const { return m_max; }

private:
    float m_offset { 0 };
    float m_max { 0 };
    Inertia m_inertia;
    TimeMs m_last_ms { 0 };
};

} // namespace kiosk::core
