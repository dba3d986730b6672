// The picture side of the app, built in one go and torn down in the right order: SDL and the
// window (or a surface), the fonts, the text and picture caches, the renderer that plays a
// DrawList, and the event pump.
#pragma once

#include "kiosk/app/config.h"
#include "kiosk/app/run_mode.h"
#include "kiosk/platform/event_pump.h"
#include "kiosk/platform/fonts.h"
#include "kiosk/platform/images.h"
#include "kiosk/platform/renderer.h"
#include "kiosk/platform/text_renderer.h"
#include "kiosk/platform/video.h"
#include "kiosk/platform/video_player.h"

#include <memory>
#include <string>
#include <variant>

namespace kiosk::app {

class Display {
public:
    // Picture bytes by id, from the content shown (the image cache asks on a miss).
    using PictureSource = platform::ImageCache::Loader;
    // How to read a video's bytes by id, from the content shown.
    using VideoSource = platform::VideoPlayers::Opener;

    // The exit code when it fails: 3 no display, 4 no font at all (the reason is printed).
    struct Failure {
        int exit_code;
    };
    static std::variant<std::unique_ptr<Display>, Failure> open(const RunTraits& run,
        const Config& config, core::Size requested, PictureSource pictures,
        VideoSource videos = {});
    Display(const Display&) = delete;
    Display& operator=(const Display&) = delete;
    ~Display() = default;

    platform::Video& video() { return *m_video; }
    platform::FontSet& fonts() { return *m_fonts; }
    platform::TextRenderer& text() { return *m_text; }
    platform::ImageCache& images() { return *m_images; }
    platform::VideoPlayers& videos() { return *m_videos; }
    platform::Renderer& renderer() { return *m_renderer; }
    platform::EventPump& pump() { return *m_pump; }
    core::Size size() const { return m_video->size(); }
    // Non-empty when the exhibition's fonts are missing and a stand-in face draws instead.
    const std::string& font_problem() const { return m_font_problem; }
    // Drops every cached texture (lost textures, new content, a blank frame).
    void drop_caches();

private:
    Display() = default;
    // Destroyed bottom-up: caches before the renderer, the renderer before the window, SDL last.
    platform::SdlLibrary m_sdl;
    std::unique_ptr<platform::Video> m_video;
    std::unique_ptr<platform::FontSet> m_fonts;
    std::unique_ptr<platform::TextRenderer> m_text;
    std::unique_ptr<platform::ImageCache> m_images;
    std::unique_ptr<platform::Renderer> m_renderer;
    // Its decoders stop and its textures go before the renderer's window.
    std::unique_ptr<platform::VideoPlayers> m_videos;
    std::unique_ptr<platform::EventPump> m_pump;
    std::string m_font_problem;
};

} // namespace kiosk::app
