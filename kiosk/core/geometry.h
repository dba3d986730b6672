// Plain geometry and colour values shared by layout, screens and the renderer (no SDL types).
#pragma once

#include <cstdint>

namespace kiosk::core {

struct Point {
    float x { 0 };
    float y { 0 };
    bool operator==(const Point&) const = default;
};

struct Size {
    int width { 0 };
    int height { 0 };
    bool operator==(const Size&) const = default;
};

struct Rect {
    float x { 0 };
    float y { 0 };
    float w { 0 };
    float h { 0 };
    bool contains(Point p) const { return p.x >= x && p.x < x + w && p.y >= y && p.y < y + h; }
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    Rect inset(float d) const { return { x + d, y + d, w - 2 * d, h - 2 * d }; }
    bool operator==(const Rect&) const = default;
};

struct Color {
    uint8_t r { 0 };
    uint8_t g { 0 };
    uint8_t b { 0 };
    uint8_t a { 255 };
    bool operator==(const Color&) const = default;
};

} // namespace kiosk::core
