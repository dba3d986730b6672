// The database writer used by kiosk-content: one transaction, bound parameters, then an atomic
// rename so that readers see either the old file or the complete new one.
#include "kiosk/store/writer.h"

#include "kiosk/store/rows.h"
#include "kiosk/store/schema.h"
#include "kiosk/store/sqlite_handles.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace kiosk::store {

using core::Error;
using core::Status;

namespace {

Status fsync_path(const std::string& path, bool directory)
{
    int fd = ::open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Error { "cannot open " + path + " to sync: " + std::strerror(errno) };
    int rc = ::fsync(fd);
    int saved = errno;
    ::close(fd);
    if (rc != 0)
        return Error { "fsync " + path + ": " + std::strerror(saved) };
    return core::ok_status();
}

std::string utc_now_iso()
{
    std::time_t now = std::time(nullptr);
    std::tm tm {};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string join(const std::vector<std::string>& items)
{
    std::string out;
    for (auto& item : items)
        out += (out.empty() ? "" : ",") + item;
    return out;
}

// Writes every row of `items` through fill(RowWriter&, item).
template<typename Items, typename Fill>
Status insert_rows(sqlite3* db, const TableSpec& table, const Items& items, Fill&& fill)
{
    auto writer = RowWriter::create(db, table);
    if (!writer)
        return Error { writer.error() };
    for (auto& item : items) {
        fill(writer.value(), item);
        auto status = writer.value().insert();
        if (!status)
            return status;
    }
    return core::ok_status();
}

Status insert_meta(sqlite3* db, const core::ExhibitionMeta& meta)
{
    using namespace core;
    std::string langs;
    for (auto lang : meta.attract_langs)
        langs += (langs.empty() ? "" : ",") + std::string(lang_code(lang));
    std::vector<std::pair<std::string, std::string>> rows {
        { "content_version", meta.content_version },
        { "default_lang", std::string(lang_code(meta.default_lang)) },
        { "idle_timeout_ms", std::to_string(meta.idle_timeout_ms) },
        { "attract_langs", langs },
        { "built_at", utc_now_iso() },
        { "map_image", meta.map_image },
        { "timeline_image", meta.timeline_image },
    };
    for (auto lang : ALL_LANGS) {
        rows.emplace_back("title_" + std::string(lang_code(lang)), meta.title[lang]);
        rows.emplace_back("subtitle_" + std::string(lang_code(lang)), meta.subtitle[lang]);
    }
    return insert_rows(db, META_TABLE, rows,
        [](RowWriter& w, const auto& row) { w.text("key", row.first).text("value", row.second); });
}

Status insert_points(sqlite3* db, const std::vector<core::Chart>& charts)
{
    auto writer = RowWriter::create(db, CHART_POINT_TABLE);
    if (!writer)
        return Error { writer.error() };
    for (auto& c : charts) {
        for (size_t i = 0; i < c.points.size(); ++i) {
            auto status = writer.value()
                              .text("chart_id", c.id)
                              .integer("idx", static_cast<int64_t>(i))
                              .real("value", c.points[i].value)
                              .integer("approx", c.points[i].approx)
                              .text3("label", c.points[i].label)
                              .insert();
            if (!status)
                return status;
        }
    }
    return core::ok_status();
}

Status insert_all(sqlite3* db, const core::Exhibition& ex, const std::vector<core::Image>& images,
    const std::vector<core::Video>& videos)
{
    using namespace core;
    std::vector<Status> results {
        insert_meta(db, ex.meta),
        insert_rows(db, SOURCE_TABLE, ex.sources,
            [](RowWriter& w, const Source& s) {
                w.text("id", s.id)
                    .text("file", s.file)
                    .text("author", s.author)
                    .text("publisher", s.publisher)
                    .text3("title", s.title);
            }),
        insert_rows(db, PARTNERSHIP_TABLE, ex.partnerships,
            [](RowWriter& w, const Partnership& p) {
                w.text("id", p.id)
                    .integer("ord", p.order)
                    .text("places", join(p.place_ids))
                    .text("image", p.image)
                    .text3("name", p.name)
                    .text3("tagline", p.tagline);
            }),
        insert_rows(db, TOPIC_TABLE, ex.topics,
            [](RowWriter& w, const Topic& t) {
                w.text("id", t.id)
                    .text("partnership_id", t.partnership_id)
                    .text("kind", topic_kind_name(t.kind))
                    .integer("ord", t.order)
                    .text("icon", t.icon)
                    .text3("title", t.title)
                    .text3("summary", t.summary);
            }),
        insert_rows(db, SLIDE_TABLE, ex.slides,
            [](RowWriter& w, const Slide& s) {
                w.text("id", s.id)
                    .text("topic_id", s.topic_id)
                    .integer("ord", s.order)
                    .integer("duration_ms", s.duration_ms)
                    .integer("attract", s.attract)
                    .text("image", s.image)
                    .text("place_id", s.place_id)
                    .text("chart_id", s.chart_id)
                    .text("source_id", s.source_id)
                    .text3("title", s.title)
                    .text3("body", s.body)
                    .real("focus_x", s.image_focus.x)
                    .real("focus_y", s.image_focus.y)
                    .text3("credit", s.image_credit)
                    .text("video", s.video)
                    .integer("video_loop", s.video_loop);
            }),
        insert_rows(db, PLACE_TABLE, ex.places,
            [](RowWriter& w, const Place& p) {
                w.text("id", p.id)
                    .text("kind", place_kind_name(p.kind))
                    .real("lat", p.lat_deg)
                    .real("lon", p.lon_deg)
                    .text("source_id", p.source_id)
                    .text("coord_ref", p.coord_ref)
                    .text("image", p.image)
                    .text("slides", join(p.slide_ids))
                    .text3("name", p.name)
                    .text3("text", p.text);
            }),
        insert_rows(db, LINK_TABLE, ex.links,
            [](RowWriter& w, const Link& l) {
                w.text("id", l.id)
                    .text("from_id", l.from_place_id)
                    .text("to_id", l.to_place_id)
                    .text("kind", link_kind_name(l.kind))
                    .integer("since", l.since_year)
                    .text("source_id", l.source_id)
                    .text3("label", l.label);
            }),
        insert_rows(db, EVENT_TABLE, ex.events,
            [](RowWriter& w, const TimelineEvent& e) {
                w.text("id", e.id)
                    .text("date", format_partial_date(e.date))
                    .integer("inferred", e.inferred)
                    .text("partnership_id", e.partnership_id)
                    .text("source_id", e.source_id)
                    .text3("text", e.text);
            }),
        insert_rows(db, CHART_TABLE, ex.charts,
            [](RowWriter& w, const Chart& c) {
                w.text("id", c.id)
                    .text("kind", chart_kind_name(c.kind))
                    .text("source_id", c.source_id)
                    .text("topic_id", c.topic_id)
                    .text3("title", c.title)
                    .text3("unit", c.unit);
            }),
        insert_points(db, ex.charts),
        insert_rows(db, IMAGE_TABLE, images,
            [](RowWriter& w, const Image& image) {
                w.text("id", image.id).blob("bytes", image.bytes);
            }),
        insert_rows(db, VIDEO_TABLE, videos,
            [](RowWriter& w, const Video& video) {
                w.text("id", video.id)
                    .text("container", video.info.container)
                    .text("codec", video.info.codec)
                    .integer("width", video.info.width_px)
                    .integer("height", video.info.height_px)
                    .integer("duration_ms", video.info.duration_ms)
                    .real("frame_rate", video.info.frame_rate)
                    .blob("bytes", video.bytes);
            }),
    };
    for (auto& r : results) {
        if (!r)
            return r;
    }
    return core::ok_status();
}

} // namespace

Status durable_rename(const std::string& from, const std::string& to)
{
    auto status = fsync_path(from, false);
    if (!status)
        return status;
    if (std::rename(from.c_str(), to.c_str()) != 0)
        return Error { "cannot rename " + from + " to " + to + ": " + std::strerror(errno) };
    auto dir = std::filesystem::path(to).parent_path();
    return fsync_path(dir.empty() ? "." : dir.string(), true);
}

Status write_database(const std::string& path, const core::Exhibition& exhibition,
    const std::vector<core::Image>& images, const std::vector<core::Video>& videos)
{
    std::string temp = path + ".tmp-" + std::to_string(::getpid());
    std::filesystem::remove(temp);
    Status status = core::ok_status();
    {
        auto db = open_db(temp, OpenMode::ReadWriteCreate);
        if (!db)
            return Error { db.error() };
        sqlite3* raw = db.value().get();
        status = exec(raw, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN;");
        if (status)
            status = exec(raw, schema_sql().c_str());
        if (status)
            status = insert_all(raw, exhibition, images, videos);
        if (status)
            status = exec(raw, "COMMIT");
        if (status) {
            auto sum = content_checksum(raw);
            if (!sum)
                status = Error { sum.error() };
            else
                status = insert_rows(raw, META_TABLE, std::vector { sum.value() },
                    [](RowWriter& w, const std::string& checksum) {
                        w.text("key", "checksum").text("value", checksum);
                    });
        }
        if (status)
            status = exec(raw, ("PRAGMA user_version=" + std::to_string(SCHEMA_VERSION)).c_str());
        if (status)
            status = exec(raw, "VACUUM");
    }
    if (status)
        status = durable_rename(temp, path);
    if (!status) {
        std::filesystem::remove(temp);
        return Error { "writing " + path + ": " + status.error() };
    }
    return core::ok_status();
}

} // namespace kiosk::store
