// What every screen is: it draws itself into a DrawList for a frame, recording its touch targets
// as it goes, and answers taps and swipes with a navigation request. Screens own their state; the
// app owns the screens and the screen machine decides where a request leads.
#pragma once

#include "kiosk/core/clock.h"
#include "kiosk/core/content_model.h"
#include "kiosk/core/draw_list.h"
#include "kiosk/core/gesture.h"
#include "kiosk/core/layout.h"
#include "kiosk/screens/theme.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::screens {

enum class NavKind {
    None,
    Attract,
    Home,
    Back,
    Partnership,
    Topic,
    Slide,
    Map,
    Timeline,
    Chart,
    SetLang,
    NextSlide,
    PrevSlide,
    Staff,
    StaffAction, // `staff` says which
    Open, // id: any screen by its name in the registry, "kind" or "kind:id"
};

// What the staff screen asks of the app. Pin carries the digits in Nav::id, DefaultLang the
// language in Nav::lang; Key* stay inside the staff screen (its keypad).
enum class StaffCommand {
    None,
    Pin,
    Exit,
    Restart,
    Export,
    Close,
    DefaultLang,
    IdleLonger,
    IdleShorter,
    Rollback,
    KeyDigit, // id: the digit
    KeyDelete,
    KeyOk,
    Pattern,
    PatternOff,
};

struct Nav {
    NavKind kind { NavKind::None };
    std::string id;
    core::Lang lang { core::Lang::Vi };
    StaffCommand staff { StaffCommand::None };
    bool operator==(const Nav&) const = default;

    static Nav staff_command(StaffCommand command, std::string id = {})
    {
        return { NavKind::StaffAction, std::move(id), core::Lang::Vi, command };
    }
};

struct Hit {
    core::Rect rect;
    Nav nav;
};

// What a screen may read while drawing: the content and a way to measure text.
struct Context {
    const core::Exhibition& exhibition;
    core::FontMetrics& fonts;
};

struct Frame {
    Metrics metrics;
    core::TimeMs now_ms { 0 };
    core::Lang lang { core::Lang::Vi };
    // The target under a finger right now (pressed feedback), if any.
    std::optional<core::Point> pressed;
};

class Screen {
public:
    virtual ~Screen() = default;
    // Draws the frame and replaces the touch targets.
    void draw(core::DrawList& out, const Frame& frame)
    {
        m_hits.clear();
        draw_content(out, frame);
    }
    virtual Nav on_tap(core::Point point, const Frame&)
    {
        // Later targets are drawn on top, so they win.
        for (auto it = m_hits.rbegin(); it != m_hits.rend(); ++it) {
            if (it->rect.contains(point))
                return it->nav;
        }
        return {};
    }
    // dx > 0: finger moved right.
    virtual Nav on_swipe(float dx, const Frame&)
    {
        (void)dx;
        return {};
    }
    virtual void on_pan(core::Point, core::Point, const Frame&) { }
    // Two fingers: their midpoint is at `centre`, moved by `moved` since the last call, and
    // their spread changed by `scale` (> 1 = apart).
    virtual void on_pinch(core::Point centre, core::Point moved, float scale, const Frame&)
    {
        (void)centre;
        (void)moved;
        (void)scale;
    }
    // The finger that panned lifted at `velocity` px/ms (for inertia).
    virtual void on_pan_end(core::Point, const Frame&) { }
    // When the picture next changes by itself (animation), or nullopt while it is still; the
    // app sleeps on input until then.
    virtual std::optional<core::TimeMs> next_frame_ms(core::TimeMs now_ms) const
    {
        (void)now_ms;
        return std::nullopt;
    }
    // Draws what is likely to be shown next (the next slide), for the renderer to decode its
    // pictures ahead, in idle time; nothing by default.
    virtual void draw_ahead(core::DrawList& out, const Frame& frame)
    {
        (void)out;
        (void)frame;
    }
    // Called when the screen becomes visible.
    virtual void enter(core::TimeMs now_ms) { (void)now_ms; }
    // Points the screen at the content item `id` (a topic, a slide, ...); false when it has no
    // such item. Screens that show one fixed thing take only the empty id.
    virtual bool show(const std::string& id) { return id.empty(); }
    // Moves the screen's own clock on (a slideshow's timing); true when that changed the picture.
    virtual bool update(core::TimeMs now_ms)
    {
        (void)now_ms;
        return false;
    }
    const std::vector<Hit>& hits() const { return m_hits; }

protected:
    virtual void draw_content(core::DrawList& out, const Frame& frame) = 0;
    void add_hit(core::Rect rect, Nav nav) { m_hits.push_back({ rect, std::move(nav) }); }

private:
    std::vector<Hit> m_hits;
};

// Hands a gesture to the screen: taps and swipes answer with where to go, pans and pinches move
// the screen's own view; the staff sequence asks for the staff screen.
Nav deliver(Screen& screen, const core::Gesture& gesture, const Frame& frame);

} // namespace kiosk::screens
