// The map's context: country names and a few cities around the places, in the visitor's
// language, drawn only where nothing of the exhibition's is (markers, labels, chrome).
#pragma once

#include "kiosk/core/projection.h"
#include "kiosk/screens/screen.h"

#include <span>

namespace kiosk::screens {

// Draws the names that fit: countries up to zoom 7, cities from 4 to 8.5 (MapView::zoom()),
// each clear of `taken` (px) and of each other.
void draw_map_context(core::DrawList& out, Context ctx, const Frame& frame,
    const core::MapView& view, std::span<const core::Rect> taken);

} // namespace kiosk::screens
