// Frame cost without a display: drives the real app headless (software renderer into a surface)
// and prints the draw time per frame for the attract loop and a slide, at a given size. Not a test.
//   kiosk-frame-bench [WIDTHxHEIGHT] [FRAMES] [--window]
// --window draws into a real window on $DISPLAY (under Xvfb: the present to X is counted too).
#include "kiosk/app/app.h"
#include "kiosk/core/map_geometry.h"

#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace kiosk;

namespace {

bool g_window = false; // --window: a real window instead of a surface

// In a window, frames come at 60 Hz as they do in the kiosk, so the display server has its
// share of the 16.7 ms (back to back, on a small machine, the X server's copy of the last frame
// would be counted in the next one). Into a surface, back to back.
void pace()
{
    if (!g_window)
        return;
    SDL_PumpEvents();
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    using clock = std::chrono::steady_clock;
    static auto next = clock::now();
    next += std::chrono::microseconds(16667);
    auto now = clock::now();
    if (next > now)
        std::this_thread::sleep_for(next - now);
    else
        next = now;
}

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

// The real app on the bundled content, started on `screen`; null if it does not start.
std::unique_ptr<app::App> start_app(core::Size size, std::optional<core::ScreenRef> screen)
{
    app::Options options;
    options.headless = !g_window;
    options.db_path = KIOSK_BINARY_DIR "/kiosk.db";
    options.size = size;
    options.screen = std::move(screen);
    app::Config config;
    config.state_dir = "/nonexistent";
    auto app = std::make_unique<app::App>(options, config);
    if (app->start() != 0)
        return nullptr;
    return app;
}

std::vector<double> run(
    core::Size size, const std::optional<core::ScreenRef>& screen, int frames, core::TimeMs step_ms)
{
    auto started = start_app(size, screen);
    if (!started)
        return {};
    app::App& app = *started;
    std::vector<double> ms;
    core::TimeMs t = 0;
    for (int i = 0; i < frames; ++i) {
        t += step_ms;
        auto t0 = std::chrono::steady_clock::now();
        bool drew = app.advance(t);
        auto t1 = std::chrono::steady_clock::now();
        pace();
        // A first frame counts whole (start-up work included); later ones as drawn and presented.
        if (drew && frames == 1)
            ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        else if (drew && i > 0)
            ms.push_back(static_cast<double>(app.stats().last_frame_us) / 1000.0);
    }
    return ms;
}

// Frame times while two fingers pinch the map open and closed for `seconds`.
std::vector<double> pinch(core::Size size, int seconds)
{
    auto started
        = start_app(size, core::ScreenRef { core::ScreenKind::Map, "haiphong-kitakyushu" });
    if (!started)
        return {};
    app::App& app = *started;
    app.advance(0);
    std::vector<double> ms;
    float cx = static_cast<float>(size.width) * 0.45f, cy = static_cast<float>(size.height) * 0.55f;
    core::TimeMs t = 100;
    app.feed({ 1, { cx - 100, cy }, core::TouchPhase::Down, t });
    app.feed({ 2, { cx + 100, cy }, core::TouchPhase::Down, t });
    for (int i = 0; i < seconds * 60; ++i) {
        t += 16;
        // Spread 100 -> 400 px and back every two seconds.
        float phase = static_cast<float>(i % 120) / 120.0f;
        float half = 100 + 300 * (phase < 0.5f ? phase * 2 : (1 - phase) * 2);
        app.feed({ 1, { cx - half, cy }, core::TouchPhase::Move, t });
        app.feed({ 2, { cx + half, cy }, core::TouchPhase::Move, t });
        if (app.advance(t))
            ms.push_back(static_cast<double>(app.stats().last_frame_us) / 1000.0);
        pace();
    }
    return ms;
}

// A visitor's minute on the map: pinch in, let go (the map rests and is painted sharp), pan,
// let go, pinch out, in the three preset views; every frame counted, the resting ones too.
std::vector<double> map_session(core::Size size)
{
    auto started = start_app(size, core::ScreenRef { core::ScreenKind::Map, "" });
    if (!started)
        return {};
    app::App& app = *started;
    app.advance(0); // the first frame (the map's shapes loaded) is start-up, not counted
    std::vector<double> ms;
    core::TimeMs t = 0;
    auto frame = [&]() {
        t += 16;
        if (app.advance(t))
            ms.push_back(static_cast<double>(app.stats().last_frame_us) / 1000.0);
        pace();
    };
    auto rest = [&](int frames) {
        for (int i = 0; i < frames; ++i)
            frame();
    };
    float w = static_cast<float>(size.width), h = static_cast<float>(size.height);
    auto pinch = [&](core::Point c, float from, float to) {
        app.feed({ 1, { c.x - from / 2, c.y }, core::TouchPhase::Down, t });
        app.feed({ 2, { c.x + from / 2, c.y }, core::TouchPhase::Down, t });
        for (int i = 1; i <= 40; ++i) {
            float spread = from + (to - from) * static_cast<float>(i) / 40.0f;
            app.feed({ 1, { c.x - spread / 2, c.y }, core::TouchPhase::Move, t + 16 });
            app.feed({ 2, { c.x + spread / 2, c.y }, core::TouchPhase::Move, t + 16 });
            frame();
        }
        app.feed({ 1, { c.x - to / 2, c.y }, core::TouchPhase::Up, t });
        app.feed({ 2, { c.x + to / 2, c.y }, core::TouchPhase::Up, t });
    };
    auto pan = [&](core::Point from, core::Point by) {
        app.feed({ 3, from, core::TouchPhase::Down, t });
        for (int i = 1; i <= 40; ++i) {
            float k = static_cast<float>(i) / 40.0f;
            app.feed(
                { 3, { from.x + by.x * k, from.y + by.y * k }, core::TouchPhase::Move, t + 16 });
            frame();
        }
        app.feed({ 3, { from.x + by.x, from.y + by.y }, core::TouchPhase::Up, t });
    };
    rest(60);
    for (int round = 0; round < 3; ++round) {
        pinch({ w * 0.3f, h * 0.6f }, 150, 600);
        rest(40);
        pan({ w * 0.5f, h * 0.5f }, { w * 0.2f, -h * 0.1f });
        rest(60);
        pinch({ w * 0.5f, h * 0.5f }, 600, 150);
        rest(40);
    }
    return ms;
}

// What the map's shapes take in memory once parsed and indexed.
void map_memory()
{
    auto geometry = app::load_map();
    if (!geometry)
        return;
    size_t total = 0;
    for (auto& level : geometry->levels()) {
        total += level.land.capacity() * sizeof(core::MapVertex)
            + level.triangle_country.capacity() * sizeof(uint16_t)
            + level.outline_points.capacity() * sizeof(core::MapVertex)
            + level.runs.capacity() * sizeof(core::OutlineRun);
        total += level.cell_triangles.bytes() + level.cell_runs.bytes();
    }
    std::printf("map data: file %.2f MB, in memory %.2f MB (parsed and indexed, %zu levels)\n",
        static_cast<double>(
            std::filesystem::file_size(KIOSK_SOURCE_DIR "/assets/map/east-asia.kmap"))
            / 1048576.0,
        static_cast<double>(total) / 1048576.0, geometry->levels().size());
}

} // namespace

int main(int argc, char** argv)
{
    core::Size size { 1920, 1080 };
    int frames = 600;
    int positional = 0;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--window")
            g_window = true;
        else if (positional++ == 0)
            std::sscanf(argv[i], "%dx%d", &size.width, &size.height);
        else
            frames = std::atoi(argv[i]);
    }
    std::printf("frame cost at %dx%d (draw + present %s)\n", size.width, size.height,
        g_window ? "to a window on the display" : "into a surface, no display");
    // Attract: 16 ms steps cover cross-fades at full rate and the slow pan between them.
    report("attract loop", run(size, std::nullopt, frames, 16));
    report("map pinch (two fingers)", pinch(size, 6));
    report("map session (pinch, pan, rest)", map_session(size));
    report("first frame: attract", run(size, std::nullopt, 1, 16));
    report("first frame: home", run(size, core::ScreenRef { core::ScreenKind::Home, {} }, 1, 16));
    report("first frame: map (shapes loaded)",
        run(size, core::ScreenRef { core::ScreenKind::Map, {} }, 1, 16));
    report("first frame: timeline",
        run(size, core::ScreenRef { core::ScreenKind::Timeline, {} }, 1, 16));
    map_memory();
    return 0;
}
