// Home layout: title block, two partnership cards (side by side, or stacked in portrait), and a
// row of buttons for the map and the timeline.
#include "kiosk/screens/home_screen.h"

#include "kiosk/screens/chrome.h"
#include "kiosk/screens/ui_text.h"

namespace kiosk::screens {

using namespace core;

void HomeScreen::draw_content(DrawList& out, const Frame& frame)
{
    out.clear(palette::NAVY);
    auto& m = frame.metrics;
    auto& ex = m_ctx.exhibition;
    std::vector<Hit> hits;
    float top = draw_top_bar(out, hits, m_ctx, frame, {}, /*home=*/false);
    for (auto& hit : hits)
        add_hit(hit.rect, hit.nav);
    float w = static_cast<float>(m.screen.width), h = static_cast<float>(m.screen.height);
    float content_w = w - 2 * m.margin;
    float y = top + m.u(40);
    auto title_style = style(TextRole::Display, frame.lang, Weight::Bold, Align::Center);
    title_style.max_lines = 2;
    auto title = layout_text(ex.meta.title[frame.lang], title_style,
        { static_cast<int>(content_w), static_cast<int>(m.u(260)) }, m.type_basis(), m_ctx.fonts);
    out.add(DrawText { ex.meta.title[frame.lang], title_style,
        { m.margin, y, content_w, title.height + 1 }, palette::WHITE });
    y += title.height + m.u(12);
    if (!ex.meta.subtitle[frame.lang].empty()) {
        auto sub_style = style(TextRole::Body, frame.lang, Weight::Regular, Align::Center);
        sub_style.max_lines = 2;
        auto sub = layout_text(ex.meta.subtitle[frame.lang], sub_style,
            { static_cast<int>(content_w), static_cast<int>(m.u(140)) }, m.type_basis(),
            m_ctx.fonts);
        out.add(DrawText { ex.meta.subtitle[frame.lang], sub_style,
            { m.margin, y, content_w, sub.height + 1 }, palette::MUTED });
        y += sub.height;
    }
    y += m.u(36);
    auto choose_style = style(TextRole::Label, frame.lang, Weight::Bold, Align::Center);
    out.add(DrawText { ui_text::CHOOSE_PARTNERSHIP[frame.lang], choose_style,
        { m.margin, y, content_w, m.u(50) }, palette::GOLD });
    y += m.u(70);

    float buttons_h = m.target + m.u(48);
    float cards_h = h - y - buttons_h - m.margin;
    size_t n = ex.partnerships.size();
    float gap = m.u(40);
    std::vector<Rect> cells = m.portrait
        ? grid_cells({ m.margin, y, content_w, cards_h }, n, 1, gap,
            (cards_h - gap * static_cast<float>(n - 1))
                / static_cast<float>(std::max<size_t>(n, 1)))
        : grid_cells({ m.margin, y, content_w, cards_h }, n, std::max<size_t>(n, 1), gap, cards_h);
    for (size_t i = 0; i < n && i < cells.size(); ++i) {
        auto& p = ex.partnerships[i];
        draw_card(out, m_ctx, frame, cells[i], p.image, p.name[frame.lang], p.tagline[frame.lang]);
        add_hit(cells[i], { NavKind::Partnership, p.id });
    }
    // Map and timeline, centred below the cards.
    float by = h - m.margin - m.target;
    std::vector<std::pair<std::string, Nav>> buttons;
    if (!ex.places.empty())
        buttons.push_back({ ui_text::MAP[frame.lang], { NavKind::Map, {} } });
    if (!ex.events.empty())
        buttons.push_back({ ui_text::TIMELINE[frame.lang], { NavKind::Timeline, {} } });
    float total = 0;
    for (auto& button : buttons)
        total += button_width(m_ctx, frame, button.first) + m.u(24);
    float x = (w - total + m.u(24)) / 2;
    for (size_t i = 0; i < buttons.size(); ++i) {
        auto r = draw_button(
            out, m_ctx, frame, { x, by }, buttons[i].first, palette::TEAL, palette::WHITE);
        add_hit(r, buttons[i].second);
        x += r.w + m.u(24);
    }
}

} // namespace kiosk::screens
