// The partnerships' links as great-circle arcs: prepared once in world units, drawn as a line
// with travelling dashes and a dot while the map is lively, as a still line once it rests.
#pragma once

#include "kiosk/core/content_model.h"
#include "kiosk/core/projection.h"
#include "kiosk/screens/theme.h"

#include <span>
#include <string>
#include <vector>

namespace kiosk::screens {

class MapArcs {
public:
    explicit MapArcs(const core::Exhibition& exhibition);

    // `moving`: dashes and the dot travel; `t_ms` is the time since the map was entered.
    // `focus`: the places of the partnership shown (empty: all); an arc touching none of them is
    // drawn faint and still, behind the others.
    void draw(core::DrawList& out, const Metrics& m, const core::MapView& view, bool moving,
        core::TimeMs t_ms, std::span<const std::string> focus = {}) const;

private:
    struct Arc {
        const core::Link* link { nullptr };
        std::vector<core::WorldPoint> points; // along the great circle
    };
    std::vector<Arc> m_arcs;
};

} // namespace kiosk::screens
