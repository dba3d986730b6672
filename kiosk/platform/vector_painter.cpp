// Layer shapes through cairo.
#include "kiosk/platform/vector_painter.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

namespace kiosk::platform {

namespace {

void set_colour(cairo_t* cr, core::Color c)
{
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

// Straight colours over the opaque picture: SOURCE for opaque fills (no blending), OVER else.
void set_fill(cairo_t* cr, core::Color c)
{
    set_colour(cr, c);
    cairo_set_operator(cr, c.a == 255 ? CAIRO_OPERATOR_SOURCE : CAIRO_OPERATOR_OVER);
}

void rounded_rect(cairo_t* cr, const core::Rect& r, float radius)
{
    double rad = std::min({ static_cast<double>(radius), r.w / 2.0, r.h / 2.0 });
    if (rad < 0.5) {
        cairo_rectangle(cr, r.x, r.y, r.w, r.h);
        return;
    }
    constexpr double quarter = std::numbers::pi / 2;
    cairo_new_sub_path(cr);
    cairo_arc(cr, r.right() - rad, r.y + rad, rad, -quarter, 0);
    cairo_arc(cr, r.right() - rad, r.bottom() - rad, rad, 0, quarter);
    cairo_arc(cr, r.x + rad, r.bottom() - rad, rad, quarter, 2 * quarter);
    cairo_arc(cr, r.x + rad, r.y + rad, rad, 2 * quarter, 3 * quarter);
    cairo_close_path(cr);
}

void stroke(cairo_t* cr, core::Color color, float thickness)
{
    set_colour(cr, color);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_set_line_width(cr, thickness);
    cairo_stroke(cr);
}

} // namespace

bool paint_shapes(std::span<const core::DrawCommand> commands, PixelTarget target, float scale,
    core::Color background)
{
    if (!target.pixels || target.size.width <= 0 || target.size.height <= 0)
        return false;
    CairoSurfacePtr surface(
        cairo_image_surface_create_for_data(static_cast<unsigned char*>(target.pixels),
            target.alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, target.size.width,
            target.size.height, target.pitch));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return false;
    CairoPtr cairo(cairo_create(surface.get()));
    cairo_t* cr = cairo.get();
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return false;
    set_fill(cr, { background.r, background.g, background.b, 255 });
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_tolerance(cr, 0.25);
    // Lines in a row with the same colour and width gather in one path and are stroked at once
    // (much faster than a stroke each, and where they cross, a translucent colour is not
    // doubled).
    struct Pen {
        core::Color color;
        float thickness { 0 };
    };
    std::optional<Pen> pen;
    auto flush = [&] {
        if (pen)
            stroke(cr, pen->color, pen->thickness);
        pen.reset();
    };
    auto pen_for = [&](core::Color color, float thickness) {
        if (pen && (pen->color != color || pen->thickness != thickness))
            flush();
        if (!pen) {
            cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT);
            pen = Pen { color, thickness };
        }
    };
    for (auto& command : commands) {
        bool is_line = std::holds_alternative<core::DrawLine>(command)
            || std::holds_alternative<core::Polyline>(command);
        if (!is_line)
            flush();
        if (auto* fill = std::get_if<core::FillRect>(&command)) {
            if (fill->color.a == 0 || fill->rect.w <= 0 || fill->rect.h <= 0)
                continue;
            cairo_set_antialias(
                cr, fill->radius >= 0.5f ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
            rounded_rect(cr, fill->rect, fill->radius);
            set_fill(cr, fill->color);
            cairo_fill(cr);
        } else if (auto* frame = std::get_if<core::StrokeRect>(&command)) {
            auto& r = frame->rect;
            float t = frame->thickness;
            cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
            cairo_rectangle(cr, r.x, r.y, r.w, r.h);
            cairo_rectangle(cr, r.x + t, r.y + t, r.w - 2 * t, r.h - 2 * t); // the hole
            cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
            set_fill(cr, frame->color);
            cairo_fill(cr);
            cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
        } else if (auto* line = std::get_if<core::DrawLine>(&command)) {
            if (line->color.a == 0)
                continue;
            pen_for(line->color, line->thickness);
            cairo_move_to(cr, line->from.x, line->from.y);
            cairo_line_to(cr, line->to.x, line->to.y);
        } else if (auto* poly = std::get_if<core::Polyline>(&command)) {
            if (poly->color.a == 0 || poly->points.size() < 2)
                continue;
            pen_for(poly->color, poly->thickness);
            cairo_move_to(cr, poly->points.front().x, poly->points.front().y);
            for (size_t i = 1; i < poly->points.size(); ++i)
                cairo_line_to(cr, poly->points[i].x, poly->points[i].y);
        } else if (auto* tri = std::get_if<core::Triangles>(&command)) {
            if (tri->color.a == 0 || tri->points.size() < 3)
                continue;
            // One path, filled once, every triangle wound the same way: the coverage of the
            // union is what is anti-aliased, so shared edges leave no seam and overlaps add up
            // instead of cancelling under the non-zero rule. A reduced picture (the map while
            // it moves, stretched and soon replaced) takes whole pixels: 1.5x faster.
            cairo_set_antialias(cr, scale >= 1.0f ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
            auto& p = tri->points;
            for (size_t i = 0; i + 2 < p.size(); i += 3) {
                auto &a = p[i], &b = p[i + 1], &c = p[i + 2];
                float area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
                auto& second = area >= 0 ? b : c;
                auto& third = area >= 0 ? c : b;
                cairo_move_to(cr, a.x, a.y);
                cairo_line_to(cr, second.x, second.y);
                cairo_line_to(cr, third.x, third.y);
                cairo_close_path(cr);
            }
            set_fill(cr, tri->color);
            cairo_fill(cr);
        }
    }
    flush();
    cairo_surface_flush(surface.get());
    return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

BackgroundPainter::BackgroundPainter()
    : m_thread([this](std::stop_token stop) { work(stop); })
{
}

BackgroundPainter::~BackgroundPainter()
{
    m_thread.request_stop();
    m_wake.notify_all();
}

void BackgroundPainter::start(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        m_queued = std::move(job);
    }
    m_wake.notify_all();
}

bool BackgroundPainter::busy(uint64_t key, uint64_t version) const
{
    std::lock_guard lock(m_mutex);
    auto id = std::pair { key, version };
    return (m_queued && m_queued->key == key && m_queued->version == version) || m_painting == id;
}

bool BackgroundPainter::busy() const
{
    std::lock_guard lock(m_mutex);
    return m_queued || m_painting;
}

void BackgroundPainter::wait_idle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [&] { return !m_queued && !m_painting; });
}

std::optional<BackgroundPainter::Picture> BackgroundPainter::take(uint64_t key)
{
    std::lock_guard lock(m_mutex);
    if (!m_done || m_done->key != key)
        return std::nullopt;
    auto picture = std::move(m_done);
    m_done.reset();
    return picture;
}

void BackgroundPainter::work(std::stop_token stop)
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait(lock, stop, [&] { return m_queued.has_value(); });
        if (stop.stop_requested())
            return;
        Job job = std::move(*m_queued);
        m_queued.reset();
        m_painting = std::pair { job.key, job.version };
        lock.unlock();
        Picture picture { job.key, job.version, job.size, {} };
        picture.pixels.resize(static_cast<size_t>(job.size.width) * job.size.height);
        bool ok = paint_shapes(job.commands,
            { picture.pixels.data(), job.size.width * 4, job.size, job.alpha }, job.scale,
            job.background);
        lock.lock();
        m_painting.reset();
        if (ok)
            m_done = std::move(picture);
        m_idle.notify_all();
    }
}

} // namespace kiosk::platform
