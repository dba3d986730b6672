// The places on the map: markers (places too close to tell apart at this zoom grouped into a
// cluster, drawn at its leading place with a count), labels in the visitor's language placed
// around them without overlaps, and which marker a finger is on.
#pragma once

#include "kiosk/core/map_geometry.h"
#include "kiosk/screens/screen.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kiosk::screens {

class MapMarkers {
public:
    explicit MapMarkers(const core::Exhibition& exhibition);

    // Draws the markers inside the screen and their labels clear of `obstacles` (px); the place
    // `open_place` is ringed. The open place, then the `focus` places (the partnership shown),
    // lead the clusters they are in.
    void draw(core::DrawList& out, Context ctx, const Frame& frame, const core::MapView& view,
        const std::string& open_place, std::vector<core::Rect> obstacles,
        std::span<const std::string> focus = {});

    // What a finger at `point` is on in the last frame drawn, nearest marker first: a place, or
    // a cluster (its members' points, to be zoomed into; the place is its leader).
    struct Tapped {
        const core::Place* place { nullptr };
        std::vector<core::WorldPoint> cluster; // empty for a lone marker
    };
    Tapped tapped(core::Point point) const;
    const core::Place* place_at(core::Point point) const { return tapped(point).place; }
    // Where a place's marker was drawn in the last frame (px), if it was: alone or leading a
    // cluster (a cluster's other places have no marker of their own).
    std::optional<core::Point> position(const std::string& place_id) const;
    const std::vector<core::Rect>& label_rects() const { return m_label_rects; }
    // Everything the last frame's markers took (circles' boxes, badges, labels), px: the map's
    // context names keep clear of it.
    const std::vector<core::Rect>& taken() const { return m_taken; }

private:
    struct PlaceInfo {
        const core::Place* place { nullptr };
        core::WorldPoint world;
        int priority { 0 }; // partnership places 3, cities 2, ports 1, sites 0
    };
    struct Shown {
        size_t place { 0 }; // index into m_places: the marker's place, a cluster's leader
        core::Point at;
        float radius_px { 0 }; // drawn
        float hit_px { 0 }; // touch
        std::vector<size_t> members; // a cluster's places (leader first); empty when alone
    };
    std::string label_of(const Shown& s, core::Lang lang) const;

    std::vector<PlaceInfo> m_places; // by priority, highest first (stable)
    // Rebuilt every frame.
    std::vector<Shown> m_shown;
    std::vector<core::Rect> m_label_rects;
    std::vector<core::Rect> m_taken;
};

} // namespace kiosk::screens
