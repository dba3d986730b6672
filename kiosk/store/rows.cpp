// Writing and reading rows by column name.
#include "kiosk/store/rows.h"

#include <cmath>

namespace kiosk::store {

namespace {

std::string stem_column(std::string_view stem, core::Lang lang)
{
    return std::string(stem) + "_" + std::string(core::lang_code(lang));
}

std::string_view type_word(int type)
{
    switch (type) {
    case SQLITE_INTEGER:
        return "an integer";
    case SQLITE_FLOAT:
        return "a number";
    case SQLITE_TEXT:
        return "text";
    case SQLITE_BLOB:
        return "a blob";
    default:
        return "NULL";
    }
}

} // namespace

core::Result<RowWriter> RowWriter::create(sqlite3* db, const TableSpec& table)
{
    auto stmt = Statement::create(db, insert_sql(table));
    if (!stmt)
        return core::Error { stmt.error() };
    return RowWriter(stmt.release_value(), table);
}

int RowWriter::mark(std::string_view column)
{
    int index = m_table->index_of(column);
    m_set[static_cast<size_t>(index)] = true;
    return index + 1;
}

RowWriter& RowWriter::text(std::string_view column, std::string_view value)
{
    m_stmt.bind(mark(column), value);
    return *this;
}

RowWriter& RowWriter::integer(std::string_view column, int64_t value)
{
    m_stmt.bind(mark(column), value);
    return *this;
}

RowWriter& RowWriter::real(std::string_view column, double value)
{
    m_stmt.bind(mark(column), value);
    return *this;
}

RowWriter& RowWriter::blob(std::string_view column, const std::vector<uint8_t>& value)
{
    m_stmt.bind_blob(mark(column), value);
    return *this;
}

RowWriter& RowWriter::text3(std::string_view stem, const core::Text3& value)
{
    for (auto lang : core::ALL_LANGS)
        text(stem_column(stem, lang), value[lang]);
    return *this;
}

core::Status RowWriter::insert()
{
    for (size_t i = 0; i < m_set.size(); ++i) {
        if (!m_set[i])
            return core::Error { std::string(m_table->name) + ": column "
                + std::string(m_table->columns[i].name) + " was not written" };
    }
    m_stmt.step();
    std::string error = m_stmt.error();
    m_stmt.reset();
    m_set.assign(m_set.size(), false);
    if (!error.empty())
        return core::Error { std::string(m_table->name) + ": " + error };
    return core::ok_status();
}

void RowReader::note(std::string_view column, const std::string& what)
{
    if (m_problem.empty())
        m_problem = std::string(column) + " " + what;
}

int RowReader::expect(std::string_view column, int type)
{
    int index = m_table.index_of(column);
    int actual = m_stmt.type(index);
    bool number_ok = type == SQLITE_FLOAT && actual == SQLITE_INTEGER;
    if (actual != type && !number_ok) {
        note(column,
            "is " + std::string(type_word(actual)) + ", not " + std::string(type_word(type)));
        return -1;
    }
    return index;
}

std::string RowReader::text(std::string_view column)
{
    int index = expect(column, SQLITE_TEXT);
    if (index < 0)
        return {};
    auto field = m_table.columns[static_cast<size_t>(index)].text;
    // The size first, so a huge value is refused without being copied.
    if (m_stmt.bytes(index) > core::max_text_bytes(field)) {
        note(column,
            "is " + std::to_string(m_stmt.bytes(index)) + " bytes long, at most "
                + std::to_string(core::max_text_bytes(field)));
        return {};
    }
    std::string value = m_stmt.text(index);
    if (auto bad = core::check_text(value, field)) {
        note(column, *bad);
        return {};
    }
    return value;
}

core::Text3 RowReader::text3(std::string_view stem)
{
    core::Text3 value;
    for (auto lang : core::ALL_LANGS)
        value[lang] = text(stem_column(stem, lang));
    return value;
}

int64_t RowReader::integer(std::string_view column, int64_t lo, int64_t hi)
{
    int index = expect(column, SQLITE_INTEGER);
    if (index < 0)
        return lo;
    int64_t value = m_stmt.integer(index);
    if (value < lo || value > hi) {
        note(column,
            "is " + std::to_string(value) + ", outside " + std::to_string(lo) + ".."
                + std::to_string(hi));
        return lo;
    }
    return value;
}

double RowReader::real(std::string_view column, double lo, double hi)
{
    int index = expect(column, SQLITE_FLOAT);
    if (index < 0)
        return lo;
    double value = m_stmt.real(index);
    if (!std::isfinite(value) || value < lo || value > hi) {
        note(column, "is " + std::to_string(value) + ", outside its range");
        return lo;
    }
    return value;
}

std::vector<uint8_t> RowReader::blob(std::string_view column)
{
    int index = expect(column, SQLITE_BLOB);
    if (index < 0)
        return {};
    return m_stmt.blob(index);
}

} // namespace kiosk::store
