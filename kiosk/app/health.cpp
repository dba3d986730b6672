// Watchdog, opening hours, self-check.
#include "kiosk/app/health.h"

#include "kiosk/app/log.h"

#include <ctime>
#include <systemd/sd-daemon.h>

namespace kiosk::app {

int local_minute_of_day()
{
    std::time_t now = std::time(nullptr);
    std::tm tm {};
    localtime_r(&now, &tm);
    return tm.tm_hour * 60 + tm.tm_min;
}

Health::Health(const Config& config, std::function<int()> minute_of_day)
    : m_on_minute(config.on_minute)
    , m_off_minute(config.off_minute)
    , m_minute_of_day(std::move(minute_of_day))
{
}

bool Health::update_hours(core::TimeMs now_ms, bool quiet, core::TimeMs last_touch_ms)
{
    if (m_on_minute < 0 || m_off_minute < 0 || !quiet || now_ms - last_touch_ms <= 300000)
        return false;
    int minute = m_minute_of_day();
    bool open = m_on_minute <= m_off_minute ? (minute >= m_on_minute && minute < m_off_minute)
                                            : (minute >= m_on_minute || minute < m_off_minute);
    if (open != m_blanked)
        return false;
    m_blanked = !open;
    log_info(m_blanked ? "closing time: screen blanked" : "opening time: screen on");
    return true;
}

bool Health::self_check_due(core::TimeMs now_ms) const
{
    return !m_blanked && now_ms >= m_next_self_check_ms;
}

Health::Verdict Health::judge_frame(core::TimeMs now_ms, std::optional<bool> uniform)
{
    m_next_self_check_ms = now_ms + 60000;
    if (!uniform)
        return Verdict::Fine;
    if (!*uniform) {
        m_uniform_frames = 0;
        return Verdict::Fine;
    }
    ++m_uniform_frames;
    log_error("self-check: the frame is one colour (" + std::to_string(m_uniform_frames) + ")");
    return m_uniform_frames >= 2 ? Verdict::Fallback : Verdict::Redraw;
}

void Health::notify_ready()
{
    sd_notify(0, "READY=1\nSTATUS=showing the exhibition");
}

void Health::ping_watchdog(core::TimeMs now_ms)
{
    if (now_ms - m_last_ping_ms < 4000)
        return;
    sd_notify(0, "WATCHDOG=1");
    m_last_ping_ms = now_ms;
}

void Health::notify_stopping()
{
    sd_notify(0, "STOPPING=1");
}

} // namespace kiosk::app
