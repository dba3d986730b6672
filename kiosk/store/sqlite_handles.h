// RAII owners for SQLite handles: one deleter and alias per handle type. Statements are finalised
// before their connection closes (declare the Db first, statements after it).
#pragma once

#include "kiosk/core/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::store {

struct DbCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

enum class OpenMode { ReadOnly, ReadWriteCreate };

core::Result<DbPtr> open_db(const std::string& path, OpenMode mode);
core::Result<StmtPtr> prepare(sqlite3* db, std::string_view sql);
// Runs SQL that takes no parameters and returns no rows (schema, pragmas, transactions).
core::Status exec(sqlite3* db, const char* sql);

// A prepared statement with typed binding and reading; every value goes through a bound
// parameter, never into the SQL text.
class Statement {
public:
    static core::Result<Statement> create(sqlite3* db, std::string_view sql);

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, double value);
    Statement& bind_blob(int index, const std::vector<uint8_t>& bytes);
    // SQLITE_ROW -> true, SQLITE_DONE -> false; an error sets error().
    bool step();
    void reset();
    const std::string& error() const { return m_error; }
    bool failed() const { return !m_error.empty(); }
    // The primary SQLite result code of the failure (SQLITE_CORRUPT, SQLITE_NOTADB, ...), 0 if
    // none.
    int error_code() const { return m_code; }

    std::string text(int column) const;
    int64_t integer(int column) const;
    double real(int column) const;
    std::vector<uint8_t> blob(int column) const;
    int column_count() const;
    // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL: what the file holds,
    // whatever the schema declares.
    int type(int column) const;
    // The value's size in bytes (text or blob), read without copying it.
    size_t bytes(int column) const;

private:
    explicit Statement(StmtPtr stmt, sqlite3* db)
        : m_stmt(std::move(stmt))
        , m_db(db)
    {
    }
    StmtPtr m_stmt;
    sqlite3* m_db { nullptr };
    std::string m_error;
    int m_code { 0 };
};

} // namespace kiosk::store
