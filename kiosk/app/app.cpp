// The app's wiring and its loop. One turn of the loop (advance): gestures -> navigation, the
// screen machine's timeouts, the attract loop's clock, content reloads at quiet moments, then a
// frame only when something changed. Between turns the real-time loop sleeps on SDL events.
//
// [SECTION] Paths and helpers
// [SECTION] Parts
// [SECTION] Start-up
// [SECTION] Content: loading, reloading, the inbox
// [SECTION] Input and navigation
// [SECTION] The turn of the loop
// [SECTION] The real-time loop
#include "kiosk/app/app.h"

#include "kiosk/app/log.h"
#include "kiosk/core/draw_list.h"
#include "kiosk/core/map_geometry.h"
#include "kiosk/platform/fonts.h"
#include "kiosk/platform/images.h"
#include "kiosk/platform/input.h"
#include "kiosk/platform/renderer.h"
#include "kiosk/platform/sdl_handles.h"
#include "kiosk/platform/text_renderer.h"
#include "kiosk/platform/video.h"
#include "kiosk/screens/attract_screen.h"
#include "kiosk/screens/browse_screens.h"
#include "kiosk/screens/fallback_screen.h"
#include "kiosk/screens/home_screen.h"
#include "kiosk/screens/map_screen.h"
#include "kiosk/screens/slide_screen.h"
#include "kiosk/screens/staff_screen.h"
#include "kiosk/store/installer.h"
#include "kiosk/store/stats_db.h"
#include "kiosk/store/store.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <sodium.h>
#include <sys/stat.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

namespace kiosk::app {

using namespace core;
namespace fs = std::filesystem;

// [SECTION] Paths and helpers

namespace {

// Texture budgets: enough for a screen and the next one at 4K, small enough for a small board.
constexpr size_t TEXT_CACHE_BYTES = size_t { 12 } << 20;
constexpr size_t IMAGE_CACHE_BYTES = size_t { 24 } << 20;

std::atomic<bool> g_stop_requested { false };

// $KIOSK_TRACE_START=1: milliseconds since the process started at each step of the start-up.
void trace(const char* step)
{
    static const bool on = [] {
        const char* env = std::getenv("KIOSK_TRACE_START");
        return env && *env == '1';
    }();
    if (!on)
        return;
    struct timespec now { };
    clock_gettime(CLOCK_MONOTONIC, &now);
    // The process start time, from /proc/self/stat field 22, in clock ticks since boot.
    static double start_ms = [] {
        FILE* f = std::fopen("/proc/self/stat", "r");
        double ms = 0;
        if (f) {
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
            ms = static_cast<double>(ticks) * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
        }
        return ms;
    }();
    double now_ms
        = static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
    std::fprintf(stderr, "start-up: %7.1f ms  %s\n", now_ms - start_ms, step);
}

void on_stop_signal(int)
{
    g_stop_requested = true;
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

int minute_of_day()
{
    std::time_t now = std::time(nullptr);
    std::tm tm {};
    localtime_r(&now, &tm);
    return tm.tm_hour * 60 + tm.tm_min;
}

// The file's identity, to notice when it was replaced (a rename changes the inode).
struct FileId {
    dev_t dev { 0 };
    ino_t ino { 0 };
    int64_t mtime_ns { 0 };
    off_t size { 0 };
    bool operator==(const FileId&) const = default;
};

std::optional<FileId> file_id(const std::string& path)
{
    struct stat st { };
    if (::stat(path.c_str(), &st) != 0)
        return std::nullopt;
    return FileId { st.st_dev, st.st_ino,
        static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec, st.st_size };
}

} // namespace

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

// [SECTION] Parts

namespace {

// One loaded content file: the store it reads images from and the exhibition it holds.
struct Content {
    std::unique_ptr<store::Store> store;
    Exhibition exhibition;
    std::string path;
    std::string error; // non-empty: unusable, the fallback screen shows
    std::optional<FileId> id;
};

// The visitor screens for one content, each owning its state.
struct Screens {
    Screens(screens::Context ctx, screens::AttractConfig attract_config,
        std::function<const core::MapGeometry*()> map_loader)
        : context(ctx)
        , map_geometry(std::move(map_loader))
        , attract(ctx, with_map(std::move(attract_config)))
        , home(ctx)
        , partnership(ctx)
        , topic(ctx)
        , slide(ctx)
        , chart(ctx)
        , timeline(ctx)
    {
    }
    screens::Context context;
    // The map's shapes are loaded the first time a visitor opens the map, not at start-up.
    std::function<const core::MapGeometry*()> map_geometry;
    screens::AttractScreen attract;
    screens::HomeScreen home;
    screens::PartnershipScreen partnership;
    screens::TopicScreen topic;
    screens::SlideScreen slide;
    screens::ChartScreen chart;
    screens::TimelineScreen timeline;
    std::unique_ptr<screens::MapScreen> map;

    screens::MapScreen* map_screen()
    {
        if (!map)
            map = std::make_unique<screens::MapScreen>(context, map_geometry());
        return map.get();
    }
    // The attract loop's fly-overs use the map screen.
    screens::AttractConfig with_map(screens::AttractConfig config)
    {
        config.map = [this]() { return map_screen(); };
        return config;
    }

    // The screen for a place in the machine; nullptr when the id is unknown.
    screens::Screen* resolve(const ScreenRef& ref)
    {
        switch (ref.kind) {
        case ScreenKind::Attract:
            return &attract;
        case ScreenKind::Home:
            return &home;
        case ScreenKind::Partnership:
            return partnership.show(ref.id) ? &partnership : nullptr;
        case ScreenKind::Topic:
            return topic.show(ref.id) ? &topic : nullptr;
        case ScreenKind::Slide:
            return slide.show(ref.id) ? &slide : nullptr;
        case ScreenKind::Chart:
            return chart.show(ref.id) ? &chart : nullptr;
        case ScreenKind::Timeline:
            return &timeline;
        case ScreenKind::Map:
            return map_screen()->show(ref.id) ? map.get() : nullptr;
        case ScreenKind::Staff:
            return nullptr;
        }
        return nullptr;
    }
};

} // namespace

struct App::Parts {
    // Destroyed bottom-up: screens and caches before the renderer, the renderer before the window.
    platform::SdlLibrary sdl;
    std::unique_ptr<platform::Video> video;
    std::unique_ptr<platform::FontSet> fonts;
    std::unique_ptr<platform::TextRenderer> text;
    std::unique_ptr<platform::ImageCache> images;
    std::unique_ptr<platform::Renderer> renderer;
    std::unique_ptr<Content> content;
    std::unique_ptr<core::MapGeometry> map; // country shapes (assets/map), shared by every content
    bool map_tried { false };
    std::unique_ptr<screens::FallbackScreen> fallback;
    std::unique_ptr<screens::StaffScreen> staff;
    std::unique_ptr<Screens> screens;
    std::unique_ptr<ScreenMachine> machine;
    std::unique_ptr<store::StatsDb> stats;
    store::CountBatch counts;
    GestureRecognizer gestures;
    platform::InputMapper input;
    VirtualClock clock;
    DrawList draw_list;
    std::vector<Gesture> pending;
    screens::Screen* shown { nullptr };
    ScreenRef shown_ref;
    bool dirty { true };
    std::optional<TimeMs> frame_due; // when the shown animation wants its next frame
    std::optional<Point> pressed;
    uint64_t frames { 0 };
    std::optional<int> exit_code;
    // Quiet-moment work and checks, on the virtual clock.
    TimeMs last_touch_ms { 0 };
    TimeMs next_content_check_ms { 0 };
    TimeMs next_stats_flush_ms { 0 };
    TimeMs next_self_check_ms { 0 };
    TimeMs session_start_ms { -1 };
    int uniform_frames { 0 };
    // The hidden staff gesture: long-press top-left, then long-press top-right within 5 s.
    TimeMs staff_corner_ms { -1 };
    int pin_failures { 0 };
    TimeMs pin_locked_until_ms { 0 };
    bool blanked { false };
    bool healthy { false };
    bool notified_ready { false };
    // $KIOSK_FRAME_LOG: per-frame draw+present times (µs) and cache figures, written at exit
    // for the benchmark.
    std::string frame_log_path;
    std::vector<uint32_t> frame_times_us;
    uint32_t last_frame_us { 0 };
    TimeMs last_watchdog_ms { -100000 };
};

App::App(Options options, Config config)
    : m_options(std::move(options))
    , m_config(std::move(config))
    , m_parts(std::make_unique<Parts>())
{
}

App::~App()
{
    if (m_parts && m_parts->stats && !m_parts->counts.empty())
        (void)m_parts->stats->add(m_parts->counts);
}

// [SECTION] Content: loading, reloading, the inbox

namespace {

std::unique_ptr<Content> load_content(const std::string& path)
{
    auto content = std::make_unique<Content>();
    content->path = path;
    content->id = file_id(path);
    auto store = store::Store::open(path, store::Verify::Quick);
    if (!store) {
        content->error = store.error();
        return content;
    }
    auto exhibition = store.value()->load_exhibition();
    if (!exhibition) {
        content->error = path + ": " + exhibition.error();
        return content;
    }
    content->store = store.release_value();
    content->exhibition = exhibition.release_value();
    return content;
}

std::optional<std::string> check_image(const std::vector<uint8_t>& bytes)
{
    return platform::check_image_decodes(bytes);
}

} // namespace

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

// [SECTION] Start-up

int App::start()
{
    auto& p = *m_parts;
    bool headless = !m_options.screenshot_path.empty() || m_options.headless;
    // Software rendering unless configured otherwise: the GL path under llvmpipe triples memory.
    setenv("SDL_FRAMEBUFFER_ACCELERATION", m_config.gpu_renderer ? "1" : "0", 0);
    if (headless)
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
    // SIGTERM and SIGINT stop the kiosk (systemd, staff at a console); SDL's own handlers would
    // turn them into SDL_QUIT, which a visitor's Alt+F4 also produces and the kiosk ignores.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    std::signal(SIGTERM, on_stop_signal);
    std::signal(SIGINT, on_stop_signal);
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    // The kiosk takes no typed text, and all its text handling is its own UTF-8: the C locale
    // spares X11's input method the UTF-8 compose tables at start-up (~10 ms).
    setenv("LC_ALL", "C", 1);
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    // In kiosk mode the keyboard is grabbed, so Alt+Tab and Super reach the kiosk (which ignores
    // them) rather than the desktop.
    if (!m_options.windowed) {
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
        SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
        SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    }
    trace("main");
    if (!p.sdl.init(SDL_INIT_VIDEO | SDL_INIT_EVENTS)) {
        std::fprintf(stderr,
            "kiosk: no display available (%s); for a headless preview run: kiosk --screenshot "
            "out.png [--size 1920x1080]\n",
            SDL_GetError());
        return 3;
    }
    platform::VideoConfig video_config;
    video_config.headless = headless;
    video_config.size = m_options.size;
    if (headless && (video_config.size.width == 0 || video_config.size.height == 0))
        video_config.size = { 1920, 1080 };
    video_config.fullscreen = !m_options.windowed;
    video_config.software = !m_config.gpu_renderer;
    if (m_options.windowed && video_config.size.width == 0)
        video_config.size = { 1280, 720 };
    auto video = platform::Video::create(video_config);
    if (!video) {
        std::fprintf(stderr, "kiosk: %s; for a headless preview run: kiosk --screenshot out.png\n",
            video.error().c_str());
        return 3;
    }
    p.video = video.release_value();
    trace("SDL and window");
    if (p.video->window() && !m_options.windowed)
        SDL_SetWindowKeyboardGrab(p.video->window(), SDL_TRUE);
    auto fonts = platform::FontSet::open(font_dirs());
    std::string font_problem;
    if (!fonts) {
        // Never a black screen: with any font at all, say what is wrong.
        log_error(fonts.error());
        font_problem
            = "the exhibition fonts are missing (install fonts-noto-core and fonts-noto-cjk)";
        fonts = platform::FontSet::open_fallback();
        if (!fonts) {
            log_error(fonts.error());
            return 4;
        }
    }
    p.fonts = fonts.release_value();
    trace("fonts");

    SDL_Renderer* sdl_renderer = p.video->renderer();
    p.text = std::make_unique<platform::TextRenderer>(sdl_renderer, *p.fonts, TEXT_CACHE_BYTES);
    Parts* parts = &p;
    p.images = std::make_unique<platform::ImageCache>(
        sdl_renderer,
        [parts](const std::string& id) -> std::optional<std::vector<uint8_t>> {
            if (!parts->content || !parts->content->store)
                return std::nullopt;
            auto bytes = parts->content->store->load_image(id);
            if (!bytes)
                return std::nullopt;
            return bytes.release_value();
        },
        IMAGE_CACHE_BYTES);
    // The screens draw every picture on the sand panel (slides, cards, the map's panel).
    p.images->set_matte(screens::palette::SAND);
    p.renderer = std::make_unique<platform::Renderer>(sdl_renderer, *p.images, *p.text);
    // Sharp repaints of the map on a thread of their own, except for a one-frame screenshot.
    p.renderer->set_background_painting(m_options.screenshot_path.empty());
    p.staff = std::make_unique<screens::StaffScreen>(*p.fonts);
    p.input = platform::InputMapper(m_config.touch);
    p.gestures.set_config(GestureConfig::for_scale(
        static_cast<float>(std::min(p.video->size().width, p.video->size().height)) / 1080.0f));

    std::string db_path = m_options.db_path.empty() ? default_db_path() : m_options.db_path;
    auto paths = store::install_paths(m_config.state_dir);
    // A crash loop (three starts within a minute each) on the installed content: go back to the
    // previous file, which ran before the last install.
    if (db_path == paths.current && m_options.screenshot_path.empty() && count_start() >= 3
        && fs::exists(paths.previous)) {
        log_error("the kiosk keeps restarting; rolling back to the previous content");
        if (store::roll_back(paths))
            write_starts(0);
    }
    auto content = load_content(db_path);
    // A broken current file with a good previous one (a bad install): roll back.
    if (!content->error.empty() && db_path == paths.current && fs::exists(paths.previous)) {
        log_error(
            "current content unusable (" + content->error + "); rolling back to the previous file");
        if (store::roll_back(paths))
            content = load_content(db_path);
    }
    if (!font_problem.empty())
        content->error = font_problem;
    if (!content->error.empty())
        log_error(content->error);
    else
        log_info("showing " + db_path + " (content " + content->store->info().content_version + ", "
            + std::to_string(content->exhibition.slides.size()) + " slides)");
    p.content = std::move(content);
    use_disk_cache();
    trace("content");
    if (m_options.screenshot_path.empty()) {
        fs::path stats_path = fs::path(m_config.state_dir) / "stats.db";
        std::error_code ec;
        if (fs::is_directory(m_config.state_dir, ec)) {
            auto stats = store::StatsDb::open(stats_path.string());
            if (stats)
                p.stats = stats.release_value();
            else
                log_warning("interaction counts disabled: " + stats.error());
        }
    }

    rebuild_screens();
    return 0;
}

// Rasterised pictures survive restarts in the state folder's cache (or the user's cache): the
// first frame after a restart then needs no SVG decoding.
void App::use_disk_cache()
{
    auto& p = *m_parts;
    if (!p.content->store || !m_options.screenshot_path.empty())
        return;
    std::string dir = m_config.state_dir + "/cache";
    std::error_code ec;
    if (!fs::is_directory(m_config.state_dir, ec)
        || ::access(m_config.state_dir.c_str(), W_OK) != 0) {
        const char* xdg = std::getenv("XDG_CACHE_HOME");
        const char* home = std::getenv("HOME");
        if (xdg && *xdg)
            dir = std::string(xdg) + "/kiosk";
        else if (home && *home)
            dir = std::string(home) + "/.cache/kiosk";
        else
            return;
    }
    p.images->set_disk_cache(dir, p.content->store->info().checksum);
}

// The start counter (state folder/.starts: "count epoch-seconds"): a start within a minute of
// the last one counts up; a quiet two minutes of running resets it (in advance()).
int App::count_start()
{
    std::string path = m_config.state_dir + "/.starts";
    int count = 0;
    long long last = 0;
    if (FILE* f = std::fopen(path.c_str(), "r")) {
        if (std::fscanf(f, "%d %lld", &count, &last) != 2)
            count = 0;
        std::fclose(f);
    }
    long long now = static_cast<long long>(std::time(nullptr));
    count = (now - last < 60) ? count + 1 : 1;
    write_starts(count);
    return count;
}

void App::write_starts(int count)
{
    std::string path = m_config.state_dir + "/.starts";
    std::string temp = path + ".tmp";
    if (FILE* f = std::fopen(temp.c_str(), "w")) {
        std::fprintf(f, "%d %lld\n", count, static_cast<long long>(std::time(nullptr)));
        if (std::fclose(f) == 0)
            std::rename(temp.c_str(), path.c_str());
    }
}

void App::rebuild_screens()
{
    auto& p = *m_parts;
    p.fallback = std::make_unique<screens::FallbackScreen>(*p.fonts, p.content->error);
    screens::AttractConfig attract_config;
    attract_config.langs = p.content->exhibition.meta.attract_langs;
    if (m_options.lang)
        attract_config.langs = { *m_options.lang };
    attract_config.hold = m_options.hold || !m_options.screenshot_path.empty();
    p.screens = std::make_unique<Screens>(
        screens::Context { p.content->exhibition, *p.fonts }, attract_config, [this]() {
            auto& parts = *m_parts;
            if (!parts.map_tried) {
                parts.map_tried = true;
                parts.map = load_map();
            }
            return parts.map.get();
        });
    MachineConfig machine_config;
    machine_config.default_lang = m_options.lang.value_or(
        m_config.default_lang.value_or(p.content->exhibition.meta.default_lang));
    machine_config.idle_timeout_ms = m_config.idle_timeout_s > 0
        ? m_config.idle_timeout_s * 1000
        : p.content->exhibition.meta.idle_timeout_ms;
    machine_config.hold = m_options.hold || !m_options.screenshot_path.empty();
    // The first time: the screen asked for; after a content reload: the attract loop.
    ScreenRef start = p.machine ? ScreenRef { ScreenKind::Attract, {} }
                                : m_options.screen.value_or(ScreenRef { ScreenKind::Attract, {} });
    p.machine = std::make_unique<ScreenMachine>(machine_config, start, p.clock.now_ms());
    p.shown = nullptr;
    p.dirty = true;
}

// [SECTION] Input and navigation

screens::Screen* App::current_screen()
{
    auto& p = *m_parts;
    auto& ref = p.machine->current();
    if (p.shown && ref == p.shown_ref)
        return p.shown;
    screens::Screen* screen = nullptr;
    if (ref.kind == ScreenKind::Staff)
        screen = p.staff.get();
    else if (!p.content->error.empty())
        screen = p.fallback.get();
    else
        screen = p.screens->resolve(ref);
    if (!screen) {
        // An unknown id (or a screen this content cannot show) falls back to home: never a dead
        // end.
        if (ref.kind != ScreenKind::Home)
            log_warning("no screen " + screen_ref_name(ref) + " in this content; showing home");
        screen = &p.screens->home;
    }
    if (screen != p.staff.get())
        p.staff->lock();
    p.shown = screen;
    p.shown_ref = ref;
    screen->enter(p.clock.now_ms());
    if (screen == p.staff.get()) {
        screens::StaffInfo info;
        info.content_path = p.content->path;
        if (p.content->store) {
            info.content_version = p.content->store->info().content_version;
            info.content_installed = p.content->store->info().built_at;
        }
        info.last_errors = recent_problems();
        if (p.stats) {
            flush_stats();
            info.counts = { { "sessions", p.stats->total_of_kind("session") },
                { "screens", p.stats->total_of_kind("screen") },
                { "places", p.stats->total_of_kind("place") },
                { "vi", p.stats->total("lang", "vi") }, { "ja", p.stats->total("lang", "ja") },
                { "en", p.stats->total("lang", "en") } };
        }
        info.default_lang = m_config.default_lang.value_or(p.content->exhibition.meta.default_lang);
        info.idle_timeout_s = m_config.idle_timeout_s > 0
            ? m_config.idle_timeout_s
            : p.content->exhibition.meta.idle_timeout_ms / 1000;
        info.pin_configured = !m_config.staff_pin_hash.empty();
        p.staff->set_info(std::move(info));
    } else if (ref.kind != ScreenKind::Attract) {
        count("screen", screen_ref_name({ ref.kind, {} }));
    }
    return screen;
}

void App::count(const std::string& kind, const std::string& key, int64_t n)
{
    m_parts->counts[{ today(), kind, key }] += n;
}

void App::draw_frame()
{
    auto& p = *m_parts;
    screens::Frame frame;
    frame.metrics = screens::Metrics::for_screen(p.video->size());
    frame.now_ms = p.clock.now_ms();
    frame.lang = p.machine->lang();
    frame.pressed = p.pressed;
    p.draw_list.reset();
    if (p.blanked) {
        p.draw_list.clear({ 0, 0, 0, 255 });
    } else {
        current_screen()->draw(p.draw_list, frame);
    }
    p.renderer->play(p.draw_list, p.video->size());
    ++p.frames;
}

void App::apply_nav(const screens::Nav& nav)
{
    auto& p = *m_parts;
    TimeMs now = p.clock.now_ms();
    using screens::NavKind;
    switch (nav.kind) {
    case NavKind::None:
        return;
    case NavKind::Attract:
        p.machine->go({ ScreenKind::Attract, {} }, now);
        break;
    case NavKind::Home:
        p.machine->go({ ScreenKind::Home, {} }, now);
        break;
    case NavKind::Back:
        p.machine->back(now);
        break;
    case NavKind::SetLang:
        p.machine->set_lang(nav.lang, now);
        count("lang", std::string(lang_code(nav.lang)));
        break;
    case NavKind::Partnership:
        p.machine->go({ ScreenKind::Partnership, nav.id }, now);
        break;
    case NavKind::Topic:
        p.machine->go({ ScreenKind::Topic, nav.id }, now);
        break;
    case NavKind::Slide:
    case NavKind::NextSlide:
    case NavKind::PrevSlide:
        p.machine->go({ ScreenKind::Slide, nav.id }, now);
        break;
    case NavKind::Map:
        p.machine->go({ ScreenKind::Map, nav.id }, now);
        if (!nav.id.empty() && p.content->exhibition.find_place(nav.id))
            count("place", nav.id);
        break;
    case NavKind::Timeline:
        p.machine->go({ ScreenKind::Timeline, {} }, now);
        break;
    case NavKind::Chart:
        p.machine->go({ ScreenKind::Chart, nav.id }, now);
        break;
    case NavKind::Staff:
        p.machine->go({ ScreenKind::Staff, {} }, now);
        break;
    case NavKind::StaffAction:
        staff_action(nav.id);
        break;
    }
    p.dirty = true;
}

void App::staff_action(const std::string& action)
{
    auto& p = *m_parts;
    TimeMs now = p.clock.now_ms();
    if (action.rfind("pin:", 0) == 0) {
        if (now < p.pin_locked_until_ms) {
            p.staff->reject("Locked: wait "
                + std::to_string((p.pin_locked_until_ms - now + 999) / 1000) + " s");
            return;
        }
        std::string pin = action.substr(4);
        bool good = !m_config.staff_pin_hash.empty() && sodium_init() >= 0
            && crypto_pwhash_str_verify(m_config.staff_pin_hash.c_str(), pin.c_str(), pin.size())
                == 0;
        if (good) {
            p.pin_failures = 0;
            p.staff->unlock();
            log_info("staff screen unlocked");
            return;
        }
        // Rate limit: after three failures, a lockout that doubles each time (30 s, 60 s, ...).
        ++p.pin_failures;
        log_warning("wrong staff PIN (" + std::to_string(p.pin_failures) + " in a row)");
        if (p.pin_failures >= 3) {
            TimeMs lock_ms = 30000LL << std::min(p.pin_failures - 3, 6);
            p.pin_locked_until_ms = now + lock_ms;
            p.staff->reject("Locked: wait " + std::to_string(lock_ms / 1000) + " s");
        } else {
            p.staff->reject("Wrong PIN");
        }
        return;
    }
    if (!p.staff->unlocked())
        return;
    if (action == "exit") {
        log_info("staff: exit");
        p.exit_code = EXIT_STAFF_STOP;
    } else if (action == "restart") {
        log_info("staff: restart");
        p.exit_code = EXIT_RESTART;
    } else if (action == "export") {
        // The interaction counts as CSV, where staff can take them (a USB stick, if configured).
        flush_stats();
        std::string dir
            = m_config.export_dir.empty() ? m_config.state_dir + "/exports" : m_config.export_dir;
        std::error_code ec;
        fs::create_directories(dir, ec);
        auto csv = p.stats ? p.stats->export_csv()
                           : core::Result<std::string>(Error { "no interaction counts here" });
        std::string path = dir + "/interactions-" + today() + ".csv";
        std::FILE* f = csv ? std::fopen(path.c_str(), "w") : nullptr;
        bool ok
            = f && std::fwrite(csv.value().data(), 1, csv.value().size(), f) == csv.value().size();
        if (f)
            ok = std::fclose(f) == 0 && ok;
        std::string message
            = ok ? "CSV: " + path : "CSV export failed: " + (csv ? path : csv.error());
        (ok ? log_info : log_error)(message);
        p.staff->notice(message);
    } else if (action == "close") {
        p.machine->go({ ScreenKind::Attract, {} }, now);
    } else if (action.rfind("lang:", 0) == 0 || action.rfind("idle:", 0) == 0) {
        if (action.rfind("lang:", 0) == 0) {
            m_config.default_lang = parse_lang(action.substr(5));
            log_info("staff: default language " + action.substr(5));
        } else {
            int current = m_config.idle_timeout_s > 0
                ? m_config.idle_timeout_s
                : p.content->exhibition.meta.idle_timeout_ms / 1000;
            m_config.idle_timeout_s
                = std::clamp(current + (action == "idle:+" ? 15 : -15), 15, 600);
            log_info("staff: idle timeout " + std::to_string(m_config.idle_timeout_s) + " s");
        }
        // The machine takes the new settings; the staff screen stays open and shows them.
        rebuild_screens();
        p.machine->go({ ScreenKind::Staff, {} }, now);
        p.staff->unlock();
    } else if (action == "rollback") {
        auto paths = store::install_paths(m_config.state_dir);
        auto status = store::roll_back(paths);
        if (status)
            log_info("staff: rolled back to the previous content");
        else
            log_error("rollback: " + status.error());
        p.next_content_check_ms = 0;
        p.shown = nullptr;
    }
}

void App::handle_gestures()
{
    auto& p = *m_parts;
    if (p.pending.empty())
        return;
    core::merge_pinches(p.pending);
    screens::Frame frame;
    frame.metrics = screens::Metrics::for_screen(p.video->size());
    frame.lang = p.machine->lang();
    for (auto& g : p.pending) {
        TimeMs now = p.clock.now_ms();
        frame.now_ms = now;
        p.dirty = true;
        p.last_touch_ms = now;
        if (p.blanked) {
            // Outside opening hours a touch wakes the screen and does nothing else.
            p.blanked = false;
            continue;
        }
        if (p.session_start_ms < 0 && g.kind == GestureKind::Tap) {
            p.session_start_ms = now;
            count("session", "started");
        }
        auto* screen = current_screen();
        switch (g.kind) {
        case GestureKind::Press:
            p.pressed = g.point;
            break;
        case GestureKind::Release:
            p.pressed.reset();
            break;
        case GestureKind::Tap: {
            bool was_attract = p.machine->current().kind == ScreenKind::Attract;
            p.machine->touch(now);
            if (!was_attract)
                apply_nav(screen->on_tap(g.point, frame));
            break;
        }
        case GestureKind::Swipe:
            p.machine->touch(now);
            apply_nav(screen->on_swipe(g.delta.x, frame));
            break;
        case GestureKind::Pan:
            p.machine->touch(now);
            screen->on_pan(g.delta, g.velocity, frame);
            break;
        case GestureKind::PanEnd:
            screen->on_pan_end(g.velocity, frame);
            break;
        case GestureKind::Pinch:
            p.machine->touch(now);
            screen->on_pinch(g.point, g.delta, g.scale, frame);
            break;
        case GestureKind::LongPress: {
            p.machine->touch(now);
            // The staff gesture: long-press the top-left corner, then the top-right one.
            float corner = frame.metrics.target * 1.5f;
            float w = static_cast<float>(frame.metrics.screen.width);
            if (g.point.x < corner && g.point.y < corner) {
                p.staff_corner_ms = now;
            } else if (g.point.x > w - corner && g.point.y < corner && p.staff_corner_ms >= 0
                && now - p.staff_corner_ms < 5000) {
                p.staff_corner_ms = -1;
                log_info("staff gesture");
                apply_nav({ screens::NavKind::Staff, {} });
            }
            break;
        }
        case GestureKind::PanBegin:
        case GestureKind::PinchEnd:
            p.machine->touch(now);
            break;
        }
    }
    p.pending.clear();
}

void App::feed(const TouchSample& sample)
{
    m_parts->gestures.feed(sample, m_parts->pending);
}

void App::flush_stats()
{
    auto& p = *m_parts;
    if (!p.stats || p.counts.empty())
        return;
    auto status = p.stats->add(p.counts);
    if (!status)
        log_warning("interaction counts: " + status.error());
    p.counts.clear();
}

// Checks the shown file (replaced by kiosk-content install?) and the inbox for a new file. Only at
// a quiet moment: nobody touching, so a visitor never loses their place.
void App::check_content(bool quiet)
{
    auto& p = *m_parts;
    TimeMs now = p.clock.now_ms();
    if (now < p.next_content_check_ms || !quiet)
        return;
    p.next_content_check_ms = now + 5000;
    auto paths = store::install_paths(m_config.state_dir);
    std::error_code ec;
    if (p.content->path == paths.current && fs::is_directory(m_config.inbox_dir, ec)) {
        std::vector<fs::path> incoming;
        for (auto& entry : fs::directory_iterator(m_config.inbox_dir, ec)) {
            // Dot-names are transfers still in progress (rsync, Ansible): never touched.
            if (entry.is_regular_file() && entry.path().extension() == ".kiosk"
                && entry.path().filename().string()[0] != '.')
                incoming.push_back(entry.path());
        }
        std::sort(incoming.begin(), incoming.end());
        for (auto& file : incoming) {
            auto installed = store::install_content_file(file.string(), paths, check_image);
            if (installed) {
                log_info("installed " + file.filename().string() + " (content "
                    + installed.value().content_version + ")");
                fs::remove(file, ec);
            } else {
                log_error(installed.error());
                fs::create_directories(fs::path(m_config.inbox_dir) / "rejected", ec);
                fs::rename(file, fs::path(m_config.inbox_dir) / "rejected" / file.filename(), ec);
            }
        }
    }
    auto id = file_id(p.content->path);
    if (id == p.content->id)
        return;
    auto fresh = load_content(p.content->path);
    if (!fresh->error.empty()) {
        // Keep showing the old content; say so once per change of the file.
        log_error("new content refused, keeping the old one: " + fresh->error);
        p.content->id = id;
        return;
    }
    log_info("content reloaded: " + fresh->store->info().content_version);
    p.images->clear();
    p.text->clear();
    p.screens.reset();
    p.content = std::move(fresh);
    use_disk_cache();
    rebuild_screens();
}

// Notices a frame that is all one colour for too long (a broken driver, a lost texture) and
// recovers: caches dropped and a redraw, then the fallback screen.
void App::self_check()
{
    auto& p = *m_parts;
    TimeMs now = p.clock.now_ms();
    if (now < p.next_self_check_ms || p.blanked || p.frames == 0)
        return;
    p.next_self_check_ms = now + 60000;
    // 48 single pixels spread over the screen: enough to tell a picture from a blank, without
    // copying the whole frame.
    auto size = p.video->size();
    std::optional<uint32_t> first;
    bool uniform = true;
    for (int i = 0; i < 48 && uniform; ++i) {
        SDL_Rect at { (size.width - 1) * ((i * 7) % 48 + 1) / 49, (size.height - 1) * (i + 1) / 49,
            1, 1 };
        uint32_t pixel = 0;
        if (SDL_RenderReadPixels(p.video->renderer(), &at, SDL_PIXELFORMAT_ARGB8888, &pixel, 4)
            != 0)
            return;
        if (!first)
            first = pixel;
        else if (pixel != *first)
            uniform = false;
    }
    if (!uniform) {
        p.uniform_frames = 0;
        return;
    }
    ++p.uniform_frames;
    log_error("self-check: the frame is one colour (" + std::to_string(p.uniform_frames) + ")");
    p.text->clear();
    p.images->clear();
    p.dirty = true;
    if (p.uniform_frames >= 2) {
        p.content->error = "self-check: the screen stayed blank; showing this page instead";
        rebuild_screens();
    }
}

// [SECTION] The turn of the loop

bool App::advance(TimeMs now_ms)
{
    auto& p = *m_parts;
    p.clock.set(now_ms);
    TimeMs now = p.clock.now_ms();
    p.gestures.tick(now, p.pending);
    handle_gestures();
    if (p.machine->tick(now)) {
        p.dirty = true;
        if (p.session_start_ms >= 0) {
            count("session_seconds", "total", (now - p.session_start_ms) / 1000);
            p.session_start_ms = -1;
        }
    }
    if (p.machine->current() != p.shown_ref)
        p.dirty = true;
    bool quiet = p.machine->current().kind == ScreenKind::Attract || now - p.last_touch_ms > 30000;
    if (m_options.screenshot_path.empty())
        check_content(quiet && !p.gestures.active());
    // Opening hours: blank outside them once the kiosk is quiet (a touch wakes it for a while).
    if (m_config.on_minute >= 0 && m_config.off_minute >= 0 && quiet
        && now - p.last_touch_ms > 300000) {
        int minute = minute_of_day();
        bool open = m_config.on_minute <= m_config.off_minute
            ? (minute >= m_config.on_minute && minute < m_config.off_minute)
            : (minute >= m_config.on_minute || minute < m_config.off_minute);
        if (open == p.blanked) {
            p.blanked = !open;
            p.dirty = true;
            log_info(p.blanked ? "closing time: screen blanked" : "opening time: screen on");
        }
    }
    auto* screen = current_screen();
    if (screen == &p.screens->attract && p.screens->attract.update(now))
        p.dirty = true;
    bool drew = false;
    if (p.dirty || (p.frame_due && *p.frame_due <= now && !p.blanked)) {
        Uint64 t0 = SDL_GetPerformanceCounter();
        draw_frame();
        p.video->present();
        p.last_frame_us = static_cast<uint32_t>(
            (SDL_GetPerformanceCounter() - t0) * 1000000 / SDL_GetPerformanceFrequency());
        if (!p.frame_log_path.empty() && p.frame_times_us.size() < 1000000)
            p.frame_times_us.push_back(p.last_frame_us);
        p.dirty = false;
        drew = true;
        p.frame_due = p.blanked ? std::nullopt : current_screen()->next_frame_ms(now);
        // A sharper picture is being painted in the background: show it as soon as it is ready.
        if (p.renderer->waiting() && !p.blanked)
            p.frame_due = std::min(p.frame_due.value_or(now + 16), now + 16);
        // Decode what comes next (the next attract slide, a slide's neighbours) in a pause, never
        // during a cross-fade (a decode takes longer than a 60 fps frame).
        if (p.frames > 1 && (!p.frame_due || *p.frame_due - now >= 50)) {
            DrawList ahead;
            screens::Frame frame;
            frame.metrics = screens::Metrics::for_screen(p.video->size());
            frame.now_ms = now;
            frame.lang = p.machine->lang();
            current_screen()->draw_ahead(ahead, frame);
            p.renderer->preload(ahead, p.video->size());
        }
    }
    if (now >= p.next_stats_flush_ms && quiet) {
        p.next_stats_flush_ms = now + 60000;
        flush_stats();
    }
    if (m_options.screenshot_path.empty())
        self_check();
    // Two minutes up: this start was not part of a crash loop.
    if (!p.healthy && now >= 120000 && !m_options.headless && m_options.screenshot_path.empty()) {
        p.healthy = true;
        if (p.content->path == store::install_paths(m_config.state_dir).current)
            write_starts(0);
    }
    return drew;
}

TimeMs App::now_ms() const
{
    return m_parts->clock.now_ms();
}

std::optional<Point> App::target(const screens::Nav& nav)
{
    for (auto& hit : current_screen()->hits()) {
        if (hit.nav.kind == nav.kind && hit.nav.id == nav.id
            && (nav.kind != screens::NavKind::SetLang || hit.nav.lang == nav.lang))
            return Point { hit.rect.x + hit.rect.w / 2, hit.rect.y + hit.rect.h / 2 };
    }
    return std::nullopt;
}
std::optional<Point> App::marker(const std::string& place_id)
{
    auto& p = *m_parts;
    if (!p.screens || !p.screens->map || current_screen() != p.screens->map.get())
        return std::nullopt;
    return p.screens->map->marker_position(place_id);
}
std::string App::open_place()
{
    auto& p = *m_parts;
    if (!p.screens || !p.screens->map || current_screen() != p.screens->map.get())
        return {};
    return p.screens->map->open_place();
}
ScreenRef App::screen() const
{
    return m_parts->machine->current();
}
Lang App::lang() const
{
    return m_parts->machine->lang();
}
Size App::size() const
{
    return m_parts->video->size();
}
Status App::save_png(const std::string& path)
{
    auto& p = *m_parts;
    // The picture as it settles: pictures still being painted in the background are waited for.
    if (p.renderer->waiting()) {
        p.renderer->finish_background();
        draw_frame();
        p.video->present();
    }
    return p.video->save_png(path);
}
std::optional<int> App::exit_requested() const
{
    return m_parts->exit_code;
}
bool App::showing_fallback() const
{
    return !m_parts->content->error.empty();
}

std::string App::content_version() const
{
    auto& c = *m_parts->content;
    return c.store && c.error.empty() ? c.store->info().content_version : std::string {};
}

AppStats App::stats() const
{
    auto& p = *m_parts;
    AppStats s;
    s.frames = p.frames;
    s.last_frame_us = p.last_frame_us;
    auto t = p.text->stats();
    s.text_textures = t.textures;
    s.text_bytes = t.bytes;
    s.text_hits = t.hits;
    s.text_misses = t.misses;
    s.image_textures = p.images->count();
    s.image_bytes = p.images->bytes();
    s.image_hits = p.images->hits();
    s.image_misses = p.images->misses();
    return s;
}

// [SECTION] The real-time loop

int App::run()
{
    if (int code = start())
        return code;
    auto& p = *m_parts;
    if (!m_options.screenshot_path.empty()) {
        advance(0);
        auto saved = save_png(m_options.screenshot_path);
        if (!saved) {
            log_error(saved.error());
            return 1;
        }
        return showing_fallback() ? 5 : 0;
    }
    if (const char* log_path = std::getenv("KIOSK_FRAME_LOG"); log_path && *log_path)
        p.frame_log_path = log_path;
    Uint64 start_ticks = SDL_GetTicks64();
    auto real_now = [&]() { return static_cast<TimeMs>(SDL_GetTicks64() - start_ticks); };
    while (!g_stop_requested && !p.exit_code) {
        TimeMs now = real_now();
        // Sleep until input, the next animation frame, a timeout or a long-press.
        // At most 5 s asleep: the watchdog hears from the loop, the inbox is looked at.
        TimeMs wake = now + 5000;
        if (p.dirty)
            wake = now;
        if (p.frame_due)
            wake = std::min(wake, *p.frame_due);
        if (auto deadline = p.machine->idle_deadline_ms())
            wake = std::min(wake, *deadline);
        if (auto deadline = p.gestures.next_deadline_ms())
            wake = std::min(wake, *deadline);
        SDL_Event event;
        if (SDL_WaitEventTimeout(
                &event, static_cast<int>(std::clamp<TimeMs>(wake - now, 0, 5000)))) {
            do {
                if (event.type == SDL_QUIT && m_options.windowed)
                    g_stop_requested = true;
                if (event.type == SDL_KEYDOWN && m_options.windowed
                    && event.key.keysym.sym == SDLK_ESCAPE)
                    g_stop_requested = true;
                if (event.type == SDL_WINDOWEVENT) {
                    p.dirty = true;
                    // In kiosk mode the window comes back whatever tried to hide it.
                    if (!m_options.windowed && p.video->window()
                        && (event.window.event == SDL_WINDOWEVENT_MINIMIZED
                            || event.window.event == SDL_WINDOWEVENT_HIDDEN
                            || event.window.event == SDL_WINDOWEVENT_FOCUS_LOST)) {
                        SDL_RestoreWindow(p.video->window());
                        SDL_ShowWindow(p.video->window());
                        SDL_RaiseWindow(p.video->window());
                    }
                }
                if (event.type == SDL_RENDER_TARGETS_RESET
                    || event.type == SDL_RENDER_DEVICE_RESET) {
                    p.text->clear();
                    p.images->clear();
                    p.dirty = true;
                }
                if (auto sample = p.input.map(event, p.video->size(), real_now()))
                    feed(*sample);
            } while (SDL_PollEvent(&event));
        }
        bool drew = advance(real_now());
        if (drew && !p.notified_ready) {
            trace("first frame presented");
            sd_notify(0, "READY=1\nSTATUS=showing the exhibition");
            p.notified_ready = true;
            if (m_options.exit_after_first_frame)
                break;
        }
        // The watchdog hears from the loop itself: a hang anywhere stops the pings.
        if (real_now() - p.last_watchdog_ms >= 4000) {
            sd_notify(0, "WATCHDOG=1");
            p.last_watchdog_ms = real_now();
        }
    }
    sd_notify(0, "STOPPING=1");
    flush_stats();
    if (!p.frame_log_path.empty()) {
        if (FILE* f = std::fopen(p.frame_log_path.c_str(), "w")) {
            auto s = stats();
            std::fprintf(f,
                "# frames=%llu text_hits=%llu text_misses=%llu text_bytes=%zu text_textures=%zu "
                "image_hits=%llu image_misses=%llu image_bytes=%zu\n",
                static_cast<unsigned long long>(s.frames),
                static_cast<unsigned long long>(s.text_hits),
                static_cast<unsigned long long>(s.text_misses), s.text_bytes, s.text_textures,
                static_cast<unsigned long long>(s.image_hits),
                static_cast<unsigned long long>(s.image_misses), s.image_bytes);
            for (auto us : p.frame_times_us)
                std::fprintf(f, "%u\n", us);
            std::fclose(f);
        }
    }
    return p.exit_code.value_or(0);
}

} // namespace kiosk::app
