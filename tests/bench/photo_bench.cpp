// kiosk-photo-bench: how long the compiler takes to bring a 24-megapixel camera JPEG (6000x4000,
// quality 92, made here from one of our drawings with a fine texture so it compresses like a
// photo) to its stored size (prepare_picture: EXIF, DCT-scaled decode, downscale, re-encode),
// and how long the kiosk takes to rasterise the stored photo for a 1080p and a 4K slide box.
//   kiosk-photo-bench [RUNS]
#include "tests/support/test_photos.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace kiosk;

namespace {

double ms_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// Camera noise: a photo's JPEG is far larger than a flat drawing's, and slower to decode.
void add_grain(cairo_surface_t* s)
{
    cairo_surface_flush(s);
    auto* data = cairo_image_surface_get_data(s);
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    uint32_t seed = 12345;
    for (int y = 0; y < h; ++y) {
        uint8_t* p = data + static_cast<ptrdiff_t>(y) * stride;
        for (int x = 0; x < w * 4; ++x) {
            if (x % 4 == 3)
                continue;
            seed = seed * 1664525u + 1013904223u;
            int v = p[x] + static_cast<int>((seed >> 24) % 25) - 12;
            p[x] = static_cast<uint8_t>(std::clamp(v, 0, 255));
        }
    }
    cairo_surface_mark_dirty(s);
}

} // namespace

int main(int argc, char** argv)
{
    int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    auto pixels = testing::make_photo_pixels(6000, 4000, testing::Corner::TopLeft);
    add_grain(pixels.get());
    auto jpeg = testing::encode_photo(pixels.get(), testing::PhotoFormat::Jpeg, 6, 92);
    pixels.reset();
    std::printf("source: 6000x4000 JPEG (EXIF orientation 6), %.1f MB\n", jpeg.size() / 1e6);
    std::vector<double> prepare_ms;
    std::vector<uint8_t> stored;
    platform::PictureInfo info;
    for (int i = 0; i < runs; ++i) {
        auto start = std::chrono::steady_clock::now();
        auto prepared = platform::prepare_picture(jpeg);
        prepare_ms.push_back(ms_since(start));
        if (!prepared) {
            std::fprintf(stderr, "prepare failed: %s\n", prepared.error().c_str());
            return 1;
        }
        stored = std::move(prepared.value().bytes);
        info = prepared.value().info;
    }
    std::sort(prepare_ms.begin(), prepare_ms.end());
    std::printf("compile to stored size: %dx%d JPEG, %.2f MB: median %.0f ms, max %.0f ms over %d "
                "runs\n",
        info.width_px, info.height_px, stored.size() / 1e6, prepare_ms[prepare_ms.size() / 2],
        prepare_ms.back(), runs);
    for (core::Size box : { core::Size { 912, 952 }, core::Size { 1824, 1904 } }) {
        std::vector<double> raster_ms;
        for (int i = 0; i < runs; ++i) {
            auto start = std::chrono::steady_clock::now();
            auto raster
                = platform::rasterise_picture(stored, testing::box_request(box.width, box.height));
            raster_ms.push_back(ms_since(start));
            if (!raster) {
                std::fprintf(stderr, "rasterise failed: %s\n", raster.error().c_str());
                return 1;
            }
        }
        std::sort(raster_ms.begin(), raster_ms.end());
        std::printf("kiosk raster for a %dx%d box (cover): median %.0f ms, max %.0f ms\n",
            box.width, box.height, raster_ms[raster_ms.size() / 2], raster_ms.back());
    }
    return 0;
}
