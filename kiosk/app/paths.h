// Where the kiosk finds things (the database, fonts, the map's shapes) and the start-up trace.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace kiosk::core {
class MapGeometry;
class PhraseModel;
} // namespace kiosk::core

namespace kiosk::app {

// The database used when --db is not given: $KIOSK_DB, the build's kiosk.db, the installed one.
std::string default_db_path();
// Folders searched for fonts: $KIOSK_FONT_DIR, the source tree's assets/fonts, the installed one.
std::vector<std::string> font_dirs();
// The map's country shapes (assets/map/east-asia.kmap, from the source tree or the installed
// data), parsed and indexed; null when there are none (the map then shows places only).
std::unique_ptr<core::MapGeometry> load_map();
// BudouX's Japanese phrase model (assets/text/budoux-ja.tsv, from the source tree or the
// installed data); null when there is none (Japanese then breaks by UAX #14 and kinsoku alone).
std::shared_ptr<const core::PhraseModel> load_phrase_model();
// $KIOSK_TRACE_START=1: milliseconds since the process started at each step of the start-up.
void trace_start(const char* step);
// Where rasterised pictures are kept between restarts: the state folder's cache when it is
// writable, else the user's cache folder; "" when there is none.
std::string picture_cache_dir(const std::string& state_dir);
// The local date, YYYY-MM-DD (interaction counts are kept per day).
std::string today();

} // namespace kiosk::app
