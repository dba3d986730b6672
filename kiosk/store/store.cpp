// Reading the exhibition database with prepared statements and bound parameters only.
#include "kiosk/store/store.h"

#include "kiosk/core/strings.h"
#include "kiosk/store/schema.h"

#include <charconv>
#include <filesystem>

namespace kiosk::store {

using core::Error;
using core::Result;
using core::Text3;

namespace {

// Reads three consecutive text columns (vi, ja, en) starting at `column`.
Text3 read_text3(const Statement& stmt, int column)
{
    Text3 text;
    for (int i = 0; i < 3; ++i)
        text.by_lang[static_cast<size_t>(i)] = stmt.text(column + i);
    return text;
}

template<typename Fn> core::Status for_each_row(sqlite3* db, std::string_view sql, Fn&& fn)
{
    auto stmt = Statement::create(db, sql);
    if (!stmt)
        return Error { stmt.error() };
    while (stmt.value().step()) {
        auto status = fn(stmt.value());
        if (!status)
            return status;
    }
    if (stmt.value().failed())
        return Error { stmt.value().error() };
    return core::ok_status();
}

} // namespace

Result<std::unique_ptr<Store>> Store::open(const std::string& path, Verify verify)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return Error { "content database not found: " + path };
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
        if (!stmt)
            return Error { "not a content database (" + stmt.error() + ")" };
        if (!stmt.value().step())
            return Error { "not a content database (" + stmt.value().error() + ")" };
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
    auto meta = Statement::create(db, "SELECT value FROM meta WHERE key = ?1");
    if (!meta)
        return Error { "not a content database (" + meta.error() + ")" };
    auto read_meta = [&](std::string_view key) {
        meta.value().reset();
        meta.value().bind(1, key);
        return meta.value().step() ? meta.value().text(0) : std::string {};
    };
    m_info.content_version = read_meta("content_version");
    m_info.checksum = read_meta("checksum");
    m_info.built_at = read_meta("built_at");
    if (meta.value().failed())
        return Error { meta.value().error() };
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
    using namespace core;
    sqlite3* db = m_db.get();
    Exhibition ex;
    auto bad = [](std::string what) -> Status { return Error { std::move(what) }; };

    auto status
        = for_each_row(db, "SELECT key, value FROM meta", [&](const Statement& row) -> Status {
              auto key = row.text(0);
              auto value = row.text(1);
              if (key == "content_version")
                  ex.meta.content_version = value;
              else if (key == "default_lang") {
                  auto lang = parse_lang(value);
                  if (!lang)
                      return bad("meta default_lang: unknown language " + value);
                  ex.meta.default_lang = *lang;
              } else if (key == "idle_timeout_ms") {
                  int ms = 0;
                  auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), ms);
                  if (ec != std::errc {} || ptr != value.data() + value.size() || ms < 1000)
                      return bad("meta idle_timeout_ms: not a time of at least 1000 ms: " + value);
                  ex.meta.idle_timeout_ms = ms;
              } else if (key == "attract_langs") {
                  ex.meta.attract_langs.clear();
                  for (auto& code : core::split_list(value)) {
                      if (auto lang = parse_lang(code))
                          ex.meta.attract_langs.push_back(*lang);
                  }
              } else {
                  for (auto lang : ALL_LANGS) {
                      auto suffix = "_" + std::string(lang_code(lang));
                      if (key == "title" + suffix)
                          ex.meta.title[lang] = value;
                      else if (key == "subtitle" + suffix)
                          ex.meta.subtitle[lang] = value;
                  }
              }
              return ok_status();
          });
    if (!status)
        return Error { status.error() };

    status = for_each_row(db,
        "SELECT id, file, author, publisher, title_vi, title_ja, title_en FROM source ORDER BY "
        "rowid",
        [&](const Statement& row) -> Status {
            ex.sources.push_back(
                { row.text(0), row.text(1), row.text(2), row.text(3), read_text3(row, 4) });
            return ok_status();
        });
    if (!status)
        return Error { status.error() };

    status = for_each_row(db,
        "SELECT id, ord, places, image, name_vi, name_ja, name_en, tagline_vi, tagline_ja, "
        "tagline_en "
        "FROM partnership ORDER BY ord, rowid",
        [&](const Statement& row) -> Status {
            ex.partnerships.push_back(
                { row.text(0), static_cast<int>(row.integer(1)), core::split_list(row.text(2)),
                    row.text(3), read_text3(row, 4), read_text3(row, 7) });
            return ok_status();
        });
    if (!status)
        return Error { status.error() };

    status = for_each_row(db,
        "SELECT id, partnership_id, kind, ord, icon, title_vi, title_ja, title_en, summary_vi, "
        "summary_ja, summary_en FROM topic ORDER BY ord, rowid",
        [&](const Statement& row) -> Status {
            auto kind = parse_topic_kind(row.text(2));
            if (!kind)
                return bad("topic " + row.text(0) + ": unknown kind " + row.text(2));
            ex.topics.push_back({ row.text(0), row.text(1), *kind, static_cast<int>(row.integer(3)),
                row.text(4), read_text3(row, 5), read_text3(row, 8) });
            return ok_status();
        });
    if (!status)
        return Error { status.error() };

    status = for_each_row(db,
        "SELECT id, topic_id, ord, duration_ms, attract, image, place_id, chart_id, source_id, "
        "title_vi, title_ja, title_en, body_vi, body_ja, body_en FROM slide ORDER BY rowid",
        [&](const Statement& row) -> Status {
            Slide slide;
            slide.id = row.text(0);
            slide.topic_id = row.text(1);
            slide.order = static_cast<int>(row.integer(2));
            slide.duration_ms = static_cast<int>(row.integer(3));
            slide.attract = row.integer(4) != 0;
            slide.image = row.text(5);
            slide.place_id = row.text(6);
            slide.chart_id = row.text(7);
            slide.source_id = row.text(8);
            slide.title = read_text3(row, 9);
            slide.body = read_text3(row, 12);
            ex.slides.push_back(std::move(slide));
            return ok_status();
        });
    if (!status)
        return Error { status.error() };

    status = for_each_row(db,
        "SELECT id, kind, lat, lon, source_id, coord_ref, image, slides, name_vi, name_ja, "
        "name_en, "
        "text_vi, text_ja, text_en FROM place ORDER BY rowid",
        [&](const Statement& row) -> Status {
            auto kind = parse_place_kind(row.text(1));
            if (!kind)
                return bad("place " + row.text(0) + ": unknown kind " + row.text(1));
            ex.places.push_back({ row.text(0), *kind, row.real(2), row.real(3), row.text(4),
                row.text(5), row.text(6), core::split_list(row.text(7)), read_text3(row, 8),
                read_text3(row, 11) });
            return ok_status();
        });
    if (!status)
        return Error { status.error() };

    status = for_each_row(db,
        "SELECT id, from_id, to_id, kind, since, source_id, label_vi, label_ja, label_en FROM link "
        "ORDER BY rowid",
        [&](const Statement& row) -> Status {
            auto kind = parse_link_kind(row.text(3));
            if (!kind)
                return bad("link " + row.text(0) + ": unknown kind " + row.text(3));
            ex.links.push_back({ row.text(0), row.text(1), row.text(2), *kind,
                static_cast<int>(row.integer(4)), row.text(5), read_text3(row, 6) });
            return ok_status();
        });
    if (!status)
        return Error { status.error() };

    status = for_each_row(db,
        "SELECT id, date, inferred, partnership_id, source_id, text_vi, text_ja, text_en FROM "
        "event "
        "ORDER BY date, rowid",
        [&](const Statement& row) -> Status {
            auto date = parse_partial_date(row.text(1));
            if (!date)
                return bad("event " + row.text(0) + ": bad date " + row.text(1));
            ex.events.push_back({ row.text(0), *date, row.integer(2) != 0, row.text(3), row.text(4),
                read_text3(row, 5) });
            return ok_status();
        });
    if (!status)
        return Error { status.error() };

    status = for_each_row(db,
        "SELECT id, kind, source_id, topic_id, title_vi, title_ja, title_en, unit_vi, unit_ja, "
        "unit_en FROM chart ORDER BY rowid",
        [&](const Statement& row) -> Status {
            auto kind = parse_chart_kind(row.text(1));
            if (!kind)
                return bad("chart " + row.text(0) + ": unknown kind " + row.text(1));
            ex.charts.push_back({ row.text(0), *kind, row.text(2), row.text(3), read_text3(row, 4),
                read_text3(row, 7), {} });
            return ok_status();
        });
    if (!status)
        return Error { status.error() };

    auto points = Statement::create(db,
        "SELECT value, approx, label_vi, label_ja, label_en FROM chart_point WHERE chart_id = ?1 "
        "ORDER BY idx");
    if (!points)
        return Error { points.error() };
    for (auto& chart : ex.charts) {
        points.value().reset();
        points.value().bind(1, chart.id);
        while (points.value().step())
            chart.points.push_back({ points.value().real(0), points.value().integer(1) != 0,
                read_text3(points.value(), 2) });
        if (points.value().failed())
            return Error { points.value().error() };
    }
    if (ex.slides.empty())
        return Error { "the database holds no slides" };
    return ex;
}

Result<std::vector<uint8_t>> Store::load_image(std::string_view id)
{
    auto stmt = Statement::create(m_db.get(), "SELECT bytes FROM image WHERE id = ?1");
    if (!stmt)
        return Error { stmt.error() };
    stmt.value().bind(1, id);
    if (!stmt.value().step()) {
        if (stmt.value().failed())
            return Error { stmt.value().error() };
        return Error { "no image " + std::string(id) + " in the database" };
    }
    return stmt.value().blob(0);
}

std::vector<std::string> Store::image_ids()
{
    std::vector<std::string> ids;
    auto stmt = Statement::create(m_db.get(), "SELECT id FROM image ORDER BY id");
    if (!stmt)
        return ids;
    while (stmt.value().step())
        ids.push_back(stmt.value().text(0));
    return ids;
}

} // namespace kiosk::store
