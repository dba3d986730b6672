// The display: a borderless fullscreen window and its renderer, or, for previews, a software
// renderer drawing into a surface with no display at all.
#pragma once

#include "kiosk/core/geometry.h"
#include "kiosk/core/result.h"
#include "kiosk/platform/sdl_handles.h"

#include <memory>
#include <optional>
#include <string>

namespace kiosk::platform {

struct VideoConfig {
    core::Size size; // 0x0: the display's size
    bool headless { false }; // draw into a surface (screenshots), no window
    bool fullscreen { true }; // borderless, display-sized (kiosk); false: a plain window
    bool software { true }; // software renderer (SDL_FRAMEBUFFER_ACCELERATION=0); false: GPU
};

class Video {
public:
    static core::Result<std::unique_ptr<Video>> create(const VideoConfig& config);
    Video(const Video&) = delete;
    Video& operator=(const Video&) = delete;
    ~Video();

    SDL_Renderer* renderer() const { return m_renderer.get(); }
    SDL_Window* window() const { return m_window.get(); }
    core::Size size() const { return m_size; }
    bool headless() const { return m_surface != nullptr; }
    void present();
    // Writes what was drawn last as PNG.
    core::Status save_png(const std::string& path);
    // Reads the frame back; empty when unavailable.
    SurfacePtr read_pixels();
    // Whether the last frame is all one colour, judged from 48 pixels spread over it (enough to
    // tell a picture from a blank without copying the frame); nullopt when it cannot be read.
    std::optional<bool> frame_is_uniform();

private:
    Video() = default;
    // Teardown order: renderer before window and surface.
    SurfacePtr m_surface;
    WindowPtr m_window;
    RendererPtr m_renderer;
    core::Size m_size;
};

} // namespace kiosk::platform
