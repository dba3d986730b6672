// The installer/store fuzz target (tests/fuzz/store_fuzz_target.h) replayed without clang: a
// valid package, mutated 400 times by a seeded generator (bytes flipped, pages overwritten,
// the file cut), goes through open, verify, load and install. A crash, a sanitizer report (asan
// preset), a leftover temporary file or a broken file made current fails the test.
#include "kiosk/store/writer.h"
#include "tests/fuzz/store_fuzz_target.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <random>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::vector<uint8_t> valid_package()
{
    kiosk::core::Exhibition ex;
    ex.meta.content_version = "m";
    ex.meta.title = { { "a", "b", "c" } };
    ex.topics.push_back({ "t", "p", kiosk::core::TopicKind::Water, 1, "", { { "a", "b", "c" } },
        { { "a", "b", "c" } } });
    for (int i = 0; i < 4; ++i) {
        kiosk::core::Slide s;
        s.id = "s" + std::to_string(i);
        s.topic_id = "t";
        s.title = { { "Tiêu đề", "題", "Title" } };
        s.body = { { "Thân", "本文", "Body" } };
        ex.slides.push_back(s);
    }
    ex.events.push_back({ "e", { 2024, 2, 29 }, false, "p", "", { { "a", "b", "c" } } });
    std::string svg = "<svg xmlns='http://www.w3.org/2000/svg'/>";
    auto path = fs::temp_directory_path() / ("kiosk-mutations-" + std::to_string(::getpid()));
    auto status = kiosk::store::write_database(
        path.string(), ex, { { "a.svg", std::vector<uint8_t>(svg.begin(), svg.end()) } });
    EXPECT_TRUE(status.ok()) << status.error();
    std::ifstream in(path, std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    fs::remove(path);
    return bytes;
}

} // namespace

TEST(StoreMutations, ValidPackageSurvivesTheTarget)
{
    auto bytes = valid_package();
    ASSERT_GT(bytes.size(), 4096u);
    kiosk::fuzz::store_fuzz_one(bytes.data(), bytes.size());
}

TEST(StoreMutations, FourHundredMutatedPackagesNeverCrashTheInstaller)
{
    auto good = valid_package();
    std::mt19937 random(20261201); // fixed: every run replays the same 400 files
    for (int i = 0; i < 400; ++i) {
        auto bytes = good;
        std::uniform_int_distribution<size_t> at(0, bytes.size() - 1);
        switch (i % 4) {
        case 0: // a few bytes anywhere
            for (int n = 0; n < 1 + i % 7; ++n)
                bytes[at(random)] ^= static_cast<uint8_t>(1 + random() % 255);
            break;
        case 1: // one page overwritten
        {
            size_t page = at(random) / 4096 * 4096;
            for (size_t b = page; b < std::min(bytes.size(), page + 4096); ++b)
                bytes[b] = static_cast<uint8_t>(random());
            break;
        }
        case 2: // cut short
            bytes.resize(at(random));
            break;
        case 3: // bytes within the record area of the last pages (the rows)
            for (int n = 0; n < 4; ++n)
                bytes[bytes.size() - 1 - at(random) % 8192] = static_cast<uint8_t>(random());
            break;
        }
        SCOPED_TRACE("mutation " + std::to_string(i));
        kiosk::fuzz::store_fuzz_one(bytes.data(), bytes.size());
    }
}
