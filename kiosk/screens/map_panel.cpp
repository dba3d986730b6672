// The place panel; see map_panel.h.
#include "kiosk/screens/map_panel.h"

#include "kiosk/screens/chrome.h"
#include "kiosk/screens/map_style.h"
#include "kiosk/screens/map_text.h"

#include <algorithm>

namespace kiosk::screens {

using namespace core;

MapPanel draw_map_panel(
    DrawList& out, Context ctx, const Frame& frame, const Place& place_ref, const Rect& panel)
{
    MapPanel result;
    auto* place = &place_ref;
    auto& m = frame.metrics;
    out.add(FillRect { panel, palette::SAND, m.u(28) });
    Rect inner = panel.inset(m.u(32));

    // Close: a round button with a cross, top right.
    Rect close { panel.right() - m.u(16) - m.target, panel.y + m.u(16), m.target, m.target };
    bool pressed = pressed_in(frame, close);
    map_style::fill_circle(out, { close.x + close.w / 2, close.y + close.h / 2 },
        close.w / 2 - m.u(8), pressed ? palette::NAVY : palette::NAVY_LIGHT);
    float c = m.u(13);
    Point mid { close.x + close.w / 2, close.y + close.h / 2 };
    out.add(
        DrawLine { { mid.x - c, mid.y - c }, { mid.x + c, mid.y + c }, palette::WHITE, m.u(4) });
    out.add(
        DrawLine { { mid.x - c, mid.y + c }, { mid.x + c, mid.y - c }, palette::WHITE, m.u(4) });
    result.close = close;

    float y = inner.y;
    auto name_style = style(TextRole::Heading, frame.lang, Weight::Bold);
    name_style.max_lines = 2;
    float name_w = close.x - m.u(12) - inner.x;
    auto name = layout_text(place->name[frame.lang], name_style, { static_cast<int>(name_w), 0 },
        m.type_basis(), ctx.fonts);
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
        add_slide(ctx.exhibition.find_slide(id));
    for (auto& s : ctx.exhibition.slides) {
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
        return result;
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
        result.slides.push_back({ r, { NavKind::Slide, slide->id } });
        by += row;
    }
    return result;
}

} // namespace kiosk::screens
