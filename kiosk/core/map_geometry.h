// The map's land and outlines, parsed from a .kmap file (written by kiosk/tools/map), with a
// grid per level so a frame only touches what is on screen; plus the pure parts of drawing a map
// with places on it: which marker is under a finger, and where labels go without overlapping.
#pragma once

#include "kiosk/core/geometry.h"
#include "kiosk/core/projection.h"
#include "kiosk/core/result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace kiosk::core {

// ISO 3166-1 numeric ids the map tints apart.
inline constexpr uint16_t ISO_VIET_NAM = 704;
inline constexpr uint16_t ISO_JAPAN = 392;
// The id of a lake's triangles: water drawn over the land.
inline constexpr uint16_t MAP_LAKE = 65535;

// A world point as stored in the file (float32 is ~2 m at these latitudes).
struct MapVertex {
    float x { 0 };
    float y { 0 };
};

enum class OutlineKind : uint16_t { Coast = 0, Border = 1, River = 2, LakeShore = 3 };

// A piece of a coastline or border: at most MapLevel::MAX_RUN_POINTS points, with its bounds.
struct OutlineRun {
    uint32_t first { 0 }; // index into MapLevel::outline_points
    uint32_t count { 0 }; // >= 2
    OutlineKind kind { OutlineKind::Coast };
    WorldRect bounds;
};

// One level of detail.
// Lists of item indices per grid cell, packed: cell c holds items[start[c] .. start[c + 1]).
struct CellLists {
    std::vector<uint32_t> start; // cells + 1 entries
    std::vector<uint32_t> items;
    size_t bytes() const { return (start.capacity() + items.capacity()) * sizeof(uint32_t); }
};

struct MapLevel {
    static constexpr uint32_t MAX_RUN_POINTS = 64;
    static constexpr int GRID_CELLS = 48; // per axis, over the file's region

    float min_zoom { 0 }; // used from this MapView::zoom() up
    // What the level has data for: the file's region, or a patch's box (finer data around the
    // places, drawn over the whole-region level's land, which it replaces inside the box).
    WorldRect cover;
    bool patch { false }; // cover is smaller than the region
    std::vector<MapVertex> land; // three per triangle
    std::vector<uint16_t> triangle_country; // ISO numeric per triangle (0 = none)
    std::vector<MapVertex> outline_points;
    std::vector<OutlineRun> runs;
    // Grid cells over `cover`, row-major; each lists the triangles (and runs) whose bounds touch
    // it.
    CellLists cell_triangles;
    CellLists cell_runs;

    size_t triangle_count() const { return triangle_country.size(); }
    // Computed from the three vertices when needed: storing them would double the memory.
    WorldRect triangle_bounds(uint32_t t) const;
};

class MapGeometry {
public:
    // Parses and indexes a .kmap file. Bad magic, an unknown version, truncation, absurd counts
    // or non-finite coordinates are errors, never crashes.
    static Result<MapGeometry> parse(std::span<const uint8_t> bytes);

    const WorldRect& region() const { return m_region; }
    const std::vector<MapLevel>& levels() const { return m_levels; }
    // The finest whole-region level meant for `zoom` (MapView::zoom()); the coarsest when
    // zoomed out further.
    const MapLevel& level_for_zoom(double zoom) const;
    // Per patch box, the finest patch level meant for `zoom`; none below the patches' zooms.
    std::vector<const MapLevel*> patches_for_zoom(double zoom) const;
    // Where `p` is drawn as land at `zoom` (a patch covering it, else the whole-region level):
    // the country id, or nullopt at sea or in a lake.
    std::optional<uint16_t> drawn_country_at(double zoom, WorldPoint p) const;

    // The triangles and outline runs whose bounds touch `rect`, each once, in ascending index
    // order. Reuses the vectors' storage (cleared first).
    void query(const MapLevel& level, const WorldRect& rect, std::vector<uint32_t>& triangles,
        std::vector<uint32_t>& runs) const;
    // Whether `p` lies on land (in a triangle of the level and in none of its lakes); the
    // country id, or nullopt at sea or in a lake.
    std::optional<uint16_t> country_at(const MapLevel& level, WorldPoint p) const;

private:
    struct CellRange {
        int x0, y0, x1, y1;
    };
    static CellRange cells_of(const MapLevel& level, const WorldRect& r);
    static void index(MapLevel& level);

    WorldRect m_region;
    std::vector<MapLevel> m_levels;
};

// A place marker on screen: a circle that takes touches.
struct MarkerCircle {
    Point centre; // px
    float radius_px { 24 }; // touch radius (>= 24 px at 1080p gives a 48 px target)
};

// The markers under `point`, nearest centre first (ties: lower index first).
std::vector<size_t> markers_at(std::span<const MarkerCircle> markers, Point point);

struct LabelRequest {
    Point anchor; // the marker's centre, px
    float marker_radius_px { 0 }; // the label keeps clear of it
    float width_px { 0 }; // measured by the caller
    float height_px { 0 };
    int priority { 0 }; // higher first (cities before sites)
};

struct PlacedLabel {
    size_t index { 0 }; // into the requests
    Rect rect; // where the text goes
};

// Places labels right, left, above or below their marker, or failing those diagonally beside it
// (above right, below right, above left, below left), in that order of preference, so no
// two overlap each other, any marker circle in `markers`, any rect in `obstacles`, or leave
// `bounds`. Higher priority first, then request order; a label that fits nowhere is dropped.
// Deterministic. The result is in placement order.
std::vector<PlacedLabel> place_labels(std::span<const LabelRequest> labels,
    std::span<const MarkerCircle> markers, std::span<const Rect> obstacles, Rect bounds,
    float gap_px = 6);

// Whether two rects overlap (touching edges do not).
bool rects_overlap(const Rect& a, const Rect& b);

} // namespace kiosk::core
