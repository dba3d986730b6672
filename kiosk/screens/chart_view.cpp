// Chart drawing: a title, bars (or a line) scaled to the largest value from zero, each value
// printed above its bar and each label below, and the unit.
#include "kiosk/screens/chart_view.h"

#include "kiosk/core/number_format.h"
#include "kiosk/screens/ui_text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {

using namespace core;

std::string format_value(const ChartPoint& point, const Text3& unit, Lang lang)
{
    std::string number = format_number(point.value, lang);
    const std::string& u = unit[lang];
    switch (lang) {
    case Lang::Ja:
        return (point.approx ? "約" : "") + number + u;
    case Lang::Vi:
        return (point.approx ? "~" : "") + number + (u.empty() ? "" : " " + u);
    case Lang::En:
        return (point.approx ? "~" : "") + number + (u.empty() ? "" : " " + u);
    }
    return number;
}

void draw_chart(DrawList& out, Context& ctx, const Frame& frame, const Chart& chart, Rect area,
    float alpha, bool on_light)
{
    auto& m = frame.metrics;
    auto fade = [&](Color c) {
        c.a = static_cast<uint8_t>(std::clamp(alpha, 0.0f, 1.0f) * static_cast<float>(c.a));
        return c;
    };
    Color ink = fade(on_light ? palette::NAVY : palette::WHITE);
    Color soft = fade(on_light ? palette::SEA : palette::MUTED);
    auto title_style = style(TextRole::Heading, frame.lang, Weight::Bold, Align::Center);
    title_style.max_lines = 2;
    auto title = layout_text(chart.title[frame.lang], title_style,
        { static_cast<int>(area.w), static_cast<int>(area.h / 4) }, m.type_basis(), ctx.fonts);
    out.add(DrawText {
        chart.title[frame.lang], title_style, { area.x, area.y, area.w, title.height + 1 }, ink });

    auto label_style = style(TextRole::Caption, frame.lang, Weight::Regular, Align::Center);
    label_style.max_lines = 2;
    auto value_style = style(TextRole::Label, frame.lang, Weight::Bold, Align::Center);
    value_style.max_lines = 2;
    value_style.valign = VAlign::Bottom;
    float label_h = m.u(100);
    float value_h = m.u(80);
    Rect plot { area.x, area.y + title.height + m.u(24) + value_h, area.w,
        area.h - title.height - m.u(24) - value_h - label_h };
    if (plot.h < m.u(40) || chart.points.empty())
        return;
    double max_value = 0;
    for (auto& p : chart.points)
        max_value = std::max(max_value, p.value);
    if (max_value <= 0)
        max_value = 1;
    size_t n = chart.points.size();
    float slot = plot.w / static_cast<float>(n);
    out.add(DrawLine { { plot.x, plot.bottom() }, { plot.right(), plot.bottom() }, soft, m.u(3) });
    std::vector<Point> tops;
    for (size_t i = 0; i < n; ++i) {
        auto& p = chart.points[i];
        float h = static_cast<float>(p.value / max_value) * plot.h;
        float cx = plot.x + slot * (static_cast<float>(i) + 0.5f);
        tops.push_back({ cx, plot.bottom() - h });
        if (chart.kind == ChartKind::Bar) {
            float bw = std::min(slot * 0.6f, m.u(180));
            Color bar = i + 1 == n ? palette::TEAL : palette::SEA;
            out.add(FillRect {
                { cx - bw / 2, plot.bottom() - h, bw, h }, fade(bar), std::min(m.u(10), bw / 4) });
        }
        out.add(DrawText { format_value(p, chart.unit, frame.lang), value_style,
            { cx - slot / 2, plot.bottom() - h - value_h, slot, value_h - m.u(6) }, ink });
        out.add(DrawText { p.label[frame.lang], label_style,
            { cx - slot / 2, plot.bottom() + m.u(10), slot, label_h - m.u(10) }, soft });
    }
    if (chart.kind == ChartKind::Line) {
        for (size_t i = 1; i < tops.size(); ++i)
            out.add(DrawLine { tops[i - 1], tops[i], fade(palette::TEAL), m.u(6) });
        for (auto& t : tops)
            out.add(FillRect {
                { t.x - m.u(10), t.y - m.u(10), m.u(20), m.u(20) }, fade(palette::RED), m.u(10) });
    }
}

} // namespace kiosk::screens
