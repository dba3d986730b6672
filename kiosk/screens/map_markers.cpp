// Markers and labels; see map_markers.h.
#include "kiosk/screens/map_markers.h"

#include "kiosk/screens/chrome.h"
#include "kiosk/screens/map_style.h"

#include <algorithm>

namespace kiosk::screens {

using namespace core;
using map_style::dist;

MapMarkers::MapMarkers(const Exhibition& ex)
{
    for (auto& place : ex.places) {
        PlaceInfo info { &place, project({ place.lat_deg, place.lon_deg }), 0 };
        bool in_partnership = std::any_of(
            ex.partnerships.begin(), ex.partnerships.end(), [&](const Partnership& p) {
                return std::find(p.place_ids.begin(), p.place_ids.end(), place.id)
                    != p.place_ids.end();
            });
        if (in_partnership)
            info.priority = 3;
        else if (place.kind == PlaceKind::City || place.kind == PlaceKind::Prefecture)
            info.priority = 2;
        else if (place.kind == PlaceKind::Port)
            info.priority = 1;
        m_places.push_back(info);
    }
    std::stable_sort(m_places.begin(), m_places.end(),
        [](const PlaceInfo& a, const PlaceInfo& b) { return a.priority > b.priority; });
}

const Place* MapMarkers::place_at(Point point) const
{
    std::vector<MarkerCircle> circles;
    for (auto& s : m_shown)
        circles.push_back({ s.at, s.hit_px });
    auto under = markers_at(circles, point);
    return under.empty() ? nullptr : m_places[m_shown[under.front()].place].place;
}

std::optional<Point> MapMarkers::position(const std::string& place_id) const
{
    for (auto& s : m_shown) {
        if (m_places[s.place].place->id == place_id)
            return s.at;
    }
    return std::nullopt;
}

void MapMarkers::draw(DrawList& out, Context ctx, const Frame& frame, const MapView& view,
    const std::string& open_place, std::vector<Rect> obstacles)
{
    auto& m = frame.metrics;
    float w = static_cast<float>(m.screen.width), h = static_cast<float>(m.screen.height);
    m_shown.clear();
    m_label_rects.clear();
    for (size_t i = 0; i < m_places.size(); ++i) {
        auto& info = m_places[i];
        bool major = info.priority >= 2;
        float r = m.u(info.priority == 3 ? 15 : major ? 13 : 10);
        Point at = view.world_to_screen(info.world);
        if (at.x < -r || at.y < -r || at.x > w + r || at.y > h + r)
            continue;
        // Crowded markers (zoomed out): the lesser one waits until there is room.
        bool crowded = std::any_of(m_shown.begin(), m_shown.end(),
            [&](const Shown& s) { return dist(s.at, at) < s.radius_px + r + m.u(6); });
        if (crowded && info.priority < 3)
            continue;
        // Touch targets: >= 56 px at 1080p for sites, 72 px for cities.
        m_shown.push_back({ i, at, r, m.u(major ? 36 : 28) });
    }
    // Lesser markers first, so cities draw on top.
    for (auto it = m_shown.rbegin(); it != m_shown.rend(); ++it) {
        auto& info = m_places[it->place];
        bool open = info.place->id == open_place;
        float r = it->radius_px * (open ? 1.35f : 1.0f);
        if (open)
            map_style::fill_circle(out, it->at, r + m.u(9), palette::GOLD);
        map_style::fill_circle(out, it->at, r + m.u(4), palette::WHITE);
        map_style::fill_circle(out, it->at, r, map_style::marker_color(info.place->kind));
    }
    // Labels in the visitor's language, placed around their markers without overlaps.
    std::vector<LabelRequest> requests;
    std::vector<MarkerCircle> circles;
    std::vector<TextStyle> styles;
    float pad_x = m.u(10), pad_y = m.u(4);
    for (auto& s : m_shown) {
        auto& info = m_places[s.place];
        bool major = info.priority >= 2;
        auto st = style(major ? TextRole::Label : TextRole::Caption, frame.lang,
            major ? Weight::Bold : Weight::Regular);
        st.max_lines = 1;
        st.fit = false;
        auto layout
            = layout_text(info.place->name[frame.lang], st, { 0, 0 }, m.type_basis(), ctx.fonts);
        requests.push_back({ s.at, s.radius_px + m.u(4), layout.width + 2 * pad_x + 1,
            layout.height + 2 * pad_y, info.priority });
        circles.push_back({ s.at, s.radius_px + m.u(4) });
        styles.push_back(st);
    }
    auto placed = place_labels(requests, circles, obstacles, { m.u(8), 0, w - m.u(16), h }, m.u(4));
    for (auto& p : placed) {
        auto& info = m_places[m_shown[p.index].place];
        out.add(FillRect { p.rect, map_style::LABEL_BACK, m.u(10) });
        out.add(DrawText { info.place->name[frame.lang], styles[p.index],
            { p.rect.x + pad_x, p.rect.y + pad_y, p.rect.w - 2 * pad_x, p.rect.h - 2 * pad_y },
            palette::WHITE });
        m_label_rects.push_back(p.rect);
    }
}

} // namespace kiosk::screens
