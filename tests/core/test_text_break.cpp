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

// --- Phrase-aware Japanese breaks, names, balanced titles and lone last letters ---------------

#include "fake_font_metrics.h"
#include "japanese_phrases.h"
#include "kiosk/core/layout.h"

namespace {

using kiosk::core::testing::FakeFontMetrics;
using kiosk::core::testing::japanese_phrases;

// The fake fonts, with or without BudouX's model, as the kiosk's FontSet has it.
class PhrasedMetrics final : public FontMetrics {
public:
    explicit PhrasedMetrics(const PhraseModel* phrases)
        : m_phrases(phrases)
    {
    }
    int measure_px(std::string_view utf8, Script script, Weight weight, int size_px) override
    {
        return m_fake.measure_px(utf8, script, weight, size_px);
    }
    int line_height_px(Script script, Weight weight, int size_px) override
    {
        return m_fake.line_height_px(script, weight, size_px);
    }
    const PhraseModel* phrase_model() const override { return m_phrases; }

private:
    FakeFontMetrics m_fake;
    const PhraseModel* m_phrases;
};

constexpr int SIZE_PX = 20; // 1 em of CJK = 20 px in the fake fonts

std::vector<std::string> lines_of(const TextLayout& layout)
{
    std::vector<std::string> lines;
    for (auto& line : layout.lines) {
        std::string text;
        for (auto& run : line.runs)
            text += run.text;
        lines.push_back(text);
    }
    return lines;
}

std::string joined(const std::vector<std::string>& lines)
{
    std::string out;
    for (auto& line : lines)
        out += (out.empty() ? "" : " / ") + line;
    return out;
}

TextLayout lay_out(std::string_view text, Lang lang, TextRole role, int width_em,
    const PhraseModel* phrases, Wrap wrap = Wrap::Auto)
{
    PhrasedMetrics metrics(phrases);
    TextStyle style;
    style.role = role;
    style.lang = lang;
    style.size_px = SIZE_PX;
    style.fit = false;
    style.wrap = wrap;
    return layout_text(text, style, { width_em * SIZE_PX, 0 }, 1080, metrics);
}

// Rows: id, text, the words (phrases, names) no line may end inside.
struct WholeWordCase {
    int id;
    Lang lang;
    const char* text;
    std::vector<const char*> words;
};

// The failures seen on screen (issue 15), then more of each kind.
const std::vector<WholeWordCase> WHOLE_WORD_ROWS = {
    { 1, Lang::Ja, "JETROとイノベーション", { "イノベーション" } },
    { 2, Lang::Ja, "アンズオン浄水場の改良", { "改良", "アンズオン浄水場" } },
    { 3, Lang::Ja, "日本の知事がベトナムを訪問しました。", { "日本", "知事", "ベトナム", "訪問" } },
    { 4, Lang::Ja, "JETROがホアラックで大企業6社参加のイノベーション行事を開催。",
        { "ホアラック", "イノベーション", "大企業" } },
    { 5, Lang::Ja, "スマート工業団地を目指し、JETROがCO₂削減を支援。",
        { "スマート工業団地", "目指し", "削減", "支援" } },
    { 6, Lang::Ja, "北九州市とハイフォン市は2014年に姉妹都市となりました。",
        { "北九州市", "ハイフォン市", "姉妹都市" } },
    { 7, Lang::Ja, "神奈川県のベトナム人", { "神奈川県", "ベトナム人" } },
    // Names marked by the content compiler (spaces made no-break).
    { 8, Lang::Vi, "Hợp tác giữa Hải\u00A0Phòng và Kitakyushu", { "Hải\u00A0Phòng" } },
    { 9, Lang::Vi, "Khu công nghiệp DEEP\u00A0C ở Hải\u00A0Phòng",
        { "DEEP\u00A0C", "Hải\u00A0Phòng" } },
    { 10, Lang::En, "Water for Hai\u00A0Phong from Kitakyushu", { "Hai\u00A0Phong" } },
    { 11, Lang::Ja, "DEEP\u00A0C工業団地の企業", { "DEEP\u00A0C" } },
};

bool breaks_inside(const std::vector<std::string>& lines, const std::string& text, const char* word)
{
    // A line ends inside the word when the word is in the text but no line holds it whole.
    std::string whole = word;
    size_t in_text = 0;
    for (size_t pos = text.find(whole); pos != std::string::npos; pos = text.find(whole, pos + 1))
        ++in_text;
    size_t in_lines = 0;
    for (auto& line : lines) {
        for (size_t pos = line.find(whole); pos != std::string::npos;
             pos = line.find(whole, pos + 1))
            ++in_lines;
    }
    return in_lines < in_text;
}

} // namespace

class TextBreakWholeWords : public ::testing::TestWithParam<WholeWordCase> { };

// At every box width from 8 em (wider than any of the words) to 30 em, no line ends inside a
// word or a name.
TEST_P(TextBreakWholeWords, NoLineEndsInsideAWord)
{
    auto row = GetParam();
    for (int width_em = 8; width_em <= 30; ++width_em) {
        auto lines
            = lines_of(lay_out(row.text, row.lang, TextRole::Body, width_em, &japanese_phrases()));
        for (auto word : row.words)
            EXPECT_FALSE(breaks_inside(lines, row.text, word))
                << "row " << row.id << " at " << width_em << " em: '" << word << "' split in "
                << joined(lines);
    }
}

// The same, at the level of break opportunities: none between phrases falls inside the word.
TEST_P(TextBreakWholeWords, NoPhraseBreakInsideAWord)
{
    auto row = GetParam();
    std::string text = row.text;
    for (auto& brk : find_line_breaks(text, row.lang, &japanese_phrases())) {
        if (brk.inside_phrase)
            continue;
        for (auto word : row.words) {
            for (size_t pos = text.find(word); pos != std::string::npos;
                 pos = text.find(word, pos + 1))
                EXPECT_FALSE(brk.offset > pos && brk.offset < pos + std::string_view(word).size())
                    << "row " << row.id << ": break at byte " << brk.offset << " inside '" << word
                    << "'";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Rows, TextBreakWholeWords, ::testing::ValuesIn(WHOLE_WORD_ROWS),
    [](const auto& info) { return "row" + std::to_string(info.param.id); });

TEST(TextBreak, PhraseWiderThanTheLineStillBreaks)
{
    // "イノベーション" is 7 em: in a 4 em box it breaks inside (kinsoku still applies) and
    // nothing overflows.
    auto layout
        = lay_out("JETROとイノベーション", Lang::Ja, TextRole::Body, 4, &japanese_phrases());
    EXPECT_EQ(layout.overflow_px, 0) << joined(lines_of(layout));
    for (auto& line : lines_of(layout)) {
        size_t offset = 0;
        EXPECT_FALSE(is_no_line_start(next_code_point(line, offset))) << joined(lines_of(layout));
    }
}

TEST(TextBreak, WithoutAModelJapaneseBreaksAsBefore)
{
    std::string text = "JETROとイノベーション";
    for (auto& brk : find_line_breaks(text, Lang::Ja))
        EXPECT_FALSE(brk.inside_phrase);
}

// Rows: id, language, text, the narrowest box (em) where its last phrase can have company: no
// last line of a single letter at any width from there to 30 em.
struct LoneLetterCase {
    int id;
    Lang lang;
    const char* text;
    int min_width_em;
};

class TextBreakLastLine : public ::testing::TestWithParam<LoneLetterCase> { };

size_t letters(const std::string& line)
{
    size_t count = 0;
    size_t offset = 0;
    while (offset < line.size()) {
        char32_t cp = next_code_point(line, offset);
        if (!is_no_line_start(cp) && !is_no_line_end(cp) && cp != U' ' && cp != U'.')
            ++count;
    }
    return count;
}

TEST_P(TextBreakLastLine, NoLoneLetterOnTheLastLine)
{
    auto row = GetParam();
    for (int width_em = row.min_width_em; width_em <= 30; ++width_em) {
        for (auto role : { TextRole::Body, TextRole::Title }) {
            auto lines = lines_of(lay_out(row.text, row.lang, role, width_em, &japanese_phrases()));
            if (lines.size() < 2)
                continue;
            EXPECT_GE(letters(lines.back()), 2u)
                << "row " << row.id << " at " << width_em << " em: " << joined(lines);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Rows, TextBreakLastLine,
    ::testing::Values(LoneLetterCase { 1, Lang::Ja, "アンズオン浄水場の改良", 3 },
        LoneLetterCase { 2, Lang::Ja, "ベトナム", 4 },
        LoneLetterCase { 3, Lang::Ja, "日本の知事", 3 },
        LoneLetterCase { 4, Lang::Ja, "上下水道の技術協力を続けています。", 3 },
        LoneLetterCase { 5, Lang::Ja, "ハイフォン市と北九州市の水", 6 },
        LoneLetterCase { 6, Lang::En, "Water for a city, and a", 3 },
        LoneLetterCase { 7, Lang::Vi, "Nước sạch cho Hải\u00A0Phòng và mọi nhà ở đó", 8 }),
    [](const auto& info) { return "row" + std::to_string(info.param.id); });

// Rows: id, language, a title. Balanced: as many lines as greedy filling, none wider, and on one
// to three lines the last is at least half the widest.
struct TitleCase {
    int id;
    Lang lang;
    const char* text;
};

class TextBreakBalancedTitle : public ::testing::TestWithParam<TitleCase> { };

float last_to_widest(const TextLayout& layout)
{
    return layout.lines.back().width / layout.width;
}

TEST_P(TextBreakBalancedTitle, LinesAreBalanced)
{
    auto row = GetParam();
    bool greedy_unbalanced = false;
    for (int width_em = 6; width_em <= 30; ++width_em) {
        auto layout = lay_out(row.text, row.lang, TextRole::Title, width_em, &japanese_phrases());
        auto greedy = lay_out(
            row.text, row.lang, TextRole::Title, width_em, &japanese_phrases(), Wrap::Greedy);
        EXPECT_EQ(greedy.lines.size(), layout.lines.size()) << "row " << row.id;
        EXPECT_LE(layout.width, greedy.width) << "row " << row.id;
        if (layout.lines.size() < 2 || layout.lines.size() > 3)
            continue;
        EXPECT_GE(last_to_widest(layout), 0.5f)
            << "row " << row.id << " at " << width_em << " em: " << joined(lines_of(layout));
        greedy_unbalanced |= last_to_widest(greedy) < 0.5f;
    }
    // The rows are chosen so that greedy filling leaves a short last line somewhere.
    EXPECT_TRUE(greedy_unbalanced) << "row " << row.id;
}

INSTANTIATE_TEST_SUITE_P(Rows, TextBreakBalancedTitle,
    ::testing::Values(TitleCase { 1, Lang::En, "Clean water for Hai\u00A0Phong from Kitakyushu" },
        TitleCase { 2, Lang::Vi, "Nâng cấp Nhà máy nước An Dương cùng Kitakyushu" },
        TitleCase { 3, Lang::Ja, "ハイフォン市と北九州市の上下水道の技術協力と人材育成" },
        TitleCase { 4, Lang::Ja, "神奈川県とハノイ市の経済交流と文化交流の歩み" }),
    [](const auto& info) { return "row" + std::to_string(info.param.id); });
