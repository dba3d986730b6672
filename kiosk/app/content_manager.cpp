// Loading, the inbox, reloads and rollback.
#include "kiosk/app/content_manager.h"

#include "kiosk/app/log.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sys/stat.h>

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

ContentManager::ContentManager(const Config& config, store::ImageCheck check_image,
    bool looks_after, std::function<std::time_t()> wall_clock)
    : m_config(config)
    , m_check_image(std::move(check_image))
    , m_looks_after(looks_after)
    , m_wall_clock(std::move(wall_clock))
    , m_content(std::make_unique<Content>())
{
}

bool ContentManager::shows_installed() const
{
    return m_content->path == store::install_paths(m_config.state_dir).current;
}

void ContentManager::start(const std::string& db_path)
{
    auto paths = store::install_paths(m_config.state_dir);
    bool installed = db_path == paths.current && m_looks_after;
    // A crash loop (three starts within a minute each) on the installed content: go back to the
    // previous file, which ran before the last install.
    if (installed && count_start() >= 3 && fs::exists(paths.previous)) {
        log_error("the kiosk keeps restarting; rolling back to the previous content");
        if (store::roll_back(paths))
            write_starts(0);
    }
    m_content = load_content(db_path);
    // A broken current file with a good previous one (a bad install): roll back.
    if (!m_content->error.empty() && installed && fs::exists(paths.previous)) {
        log_error("current content unusable (" + m_content->error
            + "); rolling back to the previous file");
        if (store::roll_back(paths))
            m_content = load_content(db_path);
    }
    if (!m_content->error.empty())
        log_error(m_content->error);
    else
        log_info("showing " + db_path + " (content " + m_content->store->info().content_version
            + ", " + std::to_string(m_content->exhibition.slides.size()) + " slides)");
}

// The start counter (state folder/.starts: "count epoch-seconds"): a start within a minute of
// the last one counts up; a healthy start resets it.
int ContentManager::count_start()
{
    std::string path = m_config.state_dir + "/.starts";
    int count = 0;
    long long last = 0;
    if (FILE* f = std::fopen(path.c_str(), "r")) {
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
    std::string path = m_config.state_dir + "/.starts";
    std::string temp = path + ".tmp";
    if (FILE* f = std::fopen(temp.c_str(), "w")) {
        std::fprintf(f, "%d %lld\n", count, static_cast<long long>(m_wall_clock()));
        if (std::fclose(f) == 0)
            std::rename(temp.c_str(), path.c_str());
    }
}

void ContentManager::mark_healthy()
{
    if (m_looks_after && shows_installed())
        write_starts(0);
}

core::Status ContentManager::roll_back()
{
    auto status = store::roll_back(store::install_paths(m_config.state_dir));
    m_next_check_ms = 0;
    return status;
}

void ContentManager::take_inbox()
{
    auto paths = store::install_paths(m_config.state_dir);
    std::error_code ec;
    if (!shows_installed() || !fs::is_directory(m_config.inbox_dir, ec))
        return;
    std::vector<fs::path> incoming;
    for (auto& entry : fs::directory_iterator(m_config.inbox_dir, ec)) {
        // Dot-names are transfers still in progress (rsync, Ansible): never touched.
        if (entry.is_regular_file() && entry.path().extension() == ".kiosk"
            && entry.path().filename().string()[0] != '.')
            incoming.push_back(entry.path());
    }
    std::sort(incoming.begin(), incoming.end());
    for (auto& file : incoming) {
        auto installed = store::install_content_file(file.string(), paths, m_check_image);
        if (installed) {
            log_info("installed " + file.filename().string() + " (content "
                + installed.value().content_version + ")");
            fs::remove(file, ec);
        } else {
            log_error(installed.error());
            fs::create_directories(fs::path(m_config.inbox_dir) / "rejected", ec);
            fs::rename(file, fs::path(m_config.inbox_dir) / "rejected" / file.filename(), ec);
        }
    }
}

bool ContentManager::poll(core::TimeMs now_ms, bool quiet)
{
    if (!m_looks_after || now_ms < m_next_check_ms || !quiet)
        return false;
    m_next_check_ms = now_ms + 5000;
    take_inbox();
    auto id = file_id(m_content->path);
    if (id == m_content->id)
        return false;
    auto fresh = load_content(m_content->path);
    if (!fresh->error.empty()) {
        // Keep showing the old content; say so once per change of the file.
        log_error("new content refused, keeping the old one: " + fresh->error);
        m_content->id = id;
        return false;
    }
    log_info("content reloaded: " + fresh->store->info().content_version);
    m_pending = std::move(fresh);
    return true;
}

void ContentManager::adopt()
{
    if (m_pending)
        m_content = std::move(m_pending);
}

} // namespace kiosk::app
