// The map screen driven headless: a scripted visitor session (both countries, pinch in on Hai
// Phong, pan, tap the water plant, read its panel, close it), presets, labels, timing, and the
// map with no geometry at all.
#include "kiosk/screens/map_screen.h"
#include "kiosk/screens/map_text.h"

#include "kiosk/core/script.h"
#include "kiosk/core/unicode.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>

using namespace kiosk;
using namespace kiosk::core;
using namespace kiosk::screens;

namespace {

// Fixed advances: CJK 1 em, everything else 0.55 em; lines 1.4 em.
class FakeMetrics final : public FontMetrics {
public:
    int measure_px(std::string_view utf8, Script, Weight, int size_px) override
    {
        double em = 0;
        size_t offset = 0;
        while (offset < utf8.size()) {
            char32_t cp = next_code_point(utf8, offset);
            em += script_of(cp) == Script::Cjk ? 1.0 : 0.55;
        }
        return static_cast<int>(std::lround(em * size_px));
    }
    int line_height_px(Script, Weight, int size_px) override
    {
        return static_cast<int>(std::lround(1.4 * size_px));
    }
};

Text3 t3(const char* vi, const char* ja, const char* en)
{
    return { { vi, ja, en } };
}

Place place(const char* id, PlaceKind kind, double lat, double lon, Text3 name,
    std::vector<std::string> slides = {})
{
    Place p;
    p.id = id;
    p.kind = kind;
    p.lat_deg = lat;
    p.lon_deg = lon;
    p.name = std::move(name);
    p.text = t3("Văn bản", "テキスト", "Text");
    p.image = "scenes/water-plant.svg";
    p.slide_ids = std::move(slides);
    return p;
}

Exhibition sample_exhibition()
{
    Exhibition ex;
    ex.places.push_back(place(
        "haiphong", PlaceKind::City, 20.865, 106.684, t3("Hải Phòng", "ハイフォン", "Hai Phong")));
    ex.places.push_back(place("kitakyushu", PlaceKind::City, 33.883, 130.875,
        t3("Kitakyushu", "北九州市", "Kitakyushu")));
    ex.places.push_back(
        place("hanoi", PlaceKind::City, 21.028, 105.854, t3("Hà Nội", "ハノイ", "Hanoi")));
    ex.places.push_back(place("kanagawa", PlaceKind::Prefecture, 35.448, 139.643,
        t3("Kanagawa", "神奈川県", "Kanagawa")));
    ex.places.push_back(
        place("tokyo", PlaceKind::City, 35.690, 139.692, t3("Tokyo", "東京", "Tokyo")));
    ex.places.push_back(place("an-duong-water-plant", PlaceKind::Site, 20.873, 106.625,
        t3("Nhà máy nước An Dương", "アンズオン浄水場", "An Duong water plant"),
        { "an-duong-upgrade", "ubcf-research" }));
    ex.places.push_back(place("nam-cau-kien-ip", PlaceKind::Site, 20.917, 106.627,
        t3("KCN Nam Cầu Kiền", "ナムカウキエン工業団地", "Nam Cau Kien industrial park")));
    ex.places.push_back(place("cat-ba", PlaceKind::Site, 20.727, 107.048,
        t3("Đảo Cát Bà", "カットバ島", "Cat Ba island")));
    ex.places.push_back(place("hibikinada-port", PlaceKind::Port, 33.930, 130.800,
        t3("Cảng Hibikinada", "響灘港", "Hibikinada port")));
    for (auto [id, title] : { std::pair { "an-duong-upgrade", "Nâng cấp An Dương" },
             std::pair { "ubcf-research", "Nghiên cứu U-BCF" } }) {
        Slide s;
        s.id = id;
        s.title = t3(title, "スライド", "Slide");
        ex.slides.push_back(s);
    }
    Partnership hpk;
    hpk.id = "haiphong-kitakyushu";
    hpk.order = 1;
    hpk.place_ids = { "haiphong", "kitakyushu" };
    hpk.name = t3("Hải Phòng – Kitakyushu", "ハイフォン・北九州市", "Hai Phong – Kitakyushu");
    Partnership hnk;
    hnk.id = "hanoi-kanagawa";
    hnk.order = 2;
    hnk.place_ids = { "hanoi", "kanagawa" };
    hnk.name = t3("Hà Nội – Kanagawa", "ハノイ・神奈川県", "Hanoi – Kanagawa");
    ex.partnerships = { hpk, hnk };
    auto link = [](const char* id, const char* from, const char* to, LinkKind kind) {
        Link l;
        l.id = id;
        l.from_place_id = from;
        l.to_place_id = to;
        l.kind = kind;
        return l;
    };
    ex.links = { link("hpk-friendship", "haiphong", "kitakyushu", LinkKind::Friendship),
        link("haiphong-kitakyushu", "haiphong", "kitakyushu", LinkKind::Sister),
        link("hanoi-kanagawa", "hanoi", "kanagawa", LinkKind::Friendship),
        link("hanoi-tokyo", "hanoi", "tokyo", LinkKind::Cooperation) };
    return ex;
}

const MapGeometry& bundled_map()
{
    static const MapGeometry geometry = [] {
        std::ifstream in(KIOSK_SOURCE_DIR "/assets/map/east-asia.kmap", std::ios::binary);
        std::vector<uint8_t> bytes { std::istreambuf_iterator<char>(in),
            std::istreambuf_iterator<char>() };
        auto parsed = MapGeometry::parse(bytes);
        EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error());
        return parsed.release_value();
    }();
    return geometry;
}

Frame frame_at(Size size, TimeMs now, Lang lang = Lang::Vi)
{
    Frame f;
    f.metrics = Metrics::for_screen(size);
    f.now_ms = now;
    f.lang = lang;
    return f;
}

class MapSession : public ::testing::Test {
protected:
    Exhibition exhibition { sample_exhibition() };
    FakeMetrics metrics;
    Context ctx { exhibition, metrics };
    DrawList list;

    void draw(MapScreen& screen, const Frame& f)
    {
        list.reset();
        screen.draw(list, f);
    }
    // Draws frames until the camera is still (flights over).
    void settle(MapScreen& screen, Frame& f)
    {
        for (int i = 0; i < 400 && screen.view().flying(); ++i) {
            f.now_ms += 16;
            draw(screen, f);
        }
        draw(screen, f);
    }
    // A label holding `name` (a cluster's label names its partnership places: "A · B +3").
    bool has_label_naming(const std::string& name) const
    {
        for (auto& c : list.commands()) {
            if (auto* t = std::get_if<DrawText>(&c); t && t->text.find(name) != std::string::npos)
                return true;
        }
        return false;
    }
    bool has_text(const std::string& text) const
    {
        for (auto& c : list.commands()) {
            if (auto* t = std::get_if<DrawText>(&c); t && t->text == text)
                return true;
        }
        return false;
    }
    std::optional<kiosk::core::Rect> text_box(const std::string& text) const
    {
        for (auto& c : list.commands()) {
            if (auto* t = std::get_if<DrawText>(&c); t && t->text == text)
                return t->box;
        }
        return std::nullopt;
    }
    static bool has_hit(const MapScreen& screen, const Nav& nav)
    {
        for (auto& h : screen.hits()) {
            if (h.nav == nav)
                return true;
        }
        return false;
    }
    static kiosk::core::Point pixel(const MapScreen& screen, const char* place_id, Exhibition& ex)
    {
        auto* p = ex.find_place(place_id);
        return screen.view().world_to_screen(project({ p->lat_deg, p->lon_deg }));
    }
    static void expect_labels_apart(const MapScreen& screen)
    {
        auto& rects = screen.label_rects();
        for (size_t i = 0; i < rects.size(); ++i) {
            for (size_t j = i + 1; j < rects.size(); ++j)
                EXPECT_FALSE(rects_overlap(rects[i], rects[j])) << "labels " << i << ", " << j;
        }
    }
    bool on_screen_below_bar(const MapScreen& screen, const char* id, const Frame& f)
    {
        auto p = pixel(screen, id, exhibition);
        return p.x >= 0 && p.x <= f.metrics.screen.width && p.y >= f.metrics.bar_height
            && p.y <= f.metrics.screen.height;
    }
};

} // namespace

TEST_F(MapSession, VisitorPinchesToTheWaterPlantAndReadsIt)
{
    MapScreen screen(ctx, &bundled_map());
    ASSERT_TRUE(screen.show(""));
    screen.enter(0);
    Frame f = frame_at({ 1920, 1080 }, 0);
    draw(screen, f);
    // Both countries: the four partnership cities are on screen.
    for (auto* id : { "haiphong", "kitakyushu", "hanoi", "kanagawa" })
        EXPECT_TRUE(on_screen_below_bar(screen, id, f)) << id;
    EXPECT_TRUE(has_label_naming("Hải Phòng"));
    EXPECT_TRUE(has_text(map_text::CREDIT));
    EXPECT_TRUE(has_hit(screen, { NavKind::Back, {} }));
    expect_labels_apart(screen);
    bool land = std::any_of(list.commands().begin(), list.commands().end(),
        [](auto& c) { return std::holds_alternative<Triangles>(c); });
    EXPECT_TRUE(land);

    // Pinch in around Hai Phong: the city stays under the fingers.
    auto hp = pixel(screen, "haiphong", exhibition);
    double scale_before = screen.view().scale();
    for (int i = 0; i < 20; ++i) {
        f.now_ms += 16;
        screen.on_pinch(hp, {}, 1.25f, f);
        draw(screen, f);
    }
    EXPECT_GT(screen.view().scale(), scale_before * 50);
    auto hp_after = pixel(screen, "haiphong", exhibition);
    EXPECT_NEAR(hp_after.x, hp.x, 1.0);
    EXPECT_NEAR(hp_after.y, hp.y, 1.0);

    // Pan: the map follows the finger.
    f.now_ms += 500;
    screen.on_pan({ -150, 60 }, {}, f);
    draw(screen, f);
    auto hp_panned = pixel(screen, "haiphong", exhibition);
    EXPECT_NEAR(hp_panned.x, hp.x - 150, 1.0);
    EXPECT_NEAR(hp_panned.y, hp.y + 60, 1.0);
    expect_labels_apart(screen);

    // Tap the water plant's marker, found through the view.
    auto plant = pixel(screen, "an-duong-water-plant", exhibition);
    auto drawn = screen.marker_position("an-duong-water-plant");
    ASSERT_TRUE(drawn.has_value()) << "the water plant's marker is shown at this zoom";
    EXPECT_NEAR(drawn->x, plant.x, 0.01);
    EXPECT_NEAR(drawn->y, plant.y, 0.01);
    f.now_ms += 1000;
    EXPECT_EQ(screen.on_tap(plant, f).kind, NavKind::None);
    settle(screen, f);
    EXPECT_EQ(screen.open_place(), "an-duong-water-plant");
    EXPECT_TRUE(has_text("Nhà máy nước An Dương"));
    EXPECT_TRUE(has_text("Văn bản"));
    EXPECT_TRUE(has_hit(screen, { NavKind::Slide, "an-duong-upgrade" }));
    EXPECT_TRUE(has_hit(screen, { NavKind::Slide, "ubcf-research" }));
    bool image = std::any_of(list.commands().begin(), list.commands().end(), [](auto& c) {
        auto* i = std::get_if<DrawImage>(&c);
        return i && i->image_id == "scenes/water-plant.svg";
    });
    EXPECT_TRUE(image);
    expect_labels_apart(screen);
    // The slide button answers a tap with the slide.
    for (auto& h : screen.hits()) {
        if (h.nav.kind == NavKind::Slide) {
            kiosk::core::Point c { h.rect.x + h.rect.w / 2, h.rect.y + h.rect.h / 2 };
            EXPECT_EQ(screen.on_tap(c, f).kind, NavKind::Slide);
            break;
        }
    }
    EXPECT_EQ(screen.open_place(), "an-duong-water-plant");

    // A tap on empty map (no marker near, left of the panel) closes the panel.
    f.now_ms += 1000;
    kiosk::core::Point empty { 300, 700 };
    ASSERT_FALSE(screen.marker_position("haiphong").has_value()
        && std::hypot(screen.marker_position("haiphong")->x - empty.x,
               screen.marker_position("haiphong")->y - empty.y)
            < 100);
    screen.on_tap(empty, f);
    draw(screen, f);
    EXPECT_EQ(screen.open_place(), "");
    EXPECT_FALSE(has_text("Văn bản"));
    EXPECT_FALSE(has_hit(screen, { NavKind::Slide, "an-duong-upgrade" }));
}

TEST_F(MapSession, PresetsFlyToBothPartners)
{
    MapScreen screen(ctx, &bundled_map());
    ASSERT_TRUE(screen.show("an-duong-water-plant"));
    screen.enter(0);
    Frame f = frame_at({ 1920, 1080 }, 0);
    draw(screen, f);
    EXPECT_EQ(screen.open_place(), "an-duong-water-plant");
    struct Case {
        const char* label;
        std::vector<const char*> places;
    };
    const Case cases[] = {
        { "Hải Phòng – Kitakyushu", { "haiphong", "kitakyushu" } },
        { "Hà Nội – Kanagawa", { "hanoi", "kanagawa" } },
        { "Cả hai nước", { "haiphong", "kitakyushu", "hanoi", "kanagawa" } },
    };
    for (auto& c : cases) {
        auto box = text_box(c.label);
        ASSERT_TRUE(box.has_value()) << c.label;
        f.now_ms += 1000;
        screen.on_tap({ box->x + box->w / 2, box->y + box->h / 2 }, f);
        EXPECT_TRUE(screen.view().flying()) << c.label;
        EXPECT_TRUE(screen.next_frame_ms(f.now_ms).has_value());
        settle(screen, f);
        EXPECT_FALSE(screen.view().flying());
        EXPECT_EQ(screen.open_place(), "") << "a preset closes the panel";
        for (auto* id : c.places) {
            EXPECT_TRUE(on_screen_below_bar(screen, id, f)) << c.label << ": " << id;
            // Its own marker, or named on the cluster it is in (Hanoi by Hai Phong zoomed out).
            EXPECT_TRUE(screen.marker_position(id).has_value()
                || has_label_naming(exhibition.find_place(id)->name[Lang::Vi]))
                << c.label << ": " << id;
        }
        expect_labels_apart(screen);
    }
}

TEST_F(MapSession, ShowFramesPartnershipsAndPlaces)
{
    MapScreen screen(ctx, &bundled_map());
    Frame f = frame_at({ 1080, 1920 }, 0, Lang::Ja);
    EXPECT_FALSE(screen.show("atlantis"));
    ASSERT_TRUE(screen.show("hanoi-kanagawa"));
    screen.enter(0);
    draw(screen, f);
    EXPECT_TRUE(on_screen_below_bar(screen, "hanoi", f));
    EXPECT_TRUE(on_screen_below_bar(screen, "kanagawa", f));
    EXPECT_EQ(screen.open_place(), "");
    EXPECT_TRUE(has_label_naming("ハノイ"));
    expect_labels_apart(screen);

    ASSERT_TRUE(screen.show("kitakyushu"));
    screen.enter(100);
    f.now_ms = 100;
    draw(screen, f);
    EXPECT_EQ(screen.open_place(), "kitakyushu");
    EXPECT_TRUE(has_text("北九州市"));
    auto at = screen.marker_position("kitakyushu");
    ASSERT_TRUE(at.has_value());
    // Centred in the part of the screen the panel leaves free (portrait: above it).
    EXPECT_NEAR(at->x, 540, 2);
    EXPECT_LT(at->y, 1920 * 0.6);
    expect_labels_apart(screen);
}

TEST_F(MapSession, StillMapStopsAnimating)
{
    MapScreen screen(ctx, &bundled_map());
    screen.show("");
    screen.enter(0);
    Frame f = frame_at({ 1920, 1080 }, 0);
    draw(screen, f);
    EXPECT_EQ(screen.next_frame_ms(0), TimeMs { 16 });
    f.now_ms = MapScreen::ARC_ANIMATION_MS + 1;
    draw(screen, f);
    EXPECT_EQ(screen.next_frame_ms(f.now_ms), std::nullopt);
    // Moving the map wakes the arcs up again, and a fling coasts.
    screen.on_pinch({ 960, 540 }, {}, 3.0f, f);
    screen.on_pan({ 40, 0 }, {}, f);
    screen.on_pan_end({ 1.5f, 0 }, f);
    EXPECT_TRUE(screen.next_frame_ms(f.now_ms).has_value());
    auto centre = screen.view().centre();
    f.now_ms += 100;
    draw(screen, f);
    EXPECT_LT(screen.view().centre().x, centre.x) << "still coasting right";
    f.now_ms += 20000;
    draw(screen, f);
    EXPECT_TRUE(screen.next_frame_ms(f.now_ms).has_value()) << "the arcs move a while longer";
    f.now_ms += MapScreen::ARC_ANIMATION_MS;
    draw(screen, f);
    EXPECT_EQ(screen.next_frame_ms(f.now_ms), std::nullopt);
}

TEST_F(MapSession, DoubleTapZoomsIn)
{
    MapScreen screen(ctx, &bundled_map());
    screen.show("");
    screen.enter(0);
    Frame f = frame_at({ 1920, 1080 }, 0);
    draw(screen, f);
    kiosk::core::Point sea { 1500, 900 }; // the Pacific, far from any marker
    double before = screen.view().scale();
    f.now_ms = 1000;
    screen.on_tap(sea, f);
    f.now_ms += 200;
    screen.on_tap({ sea.x + 5, sea.y - 5 }, f);
    settle(screen, f);
    EXPECT_NEAR(screen.view().scale(), before * 2, before * 0.01);
    // Two taps too far apart in time do not zoom.
    before = screen.view().scale();
    f.now_ms += 1000;
    screen.on_tap(sea, f);
    f.now_ms += MapScreen::DOUBLE_TAP_MS + 50;
    screen.on_tap(sea, f);
    settle(screen, f);
    EXPECT_DOUBLE_EQ(screen.view().scale(), before);
}

TEST_F(MapSession, WorksAtEverySizeAndLanguage)
{
    for (Size size : { Size { 1920, 1080 }, Size { 1080, 1920 }, Size { 3840, 2160 } }) {
        for (Lang lang : ALL_LANGS) {
            MapScreen screen(ctx, &bundled_map());
            screen.show("haiphong-kitakyushu");
            screen.enter(0);
            Frame f = frame_at(size, 0, lang);
            draw(screen, f);
            EXPECT_TRUE(on_screen_below_bar(screen, "haiphong", f));
            EXPECT_TRUE(on_screen_below_bar(screen, "kitakyushu", f));
            EXPECT_TRUE(has_label_naming(exhibition.find_place("haiphong")->name[lang]));
            expect_labels_apart(screen);
            // Every marker is at least a 48 px target at 1080p (scaled). Hai Phong is in a
            // cluster with Hanoi here: the first tap zooms in until they part, the second opens.
            double scale = screen.view().scale();
            for (int tap = 0; tap < 3 && screen.open_place().empty(); ++tap) {
                auto hp = screen.marker_position("haiphong");
                ASSERT_TRUE(hp.has_value());
                f.now_ms += 1000;
                kiosk::core::Point edge { hp->x + 24 * f.metrics.unit - 1, hp->y };
                screen.on_tap(edge, f);
                settle(screen, f);
            }
            EXPECT_EQ(screen.open_place(), "haiphong");
            EXPECT_GT(screen.view().scale(), scale) << "the cluster opened first";
        }
    }
}

TEST_F(MapSession, TheMapPictureIsPaintedSmallWhileMovingThenSharpOnceAtRest)
{
    MapScreen screen(ctx, &bundled_map());
    screen.show("haiphong-kitakyushu");
    screen.enter(0);
    Frame f = frame_at({ 1920, 1080 }, 0);
    auto layer = [&]() {
        for (auto& c : list.commands()) {
            if (auto* l = std::get_if<BeginLayer>(&c))
                return *l;
        }
        ADD_FAILURE() << "no map layer";
        return BeginLayer {};
    };
    // Coasts and borders: the thin lines in the picture (the arcs are 5 px wide).
    auto outlines = [&]() {
        return std::count_if(list.commands().begin(), list.commands().end(), [](auto& c) {
            auto* line = std::get_if<Polyline>(&c);
            return line && line->thickness < 3;
        });
    };
    draw(screen, f);
    ASSERT_TRUE(std::holds_alternative<BeginLayer>(list.commands().front()))
        << "the picture covers the screen first";
    EXPECT_EQ(layer().resolution, 1.0f);
    EXPECT_GT(outlines(), 0) << "coasts and borders at rest";
    // The arcs keep moving: frames go on, the picture stays (no new version to paint).
    uint64_t rest_version = layer().version;
    for (int i = 0; i < 10; ++i) {
        f.now_ms += 16;
        draw(screen, f);
        EXPECT_EQ(layer().version, rest_version);
    }
    // A pinch: every frame is a new, small picture without outlines.
    uint64_t last = rest_version;
    Point centre { 900, 600 };
    for (int i = 0; i < 30; ++i) {
        f.now_ms += 16;
        screen.on_pinch(centre, {}, i < 15 ? 1.05f : 0.95f, f);
        draw(screen, f);
        EXPECT_GT(layer().version, last);
        last = layer().version;
        EXPECT_LE(layer().resolution, 0.5f);
        EXPECT_EQ(outlines(), 0);
    }
    // The fingers rest: one sharp picture, then it is kept.
    f.now_ms += 250;
    draw(screen, f);
    EXPECT_GT(layer().version, last);
    EXPECT_EQ(layer().resolution, 1.0f);
    EXPECT_GT(outlines(), 0);
    rest_version = layer().version;
    f.now_ms += 16;
    draw(screen, f);
    EXPECT_EQ(layer().version, rest_version);
    // At 4K the moving picture stays about as small as at 1080p.
    Frame big = frame_at({ 3840, 2160 }, f.now_ms + 16);
    screen.on_pan({ 40, 0 }, {}, big);
    draw(screen, big);
    EXPECT_LE(layer().resolution * 3840, 1024.0f);
}

TEST_F(MapSession, WithoutGeometryTheMapStillShowsItsPlaces)
{
    MapScreen screen(ctx, nullptr);
    screen.show("");
    screen.enter(0);
    Frame f = frame_at({ 1920, 1080 }, 0, Lang::En);
    draw(screen, f);
    size_t lines = 0, triangles = 0;
    for (auto& c : list.commands()) {
        lines += std::holds_alternative<DrawLine>(c) ? 1 : 0;
        triangles += std::holds_alternative<Triangles>(c) ? 1 : 0;
    }
    EXPECT_EQ(triangles, 0u);
    EXPECT_GT(lines, 8u) << "a graticule and the arcs";
    EXPECT_TRUE(has_label_naming("Hai Phong"));
    EXPECT_TRUE(has_label_naming("Kitakyushu"));
    EXPECT_TRUE(has_text("Both countries"));
    EXPECT_NE(list.clear_color(), Color {});
}
