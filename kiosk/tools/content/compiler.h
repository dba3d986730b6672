// The content compiler: TOML text in, a validated exhibition out, with every problem reported as
// a diagnostic at its file, line and column. Pure: the caller reads files and decodes images.
#pragma once

#include "kiosk/core/content_model.h"
#include "kiosk/tools/content/diagnostics.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::tools {

struct SourceFile {
    std::string path; // as shown in messages, e.g. "content/slides/water.toml"
    std::string text;
};

// Returns an error message when the bytes are not an image the kiosk can draw.
using ImageDecoder = std::function<std::optional<std::string>(const std::vector<uint8_t>& bytes)>;

struct CompileInput {
    std::vector<SourceFile> files;
    std::map<std::string, std::vector<uint8_t>> images; // id (path below assets/images) -> bytes
    ImageDecoder decode_image; // may be empty: then images are only checked to exist
    // Image files that were not read, with the reason (a symlink that leaves assets/, too big);
    // a reference to one is an error at the reference.
    std::map<std::string, std::string> refused_images;
};

struct CompileOutput {
    core::Exhibition exhibition;
    std::vector<core::Image> images; // the referenced ones, in id order
    Diagnostics diagnostics;
    // Where each visitor-facing item was written, for the overflow check's messages:
    // "slide:ID" -> file:line.
    std::map<std::string, std::pair<std::string, int>> locations;
};

CompileOutput compile_content(const CompileInput& input);

} // namespace kiosk::tools
