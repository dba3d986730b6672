// The kiosk's entry point: parse the command line and the configuration, run the app.
#include "kiosk/app/app.h"
#include "kiosk/app/config.h"
#include "kiosk/app/log.h"

#include <cstdio>

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    auto options = kiosk::app::parse_options(args);
    if (!options) {
        std::fprintf(stderr, "kiosk: %s\n%s", options.error().c_str(), kiosk::app::USAGE);
        return 2;
    }
    if (options.value().help) {
        std::fputs(kiosk::app::USAGE, stdout);
        return 0;
    }
    // A bad configuration never stops the kiosk: what is wrong keeps its default, each problem
    // is logged (and listed in Config::problems for the staff screen).
    auto config = kiosk::app::load_config();
    for (auto& problem : config.problems)
        kiosk::app::log_warning("config: " + problem);
    kiosk::app::App app(options.release_value(), std::move(config));
    return app.run();
}
