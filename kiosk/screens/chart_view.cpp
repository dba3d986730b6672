// Chart drawing. The chart's title is its takeaway, one line on top. Bars and lines: one measure
// on a value axis from zero with round ticks, the unit written on the axis, every value on its
// bar and every label (a year, a place) below; all bars one colour. Figures: numbers that are not
// comparable side by side as tiles, each with its own label, no shared axis. Share: the whole as
// one bar with its parts filled in and the share in percent.
#include "kiosk/screens/chart_view.h"

#include "kiosk/core/chart_scale.h"
#include "kiosk/core/number_format.h"
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/ui_text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {

using namespace core;

std::string format_value(const ChartPoint& point, const Text3& unit, Lang lang)
{
    std::string number = format_number(point.value, lang);
    const std::string& u = unit[lang];
    // A unit with "{}" places the number itself: Japanese counts in 億 and 万, so 27 billion is
    // "{}0億米ドル" -> 270億米ドル, where appending "10億米ドル" would read 2710億.
    if (auto at = u.find("{}"); at != std::string::npos) {
        std::string about = point.approx ? (lang == Lang::Ja ? "約" : "~") : "";
        return about + u.substr(0, at) + number + u.substr(at + 2);
    }
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

namespace {

struct Ink {
    Color text, soft, grid, bar, track;
};

std::string percent_text(double percent, Lang lang)
{
    auto number = format_number(percent, lang, 1);
    return lang == Lang::Ja ? number + "%" : number + " %";
}

void draw_axes_chart(
    DrawList& out, Context& ctx, const Frame& frame, const Chart& chart, Rect area, const Ink& ink)
{
    auto& m = frame.metrics;
    Lang lang = frame.lang;
    auto tick_style = style(TextRole::Caption, lang, Weight::Regular, Align::End);
    tick_style.max_lines = 1;
    tick_style.valign = VAlign::Middle;
    auto unit_style = style(TextRole::Caption, lang, Weight::Bold);
    auto label_style = style(TextRole::Label, lang, Weight::Regular, Align::Center);
    label_style.max_lines = 2;
    auto value_style = style(TextRole::Label, lang, Weight::Bold, Align::Center);
    value_style.max_lines = 2;
    value_style.valign = VAlign::Bottom;

    double largest = 0;
    for (auto& p : chart.points)
        largest = std::max(largest, p.value);
    auto scale = nice_axis(largest, 4);
    // The widest tick label sets the axis' room on the left.
    float tick_w = 0;
    for (double t : scale.ticks)
        tick_w = std::max(tick_w, text_width(ctx, frame, format_number(t, lang), tick_style));
    float unit_h = text_height(ctx, frame, chart.unit[lang], unit_style, area.w);
    size_t n = chart.points.size();
    float label_h = 0;
    float slot_guess = (area.w - tick_w - m.u(24)) / static_cast<float>(std::max<size_t>(n, 1));
    for (auto& p : chart.points)
        label_h = std::max(
            label_h, text_height(ctx, frame, p.label[lang], label_style, slot_guess - m.u(8)));
    float value_h = static_cast<float>(type_scale_px(TextRole::Label, m.type_basis())) * 2.8f;
    Rect plot { area.x + tick_w + m.u(24), area.y + unit_h + m.u(12) + value_h,
        area.w - tick_w - m.u(24), area.h - unit_h - m.u(12) - value_h - label_h - m.u(16) };
    if (plot.h < m.u(60) || n == 0)
        return;
    // The unit heads the value axis.
    out.add(
        DrawText { chart.unit[lang], unit_style, { area.x, area.y, area.w, unit_h }, ink.soft });
    float tick_h = static_cast<float>(type_scale_px(TextRole::Caption, m.type_basis())) * 1.6f;
    for (double t : scale.ticks) {
        float y = plot.bottom() - static_cast<float>(t / scale.top) * plot.h;
        out.add(DrawLine { { plot.x, y }, { plot.right(), y }, t == 0 ? ink.soft : ink.grid,
            t == 0 ? m.u(3) : m.u(2) });
        out.add(DrawText { format_number(t, lang), tick_style,
            { area.x, y - tick_h / 2, tick_w, tick_h }, ink.soft });
    }
    float slot = plot.w / static_cast<float>(n);
    std::vector<Point> tops;
    for (size_t i = 0; i < n; ++i) {
        auto& p = chart.points[i];
        float h = static_cast<float>(std::max(0.0, p.value) / scale.top) * plot.h;
        float cx = plot.x + slot * (static_cast<float>(i) + 0.5f);
        tops.push_back({ cx, plot.bottom() - h });
        if (chart.kind == ChartKind::Bar) {
            float bw = std::min(slot * 0.6f, m.u(200));
            if (h > 0)
                out.add(FillRect { { cx - bw / 2, plot.bottom() - h, bw, h }, ink.bar,
                    std::min({ m.u(8), bw / 4, h / 2 }) });
        }
        out.add(DrawText { format_value(p, chart.unit, lang), value_style,
            { cx - slot / 2 + m.u(4), plot.bottom() - h - value_h, slot - m.u(8),
                value_h - m.u(8) },
            ink.text });
        out.add(DrawText { p.label[lang], label_style,
            { cx - slot / 2 + m.u(4), plot.bottom() + m.u(12), slot - m.u(8), label_h },
            ink.text });
    }
    if (chart.kind == ChartKind::Line) {
        for (size_t i = 1; i < tops.size(); ++i)
            out.add(DrawLine { tops[i - 1], tops[i], ink.bar, m.u(6) });
        for (auto& t : tops)
            out.add(
                FillRect { { t.x - m.u(10), t.y - m.u(10), m.u(20), m.u(20) }, ink.bar, m.u(10) });
    }
}

// Each figure a tile: the number large, its label under it. Side by side when there is room,
// stacked otherwise.
void draw_figures(
    DrawList& out, Context& ctx, const Frame& frame, const Chart& chart, Rect area, const Ink& ink)
{
    auto& m = frame.metrics;
    Lang lang = frame.lang;
    size_t n = chart.points.size();
    if (n == 0)
        return;
    bool stacked = area.w / static_cast<float>(n) < m.u(280);
    float gap = m.u(24);
    // Large where the tiles are wide, a step smaller in narrow ones (never shrunk to fit).
    bool roomy = (stacked ? area.w : area.w / static_cast<float>(n)) >= m.u(480);
    auto number_style
        = style(roomy ? TextRole::Title : TextRole::Heading, lang, Weight::Bold, Align::Center);
    auto label_style = style(TextRole::Label, lang, Weight::Regular, Align::Center);
    for (size_t i = 0; i < n; ++i) {
        Rect tile = stacked
            ? Rect { area.x,
                  area.y + static_cast<float>(i) * (area.h + gap) / static_cast<float>(n), area.w,
                  (area.h + gap) / static_cast<float>(n) - gap }
            : Rect { area.x + static_cast<float>(i) * (area.w + gap) / static_cast<float>(n),
                  area.y, (area.w + gap) / static_cast<float>(n) - gap, area.h };
        out.add(FillRect { tile, ink.track, m.u(20) });
        Rect inner = tile.inset(m.u(16));
        auto value = format_value(chart.points[i], chart.unit, lang);
        float value_h = text_height(ctx, frame, value, number_style, inner.w);
        float label_h = text_height(ctx, frame, chart.points[i].label[lang], label_style, inner.w);
        float y = inner.y + std::max(0.0f, (inner.h - value_h - m.u(8) - label_h) / 2);
        out.add(DrawText { value, number_style, { inner.x, y, inner.w, value_h }, ink.bar });
        y += value_h + m.u(8);
        out.add(DrawText { chart.points[i].label[lang], label_style,
            { inner.x, y, inner.w, std::max(0.0f, std::min(label_h, inner.bottom() - y)) },
            ink.text });
    }
}

// The whole as a bar with each part filled in from the left, its share in percent on it.
void draw_share(
    DrawList& out, Context& ctx, const Frame& frame, const Chart& chart, Rect area, const Ink& ink)
{
    auto& m = frame.metrics;
    Lang lang = frame.lang;
    if (chart.points.size() < 2)
        return;
    auto& whole = chart.points[0];
    auto big = style(TextRole::Display, lang, Weight::Bold, Align::Center);
    auto label_style = style(TextRole::Label, lang, Weight::Regular, Align::Center);
    double part_sum = 0;
    for (size_t i = 1; i < chart.points.size(); ++i)
        part_sum += chart.points[i].value;
    auto headline = percent_text(share_percent(part_sum, whole.value), lang);
    float big_h = text_height(ctx, frame, headline, big, area.w);
    std::string caption;
    for (size_t i = 1; i < chart.points.size(); ++i)
        caption += (i > 1 ? " · " : "") + chart.points[i].label[lang] + ": "
            + format_value(chart.points[i], chart.unit, lang);
    std::string whole_text = whole.label[lang] + ": " + format_value(whole, chart.unit, lang);
    float caption_h = text_height(ctx, frame, caption, label_style, area.w);
    float whole_h = text_height(ctx, frame, whole_text, label_style, area.w);
    float bar_h = m.u(72);
    float total_h = big_h + m.u(16) + bar_h + m.u(20) + caption_h + m.u(8) + whole_h;
    float y = area.y + std::max(0.0f, (area.h - total_h) / 2);
    out.add(DrawText { headline, big, { area.x, y, area.w, big_h }, ink.bar });
    y += big_h + m.u(16);
    Rect bar { area.x, y, area.w, bar_h };
    out.add(FillRect { bar, ink.track, m.u(12) });
    float x = bar.x;
    for (size_t i = 1; i < chart.points.size(); ++i) {
        float w = static_cast<float>(share_percent(chart.points[i].value, whole.value, 3) / 100)
            * bar.w;
        out.add(FillRect { { x, bar.y, w, bar.h }, ink.bar, m.u(12) });
        x += w;
    }
    y += bar_h + m.u(20);
    out.add(DrawText { caption, label_style, { area.x, y, area.w, caption_h }, ink.text });
    y += caption_h + m.u(8);
    out.add(DrawText { whole_text, label_style, { area.x, y, area.w, whole_h }, ink.soft });
}

} // namespace

void draw_chart(DrawList& out, Context& ctx, const Frame& frame, const Chart& chart, Rect area,
    float alpha, bool on_light)
{
    auto& m = frame.metrics;
    auto fade = [&](Color c) {
        c.a = static_cast<uint8_t>(std::clamp(alpha, 0.0f, 1.0f) * static_cast<float>(c.a));
        return c;
    };
    Ink ink { fade(on_light ? palette::NAVY : palette::WHITE),
        fade(on_light ? palette::SEA : palette::MUTED),
        fade(on_light ? Color { 215, 208, 196, 255 } : palette::NAVY_LIGHT), fade(palette::SEA),
        fade(on_light ? Color { 232, 225, 213, 255 } : palette::NAVY_LIGHT) };
    // The takeaway, as the title.
    auto title_style = style(TextRole::Heading, frame.lang, Weight::Bold, Align::Center);
    float title_h = text_height(ctx, frame, chart.title[frame.lang], title_style, area.w);
    out.add(DrawText {
        chart.title[frame.lang], title_style, { area.x, area.y, area.w, title_h }, ink.text });
    Rect body { area.x, area.y + title_h + m.u(24), area.w, area.h - title_h - m.u(24) };
    if (body.h <= 0 || chart.points.empty())
        return;
    switch (chart.kind) {
    case ChartKind::Bar:
    case ChartKind::Line:
        draw_axes_chart(out, ctx, frame, chart, body, ink);
        break;
    case ChartKind::Figures:
        draw_figures(out, ctx, frame, chart, body, ink);
        break;
    case ChartKind::Share:
        draw_share(out, ctx, frame, chart, body, ink);
        break;
    }
}

} // namespace kiosk::screens
