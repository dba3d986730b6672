// Test photos made by the project itself: one of our drawings (assets/images) rasterised by the
// kiosk's own picture code, a red marker in one corner (to see orientation and crops), encoded
// as JPEG (libjpeg-turbo, optionally with an EXIF orientation from libexif), PNG (cairo) or WebP
// (libwebp). Nothing is downloaded and no file is kept.
#pragma once

#include "kiosk/platform/pictures.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <libexif/exif-data.h>
#include <turbojpeg.h>
#include <vector>
#include <webp/encode.h>

namespace kiosk::testing {

enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };
enum class PhotoFormat { Jpeg, Png, Webp };

inline std::vector<uint8_t> read_asset(const std::string& id)
{
    std::ifstream in(
        std::filesystem::path(KIOSK_SOURCE_DIR) / "assets" / "images" / id, std::ios::binary);
    return { std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>() };
}

inline platform::RasterRequest box_request(int w, int h, core::Point focus = { 0.5f, 0.5f },
    size_t budget = platform::PictureLimits::RASTER_BUDGET_BYTES)
{
    platform::RasterRequest request;
    request.box_px = { w, h };
    request.focus = focus;
    request.budget_bytes = budget;
    return request;
}

// A w x h picture: the drawing `svg_id` filling it, a red square (1/6 of the short side) in
// `marker` unless nullopt.
inline platform::CairoSurfacePtr make_photo_pixels(
    int w, int h, std::optional<Corner> marker, const std::string& svg_id = "scenes/port.svg")
{
    platform::CairoSurfacePtr out(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    platform::CairoPtr cr(cairo_create(out.get()));
    cairo_set_source_rgb(cr.get(), 0.55, 0.75, 0.9);
    cairo_paint(cr.get());
    auto svg = read_asset(svg_id);
    auto drawing = platform::rasterise_picture(svg, box_request(w, h));
    if (drawing) {
        auto* d = drawing.value().get();
        cairo_set_source_surface(cr.get(), d, (w - cairo_image_surface_get_width(d)) / 2.0,
            (h - cairo_image_surface_get_height(d)) / 2.0);
        cairo_paint(cr.get());
    }
    if (marker) {
        double side = std::min(w, h) / 6.0;
        double x = (*marker == Corner::TopLeft || *marker == Corner::BottomLeft) ? 0 : w - side;
        double y = (*marker == Corner::TopLeft || *marker == Corner::TopRight) ? 0 : h - side;
        cairo_set_source_rgb(cr.get(), 0.9, 0.05, 0.05);
        cairo_rectangle(cr.get(), x, y, side, side);
        cairo_fill(cr.get());
    }
    cairo_surface_flush(out.get());
    return out;
}

// EXIF APP1 payload ("Exif\0\0" + TIFF) holding one orientation tag.
inline std::vector<uint8_t> exif_orientation(int orientation)
{
    ExifData* exif = exif_data_new();
    exif_data_set_byte_order(exif, EXIF_BYTE_ORDER_INTEL);
    ExifEntry* entry = exif_entry_new();
    exif_content_add_entry(exif->ifd[EXIF_IFD_0], entry);
    exif_entry_initialize(entry, EXIF_TAG_ORIENTATION);
    exif_set_short(entry->data, EXIF_BYTE_ORDER_INTEL, static_cast<ExifShort>(orientation));
    exif_entry_unref(entry);
    unsigned char* data = nullptr;
    unsigned int size = 0;
    exif_data_save_data(exif, &data, &size);
    std::vector<uint8_t> out(data, data + size);
    free(data);
    exif_data_unref(exif);
    return out;
}

inline std::vector<uint8_t> encode_photo(
    cairo_surface_t* pixels, PhotoFormat format, int orientation = 1, int quality = 90)
{
    int w = cairo_image_surface_get_width(pixels), h = cairo_image_surface_get_height(pixels);
    int stride = cairo_image_surface_get_stride(pixels);
    auto* data = cairo_image_surface_get_data(pixels);
    std::vector<uint8_t> out;
    if (format == PhotoFormat::Png) {
        cairo_surface_write_to_png_stream(
            pixels,
            [](void* closure, const unsigned char* bytes, unsigned int length) {
                auto* v = static_cast<std::vector<uint8_t>*>(closure);
                v->insert(v->end(), bytes, bytes + length);
                return CAIRO_STATUS_SUCCESS;
            },
            &out);
        return out;
    }
    if (format == PhotoFormat::Webp) {
        uint8_t* webp = nullptr;
        size_t size = WebPEncodeBGRA(data, w, h, stride, static_cast<float>(quality), &webp);
        out.assign(webp, webp + size);
        WebPFree(webp);
        return out;
    }
    tjhandle tj = tjInitCompress();
    unsigned char* jpeg = nullptr;
    unsigned long size = 0;
    tjCompress2(tj, data, w, stride, h, TJPF_BGRX, &jpeg, &size, TJSAMP_420, quality, 0);
    out.assign(jpeg, jpeg + size);
    tjFree(jpeg);
    tjDestroy(tj);
    if (orientation != 1) {
        auto exif = exif_orientation(orientation);
        size_t length = exif.size() + 2;
        std::vector<uint8_t> app1 { 0xFF, 0xE1, static_cast<uint8_t>(length >> 8),
            static_cast<uint8_t>(length & 0xFF) };
        app1.insert(app1.end(), exif.begin(), exif.end());
        out.insert(out.begin() + 2, app1.begin(), app1.end()); // right after SOI
    }
    return out;
}

inline std::vector<uint8_t> make_photo(int w, int h, PhotoFormat format,
    std::optional<Corner> marker = Corner::TopLeft, int orientation = 1)
{
    auto pixels = make_photo_pixels(w, h, marker);
    return encode_photo(pixels.get(), format, orientation);
}

// Red-dominant at (x, y) of an ARGB32 surface.
inline bool is_red(cairo_surface_t* s, int x, int y)
{
    auto* p = cairo_image_surface_get_data(s)
        + static_cast<ptrdiff_t>(y) * cairo_image_surface_get_stride(s) + x * 4;
    return p[2] > 180 && p[1] < 90 && p[0] < 90; // B, G, R, A
}

} // namespace kiosk::testing
