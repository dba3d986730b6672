// Picture tests: a rendered surface against a golden PNG in tests/golden, with a tolerance for
// anti-aliasing (a channel may differ by 48, and 0.5 % of the pixels may differ more).
// KIOSK_UPDATE_GOLDEN=1 rewrites the golden instead; a failing render is written to the build
// folder as actual_NAME for people to look at.
#pragma once

#include "kiosk/platform/sdl_handles.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <string>

namespace kiosk::testing {

inline uint32_t golden_pixel(SDL_Surface* surface, int x, int y)
{
    auto* row
        = static_cast<const uint8_t*>(surface->pixels) + static_cast<ptrdiff_t>(y) * surface->pitch;
    return reinterpret_cast<const uint32_t*>(row)[x];
}

inline void expect_matches_golden(SDL_Surface* rendered, const std::string& name)
{
    ASSERT_NE(rendered, nullptr);
    auto golden_path = std::filesystem::path(KIOSK_SOURCE_DIR) / "tests" / "golden" / name;
    platform::SurfacePtr actual(SDL_ConvertSurfaceFormat(rendered, SDL_PIXELFORMAT_ARGB8888, 0));
    ASSERT_NE(actual, nullptr) << SDL_GetError();
    const char* update = std::getenv("KIOSK_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::filesystem::create_directories(golden_path.parent_path());
        ASSERT_EQ(IMG_SavePNG(actual.get(), golden_path.c_str()), 0) << IMG_GetError();
        GTEST_SKIP() << "rewrote " << golden_path;
    }
    platform::SurfacePtr loaded(IMG_Load(golden_path.c_str()));
    ASSERT_NE(loaded, nullptr) << "missing golden " << golden_path << " (" << IMG_GetError()
                               << "); run with KIOSK_UPDATE_GOLDEN=1 to create it";
    platform::SurfacePtr golden(
        SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0));
    ASSERT_NE(golden, nullptr);

    int w = actual->w, h = actual->h;
    bool same_size = golden->w == w && golden->h == h;
    size_t differing = 0;
    if (same_size) {
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                uint32_t a = golden_pixel(actual.get(), x, y);
                uint32_t b = golden_pixel(golden.get(), x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    int d = static_cast<int>((a >> shift) & 0xFF)
                        - static_cast<int>((b >> shift) & 0xFF);
                    if (d > 48 || d < -48) {
                        ++differing;
                        break;
                    }
                }
            }
        }
    }
    size_t allowed = static_cast<size_t>(w) * static_cast<size_t>(h) / 200;
    if (!same_size || differing > allowed) {
        auto out = std::filesystem::path(KIOSK_BINARY_DIR) / ("actual_" + name);
        IMG_SavePNG(actual.get(), out.c_str());
        ADD_FAILURE() << name << ": "
                      << (same_size ? std::to_string(differing) + " pixels differ" : "size differs")
                      << " (allowed " << allowed << "); new render written to " << out
                      << " (KIOSK_UPDATE_GOLDEN=1 accepts it)";
    }
}

} // namespace kiosk::testing
