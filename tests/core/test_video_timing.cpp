// Video frame timing: which play time a slide shows, when the next frame is due, which queued
// frame goes up and how many were dropped. Table-driven; times on the virtual clock.
#include "kiosk/core/byte_source.h"
#include "kiosk/core/video_timing.h"

#include <array>
#include <gtest/gtest.h>
#include <vector>

using namespace kiosk::core;

namespace {

constexpr VideoTiming LOOP_30 { 2000, 30, true };
constexpr VideoTiming ONCE_30 { 2000, 30, false };
constexpr VideoTiming ONCE_25 { 1000, 25, false };

} // namespace

TEST(VideoTiming, PlayTimeLoopsOnAndOnceHoldsTheLastFrame)
{
    struct Case {
        int id;
        VideoTiming timing;
        TimeMs t;
        TimeMs want;
    };
    const Case cases[] {
        { 1, LOOP_30, 0, 0 }, { 2, LOOP_30, 1500, 1500 },
        { 3, LOOP_30, 4500, 4500 }, // play time keeps counting across loops
        { 4, ONCE_30, 1500, 1500 }, { 5, ONCE_30, 1966, 1966 },
        { 6, ONCE_30, 1967, 1966 }, // the last frame starts at 2000 - 33.3
        { 7, ONCE_30, 90000, 1966 }, { 8, ONCE_25, 5000, 960 }, { 9, LOOP_30, -50, 0 },
        { 10, { 0, 30, false }, 7000, 7000 }, // unknown duration: never ends
    };
    for (auto& c : cases)
        EXPECT_EQ(play_time_at(c.timing, c.t), c.want) << "case " << c.id;
}

TEST(VideoTiming, OnlyAVideoPlayedOnceFinishes)
{
    EXPECT_FALSE(video_finished(ONCE_30, 1999));
    EXPECT_TRUE(video_finished(ONCE_30, 2000));
    EXPECT_FALSE(video_finished(LOOP_30, 1'000'000));
    EXPECT_FALSE(video_finished({ 0, 30, false }, 1'000'000));
}

TEST(VideoTiming, NextFrameIsTheNextFrameBoundary)
{
    struct Case {
        int id;
        VideoTiming timing;
        TimeMs t;
        std::optional<TimeMs> want;
    };
    const Case cases[] {
        { 1, LOOP_30, 0, 34 }, // 33.3 rounded up: never early
        { 2, LOOP_30, 33, 34 },
        { 3, LOOP_30, 34, 67 },
        { 4, LOOP_30, 999, 1000 },
        { 5, LOOP_30, 1000, 1034 },
        { 6, { 2000, 25, true }, 40, 80 },
        { 7, ONCE_30, 1990, 2000 }, // the end itself is due (the slide may move on)
        { 8, ONCE_30, 2000, std::nullopt },
        { 9, { 2000, 0, true }, 0, 34 }, // a nonsense rate is taken as 30
        { 10, { 2000, 1e9, true }, 5, 34 },
    };
    for (auto& c : cases)
        EXPECT_EQ(next_video_frame_ms(c.timing, c.t), c.want) << "case " << c.id;
}

TEST(VideoTiming, NextFrameIsAlwaysLater)
{
    for (TimeMs t = 0; t < 3000; ++t) {
        auto next = next_video_frame_ms(LOOP_30, t);
        ASSERT_TRUE(next);
        EXPECT_GT(*next, t);
        EXPECT_LE(*next - t, 34);
    }
}

TEST(VideoTiming, PickShowsTheNewestDueFrameAndCountsTheSkipped)
{
    struct Case {
        int id;
        std::vector<TimeMs> queue;
        TimeMs play;
        FramePick want;
    };
    const Case cases[] {
        { 1, {}, 500, { 0, 0 } },
        { 2, { 33, 67 }, 0, { 0, 0 } }, // nothing due yet: keep the picture
        { 3, { 33, 67 }, 33, { 1, 0 } },
        { 4, { 33, 67, 100 }, 70, { 2, 1 } }, // 33 was never shown
        { 5, { 33, 67, 100 }, 5000, { 3, 2 } },
        { 6, { 0 }, 0, { 1, 0 } },
    };
    for (auto& c : cases)
        EXPECT_EQ(pick_frame(c.queue, c.play), c.want) << "case " << c.id;
}

TEST(MemorySource, ReadsAtOffsetsAndStopsAtTheEnd)
{
    std::array<uint8_t, 5> bytes { 1, 2, 3, 4, 5 };
    MemorySource source(bytes);
    EXPECT_EQ(source.size(), 5u);
    std::array<uint8_t, 4> out {};
    EXPECT_EQ(source.read_at(3, out), 2);
    EXPECT_EQ(out[0], 4);
    EXPECT_EQ(out[1], 5);
    EXPECT_EQ(source.read_at(5, out), 0);
    EXPECT_EQ(source.read_at(1u << 30, out), 0);
}
