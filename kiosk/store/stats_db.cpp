// Interaction counts in SQLite (WAL, batched upserts).
#include "kiosk/store/stats_db.h"

namespace kiosk::store {

core::Result<std::unique_ptr<StatsDb>> StatsDb::open(const std::string& path)
{
    auto db = open_db(path, OpenMode::ReadWriteCreate);
    if (!db)
        return core::Error { db.error() };
    auto status = exec(db.value().get(),
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=2000;"
        "CREATE TABLE IF NOT EXISTS counts(day TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT "
        "NULL,"
        " n INTEGER NOT NULL, PRIMARY KEY(day, kind, key));");
    if (!status)
        return core::Error { path + ": " + status.error() };
    return std::unique_ptr<StatsDb>(new StatsDb(db.release_value()));
}

core::Status StatsDb::add(const CountBatch& batch)
{
    if (batch.empty())
        return core::ok_status();
    sqlite3* db = m_db.get();
    auto status = exec(db, "BEGIN");
    if (!status)
        return status;
    auto stmt = Statement::create(db,
        "INSERT INTO counts(day, kind, key, n) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(day, kind, key) DO UPDATE SET n = n + excluded.n");
    if (!stmt) {
        (void)exec(db, "ROLLBACK");
        return core::Error { stmt.error() };
    }
    for (auto& [key, n] : batch) {
        auto& s = stmt.value();
        s.reset();
        s.bind(1, std::get<0>(key)).bind(2, std::get<1>(key)).bind(3, std::get<2>(key)).bind(4, n);
        s.step();
        if (s.failed()) {
            auto error = s.error();
            (void)exec(db, "ROLLBACK");
            return core::Error { error };
        }
    }
    return exec(db, "COMMIT");
}

core::Result<std::string> StatsDb::export_csv()
{
    auto stmt = Statement::create(
        m_db.get(), "SELECT day, kind, key, n FROM counts ORDER BY day, kind, key");
    if (!stmt)
        return core::Error { stmt.error() };
    std::string csv = "day,kind,key,count\n";
    auto quote = [](const std::string& field) {
        if (field.find_first_of(",\"\n") == std::string::npos)
            return field;
        std::string out = "\"";
        for (char c : field)
            out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + "\"";
    };
    while (stmt.value().step())
        csv += quote(stmt.value().text(0)) + "," + quote(stmt.value().text(1)) + ","
            + quote(stmt.value().text(2)) + "," + std::to_string(stmt.value().integer(3)) + "\n";
    if (stmt.value().failed())
        return core::Error { stmt.value().error() };
    return csv;
}

int64_t StatsDb::total(const std::string& kind, const std::string& key)
{
    auto stmt = Statement::create(
        m_db.get(), "SELECT coalesce(sum(n), 0) FROM counts WHERE kind = ?1 AND key = ?2");
    if (!stmt)
        return 0;
    stmt.value().bind(1, kind).bind(2, key);
    return stmt.value().step() ? stmt.value().integer(0) : 0;
}

int64_t StatsDb::total_of_kind(const std::string& kind)
{
    auto stmt
        = Statement::create(m_db.get(), "SELECT coalesce(sum(n), 0) FROM counts WHERE kind = ?1");
    if (!stmt)
        return 0;
    stmt.value().bind(1, kind);
    return stmt.value().step() ? stmt.value().integer(0) : 0;
}

} // namespace kiosk::store
