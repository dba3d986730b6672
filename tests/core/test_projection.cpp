// Web Mercator and the map camera: known cities on known pixels, round trips, pan and pinch
// maths, clamping to the region, and fly-to on the virtual clock.
#include "kiosk/core/projection.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace kiosk::core;

namespace {

// The textbook slippy-map form, written apart from the code under test: x from longitude, y from
// ln(tan(lat) + sec(lat)), both scaled to 0..1.
double merc_x(double lon_deg)
{
    return (lon_deg + 180.0) / 360.0;
}
double merc_y(double lat_deg)
{
    double lat = lat_deg * std::numbers::pi / 180.0;
    return (1.0 - std::log(std::tan(lat) + 1.0 / std::cos(lat)) / std::numbers::pi) / 2.0;
}

constexpr LatLon HANOI { 21.03, 105.85 };
constexpr LatLon TOKYO { 35.69, 139.69 };
constexpr LatLon HAI_PHONG { 20.865, 106.684 };

MapView landscape_view()
{
    return MapView({ 1920, 1080 }, east_asia_region());
}

} // namespace

TEST(Projection, KnownPoints)
{
    struct Case {
        int id;
        LatLon p;
        double x, y;
    };
    const Case cases[] = {
        { 1, { 0, 0 }, 0.5, 0.5 },
        { 2, { 0, -180 }, 0.0, 0.5 },
        { 3, { 0, 90 }, 0.75, 0.5 },
        { 4, { MERCATOR_MAX_LAT_DEG, 0 }, 0.5, 0.0 },
        { 5, { -MERCATOR_MAX_LAT_DEG, 0 }, 0.5, 1.0 },
        { 6, HANOI, merc_x(HANOI.lon_deg), merc_y(HANOI.lat_deg) },
        { 7, TOKYO, merc_x(TOKYO.lon_deg), merc_y(TOKYO.lat_deg) },
    };
    for (auto& c : cases) {
        auto w = project(c.p);
        EXPECT_NEAR(w.x, c.x, 1e-9) << "case " << c.id;
        EXPECT_NEAR(w.y, c.y, 1e-9) << "case " << c.id;
    }
}

TEST(Projection, RoundTrip)
{
    for (double lat = -80; lat <= 80; lat += 7.3) {
        for (double lon = -179; lon <= 179; lon += 13.7) {
            auto back = unproject(project({ lat, lon }));
            EXPECT_NEAR(back.lat_deg, lat, 1e-9);
            EXPECT_NEAR(back.lon_deg, lon, 1e-9);
        }
    }
}

TEST(Projection, RegionIsTheClipBox)
{
    auto r = east_asia_region();
    EXPECT_NEAR(r.min_x, merc_x(90), 1e-12);
    EXPECT_NEAR(r.max_x, merc_x(150), 1e-12);
    EXPECT_NEAR(r.min_y, merc_y(50), 1e-12);
    EXPECT_NEAR(r.max_y, merc_y(-5), 1e-12);
}

TEST(MapView, CitiesLandOnKnownPixels)
{
    MapView view = landscape_view();
    // A view centred between the two cities at 16384 px per world unit (tile zoom 6).
    WorldPoint centre { (merc_x(HANOI.lon_deg) + merc_x(TOKYO.lon_deg)) / 2,
        (merc_y(HANOI.lat_deg) + merc_y(TOKYO.lat_deg)) / 2 };
    view.set(centre, 16384);
    ASSERT_DOUBLE_EQ(view.scale(), 16384);
    ASSERT_NEAR(view.zoom(), 6.0, 1e-12);
    ASSERT_DOUBLE_EQ(view.centre().x, centre.x) << "not clamped";
    ASSERT_DOUBLE_EQ(view.centre().y, centre.y) << "not clamped";
    struct Case {
        const char* name;
        LatLon p;
    };
    for (auto& c : { Case { "Hanoi", HANOI }, Case { "Tokyo", TOKYO } }) {
        double ex = (merc_x(c.p.lon_deg) - centre.x) * 16384 + 960;
        double ey = (merc_y(c.p.lat_deg) - centre.y) * 16384 + 540;
        auto px = view.world_to_screen(project(c.p));
        EXPECT_NEAR(px.x, ex, 0.01) << c.name;
        EXPECT_NEAR(px.y, ey, 0.01) << c.name;
    }
    // Hanoi is west and south of Tokyo: left and lower on screen, and the two are symmetric about
    // the screen centre.
    auto h = view.world_to_screen(project(HANOI));
    auto t = view.world_to_screen(project(TOKYO));
    EXPECT_LT(h.x, t.x);
    EXPECT_GT(h.y, t.y);
    EXPECT_NEAR(h.x + t.x, 1920, 0.01);
    EXPECT_NEAR(h.y + t.y, 1080, 0.01);
}

TEST(MapView, ScreenWorldRoundTrip)
{
    MapView view = landscape_view();
    view.set(project(HAI_PHONG), 200000);
    for (float x : { 0.0f, 123.5f, 960.0f, 1919.0f }) {
        for (float y : { 0.0f, 77.25f, 540.0f, 1079.0f }) {
            auto back = view.world_to_screen(view.screen_to_world({ x, y }));
            EXPECT_NEAR(back.x, x, 1e-3);
            EXPECT_NEAR(back.y, y, 1e-3);
        }
    }
}

TEST(MapView, PanMovesTheMapWithTheFinger)
{
    MapView view = landscape_view();
    view.set(project(HAI_PHONG), 100000);
    auto before = view.world_to_screen(project(HANOI));
    view.pan_by({ 120, -45 });
    auto after = view.world_to_screen(project(HANOI));
    EXPECT_NEAR(after.x - before.x, 120, 1e-3);
    EXPECT_NEAR(after.y - before.y, -45, 1e-3);
    EXPECT_DOUBLE_EQ(view.scale(), 100000);
}

TEST(MapView, ZoomKeepsThePointUnderThePinchFixed)
{
    struct Case {
        int id;
        kiosk::core::Point anchor;
        double factor;
    };
    const Case cases[] = {
        { 1, { 960, 540 }, 2.0 },
        { 2, { 300, 800 }, 1.7 },
        { 3, { 1500, 200 }, 0.6 },
        { 4, { 1000, 600 }, 1.05 },
    };
    for (auto& c : cases) {
        MapView view = landscape_view();
        view.set(project(HAI_PHONG), 60000);
        auto under = view.screen_to_world(c.anchor);
        view.zoom_around(c.anchor, c.factor);
        EXPECT_NEAR(view.scale(), 60000 * c.factor, 1e-6) << "case " << c.id;
        auto px = view.world_to_screen(under);
        EXPECT_NEAR(px.x, c.anchor.x, 1e-3) << "case " << c.id;
        EXPECT_NEAR(px.y, c.anchor.y, 1e-3) << "case " << c.id;
    }
}

TEST(MapView, ZoomLimits)
{
    MapView view = landscape_view();
    view.set(project(HAI_PHONG), 1e12);
    // Street level: the short side spans the minimum span (3 km by default) at the latitude.
    double span_m = 1080 / view.scale() * metres_per_world_unit(unproject(view.centre()).lat_deg);
    EXPECT_NEAR(span_m, 3000, 1);
    view.set(project(HAI_PHONG), 1);
    // Whole region: it fits the screen on one axis exactly.
    auto region = east_asia_region();
    EXPECT_NEAR(view.scale(), std::min(1920 / region.width(), 1080 / region.height()), 1e-6);
    EXPECT_DOUBLE_EQ(view.scale(), view.min_scale());
}

TEST(MapView, ClampingKeepsTheViewOnTheRegion)
{
    MapView view = landscape_view();
    auto region = east_asia_region();
    view.set(project(HAI_PHONG), 50000);
    view.pan_by({ -1e7, -1e7 }); // far past the south-east corner
    auto v = view.visible();
    // At most a quarter of the view lies past the edge.
    EXPECT_NEAR(v.max_x - region.max_x, v.width() / 4, 1e-12);
    EXPECT_NEAR(v.max_y - region.max_y, v.height() / 4, 1e-12);
    view.pan_by({ 1e7, 1e7 });
    v = view.visible();
    EXPECT_NEAR(region.min_x - v.min_x, v.width() / 4, 1e-12);
    EXPECT_NEAR(region.min_y - v.min_y, v.height() / 4, 1e-12);
    // Zoomed all the way out: still no more than a quarter of the view past any edge.
    view.set({ 0, 0 }, 1);
    EXPECT_DOUBLE_EQ(view.scale(), view.min_scale());
    v = view.visible();
    EXPECT_LE(region.min_x - v.min_x, v.width() / 4 + 1e-12);
    EXPECT_LE(region.min_y - v.min_y, v.height() / 4 + 1e-12);
    // A view too large for the overscroll is centred on the region.
    view.set_region({ region.min_x, region.min_y, region.min_x + 0.01, region.max_y });
    view.set({ 0, 0 }, 1);
    EXPECT_NEAR(view.centre().x, region.min_x + 0.005, 1e-12);
    view.set_region(region);
    // Portrait, street level: still on the region.
    view.set_screen({ 1080, 1920 });
    view.set({ 5, 5 }, 1e9);
    EXPECT_NEAR(view.scale() / view.max_scale(), 1.0, 1e-3);
    v = view.visible();
    EXPECT_TRUE(region.contains(view.centre()));
    EXPECT_LE(v.max_x - region.max_x, v.width() / 4 + 1e-12);
    EXPECT_LE(v.max_y - region.max_y, v.height() / 4 + 1e-12);
}

TEST(MapView, ZoomNearTheEdgeKeepsThePinchPoint)
{
    // From the whole region, pinching in on Hai Phong keeps it under the fingers all the way.
    MapView view = landscape_view();
    view.set({ 0, 0 }, 1);
    auto fingers = view.world_to_screen(project(HAI_PHONG));
    for (int i = 0; i < 30; ++i) {
        view.zoom_around(fingers, 1.25);
        auto px = view.world_to_screen(project(HAI_PHONG));
        EXPECT_NEAR(px.x, fingers.x, 0.05) << "step " << i;
        EXPECT_NEAR(px.y, fingers.y, 0.05) << "step " << i;
    }
}

TEST(MapView, FramingShowsTheRectInTheArea)
{
    MapView view = landscape_view();
    auto rect = WorldRect::around(project(HAI_PHONG), project({ 33.883, 130.875 }));
    kiosk::core::Rect area { 100, 200, 1200, 800 };
    auto t = view.framing(rect, area);
    view.set(t.centre, t.scale);
    for (auto p :
        { WorldPoint { rect.min_x, rect.min_y }, WorldPoint { rect.max_x, rect.max_y } }) {
        auto px = view.world_to_screen(p);
        EXPECT_GE(px.x, area.x - 0.01);
        EXPECT_LE(px.x, area.right() + 0.01);
        EXPECT_GE(px.y, area.y - 0.01);
        EXPECT_LE(px.y, area.bottom() + 0.01);
    }
}

TEST(MapView, FlyToReachesItsTargetMonotonically)
{
    MapView view = landscape_view();
    view.set(project(HAI_PHONG), 400000);
    auto target = view.clamped({ project(TOKYO), 300000 });
    view.fly_to(target, 1000);
    ASSERT_TRUE(view.flying());
    WorldPoint start = view.centre();
    double dx = target.centre.x - start.x, dy = target.centre.y - start.y;
    double last_progress = -1, last_along = -1, min_scale = view.scale();
    TimeMs t = 1000;
    while (view.step(t) && t < 20000) {
        double progress = view.flight_progress(t);
        double along = ((view.centre().x - start.x) * dx + (view.centre().y - start.y) * dy)
            / (dx * dx + dy * dy);
        EXPECT_GE(progress, last_progress);
        EXPECT_GE(along, last_along - 1e-9);
        last_progress = progress;
        last_along = along;
        min_scale = std::min(min_scale, view.scale());
        t += 16;
    }
    EXPECT_FALSE(view.flying());
    EXPECT_LE(t - 1000, 2400 + 16) << "flights are capped";
    EXPECT_DOUBLE_EQ(view.centre().x, target.centre.x);
    EXPECT_DOUBLE_EQ(view.centre().y, target.centre.y);
    EXPECT_DOUBLE_EQ(view.scale(), target.scale);
    // A long hop between two zoomed-in views zooms out on the way.
    EXPECT_LT(min_scale, target.scale / 10);
}

TEST(MapView, FlyToStartsWhereTheViewIs)
{
    MapView view = landscape_view();
    view.set(project(HANOI), 20000);
    auto start = view.centre();
    view.fly_to(view.clamped({ project(HAI_PHONG), 80000 }), 500, 1000);
    view.step(500);
    EXPECT_NEAR(view.centre().x, start.x, 1e-12);
    EXPECT_NEAR(view.scale(), 20000, 1e-6);
    view.step(1000);
    EXPECT_TRUE(view.flying());
    view.step(1500);
    EXPECT_FALSE(view.flying());
    EXPECT_NEAR(view.scale(), 80000, 1e-6);
}

TEST(MapView, PanStopsAFlight)
{
    MapView view = landscape_view();
    view.fly_to(view.clamped({ project(TOKYO), 50000 }), 0);
    view.step(100);
    view.pan_by({ 10, 0 });
    EXPECT_FALSE(view.flying());
}

TEST(Projection, EaseInOut)
{
    EXPECT_DOUBLE_EQ(ease_in_out(0), 0);
    EXPECT_DOUBLE_EQ(ease_in_out(1), 1);
    EXPECT_DOUBLE_EQ(ease_in_out(0.5), 0.5);
    double last = 0;
    for (double t = 0; t <= 1; t += 0.01) {
        EXPECT_GE(ease_in_out(t), last);
        last = ease_in_out(t);
    }
}
