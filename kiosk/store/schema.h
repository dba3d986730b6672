// The content database's schema, shared by the compiler (which writes it) and the store (which
// reads it): each table is described once, and that one column list makes its CREATE, its INSERT
// and its SELECT; rows are written and read by column name. Bump SCHEMA_VERSION on any change;
// the store refuses other versions.
#pragma once

#include "kiosk/core/content_limits.h"
#include "kiosk/core/result.h"

#include <array>
#include <span>
#include <sqlite3.h>
#include <string>
#include <string_view>

namespace kiosk::store {

inline constexpr int SCHEMA_VERSION = 3;

enum class ColumnType { Text, Integer, Real, Blob };

struct Column {
    std::string_view name;
    ColumnType type;
    core::TextField text { core::TextField::Short }; // the length limit of a Text column
};

struct TableSpec {
    std::string_view name;
    std::span<const Column> columns;
    std::string_view primary_key; // "id" or "chart_id, idx"
    size_t max_rows { core::MAX_ROWS_PER_TABLE };

    // The index of `column` in `columns`; asserts that it is one (a wrong name is our bug).
    int index_of(std::string_view column) const;
};

namespace columns {
using enum ColumnType;
using F = core::TextField;
inline constexpr Column META[] { { "key", Text, F::Id }, { "value", Text, F::Short } };
inline constexpr Column SOURCE[] { { "id", Text, F::Id }, { "file", Text, F::Id },
    { "author", Text }, { "publisher", Text }, { "title_vi", Text }, { "title_ja", Text },
    { "title_en", Text } };
inline constexpr Column PARTNERSHIP[] { { "id", Text, F::Id }, { "ord", Integer },
    { "places", Text, F::Long }, { "image", Text, F::Id }, { "name_vi", Text }, { "name_ja", Text },
    { "name_en", Text }, { "tagline_vi", Text, F::Long }, { "tagline_ja", Text, F::Long },
    { "tagline_en", Text, F::Long } };
inline constexpr Column TOPIC[] { { "id", Text, F::Id }, { "partnership_id", Text, F::Id },
    { "kind", Text, F::Id }, { "ord", Integer }, { "icon", Text, F::Id }, { "title_vi", Text },
    { "title_ja", Text }, { "title_en", Text }, { "summary_vi", Text, F::Long },
    { "summary_ja", Text, F::Long }, { "summary_en", Text, F::Long } };
inline constexpr Column SLIDE[] { { "id", Text, F::Id }, { "topic_id", Text, F::Id },
    { "ord", Integer }, { "duration_ms", Integer }, { "attract", Integer },
    { "image", Text, F::Id }, { "place_id", Text, F::Id }, { "chart_id", Text, F::Id },
    { "source_id", Text, F::Id }, { "title_vi", Text }, { "title_ja", Text }, { "title_en", Text },
    { "body_vi", Text, F::Long }, { "body_ja", Text, F::Long }, { "body_en", Text, F::Long },
    // A photo's focus (0..1) and credit line; 0.5, 0.5 and empty for a drawing.
    { "focus_x", Real }, { "focus_y", Real }, { "credit_vi", Text }, { "credit_ja", Text },
    { "credit_en", Text },
    // A video id in the video table ("" for none) and whether it loops (1) or plays once (0).
    { "video", Text, F::Id }, { "video_loop", Integer } };
inline constexpr Column PLACE[] { { "id", Text, F::Id }, { "kind", Text, F::Id }, { "lat", Real },
    { "lon", Real }, { "source_id", Text, F::Id }, { "coord_ref", Text, F::Long },
    { "image", Text, F::Id }, { "slides", Text, F::Long }, { "name_vi", Text }, { "name_ja", Text },
    { "name_en", Text }, { "text_vi", Text, F::Long }, { "text_ja", Text, F::Long },
    { "text_en", Text, F::Long } };
inline constexpr Column LINK[] { { "id", Text, F::Id }, { "from_id", Text, F::Id },
    { "to_id", Text, F::Id }, { "kind", Text, F::Id }, { "since", Integer },
    { "source_id", Text, F::Id }, { "label_vi", Text }, { "label_ja", Text },
    { "label_en", Text } };
inline constexpr Column EVENT[] { { "id", Text, F::Id }, { "date", Text, F::Id },
    { "inferred", Integer }, { "partnership_id", Text, F::Id }, { "source_id", Text, F::Id },
    { "text_vi", Text, F::Long }, { "text_ja", Text, F::Long }, { "text_en", Text, F::Long } };
inline constexpr Column CHART[] { { "id", Text, F::Id }, { "kind", Text, F::Id },
    { "source_id", Text, F::Id }, { "topic_id", Text, F::Id }, { "title_vi", Text },
    { "title_ja", Text }, { "title_en", Text }, { "unit_vi", Text }, { "unit_ja", Text },
    { "unit_en", Text } };
inline constexpr Column CHART_POINT[] { { "chart_id", Text, F::Id }, { "idx", Integer },
    { "value", Real }, { "approx", Integer }, { "label_vi", Text }, { "label_ja", Text },
    { "label_en", Text } };
inline constexpr Column IMAGE[] { { "id", Text, F::Id }, { "bytes", Blob } };
// A video file as written (read in place by the player, through sqlite3_blob), with what the
// compiler's probe found.
// The bytes come last: the columns before them are VIDEO_INFO_TABLE.
inline constexpr Column VIDEO[] { { "id", Text, F::Id }, { "container", Text, F::Id },
    { "codec", Text, F::Id }, { "width", Integer }, { "height", Integer },
    { "duration_ms", Integer }, { "frame_rate", Real }, { "bytes", Blob } };
inline constexpr Column SIGNATURE[] { { "public_key", Text, F::Id }, { "signature", Text, F::Id } };
} // namespace columns

inline constexpr TableSpec META_TABLE { "meta", columns::META, "key", 64 };
inline constexpr TableSpec SOURCE_TABLE { "source", columns::SOURCE, "id" };
inline constexpr TableSpec PARTNERSHIP_TABLE { "partnership", columns::PARTNERSHIP, "id" };
inline constexpr TableSpec TOPIC_TABLE { "topic", columns::TOPIC, "id" };
inline constexpr TableSpec SLIDE_TABLE { "slide", columns::SLIDE, "id" };
inline constexpr TableSpec PLACE_TABLE { "place", columns::PLACE, "id" };
inline constexpr TableSpec LINK_TABLE { "link", columns::LINK, "id" };
inline constexpr TableSpec EVENT_TABLE { "event", columns::EVENT, "id" };
inline constexpr TableSpec CHART_TABLE { "chart", columns::CHART, "id" };
inline constexpr TableSpec CHART_POINT_TABLE { "chart_point", columns::CHART_POINT,
    "chart_id, idx" };
inline constexpr TableSpec IMAGE_TABLE { "image", columns::IMAGE, "id" };
inline constexpr TableSpec VIDEO_TABLE { "video", columns::VIDEO, "id" };
// For reading the video table without its bytes (not a table of its own).
inline constexpr TableSpec VIDEO_INFO_TABLE { "video",
    std::span(columns::VIDEO).first(std::size(columns::VIDEO) - 1), "id" };

// Written by `pack --sign` (signing.h); outside the checksum, which it signs. Optional.
inline constexpr TableSpec SIGNATURE_TABLE { "signature", columns::SIGNATURE, "public_key", 1 };

// Tables whose rows make up the content, in checksum order.
inline constexpr std::array<const TableSpec*, 12> CONTENT_TABLES { &META_TABLE, &SOURCE_TABLE,
    &PARTNERSHIP_TABLE, &TOPIC_TABLE, &SLIDE_TABLE, &PLACE_TABLE, &LINK_TABLE, &EVENT_TABLE,
    &CHART_TABLE, &CHART_POINT_TABLE, &IMAGE_TABLE, &VIDEO_TABLE };

// "CREATE TABLE name(col TYPE NOT NULL, ..., PRIMARY KEY(...));" for every content table.
std::string schema_sql();
// "INSERT INTO name(a, b) VALUES (?1, ?2)": parameter i+1 is column i.
std::string insert_sql(const TableSpec& table);
// "SELECT a, b FROM name " + tail (e.g. "ORDER BY rowid"): result column i is column i.
std::string select_sql(const TableSpec& table, std::string_view tail);

// BLAKE2b-256 over every content row (rowid order, typed and length-prefixed values), except the
// meta row that stores the checksum itself. Hex, 64 characters. Any value of any type (a hostile
// file's NULLs included) is hashed; none is trusted.
core::Result<std::string> content_checksum(sqlite3* db);

} // namespace kiosk::store
