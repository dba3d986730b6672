// Drives the real screens headless (DrawLists only, no renderer) and measures their text.
#include "kiosk/tools/content/overflow_check.h"

#include "kiosk/core/unicode.h"
#include "kiosk/screens/attract_screen.h"
#include "kiosk/screens/browse_screens.h"
#include "kiosk/screens/home_screen.h"
#include "kiosk/screens/slide_screen.h"

#include <cmath>
#include <set>
#include <tuple>

namespace kiosk::tools {

using namespace core;

namespace {

// Which content item a string on screen came from: every text of every item, per language.
std::map<std::string, std::string> text_origins(const Exhibition& ex)
{
    std::map<std::string, std::string> origins;
    auto add = [&](const Text3& text, const std::string& origin) {
        for (auto lang : ALL_LANGS)
            origins.emplace(text[lang], origin);
    };
    add(ex.meta.title, "exhibition");
    add(ex.meta.subtitle, "exhibition");
    for (auto& p : ex.partnerships) {
        add(p.name, "partnership:" + p.id);
        add(p.tagline, "partnership:" + p.id);
    }
    for (auto& t : ex.topics) {
        add(t.title, "topic:" + t.id);
        add(t.summary, "topic:" + t.id);
    }
    for (auto& s : ex.slides) {
        add(s.title, "slide:" + s.id);
        add(s.body, "slide:" + s.id);
    }
    for (auto& p : ex.places) {
        add(p.name, "place:" + p.id);
        add(p.text, "place:" + p.id);
    }
    for (auto& e : ex.events)
        add(e.text, "event:" + e.id);
    for (auto& c : ex.charts) {
        add(c.title, "chart:" + c.id);
        for (auto& point : c.points)
            add(point.label, "chart:" + c.id);
    }
    return origins;
}

struct Checker {
    const Exhibition& ex;
    const std::map<std::string, std::pair<std::string, int>>& locations;
    FontMetrics& fonts;
    std::map<std::string, std::string> origins;
    std::set<std::tuple<std::string, int, int, int, int>> seen;
    std::vector<Overflow> found;
    std::vector<DrawImage>* pictures { nullptr }; // collects the pictures drawn when set

    void measure(const DrawList& list, const screens::Frame& frame, const std::string& screen_name)
    {
        int basis = frame.metrics.type_basis();
        for (auto& command : list.commands()) {
            if (auto* image = std::get_if<DrawImage>(&command); image && pictures) {
                pictures->push_back(*image);
                continue;
            }
            if (auto* video = std::get_if<DrawVideo>(&command);
                video && pictures && !video->poster_id.empty()) {
                pictures->push_back(poster_of(*video));
                continue;
            }
            if (pictures)
                continue; // collecting pictures only
            auto* text = std::get_if<DrawText>(&command);
            if (!text || text->text.empty())
                continue;
            Size box { static_cast<int>(text->box.w), static_cast<int>(text->box.h) };
            auto key = std::make_tuple(text->text, box.width, box.height,
                frame.metrics.screen.width, static_cast<int>(text->style.role));
            if (!seen.insert(key).second)
                continue;
            auto layout = layout_text(text->text, text->style, box, basis, fonts);
            if (layout.overflow_px <= 0 && !layout.ellipsized)
                continue;
            Overflow o;
            o.lang = text->style.lang;
            o.screen = frame.metrics.screen;
            o.screen_name = screen_name;
            o.text = text->text;
            o.overflow_px = static_cast<int>(std::ceil(layout.overflow_px));
            o.ellipsized = layout.ellipsized;
            auto origin = origins.find(text->text);
            if (origin != origins.end()) {
                auto loc = locations.find(origin->second);
                o.where = loc != locations.end()
                    ? loc->second.first + ":" + std::to_string(loc->second.second)
                    : origin->second;
            } else {
                o.where = "kiosk/screens (" + screen_name + ")";
            }
            found.push_back(std::move(o));
        }
    }

    void draw(screens::Screen& screen, const screens::Frame& frame, const std::string& name)
    {
        DrawList list;
        screen.draw(list, frame);
        measure(list, frame, name);
    }

    void run(Size size, Lang lang)
    {
        screens::Context ctx { ex, fonts };
        screens::Frame frame;
        frame.metrics = screens::Metrics::for_screen(size);
        frame.lang = lang;
        frame.now_ms = 0;

        screens::AttractConfig config;
        config.langs = { lang };
        screens::AttractScreen attract(ctx, config);
        attract.enter(0);
        TimeMs t = 0;
        for (size_t i = 0; i < attract.slide_count(); ++i) {
            frame.now_ms = t + config.fade_ms; // fully faded in
            draw(attract, frame, "attract");
            t += attract.current_duration_ms();
            attract.update(t);
        }
        frame.now_ms = 0;
        screens::HomeScreen home(ctx);
        draw(home, frame, "home");
        screens::PartnershipScreen partnership(ctx);
        for (auto& p : ex.partnerships) {
            partnership.show(p.id);
            draw(partnership, frame, "partnership:" + p.id);
        }
        screens::TopicScreen topic(ctx);
        for (auto& tp : ex.topics) {
            topic.show(tp.id);
            draw(topic, frame, "topic:" + tp.id);
        }
        screens::SlideScreen slide(ctx);
        for (auto& s : ex.slides) {
            slide.show(s.id);
            draw(slide, frame, "slide:" + s.id);
        }
        screens::ChartScreen chart(ctx);
        for (auto& c : ex.charts) {
            chart.show(c.id);
            draw(chart, frame, "chart:" + c.id);
        }
        // The timeline, scrolled end to end a third of a screen at a time.
        screens::TimelineScreen timeline(ctx);
        timeline.enter(0);
        float step = static_cast<float>(frame.metrics.portrait ? size.height : size.width) / 3.0f;
        for (int i = 0; i < 400; ++i) {
            draw(timeline, frame, "timeline");
            float before = timeline.scroll();
            timeline.on_pan(
                frame.metrics.portrait ? Point { 0, -step } : Point { -step, 0 }, {}, frame);
            if (timeline.scroll() == before)
                break;
        }
    }
};

} // namespace

std::vector<Overflow> check_overflow(const Exhibition& exhibition,
    const std::map<std::string, std::pair<std::string, int>>& locations, FontMetrics& fonts,
    const std::vector<Size>& sizes)
{
    Checker checker { exhibition, locations, fonts, text_origins(exhibition), {}, {} };
    for (auto size : sizes) {
        for (auto lang : ALL_LANGS)
            checker.run(size, lang);
    }
    return checker.found;
}

std::vector<DrawImage> drawn_pictures(
    const Exhibition& exhibition, FontMetrics& fonts, const std::vector<Size>& sizes)
{
    std::vector<DrawImage> pictures;
    static const std::map<std::string, std::pair<std::string, int>> no_locations;
    Checker checker { exhibition, no_locations, fonts, {}, {}, {}, &pictures };
    for (auto size : sizes) {
        for (auto lang : ALL_LANGS)
            checker.run(size, lang);
    }
    return pictures;
}

std::string format_overflow(const Overflow& o)
{
    // The first 60 code points, never half a character.
    size_t end = 0;
    for (int i = 0; i < 60 && end < o.text.size(); ++i)
        next_code_point(o.text, end);
    std::string excerpt = o.text.substr(0, end);
    std::string how = o.overflow_px > 0
        ? "overflows its box by " + std::to_string(o.overflow_px) + " px"
        : "is cut short with an ellipsis";
    return o.where + ": [" + std::string(lang_code(o.lang)) + ", " + std::to_string(o.screen.width)
        + "x" + std::to_string(o.screen.height) + "] text " + how + " on " + o.screen_name + ": \""
        + excerpt + (excerpt.size() < o.text.size() ? "…" : "") + "\"";
}

} // namespace kiosk::tools
