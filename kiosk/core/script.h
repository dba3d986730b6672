// Which font family a code point needs (Latin for Vietnamese/English, CJK for Japanese) and the
// split of a UTF-8 string into runs of one script, so each run is shaped with one font.
#pragma once

#include "kiosk/core/layout.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk::core {

// The script of a code point, or nullopt for "neutral" ones (spaces, combining marks, variation
// selectors, the ellipsis) that take the script of the text around them.
std::optional<Script> script_of(char32_t cp);

struct ScriptRun {
    size_t begin { 0 }; // byte offsets into the string, [begin, end)
    size_t end { 0 };
    Script script { Script::Latin };
    bool operator==(const ScriptRun&) const = default;
};

// Maximal runs of one script covering the whole string; neutral code points join the run before
// them (or the one after, at the start). An all-neutral string is one Latin run.
std::vector<ScriptRun> split_script_runs(std::string_view utf8);

} // namespace kiosk::core
