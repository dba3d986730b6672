// Marker clustering: who leads, who joins, determinism, and clusters coming apart as the zoom
// grows.
#include "kiosk/core/map_cluster.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace kiosk::core;

namespace {

std::vector<std::vector<size_t>> members_of(const std::vector<MarkerCluster>& clusters)
{
    std::vector<std::vector<size_t>> out;
    for (auto& c : clusters)
        out.push_back(c.members);
    return out;
}

} // namespace

TEST(MarkerClusters, TableOfCases)
{
    // Points on a line, 1 world unit = 1 px at scale 1.
    struct Case {
        int id;
        std::vector<ClusterItem> items;
        double radius_px;
        std::vector<std::vector<size_t>> expected;
        std::vector<size_t> representatives;
    };
    const Case cases[] = {
        { 1, {}, 10, {}, {} },
        { 2, { { { 0, 0 }, 0 } }, 10, { { 0 } }, { 0 } },
        // Far apart: each alone.
        { 3, { { { 0, 0 }, 0 }, { { 50, 0 }, 0 } }, 10, { { 0 }, { 1 } }, { 0, 1 } },
        // Close: the higher priority leads even when it comes second.
        { 4, { { { 0, 0 }, 0 }, { { 5, 0 }, 3 } }, 10, { { 1, 0 } }, { 1 } },
        // Equal priority: the lower index leads.
        { 5, { { { 0, 0 }, 1 }, { { 5, 0 }, 1 } }, 10, { { 0, 1 } }, { 0 } },
        // Exactly at the radius joins; just past it does not.
        { 6, { { { 0, 0 }, 1 }, { { 10, 0 }, 0 }, { { -10.01, 0 }, 0 } }, 10, { { 0, 1 }, { 2 } },
            { 0, 2 } },
        // No chaining: 2 is within reach of 1, not of the leader 0, so it starts its own.
        { 7, { { { 0, 0 }, 2 }, { { 8, 0 }, 1 }, { { 16, 0 }, 0 } }, 10, { { 0, 1 }, { 2 } },
            { 0, 2 } },
        // Members after the representative by priority, then index.
        { 8, { { { 0, 0 }, 0 }, { { 1, 0 }, 2 }, { { 2, 0 }, 5 }, { { 3, 0 }, 2 } }, 10,
            { { 2, 1, 3, 0 } }, { 2 } },
        // The same place twice (same coordinates) is one cluster at any zoom.
        { 9, { { { 4, 4 }, 0 }, { { 4, 4 }, 0 } }, 0, { { 0, 1 } }, { 0 } },
    };
    for (auto& c : cases) {
        auto clusters = cluster_markers(c.items, 1.0, c.radius_px);
        EXPECT_EQ(members_of(clusters), c.expected) << "case " << c.id;
        std::vector<size_t> reps;
        for (auto& cl : clusters)
            reps.push_back(cl.representative);
        EXPECT_EQ(reps, c.representatives) << "case " << c.id;
    }
}

TEST(MarkerClusters, BoundsHoldTheMembers)
{
    const ClusterItem items[]
        = { { { 0.5, 0.5 }, 1 }, { { 0.5004, 0.4998 }, 0 }, { { 0.4997, 0.5003 }, 0 } };
    auto clusters = cluster_markers(items, 256 * 1024, 200);
    ASSERT_EQ(clusters.size(), 1u);
    auto& b = clusters[0].bounds;
    EXPECT_DOUBLE_EQ(b.min_x, 0.4997);
    EXPECT_DOUBLE_EQ(b.max_x, 0.5004);
    EXPECT_DOUBLE_EQ(b.min_y, 0.4998);
    EXPECT_DOUBLE_EQ(b.max_y, 0.5003);
}

TEST(MarkerClusters, ComeApartAsTheMapZoomsIn)
{
    // Hanoi, Hai Phong (~100 km apart) and a site 5 km from Hai Phong.
    const ClusterItem items[] = { { project({ 21.028, 105.852 }), 3 },
        { project({ 20.865, 106.684 }), 3 }, { project({ 20.873, 106.640 }), 0 } };
    size_t previous = 0;
    for (double zoom = 3; zoom <= 16; zoom += 0.25) {
        auto clusters = cluster_markers(items, 256 * std::exp2(zoom), 34);
        EXPECT_GE(clusters.size(), previous) << "zoom " << zoom;
        previous = clusters.size();
        // Whatever the zoom, a partnership city leads the cluster it is in.
        for (auto& c : clusters) {
            if (c.members.size() > 1) {
                EXPECT_EQ(items[c.representative].priority, 3) << "zoom " << zoom;
            }
        }
    }
    EXPECT_EQ(cluster_markers(items, 256 * std::exp2(4.5), 34).size(), 1u) << "the overview";
    EXPECT_EQ(cluster_markers(items, 256 * std::exp2(7), 34).size(), 2u) << "the region";
    EXPECT_EQ(cluster_markers(items, 256 * std::exp2(12), 34).size(), 3u) << "the city";
}
