// The kiosk's entry point: parse the command line and the configuration, run the app.
#include "kiosk/app/app.h"
#include "kiosk/app/config.h"

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
    auto config = kiosk::app::load_config();
    if (!config) {
        std::fprintf(stderr, "kiosk: %s\n", config.error().c_str());
        return 2;
    }
    kiosk::app::App app(options.release_value(), config.release_value());
    return app.run();
}
