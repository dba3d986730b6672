// The parts every visitor screen shares: the top bar (home, title, language switch), buttons,
// the source line and the progress bar. Each returns the touch targets it drew.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

// A pill-shaped button sized to its label (at least one touch target); returns its rect.
core::Rect draw_button(core::DrawList& out, Context& ctx, const Frame& frame, core::Point at,
    const std::string& label, core::Color fill, core::Color text, bool align_right = false,
    bool outline = false);

float button_width(Context& ctx, const Frame& frame, const std::string& label);

// The language switch at the top right, its buttons' top at `y`; returns its left edge.
float draw_language_switch(
    core::DrawList& out, std::vector<Hit>& hits, Context& ctx, const Frame& frame, float y);

// The top bar: home button (unless `home` is false), the title, and the language switch.
// Returns the bar's bottom edge.
float draw_top_bar(core::DrawList& out, std::vector<Hit>& hits, Context& ctx, const Frame& frame,
    const std::string& title, bool home = true);

// "Source: <article title> — <publisher>" in small type (up to two lines), at the bottom of
// `area`; source_line_height says how tall it is at a width, so the text above can make room.
void draw_source_line(core::DrawList& out, Context& ctx, const Frame& frame,
    const std::string& source_id, core::Rect area);
float source_line_height(
    Context& ctx, const Frame& frame, const std::string& source_id, float width);

// Height in px of `text` laid out at `width` with no height limit (boxes are sized to their
// text: nothing shrinks to fit).
float text_height(Context& ctx, const Frame& frame, const std::string& text,
    const core::TextStyle& style, float width);

// Width in px of a single line of text in the style (for sizing buttons and labels).
float text_width(
    Context& ctx, const Frame& frame, const std::string& text, const core::TextStyle& style);

bool pressed_in(const Frame& frame, const core::Rect& rect);

// A touchable card: a sand panel with an image (or icon) and a title with an optional line
// below it. Darkens while pressed.
void draw_card(core::DrawList& out, Context& ctx, const Frame& frame, core::Rect rect,
    const std::string& image, const std::string& title, const std::string& subtitle,
    bool compact = false);

// A card for a topic: its icon small at the top left with the title beside it, and a few lines
// of text under both across the card.
void draw_icon_card(core::DrawList& out, Context& ctx, const Frame& frame, core::Rect rect,
    const std::string& icon, const std::string& title, const std::string& text);

// Splits `area` into a grid of `count` cells `cell_h` high, filling rows first; a short last row
// is spread over the whole width.
std::vector<core::Rect> grid_cells(
    core::Rect area, size_t count, size_t columns, float gap, float cell_h);

} // namespace kiosk::screens
