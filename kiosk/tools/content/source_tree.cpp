// Walks the content and assets folders.
#include "kiosk/tools/content/source_tree.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kiosk::tools {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
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
        auto text = read_file(path);
        if (!text) {
            diagnostics.error(path.string(), 0, 0, "cannot read the file");
            continue;
        }
        input.files.push_back({ path.lexically_normal().string(), std::move(*text) });
    }
    fs::path images = fs::path(assets_dir) / "images";
    if (fs::is_directory(images, ec)) {
        for (auto it = fs::recursive_directory_iterator(images, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (!it->is_regular_file())
                continue;
            auto text = read_file(it->path());
            if (!text)
                continue;
            auto id = fs::relative(it->path(), images).generic_string();
            input.images[id] = std::vector<uint8_t>(text->begin(), text->end());
        }
    }
    return input;
}

} // namespace kiosk::tools
