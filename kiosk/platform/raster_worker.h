// Pictures rasterised in a child process (kiosk-raster) instead of the kiosk's own: librsvg with
// its GLib, the photo codecs and the memory a decode takes live there, and a picture that makes a
// decoder crash, hang or run out of memory ends the child, never the kiosk. The child is started
// when a picture is first needed and ends itself after a quiet spell, so a kiosk whose pictures
// are all in its texture or disk cache runs without it.
#pragma once

#include "kiosk/core/result.h"
#include "kiosk/platform/cairo_handles.h"
#include "kiosk/platform/pictures.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <sys/types.h>
#include <thread>

namespace kiosk::platform {

struct RasterWorkerOptions {
    std::string helper; // the kiosk-raster executable
    int reply_timeout_ms { 5000 }; // a picture taking longer is given up and the child ended
    int idle_exit_ms { 15000 }; // the child ends itself after this long without a request
};

class RasterWorker {
public:
    explicit RasterWorker(RasterWorkerOptions options);
    RasterWorker(const RasterWorker&) = delete;
    RasterWorker& operator=(const RasterWorker&) = delete;
    ~RasterWorker(); // ends the child

    // rasterise_picture, done by the child: the same pixels, or why not ("the picture's decoder
    // crashed", "took over 5000 ms", or the decoder's own message).
    core::Result<CairoSurfacePtr> rasterise(
        std::span<const uint8_t> bytes, const RasterRequest& request);

    // From any thread: ends the child now and refuses further work (a request in hand fails at
    // once). For shutting down without waiting for a picture.
    void cancel();

    pid_t child_pid() const { return m_pid; } // 0 when no child runs (tests)
    uint64_t starts() const { return m_starts; } // children started so far

    // The helper beside the running executable, else the installed one, else the one in the
    // build tree; $KIOSK_RASTER_HELPER overrides. Empty when none exists.
    static std::string find_helper();

private:
    core::Result<CairoSurfacePtr> attempt(
        std::span<const uint8_t> bytes, const RasterRequest& request, bool* child_was_gone);
    core::Status start();
    void stop();

    RasterWorkerOptions m_options;
    std::mutex m_mutex;
    pid_t m_pid { 0 };
    int m_socket { -1 };
    uint64_t m_starts { 0 };
    // Waits for the child's end and reaps it, so one that ends itself leaves no zombie. The
    // child is only killed while it has not been reaped (its pid cannot yet be reused).
    std::thread m_reaper;
    std::mutex m_exit_mutex;
    bool m_exited { false };
    pid_t m_live_pid { 0 }; // the child m_reaper waits for, under m_exit_mutex
    std::atomic<bool> m_cancelled { false };
};

// From a signal handler (async-signal-safe): every wait for a picture ends within 100 ms and no
// new one starts, so a kiosk asked to stop is not held up by a picture in hand.
void abandon_pictures_for_shutdown();

// The child's side: answers requests on `socket` until it is closed or idle for `idle_exit_ms`.
// Returns the process's exit code.
int serve_raster_requests(int socket, int idle_exit_ms);

} // namespace kiosk::platform
