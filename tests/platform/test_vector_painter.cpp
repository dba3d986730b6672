// The layer painter on a plain pixel buffer (no window): opaque triangles that share an edge
// leave no seam whichever way they are wound, lines are anti-aliased, rectangles and the
// background come out exactly, and a half-size picture is the same picture scaled.
#include "kiosk/platform/vector_painter.h"

#include <gtest/gtest.h>

#include <vector>

using namespace kiosk;
using namespace kiosk::core;
using kiosk::platform::paint_shapes;

namespace {

constexpr Color SEA { 18, 70, 112, 255 };
constexpr Color LAND { 238, 208, 158, 255 };

uint32_t argb(Color c)
{
    return (uint32_t { c.a } << 24) | (uint32_t { c.r } << 16) | (uint32_t { c.g } << 8) | c.b;
}

struct Picture {
    Size size;
    std::vector<uint32_t> pixels;
    explicit Picture(Size s)
        : size(s)
        , pixels(static_cast<size_t>(s.width * s.height), 0xdeadbeef)
    {
    }
    bool paint(const std::vector<DrawCommand>& commands, float scale = 1)
    {
        return paint_shapes(commands, { pixels.data(), size.width * 4, size }, scale, SEA);
    }
    uint32_t at(int x, int y) const { return pixels[static_cast<size_t>(y * size.width + x)]; }
};

} // namespace

TEST(VectorPainter, TrianglesSharingAnEdgeLeaveNoSeamWhicheverWayWound)
{
    Picture pic({ 200, 100 });
    // A rectangle 20..180 x 10..90 as two triangles, one wound each way, with a slanted
    // shared edge (where anti-aliasing would leave a faint line).
    Triangles land { { { 20, 10 }, { 180, 10 }, { 20, 90 }, // clockwise on screen
                         { 180, 10 }, { 20, 90 }, { 180, 90 } }, // counter-clockwise
        LAND };
    ASSERT_TRUE(pic.paint({ land }));
    for (int y = 11; y < 89; ++y) {
        for (int x = 21; x < 179; ++x)
            ASSERT_EQ(pic.at(x, y), argb(LAND)) << x << "," << y;
    }
    EXPECT_EQ(pic.at(5, 5), argb(SEA));
    EXPECT_EQ(pic.at(190, 95), argb(SEA));
}

TEST(VectorPainter, OverlappingTrianglesOfOppositeWindingStillFill)
{
    Picture pic({ 100, 100 });
    Triangles land { { { 10, 10 }, { 90, 10 }, { 10, 90 }, { 10, 10 }, { 10, 90 }, { 90, 10 } },
        LAND };
    ASSERT_TRUE(pic.paint({ land }));
    EXPECT_EQ(pic.at(30, 30), argb(LAND)) << "the same triangle twice, wound both ways";
}

TEST(VectorPainter, LinesAreAntiAliasedAndTranslucentColoursBlend)
{
    Picture pic({ 100, 100 });
    Polyline coast { { { 10, 10.5f }, { 90, 60.5f } }, { 255, 255, 255, 255 }, 2 };
    ASSERT_TRUE(pic.paint({ coast }));
    // Along a slanted line some pixels are partly covered: between the sea and white.
    bool partial = false;
    for (int y = 0; y < 100 && !partial; ++y) {
        for (int x = 0; x < 100; ++x) {
            uint32_t p = pic.at(x, y);
            uint8_t red = (p >> 16) & 0xff;
            if (red > SEA.r + 20 && red < 235) {
                partial = true;
                break;
            }
        }
    }
    EXPECT_TRUE(partial);

    Picture veil({ 40, 40 });
    ASSERT_TRUE(veil.paint({ FillRect { { 0, 0, 20, 40 }, { 0, 0, 0, 128 }, 0 } }));
    uint32_t half = veil.at(5, 5);
    EXPECT_EQ(half >> 24, 0xffu) << "the picture stays opaque";
    EXPECT_NEAR(static_cast<int>((half >> 8) & 0xff), SEA.g / 2, 2) << "half the sea's green";
    EXPECT_EQ(veil.at(30, 5), argb(SEA));
}

TEST(VectorPainter, RectsAndFramesAreExact)
{
    Picture pic({ 60, 60 });
    ASSERT_TRUE(pic.paint(
        { FillRect { { 10, 10, 20, 20 }, LAND, 0 }, StrokeRect { { 35, 35, 20, 20 }, LAND, 3 } }));
    EXPECT_EQ(pic.at(10, 10), argb(LAND));
    EXPECT_EQ(pic.at(29, 29), argb(LAND));
    EXPECT_EQ(pic.at(30, 30), argb(SEA));
    EXPECT_EQ(pic.at(9, 10), argb(SEA));
    EXPECT_EQ(pic.at(36, 45), argb(LAND)) << "the frame's left side";
    EXPECT_EQ(pic.at(45, 45), argb(SEA)) << "the frame's hole";
}

TEST(VectorPainter, AHalfSizePictureIsTheSamePictureScaled)
{
    Picture half({ 50, 50 });
    ASSERT_TRUE(half.paint({ FillRect { { 20, 20, 40, 40 }, LAND, 0 } }, 0.5f));
    EXPECT_EQ(half.at(9, 9), argb(SEA));
    EXPECT_EQ(half.at(10, 10), argb(LAND));
    EXPECT_EQ(half.at(29, 29), argb(LAND));
    EXPECT_EQ(half.at(30, 30), argb(SEA));
}

TEST(VectorPainter, ImagesAndTextInALayerAreSkippedAndABadTargetIsRefused)
{
    Picture pic({ 20, 20 });
    ASSERT_TRUE(pic.paint({ DrawImage { "x.svg", { 0, 0, 20, 20 }, 1, 1, {} },
        DrawText { "x", {}, { 0, 0, 20, 20 }, LAND } }));
    EXPECT_EQ(pic.at(10, 10), argb(SEA));
    EXPECT_FALSE(paint_shapes({}, { nullptr, 0, { 10, 10 } }, 1, SEA));
    EXPECT_FALSE(paint_shapes({}, { pic.pixels.data(), 80, { 0, 20 } }, 1, SEA));
}
