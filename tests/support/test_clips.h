// Test clips made at test time by the `ffmpeg` tool (never downloaded): lavfi's testsrc2 pattern
// (a moving picture with a running clock) encoded as H.264 in MP4 or VP9 in WebM, and broken
// files made from them. tests/e2e/video_limits.sh makes its clips from the project's own SVGs.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace kiosk::testing {

// Encodes `seconds` of testsrc2 at `size` ("320x240") and `fps` into `path` with `codec_args`
// (e.g. "-c:v libx264 -pix_fmt yuv420p"); false when ffmpeg failed.
inline bool make_clip(const std::filesystem::path& path, const std::string& size, int fps,
    double seconds, const std::string& codec_args)
{
    std::string command = "ffmpeg -loglevel error -y -f lavfi -i testsrc2=size=" + size
        + ":rate=" + std::to_string(fps) + ":duration=" + std::to_string(seconds) + " " + codec_args
        + " '" + path.string() + "'";
    return std::system(command.c_str()) == 0;
}

inline std::vector<uint8_t> read_bytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return { std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>() };
}

} // namespace kiosk::testing
