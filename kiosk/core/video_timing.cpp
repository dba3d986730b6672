// Video frame timing on the virtual clock.
#include "kiosk/core/video_timing.h"

#include <algorithm>
#include <cmath>

namespace kiosk::core {

namespace {

double fps_of(const VideoTiming& timing)
{
    return timing.frame_rate >= 1 && timing.frame_rate <= 240 ? timing.frame_rate : 30.0;
}

double frame_ms(const VideoTiming& timing)
{
    return 1000.0 / fps_of(timing);
}

} // namespace

TimeMs play_time_at(const VideoTiming& timing, TimeMs t_ms)
{
    t_ms = std::max<TimeMs>(t_ms, 0);
    if (timing.loop || timing.duration_ms <= 0)
        return t_ms;
    // The last frame starts one frame before the end.
    auto last = static_cast<TimeMs>(
        std::max(0.0, static_cast<double>(timing.duration_ms) - frame_ms(timing)));
    return std::min(t_ms, last);
}

bool video_finished(const VideoTiming& timing, TimeMs t_ms)
{
    return !timing.loop && timing.duration_ms > 0 && t_ms >= timing.duration_ms;
}

std::optional<TimeMs> next_video_frame_ms(const VideoTiming& timing, TimeMs t_ms)
{
    t_ms = std::max<TimeMs>(t_ms, 0);
    if (video_finished(timing, t_ms))
        return std::nullopt;
    // Frame i starts at i * 1000 / fps ms (computed so, whole rates land on whole milliseconds).
    double fps = fps_of(timing);
    auto index = std::floor(static_cast<double>(t_ms) * fps / 1000.0);
    auto next = static_cast<TimeMs>(std::ceil((index + 1) * 1000.0 / fps));
    if (next <= t_ms)
        next = t_ms + 1;
    // The moment a video played once ends is a change too (the slide may move on).
    if (!timing.loop && timing.duration_ms > 0)
        next = std::min<TimeMs>(next, timing.duration_ms);
    return next;
}

FramePick pick_frame(std::span<const TimeMs> queued_ms, TimeMs play_ms)
{
    size_t due = 0;
    while (due < queued_ms.size() && queued_ms[due] <= play_ms)
        ++due;
    return { due, due > 0 ? due - 1 : 0 };
}

} // namespace kiosk::core
