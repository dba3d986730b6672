// The kiosk's entry point: parse the command line, run the app.
#include "kiosk/app/app.h"

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
    kiosk::app::App app(options.release_value());
    return app.run();
}
