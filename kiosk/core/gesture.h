// The gesture recogniser: plain touch samples (finger id, point, phase, time) in, gestures out.
// It never polls hardware; SDL finger and mouse events become samples in platform/input.
//
// Several visitors may touch at once. The first finger down owns the gesture; a second finger
// that lands near it (within pinch_start_max_px) makes a pinch, and a finger that lands far away
// belongs to someone else and is ignored until it lifts, so it can neither hijack a swipe nor
// turn it into a pinch.
#pragma once

#include "kiosk/core/clock.h"
#include "kiosk/core/geometry.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace kiosk::core {

enum class TouchPhase { Down, Move, Up, Cancel };

struct TouchSample {
    int64_t finger { 0 };
    Point point; // screen px
    TouchPhase phase { TouchPhase::Down };
    TimeMs time_ms { 0 };
};

struct GestureConfig {
    float tap_slop_px { 24 }; // movement still counted as a tap
    TimeMs tap_max_ms { 600 };
    TimeMs long_press_ms { 800 };
    float swipe_min_px { 120 }; // horizontal travel for a swipe
    float swipe_min_speed { 0.25f }; // px/ms at release
    float pinch_start_max_px { 700 }; // a second finger farther than this is another visitor
    // The staff sequence: a long-press in the top-left corner, then one in the top-right corner
    // within staff_sequence_ms. Corners are staff_corner_px square; 0 turns it off.
    float staff_corner_px { 0 };
    float screen_width_px { 0 };
    TimeMs staff_sequence_ms { 5000 };
    // Scales the pixel thresholds for the screen (1 at 1080 on the short side).
    static GestureConfig for_scale(float unit);
};

enum class GestureKind {
    Press, // a finger went down (feedback within one frame)
    Release, // it lifted or moved too far for a tap (feedback ends)
    Tap,
    LongPress,
    Swipe, // delta: the travel; velocity: at release
    PanBegin,
    Pan, // delta since the last Pan
    PanEnd, // velocity: for inertia
    Pinch, // center and scale since the last Pinch
    PinchEnd,
    StaffCorners, // the staff sequence was completed (after its second LongPress)
};

struct Gesture {
    GestureKind kind { GestureKind::Tap };
    Point point; // where (tap, press, pan position, pinch centre)
    Point delta; // pan: the finger's move; pinch: the centre's move since the last report
    Point velocity; // px/ms
    float scale { 1 };
};

class GestureRecognizer {
public:
    explicit GestureRecognizer(GestureConfig config = {})
        : m_config(config)
    {
    }
    void set_config(GestureConfig config) { m_config = config; }
    void feed(const TouchSample& sample, std::vector<Gesture>& out);
    // Fires a long-press when a finger has rested long enough.
    void tick(TimeMs now_ms, std::vector<Gesture>& out);
    // When tick() should next be called, if a long-press is pending.
    std::optional<TimeMs> next_deadline_ms() const;
    bool active() const { return m_primary.has_value(); }

private:
    struct Finger {
        int64_t id { 0 };
        Point start;
        Point last;
        TimeMs start_ms { 0 };
        TimeMs last_ms { 0 };
        Point velocity; // px/ms, smoothed
    };
    enum class Mode { Idle, Pending, Panning, Pinching, LongPressed };

    void end_all(std::vector<Gesture>& out);
    void long_pressed(Point at, TimeMs now_ms, std::vector<Gesture>& out);

    GestureConfig m_config;
    Mode m_mode { Mode::Idle };
    std::optional<Finger> m_primary;
    std::optional<Finger> m_second;
    std::vector<int64_t> m_ignored; // fingers of other visitors
    float m_pinch_distance { 0 };
    Point m_pinch_centre; // the fingers' midpoint at the last pinch report
    std::optional<TimeMs> m_staff_first_corner_ms; // the top-left long-press, if one was made
};

// Merges each run of consecutive Pinch reports into one (centre of the last, moves summed, scales
// multiplied). A panel reports the two fingers one event at a time, so between them the midpoint
// wobbles; handled one by one against a map held at its edge, the wobble's half that is clamped
// away would slide the place under the fingers. Merged per frame, the wobble cancels (and the
// screen does the work once).
void merge_pinches(std::vector<Gesture>& gestures);

// Double tap: fed the taps the recogniser above reports; says when one lands within
// max_gap_ms and max_distance_px of the previous tap. The pair is consumed (a third tap starts
// a new pair).
class DoubleTapRecognizer {
public:
    static constexpr TimeMs MAX_GAP_MS = 350;
    // True when this tap completes a double tap.
    bool feed(Point point, TimeMs time_ms, float max_distance_px);
    // Forgets the previous tap (a tap that hit something else, a screen entered anew).
    void reset() { m_last_ms.reset(); }

private:
    std::optional<TimeMs> m_last_ms;
    Point m_last;
};

// Pan inertia: velocity decays exponentially; step() returns the movement for dt.
struct Inertia {
    Point velocity; // px/ms
    float time_constant_ms { 325 };
    bool moving() const;
    Point step(TimeMs dt_ms);
};

} // namespace kiosk::core

namespace kiosk::core {

// How the touch panel sits relative to the picture: rotation in degrees clockwise (0, 90, 180,
// 270) and mirroring, for panels mounted or wired differently from the display.
struct TouchMapping {
    int rotation_deg { 0 };
    bool mirror_x { false };
    bool mirror_y { false };
    // Maps a panel point normalised to 0..1 onto the screen in px.
    Point map(Point normalized, Size screen) const;
};

} // namespace kiosk::core
