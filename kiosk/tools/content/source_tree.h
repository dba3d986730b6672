// Reading a content folder and its images from disk for the compiler (which itself reads no files).
#pragma once

#include "kiosk/tools/content/compiler.h"

#include <string>

namespace kiosk::tools {

// Every *.toml below `content_dir` (sorted, paths as `content_dir/...`) and every image below
// `assets_dir/images`. Unreadable files become diagnostics.
CompileInput read_source_tree(
    const std::string& content_dir, const std::string& assets_dir, Diagnostics& diagnostics);

// read_source_tree, then compile_content with `prepare_image` and `probe_video`: the reading
// problems join the compiler's, so one list says everything wrong with the folder.
CompileOutput compile_source_tree(const std::string& content_dir, const std::string& assets_dir,
    ImagePreparer prepare_image, std::vector<SourceFile>* files_read = nullptr,
    VideoProber probe_video = {});

// The assets folder that belongs to a content folder: its sibling `assets/`.
std::string default_assets_dir(const std::string& content_dir);

} // namespace kiosk::tools
