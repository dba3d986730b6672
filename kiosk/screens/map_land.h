// The map's kept picture below the places: the graticule, the land of the level of detail the
// zoom asks for (tinted by country) with its coasts and borders, and the veil past the region.
#pragma once

#include "kiosk/core/map_geometry.h"
#include "kiosk/screens/screen.h"

#include <span>
#include <vector>

namespace kiosk::screens {

class MapLand {
public:
    // `geometry` may be null (then only the graticule and the veil are drawn); it must outlive
    // this.
    explicit MapLand(const core::MapGeometry* geometry)
        : m_geometry(geometry)
    {
    }

    void draw_graticule(core::DrawList& out, const Metrics& m, const core::MapView& view) const;
    // `coarse`: the moving picture (a coarser level, no outlines); otherwise the sharp one, which
    // never uses the coarsest (1:110m) level.
    void draw_land(core::DrawList& out, const Metrics& m, const core::MapView& view, bool coarse);
    // Beyond the region the map has no land: it is veiled, so the edge reads as the sheet's edge.
    void draw_region_mask(core::DrawList& out, const Metrics& m, const core::MapView& view) const;

private:
    // One level's land, lakes and lines; `covered_by`: finer patches drawn over it, each its
    // box's sea first.
    void draw_level(core::DrawList& out, const Metrics& m, const core::MapView& view,
        const core::MapLevel& level, bool outlines,
        std::span<const core::MapLevel* const> covered_by);

    const core::MapGeometry* m_geometry { nullptr };
    std::vector<uint32_t> m_triangles; // scratch for culling queries
    std::vector<uint32_t> m_runs;
};

} // namespace kiosk::screens
