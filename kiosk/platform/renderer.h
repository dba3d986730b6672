// Plays a core::DrawList with SDL: rectangles, lines and triangles through SDL_RenderGeometry,
// layers of shapes through the vector painter (cairo), images from the ImageCache, text from the
// TextRenderer. Owns no content and no state across frames besides what its caches hold.
#pragma once

#include "kiosk/core/draw_list.h"
#include "kiosk/platform/images.h"
#include "kiosk/platform/sdl_handles.h"
#include "kiosk/platform/text_renderer.h"
#include "kiosk/platform/vector_painter.h"
#include "kiosk/platform/video_player.h"

#include <memory>
#include <optional>
#include <vector>

namespace kiosk::platform {

class Renderer {
public:
    Renderer(SDL_Renderer* renderer, ImageCache& images, TextRenderer& text)
        : m_renderer(renderer)
        , m_images(images)
        , m_text(text)
    {
    }

    // Clears to the list's colour and draws every command; does not present.
    void play(const core::DrawList& list, core::Size screen);
    // Decodes the list's images and shapes its text into the caches without drawing (ahead of
    // the frame that shows them, in the idle time after a present).
    void preload(const core::DrawList& list, core::Size screen);
    // Sharp repaints of a layer that may lag (core::BeginLayer::may_lag) on a thread of their
    // own. Off by default: a screenshot must show the finished picture.
    void set_background_painting(bool on);
    // Whether the last frame showed an older picture while a newer one is being painted: draw
    // another frame soon.
    bool waiting() const { return m_waiting; }
    // Blocks until the background painter has nothing in hand (for a picture that must be final).
    void finish_background();
    // Where DrawVideo takes its frames; without it a video shows its poster.
    void set_videos(VideoPlayers* videos) { m_videos = videos; }

private:
    struct Layer {
        uint64_t key { 0 };
        uint64_t version { 0 };
        core::Size size;
        TexturePtr texture;
        uint64_t requested { 0 }; // the version last sent to the background painter
    };
    void play_one(const core::DrawCommand& command);
    // Plays a BeginLayer..EndLayer run (redrawing the kept picture only when its version
    // changed); returns the index of the EndLayer.
    size_t play_layer(const std::vector<core::DrawCommand>& commands, size_t begin);
    void show_layer(const Layer& layer);
    // The pixel format kept layer pictures use (the window's, when that is XRGB).
    Uint32 layer_format();
    // Takes a picture painted in the background into the layer's texture.
    void adopt(Layer& layer, const BackgroundPainter::Picture& picture, Uint32 format);
    void fill_rect(const core::FillRect& command);
    void plain_rect(float x, float y, float w, float h, SDL_Color color);
    void stroke_rect(const core::StrokeRect& command);
    void line(const core::DrawLine& command);
    void polyline(const core::Polyline& command);
    void triangles(const core::Triangles& command);
    void image(const core::DrawImage& command);
    void video(const core::DrawVideo& command);
    platform::ImageCache::Entry image_texture(const core::DrawImage& command);
    void text(const core::DrawText& command);
    void push_clip(const core::Rect& rect);
    void pop_clip();

    SDL_Renderer* m_renderer;
    ImageCache& m_images;
    TextRenderer& m_text;
    core::Size m_screen;
    std::vector<SDL_Rect> m_clips;
    std::vector<SDL_Vertex> m_vertices; // reused between frames
    std::vector<int> m_indices;
    std::vector<SDL_FRect> m_rows; // rounded-rectangle rows, reused between frames
    std::vector<Layer> m_layers; // kept pictures, freed when a frame no longer uses them
    std::unique_ptr<BackgroundPainter> m_background; // null: every layer painted in the frame
    bool m_waiting { false };
    std::optional<Uint32> m_layer_format; // looked up once
    VideoPlayers* m_videos { nullptr };
};

} // namespace kiosk::platform
