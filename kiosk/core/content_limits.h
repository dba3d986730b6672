// The documented limits on content (docs/content-format.md, "Limits"): the compiler checks them
// where content enters (file:line errors) and the store checks them again on every file it reads,
// so a hand-made or damaged package cannot bring in what the compiler would have refused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

// What a text field holds; each kind has its own length limit.
enum class TextField {
    Id, // ids, image names, kinds, dates, id lists' items: no line breaks
    Short, // titles, names, labels, units, meta values: one line
    Long, // bodies, summaries, taglines, place texts, references, id lists: line breaks allowed
};

inline constexpr size_t MAX_ID_BYTES = 128; // longest bundled: 36 (an image path)
inline constexpr size_t MAX_SHORT_TEXT_BYTES = 512; // longest bundled: 117 (a source title)
inline constexpr size_t MAX_LONG_TEXT_BYTES = 4096; // longest bundled: 379 (a coord_ref)
inline constexpr size_t MAX_ROWS_PER_TABLE = 5000; // largest bundled table: 58 slides
inline constexpr uint64_t MAX_PACKAGE_BYTES = uint64_t { 512 } << 20; // bundled: 0.4 MB

// Videos (docs/content-format.md, "Video limits"): checked by the compiler's probe.
inline constexpr uint64_t MAX_VIDEO_BYTES = uint64_t { 256 } << 20; // one file
inline constexpr int MAX_VIDEO_DURATION_MS = 600'000; // as long as a slide may last
inline constexpr int MAX_VIDEO_LONG_SIDE_PX = 3840; // 4K UHD, landscape or upright
inline constexpr int MAX_VIDEO_SHORT_SIDE_PX = 2160;
// Every picture and video stored, together: leaves room for the text under the package limit.
inline constexpr uint64_t MAX_MEDIA_TOTAL_BYTES = uint64_t { 448 } << 20;

size_t max_text_bytes(TextField field);

// nullopt when `text` may be stored in a field of this kind; else the reason, e.g.
// "is 52428800 bytes long, at most 4096", "contains the control character U+0000 at byte 5",
// "is not valid UTF-8 at byte 3". Allowed: valid UTF-8 without C0/C1 control characters or DEL,
// except a line break (U+000A) in Long fields.
std::optional<std::string> check_text(std::string_view text, TextField field);

} // namespace kiosk::core
