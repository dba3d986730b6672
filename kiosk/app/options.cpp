// Command-line parsing; every mistake is a message naming the argument.
#include "kiosk/app/options.h"

#include "kiosk/app/screen_registry.h"

#include <charconv>

namespace kiosk::app {

const char* const USAGE
    = "usage: kiosk [--db FILE] [--screen NAME] [--lang vi|ja|en] [--size WxH]\n"
      "             [--screenshot PNG [--at SECONDS]] [--hold] [--exit-after-first-frame]\n"
      "             [--windowed] [--watch CONTENT_DIR]\n"
      "screens: attract, home, partnership:ID, topic:ID, slide:ID, map, map:ID, timeline,\n"
      "         chart:ID, staff\n";

namespace {

std::optional<core::Size> parse_size(std::string_view text)
{
    auto x = text.find('x');
    if (x == std::string_view::npos)
        return std::nullopt;
    core::Size size;
    auto w = text.substr(0, x), h = text.substr(x + 1);
    auto r1 = std::from_chars(w.data(), w.data() + w.size(), size.width);
    auto r2 = std::from_chars(h.data(), h.data() + h.size(), size.height);
    if (r1.ec != std::errc {} || r1.ptr != w.data() + w.size() || r2.ec != std::errc {}
        || r2.ptr != h.data() + h.size())
        return std::nullopt;
    if (size.width < 320 || size.height < 240 || size.width > 8192 || size.height > 8192)
        return std::nullopt;
    return size;
}

} // namespace

core::Result<Options> parse_options(const std::vector<std::string>& args)
{
    Options options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size())
                return std::nullopt;
            return args[++i];
        };
        if (arg == "--help" || arg == "-h") {
            options.help = true;
        } else if (arg == "--hold") {
            options.hold = true;
        } else if (arg == "--exit-after-first-frame") {
            options.exit_after_first_frame = true;
        } else if (arg == "--windowed") {
            options.windowed = true;
        } else if (arg == "--db" || arg == "--screen" || arg == "--lang" || arg == "--size"
            || arg == "--screenshot" || arg == "--watch" || arg == "--at") {
            auto v = value();
            if (!v)
                return core::Error { arg + " needs a value" };
            if (arg == "--db") {
                options.db_path = *v;
            } else if (arg == "--watch") {
                options.watch_dir = *v;
            } else if (arg == "--screen") {
                options.screen = parse_screen_name(*v);
                if (!options.screen)
                    return core::Error { "unknown screen '" + *v + "'" };
            } else if (arg == "--lang") {
                options.lang = core::parse_lang(*v);
                if (!options.lang)
                    return core::Error { "--lang must be vi, ja or en, not '" + *v + "'" };
            } else if (arg == "--size") {
                auto size = parse_size(*v);
                if (!size)
                    return core::Error { "--size must be WIDTHxHEIGHT (320x240 .. 8192x8192), not '"
                        + *v + "'" };
                options.size = *size;
            } else if (arg == "--at") {
                double seconds = -1;
                auto r = std::from_chars(v->data(), v->data() + v->size(), seconds);
                if (r.ec != std::errc {} || r.ptr != v->data() + v->size() || !(seconds >= 0)
                    || seconds > 3600)
                    return core::Error { "--at must be 0 to 3600 seconds, not '" + *v + "'" };
                options.screenshot_at_ms = static_cast<core::TimeMs>(seconds * 1000);
            } else {
                options.screenshot_path = *v;
            }
        } else {
            return core::Error { "unknown argument '" + arg + "'" };
        }
    }
    if (!options.watch_dir.empty() && !options.db_path.empty())
        return core::Error { "--watch builds its own database from the folder; drop --db" };
    return options;
}

} // namespace kiosk::app
