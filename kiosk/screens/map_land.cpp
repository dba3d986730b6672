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

void MapLand::draw_level(DrawList& out, const Metrics& m, const MapView& view,
    const MapLevel& level, bool outlines, std::span<const MapLevel* const> covered_by)
{
    WorldRect vis = view.visible();
    m_geometry->query(level, vis, m_triangles, m_runs);
    if (!outlines)
        m_runs.clear();
    Triangles others { {}, map_style::LAND };
    Triangles viet_nam { {}, map_style::LAND_VIET_NAM };
    Triangles japan { {}, map_style::LAND_JAPAN };
    Triangles lakes { {}, map_style::LAKE };
    for (uint32_t t : m_triangles) {
        uint16_t country = level.triangle_country[t];
        auto& target = country == MAP_LAKE ? lakes
            : country == ISO_VIET_NAM      ? viet_nam
            : country == ISO_JAPAN         ? japan
                                           : others;
        for (size_t k = 0; k < 3; ++k) {
            auto& v = level.land[size_t { t } * 3 + k];
            target.points.push_back(view.world_to_screen({ v.x, v.y }));
        }
    }
    for (auto* tri : { &others, &viet_nam, &japan, &lakes }) {
        if (!tri->points.empty())
            out.add(std::move(*tri));
    }
    // A finer patch replaces this level's land inside its box: sea first, its land on top.
    for (const MapLevel* patch : covered_by) {
        if (!patch->cover.intersects(vis))
            continue;
        Point a = view.world_to_screen({ patch->cover.min_x, patch->cover.min_y });
        Point b = view.world_to_screen({ patch->cover.max_x, patch->cover.max_y });
        float w = static_cast<float>(m.screen.width), h = static_cast<float>(m.screen.height);
        float x0 = std::clamp(a.x, -1.0f, w + 1), y0 = std::clamp(a.y, -1.0f, h + 1);
        float x1 = std::clamp(b.x, -1.0f, w + 1), y1 = std::clamp(b.y, -1.0f, h + 1);
        out.add(FillRect { { x0, y0, x1 - x0, y1 - y0 }, map_style::SEA_COLOR, 0 });
        draw_level(out, m, view, *patch, outlines, {});
        m_geometry->query(level, vis, m_triangles, m_runs); // the scratch was reused
        if (!outlines)
            m_runs.clear();
    }
    // Outlines, one stroke per run: points under ~1.5 px from the last kept one are skipped. What
    // lies inside a patch's box belongs to the coarser coast the patch replaces: a run fully
    // inside is skipped, one that crosses the box's edge is cut there.
    float min_px = m.u(1.5f);
    auto in_patch = [&](const WorldRect& r) {
        return std::any_of(covered_by.begin(), covered_by.end(), [&](const MapLevel* p) {
            auto& c = p->cover;
            return r.min_x >= c.min_x && r.max_x <= c.max_x && r.min_y >= c.min_y
                && r.max_y <= c.max_y;
        });
    };
    auto touches_patch = [&](const WorldRect& r) {
        return std::any_of(covered_by.begin(), covered_by.end(),
            [&](const MapLevel* p) { return p->cover.intersects(r); });
    };
    for (uint32_t i : m_runs) {
        auto& run = level.runs[i];
        if (in_patch(run.bounds))
            continue;
        bool cut = touches_patch(run.bounds);
        Polyline line { {}, map_style::COAST, m.u(1.5f) };
        switch (run.kind) {
        case OutlineKind::Coast:
            break;
        case OutlineKind::Border:
            line.color = map_style::BORDER;
            line.thickness = m.u(1.25f);
            break;
        case OutlineKind::River:
            line.color = map_style::RIVER;
            line.thickness = m.u(level.patch ? 2.0f : 1.5f);
            break;
        case OutlineKind::LakeShore:
            line.color = map_style::LAKE_SHORE;
            line.thickness = m.u(1.0f);
            break;
        }
        line.points.reserve(run.count);
        auto flush = [&] {
            if (line.points.size() >= 2) {
                Polyline piece { {}, line.color, line.thickness };
                piece.points.swap(line.points);
                out.add(std::move(piece));
            }
            line.points.clear();
        };
        for (uint32_t k = 0; k < run.count; ++k) {
            auto& v = level.outline_points[run.first + k];
            if (cut && in_patch({ v.x, v.y, v.x, v.y })) {
                flush();
                continue;
            }
            Point p = view.world_to_screen({ v.x, v.y });
            if (!line.points.empty() && k + 1 < run.count && dist(line.points.back(), p) < min_px)
                continue;
            line.points.push_back(p);
        }
        flush();
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
    // While moving the patches come a little later (at the zoom they are meant for, not two
    // steps early), so a pinch stays cheap; at rest they show from their own zoom.
    auto patches = m_geometry->patches_for_zoom(coarse ? view.zoom() - 1.0 : view.zoom());
    draw_level(out, m, view, level, !coarse, patches);
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
