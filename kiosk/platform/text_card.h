// The text test card: Vietnamese, Japanese, English and a mixed line in every type role, drawn
// through the real fonts and TextRenderer; rendered as golden PNGs to catch tofu, lost
// diacritics, Chinese glyph forms and kinsoku mistakes by eye and by diff.
#pragma once

#include "kiosk/core/geometry.h"
#include "kiosk/platform/text_renderer.h"

#include <SDL.h>

namespace kiosk::platform {

// Fills the whole target with navy (#0b2447) and draws the card: three columns on a landscape
// screen, stacked on a portrait one. The type scale follows the screen's shorter side.
void draw_text_card(SDL_Renderer* renderer, TextRenderer& text, core::Size screen);

} // namespace kiosk::platform
