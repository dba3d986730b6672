// The live preview's side of the app (kiosk --watch DIR): each build from the watcher becomes the
// content on screen and the screen that shows the edited item; a build with errors leaves the
// last good one on screen and puts the errors over it; once the frame is presented, one log line
// says how long the save took to reach the screen (and the PNG is rewritten when headless).
#include "kiosk/app/app_parts.h"
#include "kiosk/app/log.h"
#include "kiosk/app/screen_registry.h"
#include "kiosk/platform/event_pump.h"
#include "kiosk/tools/content/source_tree.h"

#include <cstdio>

namespace kiosk::app {

using namespace core;

int App::start_watch()
{
    auto& p = *m_parts;
    auto assets = tools::default_assets_dir(m_options.watch_dir);
    auto watch = WatchMode::create(m_options.watch_dir, assets, platform::wake_event_loop);
    if (!watch) {
        log_error("watch: " + watch.error());
        return 2;
    }
    p.watch = watch.release_value();
    log_info("watch: watching " + p.watch->content_dir() + " and " + assets
        + "/images; each save is rebuilt and shown");
    show_watch_build(p.watch->first_build());
    return 0;
}

// True when the content changed (the screens must be rebuilt).
bool App::show_watch_build(WatchBuild build)
{
    auto& p = *m_parts;
    for (auto& error : build.errors)
        log_error(error);
    bool had_good = p.content->content().store != nullptr;
    bool replaced = false;
    if (build.content) {
        std::string old = p.content->content().path;
        // Everything that points into the old content goes before it does.
        p.shown = nullptr;
        p.navigator.reset();
        if (p.display)
            p.display->drop_caches();
        p.content->replace(std::move(build.content));
        p.watch->retire(old);
        replaced = true;
    } else if (!had_good) {
        auto none = std::make_unique<Content>();
        none->error = "the content in " + p.watch->content_dir() + " does not build yet";
        p.shown = nullptr;
        p.navigator.reset();
        p.content->replace(std::move(none));
        replaced = true;
    }
    p.watch_errors = build.errors;
    size_t n = build.errors.size();
    p.watch_heading = n == 0 ? ""
                             : std::to_string(n) + (n == 1 ? " error" : " errors")
            + (build.changed.empty() ? "" : " after the save of " + build.changed) + ": "
            + (had_good ? "the last good build stays on screen until it is fixed"
                        : "nothing has built yet");
    p.watch_report = std::move(build);
    p.dirty = true;
    return replaced;
}

void App::take_watch_build()
{
    auto& p = *m_parts;
    auto build = p.watch->take();
    if (!build)
        return;
    TimeMs now = p.clock.now_ms();
    ScreenRef keep = p.machine->current();
    Lang lang = p.machine->lang();
    std::optional<ScreenRef> target;
    if (build->screen)
        target = parse_screen_name(*build->screen);
    if (show_watch_build(std::move(*build))) {
        rebuild_screens();
        p.machine->set_lang(lang, now);
    }
    // The edited item's screen, else the one that was up (re-resolved in the new content).
    ScreenRef to = target.value_or(keep);
    if (to != p.machine->current())
        p.machine->go(to, now);
    p.shown = nullptr;
}

void App::report_watch_frame()
{
    auto& p = *m_parts;
    auto build = std::move(*p.watch_report);
    p.watch_report.reset();
    auto on_screen_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - build.saved_at)
                            .count();
    if (!m_options.screenshot_path.empty()) {
        // Written whole, then renamed: a reader never sees half a PNG.
        std::string temp = m_options.screenshot_path + ".tmp.png";
        auto saved = save_png(temp);
        if (!saved || std::rename(temp.c_str(), m_options.screenshot_path.c_str()) != 0)
            log_error("watch: cannot write " + m_options.screenshot_path
                + (saved ? std::string {} : ": " + saved.error()));
    }
    std::string after = build.changed.empty()
        ? "first build"
        : "on screen " + std::to_string(on_screen_ms) + " ms after the save of " + build.changed;
    std::string showing = screen_ref_name(p.shown_ref);
    if (build.errors.empty())
        log_info("watch: rebuilt in " + std::to_string(build.build_ms) + " ms, showing " + showing
            + " (" + after + ")");
    else
        log_info("watch: " + std::to_string(build.errors.size()) + " content error"
            + (build.errors.size() == 1 ? "" : "s") + " shown over " + showing + " (" + after
            + ")");
}

} // namespace kiosk::app
