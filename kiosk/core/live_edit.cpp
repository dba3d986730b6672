// Scratch-file names, the first changed line and the item under it.
#include "kiosk/core/live_edit.h"

#include <array>

namespace kiosk::core {

namespace {

bool ends_with(std::string_view text, std::string_view tail)
{
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

} // namespace

bool is_editor_scratch_file(std::string_view name)
{
    if (name.empty() || name.front() == '.' || name.back() == '~' || name == "4913")
        return true;
    if (name.front() == '#' && name.back() == '#')
        return true;
    static constexpr std::array<std::string_view, 11> tails { ".swp", ".swx", ".swo", ".swn",
        ".tmp", ".temp", ".part", ".kate-swp", "___jb_tmp___", "___jb_old___", ".crdownload" };
    for (auto tail : tails) {
        if (ends_with(name, tail))
            return true;
    }
    return false;
}

std::optional<int> first_changed_line(std::string_view before, std::string_view after)
{
    if (before == after)
        return std::nullopt;
    size_t n = std::min(before.size(), after.size());
    size_t i = 0;
    int line = 1;
    while (i < n && before[i] == after[i]) {
        if (before[i] == '\n')
            ++line;
        ++i;
    }
    return line;
}

std::optional<std::string> item_at(const ItemLocations& items, std::string_view file, int line)
{
    const std::string* best = nullptr;
    int best_line = 0;
    const std::string* first = nullptr;
    int first_line = 0;
    for (auto& [item, where] : items) {
        if (item.starts_with("image:") || where.first != file)
            continue;
        if (!first || where.second < first_line) {
            first = &item;
            first_line = where.second;
        }
        if (where.second <= line && (!best || where.second > best_line)) {
            best = &item;
            best_line = where.second;
        }
    }
    if (best)
        return *best;
    if (first)
        return *first;
    return std::nullopt;
}

std::optional<std::string> item_using_image(const ItemLocations& items, std::string_view image_id)
{
    auto it = items.find("image:" + std::string(image_id));
    if (it == items.end())
        return std::nullopt;
    return item_at(items, it->second.first, it->second.second);
}

std::optional<std::string> screen_for_item(std::string_view item)
{
    auto colon = item.find(':');
    if (colon == std::string_view::npos || colon + 1 >= item.size())
        return std::nullopt;
    auto kind = item.substr(0, colon);
    auto id = std::string(item.substr(colon + 1));
    if (kind == "slide" || kind == "topic" || kind == "partnership" || kind == "chart")
        return std::string(item);
    if (kind == "place")
        return "map:" + id;
    if (kind == "link")
        return std::string("map");
    if (kind == "event")
        return std::string("timeline");
    return std::nullopt;
}

} // namespace kiosk::core
