// Arcs between the places of each link; see map_arcs.h.
#include "kiosk/screens/map_arcs.h"

#include "kiosk/core/map_camera.h"
#include "kiosk/screens/map_style.h"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {

using namespace core;
using map_style::dist;

namespace {

constexpr int ARC_POINTS = 48;
constexpr TimeMs DOT_PERIOD_MS = 2400;

} // namespace

MapArcs::MapArcs(const Exhibition& ex)
{
    // Links between the same two places (or places close together, like Tokyo and Kanagawa) bow
    // out one after another so each stays visible.
    auto near = [&](const std::string& a, const std::string& b) {
        auto *pa = ex.find_place(a), *pb = ex.find_place(b);
        if (!pa || !pb)
            return false;
        double dlat = pa->lat_deg - pb->lat_deg, dlon = pa->lon_deg - pb->lon_deg;
        return std::hypot(dlat, dlon) < 1.0; // about 100 km
    };
    for (auto& link : ex.links) {
        auto* from = ex.find_place(link.from_place_id);
        auto* to = ex.find_place(link.to_place_id);
        if (!from || !to || from == to)
            continue;
        int twin = 0;
        for (auto& arc : m_arcs) {
            bool same = (near(arc.link->from_place_id, link.from_place_id)
                            && near(arc.link->to_place_id, link.to_place_id))
                || (near(arc.link->from_place_id, link.to_place_id)
                    && near(arc.link->to_place_id, link.from_place_id));
            twin += same ? 1 : 0;
        }
        m_arcs.push_back({ &link,
            great_circle_arc({ from->lat_deg, from->lon_deg }, { to->lat_deg, to->lon_deg },
                ARC_POINTS, twin) });
    }
}

void MapArcs::draw(DrawList& out, const Metrics& m, const MapView& view, bool moving, TimeMs t,
    std::span<const std::string> focus) const
{
    auto in_focus = [&](const Link& l) {
        return focus.empty() || std::any_of(focus.begin(), focus.end(), [&](const std::string& id) {
            return id == l.from_place_id || id == l.to_place_id;
        });
    };
    Rect screen { 0, 0, static_cast<float>(m.screen.width), static_cast<float>(m.screen.height) };
    float thickness = m.u(5);
    float dash = m.u(26), gap = m.u(16), period = dash + gap;
    float phase = std::fmod(static_cast<float>(t) * m.u(0.05f), period);
    std::vector<Point> pts;
    // The faded arcs first, so the partnership shown draws over them.
    std::vector<const Arc*> order;
    for (auto& arc : m_arcs) {
        if (!in_focus(*arc.link))
            order.push_back(&arc);
    }
    for (auto& arc : m_arcs) {
        if (in_focus(*arc.link))
            order.push_back(&arc);
    }
    for (const Arc* a : order) {
        const Arc& arc = *a;
        pts.clear();
        float min_x = 1e30f, min_y = 1e30f, max_x = -1e30f, max_y = -1e30f;
        for (auto& w : arc.points) {
            Point p = view.world_to_screen(w);
            min_x = std::min(min_x, p.x);
            min_y = std::min(min_y, p.y);
            max_x = std::max(max_x, p.x);
            max_y = std::max(max_y, p.y);
            pts.push_back(p);
        }
        if (max_x < 0 || max_y < 0 || min_x > screen.w || min_y > screen.h)
            continue;
        Color color = map_style::link_color(arc.link->kind);
        if (!in_focus(*arc.link)) {
            out.add(Polyline { pts, map_style::with_alpha(color, 60), m.u(3) });
            continue;
        }
        // A faint solid line under the dashes, so the arc reads whole.
        out.add(Polyline { pts, map_style::with_alpha(color, moving ? 90 : 220), thickness });
        if (!moving)
            continue;
        // Dashes travelling from the first place to the second, each one line (it may bend
        // where the arc's points are).
        float along = 0;
        Polyline dash_line { {}, color, thickness };
        for (size_t i = 1; i < pts.size(); ++i) {
            float len = dist(pts[i - 1], pts[i]);
            float s = 0;
            while (s < len) {
                float pos = std::fmod(along + s - phase + period * 1000, period);
                bool on = pos < dash;
                float run = on ? dash - pos : period - pos;
                float end = std::min(len, s + run);
                auto lerp = [&](float u) {
                    return Point { pts[i - 1].x + (pts[i].x - pts[i - 1].x) * u / len,
                        pts[i - 1].y + (pts[i].y - pts[i - 1].y) * u / len };
                };
                if (on) {
                    if (dash_line.points.empty())
                        dash_line.points.push_back(lerp(s));
                    dash_line.points.push_back(lerp(end));
                    if (end < len) { // the dash ends inside this piece
                        out.add(dash_line);
                        dash_line.points.clear();
                    }
                } else if (!dash_line.points.empty()) {
                    out.add(dash_line);
                    dash_line.points.clear();
                }
                s = end;
            }
            along += len;
        }
        if (dash_line.points.size() >= 2)
            out.add(std::move(dash_line));
        // A dot that travels the arc.
        float total = along;
        float target = total * static_cast<float>(t % DOT_PERIOD_MS) / DOT_PERIOD_MS;
        float acc = 0;
        for (size_t i = 1; i < pts.size(); ++i) {
            float len = dist(pts[i - 1], pts[i]);
            if (acc + len >= target && len > 0) {
                float u = (target - acc) / len;
                Point p { pts[i - 1].x + (pts[i].x - pts[i - 1].x) * u,
                    pts[i - 1].y + (pts[i].y - pts[i - 1].y) * u };
                map_style::fill_circle(out, p, m.u(10), palette::WHITE);
                map_style::fill_circle(out, p, m.u(6), color);
                break;
            }
            acc += len;
        }
    }
}

} // namespace kiosk::screens
