// Videos on screen: one VideoDecoder per video a frame shows, its newest due frame uploaded into
// an IYUV streaming texture with SDL_UpdateYUVTexture (the frame path does no decoding and no
// scaling: the decoder's thread did both). A video not drawn in a frame is stopped after it. Not
// to be confused with platform/video.h, the display.
#pragma once

#include "kiosk/core/clock.h"
#include "kiosk/core/geometry.h"
#include "kiosk/platform/sdl_handles.h"
#include "kiosk/platform/video_decoder.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::platform {

class VideoPlayers {
public:
    // How to reach a video's bytes by id (the app: a BlobSource on the content file).
    using Opener = std::function<VideoDecoder::SourceOpener(const std::string& id)>;
    enum class Pace {
        RealTime, // the loop's clock: show what is due, never wait (a late frame is dropped)
        WaitForFrames, // screenshots and driven tests: the frame due is decoded first, same every
                       // run
    };

    VideoPlayers(SDL_Renderer* renderer, Opener opener, Pace pace);
    VideoPlayers(const VideoPlayers&) = delete;
    VideoPlayers& operator=(const VideoPlayers&) = delete;
    ~VideoPlayers();

    struct Shown {
        SDL_Texture* texture { nullptr }; // null: show the poster (not decoded yet, or failed)
        int width { 0 };
        int height { 0 };
        bool failed { false };
    };
    // The picture of video `id` at `play_ms` (core::play_time_at), for a `box` (px) on screen;
    // starts its decoder on first use.
    Shown show(const std::string& id, bool loop, core::TimeMs play_ms, core::Size box);
    // Stops the videos no frame has shown since the last call.
    void end_frame();
    // Stops every video (new content, lost textures).
    void clear();

    uint64_t shown_frames() const { return m_shown_total; }
    uint64_t dropped_frames() const;

private:
    struct Player {
        std::string key; // id and loop
        std::string id;
        std::unique_ptr<VideoDecoder> decoder;
        TexturePtr texture;
        int width { 0 };
        int height { 0 };
        // Play time runs from the first frame put up: the slide time then, minus that frame's
        // play time (so frames decoded late at the start are not dropped, the poster waits).
        std::optional<core::TimeMs> origin_ms;
        uint64_t shown { 0 };
        bool used { true };
        bool reported { false }; // its decoder has been logged
        bool failure_logged { false };
    };
    void stop(Player& player);
    bool upload(Player& player, const AVFrame& frame);

    SDL_Renderer* m_renderer;
    Opener m_opener;
    Pace m_pace;
    std::vector<std::unique_ptr<Player>> m_players;
    uint64_t m_shown_total { 0 };
    uint64_t m_dropped_stopped { 0 }; // dropped by players already stopped
};

} // namespace kiosk::platform
