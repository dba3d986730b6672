// Tick steps: the smallest of 1, 2, 5 x 10^k that needs no more than max_ticks steps.
#include "kiosk/core/chart_scale.h"

#include <algorithm>
#include <cmath>

namespace kiosk::core {

AxisScale nice_axis(double largest, int max_ticks)
{
    AxisScale scale;
    max_ticks = std::max(1, max_ticks);
    if (!std::isfinite(largest) || largest <= 0) {
        scale.ticks = { 0, 1 };
        scale.top = 1;
        return scale;
    }
    double rough = largest / max_ticks;
    double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power * 10;
    for (double m : { 1.0, 2.0, 5.0, 10.0 }) {
        if (power * m * max_ticks >= largest * (1 - 1e-12)) {
            step = power * m;
            break;
        }
    }
    int steps = static_cast<int>(std::ceil(largest / step - 1e-9));
    for (int i = 0; i <= steps; ++i)
        scale.ticks.push_back(step * i);
    scale.top = scale.ticks.back();
    return scale;
}

double share_percent(double part, double whole, int decimals)
{
    if (!(whole > 0) || !std::isfinite(part))
        return 0;
    double factor = std::pow(10.0, std::clamp(decimals, 0, 6));
    return std::round(part / whole * 100 * factor) / factor;
}

} // namespace kiosk::core
