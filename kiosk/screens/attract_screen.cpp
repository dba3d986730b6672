// Attract loop timing and drawing. The loop keeps no growing state: an index, a step counter and
// the start time of the current slide.
#include "kiosk/screens/attract_screen.h"

#include "kiosk/screens/chrome.h"
#include "kiosk/screens/map_screen.h"
#include "kiosk/screens/slide_screen.h"
#include "kiosk/screens/ui_text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {

using namespace core;

AttractScreen::AttractScreen(Context ctx, AttractConfig config)
    : m_ctx(ctx)
    , m_config(std::move(config))
{
    if (m_config.langs.empty())
        m_config.langs = { ctx.exhibition.meta.default_lang };
    // The slides in order, with a fly-over between the twin cities after every few of them,
    // taking the partnerships in turn.
    size_t flights = 0;
    auto slides = ctx.exhibition.attract_slides();
    for (size_t i = 0; i < slides.size(); ++i) {
        m_items.push_back({ slides[i], nullptr, slides[i]->duration_ms });
        bool due = m_config.map && m_config.flyover_every && (i + 1) % m_config.flyover_every == 0;
        if (due && !ctx.exhibition.partnerships.empty()) {
            auto& p = ctx.exhibition.partnerships[flights++ % ctx.exhibition.partnerships.size()];
            if (p.place_ids.size() >= 2)
                m_items.push_back({ nullptr, &p, m_config.flyover_ms });
        }
    }
}

void AttractScreen::start_item(TimeMs now_ms)
{
    if (m_items.empty() || !m_items[m_index].flyover)
        return;
    if (auto* map = m_config.map()) {
        auto& ids = m_items[m_index].flyover->place_ids;
        // Over the first city for a moment, then across to its twin, ending a little early.
        map->fly_over(ids[0], ids[1], m_items[m_index].duration_ms * 2 / 3);
        map->enter(now_ms);
    }
}

void AttractScreen::enter(TimeMs now_ms)
{
    m_index = 0;
    m_step = 0;
    m_slide_start_ms = now_ms;
    m_ahead_step.reset();
    start_item(now_ms);
}

const Slide* AttractScreen::current() const
{
    return m_items.empty() ? nullptr : m_items[m_index].slide;
}

const Partnership* AttractScreen::current_flyover() const
{
    return m_items.empty() ? nullptr : m_items[m_index].flyover;
}

TimeMs AttractScreen::current_duration_ms() const
{
    return m_items.empty() ? 0 : m_items[m_index].duration_ms;
}

const Slide* AttractScreen::upcoming() const
{
    return m_items.empty() ? nullptr : m_items[(m_index + 1) % m_items.size()].slide;
}

Lang AttractScreen::lang_of(size_t step) const
{
    return m_config.langs[step % m_config.langs.size()];
}

bool AttractScreen::update(TimeMs now_ms)
{
    if (m_config.hold || m_items.empty())
        return false;
    bool changed = false;
    // Catch up item by item (a long stall skips ahead rather than replaying).
    for (int guard = 0; guard < 1000; ++guard) {
        TimeMs duration = m_items[m_index].duration_ms;
        if (now_ms - m_slide_start_ms < duration)
            break;
        m_slide_start_ms += duration;
        m_index = (m_index + 1) % m_items.size();
        ++m_step;
        changed = true;
    }
    if (changed)
        start_item(m_slide_start_ms);
    return changed;
}

std::optional<TimeMs> AttractScreen::next_frame_ms(TimeMs now_ms) const
{
    if (m_items.empty())
        return std::nullopt;
    TimeMs shown = now_ms - m_slide_start_ms;
    TimeMs end = m_slide_start_ms + m_items[m_index].duration_ms;
    if (m_items[m_index].flyover) {
        // Flying: the map's own pace (every frame while it moves), else the slow pace.
        auto* map = m_config.map ? m_config.map() : nullptr;
        auto next = map ? map->next_frame_ms(now_ms) : std::nullopt;
        return std::min(next.value_or(now_ms + m_config.slow_frame_ms), end);
    }
    bool after_slide = m_items[(m_index + m_items.size() - 1) % m_items.size()].slide != nullptr;
    if (m_step > 0 && after_slide && shown < m_config.fade_ms)
        return now_ms + 16; // cross-fading: every frame
    if (m_config.hold)
        return std::nullopt;
    return std::min(now_ms + m_config.slow_frame_ms, end);
}

void AttractScreen::draw_slide(DrawList& out, const Frame& frame, size_t step, float alpha,
    TimeMs shown_ms, bool draw_panel, float wipe_from, float wipe_to)
{
    auto& m = frame.metrics;
    size_t index = (m_index + m_items.size() - (m_step - step) % m_items.size()) % m_items.size();
    if (!m_items[index].slide)
        return;
    auto& slide = *m_items[index].slide;
    Frame slide_frame = frame;
    slide_frame.lang = lang_of(step);
    float top = m.u(40);
    // The partnership's name over the slide, so a passer-by knows whose story this is.
    auto* topic = m_ctx.exhibition.find_topic(slide.topic_id);
    auto* part = topic ? m_ctx.exhibition.find_partnership(topic->partnership_id) : nullptr;
    if (part) {
        auto s = style(TextRole::Heading, slide_frame.lang, Weight::Bold);
        s.max_lines = 2;
        s.valign = VAlign::Middle;
        Color gold = palette::GOLD;
        gold.a = static_cast<uint8_t>(alpha * 255);
        float name_w = static_cast<float>(m.screen.width) - 2 * m.margin;
        float name_h = text_height(m_ctx, slide_frame, part->name[slide_frame.lang], s, name_w);
        out.add(
            DrawText { part->name[slide_frame.lang], s, { m.margin, top, name_w, name_h }, gold });
        top += name_h - m.u(70);
    }
    float call_h = m.target + m.u(40);
    Rect area { m.margin, top + m.u(100), static_cast<float>(m.screen.width) - 2 * m.margin,
        static_cast<float>(m.screen.height) - top - m.u(100) - call_h - m.u(40) };
    draw_slide_body(out, m_ctx, slide_frame, slide, area, static_cast<float>(shown_ms) / 1000.0f,
        alpha, draw_panel, wipe_from, wipe_to);
}

void AttractScreen::draw_ahead(DrawList& out, const Frame& frame)
{
    // Once per slide: the next picture only needs decoding once.
    if (m_items.size() < 2 || m_ahead_step == m_step)
        return;
    m_ahead_step = m_step;
    ++m_index;
    m_index %= m_items.size();
    ++m_step;
    draw_slide(out, frame, m_step, 1.0f, 0);
    --m_step;
    m_index = (m_index + m_items.size() - 1) % m_items.size();
}

void AttractScreen::draw_content(DrawList& out, const Frame& frame)
{
    out.clear(palette::NAVY);
    auto& m = frame.metrics;
    float w = static_cast<float>(m.screen.width), h = static_cast<float>(m.screen.height);
    // The whole screen is one target: any touch opens the exhibition.
    add_hit({ 0, 0, w, h }, { NavKind::Home, {} });
    if (m_items.empty())
        return;
    TimeMs shown = frame.now_ms - m_slide_start_ms;
    auto& item = m_items[m_index];
    auto& previous = m_items[(m_index + m_items.size() - 1) % m_items.size()];
    float fade = m_step > 0 && previous.slide && item.slide
        ? std::clamp(static_cast<float>(shown) / static_cast<float>(m_config.fade_ms), 0.0f, 1.0f)
        : 1.0f;
    if (item.flyover) {
        draw_flyover(out, frame, *item.flyover);
    } else if (fade < 1.0f) {
        // The pictures wipe from left to right, eased; the old words fade out in the first half
        // and the new ones in during the second, so a frame blends only one set of words.
        float wipe = fade * fade * (3 - 2 * fade);
        draw_slide(out, frame, m_step - 1, std::max(0.0f, 1.0f - 2.0f * fade),
            shown + previous.duration_ms, true, wipe, 1.0f);
        draw_slide(
            out, frame, m_step, std::max(0.0f, 2.0f * fade - 1.0f), shown, false, 0.0f, wipe);
    } else {
        draw_slide(out, frame, m_step, 1.0f, shown);
    }

    // "Touch to explore", in all three languages, in a gently breathing pill.
    float call_h = m.target + m.u(8);
    std::string call = ui_text::TOUCH_TO_EXPLORE[Lang::Vi] + "  ·  "
        + ui_text::TOUCH_TO_EXPLORE[Lang::Ja] + "  ·  " + ui_text::TOUCH_TO_EXPLORE[Lang::En];
    auto s = style(TextRole::Label, frame.lang, Weight::Bold, Align::Center);
    s.max_lines = 1;
    s.valign = VAlign::Middle;
    float call_w = std::min(w - 2 * m.margin, text_width(m_ctx, frame, call, s) + m.u(96));
    float breathe = 0.5f + 0.5f * std::sin(static_cast<float>(frame.now_ms) / 1000.0f * 2.0f);
    Color fill = palette::RED;
    fill.a = static_cast<uint8_t>(200 + 55 * breathe);
    Rect pill { (w - call_w) / 2, h - m.u(40) - call_h - m.u(14), call_w, call_h };
    out.add(FillRect { pill, fill, call_h / 2 });
    out.add(DrawText { call, s, pill.inset(m.u(8)), palette::WHITE });

    // Progress through the current slide and the loop.
    TimeMs duration = item.duration_ms;
    float progress = std::clamp(
        static_cast<float>(shown) / static_cast<float>(std::max<TimeMs>(1, duration)), 0.0f, 1.0f);
    float bar_h = m.u(8);
    out.add(FillRect { { 0, h - bar_h, w, bar_h }, palette::NAVY_LIGHT, 0 });
    float segment = w / static_cast<float>(m_items.size());
    out.add(FillRect { { 0, h - bar_h, segment * (static_cast<float>(m_index) + progress), bar_h },
        palette::TEAL, 0 });
}

void AttractScreen::draw_flyover(DrawList& out, const Frame& frame, const Partnership& partnership)
{
    Lang lang = lang_of(m_step);
    auto* map = m_config.map ? m_config.map() : nullptr;
    if (map) {
        Frame map_frame = frame;
        map_frame.lang = lang;
        map->draw(out, map_frame);
    }
    // The partnership's name over the map, in the language of this turn.
    auto& m = frame.metrics;
    auto s = style(TextRole::Title, lang, Weight::Bold);
    s.max_lines = 1;
    float w = static_cast<float>(m.screen.width);
    auto name = partnership.name[lang];
    float name_w = std::min(w - 2 * m.margin, text_width(m_ctx, frame, name, s) + m.u(64));
    Rect plate { m.margin, m.u(40), name_w, m.u(110) };
    out.add(FillRect { plate, { 11, 36, 71, 220 }, m.u(24) });
    s.valign = VAlign::Middle;
    out.add(DrawText { name, s, plate.inset(m.u(16)), palette::GOLD });
}

} // namespace kiosk::screens
