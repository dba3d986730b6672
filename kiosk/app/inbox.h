// The inbox as a queue. Staff (or rsync, Syncthing, a USB copy) put `.kiosk` files into a
// folder; a file is taken only when it is complete: its size and modification time have not
// changed for STABLE_MS, seen either from its modification time (at least STABLE_MS old) or by
// watching it that long (a slow or paused copy is never judged half-written; dot-names, the
// temporary names of rsync and Ansible, are not looked at until renamed). Of the complete files
// the newest wins and is taken alone; older ones are set aside in `superseded/`. A refused file
// goes to `rejected/`; if it is still growing there (its copy had only paused), it comes back.
#pragma once

#include "kiosk/core/clock.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace kiosk::app {

class Inbox {
public:
    static constexpr core::TimeMs STABLE_MS = 10000;

    // `wall_ns`: the machine's clock in ns since the epoch (file times are on it).
    explicit Inbox(std::string dir, std::function<int64_t()> wall_ns = real_wall_ns);
    static int64_t real_wall_ns();
    const std::string& dir() const { return m_dir; }
    // Looks at the folder; the path of the file to take now, if one is complete. Files it
    // outdates are moved to superseded/ (and logged).
    std::optional<std::string> next(core::TimeMs now_ms);
    // The result for a file next() gave: taken (removed) or refused (to rejected/).
    void taken(const std::string& path);
    void refused(const std::string& path);

private:
    struct Seen {
        uint64_t ino { 0 };
        int64_t size { -1 };
        int64_t mtime_ns { 0 };
        core::TimeMs since_ms { 0 }; // unchanged since
        bool operator==(const Seen& o) const
        {
            return ino == o.ino && size == o.size && mtime_ns == o.mtime_ns;
        }
    };
    void revive_rejected();

    std::string m_dir;
    std::function<int64_t()> m_wall_ns;
    std::map<std::string, Seen> m_seen; // inbox file name -> last look
    std::map<std::string, Seen> m_rejected; // rejected/ file name -> how it was when refused
};

} // namespace kiosk::app
