// The overflow check: lays out every visitor-facing string of every screen, in vi, ja and en, at
// 1920x1080, 1080x1920 and 3840x2160, with the real fonts, through the screens' own drawing code,
// and reports each string that does not fit its box.
#pragma once

#include "kiosk/core/content_model.h"
#include "kiosk/core/draw_list.h"
#include "kiosk/core/layout.h"

#include <map>
#include <string>
#include <vector>

namespace kiosk::tools {

struct Overflow {
    std::string where; // "file:line" of the item, or the screen for the kiosk's own words
    core::Lang lang { core::Lang::Vi };
    core::Size screen;
    std::string screen_name;
    std::string text;
    int overflow_px { 0 };
    bool ellipsized { false };
};

// `locations` maps "slide:ID" etc. to the file and line the item was written at (from the
// compiler). Every screen of the exhibition is drawn in every language at every size.
std::vector<Overflow> check_overflow(const core::Exhibition& exhibition,
    const std::map<std::string, std::pair<std::string, int>>& locations, core::FontMetrics& fonts,
    const std::vector<core::Size>& sizes);

std::string format_overflow(const Overflow& overflow);

// Every picture the screens draw (the DrawImage commands: id, box, zoom, focus) on every screen of
// the exhibition in every language at every size, as check_overflow drives them.
std::vector<core::DrawImage> drawn_pictures(const core::Exhibition& exhibition,
    core::FontMetrics& fonts, const std::vector<core::Size>& sizes);

} // namespace kiosk::tools
