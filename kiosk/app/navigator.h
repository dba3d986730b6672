// The visitor screens of one content, made from the screen registry the first time each is
// needed, and the way from a screen's navigation request to a place in the screen machine.
#pragma once

#include "kiosk/app/screen_registry.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::app {

class Navigator {
public:
    explicit Navigator(ScreenDeps deps);
    Navigator(const Navigator&) = delete;
    Navigator& operator=(const Navigator&) = delete;

    // The screen for `ref`, pointed at its id; nullptr for an unknown kind or id.
    screens::Screen* resolve(const core::ScreenRef& ref);
    // The screen of a kind (made now if it was not yet); nullptr when there is no such kind.
    screens::Screen* screen(std::string_view kind);
    // The screen of a kind only if it was already made.
    screens::Screen* made(std::string_view kind) const;

private:
    ScreenDeps m_deps;
    std::map<std::string, std::unique_ptr<screens::Screen>, std::less<>> m_screens;
};

// Where a request to go somewhere leads (Partnership, Topic, Slide, Map, Open, ...); nullopt
// for requests that are not a place (Back, SetLang, staff commands, None).
std::optional<core::ScreenRef> nav_destination(const screens::Nav& nav);

} // namespace kiosk::app
