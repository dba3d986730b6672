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

enum class ScreenKind { Attract, Home, Partnership, Topic, Slide, Map, Timeline, Chart, Staff };

struct ScreenRef {
    ScreenKind kind { ScreenKind::Attract };
    std::string id; // partnership, topic, slide, place or chart id; empty for the others
    bool operator==(const ScreenRef&) const = default;
};

// "attract", "home", "topic:ID", "slide:ID", "map", "map:ID", "timeline", "chart:ID", "staff"
// (and "partnership:ID"); nullopt for anything else.
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
