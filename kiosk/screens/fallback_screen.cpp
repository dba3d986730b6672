// The fallback screen's layout: three languages stacked in the middle (the reason is logged).
#include "kiosk/screens/fallback_screen.h"

#include "kiosk/screens/ui_text.h"

#include <cmath>
#include <numbers>

namespace kiosk::screens {

using namespace core;

FallbackScreen::FallbackScreen(FontMetrics& fonts, std::string reason)
    : m_fonts(fonts)
    , m_reason(std::move(reason))
{
}

void FallbackScreen::draw_content(DrawList& out, const Frame& frame)
{
    auto& m = frame.metrics;
    out.clear(palette::NAVY);
    float w = static_cast<float>(m.screen.width), h = static_cast<float>(m.screen.height);
    // A drawn emblem: two linked rings in the partnership colours (no image needed here).
    float r = m.u(70), cy = h * 0.22f;
    for (int ring = 0; ring < 2; ++ring) {
        float cx = w / 2 + (ring == 0 ? -r * 0.6f : r * 0.6f);
        Color c = ring == 0 ? palette::RED : palette::TEAL;
        const int steps = 48;
        for (int i = 0; i < steps; ++i) {
            float a0 = 2 * std::numbers::pi_v<float> * static_cast<float>(i) / steps;
            float a1 = 2 * std::numbers::pi_v<float> * static_cast<float>(i + 1) / steps;
            out.add(DrawLine { { cx + r * std::cos(a0), cy + r * std::sin(a0) },
                { cx + r * std::cos(a1), cy + r * std::sin(a1) }, c, m.u(14) });
        }
    }
    float y = cy + r + m.u(72);
    float text_w = std::min(w - 2 * m.margin, m.u(1500));
    float x = (w - text_w) / 2;
    for (auto lang : ALL_LANGS) {
        auto title_style = style(TextRole::Heading, lang, Weight::Bold, Align::Center);
        auto title = layout_text(ui_text::NOT_READY_TITLE[lang], title_style,
            { static_cast<int>(text_w), static_cast<int>(m.u(200)) }, m.type_basis(), m_fonts);
        out.add(DrawText { ui_text::NOT_READY_TITLE[lang], title_style,
            { x, y, text_w, title.height + 1 }, palette::WHITE });
        y += title.height + m.u(8);
        auto body_style = style(TextRole::Body, lang, Weight::Regular, Align::Center);
        auto body = layout_text(ui_text::NOT_READY_BODY[lang], body_style,
            { static_cast<int>(text_w), static_cast<int>(m.u(200)) }, m.type_basis(), m_fonts);
        out.add(DrawText { ui_text::NOT_READY_BODY[lang], body_style,
            { x, y, text_w, body.height + 1 }, palette::SAND });
        y += body.height + m.u(44);
    }
    // The technical reason is for staff: it goes to the log and the staff screen, never to
    // visitors (an English path means nothing to them).
}

} // namespace kiosk::screens
