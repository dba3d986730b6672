// Line-break opportunities: UAX #14 from libunibreak, plus what it leaves out for our texts:
// Japanese kinsoku (no line starts with 。、」 or small kana, none ends with 「) and numbers that
// stay whole and stay with their unit ("100.000 m³/ngày", "491,95 km²", "100人"); Japanese breaks
// inside a BudouX phrase ("イノベーショ|ン") are kept only for a phrase wider than its line.
#pragma once

#include "kiosk/core/budoux.h"
#include "kiosk/core/lang.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace kiosk::core {

struct BreakOpportunity {
    size_t offset { 0 }; // byte offset where the next line would start
    bool mandatory { false }; // after a newline or paragraph separator
    // Inside a Japanese phrase: a line breaks here only when the phrase alone is wider than it.
    bool inside_phrase { false };
    bool operator==(const BreakOpportunity&) const = default;
};

// Where lines may break in valid UTF-8 text, ascending; neither 0 nor the end of the text is
// listed. Breaks fall after trailing spaces, so a line [a, b) may end in spaces to trim. With a
// phrase model, Japanese breaks that are neither at a phrase start nor after a space are marked
// inside_phrase (never removed: a phrase wider than the line still needs them).
std::vector<BreakOpportunity> find_line_breaks(
    std::string_view utf8, Lang lang, const PhraseModel* phrases = nullptr);

// Byte offsets of grapheme cluster boundaries strictly inside the text: the last-resort places to
// cut a word that is wider than its box (never between a letter and its diacritic).
std::vector<size_t> grapheme_boundaries(std::string_view utf8);

// Kinsoku classes, exposed for tests.
bool is_no_line_start(char32_t cp);
bool is_no_line_end(char32_t cp);

} // namespace kiosk::core
