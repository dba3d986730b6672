// Layouts of the browsing screens.
#include "kiosk/screens/browse_screens.h"

#include "kiosk/screens/chart_view.h"
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/ui_text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {

using namespace core;

namespace {

// Top bar plus a back button in the bottom-left; returns the free area between them.
Rect frame_screen(Screen& screen, std::vector<Hit>& hits, DrawList& out, Context& ctx,
    const Frame& frame, const std::string& title)
{
    auto& m = frame.metrics;
    out.clear(palette::NAVY);
    float top = draw_top_bar(out, hits, ctx, frame, title);
    float bottom = static_cast<float>(m.screen.height) - m.margin - m.target;
    auto back = draw_button(out, ctx, frame, { m.margin, bottom }, ui_text::BACK[frame.lang],
        palette::NAVY_LIGHT, palette::WHITE, false, true);
    hits.push_back({ back, { NavKind::Back, {} } });
    (void)screen;
    return { m.margin, top + m.u(32), static_cast<float>(m.screen.width) - 2 * m.margin,
        bottom - top - m.u(64) };
}

std::string date_label(const PartialDate& d, Lang lang)
{
    char buffer[48];
    switch (lang) {
    case Lang::Ja:
        if (d.day)
            std::snprintf(buffer, sizeof buffer, "%d年%d月%d日", d.year, d.month, d.day);
        else if (d.month)
            std::snprintf(buffer, sizeof buffer, "%d年%d月", d.year, d.month);
        else
            std::snprintf(buffer, sizeof buffer, "%d年", d.year);
        break;
    case Lang::Vi:
        if (d.day)
            std::snprintf(buffer, sizeof buffer, "%d/%d/%d", d.day, d.month, d.year);
        else if (d.month)
            std::snprintf(buffer, sizeof buffer, "%d/%d", d.month, d.year);
        else
            std::snprintf(buffer, sizeof buffer, "%d", d.year);
        break;
    case Lang::En: {
        static const char* MONTHS[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec" };
        if (d.day)
            std::snprintf(buffer, sizeof buffer, "%d %s %d", d.day, MONTHS[d.month - 1], d.year);
        else if (d.month)
            std::snprintf(buffer, sizeof buffer, "%s %d", MONTHS[d.month - 1], d.year);
        else
            std::snprintf(buffer, sizeof buffer, "%d", d.year);
        break;
    }
    }
    return buffer;
}

} // namespace

bool PartnershipScreen::show(const std::string& id)
{
    m_partnership = m_ctx.exhibition.find_partnership(id);
    return m_partnership != nullptr;
}

void PartnershipScreen::draw_content(DrawList& out, const Frame& frame)
{
    if (!m_partnership)
        return;
    std::vector<Hit> hits;
    Rect area = frame_screen(*this, hits, out, m_ctx, frame, m_partnership->name[frame.lang]);
    for (auto& h : hits)
        add_hit(h.rect, h.nav);
    auto& m = frame.metrics;
    auto tag_style = style(TextRole::Body, frame.lang, Weight::Regular, Align::Center);
    float tag_h = text_height(m_ctx, frame, m_partnership->tagline[frame.lang], tag_style, area.w);
    out.add(DrawText { m_partnership->tagline[frame.lang], tag_style,
        { area.x, area.y, area.w, tag_h }, palette::GOLD });
    area.y += tag_h + m.u(28);
    area.h -= tag_h + m.u(28);
    // The topics fill the screen down to the row of buttons.
    auto topics = m_ctx.exhibition.topics_of(m_partnership->id);
    size_t cols = m.grid_columns(topics.size());
    size_t rows = (topics.size() + cols - 1) / std::max<size_t>(cols, 1);
    float gap = m.gutter;
    float cell_h
        = rows ? (area.h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows) : 0;
    auto cells = grid_cells(area, topics.size(), cols, gap, cell_h);
    for (size_t i = 0; i < topics.size(); ++i) {
        draw_icon_card(out, m_ctx, frame, cells[i], topics[i]->icon, topics[i]->title[frame.lang],
            topics[i]->summary[frame.lang]);
        add_hit(cells[i], { NavKind::Topic, topics[i]->id });
    }
    // Map and timeline for this partnership.
    float right = static_cast<float>(m.screen.width) - m.margin;
    float by = static_cast<float>(m.screen.height) - m.margin - m.target;
    auto timeline = draw_button(out, m_ctx, frame, { right, by }, ui_text::TIMELINE[frame.lang],
        palette::TEAL, palette::WHITE, true);
    add_hit(timeline, { NavKind::Timeline, {} });
    if (!m_partnership->place_ids.empty()) {
        auto map = draw_button(out, m_ctx, frame, { timeline.x - m.u(24), by },
            ui_text::MAP[frame.lang], palette::TEAL, palette::WHITE, true);
        add_hit(map, { NavKind::Map, m_partnership->id });
    }
}

bool TopicScreen::show(const std::string& id)
{
    m_topic = m_ctx.exhibition.find_topic(id);
    return m_topic != nullptr;
}

void TopicScreen::draw_content(DrawList& out, const Frame& frame)
{
    if (!m_topic)
        return;
    std::vector<Hit> hits;
    Rect area = frame_screen(*this, hits, out, m_ctx, frame, m_topic->title[frame.lang]);
    for (auto& h : hits)
        add_hit(h.rect, h.nav);
    auto& m = frame.metrics;
    auto sum_style = style(TextRole::Body, frame.lang, Weight::Regular, Align::Start);
    float summary_h = text_height(m_ctx, frame, m_topic->summary[frame.lang], sum_style, area.w);
    out.add(DrawText { m_topic->summary[frame.lang], sum_style,
        { area.x, area.y, area.w, summary_h }, palette::SAND });
    area.y += summary_h + m.u(28);
    area.h -= summary_h + m.u(28);
    struct Item {
        std::string image, title, subtitle;
        Nav nav;
    };
    std::vector<Item> items;
    for (auto* slide : m_ctx.exhibition.slides_of(m_topic->id))
        items.push_back(
            { slide->image, slide->title[frame.lang], {}, { NavKind::Slide, slide->id } });
    for (auto& chart : m_ctx.exhibition.charts) {
        if (chart.topic_id == m_topic->id)
            items.push_back(
                { m_topic->icon, chart.title[frame.lang], {}, { NavKind::Chart, chart.id } });
    }
    // The cards fill the screen; below a comfortable height a long topic scrolls instead (drag
    // with inertia).
    size_t cols = m.portrait ? 2 : 3;
    float gap = m.gutter;
    float min_h = m.u(m.portrait ? 400 : 340);
    size_t rows = (items.size() + cols - 1) / cols;
    float fill_h
        = rows ? (area.h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows) : 0;
    float cell_h = std::max(min_h, fill_h);
    m_scroller.step(frame.now_ms);
    m_scroller.set_extent(static_cast<float>(rows) * (cell_h + gap) - gap, area.h);
    Rect grid { area.x, area.y - m_scroller.offset(), area.w, area.h };
    auto cells = grid_cells(grid, items.size(), cols, gap, cell_h);
    out.add(PushClip { area });
    for (size_t i = 0; i < items.size(); ++i) {
        if (cells[i].bottom() < area.y || cells[i].y > area.bottom())
            continue;
        draw_card(
            out, m_ctx, frame, cells[i], items[i].image, items[i].title, items[i].subtitle, true);
        // Only the visible part of a card takes touches.
        Rect visible = cells[i];
        float top = std::max(visible.y, area.y), bottom = std::min(visible.bottom(), area.bottom());
        visible.y = top;
        visible.h = bottom - top;
        if (visible.h > 0)
            add_hit(visible, items[i].nav);
    }
    out.add(PopClip {});
    // More cards below: the grid fades into the ground and says so (a thin scrollbar alone was
    // the only hint).
    if (m_scroller.max_offset() > 0 && m_scroller.offset() < m_scroller.max_offset() - 1) {
        float fade_h = m.u(120);
        constexpr int STEPS = 24;
        for (int i = 0; i < STEPS; ++i) {
            Color c = palette::NAVY;
            c.a = static_cast<uint8_t>(255 * (i + 1) / (STEPS + 1));
            out.add(FillRect {
                { area.x, area.bottom() - fade_h + fade_h * static_cast<float>(i) / STEPS, area.w,
                    fade_h / STEPS + 1 },
                c, 0 });
        }
        auto hint_style = style(TextRole::Label, frame.lang, Weight::Bold, Align::Center);
        hint_style.max_lines = 1;
        hint_style.valign = VAlign::Middle;
        const auto& hint = ui_text::MORE_BELOW[frame.lang];
        float hint_w = text_width(m_ctx, frame, hint, hint_style) + m.u(64);
        Rect pill { area.x + (area.w - hint_w) / 2, area.bottom() - m.u(72), hint_w, m.u(60) };
        out.add(FillRect { pill, palette::TEAL, pill.h / 2 });
        out.add(DrawText { hint, hint_style, pill, palette::WHITE });
    }
    if (m_scroller.max_offset() > 0) {
        float frac = m_scroller.offset() / m_scroller.max_offset();
        float bar_h = area.h * area.h / (area.h + m_scroller.max_offset());
        out.add(FillRect {
            { area.right() + m.u(16), area.y, m.u(6), area.h }, palette::NAVY_LIGHT, m.u(3) });
        out.add(
            FillRect { { area.right() + m.u(16), area.y + (area.h - bar_h) * frac, m.u(6), bar_h },
                palette::TEAL, m.u(3) });
    }
}

void TopicScreen::on_pan(Point delta, Point, const Frame&)
{
    m_scroller.drag(delta.y);
}

void TopicScreen::on_pan_end(Point velocity, const Frame& frame)
{
    m_scroller.fling(velocity.y, frame.now_ms);
}

std::optional<TimeMs> TopicScreen::next_frame_ms(TimeMs now_ms) const
{
    if (m_scroller.moving())
        return now_ms + 16;
    return std::nullopt;
}

bool ChartScreen::show(const std::string& id)
{
    m_chart = m_ctx.exhibition.find_chart(id);
    return m_chart != nullptr;
}

void ChartScreen::draw_content(DrawList& out, const Frame& frame)
{
    if (!m_chart)
        return;
    std::vector<Hit> hits;
    // The bar names the topic the chart belongs to; the chart's own title is its takeaway.
    auto* topic = m_ctx.exhibition.find_topic(m_chart->topic_id);
    Rect area = frame_screen(*this, hits, out, m_ctx, frame,
        topic ? topic->title[frame.lang] : ui_text::CHARTS[frame.lang]);
    for (auto& h : hits)
        add_hit(h.rect, h.nav);
    auto& m = frame.metrics;
    float source_h = source_line_height(m_ctx, frame, m_chart->source_id, area.w);
    Rect panel { area.x, area.y, area.w, area.h - source_h - m.u(16) };
    out.add(FillRect { panel, palette::SAND, m.u(28) });
    draw_chart(out, m_ctx, frame, *m_chart, panel.inset(m.u(40)), 1.0f, true);
    draw_source_line(out, m_ctx, frame, m_chart->source_id, area);
}

void TimelineScreen::on_pan(Point delta, Point, const Frame& frame)
{
    m_scroller.drag(frame.metrics.portrait ? delta.y : delta.x);
}

void TimelineScreen::on_pan_end(Point velocity, const Frame& frame)
{
    m_scroller.fling(frame.metrics.portrait ? velocity.y : velocity.x, frame.now_ms);
}

std::optional<TimeMs> TimelineScreen::next_frame_ms(TimeMs now_ms) const
{
    if (m_scroller.moving())
        return now_ms + 16;
    return std::nullopt;
}

void TimelineScreen::draw_content(DrawList& out, const Frame& frame)
{
    auto& m = frame.metrics;
    m_scroller.step(frame.now_ms);
    std::vector<Hit> hits;
    Rect area = frame_screen(*this, hits, out, m_ctx, frame, ui_text::TIMELINE[frame.lang]);
    for (auto& h : hits)
        add_hit(h.rect, h.nav);
    auto& events = m_ctx.exhibition.events;
    if (events.empty())
        return;
    out.add(PushClip { area });
    float card_w = m.portrait ? area.w - m.u(140) : m.u(540);
    float card_h = m.portrait ? m.u(320) : area.h / 2 - m.u(48);
    float step = m.portrait ? card_h + m.u(28) : card_w * 0.56f;
    float length = step * static_cast<float>(events.size()) + (m.portrait ? m.u(40) : card_w);
    m_scroller.set_extent(length, m.portrait ? area.h : area.w);
    float scroll = m_scroller.offset();
    auto date_style = style(TextRole::Heading, frame.lang, Weight::Bold);
    date_style.max_lines = 1;
    auto text_style = style(TextRole::Label, frame.lang);
    auto note_style = style(TextRole::Caption, frame.lang);
    note_style.max_lines = 1;
    auto draw_event = [&](Rect card, const TimelineEvent& e) {
        out.add(FillRect { card, palette::NAVY_LIGHT, m.u(18) });
        float inner_w = card.w - m.u(40);
        auto date = date_label(e.date, frame.lang);
        float date_h = text_height(m_ctx, frame, date, date_style, inner_w);
        out.add(DrawText { date, date_style,
            { card.x + m.u(20), card.y + m.u(14), inner_w, date_h }, palette::GOLD });
        std::string note = e.inferred ? "(" + ui_text::INFERRED[frame.lang] + ")" : std::string {};
        float note_h = text_height(m_ctx, frame, note, note_style, inner_w);
        float text_y = card.y + m.u(14) + date_h + m.u(6);
        out.add(DrawText { e.text[frame.lang], text_style,
            { card.x + m.u(20), text_y, inner_w, card.bottom() - m.u(14) - note_h - text_y },
            palette::WHITE });
        if (!note.empty())
            out.add(DrawText { note, note_style,
                { card.x + m.u(20), card.bottom() - m.u(14) - note_h, inner_w, note_h },
                palette::MUTED });
    };
    if (!m.portrait) {
        float axis_y = area.y + area.h / 2;
        out.add(DrawLine { { area.x, axis_y }, { area.right(), axis_y }, palette::TEAL, m.u(6) });
        for (size_t i = 0; i < events.size(); ++i) {
            float x = area.x + m.u(20) + step * static_cast<float>(i) - scroll;
            if (x > area.right() || x + card_w < area.x)
                continue;
            bool above = i % 2 == 0;
            Rect card { x, above ? axis_y - m.u(40) - card_h : axis_y + m.u(40), card_w, card_h };
            out.add(DrawLine { { x + m.u(30), axis_y },
                { x + m.u(30), above ? card.bottom() : card.y }, palette::MUTED, m.u(3) });
            out.add(FillRect {
                { x + m.u(18), axis_y - m.u(12), m.u(24), m.u(24) }, palette::GOLD, m.u(12) });
            draw_event(card, events[i]);
        }
    } else {
        float axis_x = area.x + m.u(40);
        out.add(DrawLine { { axis_x, area.y }, { axis_x, area.bottom() }, palette::TEAL, m.u(6) });
        for (size_t i = 0; i < events.size(); ++i) {
            float y = area.y + m.u(20) + step * static_cast<float>(i) - scroll;
            if (y > area.bottom() || y + card_h < area.y)
                continue;
            Rect card { axis_x + m.u(60), y, card_w, card_h };
            out.add(FillRect {
                { axis_x - m.u(12), y + m.u(30), m.u(24), m.u(24) }, palette::GOLD, m.u(12) });
            draw_event(card, events[i]);
        }
    }
    out.add(PopClip {});
    // Where we are on the strip.
    if (m_scroller.max_offset() > 0) {
        float frac = scroll / m_scroller.max_offset();
        float bar_w = area.w * 0.25f;
        out.add(FillRect {
            { area.x, area.bottom() + m.u(8), area.w, m.u(6) }, palette::NAVY_LIGHT, m.u(3) });
        out.add(
            FillRect { { area.x + (area.w - bar_w) * frac, area.bottom() + m.u(8), bar_w, m.u(6) },
                palette::TEAL, m.u(3) });
    }
}

} // namespace kiosk::screens
