// The content compiler: a clean minimal exhibition compiles; each kind of mistake is reported once,
// at its exact file:line:col, and all mistakes are reported in one run.
#include "kiosk/tools/content/compiler.h"

#include <gtest/gtest.h>

using namespace kiosk;
using tools::CompileInput;
using tools::SourceFile;

namespace {

const char* EXHIBITION = R"(# the exhibition
[exhibition]
version = "test-1"
default_lang = "vi"
idle_timeout_s = 60
title = { vi = "Triển lãm", ja = "展示", en = "Exhibition" }
)";

const char* SOURCES = R"([[source]]
id = "000"
file = "000_x.txt"
author = "A"
publisher = "P"
title = { vi = "Bài", ja = "記事", en = "Article" }
)";

const char* PARTS = R"([[partnership]]
id = "hp-kk"
places = ["haiphong"]
image = "flag.svg"
name = { vi = "Hải Phòng – Kitakyushu", ja = "ハイフォン・北九州", en = "Hai Phong – Kitakyushu" }
tagline = { vi = "Kết nghĩa", ja = "姉妹都市", en = "Sister cities" }

[[topic]]
id = "hpk-overview"
partnership = "hp-kk"
kind = "overview"
title = { vi = "Tổng quan", ja = "概要", en = "Overview" }
summary = { vi = "Tóm tắt", ja = "まとめ", en = "Summary" }
)";

const char* SLIDES = R"([[slide]]
id = "s1"
topic = "hpk-overview"
order = 1
image = "flag.svg"
source = "000"
title = { vi = "Tiêu đề", ja = "題", en = "Title" }
[slide.body]
vi = "Nội dung"
ja = "本文"
en = "Body"
)";

const char* PLACES = R"([[place]]
id = "haiphong"
kind = "city"
lat = 20.86
lon = 106.68
source = "000"
slides = ["s1"]
name = { vi = "Hải Phòng", ja = "ハイフォン", en = "Hai Phong" }
text = { vi = "Thành phố cảng", ja = "港町", en = "Port city" }

[[event]]
id = "e1"
date = "2014-05"
source = "000"
text = { vi = "Kết nghĩa", ja = "姉妹都市", en = "Sister cities" }

[[chart]]
id = "c1"
kind = "bar"
source = "000"
title = { vi = "Dân số", ja = "人口", en = "Population" }
unit = { vi = "người", ja = "人", en = "people" }
[[chart.point]]
value = 1
label = { vi = "a", ja = "a", en = "a" }
[[chart.point]]
value = 2
label = { vi = "b", ja = "b", en = "b" }
)";

CompileInput base_input()
{
    CompileInput input;
    input.files = {
        { "content/exhibition.toml", EXHIBITION },
        { "content/sources.toml", SOURCES },
        { "content/parts.toml", PARTS },
        { "content/slides.toml", SLIDES },
        { "content/places.toml", PLACES },
    };
    std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect "
                      "width='10' height='10'/></svg>";
    input.images["flag.svg"] = std::vector<uint8_t>(svg.begin(), svg.end());
    input.images["photos/p.jpg"] = std::vector<uint8_t>(svg.begin(), svg.end());
    std::string broken = "not an image";
    input.images["broken.svg"] = std::vector<uint8_t>(broken.begin(), broken.end());
    input.prepare_image
        = [](const std::vector<uint8_t>& bytes) -> kiosk::core::Result<std::vector<uint8_t>> {
        if (std::string(bytes.begin(), bytes.end()).find("<svg") == std::string::npos)
            return kiosk::core::Error { "not an SVG" };
        return bytes;
    };
    // The probe's contract (platform/video_probe.h, tested on real clips in tests/platform and
    // tests/e2e/video_limits.sh): facts for a playable file, a reason for another.
    input.videos["clip.mp4"] = { 'c', 'l', 'i', 'p' };
    input.videos["old.mp4"] = { 'o', 'l', 'd' };
    input.probe_video
        = [](const std::string&,
              const std::vector<uint8_t>& bytes) -> kiosk::core::Result<kiosk::core::VideoInfo> {
        if (bytes.size() != 4)
            return kiosk::core::Error { "codec mpeg4 is not supported" };
        return kiosk::core::VideoInfo { "mp4", "h264", 640, 360, 4500, 25 };
    };
    return input;
}

void replace_in(
    CompileInput& input, const std::string& file, const std::string& from, const std::string& to)
{
    for (auto& f : input.files) {
        if (f.path != file)
            continue;
        auto at = f.text.find(from);
        ASSERT_NE(at, std::string::npos) << "fixture text not found: " << from;
        f.text.replace(at, from.size(), to);
        return;
    }
    FAIL() << "no fixture file " << file;
}

// One more slide, written after s1 in slides.toml (from line 12 on).
std::string extra_slide(const std::string& id, const std::string& topic, int order,
    const std::string& image, bool attract = true)
{
    return "\n[[slide]]\nid = \"" + id + "\"\ntopic = \"" + topic + "\"\norder = "
        + std::to_string(order) + "\nattract = " + (attract ? "true" : "false") + "\nimage = \""
        + image + "\"\nsource = \"000\"\ntitle = { vi = \"T\", ja = \"T\", en = \"T\" }\n"
        + "body = { vi = \"B\", ja = \"B\", en = \"B\" }\n";
}

const char* SECOND_TOPIC = R"(
[[topic]]
id = "hpk-two"
partnership = "hp-kk"
kind = "water"
order = 2
title = { vi = "Hai", ja = "二", en = "Two" }
summary = { vi = "Hai", ja = "二", en = "Two" }
)";

} // namespace

TEST(ContentCompiler, CleanContentCompilesWithNoDiagnostics)
{
    auto out = tools::compile_content(base_input());
    EXPECT_TRUE(out.diagnostics.empty()) << out.diagnostics.format();
    ASSERT_EQ(out.exhibition.slides.size(), 1u);
    EXPECT_EQ(out.exhibition.slides[0].title[core::Lang::Ja], "題");
    EXPECT_EQ(out.exhibition.places[0].slide_ids, std::vector<std::string> { "s1" });
    EXPECT_EQ(out.exhibition.meta.idle_timeout_ms, 60000);
    ASSERT_EQ(out.images.size(), 1u);
    EXPECT_EQ(out.images[0].id, "flag.svg");
    EXPECT_EQ(out.locations.at("slide:s1").second, 1);
}

TEST(ContentCompiler, DecomposedTextIsStoredAsNfc)
{
    auto input = base_input();
    // "Hải" with the hook above and dot below written as combining marks.
    replace_in(
        input, "content/slides.toml", "vi = \"Nội dung\"", "vi = \"Ha\xCC\x89i Pho\xCC\x80ng\"");
    auto out = tools::compile_content(input);
    ASSERT_TRUE(out.diagnostics.empty()) << out.diagnostics.format();
    EXPECT_EQ(out.exhibition.slides[0].body[core::Lang::Vi], "Hải Phòng");
}

struct ErrorCase {
    const char* id;
    const char* file;
    const char* from;
    const char* to;
    const char* expected; // the whole line of the report
    // Errors that remove an item (a file that does not parse, an invalid id) may also make
    // references to that item fail; otherwise the mistake must be the only diagnostic.
    bool may_cascade { false };
};

class ContentCompilerErrors : public ::testing::TestWithParam<ErrorCase> { };

TEST_P(ContentCompilerErrors, ReportsTheMistakeAtItsPlace)
{
    auto& c = GetParam();
    auto input = base_input();
    replace_in(input, c.file, c.from, c.to);
    auto out = tools::compile_content(input);
    auto report = out.diagnostics.format();
    EXPECT_NE(report.find(std::string(c.expected) + "\n"), std::string::npos)
        << c.id << " reported:\n"
        << report;
    if (!c.may_cascade)
        EXPECT_EQ(out.diagnostics.size(), 1u) << c.id << " reported:\n" << report;
    else
        EXPECT_LE(out.diagnostics.size(), 4u) << c.id << " reported:\n" << report;
}

INSTANTIATE_TEST_SUITE_P(EveryKind, ContentCompilerErrors,
    ::testing::Values(
        ErrorCase { "E01_unknown_key", "content/slides.toml", "order = 1", "ordre = 1",
            "content/slides.toml:4:1: error: slide 's1': unknown key 'ordre'" },
        ErrorCase { "E02_missing_translation", "content/slides.toml", "ja = \"本文\"\n", "",
            "content/slides.toml:8:1: error: slide 's1'.body: missing translation 'ja'" },
        ErrorCase { "E03_empty_translation", "content/slides.toml", "en = \"Title\"", "en = \"  \"",
            "content/slides.toml:7:42: error: slide 's1'.title: translation 'en' is empty" },
        ErrorCase { "E04_unknown_slide", "content/places.toml", "slides = [\"s1\"]",
            "slides = [\"s9\"]",
            "content/places.toml:7:10: error: reference to an unknown slide 's9'" },
        ErrorCase { "E05_unknown_place", "content/parts.toml", "places = [\"haiphong\"]",
            "places = [\"haifong\"]",
            "content/parts.toml:3:10: error: reference to an unknown place 'haifong'" },
        ErrorCase { "E06_unknown_image", "content/slides.toml", "image = \"flag.svg\"",
            "image = \"flags.svg\"",
            "content/slides.toml:5:9: error: reference to an unknown image 'flags.svg' (no "
            "assets/images/flags.svg)" },
        ErrorCase { "E07_bad_latitude", "content/places.toml", "lat = 20.86", "lat = 120.86",
            "content/places.toml:4:7: error: place: bad coordinates: lat must be -90..90 degrees" },
        ErrorCase { "E08_bad_longitude", "content/places.toml", "lon = 106.68", "lon = \"106.68\"",
            "content/places.toml:5:7: error: place 'haiphong': 'lon' must be a number" },
        ErrorCase { "E09_duplicate_id", "content/places.toml", "[[chart]]",
            "[[event]]\nid = \"e1\"\ndate = \"2009\"\nsource = \"000\"\ntext = { vi = \"a\", ja = "
            "\"a\", en = \"a\" }\n\n[[chart]]",
            "content/places.toml:17:1: error: duplicate event id 'e1' (first defined at "
            "content/places.toml:11)" },
        ErrorCase { "E10_invalid_utf8", "content/slides.toml", "vi = \"Nội dung\"",
            "vi = \"N\xff dung\"", "content/slides.toml:9:8: error: invalid UTF-8", true },
        ErrorCase { "E11_image_does_not_decode", "content/slides.toml", "image = \"flag.svg\"",
            "image = \"broken.svg\"",
            "content/slides.toml:5:9: error: image 'broken.svg' cannot be shown: not an SVG" },
        ErrorCase { "E12_unknown_topic", "content/slides.toml", "topic = \"hpk-overview\"",
            "topic = \"hpk-overveiw\"",
            "content/slides.toml:3:9: error: reference to an unknown topic 'hpk-overveiw'" },
        ErrorCase { "E13_unknown_source", "content/slides.toml", "source = \"000\"",
            "source = \"007\"",
            "content/slides.toml:6:10: error: reference to an unknown source '007'" },
        ErrorCase { "E14_bad_date", "content/places.toml", "date = \"2014-05\"",
            "date = \"2014-13\"",
            "content/places.toml:13:8: error: event: date must be YYYY, YYYY-MM or YYYY-MM-DD, not "
            "'2014-13'" },
        ErrorCase { "E15_toml_syntax", "content/slides.toml", "order = 1", "order = = 1",
            "content/slides.toml:4:9: error: Error while parsing value: could not determine value "
            "type",
            true },
        ErrorCase { "E16_unknown_top_level", "content/slides.toml", "[[slide]]", "[[slyde]]",
            "content/slides.toml:1:3: error: unknown key 'slyde' (expected exhibition, source, "
            "partnership, topic, slide, place, link, event or chart)",
            true },
        ErrorCase { "E17_bad_id", "content/slides.toml", "id = \"s1\"", "id = \"S 1\"",
            "content/slides.toml:2:6: error: slide: id 'S 1' must be lowercase ASCII letters, "
            "digits and '-'",
            true },
        ErrorCase { "E18_focus_on_a_drawing", "content/slides.toml", "image = \"flag.svg\"",
            "image = \"flag.svg\"\nfocus = [0.5, 0.5]",
            "content/slides.toml:6:9: error: slide: 'focus' and 'credit' belong to a photo (image "
            "= \"....jpg\", .png, .webp)" },
        ErrorCase { "E19_photo_without_credit", "content/slides.toml", "image = \"flag.svg\"",
            "image = \"photos/p.jpg\"",
            "content/slides.toml:1:1: error: slide 's1': missing text 'credit' (needs vi, ja and "
            "en)" },
        ErrorCase { "E20_focus_out_of_range", "content/slides.toml", "image = \"flag.svg\"",
            "image = \"photos/p.jpg\"\nfocus = [1.5, 0]\ncredit = { vi = \"a\", ja = \"a\", en = "
            "\"a\" }",
            "content/slides.toml:6:9: error: slide 's1': 'focus' must be [x, y] with each 0..1 (0 "
            "= "
            "left or top, 1 = right or bottom)" },
        ErrorCase { "E21_unknown_video", "content/slides.toml", "image = \"flag.svg\"",
            "image = \"flag.svg\"\nvideo = \"clip.webm\"",
            "content/slides.toml:6:9: error: reference to an unknown video 'clip.webm' (no "
            "assets/videos/clip.webm)" },
        ErrorCase { "E22_video_refused_by_probe", "content/slides.toml", "image = \"flag.svg\"",
            "image = \"flag.svg\"\nvideo = \"old.mp4\"",
            "content/slides.toml:6:9: error: video 'old.mp4' cannot be played: codec mpeg4 is not "
            "supported" },
        ErrorCase { "E23_loop_without_video", "content/slides.toml", "image = \"flag.svg\"",
            "image = \"flag.svg\"\nvideo_loop = false",
            "content/slides.toml:6:14: error: slide: 'video_loop' without a 'video'" },
        ErrorCase { "E24_once_video_with_duration", "content/slides.toml", "order = 1",
            "order = 1\nduration_s = 20\nvideo = \"clip.mp4\"\nvideo_loop = false",
            "content/slides.toml:5:14: error: slide: a slide whose video plays once (video_loop = "
            "false) lasts as long as the video; leave out duration_s" },
        ErrorCase { "E25_loop_not_a_flag", "content/slides.toml", "image = \"flag.svg\"",
            "image = \"flag.svg\"\nvideo = \"clip.mp4\"\nvideo_loop = 1",
            "content/slides.toml:7:14: error: slide 's1': 'video_loop' must be true or false" }),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.id); });

// The picture rule's cases that must pass: a picture may come back once another slide stands
// between, and a slide left out of the attract loop does not meet the loop's first slide.
TEST(ContentCompiler, APictureMayReturnAfterAnotherSlide)
{
    auto input = base_input();
    std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'/>";
    input.images["other.svg"] = std::vector<uint8_t>(svg.begin(), svg.end());
    for (auto& f : input.files) {
        if (f.path == "content/slides.toml")
            f.text += extra_slide("s2", "hpk-overview", 2, "other.svg")
                + extra_slide("s3", "hpk-overview", 3, "flag.svg", false);
    }
    auto out = tools::compile_content(input);
    EXPECT_TRUE(out.diagnostics.empty()) << out.diagnostics.format();
}

struct PictureCase {
    const char* id;
    std::string extra_slides; // appended to slides.toml
    bool second_topic;
    bool icon; // the first topic's icon is flag.svg, s1's picture
    const char* expected; // the whole line of the report
};

class ContentCompilerPictures : public ::testing::TestWithParam<PictureCase> { };

TEST_P(ContentCompilerPictures, NeighboursAndIconsAreRefusedAtTheImage)
{
    auto& c = GetParam();
    auto input = base_input();
    std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'/>";
    input.images["other.svg"] = std::vector<uint8_t>(svg.begin(), svg.end());
    for (auto& f : input.files) {
        if (f.path == "content/slides.toml")
            f.text += c.extra_slides;
        if (f.path == "content/parts.toml" && c.second_topic)
            f.text += SECOND_TOPIC;
    }
    if (c.icon)
        replace_in(input, "content/parts.toml", "kind = \"overview\"",
            "kind = \"overview\"\nicon = \"flag.svg\"");
    auto out = tools::compile_content(input);
    auto report = out.diagnostics.format();
    EXPECT_EQ(report, std::string(c.expected) + "\n") << c.id;
}

INSTANTIATE_TEST_SUITE_P(Rule, ContentCompilerPictures,
    ::testing::Values(
        PictureCase { "P1_same_picture_next_in_topic",
            extra_slide("s2", "hpk-overview", 2, "flag.svg", false), false, false,
            "content/slides.toml:18:9: error: slide 's2' shows the same picture as 's1' just "
            "before it in topic 'hpk-overview' (image 'flag.svg'); neighbouring slides need "
            "pictures of their own" },
        PictureCase { "P2_same_picture_next_in_the_loop",
            extra_slide("s2", "hpk-two", 1, "flag.svg"), true, false,
            "content/slides.toml:18:9: error: slide 's2' shows the same picture as 's1' just "
            "before it in the attract loop (image 'flag.svg'); neighbouring slides need pictures "
            "of their own" },
        PictureCase { "P3_the_loop_wraps_round",
            extra_slide("s2", "hpk-two", 1, "other.svg")
                + extra_slide("s3", "hpk-two", 2, "flag.svg"),
            true, false,
            "content/slides.toml:5:9: error: slide 's1' shows the same picture as 's3' just "
            "before it in the attract loop (it wraps round) (image 'flag.svg'); neighbouring "
            "slides need pictures of their own" },
        PictureCase { "P4_topic_icon_as_picture", "", false, true,
            "content/slides.toml:5:9: error: slide 's1' uses the icon of topic 'hpk-overview' as "
            "its picture (image 'flag.svg'); a slide's picture is about the slide" }),
    [](const ::testing::TestParamInfo<PictureCase>& info) { return std::string(info.param.id); });

TEST(ContentCompiler, VideoSlidesKeepTheProbedFactsAndAOnceVideoSetsTheDuration)
{
    auto input = base_input();
    replace_in(input, "content/slides.toml", "image = \"flag.svg\"",
        "image = \"flag.svg\"\nvideo = \"clip.mp4\"\nvideo_loop = false");
    auto out = tools::compile_content(input);
    ASSERT_TRUE(out.diagnostics.empty()) << out.diagnostics.format();
    auto& slide = out.exhibition.slides[0];
    EXPECT_EQ(slide.video, "clip.mp4");
    EXPECT_FALSE(slide.video_loop);
    EXPECT_EQ(slide.video_info.width_px, 640);
    EXPECT_EQ(slide.duration_ms, 4500); // as long as the video
    ASSERT_EQ(out.videos.size(), 1u);
    EXPECT_EQ(out.videos[0].bytes.size(), 4u);
    EXPECT_EQ(out.videos[0].info.codec, "h264");
    // A looped video keeps the slide's own duration.
    input = base_input();
    replace_in(input, "content/slides.toml", "order = 1",
        "order = 1\nduration_s = 20\nvideo = \"clip.mp4\"");
    out = tools::compile_content(input);
    ASSERT_TRUE(out.diagnostics.empty()) << out.diagnostics.format();
    EXPECT_TRUE(out.exhibition.slides[0].video_loop);
    EXPECT_EQ(out.exhibition.slides[0].duration_ms, 20000);
}

TEST(ContentCompiler, ReportsEveryMistakeInOneRun)
{
    auto input = base_input();
    replace_in(input, "content/slides.toml", "order = 1", "ordre = 1");
    replace_in(input, "content/places.toml", "lat = 20.86", "lat = 95");
    replace_in(input, "content/parts.toml", "image = \"flag.svg\"", "image = \"none.svg\"");
    auto out = tools::compile_content(input);
    EXPECT_EQ(out.diagnostics.size(), 3u) << out.diagnostics.format();
}

TEST(ContentCompiler, EmptyContentSaysWhatIsMissing)
{
    CompileInput input;
    input.files = { { "content/empty.toml", "" } };
    auto out = tools::compile_content(input);
    auto text = out.diagnostics.format();
    EXPECT_NE(text.find("no [exhibition] table"), std::string::npos) << text;
    EXPECT_NE(text.find("the content has no slides"), std::string::npos) << text;
}
