// The exhibition as plain values: what the store hands the screens and what the content compiler
// validates. No SQLite, no SDL, no files.
#pragma once

#include "kiosk/core/geometry.h"
#include "kiosk/core/lang.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::core {

struct Source {
    std::string id; // "000" … "004"
    std::string file; // the article's file name in shared/seeds
    std::string author;
    std::string publisher;
    Text3 title;
};

struct Partnership {
    std::string id;
    int order { 0 };
    std::vector<std::string> place_ids;
    std::string image; // image id (path below assets/images), may be empty
    Text3 name;
    Text3 tagline;
};

enum class TopicKind { Overview, Environment, Water, Economy, Culture, People };

struct Topic {
    std::string id;
    std::string partnership_id;
    TopicKind kind { TopicKind::Overview };
    int order { 0 };
    std::string icon;
    Text3 title;
    Text3 summary;
};

// What the compiler's probe found in a video file (and the store read back): the kiosk's timing
// and the slide's layout use it; the player trusts only the stream itself.
struct VideoInfo {
    std::string container; // "mp4" or "webm"
    std::string codec; // "h264" or "vp9"
    int width_px { 0 }; // 1..3840 (or 2160 upright)
    int height_px { 0 };
    int duration_ms { 0 }; // 1..MAX_VIDEO_DURATION_MS
    double frame_rate { 0 }; // frames per second, 1..120
};

struct Slide {
    std::string id;
    std::string topic_id;
    int order { 0 };
    int duration_ms { 10000 };
    bool attract { true };
    std::string image;
    // A photo's point (0..1 of its width and height) that every crop keeps; drawings ignore it.
    Point image_focus { 0.5f, 0.5f };
    Text3 image_credit; // a photo's credit line, shown with it; empty for drawings
    // A video (path below assets/videos) played muted in the picture's place, `image` its poster;
    // looped, or played once (the attract loop then moves on when it ends). Empty: none.
    std::string video;
    bool video_loop { true };
    VideoInfo video_info;
    std::string place_id;
    std::string chart_id;
    std::string source_id;
    Text3 title;
    Text3 body;
};

enum class PlaceKind { City, Prefecture, Site, Port };

struct Place {
    std::string id;
    PlaceKind kind { PlaceKind::City };
    double lat_deg { 0 }; // WGS84, -90..90
    double lon_deg { 0 }; // WGS84, -180..180
    std::string source_id;
    std::string coord_ref;
    std::string image;
    std::vector<std::string> slide_ids; // related slides, shown in the place's panel
    Text3 name;
    Text3 text;
    // Stands on land the map data lacks (a reclaimed island): the on-land check of the bundled
    // content skips it. Read by the compiler only (not stored in the database).
    bool offshore { false };
};

enum class LinkKind { Friendship, Sister, Cooperation };

struct Link {
    std::string id;
    std::string from_place_id;
    std::string to_place_id;
    LinkKind kind { LinkKind::Friendship };
    int since_year { 0 };
    std::string source_id;
    Text3 label;
};

// A date with the precision the article gives: year, year-month or a full day.
struct PartialDate {
    int year { 0 };
    int month { 0 }; // 0 when unknown
    int day { 0 }; // 0 when unknown
    auto operator<=>(const PartialDate&) const = default;
};

struct TimelineEvent {
    std::string id;
    PartialDate date;
    bool inferred { false }; // the article implies the year but does not print it
    std::string partnership_id;
    std::string source_id;
    Text3 text;
};

// Bar and Line: one measure over its points (years, places) on one axis. Figures: numbers that
// do not share an axis (different measures), each shown on its own. Share: the first point is
// the whole and the others parts of it, drawn as shares of one bar.
enum class ChartKind { Bar, Line, Figures, Share };

struct ChartPoint {
    double value { 0 };
    bool approx { false };
    Text3 label;
};

struct Chart {
    std::string id;
    ChartKind kind { ChartKind::Bar };
    std::string source_id;
    std::string topic_id;
    Text3 title;
    Text3 unit;
    std::vector<ChartPoint> points;
};

struct Image {
    std::string id; // path below assets/images, e.g. "cities/kitakyushu.svg"
    std::vector<uint8_t> bytes; // the SVG as written; a photo oriented, downscaled, re-encoded
};

struct Video {
    std::string id; // path below assets/videos, e.g. "signing.mp4"
    std::vector<uint8_t> bytes; // the file as written
    VideoInfo info;
};

struct ExhibitionMeta {
    std::string content_version;
    Lang default_lang { Lang::Vi };
    int idle_timeout_ms { 60000 };
    std::vector<Lang> attract_langs { Lang::Vi, Lang::Ja, Lang::En };
    Text3 title;
    Text3 subtitle;
    // Pictures of home's ways into the map and the timeline (ids below assets/images); optional.
    std::string map_image;
    std::string timeline_image;
};

// Everything the kiosk shows. Images are kept apart (loaded on demand by id).
struct Exhibition {
    ExhibitionMeta meta;
    std::vector<Source> sources;
    std::vector<Partnership> partnerships;
    std::vector<Topic> topics;
    std::vector<Slide> slides;
    std::vector<Place> places;
    std::vector<Link> links;
    std::vector<TimelineEvent> events;
    std::vector<Chart> charts;

    const Slide* find_slide(std::string_view id) const;
    const Topic* find_topic(std::string_view id) const;
    const Place* find_place(std::string_view id) const;
    const Chart* find_chart(std::string_view id) const;
    const Source* find_source(std::string_view id) const;
    const Partnership* find_partnership(std::string_view id) const;
    // The slides of the attract loop, in partnership, topic and slide order.
    std::vector<const Slide*> attract_slides() const;
    std::vector<const Topic*> topics_of(std::string_view partnership_id) const;
    std::vector<const Slide*> slides_of(std::string_view topic_id) const;
};

std::string_view topic_kind_name(TopicKind kind);
std::optional<TopicKind> parse_topic_kind(std::string_view name);
std::string_view place_kind_name(PlaceKind kind);
std::optional<PlaceKind> parse_place_kind(std::string_view name);
std::string_view link_kind_name(LinkKind kind);
std::optional<LinkKind> parse_link_kind(std::string_view name);
std::string_view chart_kind_name(ChartKind kind);
std::optional<ChartKind> parse_chart_kind(std::string_view name);
// "2009", "2014-05" or "2019-11-16"; nullopt when malformed or out of range.
std::optional<PartialDate> parse_partial_date(std::string_view text);
std::string format_partial_date(const PartialDate& date);

} // namespace kiosk::core
