// Video through the real FFmpeg libraries on clips made at test time: the AVIO over a byte
// source (read and seek), decoding a clip to its last frame (count, size, scaling to a box),
// looping, hostile bytes (random, truncated) failing cleanly, the compiler's probe refusing what
// the kiosk cannot play, and the player putting frames into an IYUV texture (or the poster).
#include "kiosk/platform/av_handles.h"
#include "kiosk/platform/video_decoder.h"
#include "kiosk/platform/video_player.h"
#include "kiosk/platform/video_probe.h"
#include "tests/support/test_clips.h"

#include <cstring>
#include <gtest/gtest.h>
#include <random>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::platform;
namespace fs = std::filesystem;

namespace {

class Clips : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = fs::temp_directory_path() / ("kiosk-clips-" + std::to_string(::getpid()));
        fs::create_directories(s_dir);
        // 1 s at 30 fps: 30 frames.
        ASSERT_TRUE(kiosk::testing::make_clip(s_dir / "clip.mp4", "320x240", 30, 1,
            "-c:v libx264 -pix_fmt yuv420p -g 10 -movflags +faststart"));
        ASSERT_TRUE(kiosk::testing::make_clip(
            s_dir / "clip.webm", "320x240", 30, 1, "-c:v libvpx-vp9 -b:v 200k -deadline realtime"));
        ASSERT_TRUE(kiosk::testing::make_clip(s_dir / "mpeg4.mp4", "320x240", 30, 1, "-c:v mpeg4"));
        ASSERT_TRUE(kiosk::testing::make_clip(
            s_dir / "dci.mp4", "4096x2160", 30, 0.2, "-c:v libx264 -preset ultrafast"));
    }
    static void TearDownTestSuite() { fs::remove_all(s_dir); }

    static std::vector<uint8_t> bytes(const std::string& name)
    {
        return kiosk::testing::read_bytes(s_dir / name);
    }
    // A decoder over `data` (kept alive by the opener).
    static std::unique_ptr<VideoDecoder> decoder(
        std::vector<uint8_t> data, VideoDecoder::Options options = {})
    {
        auto shared = std::make_shared<std::vector<uint8_t>>(std::move(data));
        options.try_hardware = false;
        return std::make_unique<VideoDecoder>(
            "test",
            [shared]() -> core::Result<std::unique_ptr<core::ByteSource>> {
                return std::unique_ptr<core::ByteSource>(new core::MemorySource(*shared));
            },
            options);
    }
    // Takes every frame in play order; the play times seen.
    static std::vector<core::TimeMs> drain(
        VideoDecoder& d, int* width = nullptr, int* height = nullptr)
    {
        std::vector<core::TimeMs> times;
        for (core::TimeMs t = 0; t < 5000; t += 33) {
            auto f = d.take_due(t, true);
            if (f.frame) {
                times.push_back(f.play_ms);
                if (width)
                    *width = f.frame->width;
                if (height)
                    *height = f.frame->height;
            }
            if (d.state() == VideoDecoder::State::Ended && !f.frame && t > 1200)
                break;
        }
        return times;
    }

    static inline fs::path s_dir;
};

} // namespace

TEST_F(Clips, AvioReadsAndSeeksTheSource)
{
    auto data = bytes("clip.mp4");
    auto input = MediaInput::open(std::make_unique<core::MemorySource>(data));
    ASSERT_TRUE(input.ok()) << input.error();
    auto* format = input.value()->format();
    EXPECT_STREQ(format->iformat->name, "mov,mp4,m4a,3gp,3g2,mj2");
    EXPECT_EQ(avio_size(format->pb), static_cast<int64_t>(data.size()));
    // Seek and read through the AVIO: the bytes at that offset.
    ASSERT_EQ(avio_seek(format->pb, 100, SEEK_SET), 100);
    uint8_t four[4] {};
    ASSERT_EQ(avio_read(format->pb, four, 4), 4);
    EXPECT_EQ(0, std::memcmp(four, data.data() + 100, 4));
    EXPECT_LT(avio_seek(format->pb, -5, SEEK_SET), 0);
    auto last = static_cast<int64_t>(data.size()) - 4;
    ASSERT_EQ(avio_seek(format->pb, last, SEEK_SET), last);
    ASSERT_EQ(avio_read(format->pb, four, 4), 4);
    EXPECT_EQ(0, std::memcmp(four, data.data() + last, 4));
    EXPECT_LE(avio_read(format->pb, four, 4), 0); // the end
}

TEST_F(Clips, AnH264AndAVp9ClipDecodeToTheirLastFrame)
{
    for (auto name : { "clip.mp4", "clip.webm" }) {
        VideoDecoder::Options options;
        options.loop = false;
        auto d = decoder(bytes(name), options);
        int w = 0, h = 0;
        auto times = drain(*d, &w, &h);
        EXPECT_EQ(d->state(), VideoDecoder::State::Ended) << name << ": " << d->error();
        EXPECT_EQ(d->decoded_frames(), 30u) << name;
        EXPECT_EQ(times.size(), 30u) << name; // one take per frame time: none dropped
        EXPECT_EQ(d->dropped_frames(), 0u) << name;
        EXPECT_EQ(w, 320) << name;
        EXPECT_EQ(h, 240) << name;
        ASSERT_FALSE(times.empty());
        EXPECT_EQ(times.front(), 0) << name;
        EXPECT_NEAR(static_cast<double>(times.back()), 967, 2) << name;
        EXPECT_NE(d->decoder_name().find("software"), std::string::npos) << d->decoder_name();
    }
}

TEST_F(Clips, FramesAreScaledIntoTheBoxOnTheDecoderThread)
{
    VideoDecoder::Options options;
    options.box = { 200, 200 };
    auto d = decoder(bytes("clip.mp4"), options);
    auto f = d->take_due(0, true);
    ASSERT_TRUE(f.frame) << d->error();
    EXPECT_EQ(f.frame->width, 200);
    EXPECT_EQ(f.frame->height, 150);
    EXPECT_EQ(f.frame->format, AV_PIX_FMT_YUV420P);
}

TEST_F(Clips, ALoopedClipKeepsCountingAndASkipIsCountedAsDropped)
{
    auto d = decoder(bytes("clip.mp4"));
    auto first = d->take_due(0, true);
    ASSERT_TRUE(first.frame);
    auto later = d->take_due(2500, true); // the third pass
    ASSERT_TRUE(later.frame) << d->error();
    EXPECT_GE(later.play_ms, 2466);
    EXPECT_LE(later.play_ms, 2500);
    EXPECT_GT(d->decoded_frames(), 60u);
    EXPECT_GT(d->dropped_frames(), 60u); // every frame between was due and never shown
    EXPECT_EQ(d->state(), VideoDecoder::State::Playing);
}

TEST_F(Clips, HostileBytesFailWithAReason)
{
    std::mt19937 random(14);
    std::vector<uint8_t> noise(64 * 1024);
    for (auto& b : noise)
        b = static_cast<uint8_t>(random());
    auto mp4 = bytes("clip.mp4");
    std::vector<uint8_t> truncated(mp4.begin(), mp4.begin() + static_cast<long>(mp4.size() / 3));
    std::vector<uint8_t> png = kiosk::testing::read_bytes(
        fs::path(KIOSK_SOURCE_DIR) / "tests/golden/picture_scenes_port_1024x752.png");
    ASSERT_FALSE(png.empty());
    int id = 0;
    for (auto* data : { &noise, &truncated, &png }) {
        ++id;
        auto d = decoder(*data);
        auto f = d->take_due(500, true);
        // Nothing playable, or (truncated) at most the frames that were whole, never a crash.
        if (d->state() == VideoDecoder::State::Failed)
            EXPECT_FALSE(d->error().empty()) << id;
        else
            EXPECT_LT(d->decoded_frames(), 30u) << id;
    }
    auto d = decoder(noise);
    d->take_due(0, true);
    EXPECT_EQ(d->state(), VideoDecoder::State::Failed);
    EXPECT_NE(d->error().find("not an MP4 or WebM"), std::string::npos) << d->error();
    auto e = decoder(bytes("mpeg4.mp4"));
    e->take_due(0, true);
    EXPECT_EQ(e->state(), VideoDecoder::State::Failed);
    EXPECT_NE(e->error().find("mpeg4"), std::string::npos) << e->error();
}

TEST_F(Clips, TheProbeTakesWhatPlaysAndRefusesTheRest)
{
    auto good = probe_video("clip.mp4", bytes("clip.mp4"));
    ASSERT_TRUE(good.ok()) << good.error();
    EXPECT_EQ(good.value().codec, "h264");
    EXPECT_EQ(good.value().container, "mp4");
    EXPECT_EQ(good.value().width_px, 320);
    EXPECT_NEAR(good.value().duration_ms, 1000, 40);
    EXPECT_DOUBLE_EQ(good.value().frame_rate, 30);
    auto webm = probe_video("clip.webm", bytes("clip.webm"));
    ASSERT_TRUE(webm.ok()) << webm.error();
    EXPECT_EQ(webm.value().codec, "vp9");
    struct Case {
        const char* id;
        const char* name;
        std::vector<uint8_t> data;
        const char* says;
    };
    auto mp4 = bytes("clip.mp4");
    auto vp9 = bytes("clip.webm");
    const Case cases[] {
        { "R1_mpeg4", "a.mp4", bytes("mpeg4.mp4"), "codec mpeg4 is not supported" },
        { "R2_dci_4k", "a.mp4", bytes("dci.mp4"), "4096x2160 is too large" },
        { "R3_png", "a.mp4",
            kiosk::testing::read_bytes(
                fs::path(KIOSK_SOURCE_DIR) / "tests/golden/picture_scenes_port_1024x752.png"),
            "not an MP4 or WebM file" },
        { "R4_truncated_mp4", "a.mp4",
            { mp4.begin(), mp4.begin() + static_cast<long>(mp4.size() * 2 / 3) }, "truncated" },
        { "R5_truncated_webm", "a.webm",
            { vp9.begin(), vp9.begin() + static_cast<long>(vp9.size() * 2 / 3) }, "truncated" },
        { "R6_misnamed", "a.mp4", vp9, "a WebM file but is named .mp4" },
        { "R7_not_a_video_name", "a.avi", mp4, "must be an .mp4" },
    };
    for (auto& c : cases) {
        auto r = probe_video(c.name, c.data);
        ASSERT_FALSE(r.ok()) << c.id;
        EXPECT_NE(r.error().find(c.says), std::string::npos) << c.id << ": " << r.error();
    }
}

TEST_F(Clips, ThePlayerUploadsFramesAndReportsAFailureForThePoster)
{
    ASSERT_EQ(SDL_Init(SDL_INIT_VIDEO), 0) << SDL_GetError();
    {
        SurfacePtr surface(
            SDL_CreateRGBSurfaceWithFormat(0, 400, 300, 32, SDL_PIXELFORMAT_ARGB8888));
        RendererPtr renderer(SDL_CreateSoftwareRenderer(surface.get()));
        ASSERT_TRUE(renderer);
        auto good = std::make_shared<std::vector<uint8_t>>(bytes("clip.webm"));
        auto bad = std::make_shared<std::vector<uint8_t>>(64, 0x5a);
        VideoPlayers players(
            renderer.get(),
            [&](const std::string& id) -> VideoDecoder::SourceOpener {
                auto data = id == "good.webm" ? good : bad;
                return [data]() -> core::Result<std::unique_ptr<core::ByteSource>> {
                    return std::unique_ptr<core::ByteSource>(new core::MemorySource(*data));
                };
            },
            VideoPlayers::Pace::WaitForFrames);
        auto shown = players.show("good.webm", true, 500, { 160, 160 });
        ASSERT_TRUE(shown.texture);
        EXPECT_EQ(shown.width, 160);
        EXPECT_EQ(shown.height, 120);
        Uint32 format = 0;
        SDL_QueryTexture(shown.texture, &format, nullptr, nullptr, nullptr);
        EXPECT_EQ(format, SDL_PIXELFORMAT_IYUV);
        auto broken = players.show("bad.mp4", true, 500, { 160, 160 });
        EXPECT_FALSE(broken.texture);
        EXPECT_TRUE(broken.failed);
        players.end_frame();
        players.end_frame(); // nothing shown since: both stopped
        EXPECT_EQ(players.shown_frames(), 1u);
    }
    SDL_Quit();
}
