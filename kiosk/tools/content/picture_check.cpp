// Drives the screens for their DrawImage commands, then rasterises each distinct raster box.
#include "kiosk/tools/content/picture_check.h"

#include "kiosk/core/estimated_metrics.h"
#include "kiosk/platform/images.h"
#include "kiosk/platform/pictures.h"
#include "kiosk/platform/raster_worker.h"
#include "kiosk/tools/content/overflow_check.h"

#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace kiosk::tools {

namespace {

std::string box_text(core::Size box)
{
    return std::to_string(box.width) + "x" + std::to_string(box.height);
}

} // namespace

const std::vector<core::Size>& checked_screen_sizes()
{
    static const std::vector<core::Size> sizes { { 1920, 1080 }, { 1080, 1920 }, { 3840, 2160 } };
    return sizes;
}

DrawnPictureReport check_drawn_pictures(const core::Exhibition& exhibition,
    const std::function<std::optional<std::vector<uint8_t>>(const std::string&)>& bytes,
    core::FontMetrics& fonts, const std::vector<core::Size>& sizes,
    const DrawnPictureLimits& limits, const RasterFn& raster_fn)
{
    using Clock = std::chrono::steady_clock;
    auto since = [](Clock::time_point t) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
    };
    auto started = Clock::now();
    DrawnPictureReport report;
    std::map<std::string, std::optional<std::vector<uint8_t>>> loaded;
    std::set<std::tuple<std::string, int, int, int, int>> done;
    std::set<std::string> failed;
    for (auto& command : drawn_pictures(exhibition, fonts, sizes)) {
        auto box = platform::raster_box(platform::drawn_box(command));
        auto key = std::make_tuple(command.image_id, box.width, box.height,
            static_cast<int>(std::lround(command.focus.x * 100)),
            static_cast<int>(std::lround(command.focus.y * 100)));
        if (failed.contains(command.image_id) || !done.insert(key).second)
            continue;
        auto it = loaded.find(command.image_id);
        if (it == loaded.end())
            it = loaded.emplace(command.image_id, bytes(command.image_id)).first;
        if (!it->second)
            continue;
        auto fail = [&](std::string error) {
            failed.insert(command.image_id);
            report.problems.push_back({ command.image_id, box, std::move(error) });
        };
        if (since(started) > limits.total_ms) {
            fail("not checked: drawing the pictures took over "
                + std::to_string(limits.total_ms / 1000) + " s in all");
            continue;
        }
        platform::RasterRequest request;
        request.box_px = box;
        request.focus = command.focus;
        auto t0 = Clock::now();
        auto raster = raster_fn ? raster_fn(*it->second, request)
                                : platform::rasterise_picture(*it->second, request);
        int64_t took = since(t0);
        ++report.rasters;
        if (took > report.slowest_ms) {
            report.slowest_ms = took;
            report.slowest = command.image_id + " at " + box_text(box);
        }
        if (!raster)
            fail(raster.error());
        else if (took > limits.raster_ms)
            fail("it took " + std::to_string(took) + " ms to draw, over "
                + std::to_string(limits.raster_ms) + " ms");
    }
    report.pictures = loaded.size();
    return report;
}

store::DrawnCheck installer_picture_check(FontFactory make_fonts, DrawnPictureLimits limits)
{
    return
        [make_fonts, limits](const core::Exhibition& exhibition,
            const std::function<std::optional<std::vector<uint8_t>>(const std::string&)>& bytes) {
            std::unique_ptr<core::FontMetrics> fonts = make_fonts ? make_fonts() : nullptr;
            if (!fonts)
                fonts = std::make_unique<core::EstimatedFontMetrics>();
            std::unique_ptr<platform::RasterWorker> worker;
            if (auto helper = platform::RasterWorker::find_helper(); !helper.empty()) {
                platform::RasterWorkerOptions options { helper };
                options.reply_timeout_ms = static_cast<int>(limits.raster_ms);
                worker = std::make_unique<platform::RasterWorker>(options);
            }
            RasterFn raster;
            if (worker)
                raster = [&worker](std::span<const uint8_t> b, const platform::RasterRequest& r) {
                    return worker->rasterise(b, r);
                };
            auto report = check_drawn_pictures(
                exhibition, bytes, *fonts, checked_screen_sizes(), limits, raster);
            std::vector<std::string> problems;
            for (auto& p : report.problems)
                problems.push_back("image " + p.image_id + " cannot be drawn at " + box_text(p.box)
                    + " (a size the screens draw it at): " + p.error);
            return problems;
        };
}

} // namespace kiosk::tools
