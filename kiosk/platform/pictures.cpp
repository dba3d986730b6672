// Picture decoding and rasterising. Drawings: librsvg loads from memory with no base file, so it
// refuses every external reference (file:, http:, a sibling SVG); entities and raster <image>
// elements are refused before librsvg sees the bytes. Photos: headers are read first and every
// decode is sized against a byte budget before anything is allocated.
#include "kiosk/platform/pictures.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <dlfcn.h>
#include <libexif/exif-data.h>
#include <librsvg/rsvg.h>
#include <png.h>
#include <turbojpeg.h>
#include <webp/decode.h>
#include <webp/demux.h>

namespace kiosk::platform {

static_assert(std::endian::native == std::endian::little,
    "cairo ARGB32 is read as B,G,R,A bytes (TJPF_BGRA, PNG_FORMAT_BGRA): a little-endian CPU");

namespace {

using core::Error;

struct SizeF {
    float width { 0 };
    float height { 0 };
};

struct GDeleter {
    void operator()(RsvgHandle* p) const { g_object_unref(p); }
    void operator()(GInputStream* p) const { g_object_unref(p); }
    void operator()(GError* p) const { g_error_free(p); }
    void operator()(ExifData* p) const { exif_data_unref(p); }
    void operator()(WebPDemuxer* p) const { WebPDemuxDelete(p); }
};
using RsvgPtr = std::unique_ptr<RsvgHandle, GDeleter>;
using GInputStreamPtr = std::unique_ptr<GInputStream, GDeleter>;
using GErrorPtr = std::unique_ptr<GError, GDeleter>;
using ExifPtr = std::unique_ptr<ExifData, GDeleter>;
using WebPDemuxPtr = std::unique_ptr<WebPDemuxer, GDeleter>;

struct TjHandle {
    tjhandle handle;
    explicit TjHandle(tjhandle h)
        : handle(h)
    {
    }
    TjHandle(const TjHandle&) = delete;
    TjHandle& operator=(const TjHandle&) = delete;
    ~TjHandle()
    {
        if (handle)
            tjDestroy(handle);
    }
};

bool starts_with(std::span<const uint8_t> bytes, std::string_view magic, size_t at = 0)
{
    return bytes.size() >= at + magic.size()
        && std::memcmp(bytes.data() + at, magic.data(), magic.size()) == 0;
}

std::optional<PictureKind> sniff(std::span<const uint8_t> bytes)
{
    if (starts_with(bytes, "\xFF\xD8\xFF"))
        return PictureKind::Jpeg;
    if (starts_with(bytes, "\x89PNG\r\n\x1A\n"))
        return PictureKind::Png;
    if (starts_with(bytes, "RIFF") && starts_with(bytes, "WEBP", 8))
        return PictureKind::Webp;
    // An SVG is text that has an <svg element somewhere near its start.
    std::string_view text(
        reinterpret_cast<const char*>(bytes.data()), std::min<size_t>(bytes.size(), 4096));
    if (text.find("<svg") != std::string_view::npos || text.find(":svg") != std::string_view::npos)
        return PictureKind::Svg;
    return std::nullopt;
}

std::string size_text(double w, double h)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%gx%g px", w, h);
    return buf;
}

std::optional<std::string> check_size(PictureKind kind, double w, double h)
{
    std::string what = std::string(kind == PictureKind::Svg ? "an " : "a ")
        + picture_kind_name(kind) + " of " + size_text(w, h);
    if (!(w >= PictureLimits::MIN_SIDE_PX && h >= PictureLimits::MIN_SIDE_PX))
        return what + ": under 1 px on a side";
    if (w > PictureLimits::MAX_SIDE_PX || h > PictureLimits::MAX_SIDE_PX)
        return what + ": over " + std::to_string(PictureLimits::MAX_SIDE_PX) + " px on a side";
    double aspect = std::max(w, h) / std::min(w, h);
    if (aspect > PictureLimits::MAX_ASPECT) {
        char buf[96];
        std::snprintf(buf, sizeof buf, ": aspect ratio %.0f:1 is over %.0f:1", aspect,
            PictureLimits::MAX_ASPECT);
        return what + buf;
    }
    if (kind != PictureKind::Svg && w * h > static_cast<double>(PictureLimits::PHOTO_MAX_PIXELS))
        return what + ": over " + std::to_string(PictureLimits::PHOTO_MAX_PIXELS / 1'000'000)
            + " megapixels";
    return std::nullopt;
}

// Drawings are the project's own vector art: a DTD entity (expansion bombs, hidden markup) or a
// raster <image> (an unchecked decode, or a reference out of the file) has no place in them.
std::optional<std::string> check_svg_markup(std::string_view text)
{
    if (text.find("<!ENTITY") != std::string_view::npos)
        return "the SVG declares an XML entity (<!ENTITY): not allowed";
    for (size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
        size_t name = at + 1;
        size_t end = name;
        while (end < text.size()
            && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == ':'
                || text[end] == '_' || text[end] == '-' || text[end] == '.'))
            ++end;
        std::string_view tag = text.substr(name, end - name);
        if (auto colon = tag.rfind(':'); colon != std::string_view::npos)
            tag = tag.substr(colon + 1);
        if (tag == "image" || tag == "include")
            return "the SVG has an <" + std::string(tag)
                + "> element: drawings may not embed or reference other files (put a photo on "
                  "the slide instead)";
    }
    return std::nullopt;
}

} // namespace

int svg_layer_count(std::string_view text)
{
    // Elements with a filter are drawn one after another, each freeing its filter's results:
    // the peak is the largest filter (its primitives and its SourceGraphic). Masks may nest, so
    // each counts.
    int masks = 0, largest_filter = 0, in_filter = -1;
    for (size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
        std::string_view rest = text.substr(at + 1);
        bool closing = !rest.empty() && rest[0] == '/';
        if (closing)
            rest = rest.substr(1);
        if (auto colon = rest.find(':'); colon != std::string_view::npos && colon < 16
            && rest.substr(0, colon).find_first_of(" />") == std::string_view::npos)
            rest = rest.substr(colon + 1); // svg:feBlend
        auto is_tag = [&](std::string_view name) {
            return rest.starts_with(name)
                && (rest.size() == name.size()
                    || !std::isalnum(static_cast<unsigned char>(rest[name.size()])));
        };
        if (is_tag("filter")) {
            if (closing && in_filter >= 0) {
                largest_filter = std::max(largest_filter, in_filter + 1);
                in_filter = -1;
            } else if (!closing) {
                in_filter = 0;
            }
            continue;
        }
        if (closing)
            continue;
        // The children of primitives (feMergeNode, feFuncR, the light sources) are no layers.
        bool primitive = rest.size() > 2 && rest[0] == 'f' && rest[1] == 'e'
            && std::isupper(static_cast<unsigned char>(rest[2])) && !rest.starts_with("feMergeNode")
            && !rest.starts_with("feFunc") && !rest.starts_with("feDistantLight")
            && !rest.starts_with("fePointLight") && !rest.starts_with("feSpotLight");
        if (primitive && in_filter >= 0) // outside a <filter> librsvg ignores it
            ++in_filter;
        if (is_tag("mask"))
            ++masks;
    }
    if (in_filter >= 0) // an unclosed filter
        largest_filter = std::max(largest_filter, in_filter + 1);
    return std::min(1 + largest_filter + masks, 1 << 20);
}

namespace {

// librsvg is opened the first time a drawing is read, not at start-up: its relocations alone
// cost ~6 MB of every kiosk process's memory, and a kiosk whose pictures are in its disk cache
// draws no SVG at all. It stays loaded once opened.
struct LibRsvg {
    decltype(&rsvg_handle_new_from_stream_sync) new_from_stream_sync { nullptr };
    decltype(&rsvg_handle_set_dpi) set_dpi { nullptr };
    decltype(&rsvg_handle_get_intrinsic_size_in_pixels) intrinsic_size_in_pixels { nullptr };
    decltype(&rsvg_handle_get_intrinsic_dimensions) intrinsic_dimensions { nullptr };
    decltype(&rsvg_handle_render_document) render_document { nullptr };
    std::string error; // non-empty: librsvg cannot be used
};

const LibRsvg& librsvg()
{
    static const LibRsvg lib = [] {
        LibRsvg l;
        void* so = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
        if (!so) {
            const char* why = dlerror();
            l.error = std::string("librsvg is not installed (librsvg2-2): ") + (why ? why : "");
            return l;
        }
        auto bind = [&](auto& fn, const char* name) {
            fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(so, name));
            if (!fn && l.error.empty())
                l.error = std::string("librsvg lacks ") + name;
        };
        bind(l.new_from_stream_sync, "rsvg_handle_new_from_stream_sync");
        bind(l.set_dpi, "rsvg_handle_set_dpi");
        bind(l.intrinsic_size_in_pixels, "rsvg_handle_get_intrinsic_size_in_pixels");
        bind(l.intrinsic_dimensions, "rsvg_handle_get_intrinsic_dimensions");
        bind(l.render_document, "rsvg_handle_render_document");
        return l;
    }();
    return lib;
}

core::Result<RsvgPtr> load_svg(std::span<const uint8_t> bytes)
{
    if (bytes.size() > PictureLimits::SVG_MAX_BYTES)
        return Error { "the SVG is " + std::to_string(bytes.size()) + " bytes, over "
            + std::to_string(PictureLimits::SVG_MAX_BYTES) + "" };
    std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (auto problem = check_svg_markup(text))
        return Error { *problem };
    auto& rsvg = librsvg();
    if (!rsvg.error.empty())
        return Error { rsvg.error };
    // No base file: librsvg then resolves no href but data: ones (and <image> is refused above).
    GInputStreamPtr stream(g_memory_input_stream_new_from_data(
        bytes.data(), static_cast<gssize>(bytes.size()), nullptr));
    GError* raw_error = nullptr;
    RsvgPtr handle(rsvg.new_from_stream_sync(
        stream.get(), nullptr, RSVG_HANDLE_FLAGS_NONE, nullptr, &raw_error));
    GErrorPtr error(raw_error);
    if (!handle)
        return Error { std::string("not an SVG librsvg can read: ")
            + (error ? error->message : "unknown error") };
    rsvg.set_dpi(handle.get(), 96.0);
    return handle;
}

core::Result<SizeF> svg_size(RsvgHandle* handle)
{
    auto& rsvg = librsvg();
    double w = 0, h = 0;
    if (rsvg.intrinsic_size_in_pixels(handle, &w, &h) && w > 0 && h > 0)
        return SizeF { static_cast<float>(w), static_cast<float>(h) };
    gboolean has_w = FALSE, has_h = FALSE, has_box = FALSE;
    RsvgLength lw, lh;
    RsvgRectangle box {};
    rsvg.intrinsic_dimensions(handle, &has_w, &lw, &has_h, &lh, &has_box, &box);
    if (has_box && box.width > 0 && box.height > 0)
        return SizeF { static_cast<float>(box.width), static_cast<float>(box.height) };
    return Error { "the SVG has neither a size in pixels nor a viewBox" };
}

int read_orientation(const unsigned char* data, size_t size)
{
    if (!data || size == 0 || size > (size_t { 1 } << 24))
        return 1;
    ExifPtr exif(exif_data_new_from_data(data, static_cast<unsigned int>(size)));
    if (!exif)
        return 1;
    ExifEntry* entry = exif_content_get_entry(exif->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
    if (!entry || entry->format != EXIF_FORMAT_SHORT || entry->components < 1 || entry->size < 2)
        return 1;
    int value = exif_get_short(entry->data, exif_data_get_byte_order(exif.get()));
    return value >= 1 && value <= 8 ? value : 1;
}

int webp_orientation(std::span<const uint8_t> bytes)
{
    WebPData data { bytes.data(), bytes.size() };
    WebPDemuxPtr demux(WebPDemux(&data));
    if (!demux)
        return 1;
    WebPChunkIterator chunk;
    if (!WebPDemuxGetChunk(demux.get(), "EXIF", 1, &chunk))
        return 1;
    // libexif wants the "Exif\0\0" header that WebP's chunk may leave out.
    std::vector<unsigned char> exif(chunk.chunk.bytes, chunk.chunk.bytes + chunk.chunk.size);
    WebPDemuxReleaseChunkIterator(&chunk);
    static const unsigned char header[6] = { 'E', 'x', 'i', 'f', 0, 0 };
    if (exif.size() < 6 || std::memcmp(exif.data(), header, 6) != 0)
        exif.insert(exif.begin(), header, header + 6);
    return read_orientation(exif.data(), exif.size());
}

core::Result<PictureInfo> probe_photo(PictureKind kind, std::span<const uint8_t> bytes)
{
    if (bytes.size() > PictureLimits::PHOTO_MAX_BYTES)
        return Error { "the photo is " + std::to_string(bytes.size()) + " bytes, over "
            + std::to_string(PictureLimits::PHOTO_MAX_BYTES) };
    PictureInfo info;
    info.kind = kind;
    if (kind == PictureKind::Jpeg) {
        TjHandle tj(tjInitDecompress());
        int w = 0, h = 0, subsamp = 0, colorspace = 0;
        if (!tj.handle
            || tjDecompressHeader3(tj.handle, bytes.data(),
                   static_cast<unsigned long>(bytes.size()), &w, &h, &subsamp, &colorspace)
                != 0)
            return Error { std::string("not a JPEG libjpeg-turbo can read: ")
                + tjGetErrorStr2(tj.handle) };
        info.width_px = w;
        info.height_px = h;
        info.orientation = read_orientation(bytes.data(), bytes.size());
    } else if (kind == PictureKind::Png) {
        png_image image {};
        image.version = PNG_IMAGE_VERSION;
        if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
            return Error { std::string("not a PNG libpng can read: ") + image.message };
        info.width_px = static_cast<int>(std::min<png_uint_32>(image.width, INT32_MAX));
        info.height_px = static_cast<int>(std::min<png_uint_32>(image.height, INT32_MAX));
        png_image_free(&image);
    } else {
        WebPBitstreamFeatures features;
        if (WebPGetFeatures(bytes.data(), bytes.size(), &features) != VP8_STATUS_OK)
            return Error { "not a WebP libwebp can read" };
        if (features.has_animation)
            return Error { "an animated WebP: not allowed (use a video)" };
        info.width_px = features.width;
        info.height_px = features.height;
        info.orientation = webp_orientation(bytes);
    }
    if (auto problem = check_size(kind, info.width_px, info.height_px))
        return Error { *problem };
    return info;
}

core::Result<CairoSurfacePtr> new_surface(int w, int h, size_t budget)
{
    if (w <= 0 || h <= 0 || static_cast<size_t>(w) * static_cast<size_t>(h) * 4 > budget)
        return Error { "a " + std::to_string(w) + "x" + std::to_string(h)
            + " px raster is over the memory budget of " + std::to_string(budget >> 20) + " MB" };
    CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return Error { "out of memory for a " + std::to_string(w) + "x" + std::to_string(h)
            + " px raster" };
    return surface;
}

void premultiply(cairo_surface_t* surface)
{
    auto* data = cairo_image_surface_get_data(surface);
    int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < h; ++y) {
        uint8_t* p = data + static_cast<ptrdiff_t>(y) * stride;
        for (int x = 0; x < w; ++x, p += 4) {
            unsigned a = p[3];
            if (a == 255)
                continue;
            for (int c = 0; c < 3; ++c)
                p[c] = static_cast<uint8_t>((p[c] * a + 127) / 255);
        }
    }
}

// Decodes a photo in its stored orientation, at least `need_w` x `need_h` px where the codec can
// scale while decoding (JPEG: 1/2, 1/4, 1/8 in the DCT), else at full size.
core::Result<CairoSurfacePtr> decode_photo(
    const PictureInfo& info, std::span<const uint8_t> bytes, int need_w, int need_h, size_t budget)
{
    if (info.kind == PictureKind::Jpeg) {
        TjHandle tj(tjInitDecompress());
        if (!tj.handle)
            return Error { "libjpeg-turbo cannot start" };
        int count = 0;
        tjscalingfactor* factors = tjGetScalingFactors(&count);
        int w = info.width_px, h = info.height_px;
        for (int i = 0; factors && i < count; ++i) {
            auto f = factors[i];
            if (f.num > f.denom)
                continue;
            int sw = TJSCALED(info.width_px, f), sh = TJSCALED(info.height_px, f);
            if (sw >= need_w && sh >= need_h
                && sw * static_cast<int64_t>(sh) < w * static_cast<int64_t>(h)) {
                w = sw;
                h = sh;
            }
        }
        auto surface = new_surface(w, h, budget);
        if (!surface)
            return surface;
        auto* s = surface.value().get();
        cairo_surface_flush(s);
        if (tjDecompress2(tj.handle, bytes.data(), static_cast<unsigned long>(bytes.size()),
                cairo_image_surface_get_data(s), w, cairo_image_surface_get_stride(s), h, TJPF_BGRA,
                TJFLAG_STOPONWARNING)
            != 0)
            return Error { std::string("the JPEG does not decode: ") + tjGetErrorStr2(tj.handle) };
        cairo_surface_mark_dirty(s);
        return surface;
    }
    auto surface = new_surface(info.width_px, info.height_px, budget);
    if (!surface)
        return surface;
    auto* s = surface.value().get();
    cairo_surface_flush(s);
    auto* pixels = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    if (info.kind == PictureKind::Png) {
        png_image image {};
        image.version = PNG_IMAGE_VERSION;
        if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
            return Error { std::string("the PNG does not decode: ") + image.message };
        image.format = PNG_FORMAT_BGRA;
        if (!png_image_finish_read(&image, nullptr, pixels, stride, nullptr)) {
            std::string message = image.message;
            png_image_free(&image);
            return Error { "the PNG does not decode: " + message };
        }
    } else {
        if (!WebPDecodeBGRAInto(bytes.data(), bytes.size(), pixels,
                static_cast<size_t>(stride) * static_cast<size_t>(info.height_px), stride))
            return Error { "the WebP does not decode" };
    }
    premultiply(s);
    cairo_surface_mark_dirty(s);
    return surface;
}

// The upright (oriented) size of a photo.
SizeF upright(const PictureInfo& info, float w, float h)
{
    return info.orientation >= 5 ? SizeF { h, w } : SizeF { w, h };
}

// Paints `source` (stored orientation) upright into an `out_w` x `out_h` raster: the upright
// picture scaled by `scale` and moved left/up by `offset` px (a crop).
core::Result<CairoSurfacePtr> paint_upright(cairo_surface_t* source, int orientation, float scale_x,
    float scale_y, core::Point offset, int out_w, int out_h, std::optional<core::Color> matte,
    size_t budget)
{
    auto out = new_surface(out_w, out_h, budget);
    if (!out)
        return out;
    double w = cairo_image_surface_get_width(source), h = cairo_image_surface_get_height(source);
    // The pattern matrix maps output px to source px: crop offset, unscale, then un-orient.
    cairo_matrix_t orient;
    switch (orientation) {
    case 2:
        cairo_matrix_init(&orient, -1, 0, 0, 1, w, 0);
        break;
    case 3:
        cairo_matrix_init(&orient, -1, 0, 0, -1, w, h);
        break;
    case 4:
        cairo_matrix_init(&orient, 1, 0, 0, -1, 0, h);
        break;
    case 5:
        cairo_matrix_init(&orient, 0, 1, 1, 0, 0, 0);
        break;
    case 6:
        cairo_matrix_init(&orient, 0, -1, 1, 0, 0, h);
        break;
    case 7:
        cairo_matrix_init(&orient, 0, -1, -1, 0, w, h);
        break;
    case 8:
        cairo_matrix_init(&orient, 0, 1, -1, 0, w, 0);
        break;
    default:
        cairo_matrix_init_identity(&orient);
        break;
    }
    cairo_matrix_t to_upright, matrix;
    cairo_matrix_init(
        &to_upright, 1.0 / scale_x, 0, 0, 1.0 / scale_y, offset.x / scale_x, offset.y / scale_y);
    cairo_matrix_multiply(&matrix, &to_upright, &orient);
    CairoPtr cr(cairo_create(out.value().get()));
    if (matte) {
        cairo_set_source_rgb(cr.get(), matte->r / 255.0, matte->g / 255.0, matte->b / 255.0);
        cairo_paint(cr.get());
    }
    cairo_pattern_t* pattern = cairo_pattern_create_for_surface(source);
    cairo_pattern_set_matrix(pattern, &matrix);
    cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD);
    cairo_pattern_set_filter(pattern, CAIRO_FILTER_GOOD);
    cairo_set_source(cr.get(), pattern);
    cairo_paint(cr.get());
    cairo_pattern_destroy(pattern);
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
        return Error { std::string("cairo: ") + cairo_status_to_string(cairo_status(cr.get())) };
    cairo_surface_flush(out.value().get());
    return out;
}

// A drawing read and checked (markup, size, aspect): its handle and intrinsic size.
struct CheckedSvg {
    RsvgPtr handle;
    SizeF size;
};

core::Result<CheckedSvg> load_checked_svg(std::span<const uint8_t> bytes)
{
    auto handle = load_svg(bytes);
    if (!handle)
        return Error { handle.error() };
    auto size = svg_size(handle.value().get());
    if (!size)
        return Error { size.error() };
    if (auto problem = check_size(PictureKind::Svg, size.value().width, size.value().height))
        return Error { *problem };
    return CheckedSvg { handle.release_value(), size.value() };
}

core::Result<CairoSurfacePtr> rasterise_svg(
    std::span<const uint8_t> bytes, const RasterRequest& request)
{
    auto svg = load_checked_svg(bytes);
    if (!svg)
        return Error { svg.error() };
    auto& handle = svg.value().handle;
    auto [iw, ih] = svg.value().size;
    // Contain: the whole drawing inside the box.
    double scale = std::min(request.box_px.width / static_cast<double>(iw),
        request.box_px.height / static_cast<double>(ih));
    int w = std::max(1, static_cast<int>(std::lround(iw * scale)));
    int h = std::max(1, static_cast<int>(std::lround(ih * scale)));
    // What librsvg's filter and mask layers would take at this size, before it allocates them.
    size_t layers = static_cast<size_t>(svg_layer_count(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size())));
    size_t layer_bytes = static_cast<size_t>(w) * static_cast<size_t>(h) * 4;
    if (layers > 1 && layers * layer_bytes > PictureLimits::SVG_LAYERS_BUDGET_BYTES)
        return Error { "drawn at " + size_text(w, h) + " its " + std::to_string(layers - 1)
            + " filter and mask layers would take about "
            + std::to_string((layers * layer_bytes) >> 20) + " MB, over the "
            + std::to_string(PictureLimits::SVG_LAYERS_BUDGET_BYTES >> 20)
            + " MB budget (fewer filter steps, or a photo, would do)" };
    auto out = new_surface(w, h, request.budget_bytes);
    if (!out)
        return out;
    CairoPtr cr(cairo_create(out.value().get()));
    if (request.matte) {
        auto& m = *request.matte;
        cairo_set_source_rgb(cr.get(), m.r / 255.0, m.g / 255.0, m.b / 255.0);
        cairo_paint(cr.get());
    }
    RsvgRectangle viewport { 0, 0, static_cast<double>(w), static_cast<double>(h) };
    GError* raw_error = nullptr;
    bool drawn = librsvg().render_document(handle.get(), cr.get(), &viewport, &raw_error);
    GErrorPtr error(raw_error);
    if (!drawn)
        return Error { std::string("librsvg cannot draw it: ")
            + (error ? error->message : "unknown error") };
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
        return Error { std::string("cairo: ") + cairo_status_to_string(cairo_status(cr.get())) };
    cairo_surface_flush(out.value().get());
    return out;
}

core::Result<CairoSurfacePtr> rasterise_photo(
    const PictureInfo& info, std::span<const uint8_t> bytes, const RasterRequest& request)
{
    float bw = static_cast<float>(request.box_px.width),
          bh = static_cast<float>(request.box_px.height);
    auto up = upright(info, static_cast<float>(info.width_px), static_cast<float>(info.height_px));
    // Cover: the box filled, the focus point as near its centre as the picture allows.
    float scale = std::max(bw / up.width, bh / up.height);
    float sw = up.width * scale, sh = up.height * scale;
    core::Point focus { std::clamp(request.focus.x, 0.0f, 1.0f),
        std::clamp(request.focus.y, 0.0f, 1.0f) };
    core::Point offset { std::clamp(focus.x * sw - bw / 2, 0.0f, std::max(0.0f, sw - bw)),
        std::clamp(focus.y * sh - bh / 2, 0.0f, std::max(0.0f, sh - bh)) };
    auto need = upright(info, sw, sh); // back in stored orientation
    auto decoded = decode_photo(info, bytes, static_cast<int>(std::ceil(need.width)),
        static_cast<int>(std::ceil(need.height)), request.budget_bytes);
    if (!decoded)
        return decoded;
    auto* source = decoded.value().get();
    // The decode may be larger than the stored size said (never smaller): scale from what came.
    auto got = upright(info, static_cast<float>(cairo_image_surface_get_width(source)),
        static_cast<float>(cairo_image_surface_get_height(source)));
    return paint_upright(source, info.orientation, sw / got.width, sh / got.height, offset,
        request.box_px.width, request.box_px.height, request.matte, request.budget_bytes);
}

bool has_transparency(cairo_surface_t* surface)
{
    auto* data = cairo_image_surface_get_data(surface);
    int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < h; ++y) {
        const uint8_t* p = data + static_cast<ptrdiff_t>(y) * stride;
        for (int x = 0; x < w; ++x)
            if (p[x * 4 + 3] != 255)
                return true;
    }
    return false;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length)
{
    auto* out = static_cast<std::vector<uint8_t>*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

const char* picture_kind_name(PictureKind kind)
{
    switch (kind) {
    case PictureKind::Svg:
        return "SVG";
    case PictureKind::Jpeg:
        return "JPEG";
    case PictureKind::Png:
        return "PNG";
    case PictureKind::Webp:
        return "WebP";
    }
    return "picture";
}

core::Result<PictureInfo> probe_picture(std::span<const uint8_t> bytes)
{
    if (bytes.empty())
        return Error { "the file is empty" };
    auto kind = sniff(bytes);
    if (!kind)
        return Error { "not a picture the kiosk can show (SVG, JPEG, PNG or WebP)" };
    if (*kind != PictureKind::Svg)
        return probe_photo(*kind, bytes);
    auto svg = load_checked_svg(bytes);
    if (!svg)
        return Error { svg.error() };
    auto size = svg.value().size;
    PictureInfo info;
    info.kind = PictureKind::Svg;
    info.width_px = static_cast<int>(std::lround(size.width));
    info.height_px = static_cast<int>(std::lround(size.height));
    return info;
}

core::Result<CairoSurfacePtr> rasterise_picture(
    std::span<const uint8_t> bytes, const RasterRequest& request)
{
    if (request.box_px.width <= 0 || request.box_px.height <= 0)
        return Error { "an empty box" };
    if (sniff(bytes) == PictureKind::Svg)
        return rasterise_svg(bytes, request); // checks as probe_picture does, parsing once
    auto info = probe_picture(bytes);
    if (!info)
        return Error { info.error() };
    return rasterise_photo(info.value(), bytes, request);
}

core::Result<PreparedPicture> prepare_picture(std::span<const uint8_t> bytes)
{
    auto probed = probe_picture(bytes);
    if (!probed)
        return Error { probed.error() };
    auto info = probed.value();
    if (!info.is_photo())
        return PreparedPicture { { bytes.begin(), bytes.end() }, info };
    auto up = upright(info, static_cast<float>(info.width_px), static_cast<float>(info.height_px));
    float long_side = std::max(up.width, up.height), short_side = std::min(up.width, up.height);
    float scale = std::min({ 1.0f, PictureLimits::STORED_LONG_PX / long_side,
        PictureLimits::STORED_SHORT_PX / short_side });
    int out_w = std::max(1, static_cast<int>(std::lround(up.width * scale)));
    int out_h = std::max(1, static_cast<int>(std::lround(up.height * scale)));
    // A source photo may be large: its decode gets the budget of the largest allowed one.
    size_t budget = static_cast<size_t>(PictureLimits::PHOTO_MAX_PIXELS) * 4;
    auto need = upright(info, static_cast<float>(out_w), static_cast<float>(out_h));
    auto decoded = decode_photo(
        info, bytes, static_cast<int>(need.width), static_cast<int>(need.height), budget);
    if (!decoded)
        return Error { decoded.error() };
    auto* source = decoded.value().get();
    auto got = upright(info, static_cast<float>(cairo_image_surface_get_width(source)),
        static_cast<float>(cairo_image_surface_get_height(source)));
    auto painted = paint_upright(source, info.orientation, out_w / got.width, out_h / got.height,
        {}, out_w, out_h, std::nullopt, budget);
    if (!painted)
        return Error { painted.error() };
    decoded.value().reset(); // the source's memory goes before the encode's
    auto* out = painted.value().get();
    PreparedPicture prepared;
    prepared.info = { PictureKind::Jpeg, out_w, out_h, 1 };
    if (has_transparency(out)) {
        prepared.info.kind = PictureKind::Png;
        if (cairo_surface_write_to_png_stream(out, append_bytes, &prepared.bytes)
            != CAIRO_STATUS_SUCCESS)
            return Error { "cannot encode the photo as PNG" };
        return prepared;
    }
    TjHandle tj(tjInitCompress());
    unsigned char* jpeg = nullptr;
    unsigned long jpeg_size = 0;
    if (!tj.handle
        || tjCompress2(tj.handle, cairo_image_surface_get_data(out), out_w,
               cairo_image_surface_get_stride(out), out_h, TJPF_BGRA, &jpeg, &jpeg_size, TJSAMP_420,
               88, 0)
            != 0) {
        tjFree(jpeg);
        return Error { std::string("cannot encode the photo as JPEG: ")
            + tjGetErrorStr2(tj.handle) };
    }
    prepared.bytes.assign(jpeg, jpeg + jpeg_size);
    tjFree(jpeg);
    return prepared;
}

std::vector<core::Size> screen_boxes()
{
    return { { 1920, 1080 }, { 1080, 1920 }, { 3840, 2160 }, { 2160, 3840 } };
}

core::Size raster_size(const PictureInfo& info, core::Size box_px)
{
    if (info.is_photo())
        return box_px;
    double scale = std::min(box_px.width / static_cast<double>(std::max(1, info.width_px)),
        box_px.height / static_cast<double>(std::max(1, info.height_px)));
    return { std::max(1, static_cast<int>(std::lround(info.width_px * scale))),
        std::max(1, static_cast<int>(std::lround(info.height_px * scale))) };
}

std::optional<std::string> verify_picture(std::span<const uint8_t> bytes,
    std::span<const core::Size> draw_at, std::span<const core::Size> fits)
{
    auto info = probe_picture(bytes);
    if (!info)
        return info.error();
    if (info.value().is_photo()
        && (std::max(info.value().width_px, info.value().height_px) > PictureLimits::STORED_LONG_PX
            || std::min(info.value().width_px, info.value().height_px)
                > PictureLimits::STORED_SHORT_PX))
        return "a stored photo of " + size_text(info.value().width_px, info.value().height_px)
            + ": larger than the compiler stores (" + std::to_string(PictureLimits::STORED_LONG_PX)
            + "x" + std::to_string(PictureLimits::STORED_SHORT_PX) + ")";
    for (auto box : fits) {
        auto size = raster_size(info.value(), box);
        if (static_cast<size_t>(size.width) * static_cast<size_t>(size.height) * 4
            > PictureLimits::RASTER_BUDGET_BYTES)
            return "at " + std::to_string(box.width) + "x" + std::to_string(box.height) + ": a "
                + std::to_string(size.width) + "x" + std::to_string(size.height)
                + " px raster is over the memory budget";
    }
    for (auto box : draw_at) {
        RasterRequest request;
        request.box_px = box;
        auto raster = rasterise_picture(bytes, request);
        if (!raster)
            return "at " + std::to_string(box.width) + "x" + std::to_string(box.height) + ": "
                + raster.error();
    }
    return std::nullopt;
}

core::Status write_png(cairo_surface_t* surface, const std::string& path)
{
    auto status = cairo_surface_write_to_png(surface, path.c_str());
    if (status != CAIRO_STATUS_SUCCESS)
        return Error { "cannot write " + path + ": " + cairo_status_to_string(status) };
    return core::ok_status();
}

} // namespace kiosk::platform
