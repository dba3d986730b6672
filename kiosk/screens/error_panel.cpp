// A dark panel along the bottom of the screen, a red rule on top, the heading in bold and the
// errors under it a line each (wrapped up to three lines). The panel is as tall as its text, at
// most half the screen; what does not fit is counted ("+ 4 more").
#include "kiosk/screens/error_panel.h"

#include "kiosk/screens/theme.h"

namespace kiosk::screens {

using namespace core;

void draw_error_panel(DrawList& out, FontMetrics& fonts, const Frame& frame,
    const std::string& heading, const std::vector<std::string>& errors)
{
    if (errors.empty())
        return;
    auto& m = frame.metrics;
    float w = static_cast<float>(m.screen.width), h = static_cast<float>(m.screen.height);
    float x = m.margin, text_w = w - 2 * m.margin;
    float pad = m.u(28), gap = m.u(12);
    // Half the screen at most: the slide that was on screen stays readable above it.
    float max_h = h * 0.5f;
    auto heading_style = style(TextRole::Label, Lang::En, Weight::Bold);
    heading_style.max_lines = 2;
    auto heading_layout = layout_text(heading, heading_style,
        { static_cast<int>(text_w), static_cast<int>(m.u(120)) }, m.type_basis(), fonts);
    auto line_style = style(TextRole::Label, Lang::En);
    line_style.max_lines = 3;
    line_style.fit = false;
    float more_h = static_cast<float>(type_scale_px(TextRole::Label, m.type_basis())) * 1.6f;
    // The lines that fit, measured before anything is drawn so the panel can be sized to them.
    float used = pad + heading_layout.height + m.u(28);
    std::vector<float> heights;
    for (size_t i = 0; i < errors.size(); ++i) {
        auto layout = layout_text(errors[i], line_style,
            { static_cast<int>(text_w), static_cast<int>(max_h) }, m.type_basis(), fonts);
        bool last = i + 1 == errors.size();
        if (used + layout.height + pad > max_h - (last ? 0 : more_h))
            break;
        heights.push_back(layout.height);
        used += layout.height + gap;
    }
    bool cut = heights.size() < errors.size();
    float panel_h = std::min(max_h, used + (cut ? more_h : 0) + pad);
    float y = h - panel_h;
    out.add(FillRect { { 0, y, w, panel_h }, Color { 20, 14, 18, 235 } });
    out.add(FillRect { { 0, y, w, m.u(8) }, palette::RED });
    y += pad;
    out.add(DrawText { heading, heading_style, { x, y, text_w, heading_layout.height + 1 },
        Color { 255, 190, 180, 255 } });
    y += heading_layout.height + m.u(28);
    for (size_t i = 0; i < heights.size(); ++i) {
        out.add(
            DrawText { errors[i], line_style, { x, y, text_w, heights[i] + 1 }, palette::WHITE });
        y += heights[i] + gap;
    }
    if (cut) {
        std::string more
            = "+ " + std::to_string(errors.size() - heights.size()) + " more (all on stderr)";
        out.add(DrawText { more, line_style, { x, y, text_w, more_h }, palette::MUTED });
    }
}

} // namespace kiosk::screens
