// Numbers as each language writes them: 947.092 and 491,95 in Vietnamese; 947,092 and 491.95 in
// Japanese and English.
#pragma once

#include "kiosk/core/lang.h"

#include <string>

namespace kiosk::core {

// Up to `max_decimals` decimals, trailing zeros dropped.
std::string format_number(double value, Lang lang, int max_decimals = 2);

} // namespace kiosk::core
