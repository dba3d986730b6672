// The live preview's decisions: scratch files, the changed line, the item and screen it shows.
#include "kiosk/core/live_edit.h"

#include <gtest/gtest.h>

using namespace kiosk::core;

TEST(LiveEdit, ScratchFilesOfCommonEditorsAreIgnored)
{
    struct Case {
        int id;
        const char* name;
        bool scratch;
    };
    const Case cases[] = {
        { 1, "slides.toml", false },
        { 2, ".slides.toml.swp", true }, // vim
        { 3, ".slides.toml.swx", true },
        { 4, "4913", true }, // vim's probe that the folder is writable
        { 5, "slides.toml~", true }, // backups
        { 6, "#slides.toml#", true }, // emacs auto-save
        { 7, ".#slides.toml", true }, // emacs lock
        { 8, "slides.toml.tmp", true },
        { 9, "slides.toml.kate-swp", true },
        { 10, "slides.toml___jb_tmp___", true }, // JetBrains safe write
        { 11, "port.svg", false },
        { 12, "", true },
        { 13, "mou-2024.jpg", false },
        { 14, "slides.toml.part", true },
    };
    for (auto& c : cases)
        EXPECT_EQ(is_editor_scratch_file(c.name), c.scratch) << "case " << c.id << ": " << c.name;
}

TEST(LiveEdit, FirstChangedLine)
{
    struct Case {
        int id;
        const char* before;
        const char* after;
        std::optional<int> line;
    };
    const Case cases[] = {
        { 1, "a\nb\nc\n", "a\nb\nc\n", std::nullopt },
        { 2, "a\nb\nc\n", "a\nB\nc\n", 2 },
        { 3, "a\nb\nc\n", "x\nb\nc\n", 1 },
        { 4, "a\nb\n", "a\nb\nc\n", 3 }, // appended
        { 5, "a\nb\nc\n", "a\nb\n", 3 }, // the last line removed
        { 6, "", "a\n", 1 },
        { 7, "title = \"Ha\"\n", "title = \"Hải\"\n", 1 },
    };
    for (auto& c : cases)
        EXPECT_EQ(first_changed_line(c.before, c.after), c.line) << "case " << c.id;
}

TEST(LiveEdit, ItemAtALineIsTheOneBeingEdited)
{
    ItemLocations items {
        { "slide:a", { "content/slides/one.toml", 2 } },
        { "slide:b", { "content/slides/one.toml", 14 } },
        { "slide:c", { "content/slides/one.toml", 30 } },
        { "slide:d", { "content/slides/two.toml", 1 } },
        { "image:port.svg", { "content/slides/one.toml", 20 } },
    };
    struct Case {
        int id;
        const char* file;
        int line;
        std::optional<std::string> item;
    };
    const Case cases[] = {
        { 1, "content/slides/one.toml", 2, "slide:a" },
        { 2, "content/slides/one.toml", 13, "slide:a" },
        { 3, "content/slides/one.toml", 14, "slide:b" },
        { 4, "content/slides/one.toml", 25, "slide:b" }, // the image line belongs to slide b
        { 5, "content/slides/one.toml", 400, "slide:c" },
        { 6, "content/slides/one.toml", 1, "slide:a" }, // a comment above the first item
        { 7, "content/slides/two.toml", 9, "slide:d" },
        { 8, "content/places.toml", 3, std::nullopt },
    };
    for (auto& c : cases)
        EXPECT_EQ(item_at(items, c.file, c.line), c.item) << "case " << c.id;
    EXPECT_EQ(item_using_image(items, "port.svg"), std::optional<std::string>("slide:b"));
    EXPECT_EQ(item_using_image(items, "none.svg"), std::nullopt);
}

TEST(LiveEdit, ScreenThatShowsAnItem)
{
    struct Case {
        int id;
        const char* item;
        std::optional<std::string> screen;
    };
    const Case cases[] = {
        { 1, "slide:kk-green", "slide:kk-green" },
        { 2, "topic:hpk-water", "topic:hpk-water" },
        { 3, "partnership:hanoi-kanagawa", "partnership:hanoi-kanagawa" },
        { 4, "chart:vn-residents", "chart:vn-residents" },
        { 5, "place:haiphong", "map:haiphong" },
        { 6, "link:haiphong-kitakyushu", "map" },
        { 7, "event:kk-founded", "timeline" },
        { 8, "image:port.svg", std::nullopt },
        { 9, "slide:", std::nullopt },
        { 10, "nonsense", std::nullopt },
    };
    for (auto& c : cases)
        EXPECT_EQ(screen_for_item(c.item), c.screen) << "case " << c.id;
}
