// What a screen wants drawn this frame, as plain commands; platform/renderer plays them with SDL.
// Screens never touch SDL: they emit a DrawList and the renderer owns every texture.
#pragma once

#include "kiosk/core/geometry.h"
#include "kiosk/core/layout.h"

#include <string>
#include <variant>
#include <vector>

namespace kiosk::core {

struct FillRect {
    Rect rect;
    Color color;
    float radius { 0 }; // rounded corners, px
};

struct StrokeRect {
    Rect rect;
    Color color;
    float thickness { 2 };
};

struct DrawLine {
    Point from;
    Point to;
    Color color;
    float thickness { 2 };
};

// A line through the points, one stroke (joined at the corners): coastlines, borders.
struct Polyline {
    std::vector<Point> points;
    Color color;
    float thickness { 2 };
};

// Filled triangles (map land, chart areas): every three points make one.
struct Triangles {
    std::vector<Point> points;
    Color color;
};

struct DrawImage {
    std::string image_id; // path below assets/images, as in the content
    Rect rect; // where it goes; a drawing keeps its aspect ratio inside (contain)
    float alpha { 1 };
    // A slow pan/zoom (Ken Burns): 1 = fit, >1 zoomed in about the centre shifted by pan.
    float zoom { 1 };
    Point pan; // -1..1 of the free travel on each axis
    // Photos fill the rect (cover) and keep this point (0..1 of the photo) in the crop; drawings
    // ignore it.
    Point focus { 0.5f, 0.5f };
};

// A video in `rect` (kept whole, centred: contain), its poster (an image id, may be empty) drawn
// like a DrawImage until the first frame is decoded and whenever the video cannot be played.
struct DrawVideo {
    std::string video_id; // path below assets/videos
    std::string poster_id;
    Rect rect;
    float alpha { 1 };
    Point poster_focus { 0.5f, 0.5f };
    int64_t play_ms { 0 }; // the play time to show (core::play_time_at)
    bool loop { true };
};

// The poster as the renderer draws it.
inline DrawImage poster_of(const DrawVideo& video)
{
    return { video.poster_id, video.rect, video.alpha, 1.0f, {}, video.poster_focus };
}

struct DrawText {
    std::string text;
    TextStyle style;
    Rect box;
    Color color;
};

// A layer: the commands up to the matching EndLayer draw a picture that the renderer keeps (a
// screen-sized texture) under `key` while `version` stays the same, so a screen whose picture did
// not change (a map at rest while its arcs move) pays one copy per frame; it bumps the version
// when the picture must be painted again. A layer holds shapes only (FillRect, StrokeRect,
// DrawLine, Polyline, Triangles): the renderer paints them with a vector painter (lines
// anti-aliased, triangles filled without seams: a few milliseconds for a whole map at 1080p, half
// a millisecond at half size); images and text in a layer are not drawn.
struct BeginLayer {
    uint64_t key { 0 };
    uint64_t version { 0 };
    Color background; // the picture is painted over this
    // Of the kept picture: 0.5 paints it at half size (4x fewer pixels), shown stretched.
    float resolution { 1 };
    // The previous version shows the same scene (only less sharp): the renderer may keep showing
    // it for a few frames while it paints this one in the background.
    bool may_lag { false };
};
struct EndLayer { };

struct PushClip {
    Rect rect;
};
struct PopClip { };

using DrawCommand = std::variant<FillRect, StrokeRect, DrawLine, Polyline, Triangles, DrawImage,
    DrawText, PushClip, PopClip, BeginLayer, EndLayer, DrawVideo>;

class DrawList {
public:
    void clear(Color color) { m_clear = color; }
    Color clear_color() const { return m_clear; }
    template<typename T> void add(T command) { m_commands.emplace_back(std::move(command)); }
    const std::vector<DrawCommand>& commands() const { return m_commands; }
    void reset() { m_commands.clear(); }

private:
    Color m_clear { 11, 36, 71, 255 };
    std::vector<DrawCommand> m_commands;
};

} // namespace kiosk::core
