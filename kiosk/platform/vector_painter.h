// Rasterises a layer's shapes (core::FillRect, StrokeRect, DrawLine, Polyline, Triangles) into a
// 32-bit pixel buffer with cairo: lines anti-aliased; each Triangles command filled as one path,
// so triangles that share an edge meet without a seam (anti-aliased at full size, whole pixels
// in a reduced picture). SDL's software geometry needs ~15 ms for a map of a few
// thousand triangles at 1080p; cairo's scan converter does it in 1-3 ms.
#pragma once

#include "kiosk/core/draw_list.h"
#include "kiosk/platform/cairo_handles.h"

#include <cairo.h>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <vector>

namespace kiosk::platform {

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

// Paints layer pictures on a thread of its own, so a sharp repaint (5-15 ms for a whole map at
// 1080p) never holds up a frame: the screen keeps showing the picture it has until the new one is
// ready. One job at a time; a newer job replaces one that has not started. Not copyable.
class BackgroundPainter {
public:
    BackgroundPainter();
    ~BackgroundPainter(); // waits for the job in hand, then stops the thread
    BackgroundPainter(const BackgroundPainter&) = delete;
    BackgroundPainter& operator=(const BackgroundPainter&) = delete;

    struct Job {
        uint64_t key { 0 };
        uint64_t version { 0 };
        std::vector<core::DrawCommand> commands;
        core::Size size;
        float scale { 1 };
        core::Color background;
        bool alpha { true };
    };
    struct Picture {
        uint64_t key { 0 };
        uint64_t version { 0 };
        core::Size size;
        std::vector<uint32_t> pixels; // size.width * size.height, rows packed
    };
    void start(Job job);
    // Whether a job for (key, version) is queued or being painted.
    bool busy(uint64_t key, uint64_t version) const;
    // Whether anything is queued or being painted.
    bool busy() const;
    // Blocks until nothing is queued or being painted.
    void wait_idle();
    // The finished picture for `key`, if there is one (it is handed over once).
    std::optional<Picture> take(uint64_t key);

private:
    void work(std::stop_token stop);

    mutable std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::condition_variable m_idle; // notified when a job is done
    std::optional<Job> m_queued;
    std::optional<std::pair<uint64_t, uint64_t>> m_painting; // key, version
    std::optional<Picture> m_done;
    std::jthread m_thread; // last: started after the members it uses, stopped first
};

} // namespace kiosk::platform
