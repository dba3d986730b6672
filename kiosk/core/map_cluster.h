// Grouping nearby map markers: places closer on screen than a marker's room become one cluster,
// drawn at its most important member and opened (zoomed into) on a tap.
#pragma once

#include "kiosk/core/content_model.h"
#include "kiosk/core/projection.h"

#include <cstddef>
#include <span>
#include <vector>

namespace kiosk::core {

struct ClusterItem {
    WorldPoint world;
    int priority { 0 }; // higher leads a cluster
};

struct MarkerCluster {
    size_t representative { 0 }; // the member the cluster is drawn at (index into the items)
    std::vector<size_t> members; // the representative first, then by priority and index
    WorldRect bounds; // of the members' points
};

// Greedy and deterministic: items by priority (highest first), then index; each item no cluster
// has taken yet starts one and takes every free item within `radius_px` of it, at `px_per_unit`
// screen pixels per world unit (MapView::scale()). A cluster is drawn at a real place (its
// representative), never at a centroid that may lie at sea. Every item is in exactly one cluster;
// clusters come in the order they were started.
std::vector<MarkerCluster> cluster_markers(
    std::span<const ClusterItem> items, double px_per_unit, double radius_px);

// How much a place's marker matters on the map: 3 for a partnership's place or a link's end, 2
// for other cities and prefectures, 1 for ports, 0 for sites.
int marker_priority(const Exhibition& exhibition, const Place& place);

// The clusters' room at 1080p (px; scaled with the screen like the markers).
inline constexpr double CLUSTER_RADIUS_PX = 34;

} // namespace kiosk::core
