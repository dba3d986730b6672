// Opening, preparing and stepping with errors as values.
#include "kiosk/store/sqlite_handles.h"

namespace kiosk::store {

core::Result<DbPtr> open_db(const std::string& path, OpenMode mode)
{
    sqlite3* raw = nullptr;
    int flags = mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY
                                           : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    DbPtr db(raw);
    if (rc != SQLITE_OK) {
        std::string message = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        return core::Error { "cannot open database " + path + ": " + message };
    }
    sqlite3_extended_result_codes(db.get(), 1);
    return db;
}

core::Result<StmtPtr> prepare(sqlite3* db, std::string_view sql)
{
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    StmtPtr stmt(raw);
    if (rc != SQLITE_OK)
        return core::Error { std::string(sqlite3_errmsg(db)) + " in: " + std::string(sql) };
    return stmt;
}

core::Status exec(sqlite3* db, const char* sql)
{
    char* message = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        return core::Error { text };
    }
    return core::ok_status();
}

core::Result<Statement> Statement::create(sqlite3* db, std::string_view sql)
{
    auto stmt = prepare(db, sql);
    if (!stmt)
        return core::Error { stmt.error() };
    return Statement(stmt.release_value(), db);
}

Statement& Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text(
        m_stmt.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, int64_t value)
{
    sqlite3_bind_int64(m_stmt.get(), index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt.get(), index, value);
    return *this;
}

Statement& Statement::bind_blob(int index, const std::vector<uint8_t>& bytes)
{
    sqlite3_bind_blob(
        m_stmt.get(), index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

bool Statement::step()
{
    int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE && m_error.empty()) {
        m_error = sqlite3_errmsg(m_db);
        m_code = rc & 0xff;
    }
    return false;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt.get());
    sqlite3_clear_bindings(m_stmt.get());
}

std::string Statement::text(int column) const
{
    auto* p = sqlite3_column_text(m_stmt.get(), column);
    int n = sqlite3_column_bytes(m_stmt.get(), column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n))
             : std::string {};
}

int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt.get(), column);
}
double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt.get(), column);
}

std::vector<uint8_t> Statement::blob(int column) const
{
    auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(m_stmt.get(), column));
    int n = sqlite3_column_bytes(m_stmt.get(), column);
    return p ? std::vector<uint8_t>(p, p + n) : std::vector<uint8_t> {};
}

int Statement::column_count() const
{
    return sqlite3_column_count(m_stmt.get());
}

int Statement::type(int column) const
{
    return sqlite3_column_type(m_stmt.get(), column);
}

size_t Statement::bytes(int column) const
{
    return static_cast<size_t>(sqlite3_column_bytes(m_stmt.get(), column));
}

} // namespace kiosk::store
