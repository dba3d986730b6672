// Great-circle arcs, framing boxes and the graticule's spacing (core/map_camera), and the
// double-tap recogniser (core/gesture) the map zooms with.
#include "kiosk/core/gesture.h"
#include "kiosk/core/map_camera.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace kiosk::core;

namespace {

constexpr LatLon HAI_PHONG { 20.86, 106.68 };
constexpr LatLon KITAKYUSHU { 33.88, 130.88 };

TEST(GreatCircle, StartsAndEndsAtThePlaces)
{
    auto arc = great_circle_arc(HAI_PHONG, KITAKYUSHU, 48);
    ASSERT_EQ(arc.size(), 49u);
    WorldPoint a = project(HAI_PHONG), b = project(KITAKYUSHU);
    EXPECT_NEAR(arc.front().x, a.x, 1e-9);
    EXPECT_NEAR(arc.front().y, a.y, 1e-9);
    EXPECT_NEAR(arc.back().x, b.x, 1e-9);
    EXPECT_NEAR(arc.back().y, b.y, 1e-9);
}

TEST(GreatCircle, BendsPoleward)
{
    // In Mercator a great circle between two northern places runs north of the straight line.
    auto arc = great_circle_arc(HAI_PHONG, KITAKYUSHU, 48);
    WorldPoint a = arc.front(), b = arc.back(), mid = arc[24];
    double straight_y = (a.y + b.y) / 2;
    EXPECT_LT(mid.y, straight_y); // y grows south
}

TEST(GreatCircle, BowPushesTwinArcsApart)
{
    auto plain = great_circle_arc(HAI_PHONG, KITAKYUSHU, 48, 0);
    auto bowed = great_circle_arc(HAI_PHONG, KITAKYUSHU, 48, 1);
    EXPECT_LT(bowed[24].y, plain[24].y); // north of the plain one
    EXPECT_NEAR(bowed.front().x, plain.front().x, 1e-12); // same ends
    EXPECT_NEAR(bowed.back().y, plain.back().y, 1e-12);
}

TEST(GreatCircle, CentralAngleOfAQuarterTurn)
{
    EXPECT_NEAR(central_angle_rad({ 0, 0 }, { 0, 90 }), std::acos(0.0), 1e-12);
    EXPECT_NEAR(central_angle_rad(HAI_PHONG, HAI_PHONG), 0, 1e-6);
}

TEST(Framing, SquareAroundSpansTheMetres)
{
    WorldPoint p = project(HAI_PHONG);
    auto r = square_around(p, 30000);
    EXPECT_NEAR(r.width() * metres_per_world_unit(HAI_PHONG.lat_deg), 30000, 1);
    EXPECT_NEAR(r.centre().x, p.x, 1e-12);
}

TEST(Framing, BoxHoldsEveryPlaceAndTheMinimumSpan)
{
    std::vector<WorldPoint> two { project(HAI_PHONG), project(KITAKYUSHU) };
    auto box = framing_box(two, 200000);
    ASSERT_TRUE(box);
    for (auto& p : two)
        EXPECT_TRUE(box->contains(p));
    std::vector<WorldPoint> one { project(HAI_PHONG) };
    auto small = framing_box(one, 200000);
    ASSERT_TRUE(small);
    EXPECT_GE(small->width() * metres_per_world_unit(HAI_PHONG.lat_deg), 200000);
    EXPECT_FALSE(framing_box(std::vector<WorldPoint> {}, 1000));
}

TEST(Graticule, FinestStepAtLeastTheGap)
{
    struct Case {
        int id;
        double px_per_deg;
        double want;
    } cases[]
        = { { 1, 2000, 0.1 }, { 2, 1000, 0.2 }, { 3, 200, 1.0 }, { 4, 30, 5.0 }, { 5, 1, 10.0 } };
    for (auto& c : cases)
        EXPECT_EQ(graticule_step_deg(c.px_per_deg, 120), c.want) << "case " << c.id;
}

TEST(DoubleTap, SecondTapCloseInTimeAndPlace)
{
    struct Case {
        int id;
        Point second;
        TimeMs gap_ms;
        bool want;
    } cases[] = {
        { 1, { 102, 100 }, 200, true },
        { 2, { 102, 100 }, DoubleTapRecognizer::MAX_GAP_MS + 1, false },
        { 3, { 300, 100 }, 200, false },
    };
    for (auto& c : cases) {
        DoubleTapRecognizer r;
        EXPECT_FALSE(r.feed({ 100, 100 }, 1000, 60)) << "case " << c.id;
        EXPECT_EQ(r.feed(c.second, 1000 + c.gap_ms, 60), c.want) << "case " << c.id;
    }
}

TEST(DoubleTap, APairIsConsumedAndResetForgets)
{
    DoubleTapRecognizer r;
    r.feed({ 100, 100 }, 0, 60);
    EXPECT_TRUE(r.feed({ 100, 100 }, 100, 60));
    EXPECT_FALSE(r.feed({ 100, 100 }, 200, 60)); // a third tap starts a new pair
    r.reset();
    EXPECT_FALSE(r.feed({ 100, 100 }, 250, 60));
}

} // namespace
