// Shared chrome drawing.
#include "kiosk/screens/chrome.h"

#include "kiosk/screens/ui_text.h"

namespace kiosk::screens {

using namespace core;

float text_width(Context& ctx, const Frame& frame, const std::string& text, const TextStyle& style)
{
    auto layout
        = layout_text(text, style, { 100000, 100000 }, frame.metrics.type_basis(), ctx.fonts);
    return layout.width;
}

bool pressed_in(const Frame& frame, const Rect& rect)
{
    return frame.pressed && rect.contains(*frame.pressed);
}

namespace {

TextStyle button_style(const Frame& frame)
{
    auto s = style(TextRole::Label, frame.lang, Weight::Bold, Align::Center);
    s.valign = VAlign::Middle;
    s.max_lines = 1;
    return s;
}

} // namespace

float button_width(Context& ctx, const Frame& frame, const std::string& label)
{
    auto& m = frame.metrics;
    return std::max(m.target * 1.4f, text_width(ctx, frame, label, button_style(frame)) + m.u(56));
}

Rect draw_button(DrawList& out, Context& ctx, const Frame& frame, Point at,
    const std::string& label, Color fill, Color text, bool align_right, bool outline)
{
    auto& m = frame.metrics;
    auto s = button_style(frame);
    float w = button_width(ctx, frame, label);
    Rect rect { align_right ? at.x - w : at.x, at.y, w, m.target };
    // Pressed feedback within the frame: the button darkens and sinks a little.
    bool pressed = pressed_in(frame, rect);
    Color c = pressed ? Color { static_cast<uint8_t>(fill.r * 3 / 4),
        static_cast<uint8_t>(fill.g * 3 / 4), static_cast<uint8_t>(fill.b * 3 / 4), fill.a }
                      : fill;
    Rect drawn = pressed ? rect.inset(m.u(3)) : rect;
    if (outline) {
        out.add(FillRect { drawn, palette::MUTED, drawn.h / 2 });
        drawn = drawn.inset(m.u(3));
    }
    out.add(FillRect { drawn, c, drawn.h / 2 });
    out.add(DrawText { label, s, drawn, text });
    return rect;
}

float draw_top_bar(DrawList& out, std::vector<Hit>& hits, Context& ctx, const Frame& frame,
    const std::string& title, bool home)
{
    auto& m = frame.metrics;
    float y = m.u(16);
    float bar_bottom = y + m.target + m.u(16);
    out.add(FillRect {
        { 0, 0, static_cast<float>(m.screen.width), bar_bottom }, palette::NAVY_LIGHT, 0 });
    float left = m.margin;
    if (home) {
        auto rect = draw_button(
            out, ctx, frame, { left, y }, ui_text::HOME[frame.lang], palette::TEAL, palette::WHITE);
        hits.push_back({ rect, { NavKind::Home, {}, frame.lang } });
        left = rect.right() + m.u(24);
    }
    // Language switch, right-aligned: each language named in itself; the current one filled.
    float right = static_cast<float>(m.screen.width) - m.margin;
    for (int i = 2; i >= 0; --i) {
        auto lang = static_cast<Lang>(i);
        bool current = lang == frame.lang;
        Frame label_frame = frame;
        label_frame.lang = lang; // each name is shaped in its own language
        auto rect = draw_button(out, ctx, label_frame, { right, y }, ui_text::LANG_NAMES[i],
            current ? palette::SAND : palette::NAVY, current ? palette::NAVY : palette::WHITE, true,
            !current);
        hits.push_back({ rect, { NavKind::SetLang, {}, lang } });
        right = rect.x - m.u(12);
    }
    if (title.empty())
        return bar_bottom;
    auto s = style(TextRole::Heading, frame.lang, Weight::Bold);
    s.max_lines = 1;
    s.valign = VAlign::Middle;
    if (right - left >= m.u(480)) {
        out.add(DrawText {
            title, s, { left + m.u(8), y, right - left - m.u(24), m.target }, palette::WHITE });
        return bar_bottom;
    }
    // Too narrow beside the buttons (portrait): the title gets a row of its own under the bar.
    s.max_lines = 2;
    float width = static_cast<float>(m.screen.width) - 2 * m.margin;
    auto layout = layout_text(title, s, { static_cast<int>(width), static_cast<int>(m.u(140)) },
        m.type_basis(), ctx.fonts);
    float row_h = layout.height + m.u(24);
    out.add(FillRect {
        { 0, bar_bottom, static_cast<float>(m.screen.width), row_h }, palette::NAVY_LIGHT, 0 });
    out.add(DrawText {
        title, s, { m.margin, bar_bottom + m.u(4), width, layout.height + 1 }, palette::WHITE });
    return bar_bottom + row_h;
}

void draw_source_line(
    DrawList& out, Context& ctx, const Frame& frame, const std::string& source_id, Rect area)
{
    auto* source = ctx.exhibition.find_source(source_id);
    if (!source)
        return;
    std::string text = ui_text::SOURCE[frame.lang] + (frame.lang == Lang::Ja ? "：" : ": ")
        + source->title[frame.lang];
    if (!source->publisher.empty())
        text += " — " + source->publisher;
    else if (!source->author.empty())
        text += " — " + source->author;
    auto s = style(TextRole::Caption, frame.lang);
    s.max_lines = 2;
    out.add(DrawText { text, s, area, palette::MUTED });
}

void draw_card(DrawList& out, Context& ctx, const Frame& frame, Rect rect, const std::string& image,
    const std::string& title, const std::string& subtitle, bool compact)
{
    auto& m = frame.metrics;
    bool pressed = pressed_in(frame, rect);
    Rect r = pressed ? rect.inset(m.u(4)) : rect;
    out.add(FillRect { r, pressed ? Color { 225, 218, 205, 255 } : palette::SAND, m.u(24) });
    // The picture takes the left part of a wide card (up to 40 % of it, 16:9 at most), the top
    // of a tall one.
    bool wide = r.w > r.h * 1.6f;
    float pic_h = r.h - m.u(32);
    Rect pic = wide
        ? Rect { r.x + m.u(16), r.y + m.u(16), std::min(r.w * 0.4f, pic_h * 16.0f / 9.0f), pic_h }
        : Rect { r.x + m.u(16), r.y + m.u(16), r.w - m.u(32), r.h * 0.55f - m.u(16) };
    if (!image.empty())
        out.add(DrawImage { image, pic, 1.0f, 1.0f, {} });
    Rect text = wide ? Rect { pic.right() + m.u(24), r.y + m.u(20),
        r.right() - pic.right() - m.u(44), r.h - m.u(40) }
                     : Rect { r.x + m.u(24), pic.bottom() + m.u(12), r.w - m.u(48),
                           r.bottom() - pic.bottom() - m.u(24) };
    // Compact cards (many to a screen) set their titles a step smaller, on up to three lines.
    auto title_style = style(compact ? TextRole::Label : TextRole::Heading, frame.lang,
        Weight::Bold, wide ? Align::Start : Align::Center);
    title_style.max_lines = compact ? 3 : 2;
    if (subtitle.empty()) {
        title_style.valign = wide ? VAlign::Middle : VAlign::Top;
        out.add(DrawText { title, title_style, text, palette::NAVY });
        return;
    }
    // The line below the title keeps its own room; the title fits (or shrinks) above it.
    auto sub_style = style(compact ? TextRole::Caption : TextRole::Label, frame.lang,
        Weight::Regular, wide ? Align::Start : Align::Center);
    float sub_min_h = static_cast<float>(type_scale_px(sub_style.role, m.type_basis())) * 1.5f;
    float title_room = std::max(0.0f, text.h - sub_min_h - m.u(8));
    auto layout = layout_text(title, title_style,
        { static_cast<int>(text.w), static_cast<int>(title_room) }, m.type_basis(), ctx.fonts);
    float title_h = std::min(layout.height + 1, title_room);
    out.add(DrawText { title, title_style, { text.x, text.y, text.w, title_h }, palette::NAVY });
    float y = text.y + title_h + m.u(8);
    out.add(
        DrawText { subtitle, sub_style, { text.x, y, text.w, text.bottom() - y }, palette::SEA });
}

std::vector<Rect> grid_cells(Rect area, size_t count, size_t columns, float gap, float cell_h)
{
    std::vector<Rect> cells;
    if (count == 0 || columns == 0)
        return cells;
    float w = (area.w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    for (size_t i = 0; i < count; ++i) {
        size_t row = i / columns, col = i % columns;
        cells.push_back({ area.x + static_cast<float>(col) * (w + gap),
            area.y + static_cast<float>(row) * (cell_h + gap), w, cell_h });
    }
    return cells;
}

} // namespace kiosk::screens
