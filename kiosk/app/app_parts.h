// The app's parts, for the app's own files only (app.cpp wires and runs them, app_probe.cpp
// answers questions about them); nothing else includes this.
#pragma once

#include "kiosk/app/app.h"
#include "kiosk/app/content_manager.h"
#include "kiosk/app/display.h"
#include "kiosk/app/frame_log.h"
#include "kiosk/app/health.h"
#include "kiosk/app/interaction_counts.h"
#include "kiosk/app/navigator.h"
#include "kiosk/app/staff_desk.h"
#include "kiosk/app/watch_mode.h"
#include "kiosk/core/draw_list.h"
#include "kiosk/core/map_geometry.h"
#include "kiosk/screens/fallback_screen.h"
#include "kiosk/screens/staff_screen.h"

namespace kiosk::app {

struct App::Parts {
    // Destroyed bottom-up: screens before the content they show and the caches they fill, the
    // caches before the renderer, the renderer before the window.
    std::unique_ptr<Display> display;
    std::unique_ptr<ContentManager> content;
    // --watch: the live preview's watcher (its thread ends before the display goes), the errors
    // of the last save shown over the screen, and the build to report once it is on screen.
    std::unique_ptr<WatchMode> watch;
    std::vector<std::string> watch_errors;
    std::string watch_heading;
    std::optional<WatchBuild> watch_report; // content moved out; the rest kept for the log line
    std::unique_ptr<core::MapGeometry> map; // country shapes, shared by every content
    bool map_tried { false };
    InteractionCounts counts;
    std::unique_ptr<StaffDesk> desk;
    std::unique_ptr<Health> health;
    std::unique_ptr<screens::StaffScreen> staff;
    std::unique_ptr<screens::FallbackScreen> fallback;
    std::unique_ptr<Navigator> navigator;
    std::unique_ptr<core::ScreenMachine> machine;
    core::GestureRecognizer gestures;
    core::VirtualClock clock;
    core::DrawList draw_list;
    std::vector<core::Gesture> pending;
    FrameLog frame_log;
    screens::Screen* shown { nullptr };
    core::ScreenRef shown_ref;
    bool dirty { true };
    std::optional<core::TimeMs> frame_due; // when the shown animation wants its next frame
    std::optional<core::Point> pressed;
    uint64_t frames { 0 };
    uint32_t last_frame_us { 0 };
    std::optional<int> exit_code;
    core::TimeMs last_touch_ms { 0 };
    core::TimeMs next_stats_flush_ms { 0 };
    core::TimeMs session_start_ms { -1 };
    int64_t wall_at_start_ms { 0 };

    screens::Frame frame(core::TimeMs now, core::Lang lang) const
    {
        screens::Frame f;
        f.metrics = screens::Metrics::for_screen(display->size());
        f.now_ms = now;
        f.lang = lang;
        f.pressed = pressed;
        return f;
    }
};

} // namespace kiosk::app
