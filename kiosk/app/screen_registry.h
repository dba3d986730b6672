// Every visitor screen there is, one row each: its name (the command line's and the screen
// machine's kind), whether it takes an id, how it is made, and the ids a preview shows. Adding a
// screen is one new file in kiosk/screens and one row in screen_registry.cpp.
#pragma once

#include "kiosk/core/screen_machine.h"
#include "kiosk/screens/attract_screen.h"
#include "kiosk/screens/screen.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {
class MapGeometry;
} // namespace kiosk::core

namespace kiosk::app {

// What a screen may be built from.
struct ScreenDeps {
    screens::Context context;
    screens::AttractConfig attract;
    // The map's shapes, loaded the first time a screen asks (not at start-up).
    std::function<const core::MapGeometry*()> map_geometry;
    // Another screen by kind (the attract loop flies over the map's screen).
    std::function<screens::Screen*(std::string_view kind)> screen;
};

enum class IdRule { None, Optional, Required };

struct ScreenRow {
    const char* kind;
    IdRule ids;
    // nullptr: a screen the app owns itself (staff), not made per content.
    std::function<std::unique_ptr<screens::Screen>(const ScreenDeps&)> make;
    // The ids an editor's preview shows, in the order a visitor meets them.
    std::function<std::vector<std::string>(const core::Exhibition&)> preview_ids;
};

const std::vector<ScreenRow>& screen_registry();
const ScreenRow* find_screen_row(std::string_view kind);
// A --screen name: a registered kind, with an id where the kind takes one; nullopt otherwise.
std::optional<core::ScreenRef> parse_screen_name(std::string_view name);
// Every screen of an exhibition, for previews: each row's ids, row by row.
std::vector<core::ScreenRef> all_screens(const core::Exhibition& exhibition);

} // namespace kiosk::app
