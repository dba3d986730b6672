// Reading the exhibition database with prepared statements and bound parameters only.
#include "kiosk/store/store.h"

#include "kiosk/core/strings.h"
#include "kiosk/store/rows.h"
#include "kiosk/store/schema.h"

#include <charconv>
#include <climits>
#include <filesystem>
#include <map>

namespace kiosk::store {

using core::Error;
using core::Result;
using core::Text3;

namespace {

using core::Status;
constexpr int64_t INT32_LO = INT32_MIN;
constexpr int64_t INT32_HI = INT32_MAX;

Status bad(std::string what)
{
    return Error { std::move(what) };
}

// An enum column's value by name, or a problem naming the bad value.
template<typename E>
Status parse_kind(
    RowReader& row, std::string_view column, std::optional<E> (*parse)(std::string_view), E& out)
{
    auto name = row.text(column);
    if (!row.problem().empty())
        return core::ok_status();
    auto kind = parse(name);
    if (!kind)
        return bad(std::string(column) + ": unknown value " + name);
    out = *kind;
    return core::ok_status();
}

Status read_meta(sqlite3* db, core::ExhibitionMeta& meta)
{
    using namespace core;
    return read_rows(db, META_TABLE, "ORDER BY rowid", [&](RowReader& row) -> Status {
        auto key = row.text("key");
        auto value = row.text("value");
        if (!row.problem().empty())
            return ok_status();
        if (key == "content_version")
            meta.content_version = value;
        else if (key == "default_lang") {
            auto lang = parse_lang(value);
            if (!lang)
                return bad("default_lang: unknown language " + value);
            meta.default_lang = *lang;
        } else if (key == "idle_timeout_ms") {
            int ms = 0;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), ms);
            if (ec != std::errc {} || ptr != value.data() + value.size() || ms < 1000
                || ms > 3'600'000)
                return bad("idle_timeout_ms: not a time of 1000 to 3600000 ms: " + value);
            meta.idle_timeout_ms = ms;
        } else if (key == "map_image") {
            meta.map_image = value;
        } else if (key == "timeline_image") {
            meta.timeline_image = value;
        } else if (key == "attract_langs") {
            meta.attract_langs.clear();
            for (auto& code : core::split_list(value)) {
                if (auto lang = parse_lang(code))
                    meta.attract_langs.push_back(*lang);
            }
        } else {
            for (auto lang : ALL_LANGS) {
                auto suffix = "_" + std::string(lang_code(lang));
                if (key == "title" + suffix)
                    meta.title[lang] = value;
                else if (key == "subtitle" + suffix)
                    meta.subtitle[lang] = value;
            }
        }
        return ok_status();
    });
}

Status read_sources(sqlite3* db, std::vector<core::Source>& out)
{
    return read_rows(db, SOURCE_TABLE, "ORDER BY rowid", [&](RowReader& row) {
        out.push_back({ row.text("id"), row.text("file"), row.text("author"), row.text("publisher"),
            row.text3("title") });
        return core::ok_status();
    });
}

Status read_partnerships(sqlite3* db, std::vector<core::Partnership>& out)
{
    return read_rows(db, PARTNERSHIP_TABLE, "ORDER BY ord, rowid", [&](RowReader& row) {
        out.push_back({ row.text("id"), row.int32("ord", INT32_LO, INT32_HI),
            core::split_list(row.text("places")), row.text("image"), row.text3("name"),
            row.text3("tagline") });
        return core::ok_status();
    });
}

Status read_topics(sqlite3* db, std::vector<core::Topic>& out)
{
    return read_rows(db, TOPIC_TABLE, "ORDER BY ord, rowid", [&](RowReader& row) {
        core::Topic t;
        t.id = row.text("id");
        t.partnership_id = row.text("partnership_id");
        auto kind = parse_kind(row, "kind", core::parse_topic_kind, t.kind);
        t.order = row.int32("ord", INT32_LO, INT32_HI);
        t.icon = row.text("icon");
        t.title = row.text3("title");
        t.summary = row.text3("summary");
        out.push_back(std::move(t));
        return kind;
    });
}

Status read_slides(sqlite3* db, std::vector<core::Slide>& out)
{
    return read_rows(db, SLIDE_TABLE, "ORDER BY rowid", [&](RowReader& row) {
        core::Slide s;
        s.id = row.text("id");
        s.topic_id = row.text("topic_id");
        s.order = row.int32("ord", INT32_LO, INT32_HI);
        // The compiler allows 2..600 s.
        s.duration_ms = row.int32("duration_ms", 1000, 600'000);
        s.attract = row.flag("attract");
        s.image = row.text("image");
        s.place_id = row.text("place_id");
        s.chart_id = row.text("chart_id");
        s.source_id = row.text("source_id");
        s.title = row.text3("title");
        s.body = row.text3("body");
        s.image_focus = { static_cast<float>(row.real("focus_x", 0, 1)),
            static_cast<float>(row.real("focus_y", 0, 1)) };
        s.image_credit = row.text3("credit");
        s.video = row.text("video");
        s.video_loop = row.flag("video_loop");
        out.push_back(std::move(s));
        return core::ok_status();
    });
}

// What the compiler found in each video, onto the slides that show it; a slide naming a video
// the file does not hold is refused (as a dangling image is not: a picture may be left out, a
// video's timing drives the slide).
Status read_video_info(sqlite3* db, std::vector<core::Slide>& slides)
{
    std::map<std::string, core::VideoInfo> infos;
    auto status = read_rows(db, VIDEO_INFO_TABLE, "ORDER BY rowid", [&](RowReader& row) {
        core::VideoInfo info;
        auto id = row.text("id");
        info.container = row.text("container");
        info.codec = row.text("codec");
        info.width_px = row.int32("width", 1, core::MAX_VIDEO_LONG_SIDE_PX);
        info.height_px = row.int32("height", 1, core::MAX_VIDEO_LONG_SIDE_PX);
        info.duration_ms = row.int32("duration_ms", 1, core::MAX_VIDEO_DURATION_MS);
        info.frame_rate = row.real("frame_rate", 1, 240);
        infos[id] = std::move(info);
        return core::ok_status();
    });
    if (!status)
        return status;
    for (auto& slide : slides) {
        if (slide.video.empty())
            continue;
        auto it = infos.find(slide.video);
        if (it == infos.end())
            return bad("slide " + slide.id + ": no video " + slide.video + " in the file");
        slide.video_info = it->second;
    }
    return core::ok_status();
}

Status read_places(sqlite3* db, std::vector<core::Place>& out)
{
    return read_rows(db, PLACE_TABLE, "ORDER BY rowid", [&](RowReader& row) {
        core::Place p;
        p.id = row.text("id");
        auto kind = parse_kind(row, "kind", core::parse_place_kind, p.kind);
        p.lat_deg = row.real("lat", -90, 90);
        p.lon_deg = row.real("lon", -180, 180);
        p.source_id = row.text("source_id");
        p.coord_ref = row.text("coord_ref");
        p.image = row.text("image");
        p.slide_ids = core::split_list(row.text("slides"));
        p.name = row.text3("name");
        p.text = row.text3("text");
        out.push_back(std::move(p));
        return kind;
    });
}

Status read_links(sqlite3* db, std::vector<core::Link>& out)
{
    return read_rows(db, LINK_TABLE, "ORDER BY rowid", [&](RowReader& row) {
        core::Link l;
        l.id = row.text("id");
        l.from_place_id = row.text("from_id");
        l.to_place_id = row.text("to_id");
        auto kind = parse_kind(row, "kind", core::parse_link_kind, l.kind);
        l.since_year = row.int32("since", 0, 9999);
        l.source_id = row.text("source_id");
        l.label = row.text3("label");
        out.push_back(std::move(l));
        return kind;
    });
}

Status read_events(sqlite3* db, std::vector<core::TimelineEvent>& out)
{
    return read_rows(db, EVENT_TABLE, "ORDER BY date, rowid", [&](RowReader& row) -> Status {
        core::TimelineEvent e;
        e.id = row.text("id");
        auto date_text = row.text("date");
        e.inferred = row.flag("inferred");
        e.partnership_id = row.text("partnership_id");
        e.source_id = row.text("source_id");
        e.text = row.text3("text");
        if (!row.problem().empty())
            return core::ok_status();
        auto date = core::parse_partial_date(date_text);
        if (!date)
            return bad("date: not a date: " + date_text);
        e.date = *date;
        out.push_back(std::move(e));
        return core::ok_status();
    });
}

Status read_charts(sqlite3* db, std::vector<core::Chart>& out)
{
    auto status = read_rows(db, CHART_TABLE, "ORDER BY rowid", [&](RowReader& row) {
        core::Chart c;
        c.id = row.text("id");
        auto kind = parse_kind(row, "kind", core::parse_chart_kind, c.kind);
        c.source_id = row.text("source_id");
        c.topic_id = row.text("topic_id");
        c.title = row.text3("title");
        c.unit = row.text3("unit");
        out.push_back(std::move(c));
        return kind;
    });
    if (!status)
        return status;
    return read_rows(db, CHART_POINT_TABLE, "ORDER BY chart_id, idx", [&](RowReader& row) {
        auto chart_id = row.text("chart_id");
        row.integer("idx", 0, static_cast<int64_t>(CHART_POINT_TABLE.max_rows));
        core::ChartPoint point { row.real("value", -1e15, 1e15), row.flag("approx"),
            row.text3("label") };
        for (auto& chart : out) {
            if (chart.id == chart_id) {
                chart.points.push_back(std::move(point));
                return core::ok_status();
            }
        }
        return bad("chart_id: no chart " + chart_id);
    });
}

// The ids a query returns (rows whose id is not text are left out).
std::vector<std::string> text_ids(sqlite3* db, std::string_view sql)
{
    std::vector<std::string> ids;
    auto stmt = Statement::create(db, sql);
    if (!stmt)
        return ids;
    while (stmt.value().step()) {
        if (stmt.value().type(0) == SQLITE_TEXT)
            ids.push_back(stmt.value().text(0));
    }
    return ids;
}

} // namespace

Result<std::unique_ptr<Store>> Store::open(const std::string& path, Verify verify)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return Error { "content database not found: " + path };
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > core::MAX_PACKAGE_BYTES)
        return Error { path + ": the file is " + std::to_string(size) + " bytes, at most "
            + std::to_string(core::MAX_PACKAGE_BYTES) + " (512 MiB)" };
    auto db = open_db(path, OpenMode::ReadOnly);
    if (!db)
        return Error { db.error() };
    std::unique_ptr<Store> store(new Store(db.release_value()));
    store->m_info.path = path;
    auto status = store->check(verify);
    if (!status)
        return Error { path + ": " + status.error() };
    return store;
}

core::Status Store::check(Verify verify)
{
    sqlite3* db = m_db.get();
    {
        auto stmt = Statement::create(db, "PRAGMA user_version");
        if (!stmt && (sqlite3_errcode(db) & 0xff) == SQLITE_CORRUPT)
            return Error { "database is damaged (" + stmt.error() + ")" };
        if (!stmt)
            return Error { "not a content database (" + stmt.error() + ")" };
        if (!stmt.value().step()) {
            if (stmt.value().error_code() == SQLITE_CORRUPT)
                return Error { "database is damaged (" + stmt.value().error() + ")" };
            return Error { "not a content database (" + stmt.value().error() + ")" };
        }
        m_info.schema_version = static_cast<int>(stmt.value().integer(0));
    }
    if (m_info.schema_version != SCHEMA_VERSION)
        return Error { "schema version " + std::to_string(m_info.schema_version)
            + ", this kiosk reads version " + std::to_string(SCHEMA_VERSION)
            + " (rebuild it with kiosk-content build)" };
    {
        auto stmt = Statement::create(
            db, verify == Verify::Full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
        if (!stmt)
            return Error { "integrity check failed: " + stmt.error() };
        if (!stmt.value().step())
            return Error { "integrity check failed: " + stmt.value().error() };
        auto verdict = stmt.value().text(0);
        if (verdict != "ok")
            return Error { "database is damaged: " + verdict };
    }
    auto meta = Statement::create(db, select_sql(META_TABLE, "WHERE key = ?1"));
    if (!meta)
        return Error { "not a content database (" + meta.error() + ")" };
    std::string meta_problem;
    auto read_meta = [&](std::string_view key) {
        meta.value().reset();
        meta.value().bind(1, key);
        if (!meta.value().step())
            return std::string {};
        RowReader row(meta.value(), META_TABLE);
        auto value = row.text("value");
        if (!row.problem().empty() && meta_problem.empty())
            meta_problem = "meta " + std::string(key) + ": " + row.problem();
        return value;
    };
    m_info.content_version = read_meta("content_version");
    m_info.checksum = read_meta("checksum");
    m_info.built_at = read_meta("built_at");
    if (meta.value().failed())
        return Error { meta.value().error() };
    if (!meta_problem.empty())
        return Error { meta_problem };
    {
        auto stmt = Statement::create(db, "SELECT count(*) FROM slide");
        if (!stmt || !stmt.value().step())
            return Error { "not a content database (no slide table)" };
        if (stmt.value().integer(0) == 0)
            return Error { "the database holds no slides" };
    }
    if (verify == Verify::Full) {
        auto sum = content_checksum(db);
        if (!sum)
            return Error { "checksum: " + sum.error() };
        if (sum.value() != m_info.checksum)
            return Error { "checksum mismatch: the content was changed after it was built" };
    }
    return core::ok_status();
}

Result<core::Exhibition> Store::load_exhibition()
{
    sqlite3* db = m_db.get();
    core::Exhibition ex;
    for (auto status : { read_meta(db, ex.meta), read_sources(db, ex.sources),
             read_partnerships(db, ex.partnerships), read_topics(db, ex.topics),
             read_slides(db, ex.slides), read_video_info(db, ex.slides), read_places(db, ex.places),
             read_links(db, ex.links), read_events(db, ex.events), read_charts(db, ex.charts) }) {
        if (!status)
            return Error { status.error() };
    }
    if (ex.slides.empty())
        return Error { "the database holds no slides" };
    return ex;
}

std::vector<std::string> Store::video_ids()
{
    return text_ids(m_db.get(), "SELECT id FROM video ORDER BY id");
}

Result<std::vector<uint8_t>> Store::load_image(std::string_view id)
{
    auto stmt = Statement::create(m_db.get(), select_sql(IMAGE_TABLE, "WHERE id = ?1"));
    if (!stmt)
        return Error { stmt.error() };
    stmt.value().bind(1, id);
    if (!stmt.value().step()) {
        if (stmt.value().failed())
            return Error { stmt.value().error() };
        return Error { "no image " + std::string(id) + " in the database" };
    }
    RowReader row(stmt.value(), IMAGE_TABLE);
    auto bytes = row.blob("bytes");
    if (!row.problem().empty())
        return Error { "image " + std::string(id) + ": " + row.problem() };
    return bytes;
}

core::Status Store::for_each_image(const ImageVisitor& visit)
{
    return read_rows(m_db.get(), IMAGE_TABLE, "ORDER BY id", [&](RowReader& row) {
        auto id = row.text("id");
        auto bytes = row.blob("bytes");
        if (row.problem().empty())
            visit(id, bytes);
        return core::ok_status();
    });
}

std::vector<std::string> Store::image_ids()
{
    return text_ids(m_db.get(), "SELECT id FROM image ORDER BY id");
}

} // namespace kiosk::store
