// A FontMetrics with fixed advances for pure layout tests: core::EstimatedFontMetrics (every CJK
// code point 1.0 em, every other code point 0.55 em, combining marks 0; line heights 1.36 em
// Latin and 1.45 em CJK) that counts how often it is asked.
#pragma once

#include "kiosk/core/estimated_metrics.h"
#include "kiosk/core/script.h"
#include "kiosk/core/unicode.h"

namespace kiosk::core::testing {

class FakeFontMetrics final : public EstimatedFontMetrics {
public:
    int measure_px(std::string_view utf8, Script script, Weight weight, int size_px) override
    {
        ++calls;
        return EstimatedFontMetrics::measure_px(utf8, script, weight, size_px);
    }
    int calls { 0 };
};

} // namespace kiosk::core::testing
