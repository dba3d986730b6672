// Layout with fixed-advance fake metrics: type scale, wrapping in Vietnamese, Japanese and
// English, NFD input, numbers with units, alignment, fit stepping, overflow and ellipsis.
#include "fake_font_metrics.h"

#include "kiosk/core/layout.h"
#include "kiosk/core/text_break.h"

#include <gtest/gtest.h>

using namespace kiosk::core;
using kiosk::core::testing::FakeFontMetrics;

namespace {

std::string line_text(const TextLine& line)
{
    std::string text;
    for (auto& run : line.runs)
        text += run.text;
    return text;
}

std::vector<std::string> line_texts(const TextLayout& layout)
{
    std::vector<std::string> texts;
    for (auto& line : layout.lines)
        texts.push_back(line_text(line));
    return texts;
}

TextStyle body(Lang lang, bool fit = false)
{
    TextStyle style;
    style.role = TextRole::Body;
    style.lang = lang;
    style.fit = fit;
    return style;
}

constexpr int HD = 1080; // Body is 34 px here: Latin 18.7 px per code point, CJK 34 px

} // namespace

struct ScaleCase {
    TextRole role;
    int at_1080;
};

class LayoutTypeScale : public ::testing::TestWithParam<ScaleCase> { };

TEST_P(LayoutTypeScale, ScalesWithScreenHeight)
{
    auto row = GetParam();
    EXPECT_EQ(type_scale_px(row.role, 1080), row.at_1080);
    EXPECT_EQ(type_scale_px(row.role, 2160), row.at_1080 * 2);
    EXPECT_EQ(type_scale_px(row.role, 540), row.at_1080 / 2);
    EXPECT_GT(type_scale_px(row.role, 1), 0);
}

INSTANTIATE_TEST_SUITE_P(Roles, LayoutTypeScale,
    ::testing::Values(ScaleCase { TextRole::Display, 88 }, ScaleCase { TextRole::Title, 60 },
        ScaleCase { TextRole::Heading, 44 }, ScaleCase { TextRole::Body, 34 },
        ScaleCase { TextRole::Label, 30 }, ScaleCase { TextRole::Caption, 28 }),
    [](const auto& info) { return "px" + std::to_string(info.param.at_1080); });

TEST(Layout, EmptyTextHasNoLines)
{
    FakeFontMetrics metrics;
    auto layout = layout_text("   ", body(Lang::En), { 400, 400 }, HD, metrics);
    EXPECT_TRUE(layout.lines.empty());
    EXPECT_EQ(layout.height, 0);
}

TEST(Layout, EnglishWrapsAtSpacesAndTrimsThem)
{
    FakeFontMetrics metrics;
    // "Sister cities " is 14 code points; 13 visible ones are 243 px.
    auto layout
        = layout_text("Sister cities since 2014.", body(Lang::En), { 260, 1000 }, HD, metrics);
    EXPECT_EQ(line_texts(layout), (std::vector<std::string> { "Sister cities", "since 2014." }));
    EXPECT_EQ(layout.lines[0].width,
        metrics.measure_px("Sister cities", Script::Latin, Weight::Regular, 34));
    for (auto& line : layout.lines)
        EXPECT_LE(line.width, 260);
    EXPECT_EQ(layout.size_px, 34);
    EXPECT_EQ(layout.overflow_px, 0);
}

TEST(Layout, TrailingSpacesDoNotCount)
{
    FakeFontMetrics metrics;
    auto spaced = layout_text("  Hello   ", body(Lang::En), { 1000, 1000 }, HD, metrics);
    auto plain = layout_text("Hello", body(Lang::En), { 1000, 1000 }, HD, metrics);
    ASSERT_EQ(spaced.lines.size(), 1u);
    EXPECT_EQ(spaced.lines[0].width, plain.lines[0].width);
    EXPECT_EQ(line_text(spaced.lines[0]), "Hello");
}

TEST(Layout, NewlinesBreakLines)
{
    FakeFontMetrics metrics;
    auto layout = layout_text("one\ntwo", body(Lang::En), { 1000, 1000 }, HD, metrics);
    EXPECT_EQ(line_texts(layout), (std::vector<std::string> { "one", "two" }));
}

TEST(Layout, VietnameseNfdLaysOutLikeNfc)
{
    FakeFontMetrics metrics;
    std::string nfc = "Hải Phòng – Kitakyushu: thành phố kết nghĩa từ năm 2014.";
    // The same text decomposed: base letters followed by combining marks.
    std::string nfd = "Ha\xCC\x89i Pho\xCC\x80ng – Kitakyushu: tha\xCC\x80nh pho\xCC\x82\xCC\x81 "
                      "ke\xCC\x82\xCC\x81t nghi\xCC\x83\x61 tu\xCC\x9B\xCC\x80 na\xCC\x86m 2014.";
    for (int width : { 200, 300, 500, 2000 }) {
        auto a = layout_text(nfc, body(Lang::Vi), { width, 1000 }, HD, metrics);
        auto b = layout_text(nfd, body(Lang::Vi), { width, 1000 }, HD, metrics);
        EXPECT_EQ(line_texts(a), line_texts(b)) << "width " << width;
        ASSERT_EQ(a.lines.size(), b.lines.size());
        for (size_t i = 0; i < a.lines.size(); ++i)
            EXPECT_EQ(a.lines[i].width, b.lines[i].width);
    }
}

TEST(Layout, JapaneseWrapsWithoutSpacesObeyingKinsoku)
{
    FakeFontMetrics metrics;
    std::string text
        = "北九州市とハイフォン市は二〇一四年に姉妹都市となり、上下水道の技術協力を続けています。"
          "「きれいな水をすべての家庭へ」という目標のもと、ちょっとした工夫を積み重ねてきました。";
    // Try many widths so that, somewhere, a naive break would put 、。」 or small kana first.
    for (int chars = 5; chars <= 20; ++chars) {
        int width = chars * 34;
        auto layout = layout_text(text, body(Lang::Ja), { width, 5000 }, HD, metrics);
        ASSERT_GT(layout.lines.size(), 1u);
        std::string joined;
        for (auto& line : layout.lines) {
            auto t = line_text(line);
            joined += t;
            EXPECT_LE(line.width, width);
            size_t offset = 0;
            char32_t first = next_code_point(t, offset);
            EXPECT_FALSE(is_no_line_start(first)) << "width " << chars << " line: " << t;
            size_t last_start = t.size() - 1;
            while ((static_cast<unsigned char>(t[last_start]) & 0xC0) == 0x80)
                --last_start;
            char32_t last = next_code_point(t, last_start);
            EXPECT_FALSE(is_no_line_end(last)) << "width " << chars << " line: " << t;
            ASSERT_EQ(line.runs.size(), 1u);
            EXPECT_EQ(line.runs[0].script, Script::Cjk);
        }
        EXPECT_EQ(joined, text);
    }
}

TEST(Layout, JapaneseLinesGetMoreLeadingThanLatin)
{
    FakeFontMetrics metrics;
    auto ja = layout_text("水", body(Lang::Ja), { 1000, 1000 }, HD, metrics);
    auto en = layout_text("Water", body(Lang::En), { 1000, 1000 }, HD, metrics);
    ASSERT_EQ(ja.lines.size(), 1u);
    // CJK: ceil(max(46, 49, 34 * (1.3 + 0.25) = 52.7)) = 53. Latin: the font's 46 beats 44.2.
    EXPECT_EQ(ja.lines[0].height, 53);
    EXPECT_EQ(en.lines[0].height, 46);
    EXPECT_EQ(ja.height, 53);
}

TEST(Layout, MixedLineHasLatinAndCjkRunsSideBySide)
{
    FakeFontMetrics metrics;
    auto layout
        = layout_text("Hải Phòng 北九州市 2014年", body(Lang::Vi), { 2000, 1000 }, HD, metrics);
    ASSERT_EQ(layout.lines.size(), 1u);
    auto& runs = layout.lines[0].runs;
    ASSERT_EQ(runs.size(), 4u);
    EXPECT_EQ(runs[0].script, Script::Latin);
    EXPECT_EQ(runs[1].script, Script::Cjk);
    EXPECT_EQ(runs[2].text, "2014");
    EXPECT_EQ(runs[2].script, Script::Latin);
    float x = 0;
    for (auto& run : runs) {
        EXPECT_EQ(run.x, x);
        x += run.width;
    }
    EXPECT_EQ(layout.lines[0].width, x);
    EXPECT_EQ(layout.lines[0].height, 53); // a line with CJK takes the CJK pitch
}

TEST(Layout, NumberAndUnitStayOnOneLine)
{
    FakeFontMetrics metrics;
    struct Row {
        int id;
        Lang lang;
        const char* text;
        const char* whole;
    };
    const Row rows[] = {
        { 1, Lang::Vi, "Nhà máy nước An Dương 100.000 m³/ngày", "100.000 m³/ngày" },
        { 2, Lang::Vi, "Diện tích thành phố 491,95 km² rộng", "491,95 km²" },
        { 3, Lang::En, "The city is home to 947,092 people", "947,092 people" },
        { 4, Lang::Vi, "Mỗi ngày có 35.000 người", "35.000 người" },
    };
    for (auto& row : rows) {
        bool seen_whole = false;
        for (int width = 150; width <= 700; width += 10) {
            auto layout = layout_text(row.text, body(row.lang), { width, 5000 }, HD, metrics);
            bool whole = false;
            for (auto& t : line_texts(layout))
                whole = whole || t.find(row.whole) != std::string::npos;
            if (layout.overflow_px == 0) {
                EXPECT_TRUE(whole) << "row " << row.id << " width " << width;
                seen_whole = true;
            }
        }
        EXPECT_TRUE(seen_whole) << "row " << row.id;
    }
}

struct AlignCase {
    Align align;
    float expected_x; // for a 5-letter word (93 px at 34 px) in a 400 px box
};

class LayoutAlignTable : public ::testing::TestWithParam<AlignCase> { };

TEST_P(LayoutAlignTable, PlacesLines)
{
    FakeFontMetrics metrics;
    auto style = body(Lang::En);
    style.align = GetParam().align;
    auto layout = layout_text("Water", style, { 400, 100 }, HD, metrics);
    ASSERT_EQ(layout.lines.size(), 1u);
    EXPECT_EQ(layout.lines[0].width, 94);
    EXPECT_EQ(layout.lines[0].runs[0].x, GetParam().expected_x);
}

INSTANTIATE_TEST_SUITE_P(Aligns, LayoutAlignTable,
    ::testing::Values(AlignCase { Align::Start, 0 }, AlignCase { Align::Center, 153 },
        AlignCase { Align::End, 306 }));

TEST(Layout, FitStepsTheSizeDown)
{
    FakeFontMetrics metrics;
    // 20 Latin code points: 374 px at 34 px; the box is 320 wide and one line tall.
    std::string text = "Sisters_since_2014__";
    auto layout = layout_text(text, body(Lang::En, true), { 320, 47 }, HD, metrics);
    ASSERT_EQ(layout.lines.size(), 1u);
    EXPECT_LT(layout.size_px, 34);
    EXPECT_GE(layout.size_px, 26); // 75 % of 34, rounded up
    EXPECT_LE(layout.lines[0].width, 320);
    EXPECT_EQ(layout.overflow_px, 0);
    EXPECT_FALSE(layout.ellipsized);
    EXPECT_EQ(line_text(layout.lines[0]), text);
}

TEST(Layout, FitShrinksToKeepLinesWithinHeight)
{
    FakeFontMetrics metrics;
    std::string text = "one two three four five six seven eight nine ten eleven twelve";
    // At 34 px: 4 lines of 46 px; at 26 px: 3 lines of 35 px.
    auto unfit = layout_text(text, body(Lang::En, false), { 400, 120 }, HD, metrics);
    auto fit = layout_text(text, body(Lang::En, true), { 400, 120 }, HD, metrics);
    EXPECT_GT(unfit.overflow_px, 0);
    EXPECT_LT(fit.size_px, 34);
    EXPECT_LE(fit.height, 120);
    EXPECT_EQ(fit.overflow_px, 0);
}

TEST(Layout, NoFitKeepsTheRoleSize)
{
    FakeFontMetrics metrics;
    auto layout
        = layout_text("Sisters_since_2014__", body(Lang::En, false), { 320, 47 }, HD, metrics);
    EXPECT_EQ(layout.size_px, 34);
    EXPECT_GT(layout.overflow_px, 0);
}

TEST(Layout, OverflowIsReportedAndLastLineEllipsized)
{
    FakeFontMetrics metrics;
    std::string text
        = "Hải Phòng – Kitakyushu: thành phố kết nghĩa từ năm 2014. Nhà máy nước An Dương "
          "100.000 m³/ngày cung cấp nước sạch cho toàn thành phố.";
    auto layout = layout_text(text, body(Lang::Vi, true), { 300, 100 }, HD, metrics);
    EXPECT_EQ(layout.size_px, 26);
    EXPECT_GT(layout.overflow_px, 0);
    EXPECT_TRUE(layout.ellipsized);
    EXPECT_LE(layout.height, 100);
    ASSERT_FALSE(layout.lines.empty());
    auto last = line_text(layout.lines.back());
    EXPECT_EQ(last.substr(last.size() - 3), "…");
    for (auto& line : layout.lines)
        EXPECT_LE(line.width, 300);
}

TEST(Layout, MaxLinesLimitsAndEllipsizes)
{
    FakeFontMetrics metrics;
    auto style = body(Lang::En, true);
    style.max_lines = 2;
    std::string text = "one two three four five six seven eight nine ten eleven twelve thirteen";
    auto layout = layout_text(text, style, { 300, 0 }, HD, metrics);
    EXPECT_EQ(layout.lines.size(), 2u);
    EXPECT_TRUE(layout.ellipsized);
    EXPECT_GT(layout.overflow_px, 0);
    // A short text within the limit is untouched.
    auto short_layout = layout_text("one two", style, { 300, 0 }, HD, metrics);
    EXPECT_EQ(short_layout.lines.size(), 1u);
    EXPECT_FALSE(short_layout.ellipsized);
    EXPECT_EQ(short_layout.size_px, 34);
}

TEST(Layout, LongVietnameseWordIsCutByGraphemeAsLastResort)
{
    FakeFontMetrics metrics;
    // One 40-letter "word" (a joined place name) in a box 10 letters wide at the smallest size.
    std::string word = "Nghiêngnghiêngnghiêngnghiêngnghiêngnghiê";
    auto layout = layout_text(word, body(Lang::Vi, true), { 200, 1000 }, HD, metrics);
    EXPECT_EQ(layout.size_px, 26);
    EXPECT_GT(layout.overflow_px, 0);
    EXPECT_FALSE(layout.ellipsized);
    ASSERT_GT(layout.lines.size(), 1u);
    std::string joined;
    for (auto& line : layout.lines) {
        EXPECT_LE(line.width, 200);
        joined += line_text(line);
    }
    EXPECT_EQ(joined, word);
}

TEST(Layout, LongWordFitsBySteppingWhenItCan)
{
    FakeFontMetrics metrics;
    // 17 letters: 318 px at 34 px, 284 px at 30 px: fits in 300 px without being cut.
    auto layout
        = layout_text("Nghiêngnghiêngngh", body(Lang::Vi, true), { 300, 1000 }, HD, metrics);
    ASSERT_EQ(layout.lines.size(), 1u);
    EXPECT_LT(layout.size_px, 34);
    EXPECT_EQ(layout.overflow_px, 0);
}

TEST(Layout, WeightIsPassedToMetrics)
{
    FakeFontMetrics metrics;
    auto style = body(Lang::En);
    auto regular = layout_text("Water", style, { 400, 100 }, HD, metrics);
    style.weight = Weight::Bold;
    auto bold = layout_text("Water", style, { 400, 100 }, HD, metrics);
    EXPECT_GT(bold.width, regular.width);
    EXPECT_EQ(bold.weight, Weight::Bold);
}

TEST(Layout, InvalidUtf8IsReplacedNotDropped)
{
    FakeFontMetrics metrics;
    auto layout = layout_text("ab\xFF"
                              "cd",
        body(Lang::En), { 400, 100 }, HD, metrics);
    ASSERT_EQ(layout.lines.size(), 1u);
    EXPECT_EQ(line_text(layout.lines[0]),
        "ab\xEF\xBF\xBD"
        "cd");
}

TEST(Layout, EllipsisCutsAtABreakNotInsideAUnit)
{
    FakeFontMetrics metrics;
    auto style = body(Lang::Vi, false);
    style.max_lines = 1;
    std::string text = "Nhà máy nước An Dương 100.000 m³/ngày";
    for (int width = 300; width <= 680; width += 20) {
        auto layout = layout_text(text, style, { width, 0 }, HD, metrics);
        ASSERT_EQ(layout.lines.size(), 1u);
        auto line = line_text(layout.lines[0]);
        EXPECT_LE(layout.lines[0].width, width);
        if (!layout.ellipsized)
            continue;
        EXPECT_EQ(line.find("100"), std::string::npos) << "width " << width << ": " << line;
        EXPECT_EQ(line.substr(line.size() - 3), "…");
        EXPECT_NE(line.substr(line.size() - 4, 1), " ") << "no space before the ellipsis";
    }
}
