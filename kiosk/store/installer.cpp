// Verification and the atomic swap.
#include "kiosk/store/installer.h"

#include "kiosk/core/content_limits.h"
#include "kiosk/store/store.h"
#include "kiosk/store/writer.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <unistd.h>

namespace kiosk::store {

namespace fs = std::filesystem;
using core::Error;

namespace {

// Verifies the file at `path`, naming it `label` in messages (the installer checks a private
// copy but reports the file staff brought).
core::Result<Verified> verify_as(const std::string& path, const std::string& label,
    const ImageCheck& check_image, const Trust& trust, const DrawnCheck& drawn)
{
    auto store = Store::open(path, Verify::Full);
    if (!store) {
        auto message = store.error();
        if (message.starts_with(path))
            message = label + message.substr(path.size());
        return Error { message };
    }
    auto signer = check_signature(store.value()->db(), store.value()->info().checksum, trust);
    if (!signer)
        return Error { label + ": " + signer.error() };
    auto ex = store.value()->load_exhibition();
    if (!ex)
        return Error { label + ": " + ex.error() };
    std::string problems;
    auto note = [&](const std::string& problem) {
        if (problems.size() < 2000)
            problems += (problems.empty() ? "" : "; ") + problem;
    };
    auto check_text = [&](const core::Text3& text, const std::string& what) {
        for (auto lang : core::ALL_LANGS) {
            if (text[lang].empty())
                note(what + " has no " + std::string(core::lang_code(lang)) + " text");
        }
    };
    auto& e = ex.value();
    check_text(e.meta.title, "the exhibition title");
    for (auto& s : e.slides) {
        check_text(s.title, "slide " + s.id + " title");
        check_text(s.body, "slide " + s.id + " body");
    }
    for (auto& t : e.topics)
        check_text(t.title, "topic " + t.id);
    for (auto& p : e.places)
        check_text(p.name, "place " + p.id);
    for (auto& ev : e.events)
        check_text(ev.text, "event " + ev.id);
    for (auto& c : e.charts)
        check_text(c.title, "chart " + c.id);
    size_t images = 0;
    auto walked = store.value()->for_each_image([&](const std::string& id, const auto& bytes) {
        if (check_image) {
            if (auto problem = check_image(bytes))
                note("image " + id + " does not decode: " + *problem);
        }
        ++images;
    });
    if (!walked)
        note(walked.error());
    if (problems.empty() && drawn) {
        auto* opened = store.value().get();
        auto drawn_problems = drawn(e, [opened](const std::string& id) {
            auto loaded = opened->load_image(id);
            return loaded ? std::optional(loaded.release_value()) : std::nullopt;
        });
        for (auto& problem : drawn_problems)
            note(problem);
    }
    if (!problems.empty())
        return Error { label + ": " + problems };
    return Verified { store.value()->info().content_version, store.value()->info().checksum,
        signer.value(), e.slides.size(), images };
}

} // namespace

core::Result<Verified> verify_content_file(const std::string& path, const ImageCheck& check_image,
    const Trust& trust, const DrawnCheck& drawn)
{
    return verify_as(path, path, check_image, trust, drawn);
}

InstallPaths install_paths(const std::string& state_dir)
{
    return { (fs::path(state_dir) / "current.kiosk").string(),
        (fs::path(state_dir) / "previous.kiosk").string() };
}

namespace {

core::Status copy_synced(const std::string& from, const std::string& to)
{
    int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return Error { "cannot read " + from + ": " + std::strerror(errno) };
    int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) {
        int saved = errno;
        ::close(in);
        return Error { "cannot write " + to + ": " + std::strerror(saved) };
    }
    char buffer[1 << 16];
    ssize_t n;
    bool ok = true;
    while ((n = ::read(in, buffer, sizeof buffer)) > 0) {
        for (ssize_t done = 0; done < n;) {
            ssize_t w = ::write(out, buffer + done, static_cast<size_t>(n - done));
            if (w <= 0) {
                ok = false;
                break;
            }
            done += w;
        }
        if (!ok)
            break;
    }
    ok = ok && n == 0 && ::fsync(out) == 0;
    int saved = errno;
    ::close(in);
    ::close(out);
    if (!ok)
        return Error { "copying " + from + " to " + to + " failed: " + std::strerror(saved) };
    return core::ok_status();
}

core::Status fsync_dir(const std::string& dir)
{
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return Error { "cannot open " + dir + ": " + std::strerror(errno) };
    int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        return Error { "fsync " + dir + " failed" };
    return core::ok_status();
}

} // namespace

core::Result<Verified> install_content_file(const std::string& source, const InstallPaths& paths,
    const ImageCheck& check_image, const Trust& trust, const DrawnCheck& drawn)
{
    auto dir = fs::path(paths.current).parent_path().string();
    std::error_code ec;
    // Refused before a byte is copied (a 1 GB sparse file would take the disk and the time).
    auto size = fs::file_size(source, ec);
    if (ec)
        return Error { "cannot read " + source + ": " + ec.message() };
    if (size > core::MAX_PACKAGE_BYTES)
        return Error { "refused " + source + ": the file is " + std::to_string(size)
            + " bytes, at most " + std::to_string(core::MAX_PACKAGE_BYTES) + " (512 MiB)" };
    fs::create_directories(dir, ec);
    // Verify a private copy, so the file cannot change between the check and the swap.
    std::string temp = paths.current + ".incoming-" + std::to_string(::getpid());
    auto copied = copy_synced(source, temp);
    if (!copied) {
        fs::remove(temp, ec);
        return Error { copied.error() };
    }
    auto verified = verify_as(temp, source, check_image, trust, drawn);
    if (!verified) {
        fs::remove(temp, ec);
        return Error { "refused " + verified.error() };
    }
    // Keep the old file as previous: a hard link, so `current` exists at every moment.
    if (fs::exists(paths.current, ec)) {
        std::string prev_temp = paths.previous + ".tmp-" + std::to_string(::getpid());
        fs::remove(prev_temp, ec);
        if (::link(paths.current.c_str(), prev_temp.c_str()) == 0) {
            if (std::rename(prev_temp.c_str(), paths.previous.c_str()) != 0)
                fs::remove(prev_temp, ec);
        }
    }
    auto renamed = durable_rename(temp, paths.current);
    if (!renamed) {
        fs::remove(temp, ec);
        return Error { renamed.error() };
    }
    auto synced = fsync_dir(dir.empty() ? "." : dir);
    if (!synced)
        return Error { synced.error() };
    return verified;
}

core::Status roll_back(const InstallPaths& paths)
{
    std::error_code ec;
    if (!fs::exists(paths.previous, ec))
        return Error { "no previous content to roll back to" };
    std::string temp = paths.current + ".rollback-" + std::to_string(::getpid());
    auto copied = copy_synced(paths.previous, temp);
    if (!copied)
        return copied;
    return durable_rename(temp, paths.current);
}

} // namespace kiosk::store
