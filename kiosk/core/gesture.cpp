// Gesture recognition state machine.
#include "kiosk/core/gesture.h"

#include <algorithm>
#include <cmath>

namespace kiosk::core {

namespace {

float distance(Point a, Point b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}
Point midpoint(Point a, Point b)
{
    return { (a.x + b.x) / 2, (a.y + b.y) / 2 };
}

} // namespace

GestureConfig GestureConfig::for_scale(float unit)
{
    GestureConfig c;
    c.tap_slop_px *= unit;
    c.swipe_min_px *= unit;
    c.swipe_min_speed *= unit;
    c.pinch_start_max_px *= unit;
    return c;
}

void GestureRecognizer::feed(const TouchSample& s, std::vector<Gesture>& out)
{
    auto ignored = std::find(m_ignored.begin(), m_ignored.end(), s.finger);
    if (ignored != m_ignored.end()) {
        if (s.phase == TouchPhase::Up || s.phase == TouchPhase::Cancel)
            m_ignored.erase(ignored);
        return;
    }
    bool is_primary = m_primary && m_primary->id == s.finger;
    bool is_second = m_second && m_second->id == s.finger;

    if (s.phase == TouchPhase::Down) {
        if (!m_primary) {
            m_primary = Finger { s.finger, s.point, s.point, s.time_ms, s.time_ms, {} };
            m_mode = Mode::Pending;
            out.push_back({ GestureKind::Press, s.point, {}, {}, 1 });
            return;
        }
        bool near = distance(s.point, m_primary->last) <= m_config.pinch_start_max_px;
        if (!m_second && near && m_mode != Mode::LongPressed) {
            if (m_mode == Mode::Panning)
                out.push_back({ GestureKind::PanEnd, m_primary->last, {}, {}, 1 });
            else
                out.push_back({ GestureKind::Release, m_primary->last, {}, {}, 1 });
            m_second = Finger { s.finger, s.point, s.point, s.time_ms, s.time_ms, {} };
            m_mode = Mode::Pinching;
            m_pinch_distance = std::max(1.0f, distance(m_primary->last, s.point));
            m_pinch_centre = midpoint(m_primary->last, s.point);
            return;
        }
        m_ignored.push_back(s.finger);
        return;
    }
    if (!is_primary && !is_second)
        return; // a finger we never saw go down (or already ended)

    Finger& f = is_primary ? *m_primary : *m_second;
    if (s.phase == TouchPhase::Move) {
        Point delta { s.point.x - f.last.x, s.point.y - f.last.y };
        auto dt = static_cast<float>(std::max<TimeMs>(1, s.time_ms - f.last_ms));
        // Smoothed velocity: recent movement counts most.
        f.velocity = { f.velocity.x * 0.3f + delta.x / dt * 0.7f,
            f.velocity.y * 0.3f + delta.y / dt * 0.7f };
        f.last = s.point;
        f.last_ms = s.time_ms;
        if (m_mode == Mode::Pinching && m_primary && m_second) {
            float d = std::max(1.0f, distance(m_primary->last, m_second->last));
            Point centre = midpoint(m_primary->last, m_second->last);
            Point moved { centre.x - m_pinch_centre.x, centre.y - m_pinch_centre.y };
            out.push_back({ GestureKind::Pinch, centre, moved, {}, d / m_pinch_distance });
            m_pinch_distance = d;
            m_pinch_centre = centre;
            return;
        }
        if (!is_primary)
            return;
        if (m_mode == Mode::Pending && distance(f.start, f.last) > m_config.tap_slop_px) {
            m_mode = Mode::Panning;
            out.push_back({ GestureKind::Release, f.start, {}, {}, 1 });
            out.push_back({ GestureKind::PanBegin, f.start, {}, {}, 1 });
            delta = { f.last.x - f.start.x, f.last.y - f.start.y };
        }
        if (m_mode == Mode::Panning)
            out.push_back({ GestureKind::Pan, f.last, delta, f.velocity, 1 });
        return;
    }

    // Up or Cancel.
    bool cancel = s.phase == TouchPhase::Cancel;
    if (m_mode == Mode::Pinching) {
        out.push_back({ GestureKind::PinchEnd, f.last, {}, {}, 1 });
        // The remaining finger may not start a new gesture until it lifts too.
        Finger& other = is_primary ? *m_second : *m_primary;
        m_ignored.push_back(other.id);
        m_primary.reset();
        m_second.reset();
        m_mode = Mode::Idle;
        return;
    }
    if (!is_primary)
        return;
    if (cancel) {
        end_all(out);
        return;
    }
    f.last = s.point;
    Point travel { f.last.x - f.start.x, f.last.y - f.start.y };
    if (m_mode == Mode::Pending) {
        out.push_back({ GestureKind::Release, f.last, {}, {}, 1 });
        if (s.time_ms - f.start_ms <= m_config.tap_max_ms)
            out.push_back({ GestureKind::Tap, f.start, {}, {}, 1 });
    } else if (m_mode == Mode::Panning) {
        bool horizontal = std::fabs(travel.x) > std::fabs(travel.y) * 1.5f;
        bool fast = std::fabs(f.velocity.x) >= m_config.swipe_min_speed;
        if (horizontal && std::fabs(travel.x) >= m_config.swipe_min_px && fast)
            out.push_back({ GestureKind::Swipe, f.last, travel, f.velocity, 1 });
        out.push_back({ GestureKind::PanEnd, f.last, {}, f.velocity, 1 });
    } else if (m_mode == Mode::LongPressed) {
        out.push_back({ GestureKind::Release, f.last, {}, {}, 1 });
    }
    m_primary.reset();
    m_mode = Mode::Idle;
}

void merge_pinches(std::vector<Gesture>& gestures)
{
    size_t out = 0;
    for (size_t i = 0; i < gestures.size(); ++i) {
        auto& g = gestures[i];
        if (out > 0 && g.kind == GestureKind::Pinch
            && gestures[out - 1].kind == GestureKind::Pinch) {
            auto& merged = gestures[out - 1];
            merged.point = g.point;
            merged.delta = { merged.delta.x + g.delta.x, merged.delta.y + g.delta.y };
            merged.scale *= g.scale;
            continue;
        }
        gestures[out++] = g;
    }
    gestures.resize(out);
}

void GestureRecognizer::end_all(std::vector<Gesture>& out)
{
    if (m_mode == Mode::Panning)
        out.push_back({ GestureKind::PanEnd, m_primary ? m_primary->last : Point {}, {}, {}, 1 });
    else if (m_mode == Mode::Pinching)
        out.push_back({ GestureKind::PinchEnd, {}, {}, {}, 1 });
    else if (m_primary)
        out.push_back({ GestureKind::Release, m_primary->last, {}, {}, 1 });
    m_primary.reset();
    m_second.reset();
    m_mode = Mode::Idle;
}

void GestureRecognizer::tick(TimeMs now_ms, std::vector<Gesture>& out)
{
    if (m_mode != Mode::Pending || !m_primary)
        return;
    if (now_ms - m_primary->start_ms >= m_config.long_press_ms) {
        m_mode = Mode::LongPressed;
        out.push_back({ GestureKind::LongPress, m_primary->start, {}, {}, 1 });
        long_pressed(m_primary->start, now_ms, out);
    }
}

void GestureRecognizer::long_pressed(Point at, TimeMs now_ms, std::vector<Gesture>& out)
{
    float corner = m_config.staff_corner_px;
    if (corner <= 0 || at.y >= corner)
        return;
    if (at.x < corner) {
        m_staff_first_corner_ms = now_ms;
    } else if (at.x > m_config.screen_width_px - corner && m_staff_first_corner_ms
        && now_ms - *m_staff_first_corner_ms < m_config.staff_sequence_ms) {
        m_staff_first_corner_ms.reset();
        out.push_back({ GestureKind::StaffCorners, at, {}, {}, 1 });
    }
}

std::optional<TimeMs> GestureRecognizer::next_deadline_ms() const
{
    if (m_mode != Mode::Pending || !m_primary)
        return std::nullopt;
    return m_primary->start_ms + m_config.long_press_ms;
}

bool Inertia::moving() const
{
    return std::hypot(velocity.x, velocity.y) > 0.01f;
}

Point Inertia::step(TimeMs dt_ms)
{
    if (dt_ms <= 0 || !moving())
        return {};
    float dt = static_cast<float>(dt_ms);
    float decay = std::exp(-dt / time_constant_ms);
    // Exact integral of v * exp(-t / tau) over dt.
    Point moved { velocity.x * time_constant_ms * (1 - decay),
        velocity.y * time_constant_ms * (1 - decay) };
    velocity = { velocity.x * decay, velocity.y * decay };
    if (!moving())
        velocity = {};
    return moved;
}

} // namespace kiosk::core

namespace kiosk::core {

Point TouchMapping::map(Point n, Size screen) const
{
    Point p = n;
    if (mirror_x)
        p.x = 1 - p.x;
    if (mirror_y)
        p.y = 1 - p.y;
    switch (((rotation_deg % 360) + 360) % 360) {
    case 90:
        p = { 1 - p.y, p.x };
        break;
    case 180:
        p = { 1 - p.x, 1 - p.y };
        break;
    case 270:
        p = { p.y, 1 - p.x };
        break;
    default:
        break;
    }
    return { std::clamp(p.x, 0.0f, 1.0f) * static_cast<float>(screen.width),
        std::clamp(p.y, 0.0f, 1.0f) * static_cast<float>(screen.height) };
}

} // namespace kiosk::core

namespace kiosk::core {

bool DoubleTapRecognizer::feed(Point point, TimeMs time_ms, float max_distance_px)
{
    bool second = m_last_ms && time_ms - *m_last_ms <= MAX_GAP_MS
        && std::hypot(point.x - m_last.x, point.y - m_last.y) <= max_distance_px;
    if (second) {
        m_last_ms.reset();
        return true;
    }
    m_last_ms = time_ms;
    m_last = point;
    return false;
}

} // namespace kiosk::core
