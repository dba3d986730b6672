// The store against real SQLite files: a good database round-trips; missing, empty, garbage,
// truncated, corrupt, wrong-version and tampered ones give a clear error, never a crash.
#include "kiosk/store/blob_source.h"
#include "kiosk/store/schema.h"
#include "kiosk/store/sqlite_handles.h"
#include "kiosk/store/store.h"
#include "kiosk/store/writer.h"

#include <cctype>
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
    EXPECT_NE(error.find("not a content database (file is not a database)"), std::string::npos)
        << error;
}

TEST_F(StoreTest, TruncatedFile)
{
    auto size = fs::file_size(m_db);
    fs::resize_file(m_db, size / 2);
    auto error = open_error();
    EXPECT_NE(error.find("database is damaged"), std::string::npos) << error;
    EXPECT_NE(error.find("malformed"), std::string::npos) << error;
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
    for (auto verify : { store::Verify::Quick, store::Verify::Full }) {
        auto error = open_error(verify);
        EXPECT_NE(error.find("database is damaged"), std::string::npos) << error;
    }
}

TEST_F(StoreTest, WrongSchemaVersion)
{
    run_sql("PRAGMA user_version=99");
    auto error = open_error();
    EXPECT_NE(error.find("schema version 99, this kiosk reads version "
                  + std::to_string(store::SCHEMA_VERSION)),
        std::string::npos)
        << error;
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

namespace {

// A hostile file: the table rebuilt without its NOT NULL and type declarations, `sql` run on it,
// and the checksum recomputed, so only the store's own reading stands between the file and the
// kiosk.
struct HostileCase {
    const char* id;
    const char* table;
    const char* sql;
    const char* expected; // in the error message
};

void PrintTo(const HostileCase& c, std::ostream* os)
{
    *os << c.id;
}

const HostileCase HOSTILE_CASES[] {
    { "h1 meta NULL key", "meta", "INSERT INTO meta(key, value) VALUES (NULL, 'x')",
        "meta row 15: key is NULL, not text" },
    { "h2 meta NULL value", "meta", "UPDATE meta SET value = NULL WHERE key = 'content_version'",
        "meta content_version: value is NULL, not text" },
    { "h3 meta blob key", "meta", "UPDATE meta SET key = x'00ff' WHERE key = 'default_lang'",
        "meta row 2: key is a blob, not text" },
    { "h4 slide NULL title", "slide", "UPDATE slide SET title_ja = NULL WHERE id = 's1'",
        "slide row 2: title_ja is NULL, not text" },
    { "h5 slide text duration", "slide", "UPDATE slide SET duration_ms = 'long' WHERE id = 's0'",
        "slide row 1: duration_ms is text, not an integer" },
    { "h6 slide huge order", "slide", "UPDATE slide SET ord = 1099511627776 WHERE id = 's2'",
        "slide row 3: ord is 1099511627776, outside -2147483648..2147483647" },
    { "h7 slide 5000-byte body", "slide",
        "UPDATE slide SET body_en = printf('%.*c', 5000, 'x') WHERE id = 's0'",
        "slide row 1: body_en is 5000 bytes long, at most 4096" },
    { "h8 NUL in a title", "slide",
        "UPDATE slide SET title_en = CAST(x'41420043' AS TEXT) WHERE id = 's0'",
        "slide row 1: title_en contains the control character U+0000 at byte 2" },
    { "h9 bad UTF-8", "topic", "UPDATE topic SET title_vi = CAST(x'41c328' AS TEXT)",
        "topic row 1: title_vi is not valid UTF-8 at byte 1" },
    { "h10 place NaN-ish lat", "place", "UPDATE place SET lat = 1e300", "place row 1: lat is" },
    { "h11 too many rows", "source",
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
        "INSERT INTO source SELECT 'x' || i, '', '', '', '', '', '' FROM n",
        "table source has more than 5000 rows" },
    { "h12 unknown kind", "chart", "UPDATE chart SET kind = 'pie'",
        "chart row 1: kind: unknown value pie" },
    { "h13 impossible date", "event", "UPDATE event SET date = '2023-02-29'",
        "event row 1: date: not a date: 2023-02-29" },
    { "h14 image bytes as text", "image", "UPDATE image SET bytes = 'svg'",
        "image row 1: bytes is text, not a blob" },
    { "h15 point of no chart", "chart_point", "UPDATE chart_point SET chart_id = 'zz'",
        "chart_point row 1: chart_id: no chart zz" },
};

} // namespace

class HostileStoreTest : public StoreTest, public ::testing::WithParamInterface<HostileCase> {
protected:
    void make_hostile(const HostileCase& c)
    {
        std::string t = c.table;
        run_sql("CREATE TABLE loose AS SELECT * FROM " + t + "; DROP TABLE " + t
            + "; ALTER TABLE loose RENAME TO " + t + "; " + c.sql);
        auto db = store::open_db(m_db, store::OpenMode::ReadWriteCreate);
        ASSERT_TRUE(db.ok());
        auto sum = store::content_checksum(db.value().get());
        ASSERT_TRUE(sum.ok()) << sum.error();
        auto stmt = store::Statement::create(
            db.value().get(), "UPDATE meta SET value = ?1 WHERE key = 'checksum'");
        ASSERT_TRUE(stmt.ok());
        stmt.value().bind(1, sum.value()).step();
        ASSERT_FALSE(stmt.value().failed()) << stmt.value().error();
    }
};

TEST_P(HostileStoreTest, RefusedWithTheColumnNamed)
{
    auto& c = GetParam();
    make_hostile(c);
    // The full check (install) and the quick one (start-up) both read every value.
    for (auto verify : { store::Verify::Full, store::Verify::Quick }) {
        std::string error;
        auto s = store::Store::open(m_db, verify);
        if (!s.ok())
            error = s.error();
        else if (auto ex = s.value()->load_exhibition(); !ex.ok())
            error = ex.error();
        else if (auto images = s.value()->for_each_image([](auto&, auto&) {}); !images.ok())
            error = images.error();
        EXPECT_NE(error.find(c.expected), std::string::npos) << c.id << ": " << error;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, HostileStoreTest, ::testing::ValuesIn(HOSTILE_CASES), [](const auto& info) {
        std::string name = info.param.id;
        for (auto& ch : name)
            ch = std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
        return name;
    });

TEST_F(StoreTest, OversizedFileIsRefusedBeforeItIsRead)
{
    fs::resize_file(m_db, core::MAX_PACKAGE_BYTES + 1); // sparse: no disk used
    auto error = open_error();
    EXPECT_NE(error.find("bytes, at most 536870912"), std::string::npos) << error;
}

// A video is stored beside the slides with its facts; the slide gets them back, and its bytes
// are read in place (sqlite3_blob) at any offset, with a connection of the reader's own.
TEST_F(StoreTest, VideoRoundTripsAndIsReadInPlace)
{
    auto ex = sample();
    ex.slides[1].video = "clip.mp4";
    ex.slides[1].video_loop = false;
    std::vector<uint8_t> bytes(300'000);
    for (size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<uint8_t>(i * 7 + i / 251);
    core::VideoInfo info { "mp4", "h264", 1920, 1080, 4500, 29.97 };
    auto status = store::write_database(m_db, ex, sample_images(), { { "clip.mp4", bytes, info } });
    ASSERT_TRUE(status.ok()) << status.error();
    auto s = store::Store::open(m_db, store::Verify::Full);
    ASSERT_TRUE(s.ok()) << s.error();
    auto loaded = s.value()->load_exhibition();
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    auto* slide = loaded.value().find_slide("s1");
    ASSERT_TRUE(slide);
    EXPECT_EQ(slide->video, "clip.mp4");
    EXPECT_FALSE(slide->video_loop);
    EXPECT_EQ(slide->video_info.codec, "h264");
    EXPECT_EQ(slide->video_info.height_px, 1080);
    EXPECT_EQ(slide->video_info.duration_ms, 4500);
    EXPECT_DOUBLE_EQ(slide->video_info.frame_rate, 29.97);
    EXPECT_TRUE(loaded.value().find_slide("s0")->video.empty());
    EXPECT_EQ(s.value()->video_ids(), std::vector<std::string> { "clip.mp4" });

    auto blob = store::BlobSource::open_video(m_db, "clip.mp4");
    ASSERT_TRUE(blob.ok()) << blob.error();
    EXPECT_EQ(blob.value()->size(), bytes.size());
    std::vector<uint8_t> out(1000);
    for (uint64_t offset : { uint64_t { 0 }, uint64_t { 123'457 }, uint64_t { 299'500 } }) {
        auto n = blob.value()->read_at(offset, out);
        ASSERT_EQ(n, static_cast<int64_t>(std::min<uint64_t>(1000, bytes.size() - offset)));
        EXPECT_TRUE(std::equal(out.begin(), out.begin() + n, bytes.begin() + offset)) << offset;
    }
    EXPECT_EQ(blob.value()->read_at(bytes.size(), out), 0);
    EXPECT_FALSE(store::BlobSource::open_video(m_db, "other.mp4").ok());
}

TEST_F(StoreTest, HostileVideoRowsAreRefused)
{
    auto ex = sample();
    ex.slides[0].video = "clip.mp4";
    core::VideoInfo info { "mp4", "h264", 640, 360, 2000, 30 };
    auto status
        = store::write_database(m_db, ex, sample_images(), { { "clip.mp4", { 1, 2 }, info } });
    ASSERT_TRUE(status.ok()) << status.error();
    run_sql("UPDATE video SET width = 100000");
    EXPECT_NE(open_error().find("video row 1: width"), std::string::npos) << open_error();
    run_sql("UPDATE video SET width = 640, bytes = 'text'");
    auto blob = store::BlobSource::open_video(m_db, "clip.mp4");
    ASSERT_FALSE(blob.ok());
    EXPECT_NE(blob.error().find("not a blob"), std::string::npos) << blob.error();
    run_sql("DELETE FROM video");
    EXPECT_NE(open_error().find("no video clip.mp4"), std::string::npos) << open_error();
}
