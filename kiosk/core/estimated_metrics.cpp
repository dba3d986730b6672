// Advances by script, from the code points alone.
#include "kiosk/core/estimated_metrics.h"

#include "kiosk/core/script.h"
#include "kiosk/core/unicode.h"

#include <cmath>

namespace kiosk::core {

int EstimatedFontMetrics::measure_px(std::string_view utf8, Script, Weight weight, int size_px)
{
    double em = 0;
    size_t offset = 0;
    while (offset < utf8.size()) {
        char32_t cp = next_code_point(utf8, offset);
        if (cp >= 0x0300 && cp <= 0x036F)
            continue;
        em += script_of(cp) == Script::Cjk ? 1.0 : 0.55;
    }
    // Bold is a little wider, as in real fonts, so weight reaches the metrics.
    double factor = weight == Weight::Bold ? 1.05 : 1.0;
    return static_cast<int>(std::lround(em * size_px * factor));
}

int EstimatedFontMetrics::line_height_px(Script script, Weight, int size_px)
{
    return static_cast<int>(std::lround((script == Script::Cjk ? 1.45 : 1.36) * size_px));
}

} // namespace kiosk::core
