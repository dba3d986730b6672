// BudouX's parser (javascript/src/parser.ts, parseBoundaries) over a model read from text. The
// score at position i (a UTF-16 code unit index) is the base score plus the model's scores for
// the substrings around i; JavaScript's substring() clamps to the text, so near its ends a window
// is shorter or empty, and that is reproduced exactly. Scores are kept doubled as integers
// (2 * base = -sum), so "score > 0" is decided without floating point.
#include "kiosk/core/budoux.h"

#include "kiosk/core/unicode.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace kiosk::core {

namespace {

// The windows BudouX looks at, relative to position i, as [i + from, i + to).
struct Window {
    std::string_view name;
    int from;
    int to;
};
constexpr Window WINDOWS[] = {
    { "UW1", -3, -2 },
    { "UW2", -2, -1 },
    { "UW3", -1, 0 },
    { "UW4", 0, 1 },
    { "UW5", 1, 2 },
    { "UW6", 2, 3 },
    { "BW1", -2, 0 },
    { "BW2", -1, 1 },
    { "BW3", 0, 2 },
    { "TW1", -3, 0 },
    { "TW2", -2, 1 },
    { "TW3", -1, 2 },
    { "TW4", 0, 3 },
};
constexpr size_t NOT_A_BOUNDARY = static_cast<size_t>(-1);

// UTF-16 code units of valid UTF-8, with the byte offset where each unit's code point starts
// (NOT_A_BOUNDARY for the second unit of a surrogate pair); offsets has one more entry, the end.
void to_utf16(std::string_view utf8, std::u16string& units, std::vector<size_t>& offsets)
{
    size_t offset = 0;
    while (offset < utf8.size()) {
        size_t begin = offset;
        char32_t cp = next_code_point(utf8, offset);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            units.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
            units.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
            offsets.push_back(begin);
            offsets.push_back(NOT_A_BOUNDARY);
        } else {
            units.push_back(static_cast<char16_t>(cp));
            offsets.push_back(begin);
        }
    }
    offsets.push_back(utf8.size());
}

// One to three code units packed with their count; 0 for any other length (never a key).
uint64_t pack(std::u16string_view units)
{
    if (units.empty() || units.size() > 3)
        return 0;
    uint64_t key = static_cast<uint64_t>(units.size()) << 48;
    for (size_t i = 0; i < units.size(); ++i)
        key |= static_cast<uint64_t>(units[i]) << (32 - 16 * i);
    return key;
}

Error line_error(size_t line, std::string_view message)
{
    return Error { "line " + std::to_string(line) + ": " + std::string(message) };
}

} // namespace

Result<PhraseModel> PhraseModel::parse(std::string_view text)
{
    PhraseModel model;
    bool header_seen = false;
    size_t line_number = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        auto line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty() || line.front() == '#')
            continue;
        if (!header_seen) {
            if (line != "budoux-model\t1")
                return line_error(line_number, "expected the header \"budoux-model<TAB>1\"");
            header_seen = true;
            continue;
        }
        size_t tab1 = line.find('\t');
        size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
        if (tab2 == std::string_view::npos || line.find('\t', tab2 + 1) != std::string_view::npos)
            return line_error(line_number, "expected FEATURE<TAB>KEY<TAB>SCORE");
        auto name = line.substr(0, tab1);
        auto key = line.substr(tab1 + 1, tab2 - tab1 - 1);
        auto score_text = line.substr(tab2 + 1);
        auto window = std::find_if(std::begin(WINDOWS), std::end(WINDOWS),
            [&](const Window& w) { return w.name == name; });
        if (window == std::end(WINDOWS))
            return line_error(line_number, "unknown feature '" + std::string(name) + "'");
        if (key.empty() || find_invalid_utf8(key))
            return line_error(line_number, "the key is empty or not UTF-8");
        int64_t score = 0;
        auto [ptr, ec]
            = std::from_chars(score_text.data(), score_text.data() + score_text.size(), score);
        if (ec != std::errc() || ptr != score_text.data() + score_text.size() || score_text.empty())
            return line_error(line_number, "the score is not an integer");
        if (score > MAX_SCORE || score < -MAX_SCORE)
            return line_error(line_number, "the score is beyond +-10^9");
        if (++model.m_feature_count > MAX_FEATURES)
            return line_error(line_number, "more features than a model may have");
        // Every feature counts towards the base score, even one whose key is too long to match.
        model.m_score_sum += score;
        std::u16string units;
        std::vector<size_t> offsets;
        to_utf16(key, units, offsets);
        uint64_t packed = pack(units);
        if (packed == 0)
            continue;
        auto& table = model.m_tables[static_cast<size_t>(window - std::begin(WINDOWS))];
        if (!table.emplace(packed, score).second)
            return line_error(line_number, "the key is listed twice for " + std::string(name));
    }
    if (!header_seen)
        return Error { "not a BudouX model: the header \"budoux-model<TAB>1\" is missing" };
    return model;
}

std::vector<size_t> PhraseModel::phrase_starts(std::string_view utf8) const
{
    std::vector<size_t> result;
    std::u16string units;
    std::vector<size_t> offsets;
    to_utf16(utf8, units, offsets);
    const auto length = static_cast<long>(units.size());
    std::u16string_view view(units);
    for (long i = 1; i < length; ++i) {
        int64_t doubled = -m_score_sum;
        for (size_t w = 0; w < std::size(WINDOWS); ++w) {
            if (m_tables[w].empty())
                continue;
            long from = std::clamp(i + WINDOWS[w].from, 0L, length);
            long to = std::clamp(i + WINDOWS[w].to, 0L, length);
            auto key = pack(view.substr(static_cast<size_t>(from), static_cast<size_t>(to - from)));
            if (key == 0)
                continue;
            if (auto it = m_tables[w].find(key); it != m_tables[w].end())
                doubled += 2 * it->second;
        }
        if (doubled > 0 && offsets[static_cast<size_t>(i)] != NOT_A_BOUNDARY)
            result.push_back(offsets[static_cast<size_t>(i)]);
    }
    return result;
}

} // namespace kiosk::core
