// The virtual clock and deadlines: time is stepped, never slept.
#include "kiosk/core/clock.h"

#include <gtest/gtest.h>

using namespace kiosk::core;

TEST(VirtualClock, StartsAtZeroAndAdvances)
{
    VirtualClock clock;
    EXPECT_EQ(clock.now_ms(), 0);
    clock.advance(16);
    clock.advance(17);
    EXPECT_EQ(clock.now_ms(), 33);
    clock.set(1000);
    EXPECT_EQ(clock.now_ms(), 1000);
}

TEST(Deadline, ExpiresAfterItsDuration)
{
    Deadline d(1000, 500);
    EXPECT_FALSE(d.expired(1499));
    EXPECT_TRUE(d.expired(1500));
    EXPECT_DOUBLE_EQ(d.progress(1250), 0.5);
    EXPECT_EQ(d.remaining_ms(1400), 100);
    EXPECT_EQ(d.remaining_ms(9000), 0);
    d.restart(2000);
    EXPECT_FALSE(d.expired(2499));
    EXPECT_DOUBLE_EQ(d.progress(1000), 0.0);
}
