// SVG decoding through SDL_image (nanosvg inside) and the texture cache.
#include "kiosk/platform/images.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace kiosk::platform {

std::optional<std::string> check_image_decodes(const std::vector<uint8_t>& bytes)
{
    if (bytes.empty())
        return "the file is empty";
    RWopsPtr rw(SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size())));
    if (!rw)
        return std::string(SDL_GetError());
    SurfacePtr surface(IMG_LoadSizedSVG_RW(rw.get(), 64, 0));
    if (!surface)
        return std::string(IMG_GetError());
    if (surface->w <= 0 || surface->h <= 0)
        return "the image has no size";
    // nanosvg accepts almost anything and draws nothing: an SVG with no visible pixel is broken.
    if (SDL_LockSurface(surface.get()) == 0) {
        bool any = false;
        auto* format = surface->format;
        for (int y = 0; y < surface->h && !any; ++y) {
            auto* row = static_cast<const uint8_t*>(surface->pixels) + y * surface->pitch;
            for (int x = 0; x < surface->w; ++x) {
                Uint32 pixel = 0;
                std::memcpy(&pixel, row + x * format->BytesPerPixel, format->BytesPerPixel);
                Uint8 r, g, b, a;
                SDL_GetRGBA(pixel, format, &r, &g, &b, &a);
                if (a) {
                    any = true;
                    break;
                }
            }
        }
        SDL_UnlockSurface(surface.get());
        if (!any)
            return "the image draws nothing (not an SVG SDL_image can render)";
    }
    return std::nullopt;
}

SurfacePtr decode_image(const std::vector<uint8_t>& bytes, int width_px, int height_px)
{
    RWopsPtr rw(SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size())));
    if (!rw)
        return nullptr;
    return SurfacePtr(IMG_LoadSizedSVG_RW(rw.get(), width_px, height_px));
}

ImageCache::ImageCache(SDL_Renderer* renderer, Loader loader, size_t budget_bytes)
    : m_renderer(renderer)
    , m_loader(std::move(loader))
    , m_budget(budget_bytes)
{
}

void ImageCache::clear()
{
    m_items.clear();
    m_index.clear();
    m_bytes_cache.clear();
    m_broken.clear();
    m_bytes = 0;
}

void ImageCache::evict_to(size_t budget)
{
    while (m_bytes > budget && !m_items.empty()) {
        auto& last = m_items.back();
        m_bytes -= last.bytes;
        m_index.erase(last.key);
        m_items.pop_back();
    }
}

ImageCache::Entry ImageCache::get(const std::string& id, core::Size box_px)
{
    if (id.empty() || box_px.width <= 0 || box_px.height <= 0)
        return {};
    // Sizes are bucketed to 8 px so a slow zoom does not decode every frame.
    int bw = (box_px.width + 7) / 8 * 8;
    int bh = (box_px.height + 7) / 8 * 8;
    std::string key = id + "@" + std::to_string(bw) + "x" + std::to_string(bh);
    if (auto it = m_index.find(key); it != m_index.end()) {
        ++m_hits;
        m_items.splice(m_items.begin(), m_items, it->second);
        return { it->second->texture.get(), it->second->width, it->second->height };
    }
    ++m_misses;
    if (m_broken.contains(id))
        return {};
    auto raw = m_bytes_cache.find(id);
    if (raw == m_bytes_cache.end()) {
        auto bytes = m_loader(id);
        if (!bytes) {
            m_broken[id] = true;
            SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "image %s: not in the database", id.c_str());
            return {};
        }
        raw = m_bytes_cache.emplace(id, std::move(*bytes)).first;
    }
    SurfacePtr surface = rasterise(id, raw->second, bw, bh);
    if (!surface) {
        m_broken[id] = true;
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "image %s: %s", id.c_str(), IMG_GetError());
        return {};
    }
    // Composited onto the matte once here, the picture is opaque: every frame then copies it
    // without blending, several times faster in software.
    if (m_matte) {
        SurfacePtr flat(SDL_CreateRGBSurfaceWithFormat(
            0, surface->w, surface->h, 32, SDL_PIXELFORMAT_ARGB8888));
        if (flat) {
            SDL_FillRect(
                flat.get(), nullptr, SDL_MapRGB(flat->format, m_matte->r, m_matte->g, m_matte->b));
            SDL_SetSurfaceBlendMode(surface.get(), SDL_BLENDMODE_BLEND);
            SDL_BlitSurface(surface.get(), nullptr, flat.get(), nullptr);
            surface = std::move(flat);
        }
    }
    TexturePtr texture(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
    if (!texture) {
        // Out of memory for a texture: drop the cache and try once more before giving up.
        evict_to(0);
        texture.reset(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
        if (!texture)
            return {};
    }
    SDL_SetTextureBlendMode(texture.get(), m_matte ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    size_t bytes = static_cast<size_t>(surface->w) * static_cast<size_t>(surface->h) * 4;
    evict_to(m_budget > bytes ? m_budget - bytes : 0);
    m_items.push_front({ key, std::move(texture), surface->w, surface->h, bytes });
    m_index[key] = m_items.begin();
    m_bytes += bytes;
    return { m_items.front().texture.get(), surface->w, surface->h };
}

// Disk cache files: "KIMG", width, height (int32), then ARGB8888 rows. Written to a temporary
// name and renamed, so a crash never leaves a half file under the real name.
std::string ImageCache::disk_path(const std::string& id, int bw, int bh) const
{
    std::string safe;
    for (char c : id)
        safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') ? c : '_';
    return m_disk_dir + "/" + m_disk_key + "-" + safe + "-" + std::to_string(bw) + "x"
        + std::to_string(bh) + ".kimg";
}

void ImageCache::set_disk_cache(const std::string& dir, const std::string& key)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || key.size() < 16 || ::access(dir.c_str(), W_OK) != 0) {
        m_disk_dir.clear();
        return;
    }
    m_disk_dir = dir;
    m_disk_key = key.substr(0, 16);
    for (auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        auto name = entry.path().filename().string();
        if (entry.path().extension() == ".kimg" && name.rfind(m_disk_key, 0) != 0)
            std::filesystem::remove(entry.path(), ec);
    }
}

SurfacePtr ImageCache::rasterise(
    const std::string& id, const std::vector<uint8_t>& svg, int bw, int bh)
{
    std::string path = m_disk_dir.empty() ? std::string {} : disk_path(id, bw, bh);
    if (!path.empty()) {
        if (FILE* f = std::fopen(path.c_str(), "rb")) {
            char magic[4];
            int32_t size[2] = { 0, 0 };
            SurfacePtr surface;
            if (std::fread(magic, 1, 4, f) == 4 && std::memcmp(magic, "KIMG", 4) == 0
                && std::fread(size, 4, 2, f) == 2 && size[0] > 0 && size[1] > 0 && size[0] <= 16384
                && size[1] <= 16384) {
                surface.reset(SDL_CreateRGBSurfaceWithFormat(
                    0, size[0], size[1], 32, SDL_PIXELFORMAT_ARGB8888));
                if (surface) {
                    auto* pixels = static_cast<uint8_t*>(surface->pixels);
                    bool ok = true;
                    for (int y = 0; y < size[1] && ok; ++y)
                        ok = std::fread(
                                 pixels + y * surface->pitch, 4, static_cast<size_t>(size[0]), f)
                            == static_cast<size_t>(size[0]);
                    if (!ok)
                        surface.reset();
                }
            }
            std::fclose(f);
            if (surface)
                return surface;
        }
    }
    // Fit the box (contain): by width unless the known aspect says the height limits.
    auto aspect = m_aspect.find(id);
    SurfacePtr surface;
    if (aspect != m_aspect.end()
        && static_cast<float>(bw) / aspect->second > static_cast<float>(bh))
        surface = decode_image(svg, 0, bh);
    else
        surface = decode_image(svg, bw, 0);
    if (surface && surface->h > 0)
        m_aspect[id] = static_cast<float>(surface->w) / static_cast<float>(surface->h);
    if (surface && surface->h > bh)
        surface = decode_image(svg, 0, bh);
    if (!surface)
        return nullptr;
    if (surface->format->format != SDL_PIXELFORMAT_ARGB8888)
        surface.reset(SDL_ConvertSurfaceFormat(surface.get(), SDL_PIXELFORMAT_ARGB8888, 0));
    if (surface && !path.empty()) {
        std::string temp = path + ".tmp";
        if (FILE* f = std::fopen(temp.c_str(), "wb")) {
            int32_t size[2] = { surface->w, surface->h };
            bool ok = std::fwrite("KIMG", 1, 4, f) == 4 && std::fwrite(size, 4, 2, f) == 2;
            auto* pixels = static_cast<const uint8_t*>(surface->pixels);
            for (int y = 0; y < surface->h && ok; ++y)
                ok = std::fwrite(pixels + y * surface->pitch, 4, static_cast<size_t>(surface->w), f)
                    == static_cast<size_t>(surface->w);
            ok = std::fclose(f) == 0 && ok;
            if (!ok || std::rename(temp.c_str(), path.c_str()) != 0)
                std::remove(temp.c_str());
        }
    }
    return surface;
}

} // namespace kiosk::platform
