// The interactive map.
//
// [SECTION] Set-up: show(), fly_over()
// [SECTION] Camera: sync with the frame, framing, presets
// [SECTION] Touch
// [SECTION] Drawing: layout, the kept picture, chrome
//
// The parts draw themselves: MapLand (graticule, land, veil), MapArcs, MapMarkers (markers and
// labels), draw_map_panel; the maths is in core (projection, map_camera, map_geometry). The arcs
// move for ARC_ANIMATION_MS after the map was entered or moved, then stand still so a still map
// costs nothing.
#include "kiosk/screens/map_screen.h"

#include "kiosk/core/map_camera.h"
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/map_context.h"
#include "kiosk/screens/map_panel.h"
#include "kiosk/screens/map_style.h"
#include "kiosk/screens/map_text.h"
#include "kiosk/screens/ui_text.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::screens {

using namespace core;

namespace {

void append(DrawList& out, const DrawList& from)
{
    for (auto& command : from.commands())
        std::visit([&](const auto& c) { out.add(c); }, command);
}

} // namespace

// [SECTION] Set-up

MapScreen::MapScreen(Context ctx, const MapGeometry* geometry)
    : m_ctx(ctx)
    , m_geometry(geometry)
    , m_view({ 1920, 1080 }, geometry ? geometry->region() : east_asia_region())
    , m_land(geometry)
    , m_arcs(ctx.exhibition)
    , m_markers(ctx.exhibition)
{
    m_view.set_min_span_m(3000);
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
    m_double_tap.reset();
}

std::optional<Point> MapScreen::marker_position(const std::string& place_id) const
{
    return m_markers.position(place_id);
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
        std::vector<WorldPoint> points;
        for (auto& place_id : p->place_ids) {
            if (auto* place = ex.find_place(place_id))
                points.push_back(project({ place->lat_deg, place->lon_deg }));
        }
        return framing_box(points, 200000);
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
    auto& ex = m_ctx.exhibition;
    if (id.empty() || ex.find_partnership(id))
        m_selected = id;
    else
        m_selected.reset();
    auto target = m_view.framing(*rect, m_layout.focus);
    if (jump)
        m_view.set(target.centre, target.scale);
    else
        m_view.fly_to(target, frame.now_ms);
    m_inertia = {};
    touch_arcs(frame.now_ms);
}

void MapScreen::open_panel(const Place& place, const Frame& frame)
{
    m_open_place = place.id;
    WorldPoint world = project({ place.lat_deg, place.lon_deg });
    m_layout = layout_for(frame, true);
    // A marker the panel would cover slides into the free part of the screen.
    auto at = m_view.world_to_screen(world);
    if (!m_layout.focus.contains(at)) {
        Point centre { m_layout.focus.x + m_layout.focus.w / 2,
            m_layout.focus.y + m_layout.focus.h / 2 };
        m_view.fly_to(m_view.looking_at(world, m_view.scale(), centre), frame.now_ms, 500);
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
        m_double_tap.reset();
        return {};
    }
    if (auto tapped = m_markers.tapped(point); tapped.place) {
        m_double_tap.reset();
        // A cluster opens: the map flies in until its places stand apart (a cluster of one
        // spot, which no zoom parts, opens its leader's panel instead).
        bool apart = std::any_of(tapped.cluster.begin(), tapped.cluster.end(),
            [&](const WorldPoint& p) { return !(p == tapped.cluster.front()); });
        if (auto box = framing_box(tapped.cluster, 3000); box && apart) {
            m_open_place.clear();
            m_layout = layout_for(frame, false);
            m_view.fly_to(m_view.framing(*box, m_layout.focus), frame.now_ms, 600);
            touch_arcs(frame.now_ms);
            return {};
        }
        open_panel(*tapped.place, frame);
        return {};
    }
    // Empty map: a double tap zooms in there; a single tap closes the panel.
    if (m_double_tap.feed(point, frame.now_ms, frame.metrics.u(60))) {
        auto world = m_view.screen_to_world(point);
        m_view.fly_to(m_view.looking_at(world, m_view.scale() * 2, point), frame.now_ms, 300);
        touch_arcs(frame.now_ms);
        return {};
    }
    m_open_place.clear();
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
    out.add(FillRect { rect, map_style::LABEL_BACK, m.u(8) });
    Rect inner { rect.x + m.u(10), rect.y + m.u(3), rect.w - m.u(20), rect.h - m.u(6) };
    out.add(DrawText { map_text::CREDIT, credit_style(frame.lang), inner, palette::MUTED });
}

Rect MapScreen::draw_legend(DrawList& out, const Frame& frame, float bottom)
{
    auto& m = frame.metrics;
    std::vector<LinkKind> kinds;
    for (auto kind : { LinkKind::Friendship, LinkKind::Sister, LinkKind::Cooperation }) {
        bool used = std::any_of(m_ctx.exhibition.links.begin(), m_ctx.exhibition.links.end(),
            [&](const Link& l) { return l.kind == kind; });
        if (used)
            kinds.push_back(kind);
    }
    if (kinds.empty())
        return {};
    auto st = style(TextRole::Caption, frame.lang, Weight::Regular);
    st.max_lines = 1;
    st.fit = false;
    float pad = m.u(14), swatch = m.u(40), gap = m.u(12);
    float row_h = 0, text_w = 0;
    std::vector<TextLayout> texts;
    for (auto kind : kinds) {
        texts.push_back(layout_text(
            map_text::link_kind_name(kind)[frame.lang], st, { 0, 0 }, m.type_basis(), m_ctx.fonts));
        row_h = std::max(row_h, texts.back().height + m.u(6));
        text_w = std::max(text_w, texts.back().width);
    }
    float w = pad * 2 + swatch + gap + text_w + 1;
    float h = pad * 2 + row_h * static_cast<float>(kinds.size());
    Rect box { m.margin, bottom - h, w, h };
    if (box.y < m_layout.top + m.u(200))
        return {};
    out.add(FillRect { box, map_style::LABEL_BACK, m.u(12) });
    for (size_t i = 0; i < kinds.size(); ++i) {
        float y = box.y + pad + row_h * static_cast<float>(i);
        float cy = y + row_h / 2;
        Color color = map_style::link_color(kinds[i]);
        out.add(DrawLine { { box.x + pad, cy }, { box.x + pad + swatch, cy }, color, m.u(5) });
        out.add(DrawText { map_text::link_kind_name(kinds[i])[frame.lang], st,
            { box.x + pad + swatch + gap, y + (row_h - texts[i].height) / 2, text_w + 1,
                texts[i].height + m.u(4) },
            palette::WHITE });
    }
    return box;
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

    out.clear(map_style::SEA_COLOR);
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
    out.add(BeginLayer { reinterpret_cast<uintptr_t>(this), m_layer_version, map_style::SEA_COLOR,
        m_layer_resolution, m_layer_may_lag });
    // The picture is painted only when the renderer needs it (a new version): the commands are
    // cheap to skip.
    if (m_layer_resolution >= 1.0f)
        m_land.draw_graticule(out, m, m_view); // not while moving: the frame stays cheap
    // While the camera moves (a half-size redraw), a coarser level and no outlines: the picture
    // is replaced by a sharp one as soon as the map rests.
    m_land.draw_land(out, m, m_view, m_layer_resolution < 1.0f);
    m_land.draw_region_mask(out, m, m_view);
    // The arcs: in the picture while it is repainted every frame anyway (cairo draws them in a
    // fraction of what SDL's triangles take), over it at rest (they move on, the picture stays).
    bool arcs_in_picture = m_layer_resolution < 1.0f;
    std::span<const std::string> focus;
    if (m_selected && !m_presentation) {
        if (auto* p = m_ctx.exhibition.find_partnership(*m_selected))
            focus = p->place_ids;
    }
    bool arcs_moving = frame.now_ms < m_arcs_until_ms;
    TimeMs arcs_t = std::max<TimeMs>(0, frame.now_ms - m_entered_ms);
    if (arcs_in_picture)
        m_arcs.draw(out, m, m_view, arcs_moving, arcs_t, focus);
    out.add(EndLayer {});
    if (!arcs_in_picture)
        m_arcs.draw(out, m, m_view, arcs_moving, arcs_t, focus);

    if (m_presentation) {
        // The fly-over: the map, its places and the credit; the attract loop draws the rest.
        Rect credit = credit_rect(frame);
        m_markers.draw(out, m_ctx, frame, m_view, m_open_place, { credit });
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
    // The legend sits above Back; in portrait an open panel takes that place.
    DrawList legend;
    if (!(panel_open && m.portrait)) {
        Rect legend_rect = draw_legend(legend, frame, back_y - m.u(16));
        if (legend_rect.w > 0)
            obstacles.push_back(legend_rect);
    }
    std::vector<Rect> taken = obstacles;
    m_markers.draw(out, m_ctx, frame, m_view, m_open_place, std::move(obstacles), focus);
    taken.insert(taken.end(), m_markers.taken().begin(), m_markers.taken().end());
    draw_map_context(out, m_ctx, frame, m_view, taken);
    append(out, legend);

    append(out, chrome);
    for (auto& hit : bar_hits)
        add_hit(hit.rect, hit.nav);
    for (size_t i = 0; i < buttons.size(); ++i) {
        // The preset shown is marked as the language buttons mark theirs: light, dark text.
        bool selected = m_selected && *m_selected == list[i].id;
        draw_button(out, m_ctx, frame, { buttons[i].x, buttons[i].y }, list[i].label,
            selected ? palette::SAND : palette::NAVY, selected ? palette::NAVY : palette::WHITE,
            false, !selected);
        m_actions.push_back({ buttons[i], ActionKind::Preset, i });
    }
    auto back = draw_button(out, m_ctx, frame, { back_rect.x, back_rect.y },
        ui_text::BACK[frame.lang], palette::NAVY_LIGHT, palette::WHITE, false, true);
    add_hit(back, { NavKind::Back, {} });
    draw_credit(out, frame, credit);
    if (panel_open) {
        m_actions.push_back({ m_layout.panel, ActionKind::Panel, 0 });
        auto panel = draw_map_panel(
            out, m_ctx, frame, *m_ctx.exhibition.find_place(m_open_place), m_layout.panel);
        m_actions.push_back({ panel.close, ActionKind::ClosePanel, 0 });
        for (auto& hit : panel.slides)
            add_hit(hit.rect, hit.nav);
    }
}

} // namespace kiosk::screens
