// Images from the content database (SVG) decoded with SDL_image into textures at the size they
// are drawn, cached within a byte budget (least recently used goes first).
#pragma once

#include "kiosk/core/geometry.h"
#include "kiosk/platform/sdl_handles.h"

#include <cstdint>
#include <functional>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace kiosk::platform {

// nullopt when SDL_image can decode the bytes, else its message. Needs no window.
std::optional<std::string> check_image_decodes(const std::vector<uint8_t>& bytes);

// Rasterises an image to a surface `width_px` wide (height from its aspect ratio).
SurfacePtr decode_image(const std::vector<uint8_t>& bytes, int width_px, int height_px);

class ImageCache {
public:
    using Loader = std::function<std::optional<std::vector<uint8_t>>(const std::string& id)>;

    ImageCache(SDL_Renderer* renderer, Loader loader, size_t budget_bytes);
    // Keeps rasterised images on disk too, under `dir`, for the content whose checksum is `key`
    // (a restart then draws its first frame without decoding SVG). Files of other content are
    // removed. An unusable dir just disables it.
    void set_disk_cache(const std::string& dir, const std::string& key);
    // Every picture of this kiosk sits on one panel colour: composited onto it, pictures become
    // opaque and are copied without blending. Unset: pictures keep their transparency.
    void set_matte(std::optional<core::Color> matte)
    {
        m_matte = matte;
        clear();
    }

    struct Entry {
        SDL_Texture* texture { nullptr };
        int width { 0 };
        int height { 0 };
    };
    // A texture of the image rasterised to fit `box_px` (contain); nullptr texture when the image
    // is missing or broken (the caller draws nothing, never a grey box).
    Entry get(const std::string& id, core::Size box_px);
    // Decodes ahead of use (preloading the next slide off the visible frame).
    void preload(const std::string& id, core::Size box_px) { get(id, box_px); }
    size_t bytes() const { return m_bytes; }
    size_t count() const { return m_items.size(); }
    uint64_t hits() const { return m_hits; }
    uint64_t misses() const { return m_misses; }
    void clear();

private:
    struct Item {
        std::string key;
        TexturePtr texture;
        int width { 0 };
        int height { 0 };
        size_t bytes { 0 };
    };
    void evict_to(size_t budget);
    SurfacePtr rasterise(const std::string& id, const std::vector<uint8_t>& svg, int bw, int bh);
    std::string disk_path(const std::string& id, int bw, int bh) const;

    SDL_Renderer* m_renderer;
    Loader m_loader;
    size_t m_budget;
    size_t m_bytes { 0 };
    uint64_t m_hits { 0 };
    uint64_t m_misses { 0 };
    std::list<Item> m_items; // front = most recently used
    std::unordered_map<std::string, std::list<Item>::iterator> m_index;
    std::unordered_map<std::string, std::vector<uint8_t>> m_bytes_cache; // raw SVG, small
    std::unordered_map<std::string, bool> m_broken;
    std::unordered_map<std::string, float> m_aspect; // width / height, once decoded
    std::optional<core::Color> m_matte;
    std::string m_disk_dir;
    std::string m_disk_key;
};

} // namespace kiosk::platform
