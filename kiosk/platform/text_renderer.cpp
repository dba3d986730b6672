// Text drawing with two caches: layouts (no shaping on a steady frame) and white run textures
// in an LRU bounded by bytes (no rasterising); colour is a per-draw texture modulation.
#include "kiosk/platform/text_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kiosk::platform {

namespace {

std::string layout_key(
    const std::string& text, const core::TextStyle& style, core::Size box, int screen_height_px)
{
    std::string key;
    key.reserve(text.size() + 64);
    auto add = [&key](long value) {
        key += std::to_string(value);
        key += ',';
    };
    add(static_cast<long>(style.role));
    add(static_cast<long>(style.weight));
    add(static_cast<long>(style.align));
    add(static_cast<long>(style.lang));
    add(style.size_px);
    add(style.max_lines);
    add(style.fit ? 1 : 0);
    uint32_t line_height_bits = 0;
    static_assert(sizeof(line_height_bits) == sizeof(style.line_height));
    std::memcpy(&line_height_bits, &style.line_height, sizeof(line_height_bits));
    add(line_height_bits);
    add(box.width);
    add(box.height);
    add(screen_height_px);
    key += text;
    return key;
}

} // namespace

TextRenderer::TextRenderer(SDL_Renderer* renderer, FontSet& fonts, size_t budget_bytes)
    : m_renderer(renderer)
    , m_fonts(fonts)
    , m_budget_bytes(budget_bytes)
{
}

const core::TextLayout& TextRenderer::layout(
    const std::string& text, const core::TextStyle& style, core::Size box, int screen_height_px)
{
    auto key = layout_key(text, style, box, screen_height_px);
    if (auto it = m_layouts_young.find(key); it != m_layouts_young.end())
        return it->second;
    if (auto it = m_layouts_old.find(key); it != m_layouts_old.end()) {
        auto moved = m_layouts_young.emplace(std::move(key), std::move(it->second)).first;
        m_layouts_old.erase(it);
        return moved->second;
    }
    if (m_layouts_young.size() >= LAYOUT_CACHE_ENTRIES) {
        m_layouts_old = std::move(m_layouts_young);
        m_layouts_young.clear();
    }
    auto result = core::layout_text(text, style, box, screen_height_px, m_fonts);
    return m_layouts_young.emplace(std::move(key), std::move(result)).first->second;
}

void TextRenderer::evict_to_fit(size_t incoming_bytes)
{
    while (!m_textures.empty() && m_bytes + incoming_bytes > m_budget_bytes) {
        m_bytes -= m_textures.back().bytes;
        m_texture_index.erase(m_textures.back().key);
        m_textures.pop_back();
    }
}

TextRenderer::CachedTexture* TextRenderer::run_texture(
    const core::GlyphRun& run, core::Weight weight, int size_px)
{
    std::string key;
    key.reserve(run.text.size() + 16);
    key += run.script == core::Script::Cjk ? 'C' : 'L';
    key += weight == core::Weight::Bold ? 'B' : 'R';
    key += std::to_string(size_px);
    key += ':';
    key += run.text;
    if (auto it = m_texture_index.find(key); it != m_texture_index.end()) {
        ++m_hits;
        m_textures.splice(m_textures.begin(), m_textures, it->second);
        return &*it->second;
    }
    ++m_misses;
    auto* font = m_fonts.font(run.script, weight, size_px);
    if (!font)
        return nullptr;
    SurfacePtr surface(
        TTF_RenderUTF8_Blended(font, run.text.c_str(), SDL_Color { 255, 255, 255, 255 }));
    if (!surface)
        return nullptr;
    TexturePtr texture(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
    if (!texture)
        return nullptr;
    SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    size_t bytes = static_cast<size_t>(surface->w) * static_cast<size_t>(surface->h) * 4;
    // A texture larger than the whole budget is still kept (it is on screen now); it alone
    // then exceeds the budget until the next insertion evicts it.
    evict_to_fit(bytes);
    m_textures.push_front({ std::move(key), std::move(texture), surface->w, surface->h, bytes });
    m_texture_index[m_textures.front().key] = m_textures.begin();
    m_bytes += bytes;
    return &m_textures.front();
}

void TextRenderer::draw(const core::DrawText& command, int screen_height_px)
{
    core::Size box { static_cast<int>(std::lround(command.box.w)),
        static_cast<int>(std::lround(command.box.h)) };
    const auto& text_layout = layout(command.text, command.style, box, screen_height_px);
    int box_x = static_cast<int>(std::lround(command.box.x));
    int box_y = static_cast<int>(std::lround(command.box.y));
    int box_right = box_x + box.width;

    for (const auto& line : text_layout.lines) {
        // Share one baseline between Latin and CJK runs: the tallest ascent and descent on the
        // line, centred in the line pitch (half-leading above and below, as CSS does).
        int ascent = 0;
        int descent = 0;
        for (const auto& run : line.runs) {
            if (auto* font = m_fonts.font(run.script, text_layout.weight, text_layout.size_px)) {
                ascent = std::max(ascent, TTF_FontAscent(font));
                descent = std::max(descent, -TTF_FontDescent(font));
            }
        }
        int top = box_y
            + static_cast<int>(
                std::floor(line.y + (line.height - static_cast<float>(ascent + descent)) / 2));
        int baseline = top + ascent;

        for (const auto& run : line.runs) {
            auto* font = m_fonts.font(run.script, text_layout.weight, text_layout.size_px);
            if (!font)
                continue;
            int run_ascent = TTF_FontAscent(font);
            auto* cached = run_texture(run, text_layout.weight, text_layout.size_px);
            if (!cached)
                continue;
            SDL_Rect src { 0, 0, cached->width, cached->height };
            SDL_Rect dst { box_x + static_cast<int>(std::lround(run.x)), baseline - run_ascent,
                cached->width, cached->height };
            // Never past the box sides: trim the source instead of drawing outside.
            if (dst.x < box_x) {
                int cut = box_x - dst.x;
                src.x += cut;
                src.w -= cut;
                dst.x = box_x;
                dst.w -= cut;
            }
            if (dst.x + dst.w > box_right) {
                int cut = dst.x + dst.w - box_right;
                src.w -= cut;
                dst.w -= cut;
            }
            if (src.w <= 0)
                continue;
            SDL_SetTextureColorMod(
                cached->texture.get(), command.color.r, command.color.g, command.color.b);
            SDL_SetTextureAlphaMod(cached->texture.get(), command.color.a);
            SDL_RenderCopy(m_renderer, cached->texture.get(), &src, &dst);
        }
    }
}

TextRenderer::Stats TextRenderer::stats() const
{
    return { m_hits, m_misses, m_bytes, m_budget_bytes, m_textures.size() };
}

void TextRenderer::clear()
{
    m_texture_index.clear();
    m_textures.clear();
    m_bytes = 0;
    m_layouts_young.clear();
    m_layouts_old.clear();
}

} // namespace kiosk::platform
