// The content on screen and how it changes: the file loaded at start (with the crash-loop guard
// and rollback for the installed file), the inbox that staff drop new files into, installs and
// reloads at quiet moments only, and a rollback on request.
#pragma once

#include "kiosk/app/config.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/content_model.h"
#include "kiosk/store/installer.h"
#include "kiosk/store/store.h"

#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>

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
    // `looks_after` false (a screenshot): the file is only loaded, nothing else is touched.
    // `wall_clock` gives seconds since the epoch (the crash-loop guard spans restarts).
    ContentManager(
        const Config& config, store::ImageCheck check_image, bool looks_after,
        std::function<std::time_t()> wall_clock = [] { return std::time(nullptr); });

    // Loads `db_path`. For the installed file: three starts within a minute each roll back to
    // the previous file; a broken current file with a good previous one rolls back too.
    void start(const std::string& db_path);
    Content& content() { return *m_content; }
    const Content& content() const { return *m_content; }
    // What the screen should say instead of the content (missing fonts, a blank screen).
    void set_problem(std::string problem) { m_content->error = std::move(problem); }

    // At a quiet moment (nobody touching), at most every 5 s: installs what the inbox holds and
    // loads the shown file again if it was replaced. True when new content is loaded and waits
    // for adopt(): the caller first lets go of everything that points into the old content.
    bool poll(core::TimeMs now_ms, bool quiet);
    // The new content becomes the shown one.
    void adopt();
    // The start was healthy (two minutes up): it was not part of a crash loop.
    void mark_healthy();
    // Puts the previous file back (staff); it is loaded at the next poll.
    core::Status roll_back();

private:
    bool shows_installed() const;
    int count_start();
    void write_starts(int count);
    void take_inbox();

    Config m_config;
    store::ImageCheck m_check_image;
    bool m_looks_after;
    std::function<std::time_t()> m_wall_clock;
    std::unique_ptr<Content> m_content;
    std::unique_ptr<Content> m_pending;
    core::TimeMs m_next_check_ms { 0 };
};

} // namespace kiosk::app
