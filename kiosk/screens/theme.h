// The look shared by every screen: palette, spacing, touch-target sizes and the layout grid per
// orientation, all scaling with the screen (1 unit = 1 px at 1080 on the short side). The type
// scale is core::type_scale_px.
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
    // The layout grid inside the margins: 12 columns in landscape, 6 in portrait.
    int columns { 12 };
    float gutter { 24 };
    // A slide's picture: this share of the body's width in landscape, of its height in portrait.
    float slide_picture_share { 0.6f };
    // Cards per row in a grid of `count` (topics, slides) that fills the free area.
    size_t grid_columns(size_t count) const
    {
        if (portrait)
            return count <= 3 ? 1 : 2;
        if (count <= 3)
            return std::max<size_t>(count, 1);
        return count == 4 ? 2 : 3;
    }

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
        m.columns = m.portrait ? 6 : 12;
        m.gutter = 24 * m.unit;
        m.slide_picture_share = m.portrait ? 0.55f : 0.6f;
        return m;
    }
    float u(float design_px) const { return design_px * unit; }
    // Width of one grid column, and of `n` columns with the gutters between them.
    float column_w() const
    {
        float inner = static_cast<float>(screen.width) - 2 * margin;
        return (inner - gutter * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    }
    float span(int n) const
    {
        return static_cast<float>(n) * column_w() + static_cast<float>(std::max(0, n - 1)) * gutter;
    }
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
