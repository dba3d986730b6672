// The panel of a place tapped on the map: its name, kind, picture, text and up to three related
// slides, with a close button.
#pragma once

#include "kiosk/screens/screen.h"

#include <vector>

namespace kiosk::screens {

struct MapPanel {
    core::Rect close; // the close button
    std::vector<Hit> slides; // the related slides' buttons
};

MapPanel draw_map_panel(core::DrawList& out, Context ctx, const Frame& frame,
    const core::Place& place, const core::Rect& panel);

} // namespace kiosk::screens
