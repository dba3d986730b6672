// Small string helpers shared by the store and the tools.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// "a,b,,c" -> {"a", "b", "c"}: the pieces between separators, empty ones dropped.
std::vector<std::string> split_list(std::string_view text, char separator = ',');

} // namespace kiosk::core
