// RAII owners for cairo handles: one deleter and one unique_ptr alias per type.
#pragma once

#include <cairo.h>
#include <memory>

namespace kiosk::platform {

struct CairoDeleter {
    void operator()(cairo_t* p) const { cairo_destroy(p); }
    void operator()(cairo_surface_t* p) const { cairo_surface_destroy(p); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using CairoSurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;

} // namespace kiosk::platform
