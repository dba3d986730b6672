// Value axes (round ticks from zero past the largest value) and shares, table-driven.
#include "kiosk/core/chart_scale.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace kiosk::core;

struct AxisCase {
    const char* id;
    double largest;
    int max_ticks;
    std::vector<double> ticks;
};

class ChartAxis : public ::testing::TestWithParam<AxisCase> { };

TEST_P(ChartAxis, TicksAreRoundAndCoverTheLargestValue)
{
    auto& c = GetParam();
    auto scale = nice_axis(c.largest, c.max_ticks);
    EXPECT_EQ(scale.ticks, c.ticks) << c.id;
    EXPECT_EQ(scale.top, c.ticks.back()) << c.id;
}

INSTANTIATE_TEST_SUITE_P(Cases, ChartAxis,
    ::testing::Values(AxisCase { "a1_residents", 35000, 5, { 0, 10000, 20000, 30000, 40000 } },
        AxisCase { "a2_firms", 17, 5, { 0, 5, 10, 15, 20 } },
        AxisCase { "a3_exact_top", 40, 4, { 0, 10, 20, 30, 40 } },
        AxisCase { "a4_small", 0.7, 5, { 0, 0.2, 0.4, 0.6000000000000001, 0.8 } },
        AxisCase { "a5_zero", 0, 5, { 0, 1 } }, AxisCase { "a6_negative", -3, 5, { 0, 1 } },
        AxisCase { "a7_nan", std::nan(""), 5, { 0, 1 } },
        AxisCase { "a8_one_tick", 64, 1, { 0, 100 } },
        AxisCase { "a9_zero_ticks_means_one", 3, 0, { 0, 5 } }),
    [](const auto& info) { return std::string(info.param.id); });

TEST(ChartShare, AnDuongGrantIsAlmostAllOfTheTotal)
{
    EXPECT_EQ(share_percent(408178, 421521), 97);
    EXPECT_DOUBLE_EQ(share_percent(408178, 421521, 1), 96.8);
}

TEST(ChartShare, NoWholeGivesZero)
{
    EXPECT_EQ(share_percent(5, 0), 0);
    EXPECT_EQ(share_percent(5, -1), 0);
    EXPECT_EQ(share_percent(std::nan(""), 10), 0);
}
