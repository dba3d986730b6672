// Charts (bars, lines, separate figures, shares) drawn from a chart's points, with value labels
// in the visitor's language.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

void draw_chart(core::DrawList& out, Context& ctx, const Frame& frame, const core::Chart& chart,
    core::Rect area, float alpha, bool on_light);

// "~35.000 người" / "約35,000人" / "~35,000 people"; a unit with "{}" puts the number there
// ("{}0億米ドル": 27 -> "270億米ドル").
std::string format_value(const core::ChartPoint& point, const core::Text3& unit, core::Lang lang);

} // namespace kiosk::screens
