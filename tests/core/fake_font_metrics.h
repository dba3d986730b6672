// A FontMetrics with fixed advances for pure layout tests: every CJK code point is 1.0 em, every
// other code point 0.55 em, combining marks 0; line heights are 1.36 em (Latin) and 1.45 em (CJK).
#pragma once

#include "kiosk/core/layout.h"
#include "kiosk/core/script.h"
#include "kiosk/core/unicode.h"

#include <cmath>

namespace kiosk::core::testing {

class FakeFontMetrics final : public FontMetrics {
public:
    int measure_px(std::string_view utf8, Script, Weight weight, int size_px) override
    {
        ++calls;
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
    int line_height_px(Script script, Weight, int size_px) override
    {
        return static_cast<int>(std::lround((script == Script::Cjk ? 1.45 : 1.36) * size_px));
    }
    int calls { 0 };
};

} // namespace kiosk::core::testing
