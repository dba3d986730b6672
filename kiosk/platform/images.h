// Pictures from the content database (SVG drawings, photos) rasterised through platform/pictures
// into textures at the size they are drawn, cached within a byte budget (least recently used
// goes first).
#pragma once

#include "kiosk/core/draw_list.h"
#include "kiosk/core/geometry.h"
#include "kiosk/platform/raster_worker.h"
#include "kiosk/platform/sdl_handles.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace kiosk::platform {

// nullopt when the picture keeps the limits, draws (at 640x640) and keeps the memory budget at
// the size of every supported screen (every box the kiosk draws in fits one), else why. The
// installer's check; needs no window.
std::optional<std::string> check_image_decodes(const std::vector<uint8_t>& bytes);

// The picture rasterised for `box_px` (see rasterise_picture) as an SDL ARGB8888 surface: opaque
// when `matte` is given, else with straight (not premultiplied) alpha. nullptr and `error` set
// when it cannot be drawn.
// With `worker`, the child process rasterises it (platform/raster_worker).
SurfacePtr decode_image(const std::vector<uint8_t>& bytes, core::Size box_px, core::Point focus,
    std::optional<core::Color> matte, std::string* error = nullptr, RasterWorker* worker = nullptr);

// The box a DrawImage is rasterised for: its rect, grown by the pan margin when it pans (a pan
// moves a picture drawn larger than its box by whole pixels; it never rescales).
core::Size drawn_box(const core::DrawImage& command);
// The size the cache rasterises for a box: rounded up to 8 px, so a slow zoom does not decode
// every frame.
core::Size raster_box(core::Size box_px);

class ImageCache {
public:
    using Loader = std::function<std::optional<std::vector<uint8_t>>(const std::string& id)>;

    // Pictures are rasterised in the kiosk-raster child process when its helper is found
    // (RasterWorker::find_helper), else in this process (logged once).
    ImageCache(SDL_Renderer* renderer, Loader loader, size_t budget_bytes);
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;
    ~ImageCache(); // stops the preparing thread
    // Keeps rasterised images on disk too, under `dir`, for the content whose checksum is `key`
    // (a restart then draws its first frame without decoding SVG). Files of other content are
    // removed. An unusable dir just disables it.
    void set_disk_cache(const std::string& dir, const std::string& key);
    // Every picture of this kiosk sits on one panel colour: composited onto it, pictures become
    // opaque and are copied without blending. Unset: pictures keep their transparency.
    void set_matte(std::optional<core::Color> matte)
    {
        clear();
        m_matte = matte;
    }

    struct Entry {
        SDL_Texture* texture { nullptr };
        int width { 0 };
        int height { 0 };
    };
    // A texture of the image rasterised for `box_px`: a drawing fits inside (contain), a photo
    // fills it (cover) cropped around `focus`; nullptr texture when the image is missing, broken
    // or over the memory budget (the caller draws nothing, never a grey box; it is logged once).
    Entry get(const std::string& id, core::Size box_px, core::Point focus = { 0.5f, 0.5f });
    // Prepares ahead of use (the next slide, a slide's neighbours) on the cache's own thread:
    // the disk cache is read, or the picture rasterised by the child process, while frames go
    // on; the texture is made on a later get() or preload(). A get() of a picture in hand waits
    // for it rather than drawing it twice.
    void preload(const std::string& id, core::Size box_px, core::Point focus = { 0.5f, 0.5f });
    // Pictures being prepared ahead (queued or in hand).
    size_t pending() const;
    // Waits until nothing is being prepared ahead (tests).
    void wait_idle();
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
    // The key of a picture at a box; empty when nothing can be drawn there.
    std::string key_of(const std::string& id, core::Size box_px, core::Point focus,
        std::string* size_key, core::Size* raster) const;
    // The stored bytes of a picture (read once), or null when it is not in the database.
    const std::vector<uint8_t>* stored_bytes(const std::string& id);
    // Makes the texture of a prepared surface and keeps it; null when it cannot.
    Item* keep(const std::string& key, SurfacePtr surface);
    // Prepared surfaces handed over by the thread become textures (main thread).
    void collect();
    // Ends every job (queued ones dropped, the one in hand finished) and forgets their results.
    void drain();
    void prepare_loop(std::stop_token stop);
    SurfacePtr rasterise(const std::string& id, const std::string& size_key,
        const std::vector<uint8_t>& bytes, core::Size box, core::Point focus);
    std::string disk_path(const std::string& id, const std::string& size_key) const;

    SDL_Renderer* m_renderer;
    Loader m_loader;
    size_t m_budget;
    size_t m_bytes { 0 };
    uint64_t m_hits { 0 };
    uint64_t m_misses { 0 };
    std::list<Item> m_items; // front = most recently used
    std::unordered_map<std::string, std::list<Item>::iterator> m_index;
    std::unordered_map<std::string, std::vector<uint8_t>> m_bytes_cache; // as stored
    std::unordered_map<std::string, bool> m_broken;
    std::optional<core::Color> m_matte;
    std::unique_ptr<RasterWorker> m_worker; // null: rasterised in this process
    std::string m_disk_dir;
    std::string m_disk_key;

    // Preparing ahead: jobs in, surfaces (or nothing, when broken) out, under m_jobs_mutex.
    struct Job {
        std::string key;
        std::string id;
        std::string size_key;
        const std::vector<uint8_t>* bytes { nullptr }; // in m_bytes_cache, kept until drain()
        core::Size box;
        core::Point focus;
    };
    mutable std::mutex m_jobs_mutex;
    std::condition_variable_any m_jobs_changed;
    std::deque<Job> m_queue;
    std::string m_in_hand; // the key being prepared
    std::unordered_map<std::string, SurfacePtr> m_ready; // null surface: it could not be drawn
    std::jthread m_thread; // last: stopped before the members it uses go
};

} // namespace kiosk::platform
