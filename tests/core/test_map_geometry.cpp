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
        const char* magic = "KMAP", uint32_t version = 1)
    {
        m_bytes.insert(m_bytes.end(), magic, magic + 4);
        u32(version);
        u32(levels);
        f32(static_cast<float>(region.min_x));
        f32(static_cast<float>(region.min_y));
        f32(static_cast<float>(region.max_x));
        f32(static_cast<float>(region.max_y));
        return *this;
    }
    KmapWriter& level(float min_zoom, uint32_t pieces)
    {
        f32(min_zoom);
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

TEST(MapGeometry, TheBundledMapHasLandWhereItShould)
{
    auto bytes = read_file(KIOSK_SOURCE_DIR "/assets/map/east-asia.kmap");
    ASSERT_FALSE(bytes.empty()) << "assets/map/east-asia.kmap is missing";
    EXPECT_LE(bytes.size(), 3u * 1024 * 1024) << "the map file should stay small";
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
    for (auto& level : g.levels()) {
        EXPECT_GT(level.triangle_count(), 100u);
        EXPECT_FALSE(level.runs.empty());
        for (auto& c : cases)
            EXPECT_EQ(g.country_at(level, project(c.p)), c.country)
                << "case " << c.id << " (" << c.what << ") at zoom " << level.min_zoom;
    }
    // Levels get finer as the zoom grows.
    for (size_t i = 1; i < g.levels().size(); ++i)
        EXPECT_GT(g.levels()[i].triangle_count(), g.levels()[i - 1].triangle_count());
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
