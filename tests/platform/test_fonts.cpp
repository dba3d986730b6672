// FontSet with the real Noto fonts: finding files, NFD vs NFC widths, no tofu for Japanese,
// the JP face of the CJK collection, and the measurement cache.
#include "kiosk/core/layout.h"
#include "kiosk/core/script.h"
#include "kiosk/core/unicode.h"
#include "kiosk/platform/fonts.h"
#include "tests/platform/font_suite.h"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace kiosk;
using core::Script;
using core::Weight;

namespace {

class Fonts : public kiosk::testing::FontSuite { };

// Every code point of every run is in the font chosen for the run's script.
void expect_no_tofu(platform::FontSet& fonts, std::string_view text, Weight weight)
{
    for (auto& run : core::split_script_runs(text)) {
        auto* font = fonts.font(run.script, weight, 34);
        ASSERT_NE(font, nullptr);
        auto run_text = text.substr(run.begin, run.end - run.begin);
        size_t offset = 0;
        while (offset < run_text.size()) {
            char32_t cp = core::next_code_point(run_text, offset);
            if (cp == U' ')
                continue;
            EXPECT_TRUE(TTF_GlyphIsProvided32(font, cp))
                << "U+" << std::hex << static_cast<uint32_t>(cp) << " missing from "
                << fonts.path(run.script, weight) << " in: " << std::string(text);
        }
    }
}

} // namespace

TEST_F(Fonts, FindsTheNotoFiles)
{
    EXPECT_NE(s_fonts->path(Script::Latin, Weight::Regular).find("NotoSans-Regular.ttf"),
        std::string::npos);
    EXPECT_NE(
        s_fonts->path(Script::Latin, Weight::Bold).find("NotoSans-Bold.ttf"), std::string::npos);
    EXPECT_NE(s_fonts->path(Script::Cjk, Weight::Regular).find("NotoSansCJK-Regular.ttc"),
        std::string::npos);
    EXPECT_NE(
        s_fonts->path(Script::Cjk, Weight::Bold).find("NotoSansCJK-Bold.ttc"), std::string::npos);
}

TEST_F(Fonts, SearchDirsComeFirst)
{
    auto dir = std::filesystem::path(KIOSK_BINARY_DIR) / "test_fonts_search_dir";
    std::filesystem::create_directories(dir);
    auto link = dir / "NotoSans-Regular.ttf";
    std::filesystem::remove(link);
    std::filesystem::create_symlink(s_fonts->path(Script::Latin, Weight::Regular), link);
    auto result = platform::FontSet::open({ "/nonexistent/fonts", dir.string() });
    ASSERT_TRUE(result.ok()) << result.error();
    EXPECT_EQ(result.value()->path(Script::Latin, Weight::Regular), link.string());
    // The others still come from the system.
    EXPECT_EQ(
        result.value()->path(Script::Cjk, Weight::Bold), s_fonts->path(Script::Cjk, Weight::Bold));
}

TEST_F(Fonts, CjkFontIsTheJapaneseFace)
{
    for (auto weight : { Weight::Regular, Weight::Bold }) {
        auto* font = s_fonts->font(Script::Cjk, weight, 40);
        ASSERT_NE(font, nullptr);
        EXPECT_STREQ(TTF_FontFaceFamilyName(font), "Noto Sans CJK JP");
    }
    EXPECT_STREQ(
        TTF_FontFaceFamilyName(s_fonts->font(Script::Latin, Weight::Regular, 40)), "Noto Sans");
}

TEST_F(Fonts, VietnameseNfdMeasuresLikeNfc)
{
    std::string nfc = "Hải Phòng – Kitakyushu: thành phố kết nghĩa từ năm 2014";
    std::string nfd = "Ha\xCC\x89i Pho\xCC\x80ng – Kitakyushu: tha\xCC\x80nh pho\xCC\x82\xCC\x81 "
                      "ke\xCC\x82\xCC\x81t nghi\xCC\x83\x61 tu\xCC\x9B\xCC\x80 na\xCC\x86m 2014";
    ASSERT_EQ(core::to_nfc(nfd).value(), nfc);
    ASSERT_NE(nfd, nfc);
    for (auto weight : { Weight::Regular, Weight::Bold }) {
        for (int size : { 22, 34, 60, 120 }) {
            int a = s_fonts->measure_px(nfc, Script::Latin, weight, size);
            int b = s_fonts->measure_px(nfd, Script::Latin, weight, size);
            EXPECT_GT(a, 0);
            EXPECT_EQ(a, b) << "size " << size;
        }
    }
    core::TextStyle style;
    style.lang = core::Lang::Vi;
    auto a = core::layout_text(nfc, style, { 400, 1000 }, 1080, *s_fonts);
    auto b = core::layout_text(nfd, style, { 400, 1000 }, 1080, *s_fonts);
    ASSERT_EQ(a.lines.size(), b.lines.size());
    for (size_t i = 0; i < a.lines.size(); ++i) {
        EXPECT_EQ(a.lines[i].width, b.lines[i].width);
        EXPECT_EQ(a.lines[i].runs.front().text, b.lines[i].runs.front().text);
    }
}

TEST_F(Fonts, JapaneseUsesTheCjkFontWithoutTofu)
{
    std::string text
        = "北九州市とハイフォン市は二〇一四年に姉妹都市となり、「きれいな水」を届けています。"
          "ちょっとした工夫、コーヒー、キャッシュレス、々、ゝ、〜、※、①、（注）、ＡＢＣ。";
    core::TextStyle style;
    style.lang = core::Lang::Ja;
    auto layout = core::layout_text(text, style, { 500, 2000 }, 1080, *s_fonts);
    ASSERT_GT(layout.lines.size(), 1u);
    for (auto& line : layout.lines) {
        for (auto& run : line.runs)
            EXPECT_EQ(run.script, Script::Cjk) << run.text;
    }
    expect_no_tofu(*s_fonts, text, Weight::Regular);
    expect_no_tofu(*s_fonts, text, Weight::Bold);
}

TEST_F(Fonts, VietnameseEnglishAndMixedTextHaveNoTofu)
{
    const char* texts[] = {
        "Hải Phòng – Kitakyushu: thành phố kết nghĩa từ năm 2014. Nhà máy nước An Dương 100.000 "
        "m³/ngày",
        "ẮẰẲẴẶ ẤẦẨẪẬ ẾỀỂỄỆ ỐỒỔỖỘ ỚỜỞỠỢ ỨỪỬỮỰ Đ đ ỹ ỵ 491,95 km² “quoted” … °C ‰",
        "Sister cities since 2014. 947,092 people — “water” for all.",
        "Hải Phòng ハイフォン市 · Kitakyushu 北九州市 · 100.000 m³/ngày · 「水」",
    };
    for (auto* text : texts) {
        expect_no_tofu(*s_fonts, text, Weight::Regular);
        expect_no_tofu(*s_fonts, text, Weight::Bold);
    }
}

TEST_F(Fonts, LineHeightsAreTheFontsOwn)
{
    int latin = s_fonts->line_height_px(Script::Latin, Weight::Regular, 100);
    int cjk = s_fonts->line_height_px(Script::Cjk, Weight::Regular, 100);
    EXPECT_GE(latin, 100);
    EXPECT_GE(cjk, 100);
    EXPECT_LE(latin, 200);
    EXPECT_LE(cjk, 200);
}

TEST_F(Fonts, MeasurementsAreCached)
{
    std::string text = "A cached measurement of some text";
    int first = s_fonts->measure_px(text, Script::Latin, Weight::Regular, 37);
    auto shaped = s_fonts->shaped_count();
    EXPECT_EQ(s_fonts->measure_px(text, Script::Latin, Weight::Regular, 37), first);
    EXPECT_EQ(s_fonts->shaped_count(), shaped);
    EXPECT_EQ(s_fonts->measure_px("", Script::Latin, Weight::Regular, 37), 0);
}

TEST_F(Fonts, MeasureCacheStaysBounded)
{
    // Many distinct strings: the cache keeps working (results unchanged) without growing forever.
    int reference = s_fonts->measure_px("x", Script::Latin, Weight::Regular, 30);
    const size_t bound = 2 * platform::FontSet::MEASURE_CACHE_ENTRIES;
    size_t largest = 0;
    for (size_t i = 0; i < bound * 3; ++i) {
        s_fonts->measure_px(std::to_string(i), Script::Latin, Weight::Regular, 30);
        largest = std::max(largest, s_fonts->measure_cache_entries());
    }
    EXPECT_LE(largest, bound) << "two generations at most";
    EXPECT_GE(largest, platform::FontSet::MEASURE_CACHE_ENTRIES) << "it does cache";
    EXPECT_EQ(s_fonts->measure_px("x", Script::Latin, Weight::Regular, 30), reference);
    // Still a cache: a string measured just now is not shaped again.
    auto shaped = s_fonts->shaped_count();
    s_fonts->measure_px(std::to_string(bound * 3 - 1), Script::Latin, Weight::Regular, 30);
    EXPECT_EQ(s_fonts->shaped_count(), shaped);
}

TEST_F(Fonts, ManySizesStayUsable)
{
    for (int size = 10; size < 10 + static_cast<int>(platform::FontSet::MAX_OPEN_FONTS) + 20;
         ++size)
        ASSERT_NE(s_fonts->font(Script::Latin, Weight::Regular, size), nullptr);
    EXPECT_NE(s_fonts->font(Script::Cjk, Weight::Regular, 34), nullptr);
    EXPECT_EQ(s_fonts->font(Script::Cjk, Weight::Regular, 0), nullptr);
}

TEST_F(Fonts, WithoutNotoAnyFontStillGivesAReadableMessage)
{
    // A folder with one stray font (a copy of Noto Sans under another name) stands for a
    // machine whose Noto packages were removed.
    auto dir = std::filesystem::temp_directory_path()
        / ("kiosk-fallback-fonts-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "truetype" / "other");
    std::filesystem::copy_file(
        s_fonts->path(Script::Latin, Weight::Regular), dir / "truetype" / "other" / "SomeSans.ttf");
    auto fallback = platform::FontSet::open_fallback(dir.string());
    ASSERT_TRUE(fallback.ok()) << fallback.error();
    EXPECT_NE(
        fallback.value()->path(Script::Cjk, Weight::Bold).find("SomeSans.ttf"), std::string::npos);
    EXPECT_GT(fallback.value()->measure_px(
                  "Triển lãm đang được chuẩn bị", Script::Latin, Weight::Bold, 34),
        100);
    auto none = platform::FontSet::open_fallback((dir / "empty").string());
    EXPECT_FALSE(none.ok());
    std::filesystem::remove_all(dir);
}
