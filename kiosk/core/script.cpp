// Script classification by code point ranges and the run splitter used by layout and fonts.
#include "kiosk/core/script.h"

#include "kiosk/core/unicode.h"

namespace kiosk::core {

namespace {

struct Range {
    char32_t first;
    char32_t last;
};

// Blocks drawn with Noto Sans CJK JP. Symbols common in Japanese text (※, ①, ○, ★) are here too
// because Noto Sans lacks them and a tofu box is worse than a wide glyph.
constexpr Range CJK_RANGES[] = {
    { 0x1100, 0x11FF }, // Hangul Jamo (shown rather than tofu)
    { 0x203B, 0x203B }, // ※ reference mark
    { 0x2460, 0x24FF }, // enclosed alphanumerics ①
    { 0x25A0, 0x25FF }, // geometric shapes ○ ● □ ■ △
    { 0x2600, 0x26FF }, // misc symbols ★ ☆ ♪
    { 0x2E80, 0x2FDF }, // CJK and Kangxi radicals
    { 0x2FF0, 0x2FFF }, // ideographic description
    { 0x3000, 0x303F }, // CJK symbols and punctuation 、。「」〜
    { 0x3040, 0x309F }, // Hiragana
    { 0x30A0, 0x30FF }, // Katakana incl. ・ and ー
    { 0x3100, 0x312F }, // Bopomofo
    { 0x3130, 0x318F }, // Hangul compatibility jamo
    { 0x3190, 0x31FF }, // Kanbun, CJK strokes, Katakana phonetic extensions ㇰ
    { 0x3200, 0x33FF }, // enclosed CJK, CJK compatibility ㎡
    { 0x3400, 0x4DBF }, // CJK extension A
    { 0x4E00, 0x9FFF }, // CJK unified ideographs
    { 0xAC00, 0xD7AF }, // Hangul syllables
    { 0xF900, 0xFAFF }, // CJK compatibility ideographs
    { 0xFE10, 0xFE1F }, // vertical forms
    { 0xFE30, 0xFE4F }, // CJK compatibility forms
    { 0xFF00, 0xFFEF }, // halfwidth and fullwidth forms
    { 0x1F200, 0x1F2FF }, // enclosed ideographic supplement
    { 0x20000, 0x3FFFF }, // CJK extensions B and later
};

bool is_neutral(char32_t cp)
{
    return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == 0x00A0 // spaces
        || (cp >= 0x0300 && cp <= 0x036F) // combining diacritics (NFD Vietnamese)
        || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF)
        || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F)
        || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 // zero-width space, joiners
        || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
        || (cp >= 0xE0100 && cp <= 0xE01EF) // ideographic variation selectors
        || cp == 0x2026 || cp == 0x2025; // … and ‥ exist in both fonts; follow the text
}

} // namespace

std::optional<Script> script_of(char32_t cp)
{
    if (is_neutral(cp))
        return std::nullopt;
    if (cp < 0x1100)
        return Script::Latin;
    for (auto range : CJK_RANGES) {
        if (cp < range.first)
            break;
        if (cp <= range.last)
            return Script::Cjk;
    }
    return Script::Latin;
}

std::vector<ScriptRun> split_script_runs(std::string_view utf8)
{
    std::vector<ScriptRun> runs;
    std::optional<Script> pending_start; // script of the first non-neutral code point so far
    size_t offset = 0;
    while (offset < utf8.size()) {
        size_t begin = offset;
        auto script = script_of(next_code_point(utf8, offset));
        if (runs.empty()) {
            runs.push_back({ begin, offset, script.value_or(Script::Latin) });
            if (script)
                pending_start = script;
            continue;
        }
        if (!pending_start && script) {
            // Leading neutrals take the script of the first real code point.
            pending_start = script;
            runs.back().script = *script;
        }
        if (!script || *script == runs.back().script)
            runs.back().end = offset;
        else
            runs.push_back({ begin, offset, *script });
    }
    return runs;
}

} // namespace kiosk::core
