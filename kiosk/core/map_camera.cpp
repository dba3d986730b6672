// Great circles by spherical linear interpolation of unit vectors; see map_camera.h.
#include "kiosk/core/map_camera.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::core {

namespace {

struct Vec3 {
    double x, y, z;
};

Vec3 to_vec(LatLon p)
{
    double lat = p.lat_deg * std::numbers::pi / 180, lon = p.lon_deg * std::numbers::pi / 180;
    return { std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat) };
}

LatLon to_lat_lon(Vec3 v)
{
    return { std::atan2(v.z, std::hypot(v.x, v.y)) * 180 / std::numbers::pi,
        std::atan2(v.y, v.x) * 180 / std::numbers::pi };
}

} // namespace

double central_angle_rad(LatLon a, LatLon b)
{
    Vec3 u = to_vec(a), v = to_vec(b);
    return std::acos(std::clamp(u.x * v.x + u.y * v.y + u.z * v.z, -1.0, 1.0));
}

std::vector<WorldPoint> great_circle_arc(LatLon from, LatLon to, int segments, int bow)
{
    segments = std::max(segments, 1);
    Vec3 a = to_vec(from), b = to_vec(to);
    double omega = central_angle_rad(from, to);
    WorldPoint wa = project(from), wb = project(to);
    double dx = wb.x - wa.x, dy = wb.y - wa.y, len = std::hypot(dx, dy);
    // The normal that points north (up on the map).
    double nx = dy / std::max(len, 1e-12), ny = -dx / std::max(len, 1e-12);
    if (ny > 0) {
        nx = -nx;
        ny = -ny;
    }
    std::vector<WorldPoint> points;
    points.reserve(static_cast<size_t>(segments) + 1);
    for (int i = 0; i <= segments; ++i) {
        double t = static_cast<double>(i) / segments;
        Vec3 v = a;
        if (omega > 1e-9) {
            double ka = std::sin((1 - t) * omega) / std::sin(omega);
            double kb = std::sin(t * omega) / std::sin(omega);
            v = { ka * a.x + kb * b.x, ka * a.y + kb * b.y, ka * a.z + kb * b.z };
        }
        WorldPoint w = project(to_lat_lon(v));
        double push = len * 0.1 * bow * std::sin(std::numbers::pi * t);
        points.push_back({ w.x + nx * push, w.y + ny * push });
    }
    return points;
}

WorldRect square_around(WorldPoint p, double span_m)
{
    double half = span_m / 2 / metres_per_world_unit(unproject(p).lat_deg);
    return { p.x - half, p.y - half, p.x + half, p.y + half };
}

std::optional<WorldRect> framing_box(
    std::span<const WorldPoint> points, double min_span_m, double pad)
{
    if (points.empty())
        return std::nullopt;
    WorldRect rect { points[0].x, points[0].y, points[0].x, points[0].y };
    for (auto& p : points)
        rect = rect.united({ p.x, p.y, p.x, p.y });
    double d = std::max(rect.width(), rect.height()) * pad;
    return rect.united(square_around(rect.centre(), min_span_m)).expanded(d);
}

double graticule_step_deg(double px_per_deg, double min_gap_px)
{
    for (double s : { 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0 }) {
        if (s * px_per_deg >= min_gap_px)
            return s;
    }
    return 10;
}

} // namespace kiosk::core
