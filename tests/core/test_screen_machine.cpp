// The screen machine on the virtual clock: navigation, back, idle timeout and language reset.
#include "kiosk/core/screen_machine.h"

#include <gtest/gtest.h>

using namespace kiosk::core;

namespace {

MachineConfig config(bool hold = false)
{
    MachineConfig c;
    c.default_lang = Lang::Vi;
    c.idle_timeout_ms = 60000;
    c.hold = hold;
    return c;
}

} // namespace

TEST(ScreenRefNames, ParseTheCommandLineContract)
{
    EXPECT_EQ(parse_screen_ref("attract"), (ScreenRef { ScreenKind::Attract, "" }));
    EXPECT_EQ(parse_screen_ref("home"), (ScreenRef { ScreenKind::Home, "" }));
    EXPECT_EQ(parse_screen_ref("topic:hpk-water"), (ScreenRef { ScreenKind::Topic, "hpk-water" }));
    EXPECT_EQ(parse_screen_ref("slide:s1"), (ScreenRef { ScreenKind::Slide, "s1" }));
    EXPECT_EQ(parse_screen_ref("map"), (ScreenRef { ScreenKind::Map, "" }));
    EXPECT_EQ(parse_screen_ref("map:haiphong"), (ScreenRef { ScreenKind::Map, "haiphong" }));
    EXPECT_EQ(parse_screen_ref("timeline"), (ScreenRef { ScreenKind::Timeline, "" }));
    EXPECT_EQ(parse_screen_ref("chart:c1"), (ScreenRef { ScreenKind::Chart, "c1" }));
    EXPECT_EQ(parse_screen_ref("staff"), (ScreenRef { ScreenKind::Staff, "" }));
    // The shape only: whether "maps" or "home:x" exist is the app's screen registry's to say.
    EXPECT_EQ(parse_screen_ref("maps"), (ScreenRef { "maps", "" }));
    for (const char* bad : { "", "slide:", ":x", "Home", "two words", "topic:" })
        EXPECT_FALSE(parse_screen_ref(bad).has_value()) << bad;
    EXPECT_EQ(screen_ref_name({ ScreenKind::Slide, "s1" }), "slide:s1");
}

TEST(ScreenMachine, TouchOnAttractOpensHome)
{
    ScreenMachine m(config(), {}, 0);
    EXPECT_EQ(m.current().kind, ScreenKind::Attract);
    m.touch(100);
    EXPECT_EQ(m.current().kind, ScreenKind::Home);
}

TEST(ScreenMachine, BackRetracesTheVisitorsPath)
{
    ScreenMachine m(config(), { ScreenKind::Home, {} }, 0);
    m.go({ ScreenKind::Partnership, "hp-kk" }, 1);
    m.go({ ScreenKind::Topic, "hpk-water" }, 2);
    m.go({ ScreenKind::Slide, "s1" }, 3);
    m.go({ ScreenKind::Slide, "s2" }, 4); // paging replaces
    EXPECT_TRUE(m.back(5));
    EXPECT_EQ(m.current(), (ScreenRef { ScreenKind::Topic, "hpk-water" }));
    EXPECT_TRUE(m.back(6));
    EXPECT_EQ(m.current(), (ScreenRef { ScreenKind::Partnership, "hp-kk" }));
    EXPECT_TRUE(m.back(7));
    EXPECT_EQ(m.current().kind, ScreenKind::Home);
    EXPECT_FALSE(m.back(8));
}

TEST(ScreenMachine, BackFromADeepLinkGoesHome)
{
    ScreenMachine m(config(), { ScreenKind::Chart, "c1" }, 0);
    EXPECT_TRUE(m.back(1));
    EXPECT_EQ(m.current().kind, ScreenKind::Home);
}

TEST(ScreenMachine, HomeClearsTheWayBack)
{
    ScreenMachine m(config(), { ScreenKind::Home, {} }, 0);
    m.go({ ScreenKind::Topic, "t" }, 1);
    m.go({ ScreenKind::Map, {} }, 2);
    m.go({ ScreenKind::Home, {} }, 3);
    EXPECT_EQ(m.depth(), 0u);
}

TEST(ScreenMachine, IdleTimeoutReturnsToAttractInTheDefaultLanguage)
{
    ScreenMachine m(config(), {}, 0);
    m.touch(1000);
    m.set_lang(Lang::Ja, 2000);
    m.go({ ScreenKind::Topic, "t" }, 3000);
    EXPECT_EQ(m.idle_deadline_ms(), 63000);
    EXPECT_FALSE(m.tick(62999));
    EXPECT_EQ(m.lang(), Lang::Ja);
    EXPECT_TRUE(m.tick(63000));
    EXPECT_EQ(m.current().kind, ScreenKind::Attract);
    EXPECT_EQ(m.lang(), Lang::Vi);
    EXPECT_EQ(m.depth(), 0u);
    EXPECT_FALSE(m.idle_deadline_ms().has_value()) << "the attract loop never times out";
}

TEST(ScreenMachine, EveryTouchRestartsTheCountdown)
{
    ScreenMachine m(config(), { ScreenKind::Home, {} }, 0);
    for (TimeMs t = 50000; t < 500000; t += 50000) {
        m.touch(t);
        EXPECT_FALSE(m.tick(t + 59999)) << t;
    }
    EXPECT_EQ(m.current().kind, ScreenKind::Home);
}

TEST(ScreenMachine, HoldNeverTimesOut)
{
    ScreenMachine m(config(true), { ScreenKind::Slide, "s1" }, 0);
    EXPECT_FALSE(m.tick(7LL * 24 * 3600 * 1000));
    EXPECT_EQ(m.current(), (ScreenRef { ScreenKind::Slide, "s1" }));
}
