// The map's pure maths above the projection: great-circle arcs between places (bowed apart when
// several join the same pair), the squares and boxes views are framed on, and the graticule's
// spacing for a zoom. Used by screens/map_screen; tested in tests/core/test_map_camera.cpp.
#pragma once

#include "kiosk/core/projection.h"

#include <span>
#include <vector>

namespace kiosk::core {

// Points along the great circle from `a` to `b` (`segments` + 1 of them, both ends included), in
// world units. `bow` > 0 pushes the middle of the arc north (up on the map) by `bow` times a
// tenth of the arc's length, so arcs joining the same two places stay apart.
std::vector<WorldPoint> great_circle_arc(LatLon a, LatLon b, int segments, int bow = 0);

// The angle between two points on the sphere, in radians (0..pi).
double central_angle_rad(LatLon a, LatLon b);

// A square of `span_m` metres on the ground around a point, in world units.
WorldRect square_around(WorldPoint p, double span_m);

// The box that frames a group of places: their bounds, at least `min_span_m` across around their
// centre, padded by `pad` of the larger side. Empty input gives nullopt.
std::optional<WorldRect> framing_box(
    std::span<const WorldPoint> points, double min_span_m, double pad = 0.12);

// The graticule's spacing in degrees: the finest of 0.1, 0.2, 0.5, 1, 2, 5, 10 whose lines are at
// least `min_gap_px` apart at `px_per_deg`.
double graticule_step_deg(double px_per_deg, double min_gap_px);

} // namespace kiosk::core
