// Parsing and indexing the .kmap file, marker hit-testing and label placement.
//
// Culling: each level keeps a uniform grid over the file's region; a triangle or outline run is
// listed in every cell its bounds touch. A query walks the cells under the rect and reports an
// item only from the cell holding the corner max(item min, rect min), so each is reported once
// without a "seen" set.
#include "kiosk/core/map_geometry.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <string>

namespace kiosk::core {

namespace {

constexpr uint32_t KMAP_VERSION = 2;
constexpr uint32_t MAX_LEVELS = 16;
constexpr uint32_t MAX_PIECES = 4096;
constexpr uint32_t MAX_OUTLINES = 1u << 20;

// Bounds-checked little-endian reads over the file's bytes.
class Reader {
public:
    explicit Reader(std::span<const uint8_t> bytes)
        : m_bytes(bytes)
    {
    }
    size_t offset() const { return m_offset; }
    size_t remaining() const { return m_bytes.size() - m_offset; }
    bool u16(uint16_t& v)
    {
        if (remaining() < 2)
            return false;
        v = static_cast<uint16_t>(m_bytes[m_offset] | (m_bytes[m_offset + 1] << 8));
        m_offset += 2;
        return true;
    }
    bool u32(uint32_t& v)
    {
        if (remaining() < 4)
            return false;
        v = static_cast<uint32_t>(m_bytes[m_offset])
            | static_cast<uint32_t>(m_bytes[m_offset + 1]) << 8
            | static_cast<uint32_t>(m_bytes[m_offset + 2]) << 16
            | static_cast<uint32_t>(m_bytes[m_offset + 3]) << 24;
        m_offset += 4;
        return true;
    }
    bool f32(float& v)
    {
        uint32_t bits = 0;
        if (!u32(bits))
            return false;
        v = std::bit_cast<float>(bits);
        return true;
    }
    bool bytes(char* out, size_t n)
    {
        if (remaining() < n)
            return false;
        std::memcpy(out, m_bytes.data() + m_offset, n);
        m_offset += n;
        return true;
    }

private:
    std::span<const uint8_t> m_bytes;
    size_t m_offset { 0 };
};

Error error_at(const Reader& r, const std::string& what)
{
    return Error { "map file: " + what + " at byte " + std::to_string(r.offset()) };
}

// A coordinate worth keeping: finite and near the unit square.
bool sane(float v)
{
    return std::isfinite(v) && v > -1.0f && v < 2.0f;
}

bool read_vertex(Reader& r, MapVertex& v)
{
    return r.f32(v.x) && r.f32(v.y);
}

WorldRect bounds_of(const MapVertex* v, size_t n)
{
    WorldRect b { v[0].x, v[0].y, v[0].x, v[0].y };
    for (size_t i = 1; i < n; ++i) {
        b.min_x = std::min<double>(b.min_x, v[i].x);
        b.min_y = std::min<double>(b.min_y, v[i].y);
        b.max_x = std::max<double>(b.max_x, v[i].x);
        b.max_y = std::max<double>(b.max_y, v[i].y);
    }
    return b;
}

bool in_triangle(WorldPoint p, const MapVertex* t)
{
    auto cross = [](double ax, double ay, double bx, double by, double cx, double cy) {
        return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    };
    double d1 = cross(t[0].x, t[0].y, t[1].x, t[1].y, p.x, p.y);
    double d2 = cross(t[1].x, t[1].y, t[2].x, t[2].y, p.x, p.y);
    double d3 = cross(t[2].x, t[2].y, t[0].x, t[0].y, p.x, p.y);
    bool has_neg = d1 < 0 || d2 < 0 || d3 < 0;
    bool has_pos = d1 > 0 || d2 > 0 || d3 > 0;
    return !(has_neg && has_pos);
}

} // namespace

WorldRect MapLevel::triangle_bounds(uint32_t t) const
{
    return bounds_of(&land[size_t { t } * 3], 3);
}

Result<MapGeometry> MapGeometry::parse(std::span<const uint8_t> bytes)
{
    Reader r(bytes);
    char magic[4] {};
    if (!r.bytes(magic, 4))
        return error_at(r, "too short for a header");
    if (std::memcmp(magic, "KMAP", 4) != 0)
        return Error { "map file: not a .kmap file (bad magic)" };
    uint32_t version = 0, level_count = 0;
    if (!r.u32(version) || !r.u32(level_count))
        return error_at(r, "truncated header");
    if (version != KMAP_VERSION)
        return Error { "map file: version " + std::to_string(version) + " (this kiosk reads "
            + std::to_string(KMAP_VERSION) + ")" };
    if (level_count == 0 || level_count > MAX_LEVELS)
        return error_at(r, "absurd level count " + std::to_string(level_count));
    float region[4] {};
    for (float& v : region) {
        if (!r.f32(v))
            return error_at(r, "truncated header");
        if (!sane(v))
            return error_at(r, "bad region coordinate");
    }
    MapGeometry g;
    g.m_region = { region[0], region[1], region[2], region[3] };
    if (!(g.m_region.width() > 0 && g.m_region.height() > 0))
        return error_at(r, "empty region");

    float last_whole_zoom = -1e9f; // whole-region levels come in zoom order (patches anywhere)
    for (uint32_t l = 0; l < level_count; ++l) {
        MapLevel level;
        uint32_t piece_count = 0;
        if (!r.f32(level.min_zoom))
            return error_at(r, "truncated level " + std::to_string(l));
        if (!std::isfinite(level.min_zoom) || level.min_zoom < -4 || level.min_zoom > 30)
            return error_at(r, "bad zoom in level " + std::to_string(l));
        float cover[4] {};
        for (float& v : cover) {
            if (!r.f32(v))
                return error_at(r, "truncated level " + std::to_string(l));
            if (!sane(v))
                return error_at(r, "bad cover coordinate");
        }
        level.cover = { cover[0], cover[1], cover[2], cover[3] };
        if (!(level.cover.width() > 0 && level.cover.height() > 0))
            return error_at(r, "empty cover in level " + std::to_string(l));
        level.patch = level.cover.min_x > g.m_region.min_x || level.cover.min_y > g.m_region.min_y
            || level.cover.max_x < g.m_region.max_x || level.cover.max_y < g.m_region.max_y;
        if (l == 0 && level.patch)
            return error_at(r, "the first level must cover the region");
        if (!r.u32(piece_count))
            return error_at(r, "truncated level " + std::to_string(l));
        if (!level.patch && level.min_zoom < last_whole_zoom)
            return error_at(r, "levels out of zoom order");
        if (!level.patch)
            last_whole_zoom = level.min_zoom;
        if (piece_count > MAX_PIECES)
            return error_at(r, "absurd piece count " + std::to_string(piece_count));
        for (uint32_t p = 0; p < piece_count; ++p) {
            uint16_t country = 0, reserved = 0;
            uint32_t vertex_count = 0;
            if (!r.u16(country) || !r.u16(reserved) || !r.u32(vertex_count))
                return error_at(r, "truncated piece");
            if (vertex_count % 3 != 0)
                return error_at(r, "vertex count not a multiple of 3");
            if (vertex_count > r.remaining() / 8)
                return error_at(r,
                    "vertex count " + std::to_string(vertex_count)
                        + " runs past the end (truncated?)");
            size_t base = level.land.size();
            level.land.resize(base + vertex_count);
            for (uint32_t v = 0; v < vertex_count; ++v) {
                auto& vx = level.land[base + v];
                if (!read_vertex(r, vx))
                    return error_at(r, "truncated vertices");
                if (!sane(vx.x) || !sane(vx.y))
                    return error_at(r, "bad coordinate");
            }
            level.triangle_country.insert(level.triangle_country.end(), vertex_count / 3, country);
        }
        uint32_t outline_count = 0;
        if (!r.u32(outline_count))
            return error_at(r, "truncated level " + std::to_string(l));
        if (outline_count > MAX_OUTLINES || outline_count > r.remaining() / 8)
            return error_at(r, "absurd outline count " + std::to_string(outline_count));
        for (uint32_t o = 0; o < outline_count; ++o) {
            uint16_t kind = 0, reserved = 0;
            uint32_t point_count = 0;
            if (!r.u16(kind) || !r.u16(reserved) || !r.u32(point_count))
                return error_at(r, "truncated outline");
            if (kind > 3)
                return error_at(r, "unknown outline kind " + std::to_string(kind));
            if (point_count < 2 || point_count > r.remaining() / 8)
                return error_at(r, "bad outline point count " + std::to_string(point_count));
            // Long lines are cut into runs that share their end points, so culling stays fine.
            uint32_t start = static_cast<uint32_t>(level.outline_points.size());
            for (uint32_t i = 0; i < point_count; ++i) {
                MapVertex v;
                if (!read_vertex(r, v))
                    return error_at(r, "truncated outline points");
                if (!sane(v.x) || !sane(v.y))
                    return error_at(r, "bad coordinate");
                level.outline_points.push_back(v);
            }
            for (uint32_t first = 0; first + 1 < point_count;
                 first += MapLevel::MAX_RUN_POINTS - 1) {
                uint32_t count = std::min(MapLevel::MAX_RUN_POINTS, point_count - first);
                OutlineRun run { start + first, count, static_cast<OutlineKind>(kind), {} };
                run.bounds = bounds_of(&level.outline_points[run.first], count);
                level.runs.push_back(run);
            }
        }
        // The vectors grew by doubling: the spare capacity would be a third of the map's memory.
        level.land.shrink_to_fit();
        level.triangle_country.shrink_to_fit();
        level.outline_points.shrink_to_fit();
        level.runs.shrink_to_fit();
        index(level);
        g.m_levels.push_back(std::move(level));
    }
    if (r.remaining() != 0)
        return error_at(r, "trailing bytes");
    return g;
}

MapGeometry::CellRange MapGeometry::cells_of(const MapLevel& level, const WorldRect& rect)
{
    constexpr int n = MapLevel::GRID_CELLS;
    auto cell = [](double v, double lo, double size) {
        double c = std::floor((v - lo) / size * n);
        return static_cast<int>(std::clamp(c, 0.0, static_cast<double>(n - 1)));
    };
    const WorldRect& box = level.cover;
    return { cell(rect.min_x, box.min_x, box.width()), cell(rect.min_y, box.min_y, box.height()),
        cell(rect.max_x, box.min_x, box.width()), cell(rect.max_y, box.min_y, box.height()) };
}

void MapGeometry::index(MapLevel& level)
{
    const size_t cells = static_cast<size_t>(MapLevel::GRID_CELLS) * MapLevel::GRID_CELLS;
    // Two passes per list: count per cell, then place each item (no per-cell allocations).
    auto build = [&](CellLists& lists, size_t count, auto bounds_of_item) {
        lists.start.assign(cells + 1, 0);
        auto each_cell = [&](uint32_t item, auto fn) {
            auto c = cells_of(level, bounds_of_item(item));
            for (int y = c.y0; y <= c.y1; ++y)
                for (int x = c.x0; x <= c.x1; ++x)
                    fn(static_cast<size_t>(y * MapLevel::GRID_CELLS + x));
        };
        for (uint32_t i = 0; i < count; ++i)
            each_cell(i, [&](size_t cell) { ++lists.start[cell + 1]; });
        for (size_t cell = 0; cell < cells; ++cell)
            lists.start[cell + 1] += lists.start[cell];
        lists.items.assign(lists.start[cells], 0);
        std::vector<uint32_t> fill(lists.start.begin(), lists.start.end() - 1);
        for (uint32_t i = 0; i < count; ++i)
            each_cell(i, [&](size_t cell) { lists.items[fill[cell]++] = i; });
    };
    build(level.cell_triangles, level.triangle_count(),
        [&](uint32_t t) { return level.triangle_bounds(t); });
    build(level.cell_runs, level.runs.size(), [&](uint32_t i) { return level.runs[i].bounds; });
}

const MapLevel& MapGeometry::level_for_zoom(double zoom) const
{
    const MapLevel* best = &m_levels.front();
    for (auto& level : m_levels) {
        if (!level.patch && level.min_zoom <= zoom)
            best = &level;
    }
    return *best;
}

std::vector<const MapLevel*> MapGeometry::patches_for_zoom(double zoom) const
{
    std::vector<const MapLevel*> out;
    for (auto& level : m_levels) {
        if (!level.patch || level.min_zoom > zoom)
            continue;
        auto same_box = std::find_if(out.begin(), out.end(), [&](const MapLevel* o) {
            return o->cover.min_x == level.cover.min_x && o->cover.min_y == level.cover.min_y
                && o->cover.max_x == level.cover.max_x && o->cover.max_y == level.cover.max_y;
        });
        if (same_box == out.end())
            out.push_back(&level);
        else if (level.min_zoom >= (*same_box)->min_zoom)
            *same_box = &level;
    }
    return out;
}

std::optional<uint16_t> MapGeometry::drawn_country_at(double zoom, WorldPoint p) const
{
    for (const MapLevel* patch : patches_for_zoom(zoom)) {
        const WorldRect& c = patch->cover;
        if (p.x >= c.min_x && p.x <= c.max_x && p.y >= c.min_y && p.y <= c.max_y)
            return country_at(*patch, p);
    }
    return country_at(level_for_zoom(zoom), p);
}

void MapGeometry::query(const MapLevel& level, const WorldRect& rect,
    std::vector<uint32_t>& triangles, std::vector<uint32_t>& runs) const
{
    triangles.clear();
    runs.clear();
    if (!rect.intersects(level.cover))
        return;
    const int n = MapLevel::GRID_CELLS;
    auto c = cells_of(level, rect);
    auto collect = [&](const CellLists& cells, auto bounds_of_item, std::vector<uint32_t>& out) {
        for (int y = c.y0; y <= c.y1; ++y) {
            for (int x = c.x0; x <= c.x1; ++x) {
                size_t cell = static_cast<size_t>(y * n + x);
                for (uint32_t k = cells.start[cell]; k < cells.start[cell + 1]; ++k) {
                    uint32_t item = cells.items[k];
                    const WorldRect b = bounds_of_item(item);
                    if (!b.intersects(rect))
                        continue;
                    // Report from one cell only: the one holding the overlap's top-left corner.
                    auto home = cells_of(level,
                        { std::max(b.min_x, rect.min_x), std::max(b.min_y, rect.min_y),
                            std::max(b.min_x, rect.min_x), std::max(b.min_y, rect.min_y) });
                    if (home.x0 == x && home.y0 == y)
                        out.push_back(item);
                }
            }
        }
        std::sort(out.begin(), out.end());
    };
    collect(
        level.cell_triangles, [&](uint32_t t) { return level.triangle_bounds(t); }, triangles);
    collect(
        level.cell_runs, [&](uint32_t i) { return level.runs[i].bounds; }, runs);
}

std::optional<uint16_t> MapGeometry::country_at(const MapLevel& level, WorldPoint p) const
{
    std::vector<uint32_t> triangles, runs;
    query(level, { p.x, p.y, p.x, p.y }, triangles, runs);
    std::optional<uint16_t> found;
    for (uint32_t t : triangles) {
        if (!in_triangle(p, &level.land[size_t { t } * 3]))
            continue;
        if (level.triangle_country[t] == MAP_LAKE)
            return std::nullopt; // lakes are drawn over the land
        found = level.triangle_country[t];
    }
    return found;
}

std::vector<size_t> markers_at(std::span<const MarkerCircle> markers, Point point)
{
    std::vector<std::pair<float, size_t>> found;
    for (size_t i = 0; i < markers.size(); ++i) {
        float d = std::hypot(markers[i].centre.x - point.x, markers[i].centre.y - point.y);
        if (d <= markers[i].radius_px)
            found.push_back({ d, i });
    }
    std::sort(found.begin(), found.end());
    std::vector<size_t> out;
    for (auto& f : found)
        out.push_back(f.second);
    return out;
}

bool rects_overlap(const Rect& a, const Rect& b)
{
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

namespace {

bool rect_hits_circle(const Rect& r, const MarkerCircle& c)
{
    float nx = std::clamp(c.centre.x, r.x, r.right());
    float ny = std::clamp(c.centre.y, r.y, r.bottom());
    float dx = c.centre.x - nx, dy = c.centre.y - ny;
    return dx * dx + dy * dy < c.radius_px * c.radius_px;
}

} // namespace

std::vector<PlacedLabel> place_labels(std::span<const LabelRequest> labels,
    std::span<const MarkerCircle> markers, std::span<const Rect> obstacles, Rect bounds,
    float gap_px)
{
    std::vector<size_t> order(labels.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
        [&](size_t a, size_t b) { return labels[a].priority > labels[b].priority; });
    std::vector<PlacedLabel> placed;
    for (size_t i : order) {
        const auto& l = labels[i];
        float w = l.width_px, h = l.height_px, r = l.marker_radius_px + gap_px;
        float d = r * 0.7071f; // the diagonals touch the same circle
        const Rect candidates[8] = {
            { l.anchor.x + r, l.anchor.y - h / 2, w, h }, // right
            { l.anchor.x - r - w, l.anchor.y - h / 2, w, h }, // left
            { l.anchor.x - w / 2, l.anchor.y - r - h, w, h }, // above
            { l.anchor.x - w / 2, l.anchor.y + r, w, h }, // below
            { l.anchor.x + d, l.anchor.y - d - h, w, h }, // above right
            { l.anchor.x + d, l.anchor.y + d, w, h }, // below right
            { l.anchor.x - d - w, l.anchor.y - d - h, w, h }, // above left
            { l.anchor.x - d - w, l.anchor.y + d, w, h }, // below left
        };
        for (const Rect& c : candidates) {
            bool inside = c.x >= bounds.x && c.y >= bounds.y && c.right() <= bounds.right()
                && c.bottom() <= bounds.bottom();
            if (!inside)
                continue;
            bool clear = std::none_of(placed.begin(), placed.end(), [&](const PlacedLabel& p) {
                return rects_overlap(p.rect, c);
            }) && std::none_of(markers.begin(), markers.end(), [&](const MarkerCircle& m) {
                return rect_hits_circle(c, m);
            }) && std::none_of(obstacles.begin(), obstacles.end(), [&](const Rect& o) {
                return rects_overlap(o, c);
            });
            if (clear) {
                placed.push_back({ i, c });
                break;
            }
        }
    }
    return placed;
}

} // namespace kiosk::core
