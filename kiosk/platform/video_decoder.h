// A video decoded on a thread of its own into a small queue of YUV 4:2:0 frames, scaled on that
// thread to the box it is shown in. It reads its bytes through a ByteSource opened on its own
// thread (the database blob, with a connection of its own), tries hardware decoding (VA-API, then
// V4L2 M2M) and falls back to software silently; decoder_name() says which. No SDL here: the
// player (video_player.h) puts the frames on screen.
#pragma once

#include "kiosk/core/byte_source.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/geometry.h"
#include "kiosk/core/result.h"
#include "kiosk/platform/av_handles.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace kiosk::platform {

class VideoDecoder {
public:
    // Called once, on the decoder's thread.
    using SourceOpener = std::function<core::Result<std::unique_ptr<core::ByteSource>>()>;
    enum class State { Starting, Playing, Ended, Failed };
    struct Options {
        bool loop { true }; // at the end, start again (play times keep counting)
        bool try_hardware { true };
        size_t queue_frames { 4 }; // decoded frames kept ahead (a 1080p frame is 3 MB)
        core::Size box {}; // frames are scaled to fit inside (never enlarged); 0x0: as decoded
    };

    VideoDecoder(std::string name, SourceOpener opener, Options options);
    VideoDecoder(const VideoDecoder&) = delete;
    VideoDecoder& operator=(const VideoDecoder&) = delete;
    // Stops the thread and waits for it.
    ~VideoDecoder();

    struct Frame {
        AvFramePtr frame; // AV_PIX_FMT_YUV420P
        core::TimeMs play_ms { 0 }; // from the first frame, counting on across loops
    };
    // Takes the frames due at `play_ms` off the queue (core::pick_frame) and returns the newest
    // (frame null when none is due); the others count as dropped. With `wait`, first waits (at
    // most `timeout_ms`) until a frame later than play_ms is decoded, or the video has ended or
    // failed: what a screenshot shows is then the same on every run.
    Frame take_due(core::TimeMs play_ms, bool wait, int timeout_ms = 10000);
    // The box later frames are scaled into (the slide's picture box, in pixels).
    void set_box(core::Size box);

    State state() const { return m_state.load(); }
    // Why it failed (after state() == Failed).
    std::string error() const;
    // "h264 (software)", "h264 (VA-API)", "h264_v4l2m2m (V4L2 M2M)", with what was tried.
    std::string decoder_name() const;
    uint64_t decoded_frames() const { return m_decoded.load(); }
    uint64_t dropped_frames() const { return m_dropped.load(); }

private:
    void run();
    core::Status decode_all();
    core::Status open_decoder(AVFormatContext* format, int stream);
    core::Status emit(AVFrame* frame, AVStream* stream);
    void fail(std::string message);
    bool stopping() const { return m_stop.load(); }

    std::string m_name;
    SourceOpener m_opener;
    Options m_options;

    // Owned by the decoder thread while it runs.
    AvBufferPtr m_hw_device;
    AvCodecPtr m_codec;
    SwsPtr m_sws;
    core::TimeMs m_loop_offset_ms { 0 };
    core::TimeMs m_pass_end_ms { 0 }; // where this pass's last frame ends
    core::TimeMs m_last_play_ms { -1 };

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Frame> m_queue; // oldest first
    core::Size m_box;
    std::string m_error;
    std::string m_decoder_name;
    std::atomic<State> m_state { State::Starting };
    std::atomic<bool> m_stop { false };
    std::atomic<uint64_t> m_decoded { 0 };
    std::atomic<uint64_t> m_dropped { 0 };
    std::thread m_thread; // last: started when everything above exists
};

} // namespace kiosk::platform
