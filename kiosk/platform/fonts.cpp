// Font files by path (no fontconfig: the kiosk must show the same glyphs everywhere), TTF_Font
// handles per (script, weight, size) in a small LRU, and a bounded cache of shaped widths.
#include "kiosk/platform/fonts.h"

#include "kiosk/core/unicode.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kiosk::platform {

namespace {

struct FontSpec {
    const char* file_name;
    long face_index; // in a collection: NotoSansCJK-*.ttc face 0 is the JP one (Japanese forms)
    const char* debian_dir;
    const char* description;
};

// Indexed by FontSet::file_index: Latin regular, Latin bold, CJK regular, CJK bold.
constexpr FontSpec SPECS[4] = {
    { "NotoSans-Regular.ttf", 0, "/usr/share/fonts/truetype/noto",
        "Noto Sans Regular (fonts-noto-core)" },
    { "NotoSans-Bold.ttf", 0, "/usr/share/fonts/truetype/noto",
        "Noto Sans Bold (fonts-noto-core)" },
    { "NotoSansCJK-Regular.ttc", 0, "/usr/share/fonts/opentype/noto",
        "Noto Sans CJK JP Regular (fonts-noto-cjk)" },
    { "NotoSansCJK-Bold.ttc", 0, "/usr/share/fonts/opentype/noto",
        "Noto Sans CJK JP Bold (fonts-noto-cjk)" },
};

bool is_ascii(std::string_view s)
{
    for (unsigned char c : s) {
        if (c >= 0x80)
            return false;
    }
    return true;
}

} // namespace

size_t FontSet::file_index(core::Script script, core::Weight weight)
{
    return (script == core::Script::Cjk ? 2 : 0) + (weight == core::Weight::Bold ? 1 : 0);
}

FontSet::FontSet(std::array<FontFile, 4> files)
    : m_files(std::move(files))
{
}

core::Result<std::unique_ptr<FontSet>> FontSet::open(std::vector<std::string> search_dirs)
{
    if (!TTF_WasInit())
        return core::Error { "FontSet::open: TTF_Init() has not been called" };
    std::array<FontFile, 4> files;
    std::string missing;
    for (size_t i = 0; i < 4; ++i) {
        auto dirs = search_dirs;
        dirs.push_back(SPECS[i].debian_dir);
        for (auto& dir : dirs) {
            if (dir.empty())
                continue;
            std::error_code error;
            auto candidate = std::filesystem::path(dir) / SPECS[i].file_name;
            if (std::filesystem::is_regular_file(candidate, error)) {
                files[i] = { candidate.string(), SPECS[i].face_index };
                break;
            }
        }
        if (files[i].path.empty()) {
            missing += "\n  " + std::string(SPECS[i].description) + ": " + SPECS[i].file_name
                + " not found in";
            for (auto& dir : dirs)
                missing += " '" + dir + "'";
        }
    }
    if (!missing.empty())
        return core::Error { "missing fonts:" + missing };

    // Open each once now so a corrupt or unreadable file fails here, not mid-frame.
    for (auto& file : files) {
        FontPtr probe = open_font(file.path.c_str(), 16, file.face_index);
        if (!probe)
            return core::Error { "cannot open font " + file.path + ": " + TTF_GetError() };
    }
    return std::unique_ptr<FontSet>(new FontSet(std::move(files)));
}

core::Result<std::unique_ptr<FontSet>> FontSet::open_fallback(const std::string& root)
{
    if (!TTF_WasInit())
        return core::Error { "FontSet::open_fallback: TTF_Init() has not been called" };
    // Any readable TrueType/OpenType font, preferring a sans one: the kiosk must still be able
    // to say (in Latin letters) that its fonts are missing.
    std::string best;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        auto ext = it->path().extension().string();
        if (!it->is_regular_file(ec) || (ext != ".ttf" && ext != ".otf"))
            continue;
        auto name = it->path().filename().string();
        bool sans
            = name.find("Sans") != std::string::npos && name.find("Bold") == std::string::npos;
        if (best.empty()
            || (sans
                && std::filesystem::path(best).filename().string().find("Sans")
                    == std::string::npos))
            best = it->path().string();
    }
    if (best.empty())
        return core::Error { "no font at all under " + root };
    FontPtr probe = open_font(best.c_str(), 16, 0);
    if (!probe)
        return core::Error { "cannot open font " + best + ": " + TTF_GetError() };
    std::array<FontFile, 4> files;
    for (auto& file : files)
        file = { best, 0 };
    return std::unique_ptr<FontSet>(new FontSet(std::move(files)));
}

core::Result<std::shared_ptr<const core::PhraseModel>> FontSet::read_phrase_model(
    const std::string& path)
{
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return core::Error { path + ": " + ec.message() };
    if (size > MAX_PHRASE_MODEL_BYTES)
        return core::Error { path + ": larger than a phrase model may be" };
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in)
        return core::Error { path + ": cannot be read" };
    auto model = core::PhraseModel::parse(text.str());
    if (!model)
        return core::Error { path + ": " + model.error() };
    return std::make_shared<const core::PhraseModel>(model.release_value());
}

const std::string& FontSet::path(core::Script script, core::Weight weight) const
{
    return m_files[file_index(script, weight)].path;
}

TTF_Font* FontSet::font(core::Script script, core::Weight weight, int size_px)
{
    if (size_px <= 0)
        return nullptr;
    auto index = file_index(script, weight);
    uint32_t key = static_cast<uint32_t>(index) << 24 | static_cast<uint32_t>(size_px & 0xFFFFFF);
    if (auto it = m_font_index.find(key); it != m_font_index.end()) {
        m_fonts.splice(m_fonts.begin(), m_fonts, it->second);
        return it->second->font.get();
    }
    auto& file = m_files[index];
    FontPtr font = open_font(file.path.c_str(), size_px, file.face_index);
    if (!font)
        return nullptr;
    // Shaping needs the script: HarfBuzz picks features per script ("Hani" covers kana too in
    // Noto CJK's tables, and face 0 is already the JP face, so no language tag is needed).
    TTF_SetFontScriptName(font.get(), script == core::Script::Cjk ? "Hani" : "Latn");
    TTF_SetFontDirection(font.get(), TTF_DIRECTION_LTR);
    TTF_SetFontKerning(font.get(), 1);
    TTF_SetFontHinting(font.get(), TTF_HINTING_LIGHT);

    if (m_fonts.size() >= MAX_OPEN_FONTS) {
        m_font_index.erase(m_fonts.back().key);
        m_fonts.pop_back();
    }
    m_fonts.push_front({ key, std::move(font) });
    m_font_index[key] = m_fonts.begin();
    return m_fonts.front().font.get();
}

int FontSet::line_height_px(core::Script script, core::Weight weight, int size_px)
{
    auto* f = font(script, weight, size_px);
    return f ? TTF_FontHeight(f) : size_px;
}

int FontSet::measure_px(
    std::string_view utf8, core::Script script, core::Weight weight, int size_px)
{
    if (utf8.empty() || size_px <= 0)
        return 0;
    std::string key;
    key.reserve(utf8.size() + 8);
    key += static_cast<char>('0' + file_index(script, weight));
    key += std::to_string(size_px);
    key += ':';
    key += utf8;
    if (auto it = m_measures_young.find(key); it != m_measures_young.end())
        return it->second;
    if (auto it = m_measures_old.find(key); it != m_measures_old.end()) {
        int width = it->second;
        m_measures_young.emplace(std::move(key), width);
        return width;
    }

    int width = 0;
    if (auto* f = font(script, weight, size_px)) {
        // Decomposed input (NFD Vietnamese from some editors) must measure like what is drawn.
        std::string text(utf8);
        if (!is_ascii(text)) {
            if (auto nfc = core::to_nfc(text))
                text = std::move(*nfc);
        }
        int height = 0;
        if (TTF_SizeUTF8(f, text.c_str(), &width, &height) != 0)
            width = 0;
        ++m_shaped_count;
    }
    if (m_measures_young.size() >= MEASURE_CACHE_ENTRIES) {
        m_measures_old = std::move(m_measures_young);
        m_measures_young.clear();
    }
    m_measures_young.emplace(std::move(key), width);
    return width;
}

} // namespace kiosk::platform
