// Home: the exhibition's title and one big way in for each partnership, the map and the
// timeline, each a card with its picture. Landscape: the partnerships stacked on the left two
// thirds, map and timeline on the right third; portrait: the partnerships stacked, map and
// timeline side by side below them.
#include "kiosk/screens/home_screen.h"

#include "kiosk/screens/chrome.h"
#include "kiosk/screens/ui_text.h"

#include <cmath>

namespace kiosk::screens {

using namespace core;

void HomeScreen::draw_content(DrawList& out, const Frame& frame)
{
    out.clear(palette::NAVY);
    auto& m = frame.metrics;
    auto& ex = m_ctx.exhibition;
    float w = static_cast<float>(m.screen.width), h = static_cast<float>(m.screen.height);
    std::vector<Hit> hits;
    float switch_left = draw_language_switch(out, hits, m_ctx, frame, m.u(16));
    for (auto& hit : hits)
        add_hit(hit.rect, hit.nav);
    // The title beside the language switch in landscape, under it in portrait.
    float y = m.portrait ? m.u(16) + m.target + m.u(32) : m.u(28);
    float title_w = m.portrait ? w - 2 * m.margin : switch_left - m.margin - m.u(48);
    auto title_style = style(TextRole::Title, frame.lang, Weight::Bold);
    if (m.portrait)
        title_style.role = TextRole::Display;
    float title_h = text_height(m_ctx, frame, ex.meta.title[frame.lang], title_style, title_w);
    out.add(DrawText { ex.meta.title[frame.lang], title_style, { m.margin, y, title_w, title_h },
        palette::WHITE });
    y += title_h + m.u(8);
    const auto& subtitle = ex.meta.subtitle[frame.lang];
    if (!subtitle.empty()) {
        auto sub_style = style(TextRole::Body, frame.lang);
        float sub_w = m.portrait ? w - 2 * m.margin : title_w;
        float sub_h = text_height(m_ctx, frame, subtitle, sub_style, sub_w);
        out.add(DrawText { subtitle, sub_style, { m.margin, y, sub_w, sub_h }, palette::GOLD });
        y += sub_h;
    }
    y = std::max(y, m.u(16) + m.target) + m.u(32);

    struct Way {
        std::string image, title, subtitle;
        Nav nav;
    };
    std::vector<Way> partnerships;
    for (auto& p : ex.partnerships)
        partnerships.push_back(
            { p.image, p.name[frame.lang], p.tagline[frame.lang], { NavKind::Partnership, p.id } });
    std::vector<Way> others;
    if (!ex.places.empty())
        others.push_back({ ex.meta.map_image, ui_text::MAP[frame.lang],
            ui_text::MAP_INVITE[frame.lang], { NavKind::Map, {} } });
    if (!ex.events.empty())
        others.push_back({ ex.meta.timeline_image, ui_text::TIMELINE[frame.lang],
            ui_text::TIMELINE_INVITE[frame.lang], { NavKind::Timeline, {} } });

    Rect area { m.margin, y, w - 2 * m.margin, h - m.margin - y };
    float gap = m.gutter;
    Rect left = area, right = area;
    if (others.empty()) {
        right = {};
    } else if (m.portrait) {
        float row_h = std::round(area.h * 0.27f);
        left.h = area.h - row_h - gap;
        right = { area.x, left.bottom() + gap, area.w, row_h };
    } else {
        left.w = m.span(8);
        right = { left.right() + gap, area.y, area.right() - left.right() - gap, area.h };
    }
    auto place = [&](const std::vector<Way>& ways, std::vector<Rect> cells) {
        for (size_t i = 0; i < ways.size() && i < cells.size(); ++i) {
            draw_card(out, m_ctx, frame, cells[i], ways[i].image, ways[i].title, ways[i].subtitle);
            add_hit(cells[i], ways[i].nav);
        }
    };
    size_t n = std::max<size_t>(partnerships.size(), 1);
    place(partnerships,
        grid_cells(left, partnerships.size(), 1, gap,
            (left.h - gap * static_cast<float>(n - 1)) / static_cast<float>(n)));
    if (!others.empty()) {
        size_t k = others.size();
        place(others,
            m.portrait ? grid_cells(right, k, k, gap, right.h)
                       : grid_cells(right, k, 1, gap,
                           (right.h - gap * static_cast<float>(k - 1)) / static_cast<float>(k)));
    }
}

} // namespace kiosk::screens
