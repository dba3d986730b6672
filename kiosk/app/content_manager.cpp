// Loading, the inbox, the worker, health records and rollback.
#include "kiosk/app/content_manager.h"

#include "kiosk/app/log.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::app {

namespace fs = std::filesystem;

std::optional<FileId> file_id(const std::string& path)
{
    struct stat st { };
    if (::stat(path.c_str(), &st) != 0)
        return std::nullopt;
    return FileId { static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino),
        static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
        static_cast<int64_t>(st.st_size) };
}

std::unique_ptr<Content> load_content(const std::string& path)
{
    auto content = std::make_unique<Content>();
    content->path = path;
    content->id = file_id(path);
    auto store = store::Store::open(path, store::Verify::Quick);
    if (!store) {
        content->error = store.error();
        return content;
    }
    auto exhibition = store.value()->load_exhibition();
    if (!exhibition) {
        content->error = path + ": " + exhibition.error();
        return content;
    }
    content->store = store.release_value();
    content->exhibition = exhibition.release_value();
    return content;
}

namespace {

std::string checksum_of(const Content& content)
{
    return content.store ? content.store->info().checksum : std::string {};
}

// Writes `text` to `path` through a temporary file and a rename (never half a file).
void write_small_file(const std::string& path, const std::string& text)
{
    std::string temp = path + ".tmp";
    if (FILE* f = std::fopen(temp.c_str(), "w")) {
        bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
        if (std::fclose(f) == 0 && ok)
            std::rename(temp.c_str(), path.c_str());
    }
}

bool same_file(const std::string& a, const std::string& b)
{
    std::error_code ec;
    return fs::equivalent(a, b, ec);
}

} // namespace

ContentManager::ContentManager(const Config& config, store::ImageCheck check_image,
    bool looks_after, bool wait_for_worker, std::function<std::time_t()> wall_clock)
    : m_config(config)
    , m_check_image(std::move(check_image))
    , m_looks_after(looks_after)
    , m_wait_for_worker(wait_for_worker)
    , m_wall_clock(std::move(wall_clock))
    , m_inbox(config.inbox_dir)
    , m_content(std::make_unique<Content>())
{
    auto install = store::install_paths(config.state_dir);
    auto in_state = [&](const char* name) { return config.state_dir + "/" + name; };
    m_paths = { install.current, install.previous, in_state("good.kiosk"), in_state(".healthy"),
        in_state(".running"), in_state(".trial"), in_state(".starts") };
}

ContentManager::~ContentManager()
{
    if (m_worker.joinable())
        m_worker.join();
}

bool ContentManager::shows_installed() const
{
    return m_content->path == m_paths.current;
}

// What an install or a rollback left behind when the kiosk died in the middle of it.
void ContentManager::clean_leftovers()
{
    std::error_code ec;
    auto state = fs::path(m_paths.current).parent_path();
    for (auto& entry : fs::directory_iterator(state, ec)) {
        auto name = entry.path().filename().string();
        for (const char* marker : { ".incoming-", ".rollback-", ".tmp-" }) {
            if (name.find(marker) != std::string::npos && entry.is_regular_file()) {
                log_info("removing a leftover of an interrupted install: " + name);
                fs::remove(entry.path(), ec);
            }
        }
    }
}

void ContentManager::start(const std::string& db_path)
{
    bool installed = db_path == m_paths.current && m_looks_after;
    bool unclean = false;
    if (installed) {
        clean_leftovers();
        unclean = fs::exists(m_paths.running);
        write_small_file(m_paths.running, std::to_string(::getpid()) + "\n");
        // A crash loop (three starts within a minute each): back to the last healthy file.
        if (count_start() >= 3) {
            if (auto good = healthy_other_than_current()) {
                log_error("the kiosk keeps restarting; going back to the last healthy content");
                if (restore(*good))
                    write_starts(0);
            }
        }
    }
    m_content = load_content(db_path);
    if (installed && m_content->error.empty() && unclean)
        after_unclean_end();
    // A broken current file with a healthy one to go back to (a bad install): go back.
    if (installed && !m_content->error.empty()) {
        if (auto good = healthy_other_than_current()) {
            log_error("current content unusable (" + m_content->error
                + "); going back to the last healthy content");
            if (restore(*good))
                m_content = load_content(db_path);
        }
    }
    if (!m_content->error.empty())
        log_error(m_content->error);
    else
        log_info("showing " + db_path + " (content " + m_content->store->info().content_version
            + ", " + std::to_string(m_content->exhibition.slides.size()) + " slides)");
}

// The last run of the current file ended without a clean stop. A file that has run healthy
// before is kept (a power cut is not its fault); a new one gets UNCLEAN_ENDS_TO_ROLL_BACK
// chances, however far apart.
void ContentManager::after_unclean_end()
{
    std::string checksum = checksum_of(*m_content);
    if (is_healthy(checksum))
        return;
    std::string recorded;
    int count = 0;
    std::ifstream(m_paths.trial) >> recorded >> count;
    count = recorded == checksum ? std::clamp(count, 0, 1000) + 1 : 1;
    write_small_file(m_paths.trial, checksum + " " + std::to_string(count) + "\n");
    log_warning("the last run of content " + m_content->store->info().content_version
        + " ended without a clean stop (" + std::to_string(count) + ")");
    if (count < UNCLEAN_ENDS_TO_ROLL_BACK)
        return;
    auto good = healthy_other_than_current();
    if (!good) {
        log_error("content keeps failing, and no healthy content is kept to go back to");
        return;
    }
    log_error("content " + m_content->store->info().content_version
        + " keeps failing; going back to the last healthy content");
    if (restore(*good))
        m_content = load_content(m_paths.current);
}

bool ContentManager::is_healthy(const std::string& checksum) const
{
    if (checksum.empty())
        return false;
    std::ifstream in(m_paths.healthy);
    std::string line;
    while (std::getline(in, line)) {
        if (line == checksum)
            return true;
    }
    return false;
}

// The file to go back to: good.kiosk, or previous.kiosk when it ran healthy; never the file
// being left, never one that did not run healthy.
std::optional<std::string> ContentManager::healthy_other_than_current() const
{
    std::error_code ec;
    if (fs::exists(m_paths.good, ec) && !same_file(m_paths.good, m_paths.current))
        return m_paths.good;
    if (fs::exists(m_paths.previous, ec) && !same_file(m_paths.previous, m_paths.current)) {
        auto previous = store::Store::open(m_paths.previous, store::Verify::Quick);
        if (previous && is_healthy(previous.value()->info().checksum))
            return m_paths.previous;
    }
    return std::nullopt;
}

core::Status ContentManager::restore(const std::string& from)
{
    auto status = store::roll_back({ m_paths.current, from });
    if (!status)
        log_error("going back failed: " + status.error());
    m_next_check_ms = 0;
    return status;
}

// The start counter ("count epoch-seconds"): a start within a minute of the last one counts up.
int ContentManager::count_start()
{
    int count = 0;
    long long last = 0;
    if (FILE* f = std::fopen(m_paths.starts.c_str(), "r")) {
        if (std::fscanf(f, "%d %lld", &count, &last) != 2)
            count = 0;
        std::fclose(f);
    }
    long long now = static_cast<long long>(m_wall_clock());
    count = (now - last >= 0 && now - last < 60) ? std::clamp(count, 0, 1000) + 1 : 1;
    write_starts(count);
    return count;
}

void ContentManager::write_starts(int count)
{
    write_small_file(m_paths.starts,
        std::to_string(count) + " " + std::to_string(static_cast<long long>(m_wall_clock()))
            + "\n");
}

void ContentManager::ran_for(core::TimeMs up_ms)
{
    m_last_up_ms = up_ms;
    if (!m_looks_after || !shows_installed() || !m_content->error.empty())
        return;
    if (!m_reset_starts && up_ms >= 120000) {
        m_reset_starts = true;
        write_starts(0);
    }
    if (m_proven || up_ms - m_adopted_up_ms < HEALTHY_MS)
        return;
    m_proven = true;
    std::string checksum = checksum_of(*m_content);
    if (!is_healthy(checksum)) {
        std::vector<std::string> lines { checksum };
        std::ifstream in(m_paths.healthy);
        for (std::string line; std::getline(in, line) && lines.size() < 16;)
            lines.push_back(line);
        std::string text;
        for (auto& line : lines)
            text += line + "\n";
        write_small_file(m_paths.healthy, text);
    }
    // good.kiosk becomes this file: a hard link through a temporary name, then a rename.
    if (!same_file(m_paths.good, m_paths.current)) {
        std::string temp = m_paths.good + ".tmp-link";
        std::error_code ec;
        fs::remove(temp, ec);
        if (::link(m_paths.current.c_str(), temp.c_str()) == 0
            && std::rename(temp.c_str(), m_paths.good.c_str()) == 0)
            log_info("content " + m_content->store->info().content_version
                + " ran healthy; it is now the content to go back to");
        else
            fs::remove(temp, ec);
    }
}

core::Status ContentManager::roll_back()
{
    auto good = healthy_other_than_current();
    if (!good)
        return core::Error { "no other content that ran healthy is kept" };
    return restore(*good);
}

void ContentManager::stopped_cleanly()
{
    std::error_code ec;
    if (m_looks_after && shows_installed())
        fs::remove(m_paths.running, ec);
}

void ContentManager::start_worker(std::string file)
{
    m_worker_file = std::move(file);
    m_worker_done = false;
    std::string path = m_content->path;
    m_worker = std::thread([this, path]() {
        if (!m_worker_file.empty()) {
            m_worker_install = store::install_content_file(m_worker_file,
                store::install_paths(m_config.state_dir), m_check_image, m_config.trust(),
                m_drawn_check);
            if (m_worker_install)
                m_worker_content = load_content(path);
        } else {
            m_worker_content = load_content(path);
        }
        m_worker_done = true;
    });
}

void ContentManager::finish_worker()
{
    m_worker.join();
    if (!m_worker_file.empty()) {
        auto name = fs::path(m_worker_file).filename().string();
        if (m_worker_install) {
            log_info("installed " + name + " (content " + m_worker_install.value().content_version
                + ")");
            m_inbox.taken(m_worker_file);
        } else {
            log_error(m_worker_install.error());
            m_inbox.refused(m_worker_file);
        }
    }
    auto fresh = std::move(m_worker_content);
    m_worker_file.clear();
    if (!fresh)
        return;
    if (!fresh->error.empty()) {
        // Keep showing the old content; say so once per change of the file.
        log_error("new content refused, keeping the old one: " + fresh->error);
        m_content->id = fresh->id;
        return;
    }
    log_info("content loaded: " + fresh->store->info().content_version);
    m_pending = std::move(fresh);
}

bool ContentManager::poll(core::TimeMs now_ms, bool quiet)
{
    if (!m_looks_after)
        return false;
    if (m_worker.joinable() && (m_worker_done || m_wait_for_worker))
        finish_worker();
    if (m_pending)
        return quiet;
    if (m_worker.joinable() || now_ms < m_next_check_ms || !quiet)
        return false;
    m_next_check_ms = now_ms + 5000;
    if (shows_installed()) {
        if (auto file = m_inbox.next(now_ms)) {
            start_worker(*file);
            return false;
        }
    }
    if (file_id(m_content->path) != m_content->id)
        start_worker({});
    return false;
}

void ContentManager::adopt()
{
    if (!m_pending)
        return;
    m_content = std::move(m_pending);
    // A new file starts its own trial.
    m_proven = false;
    m_reset_starts = true;
    m_adopted_up_ms = m_last_up_ms;
}

} // namespace kiosk::app
