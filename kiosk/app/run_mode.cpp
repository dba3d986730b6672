// The run mode and what follows from it.
#include "kiosk/app/run_mode.h"

namespace kiosk::app {

RunMode run_mode(const Options& options)
{
    if (!options.watch_dir.empty())
        return RunMode::Watch;
    if (!options.screenshot_path.empty())
        return RunMode::Screenshot;
    if (options.headless)
        return RunMode::Driven;
    return options.windowed ? RunMode::Windowed : RunMode::Kiosk;
}

RunTraits run_traits(const Options& options)
{
    RunTraits t;
    t.mode = run_mode(options);
    bool screenshot = t.mode == RunMode::Screenshot;
    bool watch = t.mode == RunMode::Watch;
    t.headless
        = screenshot || t.mode == RunMode::Driven || (watch && !options.screenshot_path.empty());
    t.windowed = t.mode == RunMode::Windowed || (watch && !t.headless);
    // A preview has no inbox, state or rollback, and stays on the screen being edited.
    t.looks_after_content = !screenshot && !watch;
    t.hold = options.hold || screenshot || watch;
    t.paints_in_background = !screenshot;
    return t;
}

} // namespace kiosk::app
