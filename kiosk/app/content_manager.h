// The content on screen and how it changes: the file loaded at start, the inbox that staff drop
// new files into, installs and reloads that happen at quiet moments only and whose slow parts
// (copy, verification, opening) run on a worker thread, and the way back when a file misbehaves.
//
// Files in the state folder: current.kiosk (shown), previous.kiosk (the one before the last
// install), good.kiosk (the last file that ran healthy for HEALTHY_MS, a hard link), .healthy
// (checksums of files that did), .running (present while a kiosk runs: left behind by a crash,
// a watchdog kill or a power cut), .trial (unclean ends of the current file while it is not yet
// proven), .starts (the quick-start counter).
//
// The rules: rollback only ever moves to a file that ran healthy; a file that has not yet run
// healthy and ends uncleanly twice (at any distance in time) is replaced by good.kiosk; three
// starts within a minute each do the same; nothing ever overwrites good.kiosk but a file that
// has just proven healthy.
#pragma once

#include "kiosk/app/config.h"
#include "kiosk/app/inbox.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/content_model.h"
#include "kiosk/store/installer.h"
#include "kiosk/store/store.h"

#include <atomic>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace kiosk::app {

// The file's identity, to notice when it was replaced (a rename changes the inode).
struct FileId {
    uint64_t dev { 0 };
    uint64_t ino { 0 };
    int64_t mtime_ns { 0 };
    int64_t size { 0 };
    bool operator==(const FileId&) const = default;
};
std::optional<FileId> file_id(const std::string& path);

// One loaded content file: the store it reads images from and the exhibition it holds.
struct Content {
    std::unique_ptr<store::Store> store;
    core::Exhibition exhibition;
    std::string path;
    std::string error; // non-empty: unusable, the fallback screen shows
    std::optional<FileId> id;
};

std::unique_ptr<Content> load_content(const std::string& path);

class ContentManager {
public:
    // How long a file must run without a crash to count as healthy (rollback target).
    static constexpr core::TimeMs HEALTHY_MS = 30 * 60 * 1000;
    // Unclean ends of a not-yet-healthy file that send the kiosk back to the good one.
    static constexpr int UNCLEAN_ENDS_TO_ROLL_BACK = 2;

    // `looks_after` false (a screenshot): the file is only loaded, nothing else is touched.
    // `wall_clock` gives seconds since the epoch (the quick-start counter spans restarts).
    // `wait_for_worker`: a driven (test) kiosk waits for each install to finish, so a run is
    // repeatable; a real one never waits.
    ContentManager(
        const Config& config, store::ImageCheck check_image, bool looks_after,
        bool wait_for_worker = false,
        std::function<std::time_t()> wall_clock = [] { return std::time(nullptr); });
    ~ContentManager();
    ContentManager(const ContentManager&) = delete;
    ContentManager& operator=(const ContentManager&) = delete;

    // The inbox's installs draw every picture at every size the screens draw it (set before the
    // first poll; without it they check each picture at one size only).
    void set_drawn_check(store::DrawnCheck check) { m_drawn_check = std::move(check); }
    void start(const std::string& db_path);
    Content& content() { return *m_content; }
    const Content& content() const { return *m_content; }
    // The live preview's build takes the place of the content shown (nothing is installed).
    void replace(std::unique_ptr<Content> content) { m_content = std::move(content); }
    // What the screen should say instead of the content (missing fonts, a blank screen).
    void set_problem(std::string problem) { m_content->error = std::move(problem); }

    // Called every turn; does its work at most every 5 s and only when `quiet` (nobody
    // touching). True when new content is loaded and waits for adopt(): the caller first lets go
    // of everything that points into the old content.
    bool poll(core::TimeMs now_ms, bool quiet);
    void adopt();
    // `up_ms` since the start: two minutes reset the quick-start counter; HEALTHY_MS make the
    // shown file the good one.
    void ran_for(core::TimeMs up_ms);
    // Puts the last healthy file back (staff); it is loaded at the next poll.
    core::Status roll_back();
    // A clean stop (SIGTERM, staff exit or restart): not a crash.
    void stopped_cleanly();

private:
    struct Paths {
        std::string current, previous, good, healthy, running, trial, starts;
    };
    bool shows_installed() const;
    void clean_leftovers();
    int count_start();
    void write_starts(int count);
    bool is_healthy(const std::string& checksum) const;
    std::optional<std::string> healthy_other_than_current() const;
    core::Status restore(const std::string& from);
    void after_unclean_end();
    void start_worker(std::string file);
    void finish_worker();

    Config m_config;
    Paths m_paths;
    store::ImageCheck m_check_image;
    store::DrawnCheck m_drawn_check;
    bool m_looks_after;
    bool m_wait_for_worker;
    std::function<std::time_t()> m_wall_clock;
    Inbox m_inbox;
    std::unique_ptr<Content> m_content;
    std::unique_ptr<Content> m_pending;
    core::TimeMs m_next_check_ms { 0 };
    bool m_reset_starts { false };
    bool m_proven { false };
    core::TimeMs m_last_up_ms { 0 };
    core::TimeMs m_adopted_up_ms { 0 }; // when the shown file came on screen
    // The worker: one install (copy, verify, swap) or one reload (open, check, load) at a time.
    std::thread m_worker;
    std::atomic<bool> m_worker_done { false };
    std::string m_worker_file; // the inbox file being installed; "" for a reload
    core::Result<store::Verified> m_worker_install { core::Error { "" } };
    std::unique_ptr<Content> m_worker_content;
};

} // namespace kiosk::app
