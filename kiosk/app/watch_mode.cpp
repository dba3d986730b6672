// The watcher thread: inotify, the debounce, the build, the hand-over.
#include "kiosk/app/watch_mode.h"

#include "kiosk/core/live_edit.h"
#include "kiosk/core/strings.h"
#include "kiosk/platform/pictures.h"
#include "kiosk/platform/video_probe.h"
#include "kiosk/store/writer.h"
#include "kiosk/tools/content/source_tree.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <poll.h>
#include <set>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace kiosk::app {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr uint32_t WATCH_MASK = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE
    | IN_DELETE_SELF | IN_ONLYDIR;

std::string normal(const fs::path& path)
{
    return path.lexically_normal().string();
}

bool inside(const std::string& path, const std::string& dir)
{
    auto rel = fs::path(path).lexically_relative(dir);
    return !rel.empty() && *rel.begin() != "..";
}

} // namespace

core::Result<std::unique_ptr<WatchMode>> WatchMode::create(
    std::string content_dir, std::string assets_dir, std::function<void()> wake)
{
    std::error_code ec;
    if (!fs::is_directory(content_dir, ec))
        return core::Error { content_dir + ": not a folder" };
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/kiosk-watch-XXXXXX";
    if (!::mkdtemp(pattern.data()))
        return core::Error { "cannot make a folder for the preview's builds (" + pattern
            + "): " + std::strerror(errno) };
    std::unique_ptr<WatchMode> watch(
        new WatchMode(normal(content_dir), normal(assets_dir), pattern, std::move(wake)));
    watch->m_inotify = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    watch->m_stop_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (watch->m_inotify < 0 || watch->m_stop_fd < 0)
        return core::Error { std::string("inotify: ") + std::strerror(errno) };
    watch->add_watches(watch->m_content_dir);
    auto images = fs::path(watch->m_assets_dir) / "images";
    if (fs::is_directory(images, ec))
        watch->add_watches(normal(images));
    return watch;
}

WatchMode::WatchMode(std::string content_dir, std::string assets_dir, std::string build_dir,
    std::function<void()> wake)
    : m_content_dir(std::move(content_dir))
    , m_assets_dir(std::move(assets_dir))
    , m_build_dir(std::move(build_dir))
    , m_wake(std::move(wake))
{
}

WatchMode::~WatchMode()
{
    if (m_thread.joinable()) {
        uint64_t one = 1;
        if (::write(m_stop_fd, &one, sizeof one) != sizeof one)
            std::abort(); // the thread would never end: a bug, not a content problem
        m_thread.join();
    }
    if (m_inotify >= 0)
        ::close(m_inotify);
    if (m_stop_fd >= 0)
        ::close(m_stop_fd);
    std::error_code ec;
    fs::remove_all(m_build_dir, ec);
}

// The folder and every folder below it (a folder made later is added when its event comes).
void WatchMode::add_watches(const std::string& dir)
{
    auto add = [&](const std::string& path) {
        int wd = ::inotify_add_watch(m_inotify, path.c_str(), WATCH_MASK);
        if (wd >= 0)
            m_watched[wd] = path;
    };
    add(dir);
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_directory(ec) && !it->is_symlink(ec))
            add(normal(it->path()));
    }
}

std::vector<std::string> WatchMode::read_events()
{
    std::vector<std::string> changed;
    alignas(inotify_event) char buffer[16384];
    for (;;) {
        ssize_t n = ::read(m_inotify, buffer, sizeof buffer);
        if (n <= 0)
            break;
        for (char* p = buffer; p < buffer + n;) {
            auto* event = reinterpret_cast<inotify_event*>(p);
            p += sizeof(inotify_event) + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                changed.push_back(m_content_dir); // too much at once: rebuild all the same
                continue;
            }
            auto dir = m_watched.find(event->wd);
            if (dir == m_watched.end())
                continue;
            if (event->mask & (IN_DELETE_SELF | IN_IGNORED)) {
                m_watched.erase(dir);
                continue;
            }
            std::string name = event->len ? event->name : "";
            if (core::is_editor_scratch_file(name))
                continue;
            std::string path = normal(fs::path(dir->second) / name);
            if (event->mask & IN_ISDIR) {
                if (event->mask & (IN_CREATE | IN_MOVED_TO))
                    add_watches(path);
                changed.push_back(path);
                continue;
            }
            // A new file's contents come with its IN_CLOSE_WRITE.
            if (event->mask & IN_CREATE)
                continue;
            changed.push_back(path);
        }
    }
    return changed;
}

WatchBuild WatchMode::build(const std::vector<std::string>& changed)
{
    WatchBuild result;
    auto t0 = Clock::now();
    std::set<std::pair<size_t, size_t>> used;
    std::vector<tools::SourceFile> files;
    auto out = tools::compile_source_tree(
        m_content_dir, m_assets_dir,
        [&](const std::vector<uint8_t>& bytes) -> core::Result<std::vector<uint8_t>> {
            std::pair<size_t, size_t> key { bytes.size(),
                std::hash<std::string_view> {}(
                    std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size())) };
            used.insert(key);
            if (auto it = m_prepared.find(key); it != m_prepared.end())
                return it->second;
            auto prepared = platform::prepare_picture(bytes);
            if (!prepared)
                return core::Error { prepared.error() };
            m_prepared[key] = prepared.value().bytes;
            return std::move(prepared.value().bytes);
        },
        &files, platform::probe_video);
    std::erase_if(m_prepared, [&](auto& entry) { return !used.contains(entry.first); });

    // The screen of the item under the first changed line of the last file saved.
    std::map<std::string, std::string> texts;
    for (auto& file : files)
        texts[file.path] = std::move(file.text);
    auto images = normal(fs::path(m_assets_dir) / "images");
    for (auto it = changed.rbegin(); it != changed.rend() && !result.screen; ++it) {
        std::optional<std::string> item;
        if (inside(*it, images)) {
            item = core::item_using_image(
                out.locations, fs::path(*it).lexically_relative(images).generic_string());
        } else if (auto now = texts.find(*it); now != texts.end()) {
            auto before = m_texts.find(*it);
            auto line = core::first_changed_line(
                before == m_texts.end() ? std::string_view {} : before->second, now->second);
            if (line)
                item = core::item_at(out.locations, *it, *line);
        }
        if (item)
            result.screen = core::screen_for_item(*item);
        if (result.changed.empty())
            result.changed = *it;
    }
    m_texts = std::move(texts);

    if (!out.diagnostics.empty()) {
        // The screen stays where it is: the item in error may be missing from what was compiled
        // (so the line would point at its neighbour), and the last good build shows it anyway.
        result.screen.reset();
        result.errors = core::split_list(out.diagnostics.format(), '\n');
    } else {
        auto path = m_build_dir + "/build-" + std::to_string(++m_builds) + ".kiosk";
        auto written = store::write_database(path, out.exhibition, out.images, out.videos);
        if (!written) {
            result.errors.push_back(path + ": error: " + written.error());
        } else {
            auto content = load_content(path);
            if (!content->error.empty())
                result.errors.push_back(content->error);
            else
                result.content = std::move(content);
        }
    }
    result.build_ms
        = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
    return result;
}

WatchBuild WatchMode::first_build()
{
    auto result = build({});
    result.saved_at = Clock::now();
    m_thread = std::thread([this] { run(); });
    return result;
}

void WatchMode::run()
{
    pollfd fds[2] = { { m_inotify, POLLIN, 0 }, { m_stop_fd, POLLIN, 0 } };
    auto wait = [&](int timeout_ms) {
        fds[0].revents = fds[1].revents = 0;
        int n = ::poll(fds, 2, timeout_ms);
        return n;
    };
    for (;;) {
        if (wait(-1) < 0 && errno != EINTR)
            return;
        if (fds[1].revents)
            return;
        auto changed = read_events();
        if (changed.empty())
            continue;
        auto saved_at = Clock::now();
        // A save is often several events (a scratch file, a write, a rename): build once it
        // has been quiet for DEBOUNCE_MS.
        for (;;) {
            int n = wait(DEBOUNCE_MS);
            if (fds[1].revents)
                return;
            if (n == 0)
                break;
            auto more = read_events();
            changed.insert(changed.end(), more.begin(), more.end());
        }
        auto result = build(changed);
        result.saved_at = saved_at;
        std::string dropped;
        {
            std::lock_guard lock(m_mutex);
            if (m_ready && m_ready->content)
                dropped = m_ready->content->path;
            m_ready = std::move(result);
        }
        if (!dropped.empty()) {
            std::error_code ec;
            fs::remove(dropped, ec);
        }
        m_wake();
    }
}

std::optional<WatchBuild> WatchMode::take()
{
    std::lock_guard lock(m_mutex);
    auto ready = std::move(m_ready);
    m_ready.reset();
    return ready;
}

void WatchMode::retire(const std::string& path)
{
    if (path.empty() || !inside(path, m_build_dir))
        return;
    std::error_code ec;
    fs::remove(path, ec);
}

} // namespace kiosk::app
