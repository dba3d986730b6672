// The drawn-pictures check shared by check, pack and the installer: the installer lays the
// screens out with estimated text metrics (no font on its worker thread), and that gives the same
// picture boxes as the real fonts on the bundled exhibition; a hostile drawing is refused at the
// size where it would blow the limits, naming the picture and the size.
#include "kiosk/core/estimated_metrics.h"
#include "kiosk/platform/fonts.h"
#include "kiosk/platform/images.h"
#include "kiosk/platform/sdl_handles.h"
#include "kiosk/tools/content/overflow_check.h"
#include "kiosk/tools/content/picture_check.h"
#include "kiosk/tools/content/source_tree.h"

#include <gtest/gtest.h>
#include <set>
#include <tuple>

using namespace kiosk;

namespace {

using BoxKey = std::tuple<std::string, int, int>;

std::set<BoxKey> raster_boxes(const core::Exhibition& ex, core::FontMetrics& fonts)
{
    std::set<BoxKey> boxes;
    for (auto& command : tools::drawn_pictures(ex, fonts, tools::checked_screen_sizes())) {
        auto box = platform::raster_box(platform::drawn_box(command));
        boxes.insert({ command.image_id, box.width, box.height });
    }
    return boxes;
}

tools::CompileOutput compile(const std::string& content, const std::string& assets)
{
    auto out = tools::compile_source_tree(content, assets, {});
    EXPECT_TRUE(out.diagnostics.empty()) << out.diagnostics.format();
    return out;
}

} // namespace

// Estimated metrics are only the fallback when no font opens: on the bundled exhibition they
// miss some of the home cards' picture boxes (whose size follows their titles), which is why the
// installer lays the screens out with the kiosk's fonts. Most boxes agree.
TEST(PictureCheck, EstimatedMetricsAreAFallbackNotTheRealBoxes)
{
    auto out = compile(KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/assets");
    platform::SdlLibrary sdl;
    ASSERT_TRUE(sdl.init(0));
    auto fonts = platform::FontSet::open({ KIOSK_SOURCE_DIR "/assets/fonts" });
    ASSERT_TRUE(fonts) << fonts.error();
    auto phrases
        = platform::FontSet::read_phrase_model(KIOSK_SOURCE_DIR "/assets/text/budoux-ja.tsv");
    ASSERT_TRUE(phrases) << phrases.error();
    fonts.value()->set_phrase_model(phrases.release_value());
    core::EstimatedFontMetrics estimated;
    auto real = raster_boxes(out.exhibition, *fonts.value());
    auto guessed = raster_boxes(out.exhibition, estimated);
    size_t shared = 0;
    for (auto& box : real)
        shared += guessed.contains(box) ? 1 : 0;
    EXPECT_GT(real.size(), out.images.size());
    EXPECT_GT(shared * 10, real.size() * 9) << shared << " of " << real.size();
}

TEST(PictureCheck, AHostileDrawingIsRefusedAtTheSizeThatBlowsTheLimits)
{
    // The good test content with one slide's drawing swapped for one with a 101-step filter:
    // fine at 640 px (152 MB of layers by the estimate), over the 256 MB budget from about
    // 790x720 up. The filter covers a small element so the sizes under the budget draw quickly
    // (tests/e2e/hostile_pictures.sh has one over the whole drawing, through the binaries).
    auto out = compile(KIOSK_SOURCE_DIR "/tests/bad_input/good/content",
        KIOSK_SOURCE_DIR "/tests/bad_input/good/assets");
    ASSERT_FALSE(out.exhibition.slides.empty());
    std::string id = out.exhibition.slides.front().image;
    ASSERT_FALSE(id.empty());
    std::string prims, merge;
    for (int i = 0; i < 100; ++i) {
        prims += "<feOffset in='SourceGraphic' dx='1' result='r" + std::to_string(i) + "'/>";
        merge += "<feMergeNode in='r" + std::to_string(i) + "'/>";
    }
    std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='90'><filter "
                      "id='f'>"
        + prims + "<feMerge>" + merge
        + "</feMerge></filter><rect width='100' height='90' fill='#8ac'/>"
          "<rect x='45' y='40' width='10' height='9' filter='url(#f)'/></svg>";
    std::vector<uint8_t> hostile(svg.begin(), svg.end());
    EXPECT_EQ(platform::check_image_decodes(hostile), std::nullopt)
        << "the one-size check (640 px) lets it through: this is what the drawn check is for";
    platform::SdlLibrary sdl;
    ASSERT_TRUE(sdl.init(0));
    auto check = tools::installer_picture_check([]() -> std::unique_ptr<core::FontMetrics> {
        auto fonts = platform::FontSet::open({});
        return fonts ? fonts.release_value() : nullptr;
    });
    auto problems = check(out.exhibition, [&](const std::string& image) {
        if (image == id)
            return std::optional(hostile);
        for (auto& stored : out.images) {
            if (stored.id == image)
                return std::optional(stored.bytes);
        }
        return std::optional<std::vector<uint8_t>>();
    });
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("image " + id + " cannot be drawn at "), std::string::npos)
        << problems[0];
    // Refused by its layers' memory at the latest at the 4K picture box; on a slow or busy
    // machine a smaller size may already take over the time limit.
    EXPECT_TRUE(problems[0].find("filter and mask layers would take about") != std::string::npos
        || problems[0].find("over 5000 ms") != std::string::npos)
        << problems[0];
}
