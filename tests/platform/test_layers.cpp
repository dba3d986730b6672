// Kept layer pictures through the real renderer (software, into a surface): painted in the
// frame, or, when a sharper picture of the same scene may lag, painted in the background while
// the old picture stays on screen; and the background painter on its own.
#include "kiosk/platform/fonts.h"
#include "kiosk/platform/images.h"
#include "kiosk/platform/renderer.h"
#include "kiosk/platform/sdl_handles.h"
#include "kiosk/platform/text_renderer.h"
#include "kiosk/platform/vector_painter.h"
#include "tests/platform/font_suite.h"

#include <gtest/gtest.h>

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
    float x0 = land_left ? 0.0f : 100.0f;
    list.add(FillRect { { x0, 0, 100, 100 }, LAND, 0 });
    // Work for the painter that leaves no trace: land-coloured lines inside the land.
    for (int i = 0; i < 4000; ++i) {
        float y = 10 + static_cast<float>(i % 80);
        list.add(DrawLine { { x0 + 10, y }, { x0 + 90, y + 1 }, LAND, 1 });
    }
    list.add(EndLayer {});
    return list;
}

class Layers : public kiosk::testing::FontSuite {
protected:
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

    platform::SurfacePtr surface;
    platform::RendererPtr sdl;
    std::unique_ptr<platform::TextRenderer> text;
    std::unique_ptr<platform::ImageCache> images;
    std::unique_ptr<platform::Renderer> renderer;
};

} // namespace

TEST_F(Layers, ASharpPictureThatMayLagIsPaintedInTheBackgroundWhileTheOldOneShows)
{
    renderer->set_background_painting(true);
    // While moving: a half-size picture, painted in the frame.
    renderer->play(frame(1, true, 0.5f, false), { 200, 100 });
    EXPECT_FALSE(renderer->waiting());
    EXPECT_EQ(at(50, 50), argb(LAND));
    EXPECT_EQ(at(150, 50), argb(SEA));
    // At rest: the sharp picture (here, visibly different) may lag. The frame shows either the
    // old picture, while the new one is painted (waiting), or the new one if it was already done:
    // never a mix, never a blank.
    renderer->play(frame(2, false, 1.0f, true), { 200, 100 });
    bool old_shown = at(50, 50) == argb(LAND) && at(150, 50) == argb(SEA);
    bool new_shown = at(50, 50) == argb(SEA) && at(150, 50) == argb(LAND);
    EXPECT_TRUE(renderer->waiting() ? old_shown : new_shown);
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
    painter.wait_idle();
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
