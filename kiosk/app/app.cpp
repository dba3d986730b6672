// The loop: wait for input or the next animation step, advance the virtual clock from real time,
// let the screen machine apply timeouts, redraw only when something changed.
#include "kiosk/app/app.h"

#include "kiosk/core/draw_list.h"
#include "kiosk/platform/fonts.h"
#include "kiosk/platform/images.h"
#include "kiosk/platform/renderer.h"
#include "kiosk/platform/sdl_handles.h"
#include "kiosk/platform/text_renderer.h"
#include "kiosk/platform/video.h"
#include "kiosk/screens/fallback_screen.h"
#include "kiosk/screens/slide_screen.h"
#include "kiosk/store/store.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace kiosk::app {

using namespace core;

std::string default_db_path()
{
    if (const char* env = std::getenv("KIOSK_DB"); env && *env)
        return env;
    std::error_code ec;
    for (const char* candidate :
        { KIOSK_DEFAULT_DB, "/var/lib/kiosk/current.kiosk", KIOSK_INSTALL_DATA_DIR "/kiosk.db" }) {
        if (std::filesystem::exists(candidate, ec))
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

struct App::Parts {
    // Declared in teardown order's reverse: screens and caches go before the renderer and window.
    platform::SdlLibrary sdl;
    std::unique_ptr<platform::Video> video;
    std::unique_ptr<platform::FontSet> fonts;
    std::unique_ptr<store::Store> store;
    Exhibition exhibition;
    std::string content_error;
    std::unique_ptr<platform::TextRenderer> text;
    std::unique_ptr<platform::ImageCache> images;
    std::unique_ptr<platform::Renderer> renderer;
    std::unique_ptr<screens::FallbackScreen> fallback;
    std::unique_ptr<screens::SlideScreen> slide;
    std::unique_ptr<ScreenMachine> machine;
    VirtualClock clock;
    DrawList draw_list;
};

App::App(Options options)
    : m_options(std::move(options))
    , m_parts(std::make_unique<Parts>())
{
}

App::~App() = default;

int App::run()
{
    auto& p = *m_parts;
    bool headless = !m_options.screenshot_path.empty();
    // Software rendering unless configured otherwise: the GL path under llvmpipe triples memory.
    setenv("SDL_FRAMEBUFFER_ACCELERATION", "0", 0);
    if (headless)
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
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
    if (m_options.windowed && video_config.size.width == 0)
        video_config.size = { 1280, 720 };
    auto video = platform::Video::create(video_config);
    if (!video) {
        std::fprintf(stderr, "kiosk: %s; for a headless preview run: kiosk --screenshot out.png\n",
            video.error().c_str());
        return 3;
    }
    p.video = video.release_value();
    auto fonts = platform::FontSet::open(font_dirs());
    if (!fonts) {
        std::fprintf(stderr, "kiosk: %s\n", fonts.error().c_str());
        return 4;
    }
    p.fonts = fonts.release_value();

    std::string db_path = m_options.db_path.empty() ? default_db_path() : m_options.db_path;
    auto store = store::Store::open(db_path, store::Verify::Quick);
    if (store) {
        p.store = store.release_value();
        auto exhibition = p.store->load_exhibition();
        if (exhibition)
            p.exhibition = exhibition.release_value();
        else
            p.content_error = db_path + ": " + exhibition.error();
    } else {
        p.content_error = store.error();
    }
    if (!p.content_error.empty()) {
        std::fprintf(stderr, "kiosk: %s\n", p.content_error.c_str());
        p.store.reset();
    }

    SDL_Renderer* sdl_renderer = p.video->renderer();
    p.text = std::make_unique<platform::TextRenderer>(sdl_renderer, *p.fonts, size_t { 24 } << 20);
    store::Store* store_ptr = p.store.get();
    p.images = std::make_unique<platform::ImageCache>(
        sdl_renderer,
        [store_ptr](const std::string& id) -> std::optional<std::vector<uint8_t>> {
            if (!store_ptr)
                return std::nullopt;
            auto bytes = store_ptr->load_image(id);
            if (!bytes)
                return std::nullopt;
            return bytes.release_value();
        },
        size_t { 48 } << 20);
    p.renderer = std::make_unique<platform::Renderer>(sdl_renderer, *p.images, *p.text);
    p.fallback = std::make_unique<screens::FallbackScreen>(*p.fonts, p.content_error);
    screens::Context ctx { p.exhibition, *p.fonts };
    p.slide = std::make_unique<screens::SlideScreen>(ctx);

    MachineConfig machine_config;
    machine_config.default_lang = m_options.lang.value_or(p.exhibition.meta.default_lang);
    machine_config.idle_timeout_ms = p.exhibition.meta.idle_timeout_ms;
    machine_config.hold = m_options.hold || headless;
    ScreenRef start = m_options.screen.value_or(ScreenRef { ScreenKind::Attract, {} });
    p.machine = std::make_unique<ScreenMachine>(machine_config, start, 0);

    auto current_screen = [&]() -> screens::Screen* {
        if (!p.content_error.empty())
            return p.fallback.get();
        auto& ref = p.machine->current();
        if (ref.kind == ScreenKind::Slide && p.slide->show(ref.id))
            return p.slide.get();
        auto attract = p.exhibition.attract_slides();
        if (!attract.empty() && p.slide->show(attract.front()->id))
            return p.slide.get();
        return p.fallback.get();
    };

    auto draw_frame = [&]() {
        screens::Frame frame;
        frame.metrics = screens::Metrics::for_screen(p.video->size());
        frame.now_ms = p.clock.now_ms();
        frame.lang = p.machine->lang();
        p.draw_list.reset();
        current_screen()->draw(p.draw_list, frame);
        p.renderer->play(p.draw_list, p.video->size());
    };

    if (headless) {
        draw_frame();
        auto saved = p.video->save_png(m_options.screenshot_path);
        if (!saved) {
            std::fprintf(stderr, "kiosk: %s\n", saved.error().c_str());
            return 1;
        }
        return p.content_error.empty() ? 0 : 5;
    }

    bool running = true;
    bool dirty = true;
    Uint64 start_ticks = SDL_GetTicks64();
    while (running) {
        SDL_Event event;
        bool animating = current_screen()->animating(p.clock.now_ms());
        int timeout_ms = animating || dirty ? 0 : 1000;
        if (auto deadline = p.machine->idle_deadline_ms())
            timeout_ms
                = std::min<TimeMs>(timeout_ms, std::max<TimeMs>(0, *deadline - p.clock.now_ms()));
        if (SDL_WaitEventTimeout(&event, timeout_ms)) {
            do {
                if (event.type == SDL_QUIT)
                    running = false;
                if (event.type == SDL_WINDOWEVENT)
                    dirty = true;
            } while (SDL_PollEvent(&event));
        }
        p.clock.set(static_cast<TimeMs>(SDL_GetTicks64() - start_ticks));
        if (p.machine->tick(p.clock.now_ms()))
            dirty = true;
        if (dirty || current_screen()->animating(p.clock.now_ms())) {
            draw_frame();
            p.video->present();
            dirty = false;
            if (m_options.exit_after_first_frame)
                running = false;
        }
    }
    return 0;
}

} // namespace kiosk::app
