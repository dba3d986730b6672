// The schema's SQL made from the table descriptions, and the content checksum.
#include "kiosk/store/schema.h"

#include "kiosk/store/sqlite_handles.h"

#include <cassert>
#include <sodium.h>

namespace kiosk::store {

namespace {

std::string_view sql_type(ColumnType type)
{
    switch (type) {
    case ColumnType::Text:
        return "TEXT";
    case ColumnType::Integer:
        return "INTEGER";
    case ColumnType::Real:
        return "REAL";
    case ColumnType::Blob:
        return "BLOB";
    }
    return "";
}

std::string column_names(const TableSpec& table)
{
    std::string out;
    for (auto& column : table.columns)
        out += (out.empty() ? "" : ", ") + std::string(column.name);
    return out;
}

} // namespace

int TableSpec::index_of(std::string_view column) const
{
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name == column)
            return static_cast<int>(i);
    }
    assert(false && "TableSpec::index_of: the column is not in the table's description");
    return -1;
}

std::string schema_sql()
{
    std::string sql;
    for (const TableSpec* table : CONTENT_TABLES) {
        sql += "CREATE TABLE " + std::string(table->name) + "(";
        for (auto& column : table->columns)
            sql += std::string(column.name) + " " + std::string(sql_type(column.type))
                + " NOT NULL, ";
        sql += "PRIMARY KEY(" + std::string(table->primary_key) + "));\n";
    }
    return sql;
}

std::string insert_sql(const TableSpec& table)
{
    std::string values;
    for (size_t i = 0; i < table.columns.size(); ++i)
        values += (i ? ", ?" : "?") + std::to_string(i + 1);
    return "INSERT INTO " + std::string(table.name) + "(" + column_names(table) + ") VALUES ("
        + values + ")";
}

std::string select_sql(const TableSpec& table, std::string_view tail)
{
    return "SELECT " + column_names(table) + " FROM " + std::string(table.name) + " "
        + std::string(tail);
}

core::Result<std::string> content_checksum(sqlite3* db)
{
    if (sodium_init() < 0)
        return core::Error { "libsodium failed to initialise" };
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    auto feed = [&](const void* data, size_t size) {
        crypto_generichash_update(&state, static_cast<const unsigned char*>(data), size);
    };
    for (const TableSpec* table : CONTENT_TABLES) {
        // Every column the file has (not only the described ones): nothing in it goes unhashed.
        // Table names come from the constant descriptions, never from input.
        auto stmt = prepare(db, "SELECT * FROM " + std::string(table->name) + " ORDER BY rowid");
        if (!stmt)
            return core::Error { stmt.error() };
        std::string name(table->name);
        feed(name.c_str(), name.size() + 1);
        sqlite3_stmt* s = stmt.value().get();
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            if (table == &META_TABLE && sqlite3_column_type(s, 0) == SQLITE_TEXT) {
                auto* key = sqlite3_column_text(s, 0);
                if (key && std::string_view(reinterpret_cast<const char*>(key)) == "checksum")
                    continue;
            }
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
                    if (!p && n)
                        return core::Error { "reading " + name + ": out of memory" };
                    feed(&n, sizeof n);
                    if (n)
                        feed(p, n);
                }
            }
        }
        if (rc != SQLITE_DONE)
            return core::Error { "reading " + name + ": " + sqlite3_errmsg(db) };
    }
    unsigned char hash[32];
    crypto_generichash_final(&state, hash, sizeof hash);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return std::string(hex);
}

} // namespace kiosk::store
