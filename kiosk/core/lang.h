// The three languages of the exhibition and a string in all three of them.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

enum class Lang { Vi = 0, Ja = 1, En = 2 };
inline constexpr std::array<Lang, 3> ALL_LANGS { Lang::Vi, Lang::Ja, Lang::En };

constexpr std::string_view lang_code(Lang lang)
{
    switch (lang) {
    case Lang::Vi:
        return "vi";
    case Lang::Ja:
        return "ja";
    case Lang::En:
        return "en";
    }
    return "vi";
}

inline std::optional<Lang> parse_lang(std::string_view code)
{
    for (auto lang : ALL_LANGS) {
        if (lang_code(lang) == code)
            return lang;
    }
    return std::nullopt;
}

// A visitor-facing text: one NFC UTF-8 string per language.
struct Text3 {
    std::array<std::string, 3> by_lang;

    const std::string& operator[](Lang lang) const { return by_lang[static_cast<size_t>(lang)]; }
    std::string& operator[](Lang lang) { return by_lang[static_cast<size_t>(lang)]; }
    bool operator==(const Text3&) const = default;
};

} // namespace kiosk::core
