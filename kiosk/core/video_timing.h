// Which video frame a slide shows when: pure arithmetic on the virtual clock, shared by the slide
// screens (when to draw again) and the player (which decoded frame to put up). "Slide time" is
// the time the slide has been visible; "play time" runs from the video's first frame and keeps
// counting across loops (the decoder stamps each loop's frames after the previous loop's).
#pragma once

#include "kiosk/core/clock.h"

#include <cstddef>
#include <optional>
#include <span>

namespace kiosk::core {

struct VideoTiming {
    TimeMs duration_ms { 0 }; // one pass; <= 0: unknown (treated as never ending)
    double frame_rate { 30 }; // frames per second; outside 1..240 taken as 30
    bool loop { true };
};

// The play time to show at slide time `t_ms`: the slide time itself, except that a video played
// once stays on its last frame after its end. Negative times are 0.
TimeMs play_time_at(const VideoTiming& timing, TimeMs t_ms);
// A video played once has shown its last frame at `t_ms`; never for a looped one.
bool video_finished(const VideoTiming& timing, TimeMs t_ms);
// The slide time after `t_ms` at which the next frame is due (a whole millisecond, always later
// than t_ms); nullopt when a video played once has ended (its picture no longer changes).
std::optional<TimeMs> next_video_frame_ms(const VideoTiming& timing, TimeMs t_ms);

// What to do with the decoded frames waiting in the queue (their play times, oldest first) at
// play time `play_ms`: take `consume` off the front and show the last one taken; the others were
// due but never shown (dropped).
struct FramePick {
    size_t consume { 0 };
    size_t dropped { 0 };
    bool operator==(const FramePick&) const = default;
};
FramePick pick_frame(std::span<const TimeMs> queued_ms, TimeMs play_ms);

} // namespace kiosk::core
