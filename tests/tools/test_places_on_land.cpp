// Every marker of the bundled exhibition stands on land in the map the kiosk draws (the
// assets/map/east-asia.kmap levels and patches it picks at each zoom), from the overview down to
// street level: a lone place's marker or a cluster's (drawn at its leading place) has its centre
// on land, or within 2 px of it where a coarse level's coast is a few hundred metres off (1:50m
// at the overview). A place marked `offshore` in content stands on land the map data lacks.
#include "kiosk/core/map_cluster.h"
#include "kiosk/core/map_geometry.h"
#include "kiosk/tools/content/compiler.h"
#include "kiosk/tools/content/source_tree.h"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <numbers>

using namespace kiosk;

namespace {

std::vector<uint8_t> read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return { std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>() };
}

// Land (any country) at p or at one of 16 points `radius` around it.
bool near_land(const core::MapGeometry& g, double zoom, core::WorldPoint p, double radius)
{
    if (g.drawn_country_at(zoom, p))
        return true;
    for (int k = 0; k < 16; ++k) {
        double a = k * std::numbers::pi / 8;
        core::WorldPoint q { p.x + radius * std::cos(a), p.y + radius * std::sin(a) };
        if (g.drawn_country_at(zoom, q))
            return true;
    }
    return false;
}

} // namespace

TEST(PlacesOnLand, EveryPlaceIsOnTheLandTheKioskDraws)
{
    tools::Diagnostics problems;
    auto input = tools::read_source_tree(
        KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/assets", problems);
    auto out = tools::compile_content(input);
    ASSERT_TRUE(out.diagnostics.empty()) << out.diagnostics.format();
    auto bytes = read_file(KIOSK_SOURCE_DIR "/assets/map/east-asia.kmap");
    auto parsed = core::MapGeometry::parse(bytes);
    ASSERT_TRUE(parsed.ok()) << parsed.error();
    const auto& g = parsed.value();
    auto& places = out.exhibition.places;
    ASSERT_GE(places.size(), 10u);
    std::vector<core::ClusterItem> items;
    for (auto& place : places)
        items.push_back({ core::project({ place.lat_deg, place.lon_deg }),
            core::marker_priority(out.exhibition, place) });
    // The overview (~4.5) to street level (~16.5), as MapView::zoom() counts, at 1080p.
    for (double zoom = 4.5; zoom <= 16.5; zoom += 0.25) {
        double scale = 256 * std::exp2(zoom); // px per world unit
        double tolerance = (zoom < 9 ? 2 : 0.5) / scale;
        for (auto& cluster : core::cluster_markers(items, scale, core::CLUSTER_RADIUS_PX)) {
            auto& place = places[cluster.representative];
            if (place.offshore)
                continue;
            EXPECT_TRUE(near_land(g, zoom, items[cluster.representative].world, tolerance))
                << place.id << " (" << place.lat_deg << ", " << place.lon_deg
                << ") is drawn at sea at zoom " << zoom;
        }
    }
}
