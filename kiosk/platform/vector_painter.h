// Rasterises a layer's shapes (core::FillRect, StrokeRect, DrawLine, Polyline, Triangles) into a
// 32-bit pixel buffer with cairo: lines anti-aliased, triangles filled whole-pixel so triangles
// that share an edge meet without a seam. SDL's software geometry needs ~15 ms for a map of a few
// thousand triangles at 1080p; cairo's scan converter does it in 1-3 ms.
#pragma once

#include "kiosk/core/draw_list.h"

#include <cairo.h>
#include <cstdint>
#include <memory>
#include <span>

namespace kiosk::platform {

struct CairoDeleter {
    void operator()(cairo_t* p) const { cairo_destroy(p); }
    void operator()(cairo_surface_t* p) const { cairo_surface_destroy(p); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using CairoSurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;

// 32-bit native-endian pixels: SDL_PIXELFORMAT_ARGB8888 (cairo's ARGB32) or, with `alpha`
// false, SDL_PIXELFORMAT_RGB888 (0xXXRRGGBB, cairo's RGB24).
struct PixelTarget {
    void* pixels { nullptr };
    int pitch { 0 }; // bytes per row
    core::Size size;
    bool alpha { true };
};

// Clears `target` to `background` (opaque) and draws `commands` on it, scaled by `scale` (the
// commands are in screen px; a half-size picture passes 0.5). Other commands are skipped. False
// when cairo cannot work on the buffer (out of memory): the buffer is then left as it was.
bool paint_shapes(std::span<const core::DrawCommand> commands, PixelTarget target, float scale,
    core::Color background);

} // namespace kiosk::platform
