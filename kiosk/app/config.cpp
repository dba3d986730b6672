// Configuration parsing with toml++: every known key has one reader below; anything else in the
// file is reported, never silently ignored, and never fatal.
#include "kiosk/app/config.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sodium.h>
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

// Reads one key's node into the config; returns the problem (without position) when the value
// is unusable, and the setting then keeps its default.
using KeyReader = std::function<std::optional<std::string>(const toml::node&, Config&)>;

struct Key {
    std::string_view section;
    std::string_view name;
    KeyReader read;
};

std::optional<std::string> read_string(const toml::node& node, std::string& out, bool allow_empty)
{
    auto value = node.value<std::string>();
    if (!node.is_string() || !value)
        return "must be a string (kept the default)";
    if (!allow_empty && value->empty())
        return "must not be empty (kept the default)";
    out = *value;
    return std::nullopt;
}

std::optional<std::string> read_bool(const toml::node& node, bool& out)
{
    if (!node.is_boolean())
        return "must be true or false (kept false)";
    out = node.value<bool>().value_or(false);
    return std::nullopt;
}

std::optional<std::string> read_clock(const toml::node& node, int& out)
{
    auto value = node.value<std::string>();
    auto minute = node.is_string() && value ? parse_clock(*value) : std::nullopt;
    if (!minute)
        return "must be a time \"HH:MM\", 00:00 to 23:59 (the screen stays on)";
    out = *minute;
    return std::nullopt;
}

std::optional<std::string> read_trusted_keys(const toml::node& node, Config& config)
{
    config.require_signature = true; // fail closed, whatever follows
    const toml::array* keys = node.as_array();
    if (!keys)
        return "must be a list of public keys from kiosk-content keygen; until it is, every "
               "content file is refused";
    std::string bad;
    for (auto& key : *keys) {
        auto text = key.value<std::string>();
        if (key.is_string() && text && store::is_public_key(*text))
            config.trusted_keys.push_back(*text);
        else
            bad = "has an entry that is not a public key from kiosk-content keygen (44 "
                  "characters of base64); it trusts nothing";
    }
    if (keys->empty())
        config.require_signature = false;
    if (!bad.empty())
        return bad;
    return std::nullopt;
}

const std::vector<Key>& keys()
{
    static const std::vector<Key> KEYS {
        { "touch", "rotation",
            [](const toml::node& n, Config& c) -> std::optional<std::string> {
                auto v = n.value<int64_t>();
                if (!n.is_integer() || !v || (*v != 0 && *v != 90 && *v != 180 && *v != 270))
                    return "must be 0, 90, 180 or 270 (kept 0)";
                c.touch.rotation_deg = static_cast<int>(*v);
                return std::nullopt;
            } },
        { "touch", "mirror_x",
            [](const toml::node& n, Config& c) { return read_bool(n, c.touch.mirror_x); } },
        { "touch", "mirror_y",
            [](const toml::node& n, Config& c) { return read_bool(n, c.touch.mirror_y); } },
        { "display", "renderer",
            [](const toml::node& n, Config& c) -> std::optional<std::string> {
                auto v = n.value<std::string>();
                if (!n.is_string() || !v || (*v != "software" && *v != "gpu"))
                    return "must be \"software\" or \"gpu\" (kept software)";
                c.gpu_renderer = *v == "gpu";
                return std::nullopt;
            } },
        { "display", "on",
            [](const toml::node& n, Config& c) { return read_clock(n, c.on_minute); } },
        { "display", "off",
            [](const toml::node& n, Config& c) { return read_clock(n, c.off_minute); } },
        { "visitor", "default_lang",
            [](const toml::node& n, Config& c) -> std::optional<std::string> {
                auto v = n.value<std::string>();
                auto lang = n.is_string() && v ? core::parse_lang(*v) : std::nullopt;
                if (!lang)
                    return "must be \"vi\", \"ja\" or \"en\" (kept the content's)";
                c.default_lang = lang;
                return std::nullopt;
            } },
        { "visitor", "idle_timeout_s",
            [](const toml::node& n, Config& c) -> std::optional<std::string> {
                auto v = n.value<int64_t>();
                if (!n.is_integer() || !v || (*v != 0 && (*v < 10 || *v > 3600)))
                    return "must be 10 to 3600 seconds, or 0 for the content's (kept the "
                           "content's)";
                c.idle_timeout_s = static_cast<int>(*v);
                return std::nullopt;
            } },
        { "content", "state",
            [](const toml::node& n, Config& c) { return read_string(n, c.state_dir, false); } },
        { "content", "inbox",
            [](const toml::node& n, Config& c) { return read_string(n, c.inbox_dir, false); } },
        { "content", "trusted_keys", read_trusted_keys },
        { "staff", "export",
            [](const toml::node& n, Config& c) { return read_string(n, c.export_dir, true); } },
        { "staff", "pin_hash",
            [](const toml::node& n, Config& c) -> std::optional<std::string> {
                std::string hash;
                if (read_string(n, hash, false)
                    || sodium_init() < 0
                    // -1: not a password hash libsodium can check.
                    || crypto_pwhash_str_needs_rehash(hash.c_str(),
                           crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE)
                        == -1)
                    return "is not a PIN hash; make one with `kiosk-content hash-pin` (the staff "
                           "screen stays locked until then)";
                c.staff_pin_hash = hash;
                return std::nullopt;
            } },
    };
    return KEYS;
}

std::string known_keys(std::string_view section)
{
    std::string out;
    for (auto& key : keys()) {
        if (key.section == section)
            out += (out.empty() ? "" : ", ") + std::string(key.name);
    }
    return out;
}

} // namespace

Config parse_config(std::string_view text, const std::string& path)
{
    Config config;
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        config.problems.push_back(where(path, e.source()) + ": " + std::string(e.description())
            + "; every setting keeps its default, and content updates are refused until the "
              "file is fixed");
        config.require_signature = true;
        return config;
    }
    for (auto& [section_name, section] : root) {
        std::string section_text(section_name.str());
        if (known_keys(section_text).empty() || !section.is_table()) {
            config.problems.push_back(where(path, section.source()) + ": unknown section ["
                + section_text + "] (known: touch, display, visitor, content, staff)");
            continue;
        }
        for (auto& [key_name, node] : *section.as_table()) {
            // A copy: clang 14 cannot capture a structured binding in a lambda.
            std::string key(key_name.str());
            auto it = std::find_if(keys().begin(), keys().end(),
                [&](const Key& k) { return k.section == section_text && k.name == key; });
            std::string name = "[" + section_text + "] " + key;
            if (it == keys().end()) {
                config.problems.push_back(where(path, node.source()) + ": unknown key " + name
                    + " (known: " + known_keys(section_text) + ")");
                continue;
            }
            if (auto problem = it->read(node, config))
                config.problems.push_back(
                    where(path, node.source()) + ": " + name + " " + *problem);
        }
    }
    return config;
}

std::string config_path()
{
    const char* env = std::getenv("KIOSK_CONFIG");
    return env && *env ? env : "/etc/kiosk/kiosk.toml";
}

Config load_config_file(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        return Config {};
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), path);
}

Config load_config()
{
    return load_config_file(config_path());
}

} // namespace kiosk::app
