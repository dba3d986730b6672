// Logging: one line per event to stderr with a syslog priority prefix (journald reads it under
// systemd), never per frame; the recent warnings and errors are kept for the staff screen.
#pragma once

#include <string>
#include <vector>

namespace kiosk::app {

enum class LogLevel { Error = 3, Warning = 4, Info = 6, Debug = 7 };

void log(LogLevel level, const std::string& message);
inline void log_error(const std::string& message)
{
    log(LogLevel::Error, message);
}
inline void log_warning(const std::string& message)
{
    log(LogLevel::Warning, message);
}
inline void log_info(const std::string& message)
{
    log(LogLevel::Info, message);
}
// The last warnings and errors (at most 20), oldest first, with their times.
std::vector<std::string> recent_problems();

} // namespace kiosk::app
