// The log sink.
#include "kiosk/app/log.h"

#include <cstdio>
#include <ctime>
#include <deque>
#include <mutex>

namespace kiosk::app {

namespace {

std::mutex g_mutex;
std::deque<std::string> g_recent;

} // namespace

void log(LogLevel level, const std::string& message)
{
    // "<N>" is the priority prefix journald understands; on a terminal it stays readable.
    std::fprintf(stderr, "<%d>kiosk: %s\n", static_cast<int>(level), message.c_str());
    if (level > LogLevel::Warning)
        return;
    std::time_t now = std::time(nullptr);
    std::tm tm {};
    localtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M", &tm);
    std::lock_guard lock(g_mutex);
    g_recent.push_back(std::string(stamp) + " " + message);
    while (g_recent.size() > 20)
        g_recent.pop_front();
}

std::vector<std::string> recent_problems()
{
    std::lock_guard lock(g_mutex);
    return { g_recent.begin(), g_recent.end() };
}

} // namespace kiosk::app
