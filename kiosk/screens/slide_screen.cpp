// Slide layout: landscape puts the picture left and the text right; portrait stacks them.
// Shares from the layout grid (Metrics::slide_picture_share).
#include "kiosk/screens/slide_screen.h"

#include "kiosk/core/video_timing.h"
#include "kiosk/screens/chart_view.h"
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/ui_text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {

using namespace core;

namespace {

constexpr float MAX_FILL_ZOOM = 1.5f; // a drawing zoomed in further loses too much of its sides

Color with_alpha(Color c, float alpha)
{
    c.a = static_cast<uint8_t>(std::clamp(alpha, 0.0f, 1.0f) * static_cast<float>(c.a));
    return c;
}

// A bold chevron pointing right (+1) or left (-1), centred in `r`.
void draw_chevron(DrawList& out, Rect r, int direction, float thickness)
{
    float cx = r.x + r.w / 2, cy = r.y + r.h / 2, s = r.h * 0.2f;
    float d = static_cast<float>(direction);
    Point tip { cx + d * s * 0.5f, cy };
    out.add(DrawLine { { cx - d * s * 0.5f, cy - s }, tip, palette::WHITE, thickness });
    out.add(DrawLine { { cx - d * s * 0.5f, cy + s }, tip, palette::WHITE, thickness });
}

} // namespace

VideoTiming video_timing(const Slide& slide)
{
    return { slide.video_info.duration_ms, slide.video_info.frame_rate, slide.video_loop };
}

bool SlideScreen::show(const std::string& slide_id)
{
    auto* slide = m_ctx.exhibition.find_slide(slide_id);
    if (!slide)
        return false;
    if (slide != m_slide)
        m_shown_from_ms.reset();
    m_slide = slide;
    m_siblings = m_ctx.exhibition.slides_of(slide->topic_id);
    auto it = std::find(m_siblings.begin(), m_siblings.end(), slide);
    m_index = it == m_siblings.end() ? 0 : static_cast<size_t>(it - m_siblings.begin());
    return true;
}

Nav SlideScreen::on_swipe(float dx, const Frame&)
{
    if (m_siblings.empty())
        return {};
    if (dx < 0 && m_index + 1 < m_siblings.size())
        return { NavKind::Slide, m_siblings[m_index + 1]->id };
    if (dx > 0 && m_index > 0)
        return { NavKind::Slide, m_siblings[m_index - 1]->id };
    return {};
}

void draw_slide_body(DrawList& out, Context& ctx, const Frame& frame, const Slide& slide, Rect area,
    float t_s, float alpha, bool draw_panel, float wipe_from, float wipe_to)
{
    auto& m = frame.metrics;
    Rect picture, text;
    // The grid's share for the picture: ~60 % of the width beside the text in landscape, ~55 %
    // of the height above it in portrait (the text and the controls then sit within reach).
    if (m.portrait) {
        // No taller than a 16:9 drawing zoomed to fill it allows (MAX_FILL_ZOOM), so no band of
        // empty panel shows above and below it.
        float drawing_h = (area.w - m.u(56)) * 9.0f / 16.0f * MAX_FILL_ZOOM + m.u(56);
        float ph = std::round(std::min(area.h * m.slide_picture_share, drawing_h));
        picture = { area.x, area.y, area.w, ph };
        text = { area.x, area.y + ph + m.u(32), area.w, area.h - ph - m.u(32) };
    } else {
        float pw = std::round(area.w * m.slide_picture_share);
        picture = { area.x, area.y, pw, area.h };
        text = { area.x + pw + m.u(48), area.y + m.u(8), area.w - pw - m.u(48), area.h - m.u(8) };
    }
    // The picture sits on a sand panel so the drawings keep their colours on the navy ground.
    // In a cross-fade the panel is drawn once, opaque, under both slides' pictures: two blended
    // panels would cost twice and show the navy through.
    if (draw_panel)
        out.add(FillRect { picture, palette::SAND, m.u(28) });
    Rect inner = picture.inset(m.u(28));
    // A photo's credit line sits under it on the panel (a photo fills its box, so a line over it
    // would hide part of the picture and read badly on a bright one).
    const std::string& credit = slide.image_credit[frame.lang];
    bool credited = !credit.empty() && !slide.image.empty() && slide.chart_id.empty();
    Rect credit_box;
    if (credited) {
        float line_h = static_cast<float>(type_scale_px(TextRole::Caption, m.type_basis())) * 1.5f;
        credit_box = { inner.x, inner.bottom() - line_h, inner.w, line_h };
        inner.h -= line_h + m.u(8);
    }
    // In a transition the pictures wipe (each shows its strip of the panel, fully opaque): a
    // wipe costs one picture's pixels, where blending two pictures costs several times that.
    bool wiping = wipe_from > 0.0f || wipe_to < 1.0f;
    if (!wiping || wipe_to > wipe_from) {
        if (wiping)
            out.add(PushClip { { inner.x + inner.w * wipe_from, picture.y,
                inner.w * (wipe_to - wipe_from), picture.h } });
        if (auto* chart
            = slide.chart_id.empty() ? nullptr : ctx.exhibition.find_chart(slide.chart_id)) {
            draw_chart(out, ctx, frame, *chart, inner, wiping ? 1.0f : alpha, /*on_light=*/true);
        } else if (!slide.video.empty()) {
            // A video in the picture's place, its poster until the first frame; no pan.
            TimeMs t_ms = static_cast<TimeMs>(std::lround(t_s * 1000.0f));
            out.add(DrawVideo { slide.video, slide.image, inner, wiping ? 1.0f : alpha,
                slide.image_focus, play_time_at(video_timing(slide), t_ms), slide.video_loop });
            if (credited) {
                auto caption = style(TextRole::Caption, frame.lang);
                caption.max_lines = 1;
                out.add(DrawText { credit, caption, credit_box,
                    with_alpha(palette::NAVY_LIGHT, wiping ? 1.0f : alpha) });
            }
        } else if (!slide.image.empty()) {
            // A slow drift across a picture drawn 6 % larger than its box: a few pixels a
            // second, always by whole pixels (no rescaling), gentle enough to read beside.
            // A drawing (16:9) is zoomed to fill its box, the pan then travelling over the part
            // cut off; a photo already fills it (cover, about its focus).
            Point pan { std::sin(t_s * 0.15f) * 0.8f, std::cos(t_s * 0.11f) * 0.6f };
            float zoom = 1.06f;
            if (slide.image.ends_with(".svg") && inner.w > 0 && inner.h > 0) {
                float aspect = inner.w / inner.h, drawing = 16.0f / 9.0f;
                zoom
                    = std::clamp(std::max(aspect / drawing, drawing / aspect), zoom, MAX_FILL_ZOOM);
            }
            out.add(DrawImage {
                slide.image, inner, wiping ? 1.0f : alpha, zoom, pan, slide.image_focus });
            if (credited) {
                auto caption = style(TextRole::Caption, frame.lang);
                caption.max_lines = 1;
                out.add(DrawText { credit, caption, credit_box,
                    with_alpha(palette::NAVY_LIGHT, wiping ? 1.0f : alpha) });
            }
        }
        if (wiping)
            out.add(PopClip {});
    }
    auto title_style = style(TextRole::Title, frame.lang, Weight::Bold);
    title_style.max_lines = 3;
    auto title = layout_text(slide.title[frame.lang], title_style,
        { static_cast<int>(text.w), static_cast<int>(text.h / 2) }, m.type_basis(), ctx.fonts);
    out.add(DrawText { slide.title[frame.lang], title_style,
        { text.x, text.y, text.w, title.height + 1 }, with_alpha(palette::WHITE, alpha) });
    float y = text.y + title.height + m.u(20);
    out.add(FillRect { { text.x, y, m.u(96), m.u(6) }, with_alpha(palette::GOLD, alpha), m.u(3) });
    y += m.u(36);
    auto body_style = style(TextRole::Body, frame.lang);
    float source_h = source_line_height(ctx, frame, slide.source_id, text.w);
    out.add(DrawText { slide.body[frame.lang], body_style,
        { text.x, y, text.w, text.bottom() - y - source_h - m.u(24) },
        with_alpha(palette::SAND, alpha) });
    draw_source_line(out, ctx, frame, slide.source_id, text);
}

void SlideScreen::enter(TimeMs now_ms)
{
    m_shown_from_ms = now_ms;
}

std::optional<TimeMs> SlideScreen::next_frame_ms(TimeMs now_ms) const
{
    // A still slide is drawn once; a video slide when its next frame is due.
    if (!m_slide || m_slide->video.empty() || !m_slide->chart_id.empty())
        return std::nullopt;
    TimeMs from = m_shown_from_ms.value_or(now_ms);
    auto next = next_video_frame_ms(video_timing(*m_slide), now_ms - from);
    return next ? std::optional(from + *next) : std::nullopt;
}

void SlideScreen::draw_ahead(DrawList& out, const Frame& frame)
{
    if (!m_slide || m_body_area.w <= 0 || m_ahead_for == m_slide)
        return;
    m_ahead_for = m_slide;
    for (size_t i : { m_index + 1, m_index - 1 }) {
        if (i < m_siblings.size())
            draw_slide_body(out, m_ctx, frame, *m_siblings[i], m_body_area, 0);
    }
}

void SlideScreen::draw_content(DrawList& out, const Frame& frame)
{
    out.clear(palette::NAVY);
    if (!m_slide)
        return;
    auto& m = frame.metrics;
    auto* topic = m_ctx.exhibition.find_topic(m_slide->topic_id);
    std::vector<Hit> hits;
    float top
        = draw_top_bar(out, hits, m_ctx, frame, topic ? topic->title[frame.lang] : std::string {});
    for (auto& hit : hits)
        add_hit(hit.rect, hit.nav);
    float bottom = static_cast<float>(m.screen.height) - m.margin - m.target;
    Rect area { m.margin, top + m.u(32), static_cast<float>(m.screen.width) - 2 * m.margin,
        bottom - top - m.u(64) };
    m_body_area = area;
    if (!m_shown_from_ms)
        m_shown_from_ms = frame.now_ms;
    draw_slide_body(out, m_ctx, frame, *m_slide, area,
        static_cast<float>(frame.now_ms - *m_shown_from_ms) / 1000.0f);

    // Bottom row: back to the topic, previous / next, and where we are among the topic's slides.
    float y = bottom;
    auto back = draw_button(out, m_ctx, frame, { m.margin, y }, ui_text::BACK[frame.lang],
        palette::NAVY_LIGHT, palette::WHITE);
    add_hit(back, { NavKind::Topic, m_slide->topic_id });
    // Next and previous keep their places whether or not the other is there; on the last slide
    // of a topic, Next becomes the way on to the partnership's next topic.
    float right = static_cast<float>(m.screen.width) - m.margin;
    float arrow_w = button_width(m_ctx, frame, " ");
    Rect next_slot { right - arrow_w, y, arrow_w, m.target };
    Rect prev_slot { next_slot.x - m.u(16) - arrow_w, y, arrow_w, m.target };
    if (m_index + 1 < m_siblings.size()) {
        auto next = draw_button(
            out, m_ctx, frame, { right, y }, " ", palette::TEAL, palette::WHITE, true);
        draw_chevron(out, next, +1, m.u(6));
        add_hit(next, { NavKind::Slide, m_siblings[m_index + 1]->id });
    } else if (auto* next_topic = following_topic()) {
        auto label = ui_text::NEXT_TOPIC[frame.lang] + ": " + next_topic->title[frame.lang];
        float max_w = right - back.right() - m.u(48);
        if (button_width(m_ctx, frame, label) > max_w)
            label = ui_text::NEXT_TOPIC[frame.lang];
        auto next = draw_button(
            out, m_ctx, frame, { right, y }, label, palette::TEAL, palette::WHITE, true);
        add_hit(next, { NavKind::Topic, next_topic->id });
        next_slot = next;
        prev_slot = { next.x - m.u(16) - arrow_w, y, arrow_w, m.target };
    }
    if (m_index > 0) {
        auto prev = draw_button(
            out, m_ctx, frame, { prev_slot.right(), y }, " ", palette::TEAL, palette::WHITE, true);
        draw_chevron(out, prev, -1, m.u(6));
        add_hit(prev, { NavKind::Slide, m_siblings[m_index - 1]->id });
    }
    // Dots for the slides of this topic: the current one gold and larger, the others plainly
    // visible on the navy (muted, not navy on navy).
    float dot = m.u(16), gap = m.u(16);
    float total = static_cast<float>(m_siblings.size()) * (dot + gap) - gap;
    float x = (static_cast<float>(m.screen.width) - total) / 2;
    if (x > back.right() + m.u(16) && x + total < prev_slot.x - m.u(16)) {
        for (size_t i = 0; i < m_siblings.size(); ++i) {
            bool current = i == m_index;
            float d = current ? dot * 1.5f : dot;
            out.add(FillRect { { x + (dot - d) / 2, y + (m.target - d) / 2, d, d },
                current ? palette::GOLD : palette::MUTED, d / 2 });
            x += dot + gap;
        }
    }
}

const Topic* SlideScreen::following_topic() const
{
    auto* topic = m_slide ? m_ctx.exhibition.find_topic(m_slide->topic_id) : nullptr;
    if (!topic)
        return nullptr;
    auto topics = m_ctx.exhibition.topics_of(topic->partnership_id);
    auto it = std::find(topics.begin(), topics.end(), topic);
    if (it == topics.end() || it + 1 == topics.end())
        return nullptr;
    return *(it + 1);
}

} // namespace kiosk::screens
