// The .kmap parser (good, truncated and corrupt files), level choice, culling queries, the real
// bundled map, marker hit-testing and label placement.
#include "kiosk/core/map_geometry.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>

using namespace kiosk::core;

namespace {

// Writes .kmap bytes the way kiosk/tools/map/build-map.mjs does.
class KmapWriter {
public:
    KmapWriter& header(uint32_t levels, WorldRect region = { 0.7, 0.3, 0.95, 0.55 },
        const char* magic = "KMAP", uint32_t version = 2)
    {
        m_region = region;
        m_bytes.insert(m_bytes.end(), magic, magic + 4);
        u32(version);
        u32(levels);
        f32(static_cast<float>(region.min_x));
        f32(static_cast<float>(region.min_y));
        f32(static_cast<float>(region.max_x));
        f32(static_cast<float>(region.max_y));
        return *this;
    }
    // A level covering `cover`, or the whole region.
    KmapWriter& level(float min_zoom, uint32_t pieces, std::optional<WorldRect> cover = {})
    {
        f32(min_zoom);
        WorldRect c = cover.value_or(m_region);
        f32(static_cast<float>(c.min_x));
        f32(static_cast<float>(c.min_y));
        f32(static_cast<float>(c.max_x));
        f32(static_cast<float>(c.max_y));
        u32(pieces);
        return *this;
    }
    KmapWriter& piece(uint16_t country, const std::vector<MapVertex>& vertices)
    {
        u16(country);
        u16(0);
        u32(static_cast<uint32_t>(vertices.size()));
        for (auto v : vertices) {
            f32(v.x);
            f32(v.y);
        }
        return *this;
    }
    KmapWriter& outlines(uint32_t count)
    {
        u32(count);
        return *this;
    }
    KmapWriter& outline(uint16_t kind, const std::vector<MapVertex>& points)
    {
        u16(kind);
        u16(0);
        u32(static_cast<uint32_t>(points.size()));
        for (auto v : points) {
            f32(v.x);
            f32(v.y);
        }
        return *this;
    }
    void u16(uint16_t v)
    {
        m_bytes.push_back(static_cast<uint8_t>(v));
        m_bytes.push_back(static_cast<uint8_t>(v >> 8));
    }
    void u32(uint32_t v)
    {
        for (int i = 0; i < 4; ++i)
            m_bytes.push_back(static_cast<uint8_t>(v >> (8 * i)));
    }
    void f32(float v) { u32(std::bit_cast<uint32_t>(v)); }
    std::vector<uint8_t>& bytes() { return m_bytes; }

private:
    std::vector<uint8_t> m_bytes;
    WorldRect m_region;
};

// Two levels: a coarse one with one square (two triangles) of Viet Nam, and a fine one with
// that square and a triangle of Japan, a coastline of 100 points and a border.
std::vector<uint8_t> sample_file()
{
    KmapWriter w;
    w.header(2);
    w.level(0, 1).piece(ISO_VIET_NAM,
        { { 0.78f, 0.44f }, { 0.80f, 0.44f }, { 0.80f, 0.46f }, { 0.78f, 0.44f }, { 0.80f, 0.46f },
            { 0.78f, 0.46f } });
    w.outlines(0);
    w.level(7, 2)
        .piece(ISO_JAPAN, { { 0.88f, 0.39f }, { 0.90f, 0.39f }, { 0.89f, 0.41f } })
        .piece(ISO_VIET_NAM,
            { { 0.78f, 0.44f }, { 0.80f, 0.44f }, { 0.80f, 0.46f }, { 0.78f, 0.44f },
                { 0.80f, 0.46f }, { 0.78f, 0.46f } });
    std::vector<MapVertex> coast;
    for (int i = 0; i < 100; ++i)
        coast.push_back({ 0.72f + 0.002f * static_cast<float>(i), 0.5f });
    w.outlines(2).outline(0, coast).outline(1, { { 0.8f, 0.44f }, { 0.8f, 0.46f } });
    return w.bytes();
}

std::vector<uint8_t> read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return { std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>() };
}

} // namespace

TEST(MapGeometry, ParsesASampleFile)
{
    auto bytes = sample_file();
    auto parsed = MapGeometry::parse(bytes);
    ASSERT_TRUE(parsed.ok()) << parsed.error();
    auto& g = parsed.value();
    ASSERT_EQ(g.levels().size(), 2u);
    EXPECT_NEAR(g.region().min_x, 0.7, 1e-6);
    EXPECT_EQ(g.levels()[0].triangle_count(), 2u);
    EXPECT_EQ(g.levels()[1].triangle_count(), 3u);
    EXPECT_EQ(g.levels()[1].triangle_country[0], ISO_JAPAN);
    EXPECT_EQ(g.levels()[1].triangle_country[2], ISO_VIET_NAM);
    // The 100-point coastline is cut into runs of at most 64 points sharing their ends.
    auto& runs = g.levels()[1].runs;
    ASSERT_EQ(runs.size(), 3u);
    EXPECT_EQ(runs[0].count, 64u);
    EXPECT_EQ(runs[1].first, 63u);
    EXPECT_EQ(runs[1].count, 37u);
    EXPECT_EQ(runs[2].kind, OutlineKind::Border);
}

TEST(MapGeometry, LevelForZoom)
{
    auto bytes = sample_file();
    auto g = MapGeometry::parse(bytes).release_value();
    struct Case {
        int id;
        double zoom;
        float expected;
    };
    const Case cases[] = { { 1, -3, 0 }, { 2, 0, 0 }, { 3, 6.99, 0 }, { 4, 7, 7 }, { 5, 18, 7 } };
    for (auto& c : cases)
        EXPECT_EQ(g.level_for_zoom(c.zoom).min_zoom, c.expected) << "case " << c.id;
}

TEST(MapGeometry, RejectsCorruptFiles)
{
    struct Case {
        int id;
        std::vector<uint8_t> bytes;
        const char* needle; // part of the message
    };
    std::vector<Case> cases;
    cases.push_back({ 1, {}, "too short" });
    {
        KmapWriter w;
        w.header(1, { 0.7, 0.3, 0.95, 0.55 }, "PAMK");
        cases.push_back({ 2, w.bytes(), "magic" });
    }
    {
        KmapWriter w;
        w.header(1, { 0.7, 0.3, 0.95, 0.55 }, "KMAP", 9);
        cases.push_back({ 3, w.bytes(), "version" });
    }
    {
        KmapWriter w;
        w.header(100000);
        cases.push_back({ 4, w.bytes(), "level count" });
    }
    {
        KmapWriter w;
        w.header(1).level(0, 1);
        w.u16(704);
        w.u16(0);
        w.u32(0xFFFFFFF0u); // a multiple of 3 far past the end
        cases.push_back({ 5, w.bytes(), "past the end" });
    }
    {
        KmapWriter w;
        w.header(1).level(0, 1).piece(704, { { 0.1f, 0.1f }, { 0.2f, 0.2f } });
        w.outlines(0);
        cases.push_back({ 6, w.bytes(), "multiple of 3" });
    }
    {
        KmapWriter w;
        float nan = std::numeric_limits<float>::quiet_NaN();
        w.header(1).level(0, 1).piece(704, { { 0.1f, 0.1f }, { nan, 0.2f }, { 0.2f, 0.1f } });
        w.outlines(0);
        cases.push_back({ 7, w.bytes(), "bad coordinate" });
    }
    {
        KmapWriter w;
        w.header(1).level(0, 0).outlines(0xFFFFFFFFu);
        cases.push_back({ 8, w.bytes(), "outline count" });
    }
    {
        KmapWriter w;
        w.header(1).level(0, 0).outlines(1).outline(0, { { 0.5f, 0.5f } });
        cases.push_back({ 9, w.bytes(), "point count" });
    }
    {
        auto bytes = sample_file();
        bytes.push_back(0);
        cases.push_back({ 10, bytes, "trailing" });
    }
    {
        KmapWriter w;
        w.header(2).level(5, 0).outlines(0).level(1, 0).outlines(0);
        cases.push_back({ 11, w.bytes(), "zoom order" });
    }
    {
        KmapWriter w;
        w.header(1, { 0.5, 0.5, 0.5, 0.6 });
        cases.push_back({ 12, w.bytes(), "empty region" });
    }
    {
        KmapWriter w;
        w.header(1).level(0, 0).outlines(1).outline(7, { { 0.5f, 0.5f }, { 0.6f, 0.6f } });
        cases.push_back({ 13, w.bytes(), "outline kind" });
    }
    {
        KmapWriter w;
        w.header(1).level(0, 0, WorldRect { 0.8, 0.4, 0.8, 0.5 }).outlines(0);
        cases.push_back({ 14, w.bytes(), "empty cover" });
    }
    {
        KmapWriter w;
        w.header(1).level(0, 0, WorldRect { 0.8, 0.4, 0.9, 0.5 }).outlines(0);
        cases.push_back({ 15, w.bytes(), "first level must cover" });
    }
    {
        KmapWriter w;
        float inf = std::numeric_limits<float>::infinity();
        w.header(1).level(0, 0, WorldRect { 0.8, 0.4, inf, 0.5 }).outlines(0);
        cases.push_back({ 16, w.bytes(), "bad cover" });
    }
    for (auto& c : cases) {
        auto parsed = MapGeometry::parse(c.bytes);
        ASSERT_FALSE(parsed.ok()) << "case " << c.id;
        EXPECT_NE(parsed.error().find(c.needle), std::string::npos)
            << "case " << c.id << ": " << parsed.error();
    }
}

TEST(MapGeometry, EveryTruncationIsAnError)
{
    auto bytes = sample_file();
    for (size_t n = 0; n < bytes.size(); ++n) {
        auto parsed = MapGeometry::parse(std::span<const uint8_t>(bytes.data(), n));
        EXPECT_FALSE(parsed.ok()) << "prefix of " << n << " bytes";
    }
}

TEST(MapGeometry, FlippedBytesNeverCrash)
{
    auto good = sample_file();
    std::mt19937 rng(7);
    for (int i = 0; i < 2000; ++i) {
        auto bytes = good;
        auto at = std::uniform_int_distribution<size_t>(0, bytes.size() - 1)(rng);
        bytes[at] = static_cast<uint8_t>(rng());
        auto parsed = MapGeometry::parse(bytes);
        if (parsed.ok()) {
            EXPECT_EQ(parsed.value().levels().size(), 2u);
        }
    }
}

TEST(MapGeometry, QueryFindsWhatTouchesTheRectOnce)
{
    // A lattice of small triangles across the region, plus one huge sliver.
    KmapWriter w;
    WorldRect region { 0.7, 0.3, 0.95, 0.55 };
    w.header(1, region);
    std::vector<MapVertex> tris;
    for (int y = 0; y < 30; ++y) {
        for (int x = 0; x < 30; ++x) {
            float x0 = 0.7f + 0.25f * static_cast<float>(x) / 30,
                  y0 = 0.3f + 0.25f * static_cast<float>(y) / 30;
            tris.insert(tris.end(), { { x0, y0 }, { x0 + 0.005f, y0 }, { x0, y0 + 0.005f } });
        }
    }
    tris.insert(tris.end(), { { 0.7f, 0.3f }, { 0.95f, 0.55f }, { 0.7f, 0.31f } });
    w.level(0, 1).piece(156, tris).outlines(1).outline(0, { { 0.71f, 0.31f }, { 0.94f, 0.54f } });
    auto g = MapGeometry::parse(w.bytes()).release_value();
    auto& level = g.levels()[0];
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> pos(0.65, 1.0), size(0.0, 0.1);
    std::vector<uint32_t> found, runs;
    for (int i = 0; i < 300; ++i) {
        double x = pos(rng), y = pos(rng) - 0.35;
        WorldRect rect { x, y, x + size(rng), y + size(rng) };
        g.query(level, rect, found, runs);
        std::vector<uint32_t> expected;
        for (uint32_t t = 0; t < level.triangle_count(); ++t) {
            if (level.triangle_bounds(t).intersects(rect))
                expected.push_back(t);
        }
        EXPECT_EQ(found, expected) << "rect " << i;
        bool run_expected = level.runs[0].bounds.intersects(rect);
        EXPECT_EQ(runs.size(), run_expected ? 1u : 0u) << "rect " << i;
    }
}

TEST(MapGeometry, CountryAt)
{
    auto bytes = sample_file();
    auto g = MapGeometry::parse(bytes).release_value();
    auto& fine = g.levels()[1];
    EXPECT_EQ(g.country_at(fine, { 0.79, 0.45 }), ISO_VIET_NAM);
    EXPECT_EQ(g.country_at(fine, { 0.89, 0.395 }), ISO_JAPAN);
    EXPECT_EQ(g.country_at(fine, { 0.85, 0.45 }), std::nullopt);
}

namespace {

// A whole-region level with one square of Viet Nam (0.78..0.80, 0.44..0.46); two patch levels
// over the box 0.79..0.83, 0.43..0.47, whose land is a smaller square (0.795..0.80) with a lake
// in it, the finer one from zoom 12; and a second patch box elsewhere from zoom 9.
std::vector<uint8_t> patched_file()
{
    auto square = [](float x0, float y0, float x1, float y1) {
        return std::vector<MapVertex> { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y0 }, { x1, y1 },
            { x0, y1 } };
    };
    const WorldRect box { 0.79, 0.43, 0.83, 0.47 };
    KmapWriter w;
    w.header(5);
    w.level(0, 1).piece(ISO_VIET_NAM, square(0.78f, 0.44f, 0.80f, 0.46f)).outlines(0);
    w.level(9, 2, box)
        .piece(ISO_VIET_NAM, square(0.795f, 0.44f, 0.80f, 0.46f))
        .piece(MAP_LAKE, square(0.796f, 0.45f, 0.797f, 0.451f))
        .outlines(1)
        .outline(2, { { 0.796f, 0.44f }, { 0.796f, 0.46f } });
    w.level(12, 1, box).piece(ISO_VIET_NAM, square(0.795f, 0.44f, 0.80f, 0.46f)).outlines(0);
    w.level(9, 1, WorldRect { 0.88, 0.38, 0.90, 0.40 })
        .piece(ISO_JAPAN, square(0.885f, 0.385f, 0.89f, 0.39f))
        .outlines(0);
    // A whole-region level after the patches, still in zoom order among its kind.
    w.level(7, 1).piece(ISO_VIET_NAM, square(0.78f, 0.44f, 0.80f, 0.46f)).outlines(0);
    return w.bytes();
}

} // namespace

TEST(MapGeometry, PatchesReplaceTheCoarseLandInTheirBox)
{
    auto parsed = MapGeometry::parse(patched_file());
    ASSERT_TRUE(parsed.ok()) << parsed.error();
    const MapGeometry& g = parsed.value();
    auto& levels = g.levels();
    EXPECT_FALSE(levels[0].patch);
    EXPECT_TRUE(levels[1].patch);
    EXPECT_FALSE(levels[4].patch);
    EXPECT_EQ(levels[1].runs[0].kind, OutlineKind::River);
    // Level choice: whole-region levels ignore the patches; one patch per box, the finest.
    EXPECT_EQ(&g.level_for_zoom(10), &levels[4]);
    struct PatchCase {
        int id;
        double zoom;
        std::vector<const MapLevel*> expected;
    };
    const PatchCase patch_cases[] = {
        { 1, 8.9, {} },
        { 2, 9, { &levels[1], &levels[3] } },
        { 3, 12, { &levels[2], &levels[3] } },
        { 4, 20, { &levels[2], &levels[3] } },
    };
    for (auto& c : patch_cases)
        EXPECT_EQ(g.patches_for_zoom(c.zoom), c.expected) << "case " << c.id;
    // What is drawn as land: outside the patch boxes the coarse level, inside them the patch
    // (whose smaller square leaves 0.79..0.795 at sea), and a lake is water.
    struct LandCase {
        int id;
        double zoom;
        WorldPoint p;
        std::optional<uint16_t> expected;
    };
    const LandCase land_cases[] = {
        { 1, 5, { 0.792, 0.45 }, ISO_VIET_NAM }, // no patch yet
        { 2, 10, { 0.792, 0.45 }, std::nullopt }, // in the box, not in the patch's land
        { 3, 10, { 0.785, 0.45 }, ISO_VIET_NAM }, // outside the box: the coarse level
        { 4, 10, { 0.798, 0.45 }, ISO_VIET_NAM },
        { 5, 10, { 0.7965, 0.4505 }, std::nullopt }, // the lake
        { 6, 13, { 0.7965, 0.4505 }, ISO_VIET_NAM }, // the finer patch has no lake
        { 7, 10, { 0.887, 0.387 }, ISO_JAPAN },
        { 8, 10, { 0.881, 0.381 }, std::nullopt },
    };
    for (auto& c : land_cases)
        EXPECT_EQ(g.drawn_country_at(c.zoom, c.p), c.expected) << "case " << c.id;
    // A patch's grid is its own box's: a query there finds its triangles.
    std::vector<uint32_t> triangles, runs;
    g.query(levels[1], { 0.7955, 0.445, 0.799, 0.446 }, triangles, runs);
    EXPECT_EQ(triangles, (std::vector<uint32_t> { 0, 1 }));
    EXPECT_EQ(runs, (std::vector<uint32_t> { 0 }));
    g.query(levels[1], { 0.70, 0.30, 0.75, 0.35 }, triangles, runs);
    EXPECT_TRUE(triangles.empty());
}

TEST(MapGeometry, TheBundledMapHasLandWhereItShould)
{
    auto bytes = read_file(KIOSK_SOURCE_DIR "/assets/map/east-asia.kmap");
    ASSERT_FALSE(bytes.empty()) << "assets/map/east-asia.kmap is missing";
    EXPECT_LE(bytes.size(), 8u * 1024 * 1024) << "the map file should stay small";
    auto parsed = MapGeometry::parse(bytes);
    ASSERT_TRUE(parsed.ok()) << parsed.error();
    auto& g = parsed.value();
    ASSERT_GE(g.levels().size(), 2u);
    EXPECT_TRUE(g.region().contains(project({ 21.03, 105.85 })));
    struct Case {
        int id;
        const char* what;
        LatLon p;
        std::optional<uint16_t> country;
    };
    const Case cases[] = {
        { 1, "Hanoi", { 21.03, 105.85 }, ISO_VIET_NAM },
        { 2, "Tokyo", { 35.69, 139.69 }, ISO_JAPAN },
        { 3, "Kitakyushu", { 33.883, 130.875 }, ISO_JAPAN },
        { 4, "Beijing", { 39.90, 116.40 }, uint16_t { 156 } },
        { 5, "South China Sea", { 15.0, 113.0 }, std::nullopt },
        { 6, "Sea of Japan", { 40.0, 135.0 }, std::nullopt },
    };
    const MapLevel* previous = nullptr;
    size_t patches = 0;
    for (auto& level : g.levels()) {
        EXPECT_GT(level.triangle_count(), 100u);
        EXPECT_FALSE(level.runs.empty());
        for (auto& c : cases) {
            WorldPoint p = project(c.p);
            if (!level.cover.contains(p))
                continue;
            EXPECT_EQ(g.country_at(level, p), c.country)
                << "case " << c.id << " (" << c.what << ") at zoom " << level.min_zoom;
        }
        if (level.patch) {
            ++patches;
            continue;
        }
        // Whole-region levels get finer as the zoom grows.
        if (previous) {
            EXPECT_GT(level.triangle_count(), previous->triangle_count());
        }
        previous = &level;
    }
    // The full-resolution shores around Hai Phong, Kitakyushu and Tokyo, each at two zooms.
    EXPECT_EQ(patches, 6u);
    // Places the 1:10m coast gets wrong and the patches right.
    const Case details[] = {
        { 1, "Cat Ba town", { 20.7239, 107.0578 }, ISO_VIET_NAM },
        { 2, "Cam river at Hai Phong", { 20.875, 106.705 }, std::nullopt },
        { 3, "Bach Dang estuary", { 20.85, 106.78 }, std::nullopt },
        { 4, "Tokyo Bay", { 35.5, 139.85 }, std::nullopt },
        { 5, "Hai Phong, south of the Cam", { 20.868, 106.70 }, ISO_VIET_NAM },
    };
    for (auto& d : details)
        EXPECT_EQ(g.drawn_country_at(14, project(d.p)), d.country)
            << "case " << d.id << " (" << d.what << ")";
}

TEST(MapMarkers, NearestFirst)
{
    const MarkerCircle markers[] = {
        { { 100, 100 }, 30 },
        { { 120, 100 }, 30 },
        { { 400, 400 }, 30 },
    };
    struct Case {
        int id;
        kiosk::core::Point at;
        std::vector<size_t> expected;
    };
    const Case cases[] = {
        { 1, { 100, 100 }, { 0, 1 } },
        { 2, { 118, 100 }, { 1, 0 } },
        { 3, { 110, 100 }, { 0, 1 } }, // a tie goes to the lower index
        { 4, { 400, 429 }, { 2 } },
        { 5, { 400, 431 }, {} },
        { 6, { 250, 250 }, {} },
    };
    for (auto& c : cases)
        EXPECT_EQ(markers_at(markers, c.at), c.expected) << "case " << c.id;
}

TEST(MapLabels, PrefersRightThenLeftAboveBelow)
{
    const kiosk::core::Rect bounds { 0, 0, 1000, 1000 };
    LabelRequest label { { 500, 500 }, 10, 100, 30, 0 };
    struct Case {
        int id;
        std::vector<kiosk::core::Rect> obstacles;
        kiosk::core::Rect expected;
    };
    const Case cases[] = {
        { 1, {}, { 516, 485, 100, 30 } },
        { 2, { { 520, 495, 10, 10 } }, { 384, 485, 100, 30 } },
        { 3, { { 520, 495, 10, 10 }, { 400, 495, 10, 10 } }, { 450, 454, 100, 30 } },
        { 4, { { 520, 495, 10, 10 }, { 400, 495, 10, 10 }, { 490, 460, 10, 10 } },
            { 450, 516, 100, 30 } },
    };
    for (auto& c : cases) {
        auto placed = place_labels(std::span(&label, 1), {}, c.obstacles, bounds);
        ASSERT_EQ(placed.size(), 1u) << "case " << c.id;
        EXPECT_EQ(placed[0].rect, c.expected) << "case " << c.id;
    }
    // All four sides taken: diagonally, above right first, then below right.
    std::vector<kiosk::core::Rect> sides { { 520, 495, 10, 10 }, { 400, 495, 10, 10 },
        { 490, 460, 10, 10 }, { 490, 530, 10, 10 } };
    auto diagonal = place_labels(std::span(&label, 1), {}, sides, bounds);
    ASSERT_EQ(diagonal.size(), 1u);
    EXPECT_NEAR(diagonal[0].rect.x, 500 + 16 * 0.7071f, 0.01f);
    EXPECT_NEAR(diagonal[0].rect.bottom(), 500 - 16 * 0.7071f, 0.01f);
    sides.push_back({ 560, 470, 10, 10 });
    diagonal = place_labels(std::span(&label, 1), {}, sides, bounds);
    ASSERT_EQ(diagonal.size(), 1u);
    EXPECT_NEAR(diagonal[0].rect.y, 500 + 16 * 0.7071f, 0.01f) << "below right";
    // Nowhere to go: dropped.
    std::vector<kiosk::core::Rect> all { { 0, 0, 1000, 1000 } };
    EXPECT_TRUE(place_labels(std::span(&label, 1), {}, all, bounds).empty());
    // Off the edge of the bounds: the left side is used.
    LabelRequest edge { { 950, 500 }, 10, 100, 30, 0 };
    auto placed = place_labels(std::span(&edge, 1), {}, {}, bounds);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_LT(placed[0].rect.right(), 950);
}

TEST(MapLabels, HigherPriorityWins)
{
    // Two markers close together: both labels want the same space right of them.
    const LabelRequest labels[] = {
        { { 100, 100 }, 8, 200, 30, 0 }, // a site
        { { 100, 120 }, 8, 200, 30, 10 }, // a city
    };
    const MarkerCircle markers[] = { { { 100, 100 }, 8 }, { { 100, 120 }, 8 } };
    auto placed = place_labels(labels, markers, {}, { 0, 0, 400, 400 });
    ASSERT_EQ(placed.size(), 2u);
    EXPECT_EQ(placed[0].index, 1u) << "the city is placed first";
    EXPECT_EQ(placed[0].rect.x, 114) << "and gets the right-hand side";
    EXPECT_FALSE(rects_overlap(placed[0].rect, placed[1].rect));
}

TEST(MapLabels, CrowdsNeverOverlapAndAreDeterministic)
{
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> pos(0, 1000), width(40, 260);
    std::vector<LabelRequest> labels;
    std::vector<MarkerCircle> markers;
    for (int i = 0; i < 80; ++i) {
        kiosk::core::Point p { pos(rng), pos(rng) };
        labels.push_back({ p, 12, width(rng), 32, i % 3 });
        markers.push_back({ p, 12 });
    }
    const kiosk::core::Rect bar { 0, 0, 1000, 80 };
    auto placed = place_labels(labels, markers, std::span(&bar, 1), { 0, 0, 1000, 1000 });
    EXPECT_GT(placed.size(), 10u);
    for (size_t i = 0; i < placed.size(); ++i) {
        EXPECT_FALSE(rects_overlap(placed[i].rect, bar));
        for (size_t j = i + 1; j < placed.size(); ++j)
            EXPECT_FALSE(rects_overlap(placed[i].rect, placed[j].rect)) << i << " vs " << j;
        for (auto& m : markers) {
            float nx = std::clamp(m.centre.x, placed[i].rect.x, placed[i].rect.right());
            float ny = std::clamp(m.centre.y, placed[i].rect.y, placed[i].rect.bottom());
            EXPECT_GE(std::hypot(m.centre.x - nx, m.centre.y - ny), m.radius_px - 1e-3f);
        }
    }
    auto again = place_labels(labels, markers, std::span(&bar, 1), { 0, 0, 1000, 1000 });
    ASSERT_EQ(again.size(), placed.size());
    for (size_t i = 0; i < placed.size(); ++i) {
        EXPECT_EQ(again[i].index, placed[i].index);
        EXPECT_EQ(again[i].rect, placed[i].rect);
    }
}
