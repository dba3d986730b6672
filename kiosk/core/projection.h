// Web Mercator between latitude/longitude and normalised world units (0..1 on both axes, y grows
// south), and MapView: the camera of the interactive map (pan, pinch-zoom, clamping to the
// region, animated fly-to on the virtual clock). Pure: no SDL, no clock reads.
#pragma once

#include "kiosk/core/clock.h"
#include "kiosk/core/geometry.h"

#include <optional>

namespace kiosk::core {

struct LatLon {
    double lat_deg { 0 }; // -85.05..85.05 (Web Mercator's limit)
    double lon_deg { 0 }; // -180..180
};

// A point in normalised Web Mercator: x = 0 at 180 W, 1 at 180 E; y = 0 at 85.05 N, 1 at 85.05 S.
struct WorldPoint {
    double x { 0 };
    double y { 0 };
    bool operator==(const WorldPoint&) const = default;
};

struct WorldRect {
    double min_x { 0 };
    double min_y { 0 };
    double max_x { 0 };
    double max_y { 0 };
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    WorldPoint centre() const { return { (min_x + max_x) / 2, (min_y + max_y) / 2 }; }
    bool contains(WorldPoint p) const
    {
        return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y;
    }
    bool intersects(const WorldRect& o) const
    {
        return min_x <= o.max_x && o.min_x <= max_x && min_y <= o.max_y && o.min_y <= max_y;
    }
    // The smallest rect holding both.
    WorldRect united(const WorldRect& o) const;
    WorldRect expanded(double d) const { return { min_x - d, min_y - d, max_x + d, max_y + d }; }
    static WorldRect around(WorldPoint a, WorldPoint b);
};

inline constexpr double MERCATOR_MAX_LAT_DEG = 85.0511287798066;
inline constexpr double EARTH_CIRCUMFERENCE_M = 40075016.686; // at the equator (WGS84)

WorldPoint project(LatLon p);
LatLon unproject(WorldPoint p);
// Metres on the ground per world unit at a latitude (Mercator stretches by 1 / cos(lat)).
double metres_per_world_unit(double lat_deg);
// The kiosk's map region: lon 90..150 E, lat 5 S..50 N (the box the map file is clipped to).
WorldRect east_asia_region();
// The box of a lat/lon range (south-west and north-east corners).
WorldRect world_rect(LatLon south_west, LatLon north_east);

// Ease in-out (cubic) of t in 0..1.
double ease_in_out(double t);

// The map camera: a centre in world units and a scale in screen px per world unit; the screen
// centre shows the centre. Every change is clamped so the view stays on the region: the centre
// stays inside it and at most a quarter of the view (on each axis) may lie past its edge; a view
// too large for that is centred on it. Zoom runs from the whole region fitting the screen down to
// min_span_m across the short side.
class MapView {
public:
    MapView() = default;
    MapView(Size screen_px, WorldRect region);

    // A new screen size keeps the centre and the zoom (then clamps).
    void set_screen(Size screen_px);
    Size screen() const { return m_screen; }
    void set_region(WorldRect region);
    const WorldRect& region() const { return m_region; }
    // The narrowest view, in metres across the short side of the screen (street level).
    void set_min_span_m(double metres);

    WorldPoint centre() const { return m_centre; }
    double scale() const { return m_scale; } // screen px per world unit
    // log2(scale / 256): the usual tile zoom (0 = the world in 256 px).
    double zoom() const;
    double min_scale() const;
    double max_scale() const;
    // Sets centre and scale at once (clamped); stops a fly-to.
    void set(WorldPoint centre, double scale);

    Point world_to_screen(WorldPoint p) const;
    WorldPoint screen_to_world(Point p) const;
    // What the screen shows, in world units.
    WorldRect visible() const;

    // The finger moved by delta px: the map moves with it. Stops a fly-to.
    void pan_by(Point delta_px);
    // Zooms by factor (> 1 = in) keeping the world point under `anchor_px` where it is (until
    // clamping has to move it). Stops a fly-to.
    void zoom_around(Point anchor_px, double factor);

    // The centre and scale that frame `rect` inside `area_px` (a part of the screen, e.g. beside
    // a panel), clamped; `rect` fills at most the area's smaller relative side.
    struct Target {
        WorldPoint centre;
        double scale { 1 };
    };
    Target framing(const WorldRect& rect, Rect area_px) const;
    // The centre and scale that put `p` at `anchor_px` at `scale`, clamped.
    Target looking_at(WorldPoint p, double scale, Point anchor_px) const;
    Target clamped(Target t) const;

    // Animated flight to a target (zooming out then in for long hops: van Wijk and Nuij's
    // smooth zoom-pan path). duration_ms 0 picks one from the path length (0.6 to 2.4 s).
    void fly_to(Target target, TimeMs now_ms, TimeMs duration_ms = 0);
    // Advances a flight to now_ms; returns true while it is still under way.
    bool step(TimeMs now_ms);
    bool flying() const { return m_flight.has_value(); }
    void stop() { m_flight.reset(); }
    // 0..1 of the flight's time, eased; 1 when not flying.
    double flight_progress(TimeMs now_ms) const;
    std::optional<Target> flight_target() const;

private:
    struct Flight {
        TimeMs start_ms { 0 };
        TimeMs duration_ms { 1 };
        WorldPoint from;
        double from_width { 1 }; // world units across the screen's width
        Target to;
        double to_width { 1 };
        // The path (van Wijk and Nuij, rho = sqrt 2).
        double d1 { 0 };
        double r0 { 0 };
        double path_length { 0 };
    };
    Target sample(const Flight& f, double t) const;
    void apply_clamp();

    Size m_screen { 1920, 1080 };
    WorldRect m_region {};
    double m_min_span_m { 3000 };
    WorldPoint m_centre { 0.5, 0.5 };
    double m_scale { 1024 };
    std::optional<Flight> m_flight;
};

} // namespace kiosk::core
