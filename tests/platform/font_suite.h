// A test suite with the real Noto fonts opened once (SDL_ttf initialised for the suite).
#pragma once

#include "kiosk/platform/fonts.h"

#include <gtest/gtest.h>
#include <memory>

namespace kiosk::testing {

class FontSuite : public ::testing::Test {
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
    static inline std::unique_ptr<platform::FontSet> s_fonts;
};

} // namespace kiosk::testing
