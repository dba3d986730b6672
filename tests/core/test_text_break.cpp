// Line-break opportunities: UAX #14 via libunibreak, Japanese kinsoku, numbers with units, NFD
// input, script runs and grapheme boundaries.
#include "kiosk/core/script.h"
#include "kiosk/core/text_break.h"
#include "kiosk/core/unicode.h"

#include <gtest/gtest.h>
#include <string>

using namespace kiosk::core;

namespace {

std::vector<size_t> offsets(const std::vector<BreakOpportunity>& breaks)
{
    std::vector<size_t> result;
    for (auto& b : breaks)
        result.push_back(b.offset);
    return result;
}

char32_t code_point_at(std::string_view text, size_t offset)
{
    return next_code_point(text, offset);
}

char32_t code_point_before(std::string_view text, size_t offset)
{
    size_t start = offset - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        --start;
    return next_code_point(text, start);
}

const char* const JAPANESE_SENTENCE
    = "北九州市とハイフォン市は二〇一四年に姉妹都市となり、上下水道の技術協力を続けています。"
      "「きれいな水をすべての家庭へ」という目標のもと、ちょっとした工夫を積み重ねてきました。"
      "コーヒーを飲みながらキャッシュレスで払えるショップもあります。";

} // namespace

TEST(TextBreak, EnglishBreaksAfterSpaces)
{
    EXPECT_EQ(
        offsets(find_line_breaks("Hello big world", Lang::En)), (std::vector<size_t> { 6, 10 }));
}

TEST(TextBreak, NewlineIsMandatory)
{
    auto breaks = find_line_breaks("one\ntwo three", Lang::En);
    ASSERT_EQ(breaks.size(), 2u);
    EXPECT_EQ(breaks[0], (BreakOpportunity { 4, true }));
    EXPECT_EQ(breaks[1], (BreakOpportunity { 8, false }));
}

TEST(TextBreak, EmptyTextHasNoBreaks)
{
    EXPECT_TRUE(find_line_breaks("", Lang::Vi).empty());
}

TEST(TextBreak, VietnameseNfdBreaksLikeNfc)
{
    std::string nfc = "Hải Phòng và Kitakyushu";
    std::string nfd = "Ha\xCC\x89i Pho\xCC\x80ng va\xCC\x80 Kitakyushu"; // a + U+0309, o + U+0300
    ASSERT_EQ(to_nfc(nfd).value(), nfc);
    auto nfc_breaks = find_line_breaks(nfc, Lang::Vi);
    auto nfd_breaks = find_line_breaks(nfd, Lang::Vi);
    ASSERT_EQ(nfc_breaks.size(), nfd_breaks.size());
    for (size_t i = 0; i < nfc_breaks.size(); ++i) {
        // The same word starts each line in both forms.
        EXPECT_EQ(
            code_point_at(nfc, nfc_breaks[i].offset), code_point_at(nfd, nfd_breaks[i].offset));
        EXPECT_EQ(to_nfc(std::string_view(nfd).substr(0, nfd_breaks[i].offset)).value(),
            std::string_view(nfc).substr(0, nfc_breaks[i].offset));
    }
}

TEST(TextBreak, JapaneseBreaksBetweenKanaAndKanji)
{
    std::string text = JAPANESE_SENTENCE;
    auto breaks = find_line_breaks(text, Lang::Ja);
    // Unspaced Japanese must still offer many places to wrap.
    EXPECT_GT(breaks.size(), code_point_count(text) / 2);
    // Between two ordinary kanji/kana a break is allowed: 北|九, 都|市.
    auto has_break_at = [&](std::string_view before_text) {
        auto pos = text.find(before_text);
        EXPECT_NE(pos, std::string::npos);
        for (auto& b : breaks) {
            if (b.offset == pos + before_text.size())
                return true;
        }
        return false;
    };
    EXPECT_TRUE(has_break_at("北"));
    EXPECT_TRUE(has_break_at("姉妹都"));
}

TEST(TextBreak, JapaneseKinsoku)
{
    std::string text = JAPANESE_SENTENCE;
    for (auto& b : find_line_breaks(text, Lang::Ja)) {
        char32_t next = code_point_at(text, b.offset);
        char32_t prev = code_point_before(text, b.offset);
        EXPECT_FALSE(is_no_line_start(next))
            << "line would start with U+" << std::hex << static_cast<uint32_t>(next) << " at byte "
            << std::dec << b.offset;
        EXPECT_FALSE(is_no_line_end(prev))
            << "line would end with U+" << std::hex << static_cast<uint32_t>(prev);
    }
}

// Rows: id, text, language, a substring no break may fall inside (nor right before its end).
struct KinsokuCase {
    int id;
    const char* text;
    const char* unbreakable;
};

class TextBreakKinsokuTable : public ::testing::TestWithParam<KinsokuCase> { };

TEST_P(TextBreakKinsokuTable, NoBreakInside)
{
    auto row = GetParam();
    std::string text = row.text;
    auto pos = text.find(row.unbreakable);
    ASSERT_NE(pos, std::string::npos) << "row " << row.id;
    auto end = pos + std::string_view(row.unbreakable).size();
    for (auto& b : find_line_breaks(text, Lang::Ja))
        EXPECT_FALSE(b.offset > pos && b.offset < end)
            << "row " << row.id << ": break at byte " << b.offset;
}

INSTANTIATE_TEST_SUITE_P(Rows, TextBreakKinsokuTable,
    ::testing::Values(KinsokuCase { 1, "ちょっとした工夫", "ちょっ" }, //
        KinsokuCase { 2, "ハイフォン市は、北九州市と", "は、" }, //
        KinsokuCase { 3, "目標は「きれいな水」です。", "「き" }, //
        KinsokuCase { 4, "目標は「きれいな水」です。", "水」" }, //
        KinsokuCase { 5, "目標は「きれいな水」です。", "す。" }, //
        KinsokuCase { 6, "コーヒーを飲む", "コー" }, //
        KinsokuCase { 7, "キャッシュレス", "キャ" }, //
        KinsokuCase { 8, "人々が集まる", "人々" }, //
        KinsokuCase { 9, "北九州市・ハイフォン市", "市・" }, //
        KinsokuCase { 10, "いいえ！そうです？", "え！" }, //
        KinsokuCase { 11, "（注）水道", "（注" }),
    [](const auto& info) { return "row" + std::to_string(info.param.id); });

struct NumberCase {
    int id;
    Lang lang;
    const char* text;
    const char* unbreakable;
};

class TextBreakNumberTable : public ::testing::TestWithParam<NumberCase> { };

TEST_P(TextBreakNumberTable, NumberStaysWithItsUnit)
{
    auto row = GetParam();
    std::string text = row.text;
    auto pos = text.find(row.unbreakable);
    ASSERT_NE(pos, std::string::npos) << "row " << row.id;
    auto end = pos + std::string_view(row.unbreakable).size();
    for (auto& b : find_line_breaks(text, row.lang))
        EXPECT_FALSE(b.offset > pos && b.offset < end)
            << "row " << row.id << ": break at byte " << b.offset << " in '" << row.unbreakable
            << "'";
}

INSTANTIATE_TEST_SUITE_P(Rows, TextBreakNumberTable,
    ::testing::Values(
        NumberCase { 1, Lang::Vi, "Nhà máy nước An Dương 100.000 m³/ngày đêm", "100.000 m³/ngày" },
        NumberCase { 2, Lang::Vi, "Diện tích 491,95 km² của thành phố", "491,95 km²" },
        NumberCase { 3, Lang::En, "home to 947,092 people in total", "947,092 people" },
        NumberCase { 4, Lang::Vi, "khoảng 35.000 người mỗi ngày", "35.000 người" },
        NumberCase { 5, Lang::Vi, "sản lượng 1.200 tấn.", "1.200 tấn" },
        NumberCase { 6, Lang::En, "grew by 12 % last year", "12 %" },
        NumberCase { 7, Lang::Ja, "約100人が参加し、5,000円を寄付", "100人" },
        NumberCase { 8, Lang::Ja, "約100人が参加し、5,000円を寄付", "5,000円" },
        NumberCase { 9, Lang::Ja, "安全な水を毎日100,000 m³届けます", "100,000 m³" },
        NumberCase { 10, Lang::En, "since 2014. A plant of 2.5 km² area", "2.5 km²" },
        NumberCase { 11, Lang::Vi, "dân số 2.088.020 người.", "2.088.020 người" }),
    [](const auto& info) { return "row" + std::to_string(info.param.id); });

TEST(TextBreak, BreakAllowedBeforeNumber)
{
    std::string text = "Nhà máy nước An Dương 100.000 m³/ngày";
    auto breaks = offsets(find_line_breaks(text, Lang::Vi));
    EXPECT_NE(std::find(breaks.begin(), breaks.end(), text.find("100.000")), breaks.end());
}

TEST(TextBreak, NonUnitWordAfterNumberStillBreaks)
{
    std::string text = "năm 2014 thành phố";
    auto breaks = offsets(find_line_breaks(text, Lang::Vi));
    EXPECT_NE(std::find(breaks.begin(), breaks.end(), text.find("thành")), breaks.end());
}

TEST(TextBreak, GraphemesKeepMarksWithTheirLetter)
{
    std::string nfd = "Pho\xCC\x80ng"; // P h o U+0300 n g
    EXPECT_EQ(grapheme_boundaries(nfd), (std::vector<size_t> { 1, 2, 5, 6 }));
    EXPECT_EQ(grapheme_boundaries("北九州"), (std::vector<size_t> { 3, 6 }));
}

struct ScriptCase {
    int id;
    const char* text;
    std::vector<std::pair<std::string, Script>> runs;
};

class TextBreakScriptRuns : public ::testing::TestWithParam<ScriptCase> { };

TEST_P(TextBreakScriptRuns, Splits)
{
    auto row = GetParam();
    std::string text = row.text;
    std::vector<std::pair<std::string, Script>> got;
    for (auto& run : split_script_runs(text))
        got.emplace_back(text.substr(run.begin, run.end - run.begin), run.script);
    EXPECT_EQ(got, row.runs) << "row " << row.id;
}

INSTANTIATE_TEST_SUITE_P(Rows, TextBreakScriptRuns,
    ::testing::Values(ScriptCase { 1, "Hải Phòng", { { "Hải Phòng", Script::Latin } } },
        ScriptCase { 2, "Kitakyushu 北九州市 2014年",
            { { "Kitakyushu ", Script::Latin }, { "北九州市 ", Script::Cjk },
                { "2014", Script::Latin }, { "年", Script::Cjk } } },
        ScriptCase { 3, "コーヒー、「水」。", { { "コーヒー、「水」。", Script::Cjk } } },
        ScriptCase { 4, "（ＡＢＣ）ｶﾀｶﾅ", { { "（ＡＢＣ）ｶﾀｶﾅ", Script::Cjk } } },
        ScriptCase { 5, "  北", { { "  北", Script::Cjk } } },
        ScriptCase { 6, "Ha\xCC\x89i", { { "Ha\xCC\x89i", Script::Latin } } },
        ScriptCase { 7, "水…", { { "水…", Script::Cjk } } }, ScriptCase { 8, "", {} }),
    [](const auto& info) { return "row" + std::to_string(info.param.id); });
