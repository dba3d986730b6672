// The browsing screens between home and a slide: a partnership's topics, a topic's slides and
// charts, one chart full size, and the timeline. Each owns only which item it shows (and, for the
// timeline, its scroll position).
#pragma once

#include "kiosk/core/scroller.h"
#include "kiosk/screens/screen.h"

namespace kiosk::screens {

class PartnershipScreen : public Screen {
public:
    explicit PartnershipScreen(Context ctx)
        : m_ctx(ctx)
    {
    }
    bool show(const std::string& id) override;

protected:
    void draw_content(core::DrawList& out, const Frame& frame) override;

private:
    Context m_ctx;
    const core::Partnership* m_partnership { nullptr };
};

class TopicScreen : public Screen {
public:
    explicit TopicScreen(Context ctx)
        : m_ctx(ctx)
    {
    }
    bool show(const std::string& id) override;
    void enter(core::TimeMs now_ms) override { m_scroller.reset(now_ms); }
    void on_pan(core::Point delta, core::Point velocity, const Frame& frame) override;
    void on_pan_end(core::Point velocity, const Frame& frame) override;
    std::optional<core::TimeMs> next_frame_ms(core::TimeMs now_ms) const override;

protected:
    void draw_content(core::DrawList& out, const Frame& frame) override;

private:
    Context m_ctx;
    const core::Topic* m_topic { nullptr };
    core::Scroller m_scroller; // vertical, through the cards
};

class ChartScreen : public Screen {
public:
    explicit ChartScreen(Context ctx)
        : m_ctx(ctx)
    {
    }
    bool show(const std::string& id) override;

protected:
    void draw_content(core::DrawList& out, const Frame& frame) override;

private:
    Context m_ctx;
    const core::Chart* m_chart { nullptr };
};

// 1963 → 2024 on one horizontal (landscape) or vertical (portrait) strip, dragged with inertia.
class TimelineScreen : public Screen {
public:
    explicit TimelineScreen(Context ctx)
        : m_ctx(ctx)
    {
    }
    void enter(core::TimeMs now_ms) override { m_scroller.reset(now_ms); }
    void on_pan(core::Point delta, core::Point velocity, const Frame& frame) override;
    void on_pan_end(core::Point velocity, const Frame& frame) override;
    std::optional<core::TimeMs> next_frame_ms(core::TimeMs now_ms) const override;
    float scroll() const { return m_scroller.offset(); }

protected:
    void draw_content(core::DrawList& out, const Frame& frame) override;

private:
    Context m_ctx;
    core::Scroller m_scroller; // along the strip: x in landscape, y in portrait
};

} // namespace kiosk::screens
