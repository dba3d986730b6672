// The interactive map.
//
// [SECTION] Set-up: places in world units, great-circle arcs, show()
// [SECTION] Camera: sync with the frame, framing, presets
// [SECTION] Touch
// [SECTION] Drawing: layout, graticule, land, arcs, markers and labels, panel
//
// Geometry stays in world units (prepared once); a frame transforms only what the level of
// detail chosen by the zoom has inside the visible rect. The arcs move for ARC_ANIMATION_MS
// after the map was entered or moved, then stand still so a still map costs nothing.
#include "kiosk/screens/map_screen.h"

#include "kiosk/screens/chrome.h"
#include "kiosk/screens/map_text.h"
#include "kiosk/screens/ui_text.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::screens {

using namespace core;

namespace {

namespace map_palette {
constexpr Color SEA_COLOR { 18, 70, 112, 255 };
constexpr Color LAND { 92, 118, 136, 255 };
constexpr Color LAND_VIET_NAM { 238, 208, 158, 255 };
constexpr Color LAND_JAPAN { 242, 192, 168, 255 };
constexpr Color COAST { 225, 236, 242, 150 };
constexpr Color BORDER { 255, 255, 255, 110 };
constexpr Color GRATICULE { 255, 255, 255, 28 };
constexpr Color OUTSIDE { 11, 36, 71, 170 };
constexpr Color LABEL_BACK { 11, 36, 71, 215 };
} // namespace map_palette

constexpr int ARC_POINTS = 48;
constexpr TimeMs DOT_PERIOD_MS = 2400;

Color link_color(LinkKind kind)
{
    switch (kind) {
    case LinkKind::Sister:
        return palette::GOLD;
    case LinkKind::Friendship:
        return { 255, 128, 96, 255 };
    case LinkKind::Cooperation:
        return palette::LEAF;
    }
    return palette::GOLD;
}

Color marker_color(PlaceKind kind)
{
    switch (kind) {
    case PlaceKind::City:
    case PlaceKind::Prefecture:
        return palette::RED;
    case PlaceKind::Site:
        return palette::TEAL;
    case PlaceKind::Port:
        return { 255, 160, 0, 255 };
    }
    return palette::RED;
}

Color with_alpha(Color c, uint8_t a)
{
    c.a = a;
    return c;
}

// Unit vector on the sphere and back, for great circles.
struct Vec3 {
    double x, y, z;
};
Vec3 to_vec(LatLon p)
{
    double lat = p.lat_deg * std::numbers::pi / 180, lon = p.lon_deg * std::numbers::pi / 180;
    return { std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat) };
}
LatLon to_lat_lon(Vec3 v)
{
    return { std::atan2(v.z, std::hypot(v.x, v.y)) * 180 / std::numbers::pi,
        std::atan2(v.y, v.x) * 180 / std::numbers::pi };
}

float dist(Point a, Point b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

void fill_circle(DrawList& out, Point c, float r, Color color)
{
    out.add(FillRect { { c.x - r, c.y - r, 2 * r, 2 * r }, color, r });
}

void append(DrawList& out, const DrawList& from)
{
    for (auto& command : from.commands())
        std::visit([&](const auto& c) { out.add(c); }, command);
}

// A square of `span_m` metres around a point, in world units.
WorldRect square_around(WorldPoint p, double span_m)
{
    double half = span_m / 2 / metres_per_world_unit(unproject(p).lat_deg);
    return { p.x - half, p.y - half, p.x + half, p.y + half };
}

} // namespace

// [SECTION] Set-up

MapScreen::MapScreen(Context ctx, const MapGeometry* geometry)
    : m_ctx(ctx)
    , m_geometry(geometry)
    , m_view({ 1920, 1080 }, geometry ? geometry->region() : east_asia_region())
{
    m_view.set_min_span_m(3000);
    auto& ex = m_ctx.exhibition;
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
        Vec3 a = to_vec({ from->lat_deg, from->lon_deg }), b = to_vec({ to->lat_deg, to->lon_deg });
        double omega = std::acos(std::clamp(a.x * b.x + a.y * b.y + a.z * b.z, -1.0, 1.0));
        WorldPoint wa = project({ from->lat_deg, from->lon_deg });
        WorldPoint wb = project({ to->lat_deg, to->lon_deg });
        double dx = wb.x - wa.x, dy = wb.y - wa.y, len = std::hypot(dx, dy);
        // The normal that points north (up on the map).
        double nx = dy / std::max(len, 1e-12), ny = -dx / std::max(len, 1e-12);
        if (ny > 0) {
            nx = -nx;
            ny = -ny;
        }
        Arc arc { &link, {} };
        for (int i = 0; i <= ARC_POINTS; ++i) {
            double t = static_cast<double>(i) / ARC_POINTS;
            Vec3 v = a;
            if (omega > 1e-9) {
                double ka = std::sin((1 - t) * omega) / std::sin(omega);
                double kb = std::sin(t * omega) / std::sin(omega);
                v = { ka * a.x + kb * b.x, ka * a.y + kb * b.y, ka * a.z + kb * b.z };
            }
            WorldPoint w = project(to_lat_lon(v));
            double bow = len * 0.1 * twin * std::sin(std::numbers::pi * t);
            arc.points.push_back({ w.x + nx * bow, w.y + ny * bow });
        }
        m_arcs.push_back(std::move(arc));
    }
    m_pending = std::string {};
}

void MapScreen::fly_over(
    const std::string& from_place, const std::string& to_place, TimeMs duration_ms)
{
    m_presentation = true;
    m_pending.reset();
    m_open_place.clear();
    m_tour = Tour { from_place, to_place, duration_ms };
}

bool MapScreen::show(const std::string& id)
{
    auto& ex = m_ctx.exhibition;
    if (!id.empty() && !ex.find_partnership(id) && !ex.find_place(id))
        return false;
    m_presentation = false;
    m_tour.reset();
    m_pending = id;
    m_open_place = (!id.empty() && !ex.find_partnership(id)) ? id : std::string {};
    return true;
}

void MapScreen::enter(TimeMs now_ms)
{
    m_entered_ms = now_ms;
    m_layer_repaint = true; // the renderer may have let the kept picture go: paint it afresh
    m_last_move_ms.reset();
    touch_arcs(now_ms);
    m_inertia = {};
    m_last_tap_ms.reset();
}

std::optional<Point> MapScreen::marker_position(const std::string& place_id) const
{
    for (auto& s : m_shown) {
        if (m_places[s.place].place->id == place_id)
            return s.at;
    }
    return std::nullopt;
}

// [SECTION] Camera

void MapScreen::sync(const Frame& frame)
{
    m_view.set_screen(frame.metrics.screen);
    TimeMs now = frame.now_ms;
    if (m_pending) {
        go_to(*m_pending, frame, true);
        m_pending.reset();
    }
    if (m_tour) {
        go_to(m_tour->from, frame, true);
        if (auto rect = framing_rect(m_tour->to))
            m_view.fly_to(m_view.framing(*rect, m_layout.focus), now, m_tour->duration_ms);
        m_tour.reset();
    }
    if (m_view.flying()) {
        m_was_flying = true;
        m_view.step(now);
    }
    if (m_was_flying && !m_view.flying()) {
        m_was_flying = false;
        touch_arcs(now);
    }
    if (m_inertia.moving()) {
        TimeMs dt = now - m_inertia_ms;
        if (dt > 0) {
            auto before = m_view.centre();
            m_view.pan_by(m_inertia.step(dt));
            if (m_view.centre() == before)
                m_inertia = {}; // against the edge of the region
            touch_arcs(now);
        }
        m_inertia_ms = now;
    }
}

std::optional<WorldRect> MapScreen::framing_rect(const std::string& id) const
{
    auto& ex = m_ctx.exhibition;
    if (id.empty()) // Viet Nam and Japan, Okinawa to Hokkaido
        return world_rect({ 8.2, 102.0 }, { 45.6, 146.0 });
    if (auto* p = ex.find_partnership(id)) {
        std::optional<WorldRect> rect;
        for (auto& place_id : p->place_ids) {
            if (auto* place = ex.find_place(place_id)) {
                auto w = project({ place->lat_deg, place->lon_deg });
                WorldRect r { w.x, w.y, w.x, w.y };
                rect = rect ? rect->united(r) : r;
            }
        }
        if (!rect)
            return std::nullopt;
        double pad = std::max(rect->width(), rect->height()) * 0.12;
        return rect->united(square_around(rect->centre(), 200000)).expanded(pad);
    }
    if (auto* place = ex.find_place(id)) {
        bool big = place->kind == PlaceKind::City || place->kind == PlaceKind::Prefecture;
        return square_around(project({ place->lat_deg, place->lon_deg }), big ? 120000 : 30000);
    }
    return std::nullopt;
}

void MapScreen::go_to(const std::string& id, const Frame& frame, bool jump)
{
    auto rect = framing_rect(id);
    if (!rect)
        return;
    m_layout = layout_for(frame, !m_open_place.empty());
    auto target = m_view.framing(*rect, m_layout.focus);
    if (jump)
        m_view.set(target.centre, target.scale);
    else
        m_view.fly_to(target, frame.now_ms);
    m_inertia = {};
    touch_arcs(frame.now_ms);
}

void MapScreen::open_panel(size_t place_index, const Frame& frame)
{
    auto& info = m_places[place_index];
    m_open_place = info.place->id;
    m_layout = layout_for(frame, true);
    // A marker the panel would cover slides into the free part of the screen.
    auto at = m_view.world_to_screen(info.world);
    if (!m_layout.focus.contains(at)) {
        Point centre { m_layout.focus.x + m_layout.focus.w / 2,
            m_layout.focus.y + m_layout.focus.h / 2 };
        m_view.fly_to(m_view.looking_at(info.world, m_view.scale(), centre), frame.now_ms, 500);
    }
    touch_arcs(frame.now_ms);
}

std::vector<MapScreen::Preset> MapScreen::presets(Lang lang) const
{
    std::vector<Preset> out { { "", map_text::BOTH_COUNTRIES[lang] } };
    std::vector<const Partnership*> ps;
    for (auto& p : m_ctx.exhibition.partnerships)
        ps.push_back(&p);
    std::stable_sort(ps.begin(), ps.end(),
        [](const Partnership* a, const Partnership* b) { return a->order < b->order; });
    for (auto* p : ps) {
        if (framing_rect(p->id))
            out.push_back({ p->id, p->name[lang] });
    }
    return out;
}

// [SECTION] Touch

Nav MapScreen::on_tap(Point point, const Frame& frame)
{
    sync(frame);
    for (auto it = hits().rbegin(); it != hits().rend(); ++it) {
        if (it->rect.contains(point) && it->nav.kind != NavKind::None)
            return it->nav;
    }
    for (auto it = m_actions.rbegin(); it != m_actions.rend(); ++it) {
        if (!it->rect.contains(point))
            continue;
        switch (it->kind) {
        case ActionKind::Preset: {
            auto list = presets(frame.lang);
            if (it->index < list.size()) {
                m_open_place.clear();
                go_to(list[it->index].id, frame, false);
            }
            break;
        }
        case ActionKind::ClosePanel:
            m_open_place.clear();
            break;
        case ActionKind::Panel:
            break;
        }
        m_last_tap_ms.reset();
        return {};
    }
    std::vector<MarkerCircle> circles;
    for (auto& s : m_shown)
        circles.push_back({ s.at, s.hit_px });
    auto under = markers_at(circles, point);
    if (!under.empty()) {
        open_panel(m_shown[under.front()].place, frame);
        m_last_tap_ms.reset();
        return {};
    }
    // Empty map: a double tap zooms in there; a single tap closes the panel.
    bool double_tap = m_last_tap_ms && frame.now_ms - *m_last_tap_ms <= DOUBLE_TAP_MS
        && dist(point, m_last_tap) <= frame.metrics.u(60);
    if (double_tap) {
        m_last_tap_ms.reset();
        auto world = m_view.screen_to_world(point);
        m_view.fly_to(m_view.looking_at(world, m_view.scale() * 2, point), frame.now_ms, 300);
        touch_arcs(frame.now_ms);
        return {};
    }
    m_open_place.clear();
    m_last_tap_ms = frame.now_ms;
    m_last_tap = point;
    return {};
}

void MapScreen::on_pan(Point delta, Point, const Frame& frame)
{
    m_last_move_ms = frame.now_ms;
    sync(frame);
    m_inertia = {};
    m_view.pan_by(delta);
    touch_arcs(frame.now_ms);
}

void MapScreen::on_pan_end(Point velocity, const Frame& frame)
{
    sync(frame);
    m_inertia = {};
    m_inertia.velocity = velocity;
    m_inertia_ms = frame.now_ms;
    touch_arcs(frame.now_ms);
}

void MapScreen::on_pinch(Point centre, Point moved, float scale, const Frame& frame)
{
    m_last_move_ms = frame.now_ms;
    sync(frame);
    m_inertia = {};
    // The place under the fingers follows their midpoint, and the map scales about it.
    m_view.pan_by(moved);
    m_view.zoom_around(centre, scale);
    touch_arcs(frame.now_ms);
}

std::optional<TimeMs> MapScreen::next_frame_ms(TimeMs now_ms) const
{
    if (m_pending || m_tour || m_view.flying() || m_inertia.moving() || now_ms < m_arcs_until_ms)
        return now_ms + 16;
    return std::nullopt;
}

// [SECTION] Drawing

MapScreen::Layout MapScreen::layout_for(const Frame& frame, bool panel_open) const
{
    auto& m = frame.metrics;
    float w = static_cast<float>(m.screen.width), h = static_cast<float>(m.screen.height);
    Layout l;
    // The top bar's height (a title row is added under it in portrait).
    l.top = m_have_layout ? m_layout.top : m.u(32) + m.target + (m.portrait ? m.u(110) : 0);
    // Presets flow under the bar; their bottom is below the last row.
    auto buttons = preset_rects(frame, presets(frame.lang), l.top);
    float below_presets = (buttons.empty() ? l.top : buttons.back().bottom()) + m.u(20);
    float bottom_row = h - m.margin - m.target - m.u(20);
    l.focus = { m.margin, below_presets, w - 2 * m.margin, bottom_row - below_presets };
    if (panel_open) {
        if (!m.portrait) {
            float pw = std::clamp(w * 0.34f, m.u(560), w * 0.45f);
            l.panel = { w - m.margin - pw, below_presets, pw, h - m.u(56) - below_presets };
            l.focus.w = l.panel.x - m.margin - l.focus.x;
        } else {
            float bottom = bottom_row;
            float ph = std::min(h * 0.46f, bottom - below_presets - m.u(200));
            l.panel = { m.margin, bottom - ph, w - 2 * m.margin, ph };
            l.focus.h = l.panel.y - m.u(20) - l.focus.y;
        }
    }
    l.focus.w = std::max(l.focus.w, m.u(100));
    l.focus.h = std::max(l.focus.h, m.u(100));
    return l;
}

std::vector<Rect> MapScreen::preset_rects(
    const Frame& frame, const std::vector<Preset>& list, float top) const
{
    auto& m = frame.metrics;
    float w = static_cast<float>(m.screen.width);
    std::vector<Rect> out;
    Context ctx = m_ctx; // button_width measures through the context's fonts
    float x = m.margin, y = top + m.u(20);
    for (auto& preset : list) {
        float bw = button_width(ctx, frame, preset.label);
        if (x > m.margin && x + bw > w - m.margin) {
            x = m.margin;
            y += m.target + m.u(12);
        }
        out.push_back({ x, y, bw, m.target });
        x += bw + m.u(16);
    }
    return out;
}

namespace {

TextStyle credit_style(Lang lang)
{
    auto st = style(TextRole::Caption, lang, Weight::Regular);
    st.max_lines = 1;
    st.fit = false;
    return st;
}

} // namespace

Rect MapScreen::credit_rect(const Frame& frame) const
{
    auto& m = frame.metrics;
    auto text = layout_text(
        map_text::CREDIT, credit_style(frame.lang), { 0, 0 }, m.type_basis(), m_ctx.fonts);
    float pad_x = m.u(10), pad_y = m.u(3);
    float rw = text.width + 2 * pad_x + 1, rh = text.height + 2 * pad_y;
    return { static_cast<float>(m.screen.width) - m.margin - rw,
        static_cast<float>(m.screen.height) - m.u(10) - rh, rw, rh };
}

void MapScreen::draw_credit(DrawList& out, const Frame& frame, const Rect& rect) const
{
    // On the labels' dark backing: the credit reads over land as over sea.
    auto& m = frame.metrics;
    out.add(FillRect { rect, map_palette::LABEL_BACK, m.u(8) });
    Rect inner { rect.x + m.u(10), rect.y + m.u(3), rect.w - m.u(20), rect.h - m.u(6) };
    out.add(DrawText { map_text::CREDIT, credit_style(frame.lang), inner, palette::MUTED });
}

void MapScreen::draw_content(DrawList& out, const Frame& frame)
{
    auto& m = frame.metrics;
    float w = static_cast<float>(m.screen.width), h = static_cast<float>(m.screen.height);
    m_actions.clear();

    // The chrome goes on top of the map but is laid out first: the map needs the bar's height.
    DrawList chrome;
    std::vector<Hit> bar_hits;
    float top = m_presentation
        ? 0.0f
        : draw_top_bar(chrome, bar_hits, m_ctx, frame, ui_text::MAP[frame.lang]);
    m_layout.top = top;
    m_have_layout = true;
    m_layout = layout_for(frame, !m_open_place.empty());
    sync(frame);
    // sync() may have applied a show() that opened or closed the panel.
    m_layout = layout_for(frame, !m_open_place.empty());

    out.clear(map_palette::SEA_COLOR);
    // Sea, graticule, land and the region's edge are one kept picture (painted by the renderer's
    // vector painter). While the camera moves it is painted afresh every frame at about 1000 px
    // across, from a coarser level without outlines or graticule (~0.5 ms at 1080p), and shown
    // stretched; once the map rests it is painted sharp once and then only copied.
    bool moving = m_view.flying() || m_inertia.moving()
        || (m_last_move_ms && frame.now_ms - *m_last_move_ms < 200);
    bool same_view = m_layer_view.centre() == m_view.centre()
        && m_layer_view.scale() == m_view.scale() && m_layer_view.screen() == m_view.screen();
    if (m_layer_repaint || moving || !same_view || m_layer_resolution < 1.0f) {
        // The sharp picture of the view the last moving frame showed may come a few frames
        // late (painted in the background); anything else is painted for this frame.
        m_layer_may_lag = !m_layer_repaint && !moving && same_view && m_layer_resolution < 1.0f;
        m_layer_repaint = false;
        ++m_layer_version;
        m_layer_view = m_view;
        m_layer_resolution = moving ? std::min(0.5f, 1024.0f / std::max(w, h)) : 1.0f;
    }
    out.add(BeginLayer { reinterpret_cast<uintptr_t>(this), m_layer_version, map_palette::SEA_COLOR,
        m_layer_resolution, m_layer_may_lag });
    // The picture is painted only when the renderer needs it (a new version): the commands are
    // cheap to skip.
    if (m_layer_resolution >= 1.0f)
        draw_graticule(out, frame); // not while moving: the frame stays cheap
    draw_land(out, frame);
    draw_region_mask(out, frame);
    // The arcs: in the picture while it is repainted every frame anyway (cairo draws them in a
    // fraction of what SDL's triangles take), over it at rest (they move on, the picture stays).
    bool arcs_in_picture = m_layer_resolution < 1.0f;
    if (arcs_in_picture)
        draw_arcs(out, frame);
    out.add(EndLayer {});
    if (!arcs_in_picture)
        draw_arcs(out, frame);

    if (m_presentation) {
        // The fly-over: the map, its places and the credit; the attract loop draws the rest.
        Rect credit = credit_rect(frame);
        draw_markers(out, frame, { credit });
        draw_credit(out, frame, credit);
        return;
    }
    // Everything the labels must keep clear of.
    std::vector<Rect> obstacles { { 0, 0, w, top } };
    auto list = presets(frame.lang);
    auto buttons = preset_rects(frame, list, top);
    obstacles.insert(obstacles.end(), buttons.begin(), buttons.end());
    float back_y = h - m.margin - m.target;
    Rect back_rect { m.margin, back_y, button_width(m_ctx, frame, ui_text::BACK[frame.lang]),
        m.target };
    obstacles.push_back(back_rect);
    Rect credit = credit_rect(frame);
    obstacles.push_back(credit);
    bool panel_open = !m_open_place.empty() && m_ctx.exhibition.find_place(m_open_place);
    if (panel_open)
        obstacles.push_back(m_layout.panel);
    draw_markers(out, frame, std::move(obstacles));

    append(out, chrome);
    for (auto& hit : bar_hits)
        add_hit(hit.rect, hit.nav);
    for (size_t i = 0; i < buttons.size(); ++i) {
        draw_button(out, m_ctx, frame, { buttons[i].x, buttons[i].y }, list[i].label, palette::NAVY,
            palette::WHITE, false, true);
        m_actions.push_back({ buttons[i], ActionKind::Preset, i });
    }
    auto back = draw_button(out, m_ctx, frame, { back_rect.x, back_rect.y },
        ui_text::BACK[frame.lang], palette::NAVY_LIGHT, palette::WHITE, false, true);
    add_hit(back, { NavKind::Back, {} });
    draw_credit(out, frame, credit);
    if (panel_open)
        draw_panel(out, frame, m_layout.panel);
}

void MapScreen::draw_graticule(DrawList& out, const Frame& frame) const
{
    auto& m = frame.metrics;
    WorldRect region = m_view.region();
    WorldRect vis = m_view.visible();
    WorldRect r { std::max(region.min_x, vis.min_x), std::max(region.min_y, vis.min_y),
        std::min(region.max_x, vis.max_x), std::min(region.max_y, vis.max_y) };
    if (r.width() <= 0 || r.height() <= 0)
        return;
    double px_per_deg = m_view.scale() / 360.0;
    double step = 10;
    for (double s : { 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0 }) {
        if (s * px_per_deg >= m.u(120)) {
            step = s;
            break;
        }
    }
    LatLon nw = unproject({ r.min_x, r.min_y }), se = unproject({ r.max_x, r.max_y });
    float thickness = m.u(1.5f);
    for (double lon = std::ceil(nw.lon_deg / step) * step; lon <= se.lon_deg; lon += step) {
        double x = project({ 0, lon }).x;
        out.add(DrawLine { m_view.world_to_screen({ x, r.min_y }),
            m_view.world_to_screen({ x, r.max_y }), map_palette::GRATICULE, thickness });
    }
    for (double lat = std::ceil(se.lat_deg / step) * step; lat <= nw.lat_deg; lat += step) {
        double y = project({ lat, 0 }).y;
        out.add(DrawLine { m_view.world_to_screen({ r.min_x, y }),
            m_view.world_to_screen({ r.max_x, y }), map_palette::GRATICULE, thickness });
    }
}

void MapScreen::draw_land(DrawList& out, const Frame& frame)
{
    if (!m_geometry || m_geometry->levels().empty())
        return;
    auto& m = frame.metrics;
    // While the camera moves (a half-size redraw), a coarser level and no outlines: the picture
    // is replaced by a sharp one as soon as the map rests.
    bool coarse = m_layer_resolution < 1.0f;
    // At rest never the coarsest level (1:110m, for moving pictures): a portrait screen's whole
    // region (zoom ~5.0) then gets the 1:50m coasts a landscape one has.
    auto& levels = m_geometry->levels();
    double zoom = coarse    ? m_view.zoom() - 2.0
        : levels.size() > 1 ? std::max(m_view.zoom(), static_cast<double>(levels[1].min_zoom))
                            : m_view.zoom();
    const MapLevel& level = m_geometry->level_for_zoom(zoom);
    m_geometry->query(level, m_view.visible(), m_triangles, m_runs);
    if (coarse)
        m_runs.clear();
    Triangles others { {}, map_palette::LAND };
    Triangles viet_nam { {}, map_palette::LAND_VIET_NAM };
    Triangles japan { {}, map_palette::LAND_JAPAN };
    for (uint32_t t : m_triangles) {
        uint16_t country = level.triangle_country[t];
        auto& target = country == ISO_VIET_NAM ? viet_nam : country == ISO_JAPAN ? japan : others;
        for (size_t k = 0; k < 3; ++k) {
            auto& v = level.land[size_t { t } * 3 + k];
            target.points.push_back(m_view.world_to_screen({ v.x, v.y }));
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
        Polyline line { {}, coast ? map_palette::COAST : map_palette::BORDER,
            coast ? m.u(1.5f) : m.u(1.25f) };
        line.points.reserve(run.count);
        for (uint32_t k = 0; k < run.count; ++k) {
            auto& v = level.outline_points[run.first + k];
            Point p = m_view.world_to_screen({ v.x, v.y });
            if (k > 0 && k + 1 < run.count && dist(line.points.back(), p) < min_px)
                continue;
            line.points.push_back(p);
        }
        out.add(std::move(line));
    }
}

void MapScreen::draw_region_mask(DrawList& out, const Frame& frame) const
{
    // Beyond the region the map has no land: it is veiled, so the edge reads as the sheet's edge.
    float w = static_cast<float>(frame.metrics.screen.width);
    float h = static_cast<float>(frame.metrics.screen.height);
    auto& region = m_view.region();
    Point a = m_view.world_to_screen({ region.min_x, region.min_y });
    Point b = m_view.world_to_screen({ region.max_x, region.max_y });
    float top = std::clamp(a.y, 0.0f, h), bottom = std::clamp(b.y, 0.0f, h);
    float left = std::clamp(a.x, 0.0f, w), right = std::clamp(b.x, 0.0f, w);
    auto fill = [&](Rect r) {
        if (r.w > 0.5f && r.h > 0.5f)
            out.add(FillRect { r, map_palette::OUTSIDE, 0 });
    };
    fill({ 0, 0, w, top });
    fill({ 0, bottom, w, h - bottom });
    fill({ 0, top, left, bottom - top });
    fill({ right, top, w - right, bottom - top });
}

void MapScreen::draw_arcs(DrawList& out, const Frame& frame) const
{
    auto& m = frame.metrics;
    Rect screen { 0, 0, static_cast<float>(m.screen.width), static_cast<float>(m.screen.height) };
    bool moving = frame.now_ms < m_arcs_until_ms;
    TimeMs t = std::max<TimeMs>(0, frame.now_ms - m_entered_ms);
    float thickness = m.u(5);
    float dash = m.u(26), gap = m.u(16), period = dash + gap;
    float phase = std::fmod(static_cast<float>(t) * m.u(0.05f), period);
    std::vector<Point> pts;
    for (auto& arc : m_arcs) {
        pts.clear();
        float min_x = 1e30f, min_y = 1e30f, max_x = -1e30f, max_y = -1e30f;
        for (auto& w : arc.points) {
            Point p = m_view.world_to_screen(w);
            min_x = std::min(min_x, p.x);
            min_y = std::min(min_y, p.y);
            max_x = std::max(max_x, p.x);
            max_y = std::max(max_y, p.y);
            pts.push_back(p);
        }
        if (max_x < 0 || max_y < 0 || min_x > screen.w || min_y > screen.h)
            continue;
        Color color = link_color(arc.link->kind);
        // A faint solid line under the dashes, so the arc reads whole.
        out.add(Polyline { pts, with_alpha(color, moving ? 90 : 220), thickness });
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
                fill_circle(out, p, m.u(10), palette::WHITE);
                fill_circle(out, p, m.u(6), color);
                break;
            }
            acc += len;
        }
    }
}

void MapScreen::draw_markers(DrawList& out, const Frame& frame, std::vector<Rect> obstacles)
{
    auto& m = frame.metrics;
    float w = static_cast<float>(m.screen.width), h = static_cast<float>(m.screen.height);
    m_shown.clear();
    m_label_rects.clear();
    std::vector<size_t> order(m_places.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
        [&](size_t a, size_t b) { return m_places[a].priority > m_places[b].priority; });
    for (size_t i : order) {
        auto& info = m_places[i];
        bool major = info.priority >= 2;
        float r = m.u(info.priority == 3 ? 15 : major ? 13 : 10);
        Point at = m_view.world_to_screen(info.world);
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
        bool open = info.place->id == m_open_place;
        float r = it->radius_px * (open ? 1.35f : 1.0f);
        if (open)
            fill_circle(out, it->at, r + m.u(9), palette::GOLD);
        fill_circle(out, it->at, r + m.u(4), palette::WHITE);
        fill_circle(out, it->at, r, marker_color(info.place->kind));
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
            = layout_text(info.place->name[frame.lang], st, { 0, 0 }, m.type_basis(), m_ctx.fonts);
        requests.push_back({ s.at, s.radius_px + m.u(4), layout.width + 2 * pad_x + 1,
            layout.height + 2 * pad_y, info.priority });
        circles.push_back({ s.at, s.radius_px + m.u(4) });
        styles.push_back(st);
    }
    auto placed = place_labels(requests, circles, obstacles, { m.u(8), 0, w - m.u(16), h }, m.u(4));
    for (auto& p : placed) {
        auto& info = m_places[m_shown[p.index].place];
        out.add(FillRect { p.rect, map_palette::LABEL_BACK, m.u(10) });
        out.add(DrawText { info.place->name[frame.lang], styles[p.index],
            { p.rect.x + pad_x, p.rect.y + pad_y, p.rect.w - 2 * pad_x, p.rect.h - 2 * pad_y },
            palette::WHITE });
        m_label_rects.push_back(p.rect);
    }
}

void MapScreen::draw_panel(DrawList& out, const Frame& frame, const Rect& panel)
{
    auto* place = m_ctx.exhibition.find_place(m_open_place);
    if (!place)
        return;
    auto& m = frame.metrics;
    m_actions.push_back({ panel, ActionKind::Panel, 0 });
    out.add(FillRect { panel, palette::SAND, m.u(28) });
    Rect inner = panel.inset(m.u(32));

    // Close: a round button with a cross, top right.
    Rect close { panel.right() - m.u(16) - m.target, panel.y + m.u(16), m.target, m.target };
    bool pressed = pressed_in(frame, close);
    fill_circle(out, { close.x + close.w / 2, close.y + close.h / 2 }, close.w / 2 - m.u(8),
        pressed ? palette::NAVY : palette::NAVY_LIGHT);
    float c = m.u(13);
    Point mid { close.x + close.w / 2, close.y + close.h / 2 };
    out.add(
        DrawLine { { mid.x - c, mid.y - c }, { mid.x + c, mid.y + c }, palette::WHITE, m.u(4) });
    out.add(
        DrawLine { { mid.x - c, mid.y + c }, { mid.x + c, mid.y - c }, palette::WHITE, m.u(4) });
    m_actions.push_back({ close, ActionKind::ClosePanel, 0 });

    float y = inner.y;
    auto name_style = style(TextRole::Heading, frame.lang, Weight::Bold);
    name_style.max_lines = 2;
    float name_w = close.x - m.u(12) - inner.x;
    auto name = layout_text(place->name[frame.lang], name_style, { static_cast<int>(name_w), 0 },
        m.type_basis(), m_ctx.fonts);
    out.add(DrawText { place->name[frame.lang], name_style, { inner.x, y, name_w, name.height + 1 },
        palette::NAVY });
    y += std::max(name.height, close.bottom() - m.u(8) - y) + m.u(8);
    auto kind_style = style(TextRole::Caption, frame.lang);
    kind_style.max_lines = 1;
    float kind_h = static_cast<float>(type_scale_px(TextRole::Caption, m.type_basis())) * 1.5f;
    out.add(DrawText { map_text::kind_name(place->kind)[frame.lang], kind_style,
        { inner.x, y, inner.w, kind_h }, palette::SEA });
    y += kind_h + m.u(12);

    // Related slides, from the bottom up.
    // The place's own list first, then the slides that name the place, three at most.
    std::vector<const Slide*> slides;
    auto add_slide = [&](const Slide* s) {
        if (s && slides.size() < 3 && std::find(slides.begin(), slides.end(), s) == slides.end())
            slides.push_back(s);
    };
    for (auto& id : place->slide_ids)
        add_slide(m_ctx.exhibition.find_slide(id));
    for (auto& s : m_ctx.exhibition.slides) {
        if (s.place_id == place->id)
            add_slide(&s);
    }
    float row = m.target + m.u(12);
    float buttons_top = inner.bottom() - row * static_cast<float>(slides.size()) + m.u(12);
    auto more_style = style(TextRole::Caption, frame.lang, Weight::Bold);
    more_style.max_lines = 1;
    if (!slides.empty())
        buttons_top -= kind_h;
    float space = buttons_top - y - m.u(16);
    float image_h = std::min({ inner.w * 9 / 16, panel.h * 0.3f, space * 0.5f });
    if (!place->image.empty() && image_h > m.u(80)) {
        out.add(DrawImage { place->image, { inner.x, y, inner.w, image_h }, 1.0f, 1.0f, {} });
        y += image_h + m.u(16);
    }
    auto text_style = style(TextRole::Body, frame.lang);
    if (buttons_top - m.u(16) - y > 0)
        out.add(DrawText { place->text[frame.lang], text_style,
            { inner.x, y, inner.w, buttons_top - m.u(16) - y }, palette::NAVY });
    if (slides.empty())
        return;
    out.add(DrawText { map_text::READ_MORE[frame.lang], more_style,
        { inner.x, buttons_top, inner.w, kind_h }, palette::SEA });
    float by = buttons_top + kind_h;
    auto label_style = style(TextRole::Label, frame.lang, Weight::Bold, Align::Center);
    label_style.max_lines = 1;
    label_style.valign = VAlign::Middle;
    for (auto* slide : slides) {
        Rect r { inner.x, by, inner.w, m.target };
        bool down = pressed_in(frame, r);
        out.add(FillRect {
            down ? r.inset(m.u(3)) : r, down ? palette::SEA : palette::TEAL, m.target / 2 });
        out.add(DrawText { slide->title[frame.lang], label_style,
            { r.x + m.u(28), r.y, r.w - m.u(56), r.h }, palette::WHITE });
        add_hit(r, { NavKind::Slide, slide->id });
        by += row;
    }
}

} // namespace kiosk::screens
