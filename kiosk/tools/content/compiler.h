// The content compiler: TOML text in, a validated exhibition out, with every problem reported as
// a diagnostic at its file, line and column. Pure: the caller reads files and decodes images.
#pragma once

#include "kiosk/core/content_model.h"
#include "kiosk/core/result.h"
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

// The bytes to store for a picture file (a photo downscaled and re-encoded, a drawing as
// written), or the message saying why the kiosk cannot show it.
using ImagePreparer
    = std::function<core::Result<std::vector<uint8_t>>(const std::vector<uint8_t>& bytes)>;

// A video file's facts (container, codec, size, duration), or why the kiosk cannot play it. The
// name is its id (the extension says which container it must be).
using VideoProber = std::function<core::Result<core::VideoInfo>(
    const std::string& id, const std::vector<uint8_t>& bytes)>;

// Photos are told from drawings by their file name: .jpg, .jpeg, .png, .webp.
bool is_photo_id(std::string_view id);

struct CompileInput {
    std::vector<SourceFile> files;
    std::map<std::string, std::vector<uint8_t>> images; // id (path below assets/images) -> bytes
    ImagePreparer prepare_image; // may be empty: then images are checked to exist, stored as read
    // Image files that were not read, with the reason (a symlink that leaves assets/, too big);
    // a reference to one is an error at the reference.
    std::map<std::string, std::string> refused_images;
    std::map<std::string, std::vector<uint8_t>> videos; // id (path below assets/videos) -> bytes
    VideoProber probe_video; // may be empty: then videos are checked to exist only
    std::map<std::string, std::string> refused_videos; // as refused_images
};

struct CompileOutput {
    core::Exhibition exhibition;
    std::vector<core::Image> images; // the referenced ones, in id order
    std::vector<core::Video> videos; // the referenced ones, in id order
    Diagnostics diagnostics;
    // Where each visitor-facing item was written, for the overflow check's messages:
    // "slide:ID" -> file:line.
    std::map<std::string, std::pair<std::string, int>> locations;
};

CompileOutput compile_content(const CompileInput& input);

} // namespace kiosk::tools
