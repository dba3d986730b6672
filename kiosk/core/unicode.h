// UTF-8 checks and Unicode normalisation (through utf8proc): all text the kiosk shows is NFC.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<size_t> find_invalid_utf8(std::string_view text);
// NFC form of valid UTF-8 text; nullopt when the text is not valid UTF-8.
std::optional<std::string> to_nfc(std::string_view text);
// Decodes one code point at `offset` and advances it; returns U+FFFD on a bad sequence.
char32_t next_code_point(std::string_view text, size_t& offset);
// Number of code points (for column numbers in messages).
size_t code_point_count(std::string_view text);

} // namespace kiosk::core
