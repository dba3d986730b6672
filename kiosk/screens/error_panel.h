// The live preview's error panel (kiosk --watch): drawn over whatever screen is up, so the last
// good build stays visible behind it, with the content errors of the last save as the compiler
// wrote them (`file:line:col: error: message`), one per line, largest first on a short screen.
#pragma once

#include "kiosk/screens/screen.h"

#include <string>
#include <vector>

namespace kiosk::screens {

// `errors` as formatted by the compiler, in its order; `heading` says what happened ("3 errors
// in the last save; showing the last good build"). Draws nothing when `errors` is empty.
void draw_error_panel(core::DrawList& out, core::FontMetrics& fonts, const Frame& frame,
    const std::string& heading, const std::vector<std::string>& errors);

} // namespace kiosk::screens
