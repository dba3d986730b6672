// Configuration parsing with toml++.
#include "kiosk/app/config.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

namespace kiosk::app {

namespace {

std::string where(const std::string& path, const toml::source_region& region)
{
    return path + ":" + std::to_string(region.begin.line) + ":"
        + std::to_string(region.begin.column);
}

std::optional<int> parse_clock(std::string_view text)
{
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (!digit(text[0]) || !digit(text[1]) || !digit(text[3]) || !digit(text[4]))
        return std::nullopt;
    int h = (text[0] - '0') * 10 + (text[1] - '0');
    int m = (text[3] - '0') * 10 + (text[4] - '0');
    if (h > 23 || m > 59)
        return std::nullopt;
    return h * 60 + m;
}

} // namespace

core::Result<Config> parse_config(std::string_view text, const std::string& path)
{
    Config config;
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        return core::Error { where(path, e.source()) + ": " + std::string(e.description()) };
    }
    if (auto rotation = root["touch"]["rotation"].value<int64_t>()) {
        if (*rotation % 90 != 0)
            return core::Error { where(path, root["touch"]["rotation"].node()->source())
                + ": rotation must be 0, 90, 180 or 270" };
        config.touch.rotation_deg = static_cast<int>(*rotation);
    }
    config.touch.mirror_x = root["touch"]["mirror_x"].value_or(false);
    config.touch.mirror_y = root["touch"]["mirror_y"].value_or(false);
    std::string renderer = root["display"]["renderer"].value_or(std::string("software"));
    if (renderer != "software" && renderer != "gpu")
        return core::Error { where(path, root["display"]["renderer"].node()->source())
            + ": renderer must be \"software\" or \"gpu\"" };
    config.gpu_renderer = renderer == "gpu";
    for (auto [key, target] :
        { std::pair { "on", &config.on_minute }, std::pair { "off", &config.off_minute } }) {
        if (auto value = root["display"][key].value<std::string>()) {
            auto minute = parse_clock(*value);
            if (!minute)
                return core::Error { where(path, root["display"][key].node()->source()) + ": " + key
                    + " must be HH:MM" };
            *target = *minute;
        }
    }
    config.staff_pin_hash = root["staff"]["pin_hash"].value_or(std::string {});
    config.export_dir = root["staff"]["export"].value_or(std::string {});
    config.inbox_dir = root["content"]["inbox"].value_or(config.inbox_dir);
    config.state_dir = root["content"]["state"].value_or(config.state_dir);
    if (auto lang = root["visitor"]["default_lang"].value<std::string>()) {
        config.default_lang = core::parse_lang(*lang);
        if (!config.default_lang)
            return core::Error { where(path, root["visitor"]["default_lang"].node()->source())
                + ": default_lang must be vi, ja or en" };
    }
    config.idle_timeout_s
        = static_cast<int>(root["visitor"]["idle_timeout_s"].value_or(int64_t { 0 }));
    return config;
}

core::Result<Config> load_config()
{
    const char* env = std::getenv("KIOSK_CONFIG");
    std::string path = env && *env ? env : "/etc/kiosk/kiosk.toml";
    std::ifstream in(path);
    if (!in)
        return Config {};
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), path);
}

} // namespace kiosk::app
