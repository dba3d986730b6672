// How a screen takes a gesture.
#include "kiosk/screens/screen.h"

namespace kiosk::screens {

Nav deliver(Screen& screen, const core::Gesture& g, const Frame& frame)
{
    using core::GestureKind;
    switch (g.kind) {
    case GestureKind::Tap:
        return screen.on_tap(g.point, frame);
    case GestureKind::Swipe:
        return screen.on_swipe(g.delta.x, frame);
    case GestureKind::Pan:
        screen.on_pan(g.delta, g.velocity, frame);
        return {};
    case GestureKind::PanEnd:
        screen.on_pan_end(g.velocity, frame);
        return {};
    case GestureKind::Pinch:
        screen.on_pinch(g.point, g.delta, g.scale, frame);
        return {};
    case GestureKind::StaffCorners:
        return { NavKind::Staff, {} };
    default:
        return {};
    }
}

} // namespace kiosk::screens
