// A chart's value axis: round tick values from zero past the largest value (1, 2 or 5 times a
// power of ten apart), and a part's share of its whole in percent.
#pragma once

#include <vector>

namespace kiosk::core {

struct AxisScale {
    std::vector<double> ticks; // 0 first, ascending; the last is >= the largest value
    double top { 1 }; // the last tick: the height of the plot
};

// At most `max_ticks` steps above zero (at least 1); a largest value <= 0 (or not finite) gives
// the scale 0..1.
AxisScale nice_axis(double largest, int max_ticks = 5);

// part / whole in percent, rounded to `decimals`; 0 when the whole is not positive.
double share_percent(double part, double whole, int decimals = 0);

} // namespace kiosk::core
