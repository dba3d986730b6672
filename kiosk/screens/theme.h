// The look shared by every screen: palette, spacing and touch-target sizes that scale with the
// screen (1 unit = 1 px at 1080 on the short side), and the chrome every screen carries.
#pragma once

#include "kiosk/core/draw_list.h"
#include "kiosk/core/lang.h"

#include <algorithm>

namespace kiosk::screens {

namespace palette {
inline constexpr core::Color NAVY { 11, 36, 71, 255 };
inline constexpr core::Color NAVY_LIGHT { 25, 55, 100, 255 };
inline constexpr core::Color TEAL { 25, 167, 206, 255 };
inline constexpr core::Color SEA { 20, 108, 148, 255 };
inline constexpr core::Color LEAF { 87, 200, 77, 255 };
inline constexpr core::Color RED { 218, 41, 28, 255 };
inline constexpr core::Color GOLD { 255, 205, 0, 255 };
inline constexpr core::Color SAND { 246, 241, 233, 255 };
inline constexpr core::Color WHITE { 255, 255, 255, 255 };
inline constexpr core::Color MUTED { 190, 205, 225, 255 };
} // namespace palette

struct Metrics {
    core::Size screen;
    float unit { 1 }; // px per design unit (short side / 1080)
    bool portrait { false };
    float margin { 48 };
    float target { 88 }; // minimum touch target edge, >= 80 px at 1080p
    float bar_height { 110 };

    static Metrics for_screen(core::Size screen)
    {
        Metrics m;
        m.screen = screen;
        int short_side = std::min(screen.width, screen.height);
        m.unit = static_cast<float>(short_side) / 1080.0f;
        m.portrait = screen.height > screen.width;
        m.margin = 48 * m.unit;
        m.target = 88 * m.unit;
        m.bar_height = 120 * m.unit;
        return m;
    }
    float u(float design_px) const { return design_px * unit; }
    // The height the type scale is computed from: the short side, so portrait text is not huge.
    int type_basis() const { return std::min(screen.width, screen.height); }
};

inline core::TextStyle style(core::TextRole role, core::Lang lang,
    core::Weight weight = core::Weight::Regular, core::Align align = core::Align::Start)
{
    core::TextStyle s;
    s.role = role;
    s.lang = lang;
    s.weight = weight;
    s.align = align;
    return s;
}

} // namespace kiosk::screens
