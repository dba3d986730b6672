// Where the visitor is: the current screen, the way back, the language, and the idle timeout that
// returns an untouched kiosk to its attract loop in the default language. Pure; time comes from
// the virtual clock.
#pragma once

#include "kiosk/core/clock.h"
#include "kiosk/core/lang.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::core {

// A screen's kind is its command-line name; the app's screen registry (app/screen_registry.cpp)
// lists every kind there is, with whether it takes an id. The machine itself knows only the
// attract loop, home and the staff screen; the other names are here for the code that links to
// the bundled screens.
namespace ScreenKind {
inline constexpr const char Attract[] = "attract";
inline constexpr const char Home[] = "home";
inline constexpr const char Staff[] = "staff";
inline constexpr const char Partnership[] = "partnership";
inline constexpr const char Topic[] = "topic";
inline constexpr const char Slide[] = "slide";
inline constexpr const char Map[] = "map";
inline constexpr const char Timeline[] = "timeline";
inline constexpr const char Chart[] = "chart";
} // namespace ScreenKind

struct ScreenRef {
    std::string kind { ScreenKind::Attract };
    std::string id; // partnership, topic, slide, place or chart id; empty for the others
    bool operator==(const ScreenRef&) const = default;
};

// "KIND" or "KIND:ID" with a lower-case kind ("topic:water", "map"); nullopt when it is not of
// that shape. Whether the kind exists and takes an id is the screen registry's to say.
std::optional<ScreenRef> parse_screen_ref(std::string_view name);
std::string screen_ref_name(const ScreenRef& ref);

struct MachineConfig {
    Lang default_lang { Lang::Vi };
    TimeMs idle_timeout_ms { 60000 };
    bool hold { false }; // --hold: no idle timeout
};

class ScreenMachine {
public:
    ScreenMachine(MachineConfig config, ScreenRef start, TimeMs now_ms);

    const ScreenRef& current() const { return m_current; }
    Lang lang() const { return m_lang; }
    size_t depth() const { return m_history.size(); }

    // Any touch: restarts the idle countdown. Touching the attract loop opens home.
    void touch(TimeMs now_ms);
    // Opens a screen; the current one goes onto the back stack (Home and Attract clear it).
    void go(ScreenRef to, TimeMs now_ms);
    // Back one step; from the first screen after home, back to home. False when already home.
    bool back(TimeMs now_ms);
    void set_lang(Lang lang, TimeMs now_ms);
    // Applies the idle timeout; true when it fired (now on the attract loop, default language).
    bool tick(TimeMs now_ms);
    // When the idle timeout will fire, if it can.
    std::optional<TimeMs> idle_deadline_ms() const;

private:
    MachineConfig m_config;
    ScreenRef m_current;
    std::vector<ScreenRef> m_history;
    Lang m_lang;
    TimeMs m_last_touch_ms;
};

} // namespace kiosk::core
