// The inbox queue.
#include "kiosk/app/inbox.h"

#include "kiosk/app/log.h"

#include <chrono>
#include <filesystem>
#include <sys/stat.h>

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {

std::optional<std::pair<uint64_t, std::pair<int64_t, int64_t>>> look(const fs::path& path)
{
    struct stat st { };
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    return std::pair { static_cast<uint64_t>(st.st_ino),
        std::pair { static_cast<int64_t>(st.st_size),
            static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec } };
}

void move_into(const fs::path& file, const fs::path& folder)
{
    std::error_code ec;
    fs::create_directories(folder, ec);
    fs::rename(file, folder / file.filename(), ec);
    if (ec)
        log_error(
            "inbox: cannot move " + file.string() + " to " + folder.string() + ": " + ec.message());
}

} // namespace

Inbox::Inbox(std::string dir, std::function<int64_t()> wall_ns)
    : m_dir(std::move(dir))
    , m_wall_ns(std::move(wall_ns))
{
}

int64_t Inbox::real_wall_ns()
{
    using namespace std::chrono;
    return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

std::optional<std::string> Inbox::next(core::TimeMs now_ms)
{
    std::error_code ec;
    if (!fs::is_directory(m_dir, ec))
        return std::nullopt;
    revive_rejected();
    std::map<std::string, Seen> now;
    for (auto& entry : fs::directory_iterator(m_dir, ec)) {
        auto name = entry.path().filename().string();
        if (name.empty() || name[0] == '.' || entry.path().extension() != ".kiosk")
            continue;
        auto l = look(entry.path());
        if (!l)
            continue; // a folder, a symlink, a device: never taken
        Seen s { l->first, l->second.first, l->second.second, now_ms };
        auto before = m_seen.find(name);
        if (before != m_seen.end() && before->second == s)
            s.since_ms = before->second.since_ms;
        now[name] = s;
    }
    m_seen = std::move(now);
    // The newest complete file wins (by modification time, then name).
    int64_t wall_ns = m_wall_ns();
    auto complete = [&](const Seen& seen) {
        return now_ms - seen.since_ms >= STABLE_MS
            || wall_ns - seen.mtime_ns >= STABLE_MS * 1000000;
    };
    const std::pair<const std::string, Seen>* best = nullptr;
    for (auto& item : m_seen) {
        if (!complete(item.second))
            continue;
        if (!best || item.second.mtime_ns > best->second.mtime_ns
            || (item.second.mtime_ns == best->second.mtime_ns && item.first > best->first))
            best = &item;
    }
    if (!best)
        return std::nullopt;
    std::string chosen = best->first;
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (it->first != chosen && complete(it->second)
            && it->second.mtime_ns <= m_seen[chosen].mtime_ns) {
            log_info("inbox: " + it->first + " is superseded by the newer " + chosen);
            move_into(fs::path(m_dir) / it->first, fs::path(m_dir) / "superseded");
            it = m_seen.erase(it);
        } else {
            ++it;
        }
    }
    return (fs::path(m_dir) / chosen).string();
}

void Inbox::taken(const std::string& path)
{
    std::error_code ec;
    fs::remove(path, ec);
    m_seen.erase(fs::path(path).filename().string());
}

void Inbox::refused(const std::string& path)
{
    auto name = fs::path(path).filename().string();
    auto it = m_seen.find(name);
    if (it != m_seen.end())
        m_rejected[name] = it->second;
    m_seen.erase(name);
    move_into(path, fs::path(m_dir) / "rejected");
}

// A refused file that changed after it was refused was still being written (a copy that
// paused for longer than STABLE_MS): it goes back into the queue.
void Inbox::revive_rejected()
{
    for (auto it = m_rejected.begin(); it != m_rejected.end();) {
        auto file = fs::path(m_dir) / "rejected" / it->first;
        auto l = look(file);
        if (!l) {
            it = m_rejected.erase(it);
            continue;
        }
        Seen s { l->first, l->second.first, l->second.second, 0 };
        if (s == it->second) {
            ++it;
            continue;
        }
        log_info("inbox: " + it->first
            + " changed after it was refused (still being copied?); "
              "back in the queue");
        std::error_code ec;
        fs::rename(file, fs::path(m_dir) / it->first, ec);
        it = m_rejected.erase(it);
    }
}

} // namespace kiosk::app
