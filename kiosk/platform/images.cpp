// Pictures rasterised (platform/pictures) into SDL surfaces, and the texture cache.
#include "kiosk/platform/images.h"

#include "kiosk/platform/pictures.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace kiosk::platform {

std::optional<std::string> check_image_decodes(const std::vector<uint8_t>& bytes)
{
    // Drawn for real at one modest size (librsvg or the photo codec reads and renders all of
    // it), and sized against the budget at every screen size; `kiosk-content check` and `pack`
    // rasterise every size the screens draw.
    const core::Size draw_at[] = { { 640, 640 } };
    auto fits = screen_boxes();
    return verify_picture(bytes, draw_at, fits);
}

SurfacePtr decode_image(const std::vector<uint8_t>& bytes, core::Size box_px, core::Point focus,
    std::optional<core::Color> matte, std::string* error, RasterWorker* worker)
{
    RasterRequest request;
    request.box_px = box_px;
    request.focus = focus;
    request.matte = matte;
    auto raster = worker ? worker->rasterise(bytes, request) : rasterise_picture(bytes, request);
    if (!raster) {
        if (error)
            *error = raster.error();
        return nullptr;
    }
    auto* source = raster.value().get();
    int w = cairo_image_surface_get_width(source), h = cairo_image_surface_get_height(source);
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!surface) {
        if (error)
            *error = SDL_GetError();
        return nullptr;
    }
    auto* from = cairo_image_surface_get_data(source);
    int from_pitch = cairo_image_surface_get_stride(source);
    auto* to = static_cast<uint8_t*>(surface->pixels);
    for (int y = 0; y < h; ++y) {
        auto* src = from + static_cast<ptrdiff_t>(y) * from_pitch;
        auto* dst = to + static_cast<ptrdiff_t>(y) * surface->pitch;
        std::memcpy(dst, src, static_cast<size_t>(w) * 4);
        if (matte)
            continue; // opaque: premultiplied and straight alpha are the same
        // cairo premultiplies; SDL blends straight alpha.
        for (int x = 0; x < w; ++x) {
            uint8_t* p = dst + x * 4;
            unsigned a = p[3];
            if (a == 0 || a == 255)
                continue;
            for (int c = 0; c < 3; ++c)
                p[c] = static_cast<uint8_t>(std::min(255u, (p[c] * 255 + a / 2) / a));
        }
    }
    return surface;
}

constexpr float PAN_MARGIN = 1.06f;

core::Size drawn_box(const core::DrawImage& command)
{
    auto& box = command.rect;
    if (!(box.w >= 1 && box.h >= 1))
        return {};
    // Zoomed: rasterised larger (at least the pan's margin), clipped to the box when drawn.
    float grow = command.zoom > 1.0f ? std::clamp(command.zoom, PAN_MARGIN, 2.0f) : 1.0f;
    return { static_cast<int>(std::lround(box.w * grow)),
        static_cast<int>(std::lround(box.h * grow)) };
}

core::Size raster_box(core::Size box_px)
{
    return { (box_px.width + 7) / 8 * 8, (box_px.height + 7) / 8 * 8 };
}

ImageCache::ImageCache(SDL_Renderer* renderer, Loader loader, size_t budget_bytes)
    : m_renderer(renderer)
    , m_loader(std::move(loader))
    , m_budget(budget_bytes)
{
    if (auto helper = RasterWorker::find_helper(); !helper.empty())
        m_worker = std::make_unique<RasterWorker>(RasterWorkerOptions { helper });
    else
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION,
            "kiosk-raster not found: pictures are drawn in the kiosk's own process");
    m_thread = std::jthread([this](std::stop_token stop) { prepare_loop(stop); });
}

ImageCache::~ImageCache()
{
    m_thread.request_stop();
    if (m_worker)
        m_worker->cancel(); // a picture in hand is given up, not waited for
    m_jobs_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ImageCache::prepare_loop(std::stop_token stop)
{
    std::unique_lock lock(m_jobs_mutex);
    while (!stop.stop_requested()) {
        if (m_queue.empty()) {
            m_jobs_changed.wait(lock, stop, [this]() { return !m_queue.empty(); });
            continue;
        }
        Job job = std::move(m_queue.front());
        m_queue.pop_front();
        m_in_hand = job.key;
        lock.unlock();
        SurfacePtr surface = rasterise(job.id, job.size_key, *job.bytes, job.box, job.focus);
        lock.lock();
        m_in_hand.clear();
        m_ready[job.key] = std::move(surface);
        m_jobs_changed.notify_all();
    }
}

void ImageCache::drain()
{
    std::unique_lock lock(m_jobs_mutex);
    m_queue.clear();
    m_jobs_changed.wait(lock, [this]() { return m_in_hand.empty(); });
    m_ready.clear();
}

size_t ImageCache::pending() const
{
    std::lock_guard lock(m_jobs_mutex);
    return m_queue.size() + (m_in_hand.empty() ? 0 : 1) + m_ready.size();
}

void ImageCache::wait_idle()
{
    std::unique_lock lock(m_jobs_mutex);
    m_jobs_changed.wait(lock, [this]() { return m_queue.empty() && m_in_hand.empty(); });
}

void ImageCache::clear()
{
    drain();
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

std::string ImageCache::key_of(const std::string& id, core::Size box_px, core::Point focus,
    std::string* size_key, core::Size* raster) const
{
    if (id.empty() || box_px.width <= 0 || box_px.height <= 0)
        return {};
    *raster = raster_box(box_px);
    // The focus (photos) in hundredths: it moves the crop, so it is part of the key.
    *size_key = std::to_string(raster->width) + "x" + std::to_string(raster->height) + "f"
        + std::to_string(std::lround(std::clamp(focus.x, 0.0f, 1.0f) * 100)) + "-"
        + std::to_string(std::lround(std::clamp(focus.y, 0.0f, 1.0f) * 100));
    return id + "@" + *size_key;
}

const std::vector<uint8_t>* ImageCache::stored_bytes(const std::string& id)
{
    auto raw = m_bytes_cache.find(id);
    if (raw == m_bytes_cache.end()) {
        auto bytes = m_loader(id);
        if (!bytes) {
            m_broken[id] = true;
            SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "image %s: not in the database", id.c_str());
            return nullptr;
        }
        raw = m_bytes_cache.emplace(id, std::move(*bytes)).first;
    }
    return &raw->second;
}

ImageCache::Item* ImageCache::keep(const std::string& key, SurfacePtr surface)
{
    TexturePtr texture(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
    if (!texture) {
        // Out of memory for a texture: drop the cache and try once more before giving up.
        evict_to(0);
        texture.reset(SDL_CreateTextureFromSurface(m_renderer, surface.get()));
        if (!texture)
            return nullptr;
    }
    // Composited onto the matte once while rasterising, the picture is opaque: every frame then
    // copies it without blending, several times faster in software.
    SDL_SetTextureBlendMode(texture.get(), m_matte ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    size_t bytes = static_cast<size_t>(surface->w) * static_cast<size_t>(surface->h) * 4;
    evict_to(m_budget > bytes ? m_budget - bytes : 0);
    m_items.push_front({ key, std::move(texture), surface->w, surface->h, bytes });
    m_index[key] = m_items.begin();
    m_bytes += bytes;
    return &m_items.front();
}

void ImageCache::collect()
{
    std::unordered_map<std::string, SurfacePtr> ready;
    {
        std::lock_guard lock(m_jobs_mutex);
        ready.swap(m_ready);
    }
    for (auto& [key, surface] : ready) {
        if (m_index.contains(key))
            continue;
        if (!surface) {
            m_broken[key.substr(0, key.rfind('@'))] = true; // logged by rasterise
            continue;
        }
        keep(key, std::move(surface));
    }
}

void ImageCache::preload(const std::string& id, core::Size box_px, core::Point focus)
{
    collect();
    std::string size_key;
    core::Size raster;
    std::string key = key_of(id, box_px, focus, &size_key, &raster);
    if (key.empty() || m_index.contains(key) || m_broken.contains(id))
        return;
    {
        std::lock_guard lock(m_jobs_mutex);
        if (m_in_hand == key || m_ready.contains(key))
            return;
        for (auto& job : m_queue)
            if (job.key == key)
                return;
    }
    auto* bytes = stored_bytes(id);
    if (!bytes)
        return;
    std::lock_guard lock(m_jobs_mutex);
    m_queue.push_back({ key, id, size_key, bytes, raster, focus });
    m_jobs_changed.notify_all();
}

ImageCache::Entry ImageCache::get(const std::string& id, core::Size box_px, core::Point focus)
{
    std::string size_key;
    core::Size raster;
    std::string key = key_of(id, box_px, focus, &size_key, &raster);
    if (key.empty())
        return {};
    if (auto it = m_index.find(key); it != m_index.end()) {
        ++m_hits;
        m_items.splice(m_items.begin(), m_items, it->second);
        return { it->second->texture.get(), it->second->width, it->second->height };
    }
    ++m_misses;
    if (m_broken.contains(id))
        return {};
    // Being prepared ahead: wait for it (it is at most one picture's work away) or take it over.
    {
        std::unique_lock lock(m_jobs_mutex);
        std::erase_if(m_queue, [&](const Job& job) { return job.key == key; });
        m_jobs_changed.wait(lock, [&]() { return m_in_hand != key; });
    }
    collect();
    if (auto it = m_index.find(key); it != m_index.end())
        return { it->second->texture.get(), it->second->width, it->second->height };
    if (m_broken.contains(id))
        return {};
    auto* bytes = stored_bytes(id);
    if (!bytes)
        return {};
    SurfacePtr surface = rasterise(id, size_key, *bytes, raster, focus);
    if (!surface) {
        m_broken[id] = true; // logged by rasterise; the slide shows without it
        return {};
    }
    auto* item = keep(key, std::move(surface));
    if (!item)
        return {};
    return { item->texture.get(), item->width, item->height };
}

// Disk cache files: "KIMG", width, height (int32), then ARGB8888 rows. Written to a temporary
// name and renamed, so a crash never leaves a half file under the real name.
std::string ImageCache::disk_path(const std::string& id, const std::string& size_key) const
{
    std::string safe;
    for (char c : id)
        safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') ? c : '_';
    return m_disk_dir + "/" + m_disk_key + "-" + safe + "-" + size_key + (m_matte ? "m" : "")
        + ".kimg";
}

void ImageCache::set_disk_cache(const std::string& dir, const std::string& key)
{
    drain();
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

SurfacePtr ImageCache::rasterise(const std::string& id, const std::string& size_key,
    const std::vector<uint8_t>& bytes, core::Size box, core::Point focus)
{
    std::string path = m_disk_dir.empty() ? std::string {} : disk_path(id, size_key);
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
    std::string error;
    SurfacePtr surface = decode_image(bytes, box, focus, m_matte, &error, m_worker.get());
    if (!surface) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION,
            "image %s at %dx%d: %s; the screen shows without it", id.c_str(), box.width, box.height,
            error.c_str());
        return nullptr;
    }
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
