// Grouping and decimal separators per language.
#include "kiosk/core/number_format.h"

#include <cmath>
#include <cstdio>

namespace kiosk::core {

std::string format_number(double value, Lang lang, int max_decimals)
{
    const char group = lang == Lang::Vi ? '.' : ',';
    const char decimal = lang == Lang::Vi ? ',' : '.';
    if (!std::isfinite(value))
        return "–";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", max_decimals, std::fabs(value));
    std::string digits = buffer;
    std::string fraction;
    if (auto dot = digits.find('.'); dot != std::string::npos) {
        fraction = digits.substr(dot + 1);
        digits.resize(dot);
        while (!fraction.empty() && fraction.back() == '0')
            fraction.pop_back();
    }
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += group;
        out += digits[i];
    }
    if (!fraction.empty())
        out += decimal + fraction;
    bool negative = value < 0 && (out.find_first_not_of("0.,") != std::string::npos);
    return negative ? "-" + out : out;
}

} // namespace kiosk::core
