// Markers and labels; see map_markers.h.
#include "kiosk/screens/map_markers.h"

#include "kiosk/core/map_cluster.h"
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/map_style.h"

#include <algorithm>

namespace kiosk::screens {

using namespace core;
using map_style::dist;

MapMarkers::MapMarkers(const Exhibition& ex)
{
    for (auto& place : ex.places) {
        m_places.push_back(
            { &place, project({ place.lat_deg, place.lon_deg }), marker_priority(ex, place) });
    }
    std::stable_sort(m_places.begin(), m_places.end(),
        [](const PlaceInfo& a, const PlaceInfo& b) { return a.priority > b.priority; });
}

MapMarkers::Tapped MapMarkers::tapped(Point point) const
{
    std::vector<MarkerCircle> circles;
    for (auto& s : m_shown)
        circles.push_back({ s.at, s.hit_px });
    auto under = markers_at(circles, point);
    if (under.empty())
        return {};
    auto& s = m_shown[under.front()];
    Tapped t { m_places[s.place].place, {} };
    for (size_t i : s.members)
        t.cluster.push_back(m_places[i].world);
    return t;
}

std::optional<Point> MapMarkers::position(const std::string& place_id) const
{
    for (auto& s : m_shown) {
        if (m_places[s.place].place->id == place_id)
            return s.at;
    }
    return std::nullopt;
}

std::string MapMarkers::label_of(const Shown& s, Lang lang) const
{
    if (s.members.empty())
        return m_places[s.place].place->name[lang];
    // The partnership places it holds by name (at most three), the others counted.
    std::string text;
    size_t named = 0;
    for (size_t i : s.members) {
        if (named == 3 || (m_places[i].priority < 3 && named > 0))
            break;
        if (named++ > 0)
            text += " · ";
        text += m_places[i].place->name[lang];
    }
    if (s.members.size() > named)
        text += " +" + std::to_string(s.members.size() - named);
    return text;
}

void MapMarkers::draw(DrawList& out, Context ctx, const Frame& frame, const MapView& view,
    const std::string& open_place, std::vector<Rect> obstacles, std::span<const std::string> focus)
{
    auto& m = frame.metrics;
    float w = static_cast<float>(m.screen.width), h = static_cast<float>(m.screen.height);
    m_shown.clear();
    m_label_rects.clear();
    m_taken.clear();
    // Places too close to tell apart at this zoom are one cluster; the open place stays alone
    // at the head of its own.
    std::vector<ClusterItem> items;
    for (auto& info : m_places) {
        bool focused = std::find(focus.begin(), focus.end(), info.place->id) != focus.end();
        items.push_back({ info.world,
            info.place->id == open_place ? 5
                : focused                ? 4
                                         : info.priority });
    }
    for (auto& cluster :
        cluster_markers(items, view.scale(), m.u(static_cast<float>(CLUSTER_RADIUS_PX)))) {
        size_t i = cluster.representative;
        auto& info = m_places[i];
        bool major = info.priority >= 2 || cluster.members.size() > 1;
        float r = m.u(info.priority == 3 ? 15 : major ? 13 : 10);
        Point at = view.world_to_screen(info.world);
        if (at.x < -r || at.y < -r || at.x > w + r || at.y > h + r)
            continue;
        // Touch targets: >= 56 px at 1080p for sites, 72 px for cities and clusters.
        Shown shown { i, at, r, m.u(major ? 36 : 28), {} };
        if (cluster.members.size() > 1)
            shown.members = cluster.members;
        float ring = r + m.u(9);
        m_taken.push_back({ at.x - ring, at.y - ring, 2 * ring, 2 * ring });
        m_shown.push_back(std::move(shown));
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
    // Each cluster's count, on a badge at its marker's upper right: drawn over the labels, which
    // keep clear of it.
    struct Badge {
        Rect rect;
        std::string text;
        TextStyle style;
    };
    std::vector<Badge> badges;
    for (auto& s : m_shown) {
        if (s.members.empty())
            continue;
        Badge b { {}, std::to_string(s.members.size()),
            style(TextRole::Caption, frame.lang, Weight::Bold) };
        b.style.max_lines = 1;
        b.style.fit = false;
        b.style.align = Align::Center;
        b.style.valign = VAlign::Middle;
        auto text = layout_text(b.text, b.style, { 0, 0 }, m.type_basis(), ctx.fonts);
        float bh = text.height + m.u(6);
        float bw = std::max(bh, text.width + m.u(14));
        b.rect = { s.at.x + s.radius_px * 0.5f, s.at.y - s.radius_px * 0.5f - bh, bw, bh };
        obstacles.push_back(b.rect.inset(-m.u(2)));
        m_taken.push_back(b.rect.inset(-m.u(2)));
        badges.push_back(std::move(b));
    }
    // Labels in the visitor's language, placed around their markers without overlaps.
    std::vector<LabelRequest> requests;
    std::vector<MarkerCircle> circles;
    std::vector<TextStyle> styles;
    float pad_x = m.u(10), pad_y = m.u(4);
    for (auto& s : m_shown) {
        auto& info = m_places[s.place];
        bool major = info.priority >= 2 || !s.members.empty();
        auto st = style(major ? TextRole::Label : TextRole::Caption, frame.lang,
            major ? Weight::Bold : Weight::Regular);
        st.max_lines = 1;
        st.fit = false;
        auto layout = layout_text(label_of(s, frame.lang), st, { 0, 0 }, m.type_basis(), ctx.fonts);
        requests.push_back({ s.at, s.radius_px + m.u(4), layout.width + 2 * pad_x + 1,
            layout.height + 2 * pad_y, info.priority });
        circles.push_back({ s.at, s.radius_px + m.u(4) });
        styles.push_back(st);
    }
    auto placed = place_labels(requests, circles, obstacles, { m.u(8), 0, w - m.u(16), h }, m.u(4));
    for (auto& p : placed) {
        out.add(FillRect { p.rect, map_style::LABEL_BACK, m.u(10) });
        out.add(DrawText { label_of(m_shown[p.index], frame.lang), styles[p.index],
            { p.rect.x + pad_x, p.rect.y + pad_y, p.rect.w - 2 * pad_x, p.rect.h - 2 * pad_y },
            palette::WHITE });
        m_label_rects.push_back(p.rect);
        m_taken.push_back(p.rect);
    }
    for (auto& b : badges) {
        out.add(FillRect { b.rect.inset(-m.u(2)), palette::WHITE, b.rect.h / 2 + m.u(2) });
        out.add(FillRect { b.rect, palette::NAVY, b.rect.h / 2 });
        out.add(DrawText { b.text, b.style, b.rect.inset(-m.u(4)), palette::WHITE });
    }
}

} // namespace kiosk::screens
