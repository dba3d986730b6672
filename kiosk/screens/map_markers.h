// The places on the map: markers (the lesser one waits while crowded), labels in the visitor's
// language placed around them without overlaps, and which marker a finger is on.
#pragma once

#include "kiosk/core/map_geometry.h"
#include "kiosk/screens/screen.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::screens {

class MapMarkers {
public:
    explicit MapMarkers(const core::Exhibition& exhibition);

    // Draws the markers inside the screen and their labels clear of `obstacles` (px); the place
    // `open_place` is ringed.
    void draw(core::DrawList& out, Context ctx, const Frame& frame, const core::MapView& view,
        const std::string& open_place, std::vector<core::Rect> obstacles);

    // The place under `point` in the last frame drawn, nearest marker first.
    const core::Place* place_at(core::Point point) const;
    // Where a place's marker was drawn in the last frame (px), if it was.
    std::optional<core::Point> position(const std::string& place_id) const;
    const std::vector<core::Rect>& label_rects() const { return m_label_rects; }

private:
    struct PlaceInfo {
        const core::Place* place { nullptr };
        core::WorldPoint world;
        int priority { 0 }; // partnership places 3, cities 2, ports 1, sites 0
    };
    struct Shown {
        size_t place { 0 }; // index into m_places
        core::Point at;
        float radius_px { 0 }; // drawn
        float hit_px { 0 }; // touch
    };

    std::vector<PlaceInfo> m_places; // by priority, highest first (stable)
    // Rebuilt every frame.
    std::vector<Shown> m_shown;
    std::vector<core::Rect> m_label_rects;
};

} // namespace kiosk::screens
