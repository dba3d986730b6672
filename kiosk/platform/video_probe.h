// What the content compiler asks of a video file before it is stored: container, codec, size,
// duration and bytes within the limits (core/content_limits.h), every packet readable and the
// first frame decodable. Reads the bytes in memory through the same AVIO as the player.
#pragma once

#include "kiosk/core/content_model.h"
#include "kiosk/core/result.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace kiosk::platform {

// The video's facts, or why the kiosk will not play it ("codec mpeg4 is not supported: ...").
// `name` is the file name; its extension (.mp4 or .webm) must match the container.
core::Result<core::VideoInfo> probe_video(std::string_view name, std::span<const uint8_t> bytes);

} // namespace kiosk::platform
