// Event mapping.
#include "kiosk/platform/input.h"

namespace kiosk::platform {

std::optional<core::TouchSample> InputMapper::map(
    const SDL_Event& e, core::Size screen, core::TimeMs now_ms)
{
    using core::TouchPhase;
    constexpr int64_t MOUSE_FINGER = -1;
    switch (e.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        auto phase = e.type == SDL_FINGERDOWN ? TouchPhase::Down
            : e.type == SDL_FINGERUP          ? TouchPhase::Up
                                              : TouchPhase::Move;
        return core::TouchSample { static_cast<int64_t>(e.tfinger.fingerId),
            m_mapping.map({ e.tfinger.x, e.tfinger.y }, screen), phase, now_ms };
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT)
            return std::nullopt;
        m_mouse_down = e.type == SDL_MOUSEBUTTONDOWN;
        return core::TouchSample { MOUSE_FINGER,
            { static_cast<float>(e.button.x), static_cast<float>(e.button.y) },
            m_mouse_down ? TouchPhase::Down : TouchPhase::Up, now_ms };
    case SDL_MOUSEMOTION:
        if (e.motion.which == SDL_TOUCH_MOUSEID || !m_mouse_down)
            return std::nullopt;
        return core::TouchSample { MOUSE_FINGER,
            { static_cast<float>(e.motion.x), static_cast<float>(e.motion.y) }, TouchPhase::Move,
            now_ms };
    default:
        return std::nullopt;
    }
}

} // namespace kiosk::platform
