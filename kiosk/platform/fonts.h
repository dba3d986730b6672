// The kiosk's fonts: Noto Sans (Latin: Vietnamese, English) and Noto Sans CJK JP, regular and
// bold, found by path and opened per size on demand. Implements core::FontMetrics over SDL_ttf
// (HarfBuzz shaping) and caches both the open fonts and the measurements.
#pragma once

#include "kiosk/core/budoux.h"
#include "kiosk/core/layout.h"
#include "kiosk/core/result.h"
#include "kiosk/platform/sdl_handles.h"

#include <array>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::platform {

class FontSet final : public core::FontMetrics {
public:
    // Looks for the four font files in `search_dirs` in order, then in the Debian package paths
    // (fonts-noto-core, fonts-noto-cjk). Needs TTF_Init() to have run. The error names every
    // missing file and where it was looked for.
    static core::Result<std::unique_ptr<FontSet>> open(std::vector<std::string> search_dirs);
    // When the Noto fonts are missing: any font under `root`, for every script and weight, so the
    // kiosk can still show a readable message.
    static core::Result<std::unique_ptr<FontSet>> open_fallback(
        const std::string& root = "/usr/share/fonts");

    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;
    ~FontSet() override = default;

    // Advance width of a run shaped as a whole (NFC-normalised first). Cached.
    int measure_px(
        std::string_view utf8, core::Script script, core::Weight weight, int size_px) override;
    // TTF_FontHeight (ascent + descent) of the font at the size.
    int line_height_px(core::Script script, core::Weight weight, int size_px) override;

    // The font for the script, weight and pixel size, opened on first use with script, direction,
    // kerning and light hinting set; nullptr if it cannot be opened. At most MAX_OPEN_FONTS stay
    // open (least recently used closed first), so use the pointer before asking for many others.
    TTF_Font* font(core::Script script, core::Weight weight, int size_px);

    // BudouX's Japanese phrase model, for layout (see core::FontMetrics::phrase_model); none
    // until set, and then Japanese lines break by UAX #14 and kinsoku alone.
    void set_phrase_model(std::shared_ptr<const core::PhraseModel> model)
    {
        m_phrases = std::move(model);
    }
    const core::PhraseModel* phrase_model() const override { return m_phrases.get(); }
    // Reads and parses a model file (assets/text/budoux-ja.tsv); the error names the file.
    static core::Result<std::shared_ptr<const core::PhraseModel>> read_phrase_model(
        const std::string& path);
    static constexpr size_t MAX_PHRASE_MODEL_BYTES = 16 << 20;

    // The file a script and weight is read from.
    const std::string& path(core::Script script, core::Weight weight) const;
    // Measurements that missed the cache and were shaped by HarfBuzz, for tests and stats.
    uint64_t shaped_count() const { return m_shaped_count; }
    // Measurements held in the cache now (both generations).
    size_t measure_cache_entries() const { return m_measures_young.size() + m_measures_old.size(); }

    static constexpr size_t MAX_OPEN_FONTS = 64;
    static constexpr size_t MEASURE_CACHE_ENTRIES = 8192; // per generation; two are kept

private:
    struct FontFile {
        std::string path;
        long face_index { 0 };
    };
    explicit FontSet(std::array<FontFile, 4> files);
    static size_t file_index(core::Script script, core::Weight weight);

    struct OpenFont {
        uint32_t key;
        FontPtr font;
    };

    std::array<FontFile, 4> m_files;
    std::list<OpenFont> m_fonts; // most recently used first
    std::unordered_map<uint32_t, std::list<OpenFont>::iterator> m_font_index;
    // Measurements in two generations: lookups check both, and when the young one is full the
    // old one is dropped. Bounded memory, and the text of the current screens stays cached.
    std::unordered_map<std::string, int> m_measures_young;
    std::unordered_map<std::string, int> m_measures_old;
    uint64_t m_shaped_count { 0 };
    std::shared_ptr<const core::PhraseModel> m_phrases;
};

} // namespace kiosk::platform
