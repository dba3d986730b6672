// The land layer: only what the chosen level has inside the visible rect is transformed.
#include "kiosk/screens/map_land.h"

#include "kiosk/core/map_camera.h"
#include "kiosk/screens/map_style.h"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {

using namespace core;
using map_style::dist;

void MapLand::draw_graticule(DrawList& out, const Metrics& m, const MapView& view) const
{
    WorldRect region = view.region();
    WorldRect vis = view.visible();
    WorldRect r { std::max(region.min_x, vis.min_x), std::max(region.min_y, vis.min_y),
        std::min(region.max_x, vis.max_x), std::min(region.max_y, vis.max_y) };
    if (r.width() <= 0 || r.height() <= 0)
        return;
    double step = graticule_step_deg(view.scale() / 360.0, m.u(120));
    LatLon nw = unproject({ r.min_x, r.min_y }), se = unproject({ r.max_x, r.max_y });
    float thickness = m.u(1.5f);
    for (double lon = std::ceil(nw.lon_deg / step) * step; lon <= se.lon_deg; lon += step) {
        double x = project({ 0, lon }).x;
        out.add(DrawLine { view.world_to_screen({ x, r.min_y }),
            view.world_to_screen({ x, r.max_y }), map_style::GRATICULE, thickness });
    }
    for (double lat = std::ceil(se.lat_deg / step) * step; lat <= nw.lat_deg; lat += step) {
        double y = project({ lat, 0 }).y;
        out.add(DrawLine { view.world_to_screen({ r.min_x, y }),
            view.world_to_screen({ r.max_x, y }), map_style::GRATICULE, thickness });
    }
}

void MapLand::draw_land(DrawList& out, const Metrics& m, const MapView& view, bool coarse)
{
    if (!m_geometry || m_geometry->levels().empty())
        return;
    // At rest never the coarsest level (1:110m, for moving pictures): a portrait screen's whole
    // region (zoom ~5.0) then gets the 1:50m coasts a landscape one has.
    auto& levels = m_geometry->levels();
    double zoom = coarse    ? view.zoom() - 2.0
        : levels.size() > 1 ? std::max(view.zoom(), static_cast<double>(levels[1].min_zoom))
                            : view.zoom();
    const MapLevel& level = m_geometry->level_for_zoom(zoom);
    m_geometry->query(level, view.visible(), m_triangles, m_runs);
    if (coarse)
        m_runs.clear();
    Triangles others { {}, map_style::LAND };
    Triangles viet_nam { {}, map_style::LAND_VIET_NAM };
    Triangles japan { {}, map_style::LAND_JAPAN };
    for (uint32_t t : m_triangles) {
        uint16_t country = level.triangle_country[t];
        auto& target = country == ISO_VIET_NAM ? viet_nam : country == ISO_JAPAN ? japan : others;
        for (size_t k = 0; k < 3; ++k) {
            auto& v = level.land[size_t { t } * 3 + k];
            target.points.push_back(view.world_to_screen({ v.x, v.y }));
        }
    }
    for (auto* tri : { &others, &viet_nam, &japan }) {
        if (!tri->points.empty())
            out.add(std::move(*tri));
    }
    // Outlines, one stroke per run: points under ~1.5 px from the last kept one are skipped.
    float min_px = m.u(1.5f);
    for (uint32_t i : m_runs) {
        auto& run = level.runs[i];
        bool coast = run.kind == OutlineKind::Coast;
        Polyline line { {}, coast ? map_style::COAST : map_style::BORDER,
            coast ? m.u(1.5f) : m.u(1.25f) };
        line.points.reserve(run.count);
        for (uint32_t k = 0; k < run.count; ++k) {
            auto& v = level.outline_points[run.first + k];
            Point p = view.world_to_screen({ v.x, v.y });
            if (k > 0 && k + 1 < run.count && dist(line.points.back(), p) < min_px)
                continue;
            line.points.push_back(p);
        }
        out.add(std::move(line));
    }
}

void MapLand::draw_region_mask(DrawList& out, const Metrics& m, const MapView& view) const
{
    float w = static_cast<float>(m.screen.width);
    float h = static_cast<float>(m.screen.height);
    auto& region = view.region();
    Point a = view.world_to_screen({ region.min_x, region.min_y });
    Point b = view.world_to_screen({ region.max_x, region.max_y });
    float top = std::clamp(a.y, 0.0f, h), bottom = std::clamp(b.y, 0.0f, h);
    float left = std::clamp(a.x, 0.0f, w), right = std::clamp(b.x, 0.0f, w);
    auto fill = [&](Rect r) {
        if (r.w > 0.5f && r.h > 0.5f)
            out.add(FillRect { r, map_style::OUTSIDE, 0 });
    };
    fill({ 0, 0, w, top });
    fill({ 0, bottom, w, h - bottom });
    fill({ 0, top, left, bottom - top });
    fill({ right, top, w - right, bottom - top });
}

} // namespace kiosk::screens
