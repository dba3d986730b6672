// Schema text and the content checksum.
#include "kiosk/store/schema.h"

#include "kiosk/store/sqlite_handles.h"

#include <sodium.h>

namespace kiosk::store {

const char* const SCHEMA_SQL = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE source(id TEXT PRIMARY KEY, file TEXT NOT NULL, author TEXT NOT NULL,
    publisher TEXT NOT NULL, title_vi TEXT NOT NULL, title_ja TEXT NOT NULL, title_en TEXT NOT NULL);
CREATE TABLE partnership(id TEXT PRIMARY KEY, ord INTEGER NOT NULL, places TEXT NOT NULL,
    image TEXT NOT NULL, name_vi TEXT NOT NULL, name_ja TEXT NOT NULL, name_en TEXT NOT NULL,
    tagline_vi TEXT NOT NULL, tagline_ja TEXT NOT NULL, tagline_en TEXT NOT NULL);
CREATE TABLE topic(id TEXT PRIMARY KEY, partnership_id TEXT NOT NULL, kind TEXT NOT NULL,
    ord INTEGER NOT NULL, icon TEXT NOT NULL, title_vi TEXT NOT NULL, title_ja TEXT NOT NULL,
    title_en TEXT NOT NULL, summary_vi TEXT NOT NULL, summary_ja TEXT NOT NULL,
    summary_en TEXT NOT NULL);
CREATE TABLE slide(id TEXT PRIMARY KEY, topic_id TEXT NOT NULL, ord INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL, attract INTEGER NOT NULL, image TEXT NOT NULL,
    place_id TEXT NOT NULL, chart_id TEXT NOT NULL, source_id TEXT NOT NULL,
    title_vi TEXT NOT NULL, title_ja TEXT NOT NULL, title_en TEXT NOT NULL,
    body_vi TEXT NOT NULL, body_ja TEXT NOT NULL, body_en TEXT NOT NULL);
CREATE TABLE place(id TEXT PRIMARY KEY, kind TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    source_id TEXT NOT NULL, coord_ref TEXT NOT NULL, image TEXT NOT NULL, slides TEXT NOT NULL,
    name_vi TEXT NOT NULL, name_ja TEXT NOT NULL, name_en TEXT NOT NULL,
    text_vi TEXT NOT NULL, text_ja TEXT NOT NULL, text_en TEXT NOT NULL);
CREATE TABLE link(id TEXT PRIMARY KEY, from_id TEXT NOT NULL, to_id TEXT NOT NULL,
    kind TEXT NOT NULL, since INTEGER NOT NULL, source_id TEXT NOT NULL,
    label_vi TEXT NOT NULL, label_ja TEXT NOT NULL, label_en TEXT NOT NULL);
CREATE TABLE event(id TEXT PRIMARY KEY, date TEXT NOT NULL, inferred INTEGER NOT NULL,
    partnership_id TEXT NOT NULL, source_id TEXT NOT NULL,
    text_vi TEXT NOT NULL, text_ja TEXT NOT NULL, text_en TEXT NOT NULL);
CREATE TABLE chart(id TEXT PRIMARY KEY, kind TEXT NOT NULL, source_id TEXT NOT NULL,
    topic_id TEXT NOT NULL, title_vi TEXT NOT NULL, title_ja TEXT NOT NULL, title_en TEXT NOT NULL,
    unit_vi TEXT NOT NULL, unit_ja TEXT NOT NULL, unit_en TEXT NOT NULL);
CREATE TABLE chart_point(chart_id TEXT NOT NULL, idx INTEGER NOT NULL, value REAL NOT NULL,
    approx INTEGER NOT NULL, label_vi TEXT NOT NULL, label_ja TEXT NOT NULL,
    label_en TEXT NOT NULL, PRIMARY KEY(chart_id, idx));
CREATE TABLE image(id TEXT PRIMARY KEY, bytes BLOB NOT NULL);
)sql";

core::Result<std::string> content_checksum(sqlite3* db)
{
    if (sodium_init() < 0)
        return core::Error { "libsodium failed to initialise" };
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    auto feed = [&](const void* data, size_t size) {
        crypto_generichash_update(&state, static_cast<const unsigned char*>(data), size);
    };
    for (const char* table : CONTENT_TABLES) {
        // Table names come from the constant list above, never from input.
        std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY rowid";
        auto stmt = prepare(db, sql);
        if (!stmt)
            return core::Error { stmt.error() };
        feed(table, std::char_traits<char>::length(table) + 1);
        sqlite3_stmt* s = stmt.value().get();
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            if (std::string_view(table) == "meta"
                && std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)))
                    == "checksum")
                continue;
            int columns = sqlite3_column_count(s);
            for (int c = 0; c < columns; ++c) {
                unsigned char type = static_cast<unsigned char>(sqlite3_column_type(s, c));
                feed(&type, 1);
                if (type == SQLITE_INTEGER) {
                    int64_t v = sqlite3_column_int64(s, c);
                    feed(&v, sizeof v);
                } else if (type == SQLITE_FLOAT) {
                    double v = sqlite3_column_double(s, c);
                    feed(&v, sizeof v);
                } else if (type != SQLITE_NULL) {
                    const void* p = type == SQLITE_BLOB ? sqlite3_column_blob(s, c)
                                                        : sqlite3_column_text(s, c);
                    uint64_t n = static_cast<uint64_t>(sqlite3_column_bytes(s, c));
                    feed(&n, sizeof n);
                    if (n)
                        feed(p, n);
                }
            }
        }
        if (rc != SQLITE_DONE)
            return core::Error { std::string("reading ") + table + ": " + sqlite3_errmsg(db) };
    }
    unsigned char hash[32];
    crypto_generichash_final(&state, hash, sizeof hash);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return std::string(hex);
}

} // namespace kiosk::store
