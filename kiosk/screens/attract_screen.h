// The unattended loop: the attract slides in order, each for its duration, cross-faded, with a
// slow pan over the illustration, a progress bar, the language cycling per slide, and a clear
// "touch to explore" call in all three languages.
#pragma once

#include "kiosk/screens/screen.h"

#include <functional>

namespace kiosk::screens {

class MapScreen;

struct AttractConfig {
    std::vector<core::Lang> langs { core::Lang::Vi, core::Lang::Ja,
        core::Lang::En }; // one per slide, in turn
    core::TimeMs fade_ms { 900 };
    core::TimeMs slow_frame_ms { 250 }; // redraw interval between fades (pan and progress)
    bool hold { false }; // stay on the first slide
    // The map for fly-overs between the twin cities, played after every `flyover_every` slides
    // (0: none); called when first needed.
    std::function<MapScreen*()> map;
    size_t flyover_every { 8 };
    core::TimeMs flyover_ms { 12000 };
};

class AttractScreen : public Screen {
public:
    AttractScreen(Context ctx, AttractConfig config);
    void enter(core::TimeMs now_ms) override;
    // Advances to the next slide when the current one's time is up; true when it changed.
    bool update(core::TimeMs now_ms) override;
    std::optional<core::TimeMs> next_frame_ms(core::TimeMs now_ms) const override;
    Nav on_tap(core::Point, const Frame&) override { return { NavKind::Home, {} }; }
    size_t index() const { return m_index; }
    core::Lang lang_of(size_t step) const;
    // The slide shown now; nullptr during a map fly-over.
    const core::Slide* current() const;
    // The partnership flown over now, or nullptr.
    const core::Partnership* current_flyover() const;
    core::TimeMs current_duration_ms() const;
    // The slide that comes next (to decode its image ahead), or nullptr.
    const core::Slide* upcoming() const;
    // Slides and fly-overs in one loop.
    size_t slide_count() const { return m_items.size(); }
    // Draws the upcoming slide as it will first appear, for the renderer to decode ahead.
    void draw_ahead(core::DrawList& out, const Frame& frame) override;

protected:
    void draw_content(core::DrawList& out, const Frame& frame) override;

private:
    void draw_slide(core::DrawList& out, const Frame& frame, size_t step, float alpha,
        core::TimeMs shown_ms, bool draw_panel = true, float wipe_from = 0.0f,
        float wipe_to = 1.0f);

    Context m_ctx;
    AttractConfig m_config;
    void start_item(core::TimeMs now_ms);
    void draw_flyover(
        core::DrawList& out, const Frame& frame, const core::Partnership& partnership);

    // One stop of the loop: a slide, or a map fly-over between a partnership's two places.
    struct Item {
        const core::Slide* slide { nullptr };
        const core::Partnership* flyover { nullptr };
        core::TimeMs duration_ms { 0 };
    };
    std::vector<Item> m_items;
    size_t m_index { 0 }; // position in m_items
    size_t m_step { 0 }; // slides shown since enter (language rotation)
    std::optional<size_t> m_ahead_step; // the step whose next slide was last drawn ahead
    core::TimeMs m_slide_start_ms { 0 };
};

} // namespace kiosk::screens
