// Window and renderer creation. Under Xvfb there is no window manager, so desktop fullscreen waits
// for a configure that never comes (~200 ms); a borderless window of the display's size starts at
// once and looks the same.
#include "kiosk/platform/video.h"

namespace kiosk::platform {

Video::~Video()
{
    m_renderer.reset();
    m_window.reset();
    m_surface.reset();
}

core::Result<std::unique_ptr<Video>> Video::create(const VideoConfig& config)
{
    std::unique_ptr<Video> video(new Video());
    if (config.headless) {
        if (config.size.width <= 0 || config.size.height <= 0)
            return core::Error { "a headless frame needs a size (--size WxH)" };
        video->m_surface.reset(SDL_CreateRGBSurfaceWithFormat(
            0, config.size.width, config.size.height, 32, SDL_PIXELFORMAT_ARGB8888));
        if (!video->m_surface)
            return core::Error { std::string("cannot create a frame surface: ") + SDL_GetError() };
        video->m_renderer.reset(SDL_CreateSoftwareRenderer(video->m_surface.get()));
        if (!video->m_renderer)
            return core::Error { std::string("cannot create a software renderer: ")
                + SDL_GetError() };
        video->m_size = config.size;
        SDL_SetRenderDrawBlendMode(video->m_renderer.get(), SDL_BLENDMODE_BLEND);
        return video;
    }
    SDL_Rect bounds { 0, 0, config.size.width, config.size.height };
    if (config.size.width <= 0 || config.size.height <= 0) {
        if (SDL_GetDisplayBounds(0, &bounds) != 0)
            return core::Error { std::string("no display: ") + SDL_GetError() };
    }
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (config.fullscreen)
        flags |= SDL_WINDOW_BORDERLESS | SDL_WINDOW_ALWAYS_ON_TOP;
    video->m_window.reset(SDL_CreateWindow("Kiosk", bounds.x, bounds.y, bounds.w, bounds.h, flags));
    if (!video->m_window)
        return core::Error { std::string("cannot open a window: ") + SDL_GetError() };
    // Kiosk mode: the keyboard is the kiosk's (Alt+Tab, Super never reach a desktop).
    if (config.fullscreen)
        SDL_SetWindowKeyboardGrab(video->m_window.get(), SDL_TRUE);
    // A GPU renderer presents in step with the display (vsync); the software one has no vsync
    // to wait for, and the loop paces its animation frames itself.
    Uint32 renderer_flags = config.software
        ? SDL_RENDERER_SOFTWARE
        : (SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    video->m_renderer.reset(SDL_CreateRenderer(video->m_window.get(), -1, renderer_flags));
    if (!video->m_renderer && !config.software)
        video->m_renderer.reset(
            SDL_CreateRenderer(video->m_window.get(), -1, SDL_RENDERER_SOFTWARE));
    if (!video->m_renderer)
        return core::Error { std::string("cannot create a renderer: ") + SDL_GetError() };
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(video->m_renderer.get(), &w, &h);
    video->m_size = { w, h };
    SDL_SetRenderDrawBlendMode(video->m_renderer.get(), SDL_BLENDMODE_BLEND);
    SDL_ShowCursor(SDL_DISABLE);
    SDL_DisableScreenSaver();
    return video;
}

void Video::present()
{
    SDL_RenderPresent(m_renderer.get());
}

core::Status Video::save_png(const std::string& path)
{
    SurfacePtr frame = read_pixels();
    if (!frame)
        return core::Error { std::string("cannot read the frame: ") + SDL_GetError() };
    if (IMG_SavePNG(frame.get(), path.c_str()) != 0)
        return core::Error { "cannot write " + path + ": " + IMG_GetError() };
    return core::ok_status();
}

SurfacePtr Video::read_pixels()
{
    SurfacePtr frame(SDL_CreateRGBSurfaceWithFormat(
        0, m_size.width, m_size.height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!frame)
        return nullptr;
    if (SDL_RenderReadPixels(
            m_renderer.get(), nullptr, SDL_PIXELFORMAT_ARGB8888, frame->pixels, frame->pitch)
        != 0)
        return nullptr;
    return frame;
}

std::optional<bool> Video::frame_is_uniform()
{
    std::optional<uint32_t> first;
    for (int i = 0; i < 48; ++i) {
        SDL_Rect at { (m_size.width - 1) * ((i * 7) % 48 + 1) / 49,
            (m_size.height - 1) * (i + 1) / 49, 1, 1 };
        uint32_t pixel = 0;
        if (SDL_RenderReadPixels(m_renderer.get(), &at, SDL_PIXELFORMAT_ARGB8888, &pixel, 4) != 0)
            return std::nullopt;
        if (!first)
            first = pixel;
        else if (pixel != *first)
            return false;
    }
    return true;
}

} // namespace kiosk::platform
