// Gestures from recorded touch sequences: tap vs swipe vs pinch thresholds, long-press on the
// virtual clock, two visitors at once, inertia.
#include "kiosk/core/gesture.h"

#include <gtest/gtest.h>

using namespace kiosk::core;

namespace {

struct Script {
    GestureRecognizer recognizer;
    std::vector<Gesture> out;
    void down(int64_t f, float x, float y, TimeMs t)
    {
        recognizer.feed({ f, { x, y }, TouchPhase::Down, t }, out);
    }
    void move(int64_t f, float x, float y, TimeMs t)
    {
        recognizer.feed({ f, { x, y }, TouchPhase::Move, t }, out);
    }
    void up(int64_t f, float x, float y, TimeMs t)
    {
        recognizer.feed({ f, { x, y }, TouchPhase::Up, t }, out);
    }
    // A straight drag in `steps` moves of 16 ms.
    void drag(int64_t f, Point from, Point to, TimeMs t0, int steps)
    {
        down(f, from.x, from.y, t0);
        for (int i = 1; i <= steps; ++i) {
            float k = static_cast<float>(i) / static_cast<float>(steps);
            move(f, from.x + (to.x - from.x) * k, from.y + (to.y - from.y) * k, t0 + 16 * i);
        }
        up(f, to.x, to.y, t0 + 16 * steps);
    }
    int count(GestureKind kind) const
    {
        return static_cast<int>(std::count_if(
            out.begin(), out.end(), [&](const Gesture& g) { return g.kind == kind; }));
    }
    const Gesture* first(GestureKind kind) const
    {
        for (auto& g : out)
            if (g.kind == kind)
                return &g;
        return nullptr;
    }
};

} // namespace

TEST(Gesture, QuickStillTouchIsATapWithPressFeedbackFirst)
{
    Script s;
    s.down(1, 500, 400, 1000);
    ASSERT_EQ(s.out.size(), 1u);
    EXPECT_EQ(s.out[0].kind, GestureKind::Press) << "feedback must come on touch-down";
    s.move(1, 505, 403, 1050);
    s.up(1, 505, 403, 1120);
    ASSERT_EQ(s.count(GestureKind::Tap), 1);
    EXPECT_EQ(s.first(GestureKind::Tap)->point, (Point { 500, 400 }));
    EXPECT_EQ(s.count(GestureKind::Swipe), 0);
}

struct DragCase {
    const char* id;
    Point from;
    Point to;
    int steps;
    int taps;
    int swipes;
    int pans;
};

TEST(Gesture, TapSwipeAndPanThresholds)
{
    const DragCase cases[] = {
        { "G1 small wobble is a tap", { 500, 500 }, { 515, 510 }, 5, 1, 0, 0 },
        { "G2 fast long left drag is a swipe", { 1500, 500 }, { 900, 520 }, 10, 0, 1, 1 },
        { "G3 fast right drag is a swipe", { 300, 500 }, { 900, 480 }, 10, 0, 1, 1 },
        { "G4 short drag is a pan only", { 500, 500 }, { 580, 500 }, 10, 0, 0, 1 },
        { "G5 vertical drag is no swipe", { 500, 200 }, { 520, 900 }, 10, 0, 0, 1 },
        { "G6 slow long drag is no swipe", { 1500, 500 }, { 900, 500 }, 300, 0, 0, 1 },
    };
    for (auto& c : cases) {
        Script s;
        s.drag(1, c.from, c.to, 0, c.steps);
        EXPECT_EQ(s.count(GestureKind::Tap), c.taps) << c.id;
        EXPECT_EQ(s.count(GestureKind::Swipe), c.swipes) << c.id;
        EXPECT_EQ(s.count(GestureKind::PanBegin), c.pans) << c.id;
        EXPECT_EQ(s.count(GestureKind::PanEnd), c.pans) << c.id;
    }
}

TEST(Gesture, SwipeReportsDirectionAndTravel)
{
    Script s;
    s.drag(1, { 1500, 500 }, { 900, 500 }, 0, 10);
    auto* swipe = s.first(GestureKind::Swipe);
    ASSERT_NE(swipe, nullptr);
    EXPECT_FLOAT_EQ(swipe->delta.x, -600);
    EXPECT_LT(swipe->velocity.x, 0);
}

TEST(Gesture, LongPressFiresOnTheClockNotOnRelease)
{
    Script s;
    s.down(1, 100, 100, 0);
    ASSERT_EQ(s.recognizer.next_deadline_ms(), 800);
    s.recognizer.tick(799, s.out);
    EXPECT_EQ(s.count(GestureKind::LongPress), 0);
    s.recognizer.tick(800, s.out);
    EXPECT_EQ(s.count(GestureKind::LongPress), 1);
    s.up(1, 100, 100, 1500);
    EXPECT_EQ(s.count(GestureKind::Tap), 0) << "a long press is not also a tap";
}

TEST(Gesture, PinchScalesAroundTheFingers)
{
    Script s;
    s.down(1, 400, 500, 0);
    s.down(2, 600, 500, 20);
    s.move(1, 300, 500, 40);
    s.move(2, 700, 500, 40);
    s.up(1, 300, 500, 60);
    s.up(2, 700, 500, 70);
    ASSERT_EQ(s.count(GestureKind::Pinch), 2);
    float total = 1;
    for (auto& g : s.out)
        if (g.kind == GestureKind::Pinch)
            total *= g.scale;
    EXPECT_NEAR(total, 2.0f, 0.001f);
    EXPECT_EQ(s.out.back().kind, GestureKind::PinchEnd);
    EXPECT_EQ(s.count(GestureKind::Tap), 0);
    EXPECT_EQ(s.count(GestureKind::Swipe), 0);
}

TEST(Gesture, APinchReportsHowItsCentreMovedFromTheStart)
{
    // The fingers move one at a time (as touch panels report them): the midpoint wobbles, and
    // every report says how far it moved since the last, starting from where the two fingers
    // went down, so a place under the fingers stays under them.
    Script s;
    s.down(1, 400, 500, 0);
    s.down(2, 600, 500, 20);
    s.move(1, 350, 500, 36);
    s.move(2, 650, 500, 37);
    s.move(1, 320, 480, 52);
    s.move(2, 700, 520, 53);
    Point start { 500, 500 }, sum {};
    Point last = start;
    int reports = 0;
    for (auto& g : s.out) {
        if (g.kind != GestureKind::Pinch)
            continue;
        ++reports;
        EXPECT_NEAR(g.delta.x, g.point.x - last.x, 1e-4f);
        EXPECT_NEAR(g.delta.y, g.point.y - last.y, 1e-4f);
        sum = { sum.x + g.delta.x, sum.y + g.delta.y };
        last = g.point;
    }
    EXPECT_EQ(reports, 4);
    EXPECT_NEAR(start.x + sum.x, 510, 1e-3f) << "midpoint of 320 and 700";
    EXPECT_NEAR(start.y + sum.y, 500, 1e-3f);
    EXPECT_NEAR(s.out[2].delta.x, -25, 1e-3f) << "the first report already counts from the start";
}

TEST(Gesture, PinchReportsOfOneFrameMergeIntoOne)
{
    std::vector<Gesture> g {
        { GestureKind::Press, { 1, 1 }, {}, {}, 1 },
        { GestureKind::Pinch, { 490, 500 }, { -10, 0 }, {}, 1.1f },
        { GestureKind::Pinch, { 500, 500 }, { 10, 0 }, {}, 1.2f },
        { GestureKind::Pinch, { 505, 498 }, { 5, -2 }, {}, 0.5f },
        { GestureKind::PinchEnd, {}, {}, {}, 1 },
        { GestureKind::Pinch, { 7, 7 }, { 1, 1 }, {}, 2.0f },
    };
    merge_pinches(g);
    ASSERT_EQ(g.size(), 4u);
    EXPECT_EQ(g[0].kind, GestureKind::Press);
    EXPECT_EQ(g[1].kind, GestureKind::Pinch);
    EXPECT_EQ(g[1].point, (Point { 505, 498 }));
    EXPECT_NEAR(g[1].delta.x, 5, 1e-5f);
    EXPECT_NEAR(g[1].delta.y, -2, 1e-5f);
    EXPECT_NEAR(g[1].scale, 1.1f * 1.2f * 0.5f, 1e-5f);
    EXPECT_EQ(g[2].kind, GestureKind::PinchEnd);
    EXPECT_EQ(g[3].scale, 2.0f) << "a pinch after the end is its own";
}

TEST(Gesture, ASecondVisitorFarAwayNeitherPinchesNorBreaksTheSwipe)
{
    Script s;
    s.down(1, 1500, 500, 0);
    s.down(7, 100, 1000, 30); // someone else touches the far corner
    for (int i = 1; i <= 10; ++i) {
        s.move(1, 1500 - 60.0f * static_cast<float>(i), 500, 16 * i);
        s.move(7, 100 + 5.0f * static_cast<float>(i), 1000, 16 * i + 1);
    }
    s.up(7, 150, 1000, 170);
    s.up(1, 900, 500, 176);
    EXPECT_EQ(s.count(GestureKind::Pinch), 0);
    EXPECT_EQ(s.count(GestureKind::Swipe), 1);
    EXPECT_EQ(s.count(GestureKind::Tap), 0);
}

TEST(Gesture, TheOtherVisitorsFingerCannotTapWhileIgnored)
{
    Script s;
    s.down(1, 1500, 500, 0);
    s.down(7, 100, 1000, 30);
    s.up(1, 1500, 500, 100); // first visitor taps
    s.up(7, 100, 1000, 130); // the ignored finger's release is not a second tap
    EXPECT_EQ(s.count(GestureKind::Tap), 1);
    s.down(7, 100, 1000, 300); // but a fresh touch counts
    s.up(7, 100, 1000, 350);
    EXPECT_EQ(s.count(GestureKind::Tap), 2);
}

TEST(Gesture, ThresholdsScaleWithTheScreen)
{
    auto c = GestureConfig::for_scale(2.0f);
    EXPECT_FLOAT_EQ(c.swipe_min_px, 240);
    EXPECT_FLOAT_EQ(c.tap_slop_px, 48);
}

TEST(Inertia, DecaysToRestAndCoversItsDistance)
{
    Inertia inertia { { 2.0f, 0 }, 325 };
    float travelled = 0;
    for (int i = 0; i < 400 && inertia.moving(); ++i)
        travelled += inertia.step(16).x;
    EXPECT_FALSE(inertia.moving());
    EXPECT_NEAR(travelled, 2.0f * 325, 5);
}

struct MappingCase {
    const char* id;
    TouchMapping mapping;
    Point panel; // normalised
    Point expected; // px on a 1000x500 screen
};

TEST(TouchMapping, RotatedAndMirroredPanelsLandOnThePicture)
{
    const MappingCase cases[] = {
        { "T1 straight", { 0, false, false }, { 0.25f, 0.5f }, { 250, 250 } },
        { "T2 rotated 90", { 90, false, false }, { 0.25f, 0.5f }, { 500, 125 } },
        { "T3 rotated 180", { 180, false, false }, { 0.25f, 0.5f }, { 750, 250 } },
        { "T4 rotated 270", { 270, false, false }, { 0.25f, 0.5f }, { 500, 375 } },
        { "T5 mirrored x", { 0, true, false }, { 0.25f, 0.5f }, { 750, 250 } },
        { "T6 mirrored y", { 0, false, true }, { 0.25f, 0.2f }, { 250, 400 } },
        { "T7 clamped", { 0, false, false }, { 1.5f, -0.5f }, { 1000, 0 } },
    };
    for (auto& c : cases) {
        auto p = c.mapping.map(c.panel, { 1000, 500 });
        EXPECT_NEAR(p.x, c.expected.x, 0.01f) << c.id;
        EXPECT_NEAR(p.y, c.expected.y, 0.01f) << c.id;
    }
}

namespace {

// A long-press at (x, y) from `t`: down, the recogniser's clock past the long-press time, up.
void long_press(Script& s, float x, float y, TimeMs t)
{
    s.down(9, x, y, t);
    s.recognizer.tick(t + 900, s.out);
    s.up(9, x, y, t + 950);
}

} // namespace

TEST(Gesture, StaffCornersAreTopLeftThenTopRightWithinTheirTime)
{
    GestureConfig c;
    c.staff_corner_px = 130;
    c.screen_width_px = 1920;
    struct Case {
        int id;
        Point first, second;
        TimeMs gap_ms;
        int expected;
    };
    const Case cases[] = {
        { 1, { 20, 20 }, { 1900, 20 }, 2000, 1 }, // the sequence
        { 2, { 1900, 20 }, { 20, 20 }, 2000, 0 }, // the wrong order
        { 3, { 20, 20 }, { 1900, 20 }, 6000, 0 }, // too slow
        { 4, { 20, 200 }, { 1900, 20 }, 2000, 0 }, // the first below the corner
        { 5, { 20, 20 }, { 960, 20 }, 2000, 0 }, // the second in the middle
        { 6, { 20, 20 }, { 1900, 140 }, 2000, 0 }, // the second below the corner
    };
    for (auto& k : cases) {
        Script s;
        s.recognizer.set_config(c);
        long_press(s, k.first.x, k.first.y, 0);
        long_press(s, k.second.x, k.second.y, k.gap_ms);
        EXPECT_EQ(s.count(GestureKind::StaffCorners), k.expected) << "case " << k.id;
        EXPECT_EQ(s.count(GestureKind::LongPress), 2) << "case " << k.id;
    }
    // Off unless configured.
    Script off;
    long_press(off, 20, 20, 0);
    long_press(off, 1900, 20, 2000);
    EXPECT_EQ(off.count(GestureKind::StaffCorners), 0);
    // Used once: a third corner press does not open it again.
    Script again;
    again.recognizer.set_config(c);
    long_press(again, 20, 20, 0);
    long_press(again, 1900, 20, 1500);
    long_press(again, 1900, 20, 3000);
    EXPECT_EQ(again.count(GestureKind::StaffCorners), 1);
}
