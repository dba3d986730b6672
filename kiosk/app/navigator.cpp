// Screens made on demand from the registry.
#include "kiosk/app/navigator.h"

namespace kiosk::app {

using screens::NavKind;
namespace kind = core::ScreenKind;

Navigator::Navigator(ScreenDeps deps)
    : m_deps(std::move(deps))
{
    m_deps.screen = [this](std::string_view k) { return screen(k); };
}

screens::Screen* Navigator::made(std::string_view kind) const
{
    auto it = m_screens.find(kind);
    return it == m_screens.end() ? nullptr : it->second.get();
}

screens::Screen* Navigator::screen(std::string_view kind)
{
    if (auto* existing = made(kind))
        return existing;
    auto* row = find_screen_row(kind);
    if (!row || !row->make)
        return nullptr;
    auto made_screen = row->make(m_deps);
    auto* raw = made_screen.get();
    m_screens.emplace(std::string(kind), std::move(made_screen));
    return raw;
}

screens::Screen* Navigator::resolve(const core::ScreenRef& ref)
{
    auto* s = screen(ref.kind);
    return s && s->show(ref.id) ? s : nullptr;
}

std::optional<core::ScreenRef> nav_destination(const screens::Nav& nav)
{
    switch (nav.kind) {
    case NavKind::Attract:
        return core::ScreenRef { kind::Attract, {} };
    case NavKind::Home:
        return core::ScreenRef { kind::Home, {} };
    case NavKind::Partnership:
        return core::ScreenRef { kind::Partnership, nav.id };
    case NavKind::Topic:
        return core::ScreenRef { kind::Topic, nav.id };
    case NavKind::Slide:
    case NavKind::NextSlide:
    case NavKind::PrevSlide:
        return core::ScreenRef { kind::Slide, nav.id };
    case NavKind::Map:
        return core::ScreenRef { kind::Map, nav.id };
    case NavKind::Timeline:
        return core::ScreenRef { kind::Timeline, {} };
    case NavKind::Chart:
        return core::ScreenRef { kind::Chart, nav.id };
    case NavKind::Staff:
        return core::ScreenRef { kind::Staff, {} };
    case NavKind::Open:
        return parse_screen_name(nav.id);
    case NavKind::None:
    case NavKind::Back:
    case NavKind::SetLang:
    case NavKind::StaffAction:
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace kiosk::app
