// Frame cost without a display: drives the real app headless (software renderer into a surface)
// and prints the draw time per frame for the attract loop and a slide, at a given size. Not a test.
//   kiosk-frame-bench [WIDTHxHEIGHT] [FRAMES]
#include "kiosk/app/app.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace kiosk;

namespace {

void report(const char* label, std::vector<double> ms)
{
    if (ms.empty()) {
        std::printf("%-28s no frames\n", label);
        return;
    }
    std::sort(ms.begin(), ms.end());
    auto pick = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<size_t>(q * static_cast<double>(ms.size())))];
    };
    std::printf("%-28s n=%zu p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n", label, ms.size(), pick(0.5),
        pick(0.99), ms.back());
}

std::vector<double> run(
    core::Size size, const std::optional<core::ScreenRef>& screen, int frames, core::TimeMs step_ms)
{
    app::Options options;
    options.headless = true;
    options.db_path = KIOSK_BINARY_DIR "/kiosk.db";
    options.size = size;
    options.screen = screen;
    app::Config config;
    config.state_dir = "/nonexistent";
    app::App app(options, config);
    if (app.start() != 0)
        return {};
    std::vector<double> ms;
    core::TimeMs t = 0;
    for (int i = 0; i < frames; ++i) {
        t += step_ms;
        auto t0 = std::chrono::steady_clock::now();
        bool drew = app.advance(t);
        auto t1 = std::chrono::steady_clock::now();
        // A first frame counts whole (start-up work included); later ones as drawn and presented.
        if (drew && frames == 1)
            ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        else if (drew && i > 0)
            ms.push_back(static_cast<double>(app.stats().last_frame_us) / 1000.0);
    }
    return ms;
}

} // namespace

int main(int argc, char** argv)
{
    core::Size size { 1920, 1080 };
    int frames = argc > 2 ? std::atoi(argv[2]) : 600;
    if (argc > 1)
        std::sscanf(argv[1], "%dx%d", &size.width, &size.height);
    std::printf("frame cost at %dx%d (draw + present into a surface, no display)\n", size.width,
        size.height);
    // Attract: 16 ms steps cover cross-fades at full rate and the slow pan between them.
    report("attract loop", run(size, std::nullopt, frames, 16));
    report("first frame: attract", run(size, std::nullopt, 1, 16));
    report("first frame: home", run(size, core::ScreenRef { core::ScreenKind::Home, {} }, 1, 16));
    report("first frame: timeline",
        run(size, core::ScreenRef { core::ScreenKind::Timeline, {} }, 1, 16));
    return 0;
}
