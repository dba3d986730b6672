// Drives the real kiosk app headless (offscreen software renderer, virtual clock) through a
// visitor's session with scripted touches, checking the screen after each step and saving a
// picture of it (build/visitor_session/*.png) for people to look at.
#include "kiosk/app/app.h"
#include "kiosk/screens/screen.h"
#include "kiosk/store/store.h"
#include "tests/support/golden.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace kiosk;
namespace ScreenKind = core::ScreenKind;
using screens::Nav;
using screens::NavKind;

namespace {

class Visitor {
public:
    Visitor(core::Lang lang, core::Size size, bool fixed_lang = false,
        std::optional<core::ScreenRef> screen = std::nullopt)
    {
        app::Options options;
        options.headless = true;
        options.db_path = KIOSK_BINARY_DIR "/kiosk.db";
        options.size = size;
        options.screen = std::move(screen);
        if (fixed_lang)
            options.lang = lang; // like --lang: the attract loop stays in one language
        app::Config config;
        config.state_dir = "/nonexistent"; // no inbox, no counts
        config.default_lang = lang;
        m_app = std::make_unique<app::App>(options, config);
        m_started = m_app->start() == 0;
        m_app->advance(0);
    }
    bool started() const { return m_started; }
    app::App& app() { return *m_app; }

    void wait(core::TimeMs ms)
    {
        // Frames every 100 ms, as the loop would wake for animations.
        core::TimeMs end = m_app->now_ms() + ms;
        while (m_app->now_ms() < end)
            m_app->advance(std::min(end, m_app->now_ms() + 100));
    }
    void tap(core::Point p)
    {
        auto t = m_app->now_ms();
        m_app->feed({ 1, p, core::TouchPhase::Down, t + 10 });
        m_app->advance(t + 10);
        m_app->feed({ 1, p, core::TouchPhase::Up, t + 90 });
        m_app->advance(t + 90);
        wait(400);
    }
    bool tap(const Nav& nav)
    {
        auto p = m_app->target(nav);
        if (!p)
            return false;
        tap(*p);
        return true;
    }
    void swipe_left()
    {
        auto size = m_app->size();
        float y = static_cast<float>(size.height) * 0.5f;
        float x0 = static_cast<float>(size.width) * 0.8f,
              x1 = static_cast<float>(size.width) * 0.3f;
        auto t = m_app->now_ms();
        m_app->feed({ 2, { x0, y }, core::TouchPhase::Down, t + 10 });
        for (int i = 1; i <= 10; ++i)
            m_app->feed({ 2, { x0 + (x1 - x0) * static_cast<float>(i) / 10.0f, y },
                core::TouchPhase::Move, t + 10 + 16 * i });
        m_app->feed({ 2, { x1, y }, core::TouchPhase::Up, t + 10 + 16 * 10 });
        m_app->advance(t + 200);
        wait(400);
    }
    // Two fingers on either side of `centre`, `from` px apart, spread to `to` px apart in 30
    // moves of 16 ms, then lifted.
    void pinch(core::Point centre, float from, float to)
    {
        auto t = m_app->now_ms();
        auto at = [&](float spread, float side) {
            return core::Point { centre.x + side * spread / 2, centre.y };
        };
        m_app->feed({ 5, at(from, -1), core::TouchPhase::Down, t + 10 });
        m_app->feed({ 6, at(from, 1), core::TouchPhase::Down, t + 12 });
        m_app->advance(t + 12);
        for (int i = 1; i <= 30; ++i) {
            float spread = from + (to - from) * static_cast<float>(i) / 30.0f;
            auto ti = t + 12 + 16 * i;
            m_app->feed({ 5, at(spread, -1), core::TouchPhase::Move, ti });
            m_app->feed({ 6, at(spread, 1), core::TouchPhase::Move, ti });
            m_app->advance(ti);
        }
        auto end = t + 12 + 16 * 31;
        m_app->feed({ 5, at(to, -1), core::TouchPhase::Up, end });
        m_app->feed({ 6, at(to, 1), core::TouchPhase::Up, end });
        m_app->advance(end);
        wait(600);
    }
    // Drags the content up by `dy` px (a slow drag: no fling, no swipe).
    void drag_up(float dy)
    {
        auto size = m_app->size();
        float x = static_cast<float>(size.width) * 0.5f,
              y0 = static_cast<float>(size.height) * 0.7f;
        auto t = m_app->now_ms();
        m_app->feed({ 3, { x, y0 }, core::TouchPhase::Down, t + 10 });
        for (int i = 1; i <= 20; ++i)
            m_app->feed({ 3, { x, y0 - dy * static_cast<float>(i) / 20.0f }, core::TouchPhase::Move,
                t + 10 + 40 * i });
        m_app->feed({ 3, { x, y0 - dy }, core::TouchPhase::Move, t + 900 });
        m_app->feed({ 3, { x, y0 - dy }, core::TouchPhase::Up, t + 1000 });
        m_app->advance(t + 1000);
        wait(200);
    }
    void shot(const std::string& name)
    {
        auto dir = std::filesystem::path(KIOSK_BINARY_DIR) / "visitor_session";
        std::filesystem::create_directories(dir);
        m_app->advance(m_app->now_ms() + 1);
        auto status = m_app->save_png((dir / (name + ".png")).string());
        EXPECT_TRUE(status.ok()) << status.error();
    }

private:
    std::unique_ptr<app::App> m_app;
    bool m_started { false };
};

std::string lang_name(core::Lang lang)
{
    return std::string(core::lang_code(lang));
}

} // namespace

class VisitorSession : public ::testing::TestWithParam<std::tuple<core::Lang, core::Size>> { };

TEST_P(VisitorSession, AttractToPartnershipSlideSwipeChartHomeLanguageIdleAttract)
{
    auto [lang, size] = GetParam();
    std::string tag
        = lang_name(lang) + "_" + std::to_string(size.width) + "x" + std::to_string(size.height);
    Visitor v(lang, size);
    ASSERT_TRUE(v.started());
    ASSERT_FALSE(v.app().showing_fallback());
    EXPECT_EQ(v.app().screen().kind, ScreenKind::Attract);
    v.wait(3000);
    v.shot(tag + "_1_attract");

    // One touch anywhere opens home.
    v.tap({ 300, 300 });
    ASSERT_EQ(v.app().screen().kind, ScreenKind::Home);
    v.shot(tag + "_2_home");

    ASSERT_TRUE(v.tap(Nav { NavKind::Partnership, "haiphong-kitakyushu" }));
    ASSERT_EQ(
        v.app().screen(), (core::ScreenRef { ScreenKind::Partnership, "haiphong-kitakyushu" }));
    v.shot(tag + "_3_partnership");

    ASSERT_TRUE(v.tap(Nav { NavKind::Topic, "hpk-water" }));
    ASSERT_EQ(v.app().screen(), (core::ScreenRef { ScreenKind::Topic, "hpk-water" }));
    v.shot(tag + "_4_topic");

    ASSERT_TRUE(v.tap(Nav { NavKind::Slide, "wastewater-nam-hai" }));
    ASSERT_EQ(v.app().screen(), (core::ScreenRef { ScreenKind::Slide, "wastewater-nam-hai" }));
    v.shot(tag + "_5_slide");

    v.swipe_left();
    ASSERT_EQ(v.app().screen(), (core::ScreenRef { ScreenKind::Slide, "wastewater-ngoc-hai" }))
        << "a left swipe shows the next slide";
    v.shot(tag + "_6_swiped");

    // Back to the topic, then its chart.
    ASSERT_TRUE(v.tap(Nav { NavKind::Topic, "hpk-water" }));
    // The chart's card is below the slides: scroll the topic up until it is on screen.
    for (int i = 0; i < 8 && !v.app().target(Nav { NavKind::Chart, "an-duong-investment" }); ++i)
        v.drag_up(300);
    ASSERT_TRUE(v.tap(Nav { NavKind::Chart, "an-duong-investment" }));
    ASSERT_EQ(v.app().screen(), (core::ScreenRef { ScreenKind::Chart, "an-duong-investment" }));
    v.shot(tag + "_7_chart");

    ASSERT_TRUE(v.tap(Nav { NavKind::Home, {} }));
    ASSERT_EQ(v.app().screen().kind, ScreenKind::Home);

    // Switch language without losing the place.
    core::Lang other = lang == core::Lang::Ja ? core::Lang::En : core::Lang::Ja;
    ASSERT_TRUE(v.tap(Nav { NavKind::SetLang, {}, other }));
    EXPECT_EQ(v.app().lang(), other);
    EXPECT_EQ(v.app().screen().kind, ScreenKind::Home);
    v.shot(tag + "_8_language");

    // A quiet minute: back to the attract loop in the default language.
    v.wait(59000);
    EXPECT_EQ(v.app().screen().kind, ScreenKind::Home) << "not before the idle timeout";
    v.wait(1500);
    EXPECT_EQ(v.app().screen().kind, ScreenKind::Attract);
    EXPECT_EQ(v.app().lang(), lang);
    v.shot(tag + "_9_idle_attract");
}

INSTANTIATE_TEST_SUITE_P(LanguagesAndSizes, VisitorSession,
    ::testing::Values(std::make_tuple(core::Lang::Vi, core::Size { 1920, 1080 }),
        std::make_tuple(core::Lang::Ja, core::Size { 1920, 1080 }),
        std::make_tuple(core::Lang::En, core::Size { 1920, 1080 }),
        std::make_tuple(core::Lang::Vi, core::Size { 1080, 1920 })),
    [](const auto& info) {
        auto size = std::get<1>(info.param);
        return lang_name(std::get<0>(info.param)) + "_" + std::to_string(size.width) + "x"
            + std::to_string(size.height);
    });

// The map by touch alone, through the real app: home -> map, two pinches in on Hai Phong (the
// city stays under the fingers), a tap on the An Duong water plant's marker, its panel in the
// visitor's language, and the panel's slide button.
class MapVisit : public ::testing::TestWithParam<core::Lang> { };

TEST_P(MapVisit, PinchesInOnHaiPhongTapsTheWaterPlantAndReadsIt)
{
    core::Lang lang = GetParam();
    Visitor v(lang, { 1920, 1080 });
    ASSERT_TRUE(v.started());
    v.tap({ 300, 300 });
    ASSERT_EQ(v.app().screen().kind, ScreenKind::Home);
    ASSERT_TRUE(v.tap(Nav { NavKind::Map, {} }));
    ASSERT_EQ(v.app().screen().kind, ScreenKind::Map);
    v.wait(2000);
    auto city = v.app().marker("haiphong");
    ASSERT_TRUE(city.has_value());
    EXPECT_FALSE(v.app().marker("an-duong-water-plant").has_value())
        << "sites are not shown over the whole region";

    for (int i = 0; i < 3; ++i) {
        auto before = v.app().marker("haiphong");
        ASSERT_TRUE(before.has_value());
        v.pinch(*before, 120, 900);
        auto after = v.app().marker("haiphong");
        ASSERT_TRUE(after.has_value()) << "pinch " << i;
        EXPECT_NEAR(after->x, before->x, 3) << "the city stays under the fingers";
        EXPECT_NEAR(after->y, before->y, 3);
        if (v.app().marker("an-duong-water-plant"))
            break;
    }
    auto plant = v.app().marker("an-duong-water-plant");
    ASSERT_TRUE(plant.has_value()) << "zoomed in, the water plant has its marker";
    v.shot("map_1_pinched_" + lang_name(lang));

    // A marker leading a cluster opens the cluster first (the map zooms in), then the panel.
    for (int tap = 0; tap < 3 && v.app().open_place().empty(); ++tap) {
        plant = v.app().marker("an-duong-water-plant");
        ASSERT_TRUE(plant.has_value()) << "tap " << tap;
        v.tap(*plant);
        v.wait(1000);
    }
    EXPECT_EQ(v.app().open_place(), "an-duong-water-plant");
    EXPECT_TRUE(v.app().target(Nav { NavKind::Slide, "an-duong-upgrade" }).has_value())
        << "the panel lists the place's slides";
    v.shot("map_2_panel_" + lang_name(lang));

    ASSERT_TRUE(v.tap(Nav { NavKind::Slide, "an-duong-upgrade" }));
    EXPECT_EQ(v.app().screen().kind, ScreenKind::Slide);
    EXPECT_EQ(v.app().screen().id, "an-duong-upgrade");
}

// The map's picture as a visitor sees it (land, coasts, borders, arcs at rest, markers, labels,
// a place's panel) against golden PNGs: a change to the projection, the painter or the layout
// shows here.
TEST(MapPicture, MatchesTheGoldens)
{
    struct Case {
        core::Lang lang;
        core::Size size;
        std::string screen;
    };
    std::vector<Case> cases { Case { core::Lang::En, { 1280, 720 }, "haiphong-kitakyushu" },
        Case { core::Lang::Ja, { 720, 1280 }, "an-duong-water-plant" },
        Case { core::Lang::Vi, { 1280, 720 }, "kanagawa" } };
    // The overview and each partnership in three languages, landscape and portrait (small, so
    // the goldens stay light).
    for (const char* screen : { "", "haiphong-kitakyushu", "hanoi-kanagawa", "vietnam-japan" }) {
        for (auto lang : core::ALL_LANGS) {
            for (core::Size size : { core::Size { 640, 360 }, core::Size { 360, 640 } })
                cases.push_back({ lang, size, screen });
        }
    }
    for (auto& c : cases) {
        Visitor v(c.lang, c.size, true, core::ScreenRef { ScreenKind::Map, c.screen });
        ASSERT_TRUE(v.started());
        v.wait(8000); // the arcs come to rest
        std::string name = "map_" + (c.screen.empty() ? std::string("overview") : c.screen) + "_"
            + lang_name(c.lang) + "_" + std::to_string(c.size.width) + "x"
            + std::to_string(c.size.height) + ".png";
        auto path = std::filesystem::path(KIOSK_BINARY_DIR) / "visitor_session" / name;
        std::filesystem::create_directories(path.parent_path());
        ASSERT_TRUE(v.app().save_png(path.string()).ok());
        platform::SurfacePtr shot(IMG_Load(path.c_str()));
        SCOPED_TRACE(name);
        kiosk::testing::expect_matches_golden(shot.get(), name);
    }
}

INSTANTIATE_TEST_SUITE_P(Languages, MapVisit,
    ::testing::Values(core::Lang::Vi, core::Lang::Ja, core::Lang::En),
    [](const auto& info) { return lang_name(info.param); });

TEST(AttractLoop, AdvancesThroughTheSlidesAndLoopsWithoutGrowing)
{
    // One language, so one loop shows every text the loop has; the second must add nothing.
    Visitor v(core::Lang::Vi, { 480, 270 }, true);
    ASSERT_TRUE(v.started());
    // The whole loop is about ten minutes; two of them, compared.
    v.wait(10 * 60 * 1000);
    auto first = v.app().stats();
    v.wait(10 * 60 * 1000);
    auto second = v.app().stats();
    // The slow pan asks for a frame every 250 ms; stepping 100 ms at a time, that is one every
    // 300 ms: about 2000 in ten minutes, plus the cross-fades.
    EXPECT_GE(second.frames - first.frames, 1900u);
    EXPECT_LE(second.frames - first.frames, 6000u) << "no busy redrawing";
    RecordProperty("frames", std::to_string(second.frames - first.frames));
    EXPECT_LE(second.text_bytes, size_t { 24 } << 20) << "the text cache stays within its budget";
    EXPECT_LE(second.image_bytes, size_t { 48 } << 20);
    EXPECT_EQ(second.text_textures, first.text_textures) << "no growth from one loop to the next";
    EXPECT_EQ(second.image_textures, first.image_textures);
    EXPECT_EQ(second.text_misses, first.text_misses) << "the second loop shapes nothing new";
    EXPECT_EQ(v.app().screen().kind, ScreenKind::Attract);
}

TEST(AttractLoop, FliesOverTheMapBetweenTheTwinCities)
{
    // When the first fly-over starts: after the first eight slides of the loop.
    auto store = store::Store::open(KIOSK_BINARY_DIR "/kiosk.db", store::Verify::Quick);
    ASSERT_TRUE(store.ok());
    auto ex = store.value()->load_exhibition();
    ASSERT_TRUE(ex.ok());
    auto slides = ex.value().attract_slides();
    ASSERT_GE(slides.size(), 8u);
    core::TimeMs start = 0;
    for (size_t i = 0; i < 8; ++i)
        start += slides[i]->duration_ms;

    Visitor v(core::Lang::Vi, { 1280, 720 });
    ASSERT_TRUE(v.started());
    v.wait(start + 500);
    // Flying: a frame every 16 ms (the loop's pace while the camera moves).
    auto before = v.app().stats().frames;
    for (int i = 0; i < 120; ++i)
        v.app().advance(v.app().now_ms() + 16);
    auto flying_frames = v.app().stats().frames - before;
    EXPECT_GE(flying_frames, 100u) << "the fly-over animates smoothly";
    v.shot("attract_flyover_vi_1280x720");
    // Then the loop goes on with the next slide.
    v.wait(12000);
    auto after = v.app().stats().frames;
    v.wait(5000);
    EXPECT_LT(v.app().stats().frames - after, 5000u / 100) << "back to the slow pace on a slide";
    EXPECT_EQ(v.app().screen().kind, ScreenKind::Attract);
}
