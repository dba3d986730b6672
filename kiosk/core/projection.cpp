// Web Mercator maths and the map camera. The fly-to follows van Wijk and Nuij, "Smooth and
// efficient zooming and panning" (2003), with rho = sqrt 2, as d3-interpolate's interpolateZoom:
// it interpolates the centre along a straight line and the visible width w along a path that
// rises (zooms out) for long hops, so the visitor sees where the flight goes.
#include "kiosk/core/projection.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::core {

namespace {

constexpr double RHO = std::numbers::sqrt2;
constexpr double RHO2 = 2;
constexpr double RHO4 = 4;
constexpr TimeMs MIN_FLIGHT_MS = 600;
constexpr TimeMs MAX_FLIGHT_MS = 2400;
// The share of the view that may show what lies beyond the region (veiled by the map screen).
constexpr double OVERSCROLL = 0.25;

double deg_to_rad(double d)
{
    return d * std::numbers::pi / 180.0;
}

} // namespace

WorldRect WorldRect::united(const WorldRect& o) const
{
    return { std::min(min_x, o.min_x), std::min(min_y, o.min_y), std::max(max_x, o.max_x),
        std::max(max_y, o.max_y) };
}

WorldRect WorldRect::around(WorldPoint a, WorldPoint b)
{
    return { std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y) };
}

WorldPoint project(LatLon p)
{
    double lat = std::clamp(p.lat_deg, -MERCATOR_MAX_LAT_DEG, MERCATOR_MAX_LAT_DEG);
    double phi = deg_to_rad(lat);
    double x = (p.lon_deg + 180.0) / 360.0;
    double y = 0.5 - std::log(std::tan(std::numbers::pi / 4 + phi / 2)) / (2 * std::numbers::pi);
    return { x, y };
}

LatLon unproject(WorldPoint p)
{
    double lon = p.x * 360.0 - 180.0;
    double n = std::numbers::pi * (1 - 2 * p.y);
    double lat = std::atan(std::sinh(n)) * 180.0 / std::numbers::pi;
    return { lat, lon };
}

double metres_per_world_unit(double lat_deg)
{
    return EARTH_CIRCUMFERENCE_M * std::cos(deg_to_rad(lat_deg));
}

WorldRect world_rect(LatLon south_west, LatLon north_east)
{
    return WorldRect::around(project(south_west), project(north_east));
}

WorldRect east_asia_region()
{
    return world_rect({ -5, 90 }, { 50, 150 });
}

double ease_in_out(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}

MapView::MapView(Size screen_px, WorldRect region)
    : m_screen(screen_px)
    , m_region(region)
    , m_centre(region.centre())
{
    m_scale = min_scale();
    apply_clamp();
}

void MapView::set_screen(Size screen_px)
{
    if (screen_px == m_screen)
        return;
    m_screen = screen_px;
    apply_clamp();
}

void MapView::set_region(WorldRect region)
{
    m_region = region;
    apply_clamp();
}

void MapView::set_min_span_m(double metres)
{
    m_min_span_m = std::max(1.0, metres);
    apply_clamp();
}

double MapView::zoom() const
{
    return std::log2(m_scale / 256.0);
}

double MapView::min_scale() const
{
    double w = std::max(1e-12, m_region.width()), h = std::max(1e-12, m_region.height());
    return std::max(1e-9,
        std::min(
            static_cast<double>(m_screen.width) / w, static_cast<double>(m_screen.height) / h));
}

double MapView::max_scale() const
{
    double lat = unproject(m_centre).lat_deg;
    double span_units = m_min_span_m / metres_per_world_unit(lat);
    double short_px = std::min(m_screen.width, m_screen.height);
    return std::max(min_scale(), short_px / span_units);
}

MapView::Target MapView::clamped(Target t) const
{
    // max_scale depends on the latitude of the centre; take the target's.
    MapView probe = *this;
    probe.m_centre = { std::clamp(t.centre.x, m_region.min_x, m_region.max_x),
        std::clamp(t.centre.y, m_region.min_y, m_region.max_y) };
    t.scale = std::clamp(t.scale, probe.min_scale(), probe.max_scale());
    double half_w = m_screen.width / 2.0 / t.scale, half_h = m_screen.height / 2.0 / t.scale;
    // Up to OVERSCROLL of the view may lie past an edge of the region (so a pinch near the edge
    // can keep its point under the fingers); a view too big for that is centred on the region.
    auto clamp_axis = [](double c, double half, double lo, double hi) {
        double inset = std::min(half * (1 - 2 * OVERSCROLL), (hi - lo) / 2);
        return std::clamp(c, lo + inset, hi - inset);
    };
    t.centre.x = clamp_axis(t.centre.x, half_w, m_region.min_x, m_region.max_x);
    t.centre.y = clamp_axis(t.centre.y, half_h, m_region.min_y, m_region.max_y);
    return t;
}

void MapView::apply_clamp()
{
    auto t = clamped({ m_centre, m_scale });
    m_centre = t.centre;
    m_scale = t.scale;
}

void MapView::set(WorldPoint centre, double scale)
{
    m_flight.reset();
    m_centre = centre;
    m_scale = scale;
    apply_clamp();
}

Point MapView::world_to_screen(WorldPoint p) const
{
    return { static_cast<float>((p.x - m_centre.x) * m_scale + m_screen.width / 2.0),
        static_cast<float>((p.y - m_centre.y) * m_scale + m_screen.height / 2.0) };
}

WorldPoint MapView::screen_to_world(Point p) const
{
    return { m_centre.x + (p.x - m_screen.width / 2.0) / m_scale,
        m_centre.y + (p.y - m_screen.height / 2.0) / m_scale };
}

WorldRect MapView::visible() const
{
    double half_w = m_screen.width / 2.0 / m_scale, half_h = m_screen.height / 2.0 / m_scale;
    return { m_centre.x - half_w, m_centre.y - half_h, m_centre.x + half_w, m_centre.y + half_h };
}

void MapView::pan_by(Point delta_px)
{
    m_flight.reset();
    m_centre.x -= delta_px.x / m_scale;
    m_centre.y -= delta_px.y / m_scale;
    apply_clamp();
}

void MapView::zoom_around(Point anchor_px, double factor)
{
    m_flight.reset();
    if (!(factor > 0) || !std::isfinite(factor))
        return;
    WorldPoint under = screen_to_world(anchor_px);
    double scale = clamped({ under, m_scale * factor }).scale;
    m_centre = { under.x - (anchor_px.x - m_screen.width / 2.0) / scale,
        under.y - (anchor_px.y - m_screen.height / 2.0) / scale };
    m_scale = scale;
    apply_clamp();
}

MapView::Target MapView::framing(const WorldRect& rect, Rect area_px) const
{
    double w = std::max(rect.width(), 1e-9), h = std::max(rect.height(), 1e-9);
    double scale = std::min(std::max(1.0f, area_px.w) / w, std::max(1.0f, area_px.h) / h);
    return looking_at(
        rect.centre(), scale, { area_px.x + area_px.w / 2, area_px.y + area_px.h / 2 });
}

MapView::Target MapView::looking_at(WorldPoint p, double scale, Point anchor_px) const
{
    scale = clamped({ p, scale }).scale;
    WorldPoint centre { p.x - (anchor_px.x - m_screen.width / 2.0) / scale,
        p.y - (anchor_px.y - m_screen.height / 2.0) / scale };
    return clamped({ centre, scale });
}

void MapView::fly_to(Target target, TimeMs now_ms, TimeMs duration_ms)
{
    target = clamped(target);
    Flight f;
    f.start_ms = now_ms;
    f.from = m_centre;
    f.from_width = m_screen.width / m_scale;
    f.to = target;
    f.to_width = m_screen.width / target.scale;
    double dx = target.centre.x - f.from.x, dy = target.centre.y - f.from.y;
    double d2 = dx * dx + dy * dy;
    double w0 = f.from_width, w1 = f.to_width;
    if (d2 < 1e-24) {
        f.d1 = 0;
        f.path_length = std::log(w1 / w0) / RHO;
    } else {
        f.d1 = std::sqrt(d2);
        double b0 = (w1 * w1 - w0 * w0 + RHO4 * d2) / (2 * w0 * RHO2 * f.d1);
        double b1 = (w1 * w1 - w0 * w0 - RHO4 * d2) / (2 * w1 * RHO2 * f.d1);
        f.r0 = std::log(std::sqrt(b0 * b0 + 1) - b0);
        double r1 = std::log(std::sqrt(b1 * b1 + 1) - b1);
        f.path_length = (r1 - f.r0) / RHO;
    }
    if (duration_ms <= 0) {
        // d3 spends a second per unit of path; a kiosk visitor wants it snappier.
        auto ms = static_cast<TimeMs>(std::fabs(f.path_length) * 450.0);
        duration_ms = std::clamp(ms, MIN_FLIGHT_MS, MAX_FLIGHT_MS);
    }
    f.duration_ms = std::max<TimeMs>(1, duration_ms);
    m_flight = f;
}

MapView::Target MapView::sample(const Flight& f, double t) const
{
    double w0 = f.from_width;
    double dx = f.to.centre.x - f.from.x, dy = f.to.centre.y - f.from.y;
    double u = t, w = 0;
    double s = t * f.path_length;
    if (f.d1 == 0) {
        w = w0 * std::exp(RHO * s);
    } else {
        double cosh_r0 = std::cosh(f.r0);
        u = w0 / (RHO2 * f.d1) * (cosh_r0 * std::tanh(RHO * s + f.r0) - std::sinh(f.r0));
        w = w0 * cosh_r0 / std::cosh(RHO * s + f.r0);
    }
    Target out { { f.from.x + u * dx, f.from.y + u * dy }, m_screen.width / w };
    // The zoomed-out middle of a long hop may not show more than the whole region.
    out.scale = std::max(out.scale, min_scale());
    return out;
}

bool MapView::step(TimeMs now_ms)
{
    if (!m_flight)
        return false;
    const Flight& f = *m_flight;
    if (now_ms >= f.start_ms + f.duration_ms) {
        m_centre = f.to.centre;
        m_scale = f.to.scale;
        m_flight.reset();
        apply_clamp();
        return false;
    }
    auto t = sample(f, flight_progress(now_ms));
    m_centre = t.centre;
    m_scale = t.scale;
    return true;
}

double MapView::flight_progress(TimeMs now_ms) const
{
    if (!m_flight)
        return 1;
    double t = static_cast<double>(now_ms - m_flight->start_ms)
        / static_cast<double>(m_flight->duration_ms);
    return ease_in_out(t);
}

std::optional<MapView::Target> MapView::flight_target() const
{
    if (!m_flight)
        return std::nullopt;
    return m_flight->to;
}

} // namespace kiosk::core
