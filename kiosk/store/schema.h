// The content database's schema, shared by the compiler (which writes it) and the store (which
// reads it). Bump SCHEMA_VERSION on any change; the store refuses other versions.
#pragma once

#include "kiosk/core/result.h"

#include <array>
#include <sqlite3.h>
#include <string>

namespace kiosk::store {

inline constexpr int SCHEMA_VERSION = 1;

// Statements that create an empty content database.
extern const char* const SCHEMA_SQL;

// Tables whose rows make up the content, in checksum order.
inline constexpr std::array<const char*, 11> CONTENT_TABLES { "meta", "source", "partnership",
    "topic", "slide", "place", "link", "event", "chart", "chart_point", "image" };

// BLAKE2b-256 over every content row (rowid order, typed and length-prefixed values), except the
// meta row that stores the checksum itself. Hex, 64 characters.
core::Result<std::string> content_checksum(sqlite3* db);

} // namespace kiosk::store
