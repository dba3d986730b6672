// Pictures: drawings through librsvg (gradients, no external resources), photos (orientation,
// downscale, focus crops), the limits and the memory budget.
#include "kiosk/platform/images.h"
#include "kiosk/platform/pictures.h"
#include "tests/support/golden.h"
#include "tests/support/test_photos.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::platform;
using kiosk::testing::box_request;
using kiosk::testing::Corner;
using kiosk::testing::PhotoFormat;

namespace {

std::vector<uint8_t> bytes_of(const std::string& text)
{
    return { text.begin(), text.end() };
}

// BGRA bytes at (x, y).
const uint8_t* pixel(cairo_surface_t* s, int x, int y)
{
    return cairo_image_surface_get_data(s)
        + static_cast<ptrdiff_t>(y) * cairo_image_surface_get_stride(s) + x * 4;
}

TEST(Pictures, LinearGradientIsDrawnAsAGradientNotOneColour)
{
    // nanosvg (SDL_image) filled gradients with one flat colour; the kiosk's sky is a gradient.
    auto svg = bytes_of("<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100'>"
                        "<defs><linearGradient id='g'><stop offset='0' stop-color='#ff0000'/>"
                        "<stop offset='1' stop-color='#0000ff'/></linearGradient></defs>"
                        "<rect width='200' height='100' fill='url(#g)'/></svg>");
    auto raster = rasterise_picture(svg, box_request(200, 100));
    ASSERT_TRUE(raster) << raster.error();
    auto* left = pixel(raster.value().get(), 2, 50);
    auto* right = pixel(raster.value().get(), 197, 50);
    EXPECT_GT(left[2], 230);
    EXPECT_LT(left[0], 25);
    EXPECT_GT(right[0], 230);
    EXPECT_LT(right[2], 25);
}

TEST(Pictures, ContainKeepsTheDrawingsAspectRatio)
{
    auto svg = bytes_of("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 800 450'>"
                        "<rect width='800' height='450' fill='#123456'/></svg>");
    auto raster = rasterise_picture(svg, box_request(1000, 1000));
    ASSERT_TRUE(raster) << raster.error();
    EXPECT_EQ(cairo_image_surface_get_width(raster.value().get()), 1000);
    EXPECT_EQ(cairo_image_surface_get_height(raster.value().get()), 563);
}

struct RefusedSvg {
    const char* id;
    const char* svg;
    const char* reason; // part of the message
};

class RefusedSvgs : public ::testing::TestWithParam<RefusedSvg> { };

TEST_P(RefusedSvgs, AreRefusedWithTheirReason)
{
    auto& c = GetParam();
    auto probed = probe_picture(bytes_of(c.svg));
    ASSERT_FALSE(probed) << c.id;
    EXPECT_NE(probed.error().find(c.reason), std::string::npos) << c.id << ": " << probed.error();
    EXPECT_FALSE(rasterise_picture(bytes_of(c.svg), box_request(1920, 1080))) << c.id;
}

INSTANTIATE_TEST_SUITE_P(Pictures, RefusedSvgs,
    ::testing::Values(
        RefusedSvg { "01-tall", "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='2000'/>",
            "aspect ratio 2000:1" },
        RefusedSvg { "02-wide-viewbox",
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 5000 10'/>", "aspect ratio" },
        RefusedSvg { "03-huge",
            "<svg xmlns='http://www.w3.org/2000/svg' width='100000' height='100000'/>",
            "over 30000 px" },
        RefusedSvg { "04-no-size", "<svg xmlns='http://www.w3.org/2000/svg'/>", "neither a size" },
        RefusedSvg { "05-image-file",
            "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><image "
            "href='file:///etc/passwd' width='10' height='10'/></svg>",
            "<image> element" },
        RefusedSvg { "06-prefixed-image",
            "<s:svg xmlns:s='http://www.w3.org/2000/svg' width='10' height='10'><s:image "
            "href='http://127.0.0.1/x.png' width='10' height='10'/></s:svg>",
            "<image> element" },
        RefusedSvg { "07-entity",
            "<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg xmlns='http://www.w3.org/2000/svg' "
            "width='10' height='10'/>",
            "entity" },
        RefusedSvg { "08-not-svg", "<html><body>hello</body></html>", "not a picture" },
        RefusedSvg { "09-xinclude",
            "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xi='http://www.w3.org/2001/XInclude' "
            "width='10' height='10'><xi:include href='/etc/passwd' parse='text'/></svg>",
            "<include> element" }),
    [](const auto& info) {
        std::string name = info.param.id;
        std::replace(name.begin(), name.end(), '-', '_');
        return name;
    });

TEST(Pictures, ExternalReferencesAreNeverLoaded)
{
    // A red drawing on disk and a listening socket: a drawing that points at either must draw
    // without them (librsvg has no base file, so it resolves no href but data: ones).
    auto red = std::filesystem::temp_directory_path() / "kiosk-test-red.svg";
    {
        std::ofstream out(red);
        out << "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect id='r' "
               "width='10' height='10' fill='red'/></svg>";
    }
    int server = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(server, 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::listen(server, 4), 0);
    socklen_t len = sizeof addr;
    ::getsockname(server, reinterpret_cast<sockaddr*>(&addr), &len);
    std::string port = std::to_string(ntohs(addr.sin_port));
    std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' "
                      "xmlns:xlink='http://www.w3.org/1999/xlink' width='100' height='100'>"
                      "<style>@import url(http://127.0.0.1:"
        + port + "/style.css);</style><use href='file://" + red.string()
        + "#r'/><use xlink:href='http://127.0.0.1:" + port
        + "/x.svg#r'/><rect x='50' width='50' height='100' fill='url(file://" + red.string()
        + "#g)'/></svg>";
    auto raster = rasterise_picture(bytes_of(svg), box_request(100, 100));
    ASSERT_TRUE(raster) << raster.error();
    for (int y = 0; y < 100; y += 10)
        for (int x = 0; x < 100; x += 10)
            EXPECT_EQ(pixel(raster.value().get(), x, y)[3], 0) << x << "," << y;
    ::fcntl(server, F_SETFL, O_NONBLOCK);
    int client = ::accept(server, nullptr, nullptr);
    EXPECT_LT(client, 0) << "the rasteriser connected to the network";
    if (client >= 0)
        ::close(client);
    ::close(server);
    std::filesystem::remove(red);
}

struct OrientationCase {
    int orientation;
    Corner stored_marker; // where the red square is in the stored pixels
};

class PhotoOrientation : public ::testing::TestWithParam<OrientationCase> { };

TEST_P(PhotoOrientation, IsAppliedSoThePhotoStandsUpright)
{
    auto& c = GetParam();
    bool swapped = c.orientation >= 5;
    // Upright the photo is 1200x800; stored it is that or turned.
    int sw = swapped ? 800 : 1200, sh = swapped ? 1200 : 800;
    auto jpeg
        = kiosk::testing::make_photo(sw, sh, PhotoFormat::Jpeg, c.stored_marker, c.orientation);
    auto info = probe_picture(jpeg);
    ASSERT_TRUE(info) << info.error();
    EXPECT_EQ(info.value().orientation, c.orientation);
    auto prepared = prepare_picture(jpeg);
    ASSERT_TRUE(prepared) << prepared.error();
    EXPECT_EQ(prepared.value().info.width_px, 1200);
    EXPECT_EQ(prepared.value().info.height_px, 800);
    auto raster = rasterise_picture(prepared.value().bytes, box_request(1200, 800));
    ASSERT_TRUE(raster) << raster.error();
    auto* s = raster.value().get();
    EXPECT_TRUE(kiosk::testing::is_red(s, 20, 20)) << "orientation " << c.orientation;
    EXPECT_FALSE(kiosk::testing::is_red(s, 1180, 20));
    EXPECT_FALSE(kiosk::testing::is_red(s, 20, 780));
    EXPECT_FALSE(kiosk::testing::is_red(s, 1180, 780));
}

INSTANTIATE_TEST_SUITE_P(Pictures, PhotoOrientation,
    ::testing::Values(OrientationCase { 1, Corner::TopLeft },
        OrientationCase { 2, Corner::TopRight }, OrientationCase { 3, Corner::BottomRight },
        OrientationCase { 4, Corner::BottomLeft }, OrientationCase { 5, Corner::TopLeft },
        OrientationCase { 6, Corner::BottomLeft }, OrientationCase { 7, Corner::BottomRight },
        OrientationCase { 8, Corner::TopRight }),
    [](const auto& info) { return "exif_" + std::to_string(info.param.orientation); });

struct FormatCase {
    const char* name;
    PhotoFormat format;
};

class PhotoFormats : public ::testing::TestWithParam<FormatCase> { };

TEST_P(PhotoFormats, AreDownscaledToTheLargestScreenAndStoredOpaqueAsJpeg)
{
    auto photo = kiosk::testing::make_photo(4800, 3200, GetParam().format);
    auto prepared = prepare_picture(photo);
    ASSERT_TRUE(prepared) << prepared.error();
    EXPECT_EQ(prepared.value().info.kind, PictureKind::Jpeg);
    EXPECT_EQ(prepared.value().info.width_px, 3240); // the short side fits 2160
    EXPECT_EQ(prepared.value().info.height_px, 2160);
    auto stored = probe_picture(prepared.value().bytes);
    ASSERT_TRUE(stored) << stored.error();
    EXPECT_EQ(stored.value().width_px, 3240);
    EXPECT_FALSE(verify_picture(prepared.value().bytes, screen_boxes(), screen_boxes()));
}

INSTANTIATE_TEST_SUITE_P(Pictures, PhotoFormats,
    ::testing::Values(FormatCase { "jpeg", PhotoFormat::Jpeg },
        FormatCase { "png", PhotoFormat::Png }, FormatCase { "webp", PhotoFormat::Webp }),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Pictures, ASmallPhotoIsNeverUpscaledWhenStored)
{
    auto prepared = prepare_picture(kiosk::testing::make_photo(640, 480, PhotoFormat::Png));
    ASSERT_TRUE(prepared) << prepared.error();
    EXPECT_EQ(prepared.value().info.width_px, 640);
    EXPECT_EQ(prepared.value().info.height_px, 480);
}

TEST(Pictures, TheFocusPointStaysInTheCrop)
{
    // A wide photo with the red square at its right edge: a square crop keeps it only when the
    // focus says the subject is on the right.
    auto jpeg = kiosk::testing::make_photo(1800, 600, PhotoFormat::Jpeg, Corner::TopRight);
    auto right = rasterise_picture(jpeg, box_request(600, 600, { 0.95f, 0.5f }));
    auto left = rasterise_picture(jpeg, box_request(600, 600, { 0.05f, 0.5f }));
    ASSERT_TRUE(right && left);
    EXPECT_EQ(cairo_image_surface_get_width(right.value().get()), 600);
    EXPECT_EQ(cairo_image_surface_get_height(right.value().get()), 600);
    EXPECT_TRUE(kiosk::testing::is_red(right.value().get(), 580, 20));
    EXPECT_FALSE(kiosk::testing::is_red(left.value().get(), 580, 20));
}

TEST(Pictures, ADecodeOverTheBudgetIsRefusedBeforeAllocating)
{
    auto svg = kiosk::testing::read_asset("scenes/port.svg");
    auto raster
        = rasterise_picture(svg, box_request(3840, 2160, { 0.5f, 0.5f }, size_t { 1 } << 20));
    ASSERT_FALSE(raster);
    EXPECT_NE(raster.error().find("memory budget"), std::string::npos) << raster.error();
    auto jpeg = kiosk::testing::make_photo(1200, 800, PhotoFormat::Jpeg);
    EXPECT_FALSE(
        rasterise_picture(jpeg, box_request(1920, 1080, { 0.5f, 0.5f }, size_t { 1 } << 20)));
}

TEST(Pictures, SvgLayersAreCountedFromTheMarkup)
{
    struct Case {
        int id;
        const char* svg;
        int layers;
    };
    const Case cases[] = {
        { 1, "<svg><rect/></svg>", 1 },
        { 2,
            "<svg><filter id='f'><feGaussianBlur/><feOffset/></filter><rect "
            "filter='url(#f)'/></svg>",
            4 },
        { 3, "<svg><filter><feMerge><feMergeNode/><feMergeNode/></feMerge></filter></svg>", 3 },
        { 4, "<svg><mask id='m'/><g mask='url(#m)'/><maskUnits/></svg>", 2 },
        { 5, "<svg><svg:filter><svg:feFlood/></svg:filter><rect style=\"filter: url(#f)\"/></svg>",
            3 },
        { 6,
            "<svg><filter><feFlood/><feOffset/><feBlend/></filter><filter><feFlood/></filter></"
            "svg>",
            5 }, // the largest filter, not the sum: filtered elements are drawn one at a time
        { 7, "<svg><text>feFlood filter</text></svg>", 1 },
        { 8, "<svg><filter><feFlood/><feFlood/>", 4 }, // never closed
        { 9, "<svg><feFlood/></svg>", 1 }, // outside a filter: ignored by librsvg
        { 10,
            "<svg><filter><feComponentTransfer><feFuncR/><feFuncG/></feComponentTransfer>"
            "</filter></svg>",
            3 },
    };
    for (auto& c : cases)
        EXPECT_EQ(svg_layer_count(c.svg), c.layers) << "case " << c.id;
}

// Fine at the installer's old 640 px, over the budget at a 4K slide's picture box: refused
// before librsvg allocates its layers (it took 810 MB and 17 s when it was drawn).
TEST(Pictures, ADrawingWhoseLayersWouldBlowTheBudgetIsRefusedBeforeDrawing)
{
    std::string prims, merge;
    for (int i = 0; i < 60; ++i) {
        prims += "<feOffset in='SourceGraphic' dx='" + std::to_string(i % 5) + "' result='r"
            + std::to_string(i) + "'/>";
        merge += "<feMergeNode in='r" + std::to_string(i) + "'/>";
    }
    auto svg = bytes_of("<svg xmlns='http://www.w3.org/2000/svg' width='100' height='90'><defs>"
                        "<filter id='f' x='0' y='0' width='1' height='1'>"
        + prims + "<feMerge>" + merge
        + "</feMerge></filter></defs><rect width='100' height='90' fill='#8ac' "
          "filter='url(#f)'/></svg>");
    auto big = rasterise_picture(svg, box_request(1856, 1712, { 0.5f, 0.5f }));
    ASSERT_FALSE(big);
    EXPECT_NE(big.error().find("62 filter and mask layers would take about"), std::string::npos)
        << big.error();
    EXPECT_TRUE(rasterise_picture(svg, box_request(320, 320, { 0.5f, 0.5f })));
}

TEST(Pictures, ADamagedPhotoIsRefused)
{
    auto jpeg = kiosk::testing::make_photo(800, 600, PhotoFormat::Jpeg);
    jpeg.resize(jpeg.size() / 2); // cut short, as a half-copied file is
    EXPECT_FALSE(prepare_picture(jpeg));
    auto png = kiosk::testing::make_photo(300, 200, PhotoFormat::Png);
    png.resize(png.size() / 2);
    EXPECT_FALSE(prepare_picture(png));
}

// Three of the project's drawings at the two sizes a slide draws them (landscape and portrait
// 1080p), against goldens. port.svg's sky and sea are gradients nanosvg drew as flat colours.
struct GoldenCase {
    const char* id;
    int w, h;
};

class DrawingGoldens : public ::testing::TestWithParam<GoldenCase> { };

TEST_P(DrawingGoldens, MatchTheirGoldens)
{
    auto& c = GetParam();
    auto svg = kiosk::testing::read_asset(c.id);
    ASSERT_FALSE(svg.empty());
    std::string error;
    auto surface = decode_image(svg, { c.w, c.h }, {}, core::Color { 246, 241, 233, 255 }, &error);
    ASSERT_NE(surface, nullptr) << error;
    std::string name = std::string(c.id);
    std::replace(name.begin(), name.end(), '/', '_');
    name = "picture_" + name.substr(0, name.size() - 4) + "_" + std::to_string(c.w) + "x"
        + std::to_string(c.h) + ".png";
    kiosk::testing::expect_matches_golden(surface.get(), name);
}

INSTANTIATE_TEST_SUITE_P(Pictures, DrawingGoldens,
    ::testing::Values(GoldenCase { "scenes/port.svg", 880, 952 },
        GoldenCase { "scenes/port.svg", 1024, 752 },
        GoldenCase { "partnerships/haiphong-kitakyushu.svg", 880, 952 },
        GoldenCase { "partnerships/haiphong-kitakyushu.svg", 1024, 752 },
        GoldenCase { "diagrams/compost-cycle.svg", 880, 952 },
        GoldenCase { "diagrams/compost-cycle.svg", 1024, 752 }),
    [](const auto& info) {
        std::string name = info.param.id;
        for (auto& ch : name)
            if (!std::isalnum(static_cast<unsigned char>(ch)))
                ch = '_';
        return name + "_" + std::to_string(info.param.w);
    });

} // namespace
