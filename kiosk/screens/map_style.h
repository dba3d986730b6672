// The map's colours and the small drawing helpers its parts share (land, arcs, markers, panel).
#pragma once

#include "kiosk/core/content_model.h"
#include "kiosk/core/draw_list.h"
#include "kiosk/screens/theme.h"

#include <cmath>

namespace kiosk::screens::map_style {

constexpr core::Color SEA_COLOR { 18, 70, 112, 255 };
constexpr core::Color LAND { 92, 118, 136, 255 };
constexpr core::Color LAND_VIET_NAM { 238, 208, 158, 255 };
constexpr core::Color LAND_JAPAN { 242, 192, 168, 255 };
constexpr core::Color COAST { 225, 236, 242, 150 };
constexpr core::Color BORDER { 255, 255, 255, 110 };
constexpr core::Color LAKE { 18, 70, 112, 255 }; // the sea's colour
constexpr core::Color LAKE_SHORE { 225, 236, 242, 110 };
constexpr core::Color RIVER { 52, 118, 170, 255 };
constexpr core::Color COUNTRY_NAME { 255, 255, 255, 150 };
constexpr core::Color CITY_NAME { 236, 242, 248, 230 };
constexpr core::Color CITY_DOT { 236, 242, 248, 255 };
constexpr core::Color GRATICULE { 255, 255, 255, 28 };
constexpr core::Color OUTSIDE { 11, 36, 71, 170 };
constexpr core::Color LABEL_BACK { 11, 36, 71, 215 };

inline core::Color link_color(core::LinkKind kind)
{
    switch (kind) {
    case core::LinkKind::Sister:
        return palette::GOLD;
    case core::LinkKind::Friendship:
        return { 255, 128, 96, 255 };
    case core::LinkKind::Cooperation:
        return palette::LEAF;
    }
    return palette::GOLD;
}

inline core::Color marker_color(core::PlaceKind kind)
{
    switch (kind) {
    case core::PlaceKind::City:
    case core::PlaceKind::Prefecture:
        return palette::RED;
    case core::PlaceKind::Site:
        return palette::TEAL;
    case core::PlaceKind::Port:
        return { 255, 160, 0, 255 };
    }
    return palette::RED;
}

inline core::Color with_alpha(core::Color c, uint8_t a)
{
    c.a = a;
    return c;
}

inline float dist(core::Point a, core::Point b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

inline void fill_circle(core::DrawList& out, core::Point c, float r, core::Color color)
{
    out.add(core::FillRect { { c.x - r, c.y - r, 2 * r, 2 * r }, color, r });
}

} // namespace kiosk::screens::map_style
