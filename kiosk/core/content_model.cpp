// Look-ups and enum names for the content model.
#include "kiosk/core/content_model.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <map>

namespace kiosk::core {

namespace {

template<typename T> const T* find_by_id(const std::vector<T>& items, std::string_view id)
{
    auto it
        = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

template<typename E, size_t N>
std::optional<E> parse_enum(const std::array<std::string_view, N>& names, std::string_view name)
{
    for (size_t i = 0; i < N; ++i) {
        if (names[i] == name)
            return static_cast<E>(i);
    }
    return std::nullopt;
}

constexpr std::array<std::string_view, 6> TOPIC_KIND_NAMES { "overview", "environment", "water",
    "economy", "culture", "people" };
constexpr std::array<std::string_view, 4> PLACE_KIND_NAMES { "city", "prefecture", "site", "port" };
constexpr std::array<std::string_view, 3> LINK_KIND_NAMES { "friendship", "sister", "cooperation" };
constexpr std::array<std::string_view, 4> CHART_KIND_NAMES { "bar", "line", "figures", "share" };

} // namespace

const Slide* Exhibition::find_slide(std::string_view id) const
{
    return find_by_id(slides, id);
}
const Topic* Exhibition::find_topic(std::string_view id) const
{
    return find_by_id(topics, id);
}
const Place* Exhibition::find_place(std::string_view id) const
{
    return find_by_id(places, id);
}
const Chart* Exhibition::find_chart(std::string_view id) const
{
    return find_by_id(charts, id);
}
const Source* Exhibition::find_source(std::string_view id) const
{
    return find_by_id(sources, id);
}
const Partnership* Exhibition::find_partnership(std::string_view id) const
{
    return find_by_id(partnerships, id);
}

std::vector<const Topic*> Exhibition::topics_of(std::string_view partnership_id) const
{
    std::vector<const Topic*> out;
    for (auto& topic : topics) {
        if (topic.partnership_id == partnership_id)
            out.push_back(&topic);
    }
    std::stable_sort(
        out.begin(), out.end(), [](const Topic* a, const Topic* b) { return a->order < b->order; });
    return out;
}

std::vector<const Slide*> Exhibition::slides_of(std::string_view topic_id) const
{
    std::vector<const Slide*> out;
    for (auto& slide : slides) {
        if (slide.topic_id == topic_id)
            out.push_back(&slide);
    }
    std::stable_sort(
        out.begin(), out.end(), [](const Slide* a, const Slide* b) { return a->order < b->order; });
    return out;
}

std::vector<const Slide*> Exhibition::attract_slides() const
{
    std::vector<const Partnership*> parts;
    for (auto& p : partnerships)
        parts.push_back(&p);
    std::stable_sort(parts.begin(), parts.end(),
        [](const Partnership* a, const Partnership* b) { return a->order < b->order; });
    std::vector<const Slide*> out;
    std::vector<bool> taken(slides.size(), false);
    auto take = [&](const Slide* slide) {
        if (!slide->attract)
            return;
        out.push_back(slide);
        taken[static_cast<size_t>(slide - slides.data())] = true;
    };
    for (auto* part : parts) {
        for (auto* topic : topics_of(part->id)) {
            for (auto* slide : slides_of(topic->id))
                take(slide);
        }
    }
    // Slides whose topic belongs to no partnership still play, after the rest, in file order.
    for (size_t i = 0; i < slides.size(); ++i) {
        if (!taken[i] && slides[i].attract)
            out.push_back(&slides[i]);
    }
    return out;
}

std::string_view topic_kind_name(TopicKind kind)
{
    return TOPIC_KIND_NAMES[static_cast<size_t>(kind)];
}
std::optional<TopicKind> parse_topic_kind(std::string_view name)
{
    return parse_enum<TopicKind>(TOPIC_KIND_NAMES, name);
}
std::string_view place_kind_name(PlaceKind kind)
{
    return PLACE_KIND_NAMES[static_cast<size_t>(kind)];
}
std::optional<PlaceKind> parse_place_kind(std::string_view name)
{
    return parse_enum<PlaceKind>(PLACE_KIND_NAMES, name);
}
std::string_view link_kind_name(LinkKind kind)
{
    return LINK_KIND_NAMES[static_cast<size_t>(kind)];
}
std::optional<LinkKind> parse_link_kind(std::string_view name)
{
    return parse_enum<LinkKind>(LINK_KIND_NAMES, name);
}
std::string_view chart_kind_name(ChartKind kind)
{
    return CHART_KIND_NAMES[static_cast<size_t>(kind)];
}
std::optional<ChartKind> parse_chart_kind(std::string_view name)
{
    return parse_enum<ChartKind>(CHART_KIND_NAMES, name);
}

std::optional<PartialDate> parse_partial_date(std::string_view text)
{
    PartialDate date;
    auto parse_part
        = [](std::string_view part, size_t digits, int lo, int hi) -> std::optional<int> {
        if (part.size() != digits)
            return std::nullopt;
        int value = 0;
        auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (ec != std::errc {} || ptr != part.data() + part.size() || value < lo || value > hi)
            return std::nullopt;
        return value;
    };
    auto year = parse_part(text.substr(0, 4), 4, 1000, 2999);
    if (!year)
        return std::nullopt;
    date.year = *year;
    if (text.size() == 4)
        return date;
    if (text.size() < 7 || text[4] != '-')
        return std::nullopt;
    auto month = parse_part(text.substr(5, 2), 2, 1, 12);
    if (!month)
        return std::nullopt;
    date.month = *month;
    if (text.size() == 7)
        return date;
    if (text.size() != 10 || text[7] != '-')
        return std::nullopt;
    auto day = parse_part(text.substr(8, 2), 2, 1, 31);
    if (!day)
        return std::nullopt;
    // The calendar decides (2023-02-29 and 2023-04-31 do not exist).
    std::chrono::year_month_day ymd { std::chrono::year { date.year },
        std::chrono::month { static_cast<unsigned>(date.month) },
        std::chrono::day { static_cast<unsigned>(*day) } };
    if (!ymd.ok())
        return std::nullopt;
    date.day = *day;
    return date;
}

std::string format_partial_date(const PartialDate& date)
{
    char buffer[16];
    if (date.day)
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    else if (date.month)
        std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
    else
        std::snprintf(buffer, sizeof buffer, "%04d", date.year);
    return buffer;
}

} // namespace kiosk::core
