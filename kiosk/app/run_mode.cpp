// The run mode and what follows from it.
#include "kiosk/app/run_mode.h"

namespace kiosk::app {

RunMode run_mode(const Options& options)
{
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
    t.headless = screenshot || t.mode == RunMode::Driven;
    t.looks_after_content = !screenshot;
    t.hold = options.hold || screenshot;
    t.paints_in_background = !screenshot;
    return t;
}

} // namespace kiosk::app
