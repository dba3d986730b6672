// SDL events -> the app's own input: touch samples for the gesture recogniser. Nothing above this
// sees an SDL_Event. Mouse events stand in for one finger on desktops; mouse events that SDL
// synthesises from touches are dropped so a touch never counts twice.
#pragma once

#include "kiosk/core/gesture.h"
#include "kiosk/platform/sdl_handles.h"

#include <optional>

namespace kiosk::platform {

class InputMapper {
public:
    explicit InputMapper(core::TouchMapping mapping = {})
        : m_mapping(mapping)
    {
    }
    // A touch sample for pointer events, nullopt for anything else.
    std::optional<core::TouchSample> map(
        const SDL_Event& event, core::Size screen, core::TimeMs now_ms);

private:
    core::TouchMapping m_mapping;
    bool m_mouse_down { false };
};

} // namespace kiosk::platform
