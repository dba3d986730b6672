// Checking one text value against its field's limits.
#include "kiosk/core/content_limits.h"

#include "kiosk/core/unicode.h"

#include <cstdio>

namespace kiosk::core {

size_t max_text_bytes(TextField field)
{
    switch (field) {
    case TextField::Id:
        return MAX_ID_BYTES;
    case TextField::Short:
        return MAX_SHORT_TEXT_BYTES;
    case TextField::Long:
        return MAX_LONG_TEXT_BYTES;
    }
    return 0;
}

std::optional<std::string> check_text(std::string_view text, TextField field)
{
    size_t limit = max_text_bytes(field);
    if (text.size() > limit)
        return "is " + std::to_string(text.size()) + " bytes long, at most "
            + std::to_string(limit);
    if (auto bad = find_invalid_utf8(text))
        return "is not valid UTF-8 at byte " + std::to_string(*bad);
    for (size_t offset = 0; offset < text.size();) {
        size_t at = offset;
        char32_t c = next_code_point(text, offset);
        bool control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
        if (control && !(c == U'\n' && field == TextField::Long)) {
            char name[16];
            std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
            return std::string("contains the control character ") + name + " at byte "
                + std::to_string(at);
        }
    }
    return std::nullopt;
}

} // namespace kiosk::core
