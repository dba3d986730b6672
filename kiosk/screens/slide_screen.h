// A slide: illustration (or chart) beside its title and text, the source in small type, and the
// way to the neighbouring slides of the same topic by swipe or arrow.
#pragma once

#include "kiosk/core/video_timing.h"
#include "kiosk/screens/screen.h"

namespace kiosk::screens {

class SlideScreen : public Screen {
public:
    explicit SlideScreen(Context ctx)
        : m_ctx(ctx)
    {
    }
    // Shows `slide_id` among the slides of its topic.
    bool show(const std::string& slide_id) override;
    const core::Slide* slide() const { return m_slide; }
    Nav on_swipe(float dx, const Frame& frame) override;
    // The neighbouring slides, laid out as they will be shown.
    void draw_ahead(core::DrawList& out, const Frame& frame) override;
    // The slide's own clock (its video) starts when it is shown.
    void enter(core::TimeMs now_ms) override;
    std::optional<core::TimeMs> next_frame_ms(core::TimeMs now_ms) const override;

    // The partnership's topic after this slide's, or nullptr on its last topic.
    const core::Topic* following_topic() const;

protected:
    void draw_content(core::DrawList& out, const Frame& frame) override;

private:
    Context m_ctx;
    const core::Slide* m_slide { nullptr };
    std::vector<const core::Slide*> m_siblings;
    size_t m_index { 0 };
    core::Rect m_body_area; // where the last frame put the slide body
    const core::Slide* m_ahead_for { nullptr }; // neighbours already drawn ahead for this slide
    std::optional<core::TimeMs> m_shown_from_ms; // when this slide came on screen
};

// A slide's video timing (core/video_timing.h): its probed duration and rate, looped or once.
core::VideoTiming video_timing(const core::Slide& slide);

// Draws one slide's picture and text into `area` (shared with the attract loop). `t` is the
// seconds the slide has been visible, for the slow pan and zoom of its illustration.
void draw_slide_body(core::DrawList& out, Context& ctx, const Frame& frame,
    const core::Slide& slide, core::Rect area, float t_s, float alpha = 1.0f,
    bool draw_panel = true, float wipe_from = 0.0f, float wipe_to = 1.0f);

} // namespace kiosk::screens
