// The picture rasteriser process: the same pixels as drawing in-process, and a child that dies,
// hangs, answers nonsense or is not there costs one picture, never the kiosk; the image cache
// prepares pictures ahead on its own thread.
#include "kiosk/platform/images.h"
#include "kiosk/platform/raster_worker.h"
#include "tests/support/golden.h"
#include "tests/support/test_photos.h"

#include <csignal>
#include <cstring>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <thread>

using namespace kiosk;
using namespace kiosk::platform;
using kiosk::testing::box_request;

namespace {

std::vector<uint8_t> bytes_of(const std::string& text)
{
    return { text.begin(), text.end() };
}

const std::string GRADIENT_SVG
    = R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#d03020"/>
  <stop offset="1" stop-color="#2050c0"/></linearGradient></defs>
  <rect width="200" height="100" fill="url(#g)"/><circle cx="100" cy="50" r="30" fill="#fff"
  opacity="0.5"/></svg>)svg";

RasterWorkerOptions options_with(std::string helper)
{
    RasterWorkerOptions options;
    options.helper = std::move(helper);
    options.reply_timeout_ms = 5000;
    options.idle_exit_ms = 5000;
    return options;
}

std::string helper()
{
    auto path = RasterWorker::find_helper();
    EXPECT_FALSE(path.empty()) << "kiosk-raster is built beside the kiosk";
    return path;
}

bool same_pixels(cairo_surface_t* a, cairo_surface_t* b)
{
    int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b))
        return false;
    for (int y = 0; y < h; ++y)
        if (std::memcmp(cairo_image_surface_get_data(a) + y * cairo_image_surface_get_stride(a),
                cairo_image_surface_get_data(b) + y * cairo_image_surface_get_stride(b),
                static_cast<size_t>(w) * 4)
            != 0)
            return false;
    return true;
}

// A stand-in helper: a shell script at a temporary path.
std::string script(const std::string& name, const std::string& body)
{
    std::string path = ::testing::TempDir() + "/" + name;
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    ::chmod(path.c_str(), 0755);
    return path;
}

} // namespace

TEST(RasterWorker, DrawsTheSamePixelsAsTheKiosksOwnProcess)
{
    RasterWorker worker(options_with(helper()));
    auto svg = bytes_of(GRADIENT_SVG);
    auto request = box_request(400, 300);
    auto there = worker.rasterise(svg, request);
    auto here = rasterise_picture(svg, request);
    ASSERT_TRUE(there) << there.error();
    ASSERT_TRUE(here) << here.error();
    EXPECT_EQ(cairo_image_surface_get_width(there.value().get()), 400);
    EXPECT_EQ(cairo_image_surface_get_height(there.value().get()), 200);
    EXPECT_TRUE(same_pixels(there.value().get(), here.value().get()));
    EXPECT_GT(worker.child_pid(), 0);

    // A photo with a matte and a focus point, through the same child.
    auto photo = kiosk::testing::make_photo(640, 480, kiosk::testing::PhotoFormat::Jpeg);
    auto photo_request = box_request(300, 300);
    photo_request.focus = { 0.2f, 0.7f };
    photo_request.matte = core::Color { 10, 20, 30, 255 };
    auto a = worker.rasterise(photo, photo_request);
    auto b = rasterise_picture(photo, photo_request);
    ASSERT_TRUE(a) << a.error();
    ASSERT_TRUE(b) << b.error();
    EXPECT_TRUE(same_pixels(a.value().get(), b.value().get()));
    EXPECT_EQ(worker.starts(), 1u) << "one child served both";
}

TEST(RasterWorker, ThePicturesOwnErrorComesBack)
{
    RasterWorker worker(options_with(helper()));
    auto broken = worker.rasterise(bytes_of("<svg xmlns='http://www.w3.org/2000/svg' width='1' "
                                            "height='2000'/>"),
        box_request(1920, 1080));
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.error().find("aspect"), std::string::npos) << broken.error();
    // The child is still there for the next picture.
    auto good = worker.rasterise(bytes_of(GRADIENT_SVG), box_request(100, 100));
    EXPECT_TRUE(good) << good.error();
    EXPECT_EQ(worker.starts(), 1u);
}

TEST(RasterWorker, AChildThatDiesIsReplacedAndTheKioskGoesOn)
{
    RasterWorker worker(options_with(helper()));
    ASSERT_TRUE(worker.rasterise(bytes_of(GRADIENT_SVG), box_request(100, 100)));
    pid_t first = worker.child_pid();
    ASSERT_GT(first, 0);
    ::kill(first, SIGKILL);
    std::this_thread::yield();
    auto again = worker.rasterise(bytes_of(GRADIENT_SVG), box_request(100, 100));
    ASSERT_TRUE(again) << again.error();
    EXPECT_NE(worker.child_pid(), first);
    EXPECT_EQ(worker.starts(), 2u);
}

TEST(RasterWorker, AnIdleChildEndsItselfAndLeavesNoZombie)
{
    auto options = options_with(helper());
    options.idle_exit_ms = 200;
    RasterWorker worker(options);
    ASSERT_TRUE(worker.rasterise(bytes_of(GRADIENT_SVG), box_request(100, 100)));
    pid_t pid = worker.child_pid();
    // Gone and reaped: the pid no longer exists (a zombie would still answer kill 0).
    bool gone = false;
    for (int i = 0; i < 100 && !gone; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        gone = ::kill(pid, 0) != 0 && errno == ESRCH;
    }
    EXPECT_TRUE(gone);
    auto again = worker.rasterise(bytes_of(GRADIENT_SVG), box_request(100, 100));
    ASSERT_TRUE(again) << again.error();
    EXPECT_EQ(worker.starts(), 2u);
}

TEST(RasterWorker, AHangingChildIsStoppedAtTheTimeout)
{
    auto options = options_with(script("raster-hangs", "exec sleep 60"));
    options.reply_timeout_ms = 300;
    RasterWorker worker(options);
    auto result = worker.rasterise(bytes_of(GRADIENT_SVG), box_request(100, 100));
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().find("300 ms"), std::string::npos) << result.error();
    EXPECT_EQ(worker.child_pid(), 0) << "the child was ended";
}

TEST(RasterWorker, NonsenseFromTheChildIsRefused)
{
    // cat echoes the request back on the socket (its stdin): a reply with the wrong magic.
    RasterWorker echo(options_with(script("raster-echoes", "exec cat >&0")));
    auto echoed = echo.rasterise(bytes_of(GRADIENT_SVG), box_request(100, 100));
    ASSERT_FALSE(echoed);
    EXPECT_NE(echoed.error().find("nonsense"), std::string::npos) << echoed.error();
    // A reply that claims a raster larger than the box (KRP1, ok, 100000 x 100000).
    RasterWorker liar(options_with(script("raster-lies",
        R"(head -c 40 >/dev/null; printf 'KRP1\001\000\000\000\240\206\001\000\240\206\001\000\000\000\000\000' >&0; sleep 1)")));
    auto lied = liar.rasterise(bytes_of(GRADIENT_SVG), box_request(100, 100));
    ASSERT_FALSE(lied);
    EXPECT_NE(lied.error().find("nonsense"), std::string::npos) << lied.error();
    // A child that exits at once.
    RasterWorker quitter(options_with("/bin/true"));
    auto quit = quitter.rasterise(bytes_of(GRADIENT_SVG), box_request(100, 100));
    ASSERT_FALSE(quit);
    EXPECT_NE(quit.error().find("decoder"), std::string::npos) << quit.error();
    // No helper at all.
    RasterWorker missing(options_with("/nonexistent/kiosk-raster"));
    auto none = missing.rasterise(bytes_of(GRADIENT_SVG), box_request(100, 100));
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().find("cannot start"), std::string::npos) << none.error();
}

namespace {

struct CacheFixture {
    CacheFixture()
    {
        surface.reset(SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888));
        sdl.reset(SDL_CreateSoftwareRenderer(surface.get()));
        cache = std::make_unique<ImageCache>(
            sdl.get(),
            [this](const std::string& id) -> std::optional<std::vector<uint8_t>> {
                ++loads;
                if (id == "missing")
                    return std::nullopt;
                if (id == "broken")
                    return bytes_of(
                        "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='2000'/>");
                return bytes_of(GRADIENT_SVG);
            },
            64 << 20);
    }
    SurfacePtr surface;
    RendererPtr sdl;
    int loads { 0 };
    std::unique_ptr<ImageCache> cache;
};

} // namespace

TEST(ImageCachePreload, PreparesOnItsOwnThreadAndGetTakesTheResultWithoutDrawingAgain)
{
    CacheFixture f;
    f.cache->preload("a", { 400, 300 });
    f.cache->preload("a", { 400, 300 }); // asked twice: prepared once
    f.cache->wait_idle();
    EXPECT_EQ(f.cache->pending(), 1u) << "one surface handed over, waiting for a texture";
    EXPECT_EQ(f.cache->count(), 0u) << "no texture is made off the main thread";
    auto entry = f.cache->get("a", { 400, 300 });
    ASSERT_NE(entry.texture, nullptr);
    EXPECT_EQ(entry.width, 400);
    EXPECT_EQ(entry.height, 200);
    EXPECT_EQ(f.cache->count(), 1u);
    EXPECT_EQ(f.cache->pending(), 0u);
    EXPECT_EQ(f.loads, 1);
    // A get() right after a preload waits for the picture in hand instead of drawing it twice.
    f.cache->preload("a", { 800, 600 });
    auto big = f.cache->get("a", { 800, 600 });
    ASSERT_NE(big.texture, nullptr);
    EXPECT_EQ(big.width, 800);
    EXPECT_EQ(f.cache->count(), 2u);
    EXPECT_EQ(f.cache->pending(), 0u);
}

TEST(ImageCachePreload, ABrokenOrMissingPictureIsRememberedAndNeverDrawn)
{
    CacheFixture f;
    f.cache->preload("broken", { 400, 300 });
    f.cache->preload("missing", { 400, 300 });
    f.cache->wait_idle();
    EXPECT_EQ(f.cache->get("broken", { 400, 300 }).texture, nullptr);
    EXPECT_EQ(f.cache->get("missing", { 400, 300 }).texture, nullptr);
    int loads = f.loads;
    f.cache->preload("broken", { 640, 480 });
    EXPECT_EQ(f.cache->pending(), 0u) << "a broken picture is not tried again";
    EXPECT_EQ(f.loads, loads);
}

TEST(ImageCachePreload, ClearingDropsQueuedWorkAndOutlivesNothing)
{
    CacheFixture f;
    for (int i = 0; i < 20; ++i)
        f.cache->preload("p" + std::to_string(i), { 300 + i * 8, 200 });
    f.cache->clear();
    EXPECT_EQ(f.cache->pending(), 0u);
    EXPECT_EQ(f.cache->count(), 0u);
    f.cache->preload("q", { 300, 200 }); // and destroyed with a job queued: joins cleanly
}
