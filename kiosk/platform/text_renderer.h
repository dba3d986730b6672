// Draws core::DrawText commands: lays text out (cached by text, style and box), renders each
// glyph run once into a white texture kept in a byte-budgeted LRU, and tints it per draw, so a
// steady frame shapes and rasterises nothing.
#pragma once

#include "kiosk/core/draw_list.h"
#include "kiosk/core/layout.h"
#include "kiosk/platform/fonts.h"
#include "kiosk/platform/sdl_handles.h"

#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>

namespace kiosk::platform {

class TextRenderer {
public:
    // `renderer` and `fonts` must outlive this object; textures are freed in clear() and the
    // destructor. budget_bytes bounds the cached textures (width * height * 4 each).
    TextRenderer(SDL_Renderer* renderer, FontSet& fonts, size_t budget_bytes);
    TextRenderer(const TextRenderer&) = delete;
    TextRenderer& operator=(const TextRenderer&) = delete;

    // The layout draw() would use. The reference is valid until the next layout(), draw() or
    // clear() call (the layout cache is bounded).
    const core::TextLayout& layout(const std::string& text, const core::TextStyle& style,
        core::Size box, int screen_height_px);
    // Draws the text in command.box (top-aligned, clipped to the box horizontally; vertical
    // clipping is the renderer's clip rect, left as the caller set it).
    void draw(const core::DrawText& command, int screen_height_px);

    struct Stats {
        uint64_t hits; // run textures found in the cache
        uint64_t misses; // run textures rendered
        size_t bytes; // texture bytes held
        size_t budget;
        size_t textures;
    };
    Stats stats() const;
    // Drops every texture and layout (e.g. after the renderer lost its textures).
    void clear();

    static constexpr size_t LAYOUT_CACHE_ENTRIES = 1024; // per generation; two are kept

private:
    struct CachedTexture {
        std::string key;
        TexturePtr texture;
        int width;
        int height;
        size_t bytes;
    };
    // The white texture of one run, rendered on a miss; nullptr if the run cannot be rendered.
    CachedTexture* run_texture(const core::GlyphRun& run, core::Weight weight, int size_px);
    void evict_to_fit(size_t incoming_bytes);

    SDL_Renderer* m_renderer;
    FontSet& m_fonts;
    size_t m_budget_bytes;
    size_t m_bytes { 0 };
    uint64_t m_hits { 0 };
    uint64_t m_misses { 0 };
    std::list<CachedTexture> m_textures; // most recently used first
    std::unordered_map<std::string, std::list<CachedTexture>::iterator> m_texture_index;
    // Layouts in two generations, as in FontSet's measure cache.
    std::unordered_map<std::string, core::TextLayout> m_layouts_young;
    std::unordered_map<std::string, core::TextLayout> m_layouts_old;
};

} // namespace kiosk::platform
