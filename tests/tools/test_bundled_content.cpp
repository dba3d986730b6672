// The bundled exhibition (content/ and assets/): it compiles with no diagnostic, every
// fact-bearing item names an article that exists, every visitor-facing string has all three
// languages, and it has the coverage the exhibition promises.
#include "kiosk/tools/content/compiler.h"
#include "kiosk/tools/content/source_tree.h"

#include <gtest/gtest.h>
#include <map>
#include <set>
#include <vector>

using namespace kiosk;

namespace {

tools::CompileOutput compile_bundled()
{
    tools::Diagnostics read_problems;
    auto input = tools::read_source_tree(
        KIOSK_SOURCE_DIR "/content", KIOSK_SOURCE_DIR "/assets", read_problems);
    EXPECT_TRUE(read_problems.empty()) << read_problems.format();
    return tools::compile_content(input);
}

void expect_three_languages(const core::Text3& text, const std::string& what)
{
    for (auto lang : core::ALL_LANGS)
        EXPECT_FALSE(text[lang].empty()) << what << " has no " << core::lang_code(lang);
}

} // namespace

TEST(BundledContent, CompilesCleanly)
{
    auto out = compile_bundled();
    EXPECT_TRUE(out.diagnostics.empty()) << out.diagnostics.format();
}

TEST(BundledContent, EveryFactNamesItsArticle)
{
    auto out = compile_bundled();
    auto& ex = out.exhibition;
    std::set<std::string> articles;
    for (auto& s : ex.sources)
        articles.insert(s.id);
    EXPECT_EQ(articles, (std::set<std::string> { "000", "001", "002", "003", "004" }));
    for (auto& s : ex.slides)
        EXPECT_TRUE(articles.contains(s.source_id)) << "slide " << s.id;
    for (auto& p : ex.places) {
        EXPECT_TRUE(articles.contains(p.source_id)) << "place " << p.id;
        EXPECT_FALSE(p.coord_ref.empty())
            << "place " << p.id << " does not say where its coordinates come from";
    }
    for (auto& e : ex.events)
        EXPECT_TRUE(articles.contains(e.source_id)) << "event " << e.id;
    for (auto& c : ex.charts)
        EXPECT_TRUE(articles.contains(c.source_id)) << "chart " << c.id;
    for (auto& l : ex.links)
        EXPECT_TRUE(articles.contains(l.source_id)) << "link " << l.id;
}

TEST(BundledContent, EveryStringInThreeLanguages)
{
    auto out = compile_bundled();
    auto& ex = out.exhibition;
    expect_three_languages(ex.meta.title, "exhibition title");
    for (auto& s : ex.sources)
        expect_three_languages(s.title, "source " + s.id);
    for (auto& p : ex.partnerships) {
        expect_three_languages(p.name, "partnership " + p.id);
        expect_three_languages(p.tagline, "partnership " + p.id);
    }
    for (auto& t : ex.topics) {
        expect_three_languages(t.title, "topic " + t.id);
        expect_three_languages(t.summary, "topic " + t.id);
    }
    for (auto& s : ex.slides) {
        expect_three_languages(s.title, "slide " + s.id);
        expect_three_languages(s.body, "slide " + s.id);
    }
    for (auto& p : ex.places) {
        expect_three_languages(p.name, "place " + p.id);
        expect_three_languages(p.text, "place " + p.id);
    }
    for (auto& e : ex.events)
        expect_three_languages(e.text, "event " + e.id);
    for (auto& c : ex.charts) {
        expect_three_languages(c.title, "chart " + c.id);
        expect_three_languages(c.unit, "chart " + c.id);
        for (auto& point : c.points)
            expect_three_languages(point.label, "chart " + c.id + " point");
    }
}

TEST(BundledContent, CoversTheExhibition)
{
    auto out = compile_bundled();
    auto& ex = out.exhibition;
    EXPECT_GE(ex.slides.size(), 30u);
    EXPECT_GE(ex.places.size(), 15u);
    EXPECT_GE(ex.events.size(), 20u);
    EXPECT_GE(ex.charts.size(), 5u);
    ASSERT_FALSE(ex.events.empty());
    auto [first, last] = std::minmax_element(ex.events.begin(), ex.events.end(),
        [](const core::TimelineEvent& a, const core::TimelineEvent& b) { return a.date < b.date; });
    EXPECT_EQ(first->date.year, 1963);
    EXPECT_GE(last->date, (core::PartialDate { 2024, 11, 0 }));
    for (const char* place : { "haiphong", "kitakyushu", "hanoi", "kanagawa", "tokyo" })
        EXPECT_NE(ex.find_place(place), nullptr) << place;
    EXPECT_NE(ex.find_partnership("haiphong-kitakyushu"), nullptr);
    EXPECT_NE(ex.find_partnership("hanoi-kanagawa"), nullptr);
    // Every slide has a picture (illustration or chart): never a bare text slide.
    for (auto& s : ex.slides)
        EXPECT_TRUE(!s.image.empty() || !s.chart_id.empty()) << "slide " << s.id;
}

// Issue 17.6: every slide has a drawing of its own (the compiler refuses only neighbours; the
// bundled exhibition goes further, so a topic's card grid never shows one picture twice).
TEST(BundledContent, EverySlideHasAPictureOfItsOwn)
{
    auto out = compile_bundled();
    std::map<std::string, std::string> first_slide; // image -> the slide that shows it
    for (auto& s : out.exhibition.slides) {
        ASSERT_FALSE(s.image.empty()) << "slide " << s.id << " has no picture";
        auto [it, fresh] = first_slide.emplace(s.image, s.id);
        EXPECT_TRUE(fresh) << "slides " << it->second << " and " << s.id << " share " << s.image;
    }
}

namespace {

// Every visitor-facing text of the bundled exhibition, with a name for messages.
std::vector<std::pair<std::string, const core::Text3*>> all_texts(const core::Exhibition& ex)
{
    std::vector<std::pair<std::string, const core::Text3*>> out;
    auto add = [&](const std::string& what, std::initializer_list<const core::Text3*> texts) {
        for (auto* text : texts)
            out.push_back({ what, text });
    };
    add("exhibition", { &ex.meta.title, &ex.meta.subtitle });
    for (auto& p : ex.partnerships)
        add("partnership " + p.id, { &p.name, &p.tagline });
    for (auto& t : ex.topics)
        add("topic " + t.id, { &t.title, &t.summary });
    for (auto& s : ex.slides)
        add("slide " + s.id, { &s.title, &s.body });
    for (auto& p : ex.places)
        add("place " + p.id, { &p.name, &p.text });
    for (auto& e : ex.events)
        add("event " + e.id, { &e.text });
    return out;
}

} // namespace

// Issue 17.4's writing conventions (content/SOURCES.md): Japanese figures never take a comma
// between digits (万 from 1万 up, plain digits below), and Vietnamese compass words are lower case.
TEST(BundledContent, WritingConventionsHold)
{
    auto out = compile_bundled();
    for (auto& [what, text] : all_texts(out.exhibition)) {
        auto& ja = (*text)[core::Lang::Ja];
        for (size_t i = 1; i + 1 < ja.size(); ++i) {
            bool digit_before = ja[i - 1] >= '0' && ja[i - 1] <= '9';
            bool digit_after = ja[i + 1] >= '0' && ja[i + 1] <= '9';
            EXPECT_FALSE(ja[i] == ',' && digit_before && digit_after)
                << what << " groups Japanese digits with a comma: " << ja;
        }
        auto& vi = (*text)[core::Lang::Vi];
        for (const char* word : { "phía Bắc", "phía Nam", "phía Đông", "phía Tây", "mũi Bắc" })
            EXPECT_EQ(vi.find(word), std::string::npos) << what << " writes '" << word << "'";
    }
}
