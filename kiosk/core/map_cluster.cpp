// Marker clustering; see map_cluster.h.
#include "kiosk/core/map_cluster.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kiosk::core {

std::vector<MarkerCluster> cluster_markers(
    std::span<const ClusterItem> items, double px_per_unit, double radius_px)
{
    std::vector<size_t> order(items.size());
    std::iota(order.begin(), order.end(), size_t { 0 });
    std::stable_sort(order.begin(), order.end(),
        [&](size_t a, size_t b) { return items[a].priority > items[b].priority; });
    std::vector<bool> taken(items.size(), false);
    // Compared squared, in world units.
    double radius = px_per_unit > 0 ? radius_px / px_per_unit : 0;
    double radius2 = radius * radius;
    std::vector<MarkerCluster> out;
    for (size_t lead : order) {
        if (taken[lead])
            continue;
        MarkerCluster c;
        c.representative = lead;
        const WorldPoint at = items[lead].world;
        c.bounds = { at.x, at.y, at.x, at.y };
        for (size_t i : order) {
            if (taken[i])
                continue;
            double dx = items[i].world.x - at.x, dy = items[i].world.y - at.y;
            if (i != lead && dx * dx + dy * dy > radius2)
                continue;
            taken[i] = true;
            c.members.push_back(i);
            c.bounds.min_x = std::min(c.bounds.min_x, items[i].world.x);
            c.bounds.min_y = std::min(c.bounds.min_y, items[i].world.y);
            c.bounds.max_x = std::max(c.bounds.max_x, items[i].world.x);
            c.bounds.max_y = std::max(c.bounds.max_y, items[i].world.y);
        }
        out.push_back(std::move(c));
    }
    return out;
}

int marker_priority(const Exhibition& ex, const Place& place)
{
    bool in_partnership = std::any_of(
        ex.partnerships.begin(), ex.partnerships.end(), [&](const Partnership& p) {
            return std::find(p.place_ids.begin(), p.place_ids.end(), place.id) != p.place_ids.end();
        });
    bool linked = std::any_of(ex.links.begin(), ex.links.end(),
        [&](const Link& l) { return l.from_place_id == place.id || l.to_place_id == place.id; });
    if (in_partnership || linked)
        return 3;
    if (place.kind == PlaceKind::City || place.kind == PlaceKind::Prefecture)
        return 2;
    return place.kind == PlaceKind::Port ? 1 : 0;
}

} // namespace kiosk::core
