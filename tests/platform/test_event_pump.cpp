// The event pump: SDL events in, the app's own events out, with the kiosk-mode policies.
#include "kiosk/platform/event_pump.h"
#include "kiosk/platform/video.h"

#include <gtest/gtest.h>

using namespace kiosk;

namespace {

struct Offscreen {
    platform::SdlLibrary sdl;
    std::unique_ptr<platform::Video> video;
    Offscreen()
    {
        auto started = platform::start_sdl(sdl, { true, false, false });
        EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error());
        platform::VideoConfig c;
        c.headless = true;
        c.size = { 800, 600 };
        auto v = platform::Video::create(c);
        EXPECT_TRUE(v.ok());
        if (v)
            video = v.release_value();
    }
};

void push(SDL_Event event)
{
    ASSERT_EQ(SDL_PushEvent(&event), 1) << SDL_GetError();
}

SDL_Event finger(Uint32 type, float x, float y)
{
    SDL_Event e {};
    e.type = type;
    e.tfinger.fingerId = 7;
    e.tfinger.x = x;
    e.tfinger.y = y;
    return e;
}

} // namespace

TEST(EventPump, TouchesBecomeSamplesOnTheScreensPixels)
{
    Offscreen o;
    ASSERT_TRUE(o.video);
    platform::EventPump pump(*o.video, {}, false);
    push(finger(SDL_FINGERDOWN, 0.5f, 0.25f));
    push(finger(SDL_FINGERUP, 0.5f, 0.25f));
    auto events = pump.wait(0, [] { return core::TimeMs { 42 }; });
    ASSERT_EQ(events.touches.size(), 2u);
    EXPECT_EQ(events.touches[0].phase, core::TouchPhase::Down);
    EXPECT_FLOAT_EQ(events.touches[0].point.x, 400);
    EXPECT_FLOAT_EQ(events.touches[0].point.y, 150);
    EXPECT_EQ(events.touches[0].time_ms, 42);
    EXPECT_EQ(events.touches[1].phase, core::TouchPhase::Up);
    EXPECT_FALSE(events.quit);
}

TEST(EventPump, OnlyAWindowedSessionClosesOnEscOrTheCloseButton)
{
    Offscreen o;
    ASSERT_TRUE(o.video);
    for (bool windowed : { false, true }) {
        platform::EventPump pump(*o.video, {}, windowed);
        SDL_Event quit {};
        quit.type = SDL_QUIT;
        push(quit);
        SDL_Event esc {};
        esc.type = SDL_KEYDOWN;
        esc.key.keysym.sym = SDLK_ESCAPE;
        push(esc);
        auto events = pump.wait(0, [] { return core::TimeMs { 0 }; });
        EXPECT_EQ(events.quit, windowed) << (windowed ? "windowed" : "kiosk");
    }
}

TEST(EventPump, LostTexturesAndWindowChangesAskForARedraw)
{
    Offscreen o;
    ASSERT_TRUE(o.video);
    platform::EventPump pump(*o.video, {}, false);
    SDL_Event reset {};
    reset.type = SDL_RENDER_TARGETS_RESET;
    push(reset);
    auto events = pump.wait(0, [] { return core::TimeMs { 0 }; });
    EXPECT_TRUE(events.textures_lost);
    EXPECT_TRUE(events.redraw);
    SDL_Event exposed {};
    exposed.type = SDL_WINDOWEVENT;
    exposed.window.event = SDL_WINDOWEVENT_EXPOSED;
    push(exposed);
    events = pump.wait(0, [] { return core::TimeMs { 0 }; });
    EXPECT_TRUE(events.redraw);
    EXPECT_FALSE(events.textures_lost);
}
