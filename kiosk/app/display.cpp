// Building the picture side.
#include "kiosk/app/display.h"

#include "kiosk/app/log.h"
#include "kiosk/app/paths.h"
#include "kiosk/screens/theme.h"

#include <cstdio>

namespace kiosk::app {

namespace {

// Texture budgets: enough for a screen and the next one at 4K, small enough for a small board.
constexpr size_t TEXT_CACHE_BYTES = size_t { 12 } << 20;
constexpr size_t IMAGE_CACHE_BYTES = size_t { 24 } << 20;

} // namespace

std::variant<std::unique_ptr<Display>, Display::Failure> Display::open(const RunTraits& run,
    const Config& config, core::Size requested, PictureSource pictures, VideoSource videos)
{
    std::unique_ptr<Display> d(new Display());
    bool windowed = run.windowed;
    auto sdl = platform::start_sdl(d->m_sdl, { run.headless, windowed, config.gpu_renderer });
    platform::VideoConfig video_config;
    video_config.headless = run.headless;
    video_config.size = requested;
    if (run.headless && (requested.width == 0 || requested.height == 0))
        video_config.size = { 1920, 1080 };
    if (windowed && requested.width == 0)
        video_config.size = { 1280, 720 };
    video_config.fullscreen = run.mode == RunMode::Kiosk;
    video_config.software = !config.gpu_renderer;
    auto video = sdl ? platform::Video::create(video_config)
                     : core::Result<std::unique_ptr<platform::Video>>(core::Error { sdl.error() });
    if (!video) {
        std::fprintf(stderr,
            "kiosk: %s; for a headless preview run: kiosk --screenshot out.png [--size "
            "1920x1080]\n",
            video.error().c_str());
        return Failure { 3 };
    }
    d->m_video = video.release_value();
    trace_start("SDL and window");
    auto fonts = platform::FontSet::open(font_dirs());
    if (!fonts) {
        // Never a black screen: with any font at all, say what is wrong.
        log_error(fonts.error());
        d->m_font_problem
            = "the exhibition fonts are missing (install fonts-noto-core and fonts-noto-cjk)";
        fonts = platform::FontSet::open_fallback();
        if (!fonts) {
            log_error(fonts.error());
            return Failure { 4 };
        }
    }
    d->m_fonts = fonts.release_value();
    d->m_fonts->set_phrase_model(load_phrase_model());
    trace_start("fonts");
    auto* renderer = d->m_video->renderer();
    d->m_text = std::make_unique<platform::TextRenderer>(renderer, *d->m_fonts, TEXT_CACHE_BYTES);
    d->m_images
        = std::make_unique<platform::ImageCache>(renderer, std::move(pictures), IMAGE_CACHE_BYTES);
    // The screens draw every picture on the sand panel (slides, cards, the map's panel).
    d->m_images->set_matte(screens::palette::SAND);
    d->m_renderer = std::make_unique<platform::Renderer>(renderer, *d->m_images, *d->m_text);
    d->m_renderer->set_background_painting(run.paints_in_background);
    // With no display (a screenshot, a driven test) each frame waits for its video frame: the
    // same picture on every run.
    d->m_videos = std::make_unique<platform::VideoPlayers>(renderer, std::move(videos),
        run.headless ? platform::VideoPlayers::Pace::WaitForFrames
                     : platform::VideoPlayers::Pace::RealTime);
    d->m_renderer->set_videos(d->m_videos.get());
    d->m_pump = std::make_unique<platform::EventPump>(*d->m_video, config.touch, windowed);
    return d;
}

void Display::drop_caches()
{
    m_text->clear();
    m_images->clear();
    m_videos->clear();
}

} // namespace kiosk::app
