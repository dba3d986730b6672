// Screen transitions and the idle timeout.
#include "kiosk/core/screen_machine.h"

#include <utility>

namespace kiosk::core {

std::optional<ScreenRef> parse_screen_ref(std::string_view name)
{
    auto colon = name.find(':');
    auto head = name.substr(0, colon);
    if (head.empty())
        return std::nullopt;
    for (char c : head) {
        if (!((c >= 'a' && c <= 'z') || c == '-' || c == '_'))
            return std::nullopt;
    }
    if (colon == std::string_view::npos)
        return ScreenRef { std::string(head), {} };
    auto id = name.substr(colon + 1);
    if (id.empty())
        return std::nullopt;
    return ScreenRef { std::string(head), std::string(id) };
}

std::string screen_ref_name(const ScreenRef& ref)
{
    return ref.id.empty() ? ref.kind : ref.kind + ":" + ref.id;
}

ScreenMachine::ScreenMachine(MachineConfig config, ScreenRef start, TimeMs now_ms)
    : m_config(config)
    , m_current(std::move(start))
    , m_lang(config.default_lang)
    , m_last_touch_ms(now_ms)
{
}

void ScreenMachine::touch(TimeMs now_ms)
{
    m_last_touch_ms = now_ms;
    if (m_current.kind == ScreenKind::Attract)
        go({ ScreenKind::Home, {} }, now_ms);
}

void ScreenMachine::go(ScreenRef to, TimeMs now_ms)
{
    m_last_touch_ms = now_ms;
    if (to == m_current)
        return;
    if (to.kind == ScreenKind::Home || to.kind == ScreenKind::Attract) {
        m_history.clear();
    } else if (m_current.kind == ScreenKind::Slide && to.kind == ScreenKind::Slide) {
        // Paging between slides replaces, so Back leaves the slideshow in one step.
    } else if (m_current.kind != ScreenKind::Attract) {
        m_history.push_back(m_current);
    }
    m_current = std::move(to);
}

bool ScreenMachine::back(TimeMs now_ms)
{
    m_last_touch_ms = now_ms;
    if (!m_history.empty()) {
        m_current = m_history.back();
        m_history.pop_back();
        return true;
    }
    if (m_current.kind != ScreenKind::Home) {
        m_current = { ScreenKind::Home, {} };
        return true;
    }
    return false;
}

void ScreenMachine::set_lang(Lang lang, TimeMs now_ms)
{
    m_last_touch_ms = now_ms;
    m_lang = lang;
}

std::optional<TimeMs> ScreenMachine::idle_deadline_ms() const
{
    if (m_config.hold || m_current.kind == ScreenKind::Attract)
        return std::nullopt;
    return m_last_touch_ms + m_config.idle_timeout_ms;
}

bool ScreenMachine::tick(TimeMs now_ms)
{
    auto deadline = idle_deadline_ms();
    if (!deadline || now_ms < *deadline)
        return false;
    m_history.clear();
    m_current = { ScreenKind::Attract, {} };
    m_lang = m_config.default_lang;
    m_last_touch_ms = now_ms;
    return true;
}

} // namespace kiosk::core
