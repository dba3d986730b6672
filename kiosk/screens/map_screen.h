// The interactive map: East Asia from the whole region down to street level around a site, the
// places as markers with labels in the visitor's language, the partnerships as animated arcs,
// presets that fly to the two partnerships, and a panel for the place tapped.
#pragma once

#include "kiosk/core/gesture.h"
#include "kiosk/core/map_geometry.h"
#include "kiosk/core/projection.h"
#include "kiosk/screens/map_arcs.h"
#include "kiosk/screens/map_land.h"
#include "kiosk/screens/map_markers.h"
#include "kiosk/screens/screen.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::screens {

class MapScreen : public Screen {
public:
    // `geometry` (parsed from assets/map/east-asia.kmap) may be null: the map then shows the sea,
    // a graticule and the places. Both must outlive the screen.
    MapScreen(Context ctx, const core::MapGeometry* geometry);

    // "" frames both countries; a partnership id frames its places; a place id centres that
    // place and opens its panel. False for an unknown id (nothing changes).
    bool show(const std::string& id) override;

    // For the attract loop: the map alone (no buttons, no panel), starting over `from_place` and
    // flying to `to_place` over `duration_ms`, the arc between them drawn on the way.
    void fly_over(
        const std::string& from_place, const std::string& to_place, core::TimeMs duration_ms);

    void enter(core::TimeMs now_ms) override;
    Nav on_tap(core::Point point, const Frame& frame) override;
    void on_pan(core::Point delta, core::Point velocity, const Frame& frame) override;
    void on_pan_end(core::Point velocity, const Frame& frame) override;
    void on_pinch(core::Point centre, core::Point moved, float scale, const Frame& frame) override;
    std::optional<core::TimeMs> next_frame_ms(core::TimeMs now_ms) const override;

    const core::MapView& view() const { return m_view; }
    // The place whose panel is open, or "".
    const std::string& open_place() const { return m_open_place; }
    // Where a place's marker was drawn in the last frame (px), if it was.
    std::optional<core::Point> marker_position(const std::string& place_id) const;
    // The label rects drawn in the last frame (px).
    const std::vector<core::Rect>& label_rects() const { return m_markers.label_rects(); }

    // How long the arcs keep moving after the map was entered or moved.
    static constexpr core::TimeMs ARC_ANIMATION_MS = 6000;
    static constexpr core::TimeMs DOUBLE_TAP_MS = core::DoubleTapRecognizer::MAX_GAP_MS;

protected:
    void draw_content(core::DrawList& out, const Frame& frame) override;

private:
    enum class ActionKind { Preset, ClosePanel, Panel };
    struct Action {
        core::Rect rect;
        ActionKind kind { ActionKind::Panel };
        size_t index { 0 };
    };
    struct Preset {
        std::string id; // "" or a partnership id
        std::string label; // in the frame's language
    };
    // Where things go on this frame's screen.
    struct Layout {
        float top { 0 }; // below the top bar
        core::Rect panel; // when a panel is open
        core::Rect focus; // where framed views are centred (clear of bars and the panel)
    };

    Layout layout_for(const Frame& frame, bool panel_open) const;
    // Brings the camera to the frame's screen and time: pending show(), flight, inertia.
    void sync(const Frame& frame);
    std::optional<core::WorldRect> framing_rect(const std::string& id) const;
    void go_to(const std::string& id, const Frame& frame, bool jump);
    void open_panel(const core::Place& place, const Frame& frame);
    void touch_arcs(core::TimeMs now_ms) { m_arcs_until_ms = now_ms + ARC_ANIMATION_MS; }
    std::vector<Preset> presets(core::Lang lang) const;
    // Where the preset buttons go: a row under the top bar, wrapping when the screen is narrow.
    std::vector<core::Rect> preset_rects(
        const Frame& frame, const std::vector<Preset>& list, float top) const;
    // The map data's credit, bottom right.
    core::Rect credit_rect(const Frame& frame) const;
    // The arcs' legend (one row per kind of link the exhibition has), bottom left above Back;
    // returns where it went (empty when there is no room).
    core::Rect draw_legend(core::DrawList& out, const Frame& frame, float bottom);
    void draw_credit(core::DrawList& out, const Frame& frame, const core::Rect& rect) const;

    Context m_ctx;
    const core::MapGeometry* m_geometry { nullptr };
    core::MapView m_view;
    MapLand m_land;
    MapArcs m_arcs;
    MapMarkers m_markers;

    std::optional<std::string> m_pending; // a show() not applied yet
    struct Tour {
        std::string from;
        std::string to;
        core::TimeMs duration_ms { 0 };
    };
    std::optional<Tour> m_tour; // a fly_over() not started yet
    bool m_presentation { false }; // fly-over mode: no chrome
    std::string m_open_place;
    // The preset shown ("" both countries, a partnership id), its button marked and the other
    // partnerships' arcs faded; none after a place was shown.
    std::optional<std::string> m_selected;
    core::Inertia m_inertia;
    core::TimeMs m_inertia_ms { 0 };
    core::TimeMs m_entered_ms { 0 };
    core::TimeMs m_arcs_until_ms { 0 };
    bool m_was_flying { false };
    core::DoubleTapRecognizer m_double_tap;
    Layout m_layout;
    bool m_have_layout { false };
    // The kept map picture (see core::BeginLayer): its version and the view it was drawn at.
    uint64_t m_layer_version { 0 }; // only ever grows (the renderer keys pictures by it)
    bool m_layer_repaint { true };
    bool m_layer_may_lag { false };
    core::MapView m_layer_view;
    std::optional<core::TimeMs> m_last_move_ms; // the last pan or pinch
    float m_layer_resolution { 1 };

    // Rebuilt every frame.
    std::vector<Action> m_actions;
};

} // namespace kiosk::screens
