// Walks the content and assets folders.
#include "kiosk/tools/content/source_tree.h"

#include "kiosk/core/content_limits.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kiosk::tools {

namespace fs = std::filesystem;

namespace {

// A content file larger than this is refused before it is parsed (the largest bundled file is
// 24 KB; docs/content-format.md, Limits).
constexpr uintmax_t MAX_SOURCE_FILE_BYTES = 1 << 20;

std::optional<std::string> read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Why the file at `path` may not be read as part of `root`: a symlink whose target lies outside
// it, or a file over `max_bytes`; nullopt when it may.
std::optional<std::string> refusal(const fs::path& path, const fs::path& root, uintmax_t max_bytes)
{
    std::error_code ec;
    if (fs::is_symlink(path, ec)) {
        auto target = fs::weakly_canonical(path, ec);
        auto base = fs::weakly_canonical(root, ec);
        auto inside = fs::relative(target, base, ec);
        if (ec || inside.empty() || *inside.begin() == "..")
            return "it is a symlink to " + target.string() + ", outside " + root.string();
    }
    auto size = fs::file_size(path, ec);
    if (!ec && size > max_bytes)
        return "the file is " + std::to_string(size) + " bytes, at most "
            + std::to_string(max_bytes);
    return std::nullopt;
}

// Every file below `dir`, by its path below it as written (fs::relative would resolve a symlink
// to its target's name).
void read_assets(const fs::path& dir, const std::string& assets_dir,
    std::map<std::string, std::vector<uint8_t>>& files, std::map<std::string, std::string>& refused)
{
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file())
            continue;
        auto id = it->path().lexically_relative(dir).generic_string();
        if (auto why = refusal(it->path(), assets_dir, core::MAX_PACKAGE_BYTES)) {
            refused[id] = *why;
            continue;
        }
        auto text = read_file(it->path());
        if (!text)
            continue;
        files[id] = std::vector<uint8_t>(text->begin(), text->end());
    }
}

} // namespace

std::string default_assets_dir(const std::string& content_dir)
{
    auto dir = fs::path(content_dir).lexically_normal();
    if (dir.filename().empty())
        dir = dir.parent_path();
    return (dir.parent_path() / "assets").string();
}

CompileInput read_source_tree(
    const std::string& content_dir, const std::string& assets_dir, Diagnostics& diagnostics)
{
    CompileInput input;
    std::error_code ec;
    if (!fs::is_directory(content_dir, ec)) {
        diagnostics.error(content_dir, 0, 0, "not a folder");
        return input;
    }
    std::vector<fs::path> tomls;
    for (auto it = fs::recursive_directory_iterator(content_dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".toml")
            tomls.push_back(it->path());
    }
    std::sort(tomls.begin(), tomls.end());
    for (auto& path : tomls) {
        if (auto refused = refusal(path, content_dir, MAX_SOURCE_FILE_BYTES)) {
            diagnostics.error(path.string(), 1, 1, "refused: " + *refused);
            continue;
        }
        auto text = read_file(path);
        if (!text) {
            diagnostics.error(path.string(), 0, 0, "cannot read the file");
            continue;
        }
        input.files.push_back({ path.lexically_normal().string(), std::move(*text) });
    }
    // Pictures and videos are bounded by their own limits (the picture checks, the video
    // probe); this one only keeps a file from being read whole that no package could hold.
    read_assets(fs::path(assets_dir) / "images", assets_dir, input.images, input.refused_images);
    read_assets(fs::path(assets_dir) / "videos", assets_dir, input.videos, input.refused_videos);
    return input;
}

CompileOutput compile_source_tree(const std::string& content_dir, const std::string& assets_dir,
    ImagePreparer prepare_image, std::vector<SourceFile>* files_read, VideoProber probe_video)
{
    Diagnostics read_problems;
    auto input = read_source_tree(content_dir, assets_dir, read_problems);
    input.prepare_image = std::move(prepare_image);
    input.probe_video = std::move(probe_video);
    auto out = compile_content(input);
    for (auto& d : read_problems.items())
        out.diagnostics.error(d.file, d.line, d.column, d.message);
    if (files_read)
        *files_read = std::move(input.files);
    return out;
}

} // namespace kiosk::tools
