// The app's parts on their own: the screen registry and navigator, opening hours and the
// self-check on an injected clock, the run mode.
#include "kiosk/app/health.h"
#include "kiosk/app/navigator.h"
#include "kiosk/app/run_mode.h"
#include "kiosk/app/screen_registry.h"
#include "kiosk/store/store.h"

#include <gtest/gtest.h>

using namespace kiosk;
using app::Health;

TEST(ScreenRegistry, NamesOnTheCommandLineAreTheRegistrysKinds)
{
    struct Case {
        int id;
        const char* name;
        bool valid;
    };
    const Case cases[] = {
        { 1, "attract", true },
        { 2, "home", true },
        { 3, "partnership:hanoi-kanagawa", true },
        { 4, "topic:hpk-water", true },
        { 5, "slide:s1", true },
        { 6, "map", true },
        { 7, "map:haiphong", true },
        { 8, "timeline", true },
        { 9, "chart:c1", true },
        { 10, "staff", true },
        { 11, "slide", false }, // needs an id
        { 12, "topic", false },
        { 13, "chart", false },
        { 14, "home:x", false }, // takes none
        { 15, "attract:1", false },
        { 16, "maps", false }, // no such screen
        { 17, "", false },
        { 18, "slide:", false },
    };
    for (auto& c : cases)
        EXPECT_EQ(app::parse_screen_name(c.name).has_value(), c.valid) << "case " << c.id;
}

TEST(ScreenRegistry, EveryRowMakesItsScreenAndThePreviewListsEveryKind)
{
    auto store = store::Store::open(KIOSK_BINARY_DIR "/kiosk.db", store::Verify::Quick);
    ASSERT_TRUE(store.ok()) << store.error();
    auto ex = store.value()->load_exhibition();
    ASSERT_TRUE(ex.ok());
    auto refs = app::all_screens(ex.value());
    for (auto& row : app::screen_registry()) {
        bool listed = std::any_of(
            refs.begin(), refs.end(), [&](const core::ScreenRef& r) { return r.kind == row.kind; });
        EXPECT_EQ(listed, row.preview_ids != nullptr) << row.kind;
    }
    EXPECT_EQ(std::count_if(refs.begin(), refs.end(),
                  [](const core::ScreenRef& r) { return r.kind == core::ScreenKind::Slide; }),
        static_cast<long>(ex.value().slides.size()))
        << "every slide is previewed";
}

TEST(Navigator, DestinationsAndUnknownIds)
{
    using screens::Nav;
    using screens::NavKind;
    EXPECT_EQ(app::nav_destination({ NavKind::Topic, "t1" }),
        (core::ScreenRef { core::ScreenKind::Topic, "t1" }));
    EXPECT_EQ(app::nav_destination({ NavKind::Open, "timeline" }),
        (core::ScreenRef { core::ScreenKind::Timeline, "" }));
    EXPECT_FALSE(app::nav_destination({ NavKind::Open, "nowhere" }).has_value());
    EXPECT_FALSE(app::nav_destination({ NavKind::Back, {} }).has_value());
    EXPECT_FALSE(app::nav_destination(Nav::staff_command(screens::StaffCommand::Exit)).has_value());
}

TEST(Health, OpeningHoursBlankOnlyWhenQuietAndOutsideTheHours)
{
    app::Config config;
    config.on_minute = 8 * 60;
    config.off_minute = 18 * 60;
    int minute = 19 * 60;
    Health health(config, [&] { return minute; });
    const core::TimeMs quiet_for = 300001;
    EXPECT_FALSE(health.update_hours(quiet_for, false, 0)) << "a visitor is there";
    EXPECT_FALSE(health.update_hours(1000, true, 0)) << "touched less than five minutes ago";
    EXPECT_TRUE(health.update_hours(quiet_for, true, 0));
    EXPECT_TRUE(health.blanked());
    EXPECT_FALSE(health.update_hours(quiet_for + 1000, true, 0)) << "already blank";
    minute = 8 * 60;
    EXPECT_TRUE(health.update_hours(quiet_for + 2000, true, 0));
    EXPECT_FALSE(health.blanked());
    // Hours across midnight: open 22:00-02:00.
    config.on_minute = 22 * 60;
    config.off_minute = 2 * 60;
    Health night(config, [&] { return minute; });
    minute = 23 * 60;
    EXPECT_FALSE(night.update_hours(quiet_for, true, 0)) << "open at 23:00";
    minute = 3 * 60;
    EXPECT_TRUE(night.update_hours(quiet_for, true, 0));
    EXPECT_TRUE(night.blanked());
}

TEST(Health, ABlankFrameIsRedrawnOnceThenTheFallback)
{
    Health health(app::Config {}, [] { return 0; });
    EXPECT_TRUE(health.self_check_due(0));
    EXPECT_EQ(health.judge_frame(0, false), Health::Verdict::Fine);
    EXPECT_FALSE(health.self_check_due(59999)) << "once a minute";
    EXPECT_EQ(health.judge_frame(60000, true), Health::Verdict::Redraw);
    EXPECT_EQ(health.judge_frame(120000, false), Health::Verdict::Fine) << "recovered";
    EXPECT_EQ(health.judge_frame(180000, true), Health::Verdict::Redraw);
    EXPECT_EQ(health.judge_frame(240000, true), Health::Verdict::Fallback);
    EXPECT_EQ(health.judge_frame(300000, std::nullopt), Health::Verdict::Fine) << "unreadable";
}

TEST(RunMode, DecidedOnceFromTheCommandLine)
{
    app::Options o;
    EXPECT_EQ(app::run_mode(o), app::RunMode::Kiosk);
    o.windowed = true;
    EXPECT_EQ(app::run_mode(o), app::RunMode::Windowed);
    o.screenshot_path = "/tmp/x.png";
    auto t = app::run_traits(o);
    EXPECT_EQ(t.mode, app::RunMode::Screenshot);
    EXPECT_TRUE(t.headless);
    EXPECT_TRUE(t.hold);
    EXPECT_FALSE(t.looks_after_content);
    app::Options driven;
    driven.headless = true;
    auto d = app::run_traits(driven);
    EXPECT_EQ(d.mode, app::RunMode::Driven);
    EXPECT_TRUE(d.looks_after_content);
    EXPECT_FALSE(d.hold);
}
