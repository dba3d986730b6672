// The store against real SQLite files: a good database round-trips; missing, empty, garbage,
// truncated, corrupt, wrong-version and tampered ones give a clear error, never a crash.
#include "kiosk/store/schema.h"
#include "kiosk/store/sqlite_handles.h"
#include "kiosk/store/store.h"
#include "kiosk/store/writer.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

core::Exhibition sample()
{
    core::Exhibition ex;
    ex.meta.content_version = "2026.11.1";
    ex.meta.default_lang = core::Lang::Ja;
    ex.meta.idle_timeout_ms = 45000;
    ex.meta.attract_langs = { core::Lang::Vi, core::Lang::En };
    ex.meta.title = { { "Triển lãm", "展示", "Exhibition" } };
    ex.sources.push_back(
        { "000", "000.txt", "Nguyễn Minh Trang", "Sở Ngoại vụ", { { "Bài", "記事", "Article" } } });
    ex.partnerships.push_back({ "hp-kk", 1, { "haiphong", "kitakyushu" }, "flag.svg",
        { { "a", "b", "c" } }, { { "d", "e", "f" } } });
    ex.topics.push_back({ "t", "hp-kk", core::TopicKind::Water, 2, "",
        { { "Nước", "水", "Water" } }, { { "x", "y", "z" } } });
    for (int i = 0; i < 3; ++i) {
        core::Slide s;
        s.id = "s" + std::to_string(i);
        s.topic_id = "t";
        s.order = 3 - i;
        s.source_id = "000";
        s.title = { { "Tiêu đề", "題", "Title" } };
        s.body = { { "Thân", "本文", "Body" } };
        ex.slides.push_back(s);
    }
    ex.places.push_back({ "haiphong", core::PlaceKind::City, 20.86, 106.68, "000", "ref", "",
        { "s1" }, { { "Hải Phòng", "ハイフォン", "Hai Phong" } }, { { "a", "b", "c" } } });
    ex.links.push_back({ "l", "haiphong", "haiphong", core::LinkKind::Sister, 2014, "000",
        { { "a", "b", "c" } } });
    ex.events.push_back({ "e", { 2024, 10, 17 }, true, "hp-kk", "000", { { "a", "b", "c" } } });
    ex.charts.push_back({ "c", core::ChartKind::Line, "000", "t", { { "a", "b", "c" } },
        { { "người", "人", "people" } },
        { { 10000, false, { { "2015", "2015年", "2015" } } },
            { 35000, true, { { "2024", "2024年", "2024" } } } } });
    return ex;
}

std::vector<core::Image> sample_images()
{
    std::string svg = "<svg xmlns='http://www.w3.org/2000/svg'/>";
    return { { "flag.svg", std::vector<uint8_t>(svg.begin(), svg.end()) } };
}

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = fs::temp_directory_path()
            / ("kiosk-store-test-" + std::to_string(::getpid()) + "-"
                + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(m_dir);
        m_db = (m_dir / "kiosk.db").string();
        auto status = store::write_database(m_db, sample(), sample_images());
        ASSERT_TRUE(status.ok()) << status.error();
    }
    void TearDown() override { fs::remove_all(m_dir); }

    void run_sql(const std::string& sql)
    {
        auto db = store::open_db(m_db, store::OpenMode::ReadWriteCreate);
        ASSERT_TRUE(db.ok()) << db.error();
        auto status = store::exec(db.value().get(), sql.c_str());
        ASSERT_TRUE(status.ok()) << status.error();
    }
    std::string open_error(store::Verify verify = store::Verify::Quick)
    {
        auto s = store::Store::open(m_db, verify);
        if (s.ok()) {
            auto ex = s.value()->load_exhibition();
            return ex.ok() ? std::string() : ex.error();
        }
        return s.error();
    }

    fs::path m_dir;
    std::string m_db;
};

} // namespace

TEST_F(StoreTest, GoodDatabaseRoundTrips)
{
    auto s = store::Store::open(m_db, store::Verify::Full);
    ASSERT_TRUE(s.ok()) << s.error();
    EXPECT_EQ(s.value()->info().schema_version, store::SCHEMA_VERSION);
    EXPECT_EQ(s.value()->info().content_version, "2026.11.1");
    EXPECT_EQ(s.value()->info().checksum.size(), 64u);
    auto ex = s.value()->load_exhibition();
    ASSERT_TRUE(ex.ok()) << ex.error();
    auto expected = sample();
    EXPECT_EQ(ex.value().meta.default_lang, core::Lang::Ja);
    EXPECT_EQ(ex.value().meta.idle_timeout_ms, 45000);
    EXPECT_EQ(ex.value().meta.attract_langs, expected.meta.attract_langs);
    EXPECT_EQ(ex.value().meta.title, expected.meta.title);
    ASSERT_EQ(ex.value().slides.size(), 3u);
    EXPECT_EQ(ex.value().slides[1].title, expected.slides[1].title);
    EXPECT_EQ(ex.value().sources[0].author, "Nguyễn Minh Trang");
    EXPECT_EQ(ex.value().partnerships[0].place_ids, expected.partnerships[0].place_ids);
    EXPECT_EQ(ex.value().places[0].slide_ids, expected.places[0].slide_ids);
    EXPECT_DOUBLE_EQ(ex.value().places[0].lat_deg, 20.86);
    EXPECT_EQ(ex.value().events[0].date, (core::PartialDate { 2024, 10, 17 }));
    EXPECT_TRUE(ex.value().events[0].inferred);
    ASSERT_EQ(ex.value().charts[0].points.size(), 2u);
    EXPECT_TRUE(ex.value().charts[0].points[1].approx);
    EXPECT_EQ(ex.value().charts[0].unit[core::Lang::Ja], "人");
    // Slides of a topic come in their order.
    auto slides = ex.value().slides_of("t");
    ASSERT_EQ(slides.size(), 3u);
    EXPECT_EQ(slides[0]->id, "s2");
    auto image = s.value()->load_image("flag.svg");
    ASSERT_TRUE(image.ok());
    EXPECT_EQ(image.value().size(), sample_images()[0].bytes.size());
}

TEST_F(StoreTest, StoreNeverWritesTheDatabase)
{
    auto before = fs::last_write_time(m_db);
    {
        auto s = store::Store::open(m_db, store::Verify::Full);
        ASSERT_TRUE(s.ok());
        (void)s.value()->load_exhibition();
    }
    EXPECT_EQ(fs::last_write_time(m_db), before);
    EXPECT_FALSE(fs::exists(m_db + "-journal"));
    EXPECT_FALSE(fs::exists(m_db + "-wal"));
}

TEST_F(StoreTest, IdsAreBoundNeverSpliced)
{
    auto s = store::Store::open(m_db, store::Verify::Quick);
    ASSERT_TRUE(s.ok());
    auto image = s.value()->load_image("x' OR '1'='1");
    EXPECT_FALSE(image.ok());
    EXPECT_NE(image.error().find("no image"), std::string::npos);
}

TEST_F(StoreTest, MissingFile)
{
    m_db = (m_dir / "nope.db").string();
    EXPECT_NE(open_error().find("content database not found"), std::string::npos);
    EXPECT_FALSE(fs::exists(m_db)) << "opening must not create the file";
}

TEST_F(StoreTest, EmptyFile)
{
    std::ofstream(m_db, std::ios::trunc).close();
    auto error = open_error();
    EXPECT_NE(error.find("schema version 0"), std::string::npos) << error;
}

TEST_F(StoreTest, GarbageFile)
{
    std::ofstream(m_db, std::ios::trunc) << std::string(8192, 'x');
    auto error = open_error();
    EXPECT_NE(error.find("not a content database"), std::string::npos) << error;
}

TEST_F(StoreTest, TruncatedFile)
{
    auto size = fs::file_size(m_db);
    fs::resize_file(m_db, size / 2);
    auto error = open_error();
    EXPECT_FALSE(error.empty());
}

TEST_F(StoreTest, CorruptPages)
{
    // Scribble over everything after the first page (header intact, b-tree pages broken).
    auto size = fs::file_size(m_db);
    {
        std::fstream f(m_db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096);
        std::string junk(size - 4096, '\x5a');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    auto error = open_error();
    EXPECT_FALSE(error.empty());
}

TEST_F(StoreTest, WrongSchemaVersion)
{
    run_sql("PRAGMA user_version=99");
    auto error = open_error();
    EXPECT_NE(error.find("schema version 99"), std::string::npos) << error;
}

TEST_F(StoreTest, NoSlides)
{
    run_sql("DELETE FROM slide");
    EXPECT_NE(open_error().find("holds no slides"), std::string::npos);
}

TEST_F(StoreTest, TamperedContentFailsTheChecksum)
{
    run_sql("UPDATE slide SET title_en = 'Changed' WHERE id = 's0'");
    EXPECT_TRUE(open_error(store::Verify::Quick).empty()) << "a quick start does not hash";
    EXPECT_NE(open_error(store::Verify::Full).find("checksum mismatch"), std::string::npos);
}

TEST_F(StoreTest, FailedWriteKeepsTheOldFile)
{
    auto before = fs::file_size(m_db);
    auto bad = sample();
    bad.slides.push_back(bad.slides[0]); // duplicate primary key: the insert fails
    auto status = store::write_database(m_db, bad, sample_images());
    EXPECT_FALSE(status.ok());
    EXPECT_EQ(fs::file_size(m_db), before);
    EXPECT_TRUE(store::Store::open(m_db, store::Verify::Full).ok());
    for (auto& entry : fs::directory_iterator(m_dir))
        EXPECT_EQ(entry.path().filename(), "kiosk.db") << "temporary file left behind";
}
