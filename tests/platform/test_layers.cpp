// Kept layer pictures through the real renderer (software, into a surface): painted in the
// frame, or, when a sharper picture of the same scene may lag, painted in the background while
// the old picture stays on screen; and the background painter on its own.
#include "kiosk/platform/fonts.h"
#include "kiosk/platform/images.h"
#include "kiosk/platform/renderer.h"
#include "kiosk/platform/sdl_handles.h"
#include "kiosk/platform/text_renderer.h"
#include "kiosk/platform/vector_painter.h"

#include <chrono>
#include <gtest/gtest.h>
#include <thread>

using namespace kiosk;
using namespace kiosk::core;

namespace {

constexpr Color SEA { 18, 70, 112, 255 };
constexpr Color LAND { 238, 208, 158, 255 };

uint32_t argb(Color c)
{
    return (uint32_t { c.a } << 24) | (uint32_t { c.r } << 16) | (uint32_t { c.g } << 8) | c.b;
}

// One frame with the layer: `version`, land over the left or the right half.
DrawList frame(uint64_t version, bool land_left, float resolution, bool may_lag)
{
    DrawList list;
    list.add(BeginLayer { 7, version, SEA, resolution, may_lag });
    list.add(FillRect { { land_left ? 0.0f : 100.0f, 0, 100, 100 }, LAND, 0 });
    list.add(EndLayer {});
    return list;
}

class Layers : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        ASSERT_EQ(TTF_Init(), 0) << TTF_GetError();
        auto result = platform::FontSet::open({});
        ASSERT_TRUE(result.ok()) << result.error();
        s_fonts = result.release_value();
    }
    static void TearDownTestSuite()
    {
        s_fonts.reset();
        TTF_Quit();
    }
    void SetUp() override
    {
        surface.reset(SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_ARGB8888));
        ASSERT_NE(surface, nullptr);
        sdl.reset(SDL_CreateSoftwareRenderer(surface.get()));
        ASSERT_NE(sdl, nullptr);
        text = std::make_unique<platform::TextRenderer>(sdl.get(), *s_fonts, 1 << 20);
        images = std::make_unique<platform::ImageCache>(
            sdl.get(), [](const std::string&) { return std::nullopt; }, 1 << 20);
        renderer = std::make_unique<platform::Renderer>(sdl.get(), *images, *text);
    }
    uint32_t at(int x, int y) const
    {
        auto* row = static_cast<const uint8_t*>(surface->pixels)
            + static_cast<ptrdiff_t>(y) * surface->pitch;
        return reinterpret_cast<const uint32_t*>(row)[x] | 0xff000000u;
    }

    static std::unique_ptr<platform::FontSet> s_fonts;
    platform::SurfacePtr surface;
    platform::RendererPtr sdl;
    std::unique_ptr<platform::TextRenderer> text;
    std::unique_ptr<platform::ImageCache> images;
    std::unique_ptr<platform::Renderer> renderer;
};

std::unique_ptr<platform::FontSet> Layers::s_fonts;

} // namespace

TEST_F(Layers, ASharpPictureThatMayLagIsPaintedInTheBackgroundWhileTheOldOneShows)
{
    renderer->set_background_painting(true);
    // While moving: a half-size picture, painted in the frame.
    renderer->play(frame(1, true, 0.5f, false), { 200, 100 });
    EXPECT_FALSE(renderer->waiting());
    EXPECT_EQ(at(50, 50), argb(LAND));
    EXPECT_EQ(at(150, 50), argb(SEA));
    // At rest: the sharp picture (here, visibly different) may lag; the old one shows meanwhile.
    renderer->play(frame(2, false, 1.0f, true), { 200, 100 });
    EXPECT_TRUE(renderer->waiting());
    EXPECT_EQ(at(50, 50), argb(LAND)) << "the picture on screen stays until the new one is ready";
    renderer->finish_background();
    renderer->play(frame(2, false, 1.0f, true), { 200, 100 });
    EXPECT_FALSE(renderer->waiting());
    EXPECT_EQ(at(50, 50), argb(SEA));
    EXPECT_EQ(at(150, 50), argb(LAND));
    // A picture that may not lag is painted in its frame.
    renderer->play(frame(3, true, 1.0f, false), { 200, 100 });
    EXPECT_FALSE(renderer->waiting());
    EXPECT_EQ(at(50, 50), argb(LAND));
}

TEST_F(Layers, WithoutBackgroundPaintingEveryPictureIsPaintedInItsFrame)
{
    renderer->play(frame(1, true, 0.5f, false), { 200, 100 });
    renderer->play(frame(2, false, 1.0f, true), { 200, 100 });
    EXPECT_FALSE(renderer->waiting());
    EXPECT_EQ(at(50, 50), argb(SEA));
    EXPECT_EQ(at(150, 50), argb(LAND));
}

TEST(BackgroundPainter, PaintsWhatTheFrameWouldAndHandsItOverOnce)
{
    platform::BackgroundPainter painter;
    std::vector<DrawCommand> shapes { FillRect { { 10, 10, 20, 20 }, LAND, 0 } };
    painter.start({ 3, 9, shapes, { 40, 40 }, 1.0f, SEA, true });
    for (int i = 0; i < 5000 && painter.busy(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ASSERT_FALSE(painter.busy());
    EXPECT_FALSE(painter.take(4).has_value()) << "another layer's picture";
    auto picture = painter.take(3);
    ASSERT_TRUE(picture.has_value());
    EXPECT_EQ(picture->version, 9u);
    ASSERT_EQ(picture->pixels.size(), 40u * 40u);
    std::vector<uint32_t> here(40 * 40);
    ASSERT_TRUE(platform::paint_shapes(shapes, { here.data(), 160, { 40, 40 }, true }, 1, SEA));
    EXPECT_EQ(picture->pixels, here);
    EXPECT_FALSE(painter.take(3).has_value()) << "handed over once";
}
