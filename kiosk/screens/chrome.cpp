// Shared chrome drawing.
#include "kiosk/screens/chrome.h"

#include "kiosk/screens/ui_text.h"

#include <cmath>

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

float draw_language_switch(
    DrawList& out, std::vector<Hit>& hits, Context& ctx, const Frame& frame, float y)
{
    // Right-aligned: each language named in itself; the current one filled.
    auto& m = frame.metrics;
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
    return right + m.u(12);
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
    float right = draw_language_switch(out, hits, ctx, frame, y) - m.u(12);
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

namespace {

std::string source_text(Context& ctx, const Frame& frame, const std::string& source_id)
{
    auto* source = ctx.exhibition.find_source(source_id);
    if (!source)
        return {};
    std::string text = ui_text::SOURCE[frame.lang] + (frame.lang == Lang::Ja ? "：" : ": ")
        + source->title[frame.lang];
    if (!source->publisher.empty())
        text += " — " + source->publisher;
    else if (!source->author.empty())
        text += " — " + source->author;
    return text;
}

TextStyle source_style(const Frame& frame)
{
    auto s = style(TextRole::Caption, frame.lang);
    s.max_lines = 3;
    return s;
}

} // namespace

float text_height(
    Context& ctx, const Frame& frame, const std::string& text, const TextStyle& style, float width)
{
    if (text.empty())
        return 0;
    auto unbounded = style;
    unbounded.max_lines = 0;
    auto layout = layout_text(
        text, unbounded, { static_cast<int>(width), 0 }, frame.metrics.type_basis(), ctx.fonts);
    return std::ceil(layout.height);
}

float source_line_height(
    Context& ctx, const Frame& frame, const std::string& source_id, float width)
{
    return text_height(ctx, frame, source_text(ctx, frame, source_id), source_style(frame), width);
}

void draw_source_line(
    DrawList& out, Context& ctx, const Frame& frame, const std::string& source_id, Rect area)
{
    auto text = source_text(ctx, frame, source_id);
    if (text.empty())
        return;
    auto s = source_style(frame);
    float h = std::min(area.h, text_height(ctx, frame, text, s, area.w));
    out.add(DrawText { text, s, { area.x, area.bottom() - h, area.w, h }, palette::MUTED });
}

void draw_card(DrawList& out, Context& ctx, const Frame& frame, Rect rect, const std::string& image,
    const std::string& title, const std::string& subtitle, bool compact)
{
    auto& m = frame.metrics;
    bool pressed = pressed_in(frame, rect);
    Rect r = pressed ? rect.inset(m.u(4)) : rect;
    out.add(FillRect { r, pressed ? Color { 225, 218, 205, 255 } : palette::SAND, m.u(24) });
    // Every picture is framed the same way: a 16:9 window (the drawings' own shape), at the left
    // of a wide card, at the top of a tall one.
    bool wide = !compact && r.w > r.h * 1.8f;
    float pad = m.u(16);
    Rect pic;
    if (wide) {
        float ph = r.h - 2 * pad;
        pic = { r.x + pad, r.y + pad, std::min(r.w * 0.32f, ph * 16.0f / 9.0f), ph };
    } else {
        float pw = r.w - 2 * pad;
        float ph = std::min(pw * 9.0f / 16.0f, r.h * 0.52f);
        float fw = ph * 16.0f / 9.0f;
        pic = { r.x + (r.w - fw) / 2, r.y + pad, fw, ph };
    }
    if (!image.empty())
        out.add(DrawImage { image, pic, 1.0f, 1.0f, {} });
    else
        pic = wide ? Rect { r.x, r.y, 0, r.h } : Rect { r.x, r.y, r.w, 0 };
    Rect text = wide ? Rect { pic.right() + m.u(28), r.y + m.u(16),
        r.right() - pic.right() - m.u(52), r.h - m.u(32) }
                     : Rect { r.x + m.u(24), pic.bottom() + m.u(14), r.w - m.u(48),
                           r.bottom() - pic.bottom() - m.u(28) };
    // Compact cards (many to a screen) set their titles a step smaller. Titles and the line below
    // keep their sizes; what does not fit is an overflow for the content check.
    auto title_style = style(compact ? TextRole::Label : TextRole::Heading, frame.lang,
        Weight::Bold, wide ? Align::Start : Align::Center);
    title_style.max_lines = 3;
    auto sub_style = style(compact ? TextRole::Caption : TextRole::Label, frame.lang,
        Weight::Regular, wide ? Align::Start : Align::Center);
    float title_h = std::min(text.h, text_height(ctx, frame, title, title_style, text.w));
    float sub_h = subtitle.empty() ? 0 : text_height(ctx, frame, subtitle, sub_style, text.w);
    float gap = subtitle.empty() ? 0 : m.u(8);
    // A wide card centres its words beside the picture; a tall one starts them under it.
    float y = wide ? text.y + std::max(0.0f, (text.h - title_h - gap - sub_h) / 2) : text.y;
    out.add(DrawText { title, title_style, { text.x, y, text.w, title_h }, palette::NAVY });
    if (subtitle.empty())
        return;
    y += title_h + gap;
    out.add(DrawText { subtitle, sub_style,
        { text.x, y, text.w, std::max(0.0f, text.bottom() - y) }, palette::SEA });
}

void draw_icon_card(DrawList& out, Context& ctx, const Frame& frame, Rect rect,
    const std::string& icon, const std::string& title, const std::string& text)
{
    auto& m = frame.metrics;
    bool pressed = pressed_in(frame, rect);
    Rect r = pressed ? rect.inset(m.u(4)) : rect;
    out.add(FillRect { r, pressed ? Color { 225, 218, 205, 255 } : palette::SAND, m.u(24) });
    float pad = m.u(24);
    float side = std::min(m.u(128), r.h * 0.4f);
    Rect pic { r.x + pad, r.y + pad, side, side };
    if (!icon.empty())
        out.add(DrawImage { icon, pic, 1.0f, 1.0f, {} });
    auto title_style = style(TextRole::Heading, frame.lang, Weight::Bold);
    title_style.max_lines = 3;
    float title_x = icon.empty() ? r.x + pad : pic.right() + m.u(20);
    float title_w = r.right() - pad - title_x;
    float title_h = text_height(ctx, frame, title, title_style, title_w);
    // The title beside the icon, centred on it when it is shorter.
    float title_y = pic.y + std::max(0.0f, (side - title_h) / 2);
    out.add(DrawText { title, title_style, { title_x, title_y, title_w, title_h }, palette::NAVY });
    float y = std::max(pic.bottom(), title_y + title_h) + m.u(14);
    auto text_style = style(TextRole::Caption, frame.lang);
    out.add(DrawText { text, text_style,
        { r.x + pad, y, r.w - 2 * pad, std::max(0.0f, r.bottom() - pad - y) }, palette::SEA });
}

std::vector<Rect> grid_cells(Rect area, size_t count, size_t columns, float gap, float cell_h)
{
    std::vector<Rect> cells;
    if (count == 0 || columns == 0)
        return cells;
    float w = (area.w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    size_t full_rows = count / columns;
    size_t rest = count % columns;
    for (size_t i = 0; i < count; ++i) {
        size_t row = i / columns, col = i % columns;
        // A short last row shares the whole width, so the grid never has a hole (5 = 3 + 2).
        float cw = w;
        if (row == full_rows && rest > 0)
            cw = (area.w - gap * static_cast<float>(rest - 1)) / static_cast<float>(rest);
        cells.push_back({ area.x + static_cast<float>(col) * (cw + gap),
            area.y + static_cast<float>(row) * (cell_h + gap), cw, cell_h });
    }
    return cells;
}

} // namespace kiosk::screens
