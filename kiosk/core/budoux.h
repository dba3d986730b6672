// BudouX phrase segmentation (github.com/google/budoux, Apache-2.0), the same algorithm as its
// JavaScript Parser: a break before each position whose feature scores (characters and their
// pairs and triples around it) sum above the model's base score. The model arrives as text
// (assets/text/budoux-ja.tsv, made by kiosk/tools/budoux/build-model.mjs); nothing here reads
// files.
#pragma once

#include "kiosk/core/result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::core {

class PhraseModel {
public:
    // Parses the model file's text (layout in build-model.mjs): the "budoux-model\t1" line, then
    // FEATURE\tKEY\tSCORE lines. Errors are "line N: message". Hostile input is refused, never
    // trusted: unknown features, keys that are empty or not UTF-8, scores that are not integers
    // or beyond +-10^9, duplicates, more than MAX_FEATURES lines.
    static Result<PhraseModel> parse(std::string_view text);

    // Byte offsets in valid UTF-8 text where BudouX starts a new phrase, ascending, strictly
    // inside the text. Like BudouX, positions are UTF-16 code units; one that falls inside a
    // surrogate pair is not a place to break and is left out.
    std::vector<size_t> phrase_starts(std::string_view utf8) const;

    // Features read (including those whose keys are too long to ever match).
    size_t feature_count() const { return m_feature_count; }

    static constexpr size_t MAX_FEATURES = 1'000'000;
    static constexpr int64_t MAX_SCORE = 1'000'000'000;

private:
    // UW1..UW6, BW1..BW3, TW1..TW4, in this order.
    static constexpr size_t FEATURE_KINDS = 13;
    // Keys of up to three UTF-16 code units packed into one integer (length in the top bits).
    using Table = std::unordered_map<uint64_t, int64_t>;
    std::array<Table, FEATURE_KINDS> m_tables;
    int64_t m_score_sum { 0 }; // of every feature; BudouX's base score is -m_score_sum / 2
    size_t m_feature_count { 0 };
};

} // namespace kiosk::core
