// Line breaking: libunibreak's UAX #14 result is taken as the base and only ever narrowed (an
// allowed break may be removed, a mandatory one never), so the extra rules cannot create breaks.
#include "kiosk/core/text_break.h"

#include "kiosk/core/script.h"
#include "kiosk/core/unicode.h"

#include <algorithm>
#include <iterator>
#include <linebreak.h>
#include <mutex>
#include <string>
#include <utf8proc.h>

namespace kiosk::core {

namespace {

struct CodePoint {
    size_t begin;
    size_t end;
    char32_t cp;
};

std::vector<CodePoint> decode(std::string_view utf8)
{
    std::vector<CodePoint> cps;
    cps.reserve(utf8.size());
    size_t offset = 0;
    while (offset < utf8.size()) {
        size_t begin = offset;
        char32_t cp = next_code_point(utf8, offset);
        cps.push_back({ begin, offset, cp });
    }
    return cps;
}

bool is_digit(char32_t cp)
{
    return (cp >= U'0' && cp <= U'9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

// Separators that group or split digits: "100.000", "491,95", "947,092", "1 000" (thin space).
bool is_digit_separator(char32_t cp)
{
    return cp == U'.' || cp == U',' || cp == 0x202F;
}

bool is_space(char32_t cp)
{
    return cp == U' ' || cp == 0x00A0 || cp == 0x202F || cp == 0x2009;
}

bool is_whitespace(char32_t cp)
{
    return is_space(cp) || cp == U'\t' || cp == U'\n' || cp == U'\r';
}

// CJK characters that count or measure and so belong to the number before them: "100人", "5万円".
bool is_cjk_unit(char32_t cp)
{
    constexpr std::u32string_view UNITS
        = U"人円年月日時分秒万億千百十件回名台個歳倍％℃㎡㎞㎥㎏㌧トンキロメートル平方";
    return UNITS.find(cp) != std::u32string_view::npos;
}

// Unit words that stay on the line of the number before them. Compared after ASCII lower-casing.
bool is_unit_word(std::string_view word)
{
    static constexpr std::string_view UNITS[] = { "%", "‰", "m", "m²", "m2", "m³", "m3", "km",
        "km²", "km2", "cm", "mm", "ha", "kg", "g", "t", "l", "tấn", "tạ", "lít", "ml", "người",
        "hộ", "năm", "tháng", "ngày", "giờ", "phút", "giây", "people", "persons", "residents",
        "inhabitants", "visitors", "years", "year", "days", "months", "tons", "tonnes", "km/h",
        "m/s", "°c", "℃", "°", "mw", "kw", "kwh", "gw", "mwh", "usd", "vnd", "đồng", "yên", "yen",
        "triệu", "tỷ", "nghìn", "ngàn", "million", "billion", "thousand", "万", "人" };
    std::string lower(word);
    for (auto& c : lower) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return std::find(std::begin(UNITS), std::end(UNITS), lower) != std::end(UNITS);
}

bool is_trailing_punctuation(char32_t cp)
{
    constexpr std::u32string_view PUNCT = U".,;:!?)]\"'’”、。，．）」』";
    return PUNCT.find(cp) != std::u32string_view::npos;
}

// A unit token: a unit word, or a compound whose first part is one ("m³/ngày", "km/h").
bool is_unit_token(std::string_view token)
{
    if (is_unit_word(token))
        return true;
    auto slash = token.find('/');
    return slash != std::string_view::npos && slash > 0 && slash + 1 < token.size()
        && is_unit_word(token.substr(0, slash));
}

// Clears allowed breaks that would split a number or part it from its unit. `keep[i]` is false
// when no line may start at code point i.
void protect_numbers(
    std::string_view utf8, const std::vector<CodePoint>& cps, std::vector<bool>& keep)
{
    size_t i = 0;
    while (i < cps.size()) {
        if (!is_digit(cps[i].cp)) {
            ++i;
            continue;
        }
        // The number: digits with single separators between digits.
        size_t j = i + 1;
        while (j < cps.size()) {
            if (is_digit(cps[j].cp)) {
                ++j;
            } else if (is_digit_separator(cps[j].cp) && j + 1 < cps.size()
                && is_digit(cps[j + 1].cp)) {
                j += 2;
            } else {
                break;
            }
        }
        for (size_t k = i + 1; k < j; ++k)
            keep[k] = false;
        // The unit: CJK unit characters right after the number, or a unit word after spaces.
        size_t unit_end = j;
        if (j < cps.size() && is_cjk_unit(cps[j].cp)) {
            while (unit_end < cps.size() && is_cjk_unit(cps[unit_end].cp))
                ++unit_end;
        } else {
            size_t start = j;
            while (start < cps.size() && is_space(cps[start].cp) && start - j < 2)
                ++start;
            size_t end = start;
            // In Japanese the unit ends where the kana resume: "100,000 m³届けます".
            while (end < cps.size() && !is_whitespace(cps[end].cp)
                && !(end > start && script_of(cps[end].cp) == Script::Cjk))
                ++end;
            size_t core_end = end;
            while (core_end > start && is_trailing_punctuation(cps[core_end - 1].cp))
                --core_end;
            if (core_end > start) {
                auto token
                    = utf8.substr(cps[start].begin, cps[core_end - 1].end - cps[start].begin);
                if (is_unit_token(token))
                    unit_end = core_end;
            }
        }
        for (size_t k = j; k < unit_end; ++k)
            keep[k] = false;
        i = std::max(j, unit_end);
    }
}

} // namespace

bool is_no_line_start(char32_t cp)
{
    // Closing brackets, stops, iteration marks, prolonged sound mark and small kana (JIS X 4051).
    constexpr std::u32string_view SET
        = U"。、，．・：；？！‼⁇⁈⁉ー―‐〜～…‥」』）］｝〕〉》】〙〗〟’”｠»"
          U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
          U"々〻ゝゞヽヾ゛゜ｧｨｩｪｫｯｬｭｮｰ｡､｣)]},.:;?!%";
    return SET.find(cp) != std::u32string_view::npos;
}

bool is_no_line_end(char32_t cp)
{
    constexpr std::u32string_view SET = U"「『（［｛〔〈《【〘〖〝‘“｟«｢([{";
    return SET.find(cp) != std::u32string_view::npos;
}

std::vector<BreakOpportunity> find_line_breaks(
    std::string_view utf8, Lang lang, const PhraseModel* phrases)
{
    static std::once_flag init_once;
    std::call_once(init_once, [] { init_linebreak(); });

    std::vector<BreakOpportunity> result;
    if (utf8.empty())
        return result;
    std::vector<char> brks(utf8.size());
    std::string lang_name(lang_code(lang));
    set_linebreaks_utf8(
        reinterpret_cast<const utf8_t*>(utf8.data()), utf8.size(), lang_name.c_str(), brks.data());

    auto cps = decode(utf8);
    std::vector<bool> keep(cps.size(), true); // may a line start at code point i?
    protect_numbers(utf8, cps, keep);
    std::vector<size_t> phrase_starts;
    if (phrases && lang == Lang::Ja)
        phrase_starts = phrases->phrase_starts(utf8);
    auto inside_phrase = [&](size_t i) {
        // BudouX finds no phrases in Latin text, so a break after a space always stays.
        if (!phrases || lang != Lang::Ja || is_whitespace(cps[i - 1].cp))
            return false;
        return !std::binary_search(phrase_starts.begin(), phrase_starts.end(), cps[i].begin);
    };
    for (size_t i = 1; i < cps.size(); ++i) {
        char brk = brks[cps[i - 1].end - 1];
        if (brk == LINEBREAK_MUSTBREAK) {
            result.push_back({ cps[i].begin, true });
            continue;
        }
        if (brk != LINEBREAK_ALLOWBREAK || !keep[i])
            continue;
        // Kinsoku: look at the code points on either side, skipping spaces before the break so
        // "「 word" cannot end a line with the bracket either.
        if (is_no_line_start(cps[i].cp))
            continue;
        size_t before = i - 1;
        while (before > 0 && is_space(cps[before].cp))
            --before;
        if (is_no_line_end(cps[before].cp))
            continue;
        result.push_back({ cps[i].begin, false, inside_phrase(i) });
    }
    return result;
}

std::vector<size_t> grapheme_boundaries(std::string_view utf8)
{
    std::vector<size_t> result;
    auto cps = decode(utf8);
    utf8proc_int32_t state = 0;
    for (size_t i = 1; i < cps.size(); ++i) {
        if (utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(cps[i - 1].cp),
                static_cast<utf8proc_int32_t>(cps[i].cp), &state))
            result.push_back(cps[i].begin);
    }
    return result;
}

} // namespace kiosk::core
