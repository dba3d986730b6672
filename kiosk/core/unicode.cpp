// UTF-8 checks and NFC through utf8proc.
#include "kiosk/core/unicode.h"

#include <cstdlib>
#include <memory>
#include <utf8proc.h>

namespace kiosk::core {

std::optional<size_t> find_invalid_utf8(std::string_view text)
{
    size_t offset = 0;
    while (offset < text.size()) {
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + offset),
            static_cast<utf8proc_ssize_t>(text.size() - offset), &cp);
        if (n <= 0 || cp < 0)
            return offset;
        offset += static_cast<size_t>(n);
    }
    return std::nullopt;
}

std::optional<std::string> to_nfc(std::string_view text)
{
    if (find_invalid_utf8(text))
        return std::nullopt;
    if (text.empty())
        return std::string {};
    utf8proc_uint8_t* out = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
        static_cast<utf8proc_ssize_t>(text.size()), &out,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n < 0)
        return std::nullopt;
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
    return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
}

char32_t next_code_point(std::string_view text, size_t& offset)
{
    if (offset >= text.size())
        return 0;
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + offset),
        static_cast<utf8proc_ssize_t>(text.size() - offset), &cp);
    if (n <= 0 || cp < 0) {
        offset += 1;
        return U'\uFFFD';
    }
    offset += static_cast<size_t>(n);
    return static_cast<char32_t>(cp);
}

size_t code_point_count(std::string_view text)
{
    size_t count = 0;
    for (size_t offset = 0; offset < text.size(); ++count)
        next_code_point(text, offset);
    return count;
}

} // namespace kiosk::core
