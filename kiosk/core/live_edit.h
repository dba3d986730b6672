// The pure decisions of the editors' live preview (kiosk --watch): which file events are an
// editor's scratch files to ignore, where a saved file changed, and which screen shows the item
// written there.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace kiosk::core {

// True for the files editors write beside the real one while saving: vim's .swp/.swx and its
// "4913" probe, backups ending in ~, emacs's #autosave# and .#lock, dot files, and the .tmp,
// .part, .kate-swp, ___jb_tmp___ kinds. `name` is the file name alone, without its folder.
bool is_editor_scratch_file(std::string_view name);

// The first line (1-based) where `after` differs from `before`; nullopt when they are equal.
// A change at the very end (text appended) is the line the new text starts on.
std::optional<int> first_changed_line(std::string_view before, std::string_view after);

// Where items were written: "slide:ID" -> (file, line), as the content compiler records it.
using ItemLocations = std::map<std::string, std::pair<std::string, int>>;

// The item written in `file` at or just above `line`: the one with the greatest start line that
// is not after it (the item being edited), else the file's first. "image:" entries are skipped.
// nullopt when no item was written in `file`.
std::optional<std::string> item_at(const ItemLocations& items, std::string_view file, int line);

// The first item that references picture `image_id` ("image:ID" gives the file and line of its
// first reference; the item is the one written there).
std::optional<std::string> item_using_image(const ItemLocations& items, std::string_view image_id);

// The screen name (a kiosk --screen name) that shows an item: slide:ID, topic:ID,
// partnership:ID, chart:ID as they are; place:ID and link:ID on the map; event:ID the timeline.
std::optional<std::string> screen_for_item(std::string_view item);

} // namespace kiosk::core
