// Pictures: SVG drawings rasterised with librsvg into cairo, photos (JPEG, PNG, WebP) decoded
// with libjpeg-turbo, libpng and libwebp (EXIF orientation from libexif), all under documented
// limits. The same functions serve the kiosk, the compiler, the installer and `render`.
#pragma once

#include "kiosk/core/geometry.h"
#include "kiosk/core/result.h"
#include "kiosk/platform/cairo_handles.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::platform {

// The limits every picture must keep (docs/content-format.md, "Picture limits"). They are
// checked where content enters (compiler, installer) and again by the kiosk before it decodes.
struct PictureLimits {
    static constexpr size_t SVG_MAX_BYTES = size_t { 4 } << 20;
    static constexpr size_t PHOTO_MAX_BYTES = size_t { 64 } << 20; // a source photo file
    static constexpr int MAX_SIDE_PX = 30000; // intrinsic SVG size or photo pixels, each side
    static constexpr int MIN_SIDE_PX = 1;
    static constexpr double MAX_ASPECT = 8.0; // longer side / shorter side
    static constexpr int64_t PHOTO_MAX_PIXELS = 120'000'000; // a source photo (120 MP)
    // A stored photo fits a 3840x2160 screen in its own orientation: the largest screen never
    // shows more of it than that.
    static constexpr int STORED_LONG_PX = 3840;
    static constexpr int STORED_SHORT_PX = 2160;
    // One decode or raster at run time (a 4K full screen with the pan margin is ~37 MB).
    static constexpr size_t RASTER_BUDGET_BYTES = size_t { 64 } << 20;
    // A drawing's filter primitives and masks each take librsvg a layer the size of the raster
    // (a drawing with 60 named filter results took 117 MB at 640x640 and 810 MB at a 4K slide's
    // 1856x1712): the raster times its layers must keep this (checked before librsvg draws).
    static constexpr size_t SVG_LAYERS_BUDGET_BYTES = size_t { 256 } << 20;
};

// The layers librsvg draws a drawing with at once, read from its markup: the raster itself, the
// largest <filter>'s primitives (<feGaussianBlur>, <feOffset>, ...; not their children such as
// feMergeNode) and its SourceGraphic, and one per <mask> (masks may nest). An upper bound: each
// layer is counted at the raster's size, though a filter over a small element costs less.
int svg_layer_count(std::string_view svg_text);

enum class PictureKind { Svg, Jpeg, Png, Webp };

const char* picture_kind_name(PictureKind kind);

struct PictureInfo {
    PictureKind kind { PictureKind::Svg };
    int width_px { 0 }; // intrinsic size of a drawing; pixels of a photo (before orientation)
    int height_px { 0 };
    int orientation { 1 }; // EXIF orientation 1..8 (photos; 1 = as stored)
    bool is_photo() const { return kind != PictureKind::Svg; }
};

// Reads only the header: the kind, size and orientation, checked against PictureLimits. An error
// names what is wrong ("an SVG 1x2000 px: aspect ratio 2000:1 is over 8:1").
core::Result<PictureInfo> probe_picture(std::span<const uint8_t> bytes);

struct RasterRequest {
    core::Size box_px; // the box the picture is drawn in
    core::Point focus { 0.5f, 0.5f }; // photos: the point (0..1 of the photo) kept in a crop
    std::optional<core::Color> matte; // painted under the picture (then it is opaque)
    size_t budget_bytes { PictureLimits::RASTER_BUDGET_BYTES };
};

// The picture as cairo ARGB32 (premultiplied) pixels: a drawing fits inside the box keeping its
// aspect ratio (contain); a photo fills the box exactly (cover), cropped around the focus point.
// An error when the bytes are broken or a decode would exceed the budget.
core::Result<CairoSurfacePtr> rasterise_picture(
    std::span<const uint8_t> bytes, const RasterRequest& request);

// The raster rasterise_picture makes for `box_px`, in px, computed without drawing: a drawing's
// contain fit, a photo's box.
core::Size raster_size(const PictureInfo& info, core::Size box_px);

// What the compiler stores for a picture file: a drawing as written (after its checks); a photo
// oriented upright, downscaled to fit STORED_LONG_PX x STORED_SHORT_PX and re-encoded (JPEG
// when opaque, PNG when it has transparency).
struct PreparedPicture {
    std::vector<uint8_t> bytes;
    PictureInfo info; // of the stored bytes
};
core::Result<PreparedPicture> prepare_picture(std::span<const uint8_t> bytes);

// The whole of each supported screen: every box the kiosk draws a picture in fits in one.
std::vector<core::Size> screen_boxes();

// Probes, then rasterises at every box in `draw_at`, and checks that the raster for every box in
// `fits` would keep the budget (arithmetic only): nullopt when the picture is fit to be shown,
// else why.
std::optional<std::string> verify_picture(std::span<const uint8_t> bytes,
    std::span<const core::Size> draw_at, std::span<const core::Size> fits = {});

// Writes a raster as PNG (for `kiosk-content render` and tests).
core::Status write_png(cairo_surface_t* surface, const std::string& path);

} // namespace kiosk::platform
