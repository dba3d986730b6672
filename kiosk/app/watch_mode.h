// The editors' live preview (kiosk --watch DIR): a thread watches the content folder and its
// assets with inotify (recursively, new folders too), waits until a save burst has been quiet for
// DEBOUNCE_MS (editors write scratch files and rename; those are ignored), rebuilds the
// exhibition with the content compiler into a private database, and hands the result to the
// loop: new content and the screen that shows the edited item, or the compiler's errors (the
// last good build stays on screen under them). Nothing here runs on the frame path.
#pragma once

#include "kiosk/app/content_manager.h"
#include "kiosk/core/result.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::app {

struct WatchBuild {
    std::unique_ptr<Content> content; // null when the build failed
    std::vector<std::string> errors; // `file:line:col: error: message`, sorted; empty: it built
    // A --screen name showing the edited item, when it built and the item is known.
    std::optional<std::string> screen;
    std::string changed; // the file whose save started this build ("" for the first build)
    int64_t build_ms { 0 }; // compile + write + load
    // When the first event of the save burst arrived (the save-to-screen latency starts here).
    std::chrono::steady_clock::time_point saved_at;
};

class WatchMode {
public:
    static constexpr int DEBOUNCE_MS = 100;

    // `wake` is called from the watcher thread when a build is ready (the loop sleeps on events).
    static core::Result<std::unique_ptr<WatchMode>> create(
        std::string content_dir, std::string assets_dir, std::function<void()> wake);
    ~WatchMode();
    WatchMode(const WatchMode&) = delete;
    WatchMode& operator=(const WatchMode&) = delete;

    // The first build, on the caller's thread; then the watcher thread starts.
    WatchBuild first_build();
    // The newest build finished since the last call (older unclaimed ones are dropped).
    std::optional<WatchBuild> take();
    // A database file of a build no longer shown: removed.
    void retire(const std::string& path);
    const std::string& content_dir() const { return m_content_dir; }

private:
    WatchMode(std::string content_dir, std::string assets_dir, std::string build_dir,
        std::function<void()> wake);
    void add_watches(const std::string& dir);
    void run();
    // Reads the queued inotify events; the files they name (scratch files left out).
    std::vector<std::string> read_events();
    WatchBuild build(const std::vector<std::string>& changed);

    std::string m_content_dir;
    std::string m_assets_dir;
    std::string m_build_dir; // private databases, one per build, removed with the folder at exit
    std::function<void()> m_wake;
    int m_inotify { -1 };
    int m_stop_fd { -1 }; // an eventfd: the destructor ends the thread through it
    std::map<int, std::string> m_watched; // watch descriptor -> folder
    std::map<std::string, std::string> m_texts; // content file -> its text at the last build
    // Prepared pictures by (size, hash) of their file's bytes: a save of a slide does not
    // downscale every photo again. Only those used by the last build are kept.
    std::map<std::pair<size_t, size_t>, std::vector<uint8_t>> m_prepared;
    int m_builds { 0 };
    std::thread m_thread;
    std::mutex m_mutex;
    std::optional<WatchBuild> m_ready; // guarded by m_mutex
};

} // namespace kiosk::app
