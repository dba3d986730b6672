// Scrolling with inertia on the virtual clock.
#include "kiosk/core/scroller.h"

#include <gtest/gtest.h>

using namespace kiosk::core;

TEST(Scroller, DragStaysWithinTheContent)
{
    Scroller s;
    s.reset(0);
    s.set_extent(3000, 1000);
    EXPECT_FLOAT_EQ(s.max_offset(), 2000);
    s.drag(-500); // finger moves up/left: content scrolls on
    EXPECT_FLOAT_EQ(s.offset(), 500);
    s.drag(2000);
    EXPECT_FLOAT_EQ(s.offset(), 0);
    s.drag(-9000);
    EXPECT_FLOAT_EQ(s.offset(), 2000);
}

TEST(Scroller, FlingCoastsAndStops)
{
    Scroller s;
    s.reset(0);
    s.set_extent(100000, 1000);
    s.fling(-2.0f, 0);
    TimeMs t = 0;
    while (s.step(t += 16) && t < 10000) { }
    EXPECT_FALSE(s.moving());
    EXPECT_NEAR(s.offset(), 650, 10) << "v * tau = 2 px/ms * 325 ms";
}

TEST(Scroller, FlingStopsAtTheEnd)
{
    Scroller s;
    s.reset(0);
    s.set_extent(1200, 1000);
    s.fling(-5.0f, 0);
    s.step(1000);
    EXPECT_FLOAT_EQ(s.offset(), 200);
    EXPECT_FALSE(s.moving());
}

TEST(Scroller, ShorterContentDoesNotScroll)
{
    Scroller s;
    s.reset(0);
    s.set_extent(500, 1000);
    s.drag(-300);
    EXPECT_FLOAT_EQ(s.offset(), 0);
}
