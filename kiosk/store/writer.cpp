// The database writer used by kiosk-content: one transaction, bound parameters, then an atomic
// rename so that readers see either the old file or the complete new one.
#include "kiosk/store/writer.h"

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

class Inserter {
public:
    explicit Inserter(sqlite3* db)
        : m_db(db)
    {
    }
    // Runs `sql` with the values bound in order.
    template<typename... Args> Status run(std::string_view sql, const Args&... args)
    {
        auto stmt = Statement::create(m_db, sql);
        if (!stmt)
            return Error { stmt.error() };
        int index = 1;
        (bind_one(stmt.value(), index++, args), ...);
        stmt.value().step();
        if (stmt.value().failed())
            return Error { stmt.value().error() };
        return core::ok_status();
    }

private:
    static void bind_one(Statement& stmt, int index, const std::string& v) { stmt.bind(index, v); }
    static void bind_one(Statement& stmt, int index, std::string_view v) { stmt.bind(index, v); }
    static void bind_one(Statement& stmt, int index, const char* v)
    {
        stmt.bind(index, std::string_view(v));
    }
    static void bind_one(Statement& stmt, int index, int v)
    {
        stmt.bind(index, static_cast<int64_t>(v));
    }
    static void bind_one(Statement& stmt, int index, bool v)
    {
        stmt.bind(index, static_cast<int64_t>(v));
    }
    static void bind_one(Statement& stmt, int index, double v) { stmt.bind(index, v); }
    static void bind_one(Statement& stmt, int index, const std::vector<uint8_t>& v)
    {
        stmt.bind_blob(index, v);
    }
    sqlite3* m_db;
};

std::string join(const std::vector<std::string>& items)
{
    std::string out;
    for (auto& item : items)
        out += (out.empty() ? "" : ",") + item;
    return out;
}

#define KIOSK_T3(t) t[core::Lang::Vi], t[core::Lang::Ja], t[core::Lang::En]

Status insert_all(sqlite3* db, const core::Exhibition& ex, const std::vector<core::Image>& images)
{
    using namespace core;
    Inserter in(db);
    auto meta = [&](std::string_view key, const std::string& value) {
        return in.run("INSERT INTO meta(key, value) VALUES (?1, ?2)", key, value);
    };
    std::string langs;
    for (auto lang : ex.meta.attract_langs)
        langs += (langs.empty() ? "" : ",") + std::string(lang_code(lang));
    std::vector<Status> results {
        meta("content_version", ex.meta.content_version),
        meta("default_lang", std::string(lang_code(ex.meta.default_lang))),
        meta("idle_timeout_ms", std::to_string(ex.meta.idle_timeout_ms)),
        meta("attract_langs", langs),
        meta("built_at", utc_now_iso()),
    };
    for (auto lang : ALL_LANGS) {
        results.push_back(meta("title_" + std::string(lang_code(lang)), ex.meta.title[lang]));
        results.push_back(meta("subtitle_" + std::string(lang_code(lang)), ex.meta.subtitle[lang]));
    }
    for (auto& s : ex.sources)
        results.push_back(in.run("INSERT INTO source VALUES (?1,?2,?3,?4,?5,?6,?7)", s.id, s.file,
            s.author, s.publisher, KIOSK_T3(s.title)));
    for (auto& p : ex.partnerships)
        results.push_back(in.run("INSERT INTO partnership VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
            p.id, p.order, join(p.place_ids), p.image, KIOSK_T3(p.name), KIOSK_T3(p.tagline)));
    for (auto& t : ex.topics)
        results.push_back(in.run("INSERT INTO topic VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
            t.id, t.partnership_id, topic_kind_name(t.kind), t.order, t.icon, KIOSK_T3(t.title),
            KIOSK_T3(t.summary)));
    for (auto& s : ex.slides)
        results.push_back(
            in.run("INSERT INTO slide VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)",
                s.id, s.topic_id, s.order, s.duration_ms, s.attract, s.image, s.place_id,
                s.chart_id, s.source_id, KIOSK_T3(s.title), KIOSK_T3(s.body)));
    for (auto& p : ex.places)
        results.push_back(
            in.run("INSERT INTO place VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
                p.id, place_kind_name(p.kind), p.lat_deg, p.lon_deg, p.source_id, p.coord_ref,
                p.image, join(p.slide_ids), KIOSK_T3(p.name), KIOSK_T3(p.text)));
    for (auto& l : ex.links)
        results.push_back(in.run("INSERT INTO link VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)", l.id,
            l.from_place_id, l.to_place_id, link_kind_name(l.kind), l.since_year, l.source_id,
            KIOSK_T3(l.label)));
    for (auto& e : ex.events)
        results.push_back(in.run("INSERT INTO event VALUES (?1,?2,?3,?4,?5,?6,?7,?8)", e.id,
            format_partial_date(e.date), e.inferred, e.partnership_id, e.source_id,
            KIOSK_T3(e.text)));
    for (auto& c : ex.charts) {
        results.push_back(in.run("INSERT INTO chart VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)", c.id,
            chart_kind_name(c.kind), c.source_id, c.topic_id, KIOSK_T3(c.title), KIOSK_T3(c.unit)));
        for (size_t i = 0; i < c.points.size(); ++i)
            results.push_back(in.run("INSERT INTO chart_point VALUES (?1,?2,?3,?4,?5,?6,?7)", c.id,
                static_cast<int>(i), c.points[i].value, c.points[i].approx,
                KIOSK_T3(c.points[i].label)));
    }
    for (auto& image : images)
        results.push_back(in.run("INSERT INTO image VALUES (?1,?2)", image.id, image.bytes));
    for (auto& r : results) {
        if (!r)
            return r;
    }
    return core::ok_status();
}

#undef KIOSK_T3

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
    const std::vector<core::Image>& images)
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
            status = exec(raw, SCHEMA_SQL);
        if (status)
            status = insert_all(raw, exhibition, images);
        if (status)
            status = exec(raw, "COMMIT");
        if (status) {
            auto sum = content_checksum(raw);
            if (!sum)
                status = Error { sum.error() };
            else
                status = Inserter(raw).run(
                    "INSERT INTO meta(key, value) VALUES ('checksum', ?1)", sum.value());
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
