// Paths, the map file and the start-up trace.
#include "kiosk/app/paths.h"

#include "kiosk/app/log.h"
#include "kiosk/core/map_geometry.h"
#include "kiosk/platform/fonts.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <unistd.h>

namespace kiosk::app {

namespace fs = std::filesystem;

std::string default_db_path()
{
    if (const char* env = std::getenv("KIOSK_DB"); env && *env)
        return env;
    std::error_code ec;
    for (const char* candidate :
        { KIOSK_DEFAULT_DB, "/var/lib/kiosk/current.kiosk", KIOSK_INSTALL_DATA_DIR "/kiosk.db" }) {
        if (fs::exists(candidate, ec))
            return candidate;
    }
    return KIOSK_DEFAULT_DB;
}

std::vector<std::string> font_dirs()
{
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("KIOSK_FONT_DIR"); env && *env)
        dirs.push_back(env);
    dirs.push_back(KIOSK_SOURCE_ASSETS_DIR "/fonts");
    dirs.push_back(KIOSK_INSTALL_DATA_DIR "/fonts");
    return dirs;
}

std::unique_ptr<core::MapGeometry> load_map()
{
    for (const char* path : { KIOSK_SOURCE_ASSETS_DIR "/map/east-asia.kmap",
             KIOSK_INSTALL_DATA_DIR "/map/east-asia.kmap" }) {
        std::FILE* f = std::fopen(path, "rb");
        if (!f)
            continue;
        std::vector<uint8_t> bytes;
        uint8_t buffer[1 << 16];
        size_t n;
        while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
            bytes.insert(bytes.end(), buffer, buffer + n);
        std::fclose(f);
        auto parsed = core::MapGeometry::parse(bytes);
        if (parsed)
            return std::make_unique<core::MapGeometry>(parsed.release_value());
        log_error(std::string(path) + ": " + parsed.error());
    }
    log_warning("no map shapes found (assets/map/east-asia.kmap); the map shows places only");
    return nullptr;
}

std::shared_ptr<const core::PhraseModel> load_phrase_model()
{
    for (const char* path : { KIOSK_SOURCE_ASSETS_DIR "/text/budoux-ja.tsv",
             KIOSK_INSTALL_DATA_DIR "/text/budoux-ja.tsv" }) {
        std::error_code ec;
        if (!fs::exists(path, ec))
            continue;
        auto model = platform::FontSet::read_phrase_model(path);
        if (model)
            return model.release_value();
        log_error(model.error());
    }
    log_warning("no phrase model found (assets/text/budoux-ja.tsv); Japanese lines may break "
                "inside words");
    return nullptr;
}

namespace {

// The process start time, from /proc/self/stat field 22, in ms since boot.
double process_start_ms()
{
    FILE* f = std::fopen("/proc/self/stat", "r");
    if (!f)
        return 0;
    char buffer[1024];
    size_t n = std::fread(buffer, 1, sizeof buffer - 1, f);
    buffer[n] = 0;
    std::fclose(f);
    const char* p = std::strrchr(buffer, ')');
    int field = 2;
    unsigned long long ticks = 0;
    for (; p && *p; ++p) {
        if (*p == ' ' && ++field == 22) {
            ticks = std::strtoull(p + 1, nullptr, 10);
            break;
        }
    }
    return static_cast<double>(ticks) * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

} // namespace

void trace_start(const char* step)
{
    static const bool on = [] {
        const char* env = std::getenv("KIOSK_TRACE_START");
        return env && *env == '1';
    }();
    if (!on)
        return;
    static const double start_ms = process_start_ms();
    struct timespec now { };
    clock_gettime(CLOCK_MONOTONIC, &now);
    double now_ms
        = static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
    std::fprintf(stderr, "start-up: %7.1f ms  %s\n", now_ms - start_ms, step);
}

std::string picture_cache_dir(const std::string& state_dir)
{
    std::error_code ec;
    if (fs::is_directory(state_dir, ec) && ::access(state_dir.c_str(), W_OK) == 0)
        return state_dir + "/cache";
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    if (xdg && *xdg)
        return std::string(xdg) + "/kiosk";
    if (home && *home)
        return std::string(home) + "/.cache/kiosk";
    return {};
}

std::string today()
{
    std::time_t now = std::time(nullptr);
    std::tm tm {};
    localtime_r(&now, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

} // namespace kiosk::app
