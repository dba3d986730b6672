// Every picture drawn at every size the kiosk will draw it: the screens are driven as the
// overflow check drives them (each screen, language and screen size), each DrawImage's raster
// box is drawn once through rasterise_picture, under the picture limits and a time limit. Shared
// by `kiosk-content check` and `pack` (real fonts) and the installer (`kiosk-content install`
// and the kiosk's inbox, estimated text metrics on a worker thread).
#pragma once

#include "kiosk/core/content_model.h"
#include "kiosk/core/geometry.h"
#include "kiosk/core/layout.h"
#include "kiosk/platform/pictures.h"
#include "kiosk/store/installer.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kiosk::tools {

struct DrawnPictureLimits {
    // One raster taking longer is refused: the kiosk draws pictures while visitors watch, and
    // its picture child gives up on one after as long (the watchdog ends a kiosk after 10 s).
    int64_t raster_ms { 5000 };
    // The whole check: after this, the rest is refused unchecked ("not checked in time").
    int64_t total_ms { 120000 };
};

struct DrawnPictureProblem {
    std::string image_id;
    core::Size box; // the raster box it failed at
    std::string error;
};

struct DrawnPictureReport {
    size_t pictures { 0 }; // distinct pictures drawn
    size_t rasters { 0 }; // (picture, box, focus) drawn
    int64_t slowest_ms { 0 };
    std::string slowest; // "ID at WxH"
    std::vector<DrawnPictureProblem> problems; // one per failed picture, at its first failure
};

// The screen sizes the kiosk supports, as the checks lay them out.
const std::vector<core::Size>& checked_screen_sizes();

// What draws one picture: platform::rasterise_picture in this process, or a RasterWorker's
// child (kiosk-raster), where a hang, a crash or too much memory ends the child, not the caller.
using RasterFn = std::function<core::Result<platform::CairoSurfacePtr>(
    std::span<const uint8_t> bytes, const platform::RasterRequest& request)>;

// `bytes` gives a picture's stored bytes by id (nullopt: missing, which the store's own checks
// report). Each picture is drawn at most once per raster box and focus, by `raster` (empty: in
// this process).
DrawnPictureReport check_drawn_pictures(const core::Exhibition& exhibition,
    const std::function<std::optional<std::vector<uint8_t>>(const std::string&)>& bytes,
    core::FontMetrics& fonts, const std::vector<core::Size>& sizes,
    const DrawnPictureLimits& limits = {}, const RasterFn& raster = {});

// The fonts to lay the screens out with, opened where the check runs (the kiosk's inbox worker
// opens its own FontSet: fonts are used by one thread each). Null: estimated metrics instead
// (core::EstimatedFontMetrics; a few picture boxes then differ by a few pixels).
using FontFactory = std::function<std::unique_ptr<core::FontMetrics>()>;

// The installer's check (store::DrawnCheck): the screens laid out with the kiosk's fonts, every
// picture drawn at every checked screen size in a kiosk-raster child of its own when the helper
// is found (RasterWorker::find_helper; its 5 s and memory caps are the limits), else here.
store::DrawnCheck installer_picture_check(FontFactory fonts, DrawnPictureLimits limits = {});

} // namespace kiosk::tools
