// The loop: wait for input or the next animation step, advance the virtual clock from real time,
// let the screen machine apply timeouts, redraw only when something changed.
#include "kiosk/app/app.h"

#include "kiosk/core/draw_list.h"
#include "kiosk/core/gesture.h"
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
#include "kiosk/screens/slide_screen.h"
#include "kiosk/store/store.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace kiosk::app {

using namespace core;

namespace {

std::atomic<bool> g_stop_requested { false };

void on_stop_signal(int)
{
    g_stop_requested = true;
}

} // namespace

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

// The screens, each owning its state; the machine says which one is showing.
struct Screens {
    Screens(screens::Context ctx, screens::AttractConfig attract_config)
        : attract(ctx, std::move(attract_config))
        , home(ctx)
        , partnership(ctx)
        , topic(ctx)
        , slide(ctx)
        , chart(ctx)
        , timeline(ctx)
    {
    }
    screens::AttractScreen attract;
    screens::HomeScreen home;
    screens::PartnershipScreen partnership;
    screens::TopicScreen topic;
    screens::SlideScreen slide;
    screens::ChartScreen chart;
    screens::TimelineScreen timeline;

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
        case ScreenKind::Staff:
            return nullptr;
        }
        return nullptr;
    }
};

struct App::Parts {
    // Destroyed bottom-up: screens and caches before the renderer, the renderer before the window.
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
    std::unique_ptr<Screens> screens;
    std::unique_ptr<ScreenMachine> machine;
    GestureRecognizer gestures;
    platform::InputMapper input;
    VirtualClock clock;
    DrawList draw_list;
    screens::Screen* shown { nullptr };
    ScreenRef shown_ref;
    std::optional<Point> pressed;
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
    // SIGTERM and SIGINT stop the kiosk (systemd, staff); SDL's own handlers would turn them into
    // SDL_QUIT, which a visitor's Alt+F4 also produces and which the kiosk ignores.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    std::signal(SIGTERM, on_stop_signal);
    std::signal(SIGINT, on_stop_signal);
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
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
    screens::AttractConfig attract_config;
    attract_config.langs = p.exhibition.meta.attract_langs;
    if (m_options.lang)
        attract_config.langs = { *m_options.lang };
    attract_config.hold = m_options.hold || headless;
    p.screens
        = std::make_unique<Screens>(screens::Context { p.exhibition, *p.fonts }, attract_config);

    MachineConfig machine_config;
    machine_config.default_lang = m_options.lang.value_or(p.exhibition.meta.default_lang);
    machine_config.idle_timeout_ms = p.exhibition.meta.idle_timeout_ms;
    machine_config.hold = m_options.hold || headless;
    ScreenRef start = m_options.screen.value_or(ScreenRef { ScreenKind::Attract, {} });
    p.machine = std::make_unique<ScreenMachine>(machine_config, start, 0);
    p.gestures.set_config(GestureConfig::for_scale(
        static_cast<float>(std::min(p.video->size().width, p.video->size().height)) / 1080.0f));

    // Finds the screen for the machine's place; an unknown id falls back to home, and no content
    // at all to the fallback screen, so there is always something readable to show.
    auto current_screen = [&]() -> screens::Screen* {
        if (!p.content_error.empty())
            return p.fallback.get();
        auto& ref = p.machine->current();
        if (p.shown && ref == p.shown_ref)
            return p.shown;
        auto* screen = p.screens->resolve(ref);
        if (!screen) {
            if (ref.kind != ScreenKind::Home)
                std::fprintf(
                    stderr, "kiosk: no screen %s; showing home\n", screen_ref_name(ref).c_str());
            screen = &p.screens->home;
        }
        p.shown = screen;
        p.shown_ref = ref;
        screen->enter(p.clock.now_ms());
        return screen;
    };

    auto frame_now = [&]() {
        screens::Frame frame;
        frame.metrics = screens::Metrics::for_screen(p.video->size());
        frame.now_ms = p.clock.now_ms();
        frame.lang = p.machine->lang();
        frame.pressed = p.pressed;
        return frame;
    };

    auto draw_frame = [&]() {
        auto frame = frame_now();
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

    auto apply_nav = [&](const screens::Nav& nav) {
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
        }
    };

    std::vector<Gesture> gestures;
    auto handle_gestures = [&]() -> bool {
        bool changed = false;
        for (auto& g : gestures) {
            auto frame = frame_now();
            auto* screen = current_screen();
            changed = true;
            switch (g.kind) {
            case GestureKind::Press:
                p.pressed = g.point;
                break;
            case GestureKind::Release:
                p.pressed.reset();
                break;
            case GestureKind::Tap: {
                bool was_attract = p.machine->current().kind == ScreenKind::Attract;
                p.machine->touch(p.clock.now_ms());
                if (!was_attract)
                    apply_nav(screen->on_tap(g.point, frame));
                break;
            }
            case GestureKind::Swipe:
                p.machine->touch(p.clock.now_ms());
                apply_nav(screen->on_swipe(g.delta.x, frame));
                break;
            case GestureKind::Pan:
                p.machine->touch(p.clock.now_ms());
                screen->on_pan(g.delta, g.velocity, frame);
                break;
            case GestureKind::PanEnd:
                screen->on_pan_end(g.velocity, frame);
                break;
            case GestureKind::Pinch:
                p.machine->touch(p.clock.now_ms());
                screen->on_pinch(g.point, g.scale, frame);
                break;
            case GestureKind::LongPress:
            case GestureKind::PanBegin:
            case GestureKind::PinchEnd:
                p.machine->touch(p.clock.now_ms());
                break;
            }
        }
        gestures.clear();
        return changed;
    };

    bool dirty = true;
    Uint64 start_ticks = SDL_GetTicks64();
    auto sync_clock = [&]() { p.clock.set(static_cast<TimeMs>(SDL_GetTicks64() - start_ticks)); };
    while (!g_stop_requested) {
        sync_clock();
        TimeMs now = p.clock.now_ms();
        // Sleep until input, the next animation frame, the idle timeout or a long-press.
        TimeMs wake = now + 1000;
        if (dirty)
            wake = now;
        if (auto next = current_screen()->next_frame_ms(now))
            wake = std::min(wake, *next);
        if (auto deadline = p.machine->idle_deadline_ms())
            wake = std::min(wake, *deadline);
        if (auto deadline = p.gestures.next_deadline_ms())
            wake = std::min(wake, *deadline);
        SDL_Event event;
        int timeout_ms = static_cast<int>(std::clamp<TimeMs>(wake - now, 0, 1000));
        if (SDL_WaitEventTimeout(&event, timeout_ms)) {
            do {
                sync_clock();
                if (event.type == SDL_QUIT && m_options.windowed)
                    g_stop_requested = true;
                if (event.type == SDL_KEYDOWN && m_options.windowed
                    && event.key.keysym.sym == SDLK_ESCAPE)
                    g_stop_requested = true;
                if (event.type == SDL_WINDOWEVENT || event.type == SDL_RENDER_TARGETS_RESET)
                    dirty = true;
                if (auto sample = p.input.map(event, p.video->size(), p.clock.now_ms()))
                    p.gestures.feed(*sample, gestures);
            } while (SDL_PollEvent(&event));
        }
        sync_clock();
        now = p.clock.now_ms();
        p.gestures.tick(now, gestures);
        if (handle_gestures())
            dirty = true;
        if (p.machine->tick(now))
            dirty = true;
        if (p.machine->current() != p.shown_ref)
            dirty = true;
        auto* screen = current_screen();
        if (screen == &p.screens->attract && p.screens->attract.update(now))
            dirty = true;
        auto next = screen->next_frame_ms(now);
        if (dirty || (next && *next <= now)) {
            draw_frame();
            p.video->present();
            dirty = false;
            if (m_options.exit_after_first_frame)
                break;
            // Decode the next attract slide's picture while there is time before the next frame.
            if (screen == &p.screens->attract) {
                DrawList ahead;
                p.screens->attract.draw_upcoming(ahead, frame_now());
                p.renderer->preload(ahead);
            }
        }
    }
    return 0;
}

} // namespace kiosk::app
