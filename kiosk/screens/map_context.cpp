// Country and city names; see map_context.h. Positions are label points (degrees, WGS84): for a
// country a spot inside it where its name reads, for a city its centre.
#include "kiosk/screens/map_context.h"

#include "kiosk/core/map_geometry.h"
#include "kiosk/screens/map_style.h"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {

using namespace core;

namespace {

enum class NameKind { Country, City };

struct ContextName {
    NameKind kind;
    LatLon at;
    Text3 name;
};

const ContextName NAMES[] = {
    { NameKind::Country, { 13.4, 108.4 }, { { "VIỆT NAM", "ベトナム", "VIET NAM" } } },
    { NameKind::Country, { 39.6, 140.6 }, { { "NHẬT BẢN", "日本", "JAPAN" } } },
    { NameKind::Country, { 33.0, 104.0 }, { { "TRUNG QUỐC", "中国", "CHINA" } } },
    { NameKind::Country, { 19.6, 102.6 }, { { "LÀO", "ラオス", "LAOS" } } },
    { NameKind::Country, { 12.8, 104.9 }, { { "CAMPUCHIA", "カンボジア", "CAMBODIA" } } },
    { NameKind::Country, { 15.6, 101.0 }, { { "THÁI LAN", "タイ", "THAILAND" } } },
    { NameKind::Country, { 36.4, 128.0 }, { { "HÀN QUỐC", "韓国", "SOUTH KOREA" } } },
    { NameKind::Country, { 11.0, 123.2 }, { { "PHILIPPINES", "フィリピン", "PHILIPPINES" } } },
    { NameKind::City, { 39.90, 116.40 }, { { "Bắc Kinh", "北京", "Beijing" } } },
    { NameKind::City, { 31.23, 121.47 }, { { "Thượng Hải", "上海", "Shanghai" } } },
    { NameKind::City, { 37.57, 126.98 }, { { "Seoul", "ソウル", "Seoul" } } },
    { NameKind::City, { 34.69, 135.50 }, { { "Osaka", "大阪", "Osaka" } } },
    { NameKind::City, { 10.78, 106.70 },
        { { "TP. Hồ Chí Minh", "ホーチミン", "Ho Chi Minh City" } } },
    { NameKind::City, { 16.05, 108.20 }, { { "Đà Nẵng", "ダナン", "Da Nang" } } },
    { NameKind::City, { 13.75, 100.50 }, { { "Bangkok", "バンコク", "Bangkok" } } },
    { NameKind::City, { 14.60, 120.98 }, { { "Manila", "マニラ", "Manila" } } },
};

} // namespace

void draw_map_context(DrawList& out, Context ctx, const Frame& frame, const MapView& view,
    std::span<const Rect> taken_by_others)
{
    auto& m = frame.metrics;
    double zoom = view.zoom() - std::log2(m.unit); // as at 1080p
    Rect screen { m.u(8), 0, static_cast<float>(m.screen.width) - m.u(16),
        static_cast<float>(m.screen.height) };
    std::vector<Rect> taken(taken_by_others.begin(), taken_by_others.end());
    auto fits = [&](const Rect& r) {
        bool inside = r.x >= screen.x && r.y >= screen.y && r.right() <= screen.right()
            && r.bottom() <= screen.bottom();
        return inside && std::none_of(taken.begin(), taken.end(), [&](const Rect& t) {
            return rects_overlap(t.inset(-m.u(4)), r);
        });
    };
    if (zoom <= 7.0) {
        auto st = style(TextRole::Caption, frame.lang, Weight::Bold);
        st.max_lines = 1;
        st.fit = false;
        for (auto& c : NAMES) {
            if (c.kind != NameKind::Country)
                continue;
            auto text = layout_text(c.name[frame.lang], st, { 0, 0 }, m.type_basis(), ctx.fonts);
            Point p = view.world_to_screen(project(c.at));
            Rect r { p.x - text.width / 2, p.y - text.height / 2, text.width + 1, text.height };
            if (!fits(r))
                continue;
            out.add(DrawText { c.name[frame.lang], st, r, map_style::COUNTRY_NAME });
            taken.push_back(r);
        }
    }
    if (zoom >= 4.0 && zoom <= 8.5) {
        auto st = style(TextRole::Caption, frame.lang, Weight::Regular);
        st.max_lines = 1;
        st.fit = false;
        float dot = m.u(4);
        for (auto& c : NAMES) {
            if (c.kind != NameKind::City)
                continue;
            auto text = layout_text(c.name[frame.lang], st, { 0, 0 }, m.type_basis(), ctx.fonts);
            Point p = view.world_to_screen(project(c.at));
            Rect r { p.x + dot + m.u(6), p.y - text.height / 2, text.width + 1, text.height };
            Rect whole { p.x - dot, r.y, r.right() - (p.x - dot), r.h };
            if (!fits(whole))
                continue;
            map_style::fill_circle(out, p, dot + m.u(1.5f), map_style::LABEL_BACK);
            map_style::fill_circle(out, p, dot, map_style::CITY_DOT);
            out.add(DrawText { c.name[frame.lang], st, r, map_style::CITY_NAME });
            taken.push_back(whole);
        }
    }
}

} // namespace kiosk::screens
