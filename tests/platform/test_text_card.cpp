// TextRenderer and the text test card, rendered in software at three screen sizes and compared
// with the golden PNGs in tests/golden (KIOSK_UPDATE_GOLDEN=1 rewrites them).
#include "kiosk/platform/fonts.h"
#include "kiosk/platform/sdl_handles.h"
#include "kiosk/platform/text_card.h"
#include "kiosk/platform/text_renderer.h"
#include "tests/platform/font_suite.h"
#include "tests/support/golden.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <string>

using namespace kiosk;

namespace {

class TextCard : public kiosk::testing::FontSuite {
protected:
    // A software renderer drawing into a plain ARGB surface: no window, no video driver.
    struct Canvas {
        platform::SurfacePtr surface;
        platform::RendererPtr renderer;
    };
    static Canvas make_canvas(int width, int height)
    {
        Canvas canvas;
        canvas.surface.reset(
            SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
        EXPECT_NE(canvas.surface, nullptr) << SDL_GetError();
        canvas.renderer.reset(SDL_CreateSoftwareRenderer(canvas.surface.get()));
        EXPECT_NE(canvas.renderer, nullptr) << SDL_GetError();
        return canvas;
    }
};

uint32_t pixel_at(SDL_Surface* surface, int x, int y)
{
    auto* row
        = static_cast<const uint8_t*>(surface->pixels) + static_cast<ptrdiff_t>(y) * surface->pitch;
    return reinterpret_cast<const uint32_t*>(row)[x];
}

core::DrawText sample_command()
{
    core::DrawText command;
    command.text = "Hải Phòng 北九州市 100.000 m³/ngày";
    command.style.lang = core::Lang::Vi;
    command.box = { 20, 20, 500, 200 };
    command.color = { 255, 200, 100, 255 };
    return command;
}

} // namespace

TEST_F(TextCard, SecondDrawIsAllCacheHits)
{
    auto canvas = make_canvas(640, 360);
    // Keep at least one texture warm in the renderer between tests' canvases: a new renderer
    // needs a new TextRenderer, since textures belong to their renderer.
    platform::TextRenderer text(canvas.renderer.get(), *s_fonts, 8 << 20);
    auto command = sample_command();
    text.draw(command, 1080);
    auto first = text.stats();
    EXPECT_GT(first.misses, 0u);
    EXPECT_EQ(first.textures, first.misses);
    auto shaped = s_fonts->shaped_count();

    command.color = { 10, 20, 30, 128 }; // another colour reuses the same white textures
    text.draw(command, 1080);
    auto second = text.stats();
    EXPECT_EQ(second.misses, first.misses);
    EXPECT_EQ(second.hits, first.hits + first.misses);
    EXPECT_EQ(s_fonts->shaped_count(), shaped) << "a steady frame must not shape text";
    EXPECT_EQ(second.budget, static_cast<size_t>(8 << 20));

    text.clear();
    EXPECT_EQ(text.stats().textures, 0u);
    EXPECT_EQ(text.stats().bytes, 0u);
}

TEST_F(TextCard, TextureCacheStaysWithinBudget)
{
    auto canvas = make_canvas(640, 360);
    size_t budget = 200 * 1024;
    platform::TextRenderer text(canvas.renderer.get(), *s_fonts, budget);
    for (int i = 0; i < 60; ++i) {
        auto command = sample_command();
        command.text = "Line number " + std::to_string(i) + " of many";
        text.draw(command, 1080);
        EXPECT_LE(text.stats().bytes, budget);
    }
    EXPECT_GT(text.stats().textures, 0u);
    EXPECT_LT(text.stats().textures, 60u);
}

TEST_F(TextCard, TextStaysInsideItsBoxHorizontally)
{
    auto canvas = make_canvas(400, 200);
    platform::TextRenderer text(canvas.renderer.get(), *s_fonts, 8 << 20);
    SDL_SetRenderDrawColor(canvas.renderer.get(), 0, 0, 0, 255);
    SDL_RenderClear(canvas.renderer.get());
    core::DrawText command;
    command.text = "Nghiêngnghiêngnghiêngnghiêngnghiêng ハイフォン市ハイフォン市ハイフォン市";
    command.style.fit = false;
    command.style.align = core::Align::Center;
    command.box = { 100, 10, 200, 180 };
    command.color = { 255, 255, 255, 255 };
    text.draw(command, 1080);
    SDL_RenderFlush(canvas.renderer.get());
    int lit_inside = 0;
    for (int y = 0; y < 200; ++y) {
        for (int x = 0; x < 400; ++x) {
            bool lit = (pixel_at(canvas.surface.get(), x, y) & 0x00FFFFFF) != 0;
            if (x < 100 || x >= 300)
                ASSERT_FALSE(lit) << "pixel drawn outside the box at " << x << "," << y;
            else
                lit_inside += lit ? 1 : 0;
        }
    }
    EXPECT_GT(lit_inside, 100);
}

TEST_F(TextCard, LatinAndCjkRunsShareABaseline)
{
    auto canvas = make_canvas(800, 200);
    platform::TextRenderer text(canvas.renderer.get(), *s_fonts, 8 << 20);
    SDL_SetRenderDrawColor(canvas.renderer.get(), 0, 0, 0, 255);
    SDL_RenderClear(canvas.renderer.get());
    // "H" and "一" both sit on the baseline region; "H" has no descender, and the bottom of
    // "工" is its baseline stroke, so their lowest lit rows should be within a few pixels.
    core::DrawText command;
    command.text = "HHH 工工工";
    command.box = { 0, 0, 800, 200 };
    command.style.size_px = 80;
    command.color = { 255, 255, 255, 255 };
    text.draw(command, 1080);
    SDL_RenderFlush(canvas.renderer.get());
    auto& layout = text.layout(command.text, command.style, { 800, 200 }, 1080);
    ASSERT_EQ(layout.lines.size(), 1u);
    ASSERT_EQ(layout.lines[0].runs.size(), 2u);
    auto lowest_row = [&](float x0, float x1) {
        int lowest = -1;
        for (int y = 0; y < 200; ++y) {
            for (int x = static_cast<int>(x0); x < static_cast<int>(x1); ++x) {
                if ((pixel_at(canvas.surface.get(), x, y) & 0xFF) > 128)
                    lowest = y;
            }
        }
        return lowest;
    };
    auto& latin = layout.lines[0].runs[0];
    auto& cjk = layout.lines[0].runs[1];
    int latin_bottom = lowest_row(latin.x, latin.x + latin.width);
    int cjk_bottom = lowest_row(cjk.x, cjk.x + cjk.width);
    ASSERT_GT(latin_bottom, 0);
    ASSERT_GT(cjk_bottom, 0);
    EXPECT_NEAR(latin_bottom, cjk_bottom, 6);
}

struct GoldenSize {
    int width;
    int height;
};

class TextCardGolden : public TextCard, public ::testing::WithParamInterface<GoldenSize> { };

TEST_P(TextCardGolden, MatchesGolden)
{
    auto size = GetParam();
    auto name
        = "text_card_" + std::to_string(size.width) + "x" + std::to_string(size.height) + ".png";
    auto canvas = make_canvas(size.width, size.height);
    platform::TextRenderer text(canvas.renderer.get(), *s_fonts, 64 << 20);
    platform::draw_text_card(canvas.renderer.get(), text, { size.width, size.height });
    SDL_RenderFlush(canvas.renderer.get());

    kiosk::testing::expect_matches_golden(canvas.surface.get(), name);
}

INSTANTIATE_TEST_SUITE_P(Sizes, TextCardGolden,
    ::testing::Values(
        GoldenSize { 1920, 1080 }, GoldenSize { 1080, 1920 }, GoldenSize { 3840, 2160 }),
    [](const auto& info) {
        return std::to_string(info.param.width) + "x" + std::to_string(info.param.height);
    });
