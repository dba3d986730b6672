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

Rect draw_button(DrawList& out, Context& ctx, const Frame& frame, Point at,
    const std::string& label, Color fill, Color text, bool align_right)
{
    auto& m = frame.metrics;
    auto s = style(TextRole::Label, frame.lang, Weight::Bold, Align::Center);
    s.valign = VAlign::Middle;
    s.max_lines = 1;
    float w = std::max(m.target * 1.4f, text_width(ctx, frame, label, s) + m.u(56));
    Rect rect { align_right ? at.x - w : at.x, at.y, w, m.target };
    // Pressed feedback within the frame: the button darkens and sinks a little.
    bool pressed = pressed_in(frame, rect);
    Color c = pressed ? Color { static_cast<uint8_t>(fill.r * 3 / 4),
        static_cast<uint8_t>(fill.g * 3 / 4), static_cast<uint8_t>(fill.b * 3 / 4), fill.a }
                      : fill;
    Rect drawn = pressed ? rect.inset(m.u(3)) : rect;
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
            current ? palette::SAND : palette::NAVY, current ? palette::NAVY : palette::WHITE,
            true);
        if (!current)
            out.add(StrokeRect { rect, palette::MUTED, m.u(2) });
        hits.push_back({ rect, { NavKind::SetLang, {}, lang } });
        right = rect.x - m.u(12);
    }
    if (!title.empty() && right - left > m.u(200)) {
        auto s = style(TextRole::Heading, frame.lang, Weight::Bold);
        s.max_lines = 1;
        s.valign = VAlign::Middle;
        out.add(DrawText {
            title, s, { left + m.u(8), y, right - left - m.u(24), m.target }, palette::WHITE });
    }
    return bar_bottom;
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

} // namespace kiosk::screens
