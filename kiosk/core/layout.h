// Text layout: text + font metrics + a box -> positioned lines of script runs. Pure: fonts are
// reached only through the FontMetrics interface (implemented over SDL_ttf in platform/).
#pragma once

#include "kiosk/core/geometry.h"
#include "kiosk/core/lang.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

enum class Script {
    Latin,
    Cjk
}; // Latin covers Vietnamese and English; Cjk is Han, kana, CJK punctuation
enum class Weight { Regular, Bold };
enum class Align { Start, Center, End };
enum class VAlign { Top, Middle, Bottom }; // applied by the renderer, from the laid-out height
// How lines are filled. Auto: titles (Display, Title, Heading) are balanced, any other text only
// keeps a lone character off its last line. Greedy: each line as full as it goes. Balance: the
// narrowest width that needs no more lines (CSS text-wrap: balance).
enum class Wrap { Auto, Greedy, Balance };

class PhraseModel;

// Type scale steps; pixel sizes derive from the screen's short side (see type_scale_px):
// 88, 60, 44, 34, 30, 28 px at 1080.
enum class TextRole { Display, Title, Heading, Body, Label, Caption };

int type_scale_px(TextRole role, int screen_height_px);

struct TextStyle {
    TextRole role { TextRole::Body };
    Weight weight { Weight::Regular };
    Align align { Align::Start };
    VAlign valign { VAlign::Top };
    Lang lang { Lang::En }; // line-breaking rules and line height follow the language
    int size_px { 0 }; // 0: from role and screen height
    int max_lines { 0 }; // 0: as many as fit in the box
    bool fit { false }; // step the size down (to 75 %) before giving up; no screen does
    float line_height { 1.3f }; // times the font size
    Wrap wrap { Wrap::Auto };
};

class FontMetrics {
public:
    virtual ~FontMetrics() = default;
    // Advance width in pixels of a run of one script, shaped as a whole.
    virtual int measure_px(std::string_view utf8, Script script, Weight weight, int size_px) = 0;
    // Ascent + descent of the font for the script at the size.
    virtual int line_height_px(Script script, Weight weight, int size_px) = 0;
    // BudouX's Japanese phrase model, so Japanese lines break between phrases; null: UAX #14 and
    // kinsoku alone. Owned by the implementation.
    virtual const PhraseModel* phrase_model() const { return nullptr; }
};

struct GlyphRun {
    std::string text; // UTF-8, one script
    Script script { Script::Latin };
    float x { 0 }; // from the box's left edge
    float width { 0 };
};

struct TextLine {
    std::vector<GlyphRun> runs;
    float y { 0 }; // top of the line, from the box's top edge
    float width { 0 };
    float height { 0 };
};

struct TextLayout {
    std::vector<TextLine> lines;
    Weight weight { Weight::Regular };
    int size_px { 0 }; // the size used after fitting
    float width { 0 }; // widest line
    float height { 0 }; // all lines
    float overflow_px { 0 }; // > 0 when the text does not fit the box even at the smallest size
    bool ellipsized { false };
};

// Lays NFC-normalised text out in the box (width <= 0: no wrapping; height <= 0: no height limit).
// overflow_px is measured at the smallest size tried, before the last resorts (cutting words by
// grapheme, the ellipsis), so content checks can flag text that only fits by being cut.
TextLayout layout_text(std::string_view text, const TextStyle& style, Size box,
    int screen_height_px, FontMetrics& metrics);

} // namespace kiosk::core
