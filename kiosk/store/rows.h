// One row of a described table (schema.h), written and read by column name. The reader trusts
// nothing: every value is checked for NULL, its type, its range and the content limits, and the
// first problem names the column.
#pragma once

#include "kiosk/core/lang.h"
#include "kiosk/core/result.h"
#include "kiosk/store/schema.h"
#include "kiosk/store/sqlite_handles.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::store {

// Inserts rows into one table with one prepared statement; every column must be set.
class RowWriter {
public:
    static core::Result<RowWriter> create(sqlite3* db, const TableSpec& table);

    RowWriter& text(std::string_view column, std::string_view value);
    RowWriter& integer(std::string_view column, int64_t value);
    RowWriter& real(std::string_view column, double value);
    RowWriter& blob(std::string_view column, const std::vector<uint8_t>& value);
    // `stem`_vi, `stem`_ja and `stem`_en.
    RowWriter& text3(std::string_view stem, const core::Text3& value);
    // Inserts the row and starts the next; an error names a column that was not set.
    core::Status insert();

private:
    RowWriter(Statement stmt, const TableSpec& table)
        : m_stmt(std::move(stmt))
        , m_table(&table)
        , m_set(table.columns.size(), false)
    {
    }
    int mark(std::string_view column);

    Statement m_stmt;
    const TableSpec* m_table;
    std::vector<bool> m_set;
};

// Reads the current row of a statement made by select_sql(table, ...).
class RowReader {
public:
    RowReader(const Statement& stmt, const TableSpec& table)
        : m_stmt(stmt)
        , m_table(table)
    {
    }

    // Text within the column's limits (content_limits.h).
    std::string text(std::string_view column);
    core::Text3 text3(std::string_view stem);
    // An integer in lo..hi.
    int64_t integer(std::string_view column, int64_t lo, int64_t hi);
    int int32(std::string_view column, int lo, int hi)
    {
        return static_cast<int>(integer(column, lo, hi));
    }
    // 0 or 1.
    bool flag(std::string_view column) { return integer(column, 0, 1) != 0; }
    // A finite number in lo..hi (an integer value is taken as a number).
    double real(std::string_view column, double lo, double hi);
    std::vector<uint8_t> blob(std::string_view column);

    // The first problem, e.g. "title_vi is NULL, not text"; empty when the row is good.
    const std::string& problem() const { return m_problem; }

private:
    // The column's index when its value has `type`; -1 (and a problem) otherwise.
    int expect(std::string_view column, int type);
    void note(std::string_view column, const std::string& what);

    const Statement& m_stmt;
    const TableSpec& m_table;
    std::string m_problem;
};

// Runs select_sql(table, tail) and calls fn(RowReader&) -> Status for each row. Fails with
// "table row N: problem" on the first bad row, and when the table has more than its max_rows.
template<typename Fn>
core::Status read_rows(sqlite3* db, const TableSpec& table, std::string_view tail, Fn&& fn)
{
    auto stmt = Statement::create(db, select_sql(table, tail));
    if (!stmt)
        return core::Error { "table " + std::string(table.name) + ": " + stmt.error() };
    size_t count = 0;
    while (stmt.value().step()) {
        if (++count > table.max_rows)
            return core::Error { "table " + std::string(table.name) + " has more than "
                + std::to_string(table.max_rows) + " rows" };
        RowReader row(stmt.value(), table);
        auto status = fn(row);
        std::string problem = !row.problem().empty() ? row.problem()
            : !status                                ? status.error()
                                                     : std::string {};
        if (!problem.empty())
            return core::Error { std::string(table.name) + " row " + std::to_string(count) + ": "
                + problem };
    }
    if (stmt.value().failed())
        return core::Error { "table " + std::string(table.name) + ": " + stmt.value().error() };
    return core::ok_status();
}

} // namespace kiosk::store
