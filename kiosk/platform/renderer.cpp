// DrawList playback.
#include "kiosk/platform/renderer.h"

#include "kiosk/platform/vector_painter.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::platform {

namespace {

SDL_Color to_sdl(core::Color c)
{
    return { c.r, c.g, c.b, c.a };
}

SDL_Vertex vertex(float x, float y, SDL_Color color)
{
    return { { x, y }, color, { 0, 0 } };
}

} // namespace

void Renderer::play(const core::DrawList& list, core::Size screen)
{
    m_screen = screen;
    m_clips.clear();
    SDL_RenderSetClipRect(m_renderer, nullptr);
    SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_NONE);
    auto c = list.clear_color();
    m_waiting = false;
    auto& commands = list.commands();
    // A layer first covers the whole screen: no need to clear it first (~0.5 ms at 1080p).
    if (commands.empty() || !std::holds_alternative<core::BeginLayer>(commands.front())) {
        SDL_SetRenderDrawColor(m_renderer, c.r, c.g, c.b, 255);
        SDL_RenderClear(m_renderer);
    }
    std::vector<uint64_t> used_layers;
    for (size_t i = 0; i < commands.size(); ++i) {
        if (auto* layer = std::get_if<core::BeginLayer>(&commands[i])) {
            used_layers.push_back(layer->key);
            i = play_layer(commands, i);
            continue;
        }
        play_one(commands[i]);
    }
    SDL_RenderSetClipRect(m_renderer, nullptr);
    // A layer the frame did not use is gone from the screen: its texture goes too, and so does a
    // picture painted for it in the background.
    std::erase_if(m_layers, [&](const Layer& l) {
        bool unused = std::find(used_layers.begin(), used_layers.end(), l.key) == used_layers.end();
        if (unused && m_background)
            m_background->take(l.key);
        return unused;
    });
    // Likewise a video: its decoder stops.
    if (m_videos)
        m_videos->end_frame();
}

void Renderer::play_one(const core::DrawCommand& command)
{
    std::visit(
        [&](const auto& cmd) {
            using T = std::decay_t<decltype(cmd)>;
            if constexpr (std::is_same_v<T, core::FillRect>)
                fill_rect(cmd);
            else if constexpr (std::is_same_v<T, core::StrokeRect>)
                stroke_rect(cmd);
            else if constexpr (std::is_same_v<T, core::DrawLine>)
                line(cmd);
            else if constexpr (std::is_same_v<T, core::Polyline>)
                polyline(cmd);
            else if constexpr (std::is_same_v<T, core::Triangles>)
                triangles(cmd);
            else if constexpr (std::is_same_v<T, core::DrawImage>)
                image(cmd);
            else if constexpr (std::is_same_v<T, core::DrawVideo>)
                video(cmd);
            else if constexpr (std::is_same_v<T, core::DrawText>)
                text(cmd);
            else if constexpr (std::is_same_v<T, core::PushClip>)
                push_clip(cmd.rect);
            else if constexpr (std::is_same_v<T, core::PopClip>)
                pop_clip();
        },
        command);
}

size_t Renderer::play_layer(const std::vector<core::DrawCommand>& commands, size_t begin)
{
    auto& head = std::get<core::BeginLayer>(commands[begin]);
    size_t end = begin + 1;
    while (end < commands.size() && !std::holds_alternative<core::EndLayer>(commands[end]))
        ++end;
    auto it = std::find_if(
        m_layers.begin(), m_layers.end(), [&](const Layer& l) { return l.key == head.key; });
    if (it == m_layers.end()) {
        m_layers.push_back({ head.key, ~uint64_t { 0 }, {}, {}, ~uint64_t { 0 } });
        it = m_layers.end() - 1;
    }
    float resolution = std::clamp(head.resolution, 0.25f, 1.0f);
    core::Size size {
        std::max(1, static_cast<int>(std::lround(static_cast<float>(m_screen.width) * resolution))),
        std::max(1, static_cast<int>(std::lround(static_cast<float>(m_screen.height) * resolution)))
    };
    Uint32 format = layer_format();
    // A sharp repaint of a scene already on screen goes to the background painter; the picture
    // there is shown until the new one is ready.
    if (it->version != head.version && m_background && head.may_lag && it->texture) {
        if (it->requested != head.version) {
            m_background->start({ head.key, head.version,
                { commands.begin() + static_cast<std::ptrdiff_t>(begin + 1),
                    commands.begin() + static_cast<std::ptrdiff_t>(end) },
                size, resolution, head.background, format == SDL_PIXELFORMAT_ARGB8888 });
            it->requested = head.version;
        }
        auto adopt_if_done = [&] {
            auto picture = m_background->take(head.key);
            if (picture && picture->version == head.version)
                adopt(*it, *picture, format);
        };
        adopt_if_done();
        if (it->version != head.version) {
            if (m_background->busy(head.key, head.version)) {
                m_waiting = true;
                show_layer(*it);
                return end;
            }
            adopt_if_done(); // it may have finished since
        }
        // Still not there: it could not be painted there (no memory), so it is painted here.
    }
    if (it->version != head.version && (!it->texture || it->size != size)) {
        it->texture.reset(SDL_CreateTexture(
            m_renderer, format, SDL_TEXTUREACCESS_STREAMING, size.width, size.height));
        it->size = size;
    }
    if (it->texture && it->version != head.version) {
        // The shapes are painted straight into the texture's pixels (the software renderer
        // hands out the texture's own memory: no copy).
        void* pixels = nullptr;
        int pitch = 0;
        bool painted = false;
        if (SDL_LockTexture(it->texture.get(), nullptr, &pixels, &pitch) == 0) {
            painted = paint_shapes(std::span(commands).subspan(begin + 1, end - begin - 1),
                { pixels, pitch, size, format == SDL_PIXELFORMAT_ARGB8888 }, resolution,
                head.background);
            SDL_UnlockTexture(it->texture.get());
        }
        if (painted)
            it->version = head.version;
        else
            it->texture.reset();
    }
    if (!it->texture) {
        // No memory for the layer: draw its content straight, every frame.
        auto bg = head.background;
        plain_rect(0, 0, static_cast<float>(m_screen.width), static_cast<float>(m_screen.height),
            { bg.r, bg.g, bg.b, 255 });
        for (size_t i = begin + 1; i < end; ++i)
            play_one(commands[i]);
        return end;
    }
    show_layer(*it);
    return end;
}

Uint32 Renderer::layer_format()
{
    // The picture in the screen's own format when that is XRGB (X11 at depth 24): a copy that
    // must convert ARGB to XRGB while it stretches takes SDL's slow per-pixel path (~3 ms).
    if (!m_layer_format) {
        SDL_Window* window = SDL_RenderGetWindow(m_renderer);
        bool xrgb = window && SDL_GetWindowPixelFormat(window) == SDL_PIXELFORMAT_RGB888;
        m_layer_format = xrgb ? SDL_PIXELFORMAT_RGB888 : SDL_PIXELFORMAT_ARGB8888;
    }
    return *m_layer_format;
}

void Renderer::show_layer(const Layer& layer)
{
    // The kept picture, stretched to the screen when it was painted smaller.
    SDL_SetTextureBlendMode(layer.texture.get(), SDL_BLENDMODE_NONE);
    SDL_Rect dest { 0, 0, m_screen.width, m_screen.height };
    SDL_RenderCopy(m_renderer, layer.texture.get(), nullptr, &dest);
}

void Renderer::adopt(Layer& layer, const BackgroundPainter::Picture& picture, Uint32 format)
{
    if (!layer.texture || layer.size != picture.size) {
        TexturePtr texture(SDL_CreateTexture(m_renderer, format, SDL_TEXTUREACCESS_STREAMING,
            picture.size.width, picture.size.height));
        if (!texture)
            return; // the old picture stays; the next frame paints here
        layer.texture = std::move(texture);
        layer.size = picture.size;
    }
    if (SDL_UpdateTexture(
            layer.texture.get(), nullptr, picture.pixels.data(), picture.size.width * 4)
        == 0)
        layer.version = picture.version;
}

void Renderer::finish_background()
{
    if (m_background)
        m_background->wait_idle();
}

void Renderer::set_background_painting(bool on)
{
    if (on && !m_background)
        m_background = std::make_unique<BackgroundPainter>();
    else if (!on)
        m_background.reset();
}

void Renderer::plain_rect(float x, float y, float w, float h, SDL_Color color)
{
    // Opaque fills skip blending: the software renderer then fills rows with memset speed.
    SDL_SetRenderDrawBlendMode(
        m_renderer, color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(m_renderer, color.r, color.g, color.b, color.a);
    SDL_FRect rect { x, y, w, h };
    SDL_RenderFillRectF(m_renderer, &rect);
}

void Renderer::fill_rect(const core::FillRect& command)
{
    // Whole pixels, so the body rectangles and the corner fans meet without a seam.
    core::Rect r { std::round(command.rect.x), std::round(command.rect.y),
        std::round(command.rect.w), std::round(command.rect.h) };
    if (r.w <= 0 || r.h <= 0 || command.color.a == 0)
        return;
    SDL_Color color = to_sdl(command.color);
    float radius = std::floor(std::min({ command.radius, r.w / 2, r.h / 2 }));
    if (radius < 1) {
        plain_rect(r.x, r.y, r.w, r.h, color);
        return;
    }
    // A rounded rectangle as plain row fills: the middle in one rectangle, and each row of the
    // rounded top and bottom as one rectangle as wide as the circle allows there. No triangles
    // (the software rasteriser is slow and leaves seams) and no row is filled twice, so
    // translucent colours blend once.
    plain_rect(r.x, r.y + radius, r.w, r.h - 2 * radius, color);
    SDL_SetRenderDrawBlendMode(
        m_renderer, color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(m_renderer, color.r, color.g, color.b, color.a);
    m_rows.clear();
    int rows = static_cast<int>(radius);
    for (int i = 0; i < rows; ++i) {
        // Row i from the top edge: the circle's half-width at the row's middle.
        float dy = radius - (static_cast<float>(i) + 0.5f);
        float inset = radius - std::sqrt(std::max(0.0f, radius * radius - dy * dy));
        float x = std::round(r.x + inset), w = std::round(r.w - 2 * inset);
        m_rows.push_back({ x, r.y + static_cast<float>(i), w, 1 });
        m_rows.push_back({ x, r.bottom() - static_cast<float>(i) - 1, w, 1 });
    }
    SDL_RenderFillRectsF(m_renderer, m_rows.data(), static_cast<int>(m_rows.size()));
}

void Renderer::text(const core::DrawText& command)
{
    if (command.color.a == 0)
        return;
    int basis = std::min(m_screen.width, m_screen.height);
    if (command.style.valign == core::VAlign::Top) {
        m_text.draw(command, basis);
        return;
    }
    core::Size box { static_cast<int>(command.box.w), static_cast<int>(command.box.h) };
    auto& layout = m_text.layout(command.text, command.style, box, basis);
    float free = std::max(0.0f, command.box.h - layout.height);
    core::DrawText moved = command;
    moved.box.y += command.style.valign == core::VAlign::Middle ? free / 2 : free;
    moved.box.h = command.box.h - free;
    m_text.draw(moved, basis);
}

void Renderer::stroke_rect(const core::StrokeRect& command)
{
    auto& r = command.rect;
    float t = command.thickness;
    fill_rect({ { r.x, r.y, r.w, t }, command.color, 0 });
    fill_rect({ { r.x, r.bottom() - t, r.w, t }, command.color, 0 });
    fill_rect({ { r.x, r.y + t, t, r.h - 2 * t }, command.color, 0 });
    fill_rect({ { r.right() - t, r.y + t, t, r.h - 2 * t }, command.color, 0 });
}

void Renderer::line(const core::DrawLine& command)
{
    float dx = command.to.x - command.from.x, dy = command.to.y - command.from.y;
    float length = std::hypot(dx, dy);
    if (length < 0.01f)
        return;
    float nx = -dy / length * command.thickness / 2, ny = dx / length * command.thickness / 2;
    SDL_Color color = to_sdl(command.color);
    SDL_Vertex quad[4] = {
        vertex(command.from.x + nx, command.from.y + ny, color),
        vertex(command.to.x + nx, command.to.y + ny, color),
        vertex(command.to.x - nx, command.to.y - ny, color),
        vertex(command.from.x - nx, command.from.y - ny, color),
    };
    int indices[6] = { 0, 1, 2, 0, 2, 3 };
    SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(m_renderer, nullptr, quad, 4, indices, 6);
}

void Renderer::polyline(const core::Polyline& command)
{
    for (size_t i = 1; i < command.points.size(); ++i)
        line({ command.points[i - 1], command.points[i], command.color, command.thickness });
}

void Renderer::triangles(const core::Triangles& command)
{
    if (command.points.size() < 3)
        return;
    SDL_Color color = to_sdl(command.color);
    m_vertices.clear();
    m_vertices.reserve(command.points.size());
    for (auto& p : command.points)
        m_vertices.push_back(vertex(p.x, p.y, color));
    int count = static_cast<int>(m_vertices.size() / 3 * 3);
    // Opaque triangles without blending take the rasteriser's plain fill.
    SDL_SetRenderDrawBlendMode(
        m_renderer, color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(m_renderer, nullptr, m_vertices.data(), count, nullptr, 0);
}

// Images are rasterised once at the size they are drawn (plus a margin for the slow pan, see
// drawn_box), so every frame is a 1:1 blit: the software renderer's scaled blits are many times
// slower.
ImageCache::Entry Renderer::image_texture(const core::DrawImage& command)
{
    auto box = drawn_box(command);
    if (box.width < 1 || box.height < 1)
        return {};
    return m_images.get(command.image_id, box, command.focus);
}

void Renderer::preload(const core::DrawList& list, core::Size screen)
{
    m_screen = screen;
    // Text is shaped and rasterised into the text cache by drawing it into a one-pixel clip
    // (what would be drawn is thrown away; the textures stay).
    SDL_Rect nothing { 0, 0, 1, 1 };
    SDL_RenderSetClipRect(m_renderer, &nothing);
    for (auto& command : list.commands()) {
        const core::DrawImage* image = std::get_if<core::DrawImage>(&command);
        std::optional<core::DrawImage> poster;
        if (auto* video = std::get_if<core::DrawVideo>(&command);
            video && !video->poster_id.empty())
            image = &poster.emplace(core::poster_of(*video));
        if (image) {
            if (auto box = drawn_box(*image); box.width >= 1 && box.height >= 1)
                m_images.preload(image->image_id, box, image->focus);
        } else if (auto* text = std::get_if<core::DrawText>(&command))
            m_text.draw(*text, std::min(screen.width, screen.height));
    }
    SDL_RenderSetClipRect(m_renderer, nullptr);
}

void Renderer::image(const core::DrawImage& command)
{
    auto& box = command.rect;
    if (command.alpha <= 0)
        return;
    auto entry = image_texture(command);
    if (!entry.texture)
        return;
    float w = static_cast<float>(entry.width), h = static_cast<float>(entry.height);
    // Centred in the box, moved by pan within the free travel, on whole pixels.
    float x = std::round(box.x + (box.w - w) / 2 - command.pan.x * std::max(0.0f, (w - box.w) / 2));
    float y = std::round(box.y + (box.h - h) / 2 - command.pan.y * std::max(0.0f, (h - box.h) / 2));
    SDL_Rect dest { static_cast<int>(x), static_cast<int>(y), entry.width, entry.height };
    SDL_SetTextureAlphaMod(
        entry.texture, static_cast<Uint8>(std::clamp(command.alpha, 0.0f, 1.0f) * 255));
    bool clip = w > box.w + 0.5f || h > box.h + 0.5f;
    if (clip)
        push_clip(box);
    SDL_RenderCopy(m_renderer, entry.texture, nullptr, &dest);
    if (clip)
        pop_clip();
}

void Renderer::video(const core::DrawVideo& command)
{
    auto& box = command.rect;
    if (command.alpha <= 0 || box.w < 1 || box.h < 1)
        return;
    VideoPlayers::Shown shown;
    if (m_videos)
        shown = m_videos->show(command.video_id, command.loop, command.play_ms,
            { static_cast<int>(box.w), static_cast<int>(box.h) });
    if (!shown.texture) {
        if (!command.poster_id.empty())
            image(core::poster_of(command));
        return;
    }
    // Contained and centred; the decoder has already scaled the frame to fit, so this is 1:1.
    float scale = std::min(
        box.w / static_cast<float>(shown.width), box.h / static_cast<float>(shown.height));
    scale = std::min(scale, 1.0f);
    int w = static_cast<int>(std::round(static_cast<float>(shown.width) * scale));
    int h = static_cast<int>(std::round(static_cast<float>(shown.height) * scale));
    SDL_Rect dest { static_cast<int>(std::round(box.x + (box.w - static_cast<float>(w)) / 2)),
        static_cast<int>(std::round(box.y + (box.h - static_cast<float>(h)) / 2)), w, h };
    SDL_SetTextureAlphaMod(
        shown.texture, static_cast<Uint8>(std::clamp(command.alpha, 0.0f, 1.0f) * 255));
    SDL_SetTextureBlendMode(
        shown.texture, command.alpha < 1 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    SDL_RenderCopy(m_renderer, shown.texture, nullptr, &dest);
}

void Renderer::push_clip(const core::Rect& rect)
{
    SDL_Rect r { static_cast<int>(std::floor(rect.x)), static_cast<int>(std::floor(rect.y)),
        static_cast<int>(std::ceil(rect.w)), static_cast<int>(std::ceil(rect.h)) };
    if (!m_clips.empty())
        SDL_IntersectRect(&m_clips.back(), &r, &r);
    m_clips.push_back(r);
    SDL_RenderSetClipRect(m_renderer, &m_clips.back());
}

void Renderer::pop_clip()
{
    if (!m_clips.empty())
        m_clips.pop_back();
    SDL_RenderSetClipRect(m_renderer, m_clips.empty() ? nullptr : &m_clips.back());
}

} // namespace kiosk::platform
