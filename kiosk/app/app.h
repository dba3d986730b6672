// The app: builds the store, the platform parts and the screens, and runs the loop. It owns the
// parts and hands references into constructors; screens see only their Context.
//
// The loop is also drivable without a person: feed() touch samples and advance() the virtual
// clock, then look at screen() or save_png(). Tests, the soak test and benchmarks use that.
#pragma once

#include "kiosk/app/config.h"
#include "kiosk/app/options.h"
#include "kiosk/app/paths.h"
#include "kiosk/app/run_mode.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/content_model.h"
#include "kiosk/core/gesture.h"
#include "kiosk/core/screen_machine.h"

#include <memory>
#include <string>

namespace kiosk::screens {
class Screen;
struct Nav;
} // namespace kiosk::screens

namespace kiosk::app {

struct WatchBuild;

// Exit codes: 0 stopped by a signal or staff exit; 75 staff asked for a restart (systemd
// restarts on any code; the unit's RestartPreventExitStatus=64 keeps a staff exit stopped).
inline constexpr int EXIT_STAFF_STOP = 64;
inline constexpr int EXIT_RESTART = 75;

struct AppStats {
    uint64_t frames { 0 };
    uint32_t last_frame_us { 0 }; // draw + present of the last frame
    size_t text_textures { 0 };
    size_t text_bytes { 0 };
    uint64_t text_hits { 0 };
    uint64_t text_misses { 0 };
    size_t image_textures { 0 };
    size_t image_bytes { 0 };
    uint64_t image_hits { 0 };
    uint64_t image_misses { 0 };
};

class App {
public:
    App(Options options, Config config = {});
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Builds everything; 0 when ready, else the exit code (the reason is logged).
    int start();
    // start(), then the real-time loop until stopped; the exit code.
    int run();

    // Driving without a person (after start()): touch samples and time on the virtual clock.
    void feed(const core::TouchSample& sample);
    // Runs one turn of the loop at `now_ms`: gestures, timeouts, content reloads, and a frame
    // when something changed. True when a frame was drawn.
    bool advance(core::TimeMs now_ms);
    core::TimeMs now_ms() const;
    core::ScreenRef screen() const;
    core::Lang lang() const;
    core::Size size() const;
    // Writes the last frame as PNG.
    core::Status save_png(const std::string& path);
    AppStats stats() const;
    // The content file shown and its version ("" when the fallback screen is up).
    std::string content_version() const;
    bool showing_fallback() const;
    // The centre of the touch target on screen that leads to `nav` (tests tap it).
    std::optional<core::Point> target(const screens::Nav& nav);
    // Where the map shows a place's marker, when the map is on screen and the marker is drawn.
    std::optional<core::Point> marker(const std::string& place_id);
    // The place whose panel the map has open ("" when none, or not on the map).
    std::string open_place();
    // The exit code the app has asked for (staff exit/restart), if any.
    std::optional<int> exit_requested() const;

private:
    struct Parts;
    void rebuild_screens();
    screens::Screen* current_screen();
    void draw_frame();
    void apply_nav(const screens::Nav& nav);
    void handle_gestures();
    void look_after(core::TimeMs now, bool quiet);
    // --watch (app_watch.cpp): the first build, each later one, and the report once on screen.
    int start_watch();
    bool show_watch_build(WatchBuild build);
    void take_watch_build();
    void report_watch_frame();

    Options m_options;
    RunTraits m_run;
    Config m_config;
    std::unique_ptr<Parts> m_parts;
};

} // namespace kiosk::app
