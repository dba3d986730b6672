// Compiles content/*.toml (parsed with toml++) into a core::Exhibition. Each table is read through
// a TableReader that records which keys were used, so unknown keys are reported where they stand.
// References between items are checked after everything is read, so order of files is free.
#include "kiosk/tools/content/compiler.h"

#include "kiosk/core/content_limits.h"
#include "kiosk/core/unicode.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <toml++/toml.h>

namespace kiosk::tools {

using namespace kiosk::core;

namespace {

struct Pos {
    std::string file;
    int line { 0 };
    int column { 0 };
};

Pos pos_of(const std::string& file, const toml::source_region& region)
{
    return { file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column) };
}

// A reference to check once every item is known.
struct Reference {
    enum class Kind {
        Slide,
        Topic,
        Place,
        Chart,
        Source,
        Partnership,
        Image,
        Link,
        Event,
        Video
    } kind;
    std::string id;
    Pos pos;
};

constexpr std::string_view kind_word(Reference::Kind kind)
{
    switch (kind) {
    case Reference::Kind::Slide:
        return "slide";
    case Reference::Kind::Topic:
        return "topic";
    case Reference::Kind::Place:
        return "place";
    case Reference::Kind::Chart:
        return "chart";
    case Reference::Kind::Source:
        return "source";
    case Reference::Kind::Partnership:
        return "partnership";
    case Reference::Kind::Image:
        return "image";
    case Reference::Kind::Link:
        return "link";
    case Reference::Kind::Event:
        return "event";
    case Reference::Kind::Video:
        return "video";
    }
    return "item";
}

// The limit class of a key's text: long prose, or one line (content_limits.h; the store's column
// descriptions in store/schema.h say the same for the columns these keys fill).
TextField field_of(std::string_view key)
{
    for (std::string_view long_key : { "body", "summary", "tagline", "text", "coord_ref" }) {
        if (key == long_key)
            return TextField::Long;
    }
    return TextField::Short;
}

class Compiler;

// Reads one TOML table, remembering which keys were asked for.
class TableReader {
public:
    TableReader(
        Compiler& compiler, const std::string& file, const toml::table& table, std::string what)
        : m_compiler(compiler)
        , m_file(file)
        , m_table(table)
        , m_what(std::move(what))
    {
    }
    ~TableReader() = default;

    Pos pos() const { return pos_of(m_file, m_table.source()); }
    Pos pos_of_key(std::string_view key) const
    {
        if (auto* node = m_table.get(key))
            return pos_of(m_file, node->source());
        return pos();
    }
    const std::string& file() const { return m_file; }
    bool has(std::string_view key) const { return m_table.get(key) != nullptr; }

    std::optional<std::string> string(std::string_view key, bool required);
    std::optional<int64_t> integer(std::string_view key, bool required);
    std::optional<double> number(std::string_view key, bool required);
    std::optional<bool> boolean(std::string_view key);
    std::optional<Text3> text3(std::string_view key, bool required);
    std::vector<std::string> string_list(std::string_view key, bool required);
    // [x, y], each 0..1 (a point of a picture).
    std::optional<Point> unit_point(std::string_view key);
    std::optional<std::string> id();
    // A string naming another item (checked once everything is read); empty when optional and
    // absent.
    std::optional<std::string> reference(std::string_view key, Reference::Kind kind, bool required);
    // One of an enum's names; false (and an error naming the allowed values) otherwise.
    template<typename E>
    bool enum_value(std::string_view key, E& out, std::optional<E> (*parse)(std::string_view),
        const char* allowed);
    // Sub-tables given as [[name.point]] arrays.
    const toml::array* array(std::string_view key);
    // Reports keys nobody asked for.
    void finish();

private:
    Compiler& m_compiler;
    const std::string& m_file;
    const toml::table& m_table;
    std::string m_what;
    std::set<std::string, std::less<>> m_used;
};

class Compiler {
public:
    explicit Compiler(const CompileInput& input)
        : m_input(input)
    {
    }

    CompileOutput run();

    void error(const Pos& pos, std::string message)
    {
        m_out.diagnostics.error(pos.file, pos.line, pos.column, std::move(message));
    }
    // Valid UTF-8 in NFC, within the field's limits (content_limits.h), else an error at `pos`.
    std::optional<std::string> clean_text(
        const Pos& pos, std::string_view text, std::string_view what, TextField field)
    {
        if (auto bad = find_invalid_utf8(text)) {
            error(pos, std::string(what) + ": invalid UTF-8 at byte " + std::to_string(*bad));
            return std::nullopt;
        }
        auto nfc = to_nfc(text);
        if (auto problem = nfc ? check_text(*nfc, field) : std::nullopt) {
            error(pos,
                std::string(what) + " " + *problem + " (see Limits in docs/content-format.md)");
            return std::nullopt;
        }
        return nfc;
    }
    // Each kind of item has at most MAX_ROWS_PER_TABLE rows; one error at the first one too many.
    bool count_row(std::string_view table, const Pos& pos)
    {
        size_t& count = m_rows[std::string(table)];
        if (++count == MAX_ROWS_PER_TABLE + 1)
            error(pos,
                "more than " + std::to_string(MAX_ROWS_PER_TABLE) + " " + std::string(table)
                    + " rows (see Limits in docs/content-format.md)");
        return count <= MAX_ROWS_PER_TABLE;
    }
    void refer(Reference::Kind kind, std::string id, Pos pos)
    {
        if (!id.empty())
            m_refs.push_back({ kind, std::move(id), std::move(pos) });
    }

private:
    void read_file(const SourceFile& file);
    void read_exhibition(const std::string& file, const toml::table& table);
    void read_source(const std::string& file, const toml::table& table);
    void read_partnership(const std::string& file, const toml::table& table);
    void read_topic(const std::string& file, const toml::table& table);
    void read_slide(const std::string& file, const toml::table& table);
    void read_photo_keys(TableReader& r, Slide& s);
    void read_video_keys(TableReader& r, Slide& s);
    // A referenced video probed and kept (once per id); false when it is refused.
    bool take_video(const Reference& ref);
    // Counts stored media bytes against MAX_MEDIA_TOTAL_BYTES; an error at `pos` once over.
    void spend_media(size_t bytes, const Pos& pos, const std::string& what);
    void apply_video_info();
    void read_place(const std::string& file, const toml::table& table);
    void read_link(const std::string& file, const toml::table& table);
    void read_event(const std::string& file, const toml::table& table);
    void read_chart(const std::string& file, const toml::table& table);
    bool claim_id(Reference::Kind kind, const std::string& id, const Pos& pos);
    void check_references();
    void check_pictures();
    void check_completeness();

    const CompileInput& m_input;
    CompileOutput m_out;
    std::vector<Reference> m_refs;
    std::map<std::pair<Reference::Kind, std::string>, Pos> m_ids;
    std::map<std::string, size_t> m_rows; // rows per table so far
    bool m_have_exhibition { false };
    size_t m_slide_tables { 0 }; // slides written, valid or not
    std::map<std::string, Pos> m_slide_image_pos; // slide id -> where its `image` is written
    uint64_t m_media_bytes { 0 }; // pictures and videos stored so far
    bool m_over_budget { false };
    std::map<std::string, VideoInfo> m_video_infos; // probed videos by id
};

std::optional<std::string> TableReader::string(std::string_view key, bool required)
{
    m_used.insert(std::string(key));
    auto* node = m_table.get(key);
    if (!node) {
        if (required)
            m_compiler.error(pos(), m_what + ": missing key '" + std::string(key) + "'");
        return std::nullopt;
    }
    auto* value = node->as_string();
    if (!value) {
        m_compiler.error(pos_of(m_file, node->source()),
            m_what + ": '" + std::string(key) + "' must be a string");
        return std::nullopt;
    }
    return m_compiler.clean_text(pos_of(m_file, node->source()), value->get(),
        m_what + "." + std::string(key), field_of(key));
}

std::optional<int64_t> TableReader::integer(std::string_view key, bool required)
{
    m_used.insert(std::string(key));
    auto* node = m_table.get(key);
    if (!node) {
        if (required)
            m_compiler.error(pos(), m_what + ": missing key '" + std::string(key) + "'");
        return std::nullopt;
    }
    if (auto* value = node->as_integer())
        return value->get();
    m_compiler.error(pos_of(m_file, node->source()),
        m_what + ": '" + std::string(key) + "' must be a whole number");
    return std::nullopt;
}

std::optional<double> TableReader::number(std::string_view key, bool required)
{
    m_used.insert(std::string(key));
    auto* node = m_table.get(key);
    if (!node) {
        if (required)
            m_compiler.error(pos(), m_what + ": missing key '" + std::string(key) + "'");
        return std::nullopt;
    }
    if (auto* value = node->as_floating_point())
        return value->get();
    if (auto* value = node->as_integer())
        return static_cast<double>(value->get());
    m_compiler.error(
        pos_of(m_file, node->source()), m_what + ": '" + std::string(key) + "' must be a number");
    return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key)
{
    m_used.insert(std::string(key));
    auto* node = m_table.get(key);
    if (!node)
        return std::nullopt;
    if (auto* value = node->as_boolean())
        return value->get();
    m_compiler.error(pos_of(m_file, node->source()),
        m_what + ": '" + std::string(key) + "' must be true or false");
    return std::nullopt;
}

std::optional<Text3> TableReader::text3(std::string_view key, bool required)
{
    m_used.insert(std::string(key));
    auto* node = m_table.get(key);
    if (!node) {
        if (required)
            m_compiler.error(
                pos(), m_what + ": missing text '" + std::string(key) + "' (needs vi, ja and en)");
        return std::nullopt;
    }
    auto* table = node->as_table();
    if (!table) {
        m_compiler.error(pos_of(m_file, node->source()),
            m_what + ": '" + std::string(key) + "' must be a table with vi, ja and en");
        return std::nullopt;
    }
    TableReader reader(m_compiler, m_file, *table, m_what + "." + std::string(key));
    Text3 text;
    bool complete = true;
    for (auto lang : ALL_LANGS) {
        auto code = std::string(lang_code(lang));
        m_used.insert(std::string(key));
        auto* entry = table->get(code);
        reader.m_used.insert(code);
        if (!entry) {
            m_compiler.error(pos_of(m_file, table->source()),
                m_what + "." + std::string(key) + ": missing translation '" + code + "'");
            complete = false;
            continue;
        }
        auto* value = entry->as_string();
        auto entry_pos = pos_of(m_file, entry->source());
        if (!value) {
            m_compiler.error(
                entry_pos, m_what + "." + std::string(key) + "." + code + " must be a string");
            complete = false;
            continue;
        }
        auto clean = m_compiler.clean_text(
            entry_pos, value->get(), m_what + "." + std::string(key) + "." + code, field_of(key));
        if (!clean) {
            complete = false;
            continue;
        }
        auto& s = *clean;
        if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
            m_compiler.error(entry_pos,
                m_what + "." + std::string(key) + ": translation '" + code + "' is empty");
            complete = false;
            continue;
        }
        text[lang] = std::move(s);
    }
    reader.finish();
    if (!complete)
        return std::nullopt;
    return text;
}

std::vector<std::string> TableReader::string_list(std::string_view key, bool required)
{
    m_used.insert(std::string(key));
    std::vector<std::string> out;
    auto* node = m_table.get(key);
    if (!node) {
        if (required)
            m_compiler.error(pos(), m_what + ": missing key '" + std::string(key) + "'");
        return out;
    }
    auto* array = node->as_array();
    if (!array) {
        m_compiler.error(pos_of(m_file, node->source()),
            m_what + ": '" + std::string(key) + "' must be a list of strings");
        return out;
    }
    size_t joined = 0;
    for (auto& item : *array) {
        auto* value = item.as_string();
        auto clean = value ? m_compiler.clean_text(pos_of(m_file, item.source()), value->get(),
                         m_what + "." + std::string(key) + " item", TextField::Id)
                           : std::nullopt;
        joined += clean ? clean->size() + 1 : 0;
        if (joined > MAX_LONG_TEXT_BYTES) {
            m_compiler.error(pos_of(m_file, item.source()),
                m_what + ": '" + std::string(key) + "' is longer than "
                    + std::to_string(MAX_LONG_TEXT_BYTES)
                    + " bytes in all (see Limits in docs/content-format.md)");
            break;
        }
        if (clean)
            out.push_back(*clean);
        else if (!value)
            m_compiler.error(pos_of(m_file, item.source()),
                m_what + ": '" + std::string(key) + "' must hold strings only");
    }
    return out;
}

std::optional<Point> TableReader::unit_point(std::string_view key)
{
    m_used.insert(std::string(key));
    auto* node = m_table.get(key);
    if (!node)
        return std::nullopt;
    auto* array = node->as_array();
    auto number = [&](size_t i) -> std::optional<double> {
        if (!array || array->size() != 2)
            return std::nullopt;
        auto* item = array->get(i);
        if (auto* f = item->as_floating_point())
            return f->get();
        if (auto* n = item->as_integer())
            return static_cast<double>(n->get());
        return std::nullopt;
    };
    auto x = number(0), y = number(1);
    if (!x || !y || !(*x >= 0 && *x <= 1) || !(*y >= 0 && *y <= 1)) {
        m_compiler.error(pos_of(m_file, node->source()),
            m_what + ": '" + std::string(key)
                + "' must be [x, y] with each 0..1 (0 = left or top, 1 = right or bottom)");
        return std::nullopt;
    }
    return Point { static_cast<float>(*x), static_cast<float>(*y) };
}

std::optional<std::string> TableReader::id()
{
    auto value = string("id", true);
    if (!value)
        return std::nullopt;
    bool good = !value->empty() && value->size() <= 64
        && std::all_of(value->begin(), value->end(),
            [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
    if (!good) {
        m_compiler.error(pos_of_key("id"),
            m_what + ": id '" + *value + "' must be lowercase ASCII letters, digits and '-'");
        return std::nullopt;
    }
    m_what += " '" + *value + "'";
    return value;
}

const toml::array* TableReader::array(std::string_view key)
{
    m_used.insert(std::string(key));
    auto* node = m_table.get(key);
    if (!node)
        return nullptr;
    auto* array = node->as_array();
    if (!array)
        m_compiler.error(pos_of(m_file, node->source()),
            m_what + ": '" + std::string(key) + "' must be a list of tables");
    return array;
}

std::optional<std::string> TableReader::reference(
    std::string_view key, Reference::Kind kind, bool required)
{
    auto value = string(key, required);
    if (value && !value->empty())
        m_compiler.refer(kind, *value, pos_of_key(key));
    return value;
}

template<typename E>
bool TableReader::enum_value(
    std::string_view key, E& out, std::optional<E> (*parse)(std::string_view), const char* allowed)
{
    auto text = string(key, true);
    if (!text)
        return false;
    if (auto parsed = parse(*text)) {
        out = *parsed;
        return true;
    }
    m_compiler.error(pos_of_key(key),
        m_what + ": " + std::string(key) + " must be " + allowed + ", not '" + *text + "'");
    return false;
}

void TableReader::finish()
{
    for (auto& [key, node] : m_table) {
        if (!m_used.contains(key.str()))
            m_compiler.error(pos_of(m_file, key.source()),
                m_what + ": unknown key '" + std::string(key.str()) + "'");
    }
}

bool Compiler::claim_id(Reference::Kind kind, const std::string& id, const Pos& pos)
{
    if (!count_row(kind_word(kind), pos))
        return false;
    auto [it, inserted] = m_ids.emplace(std::make_pair(kind, id), pos);
    if (!inserted) {
        error(pos,
            "duplicate " + std::string(kind_word(kind)) + " id '" + id + "' (first defined at "
                + it->second.file + ":" + std::to_string(it->second.line) + ")");
        return false;
    }
    return true;
}

void Compiler::read_exhibition(const std::string& file, const toml::table& table)
{
    if (m_have_exhibition) {
        error(pos_of(file, table.source()), "[exhibition] is defined twice");
        return;
    }
    m_have_exhibition = true;
    TableReader r(*this, file, table, "exhibition");
    auto& meta = m_out.exhibition.meta;
    if (auto v = r.string("version", true))
        meta.content_version = *v;
    if (auto v = r.string("default_lang", true)) {
        if (auto lang = parse_lang(*v))
            meta.default_lang = *lang;
        else
            error(r.pos_of_key("default_lang"),
                "exhibition: default_lang must be vi, ja or en, not '" + *v + "'");
    }
    if (auto v = r.integer("idle_timeout_s", false)) {
        if (*v < 5 || *v > 3600)
            error(r.pos_of_key("idle_timeout_s"),
                "exhibition: idle_timeout_s must be 5..3600 seconds");
        else
            meta.idle_timeout_ms = static_cast<int>(*v * 1000);
    }
    if (table.get("attract_languages")) {
        meta.attract_langs.clear();
        for (auto& code : r.string_list("attract_languages", false)) {
            if (auto lang = parse_lang(code))
                meta.attract_langs.push_back(*lang);
            else
                error(r.pos_of_key("attract_languages"),
                    "exhibition: unknown language '" + code + "' in attract_languages");
        }
        if (meta.attract_langs.empty())
            meta.attract_langs.push_back(meta.default_lang);
    }
    if (auto t = r.text3("title", true))
        meta.title = *t;
    if (auto t = r.text3("subtitle", false))
        meta.subtitle = *t;
    meta.map_image = r.reference("map_image", Reference::Kind::Image, false).value_or("");
    meta.timeline_image = r.reference("timeline_image", Reference::Kind::Image, false).value_or("");
    r.finish();
}

void Compiler::read_source(const std::string& file, const toml::table& table)
{
    TableReader r(*this, file, table, "source");
    Source s;
    auto id = r.id();
    bool unique = id && claim_id(Reference::Kind::Source, *id, r.pos());
    auto f = r.string("file", true);
    auto author = r.string("author", false);
    auto publisher = r.string("publisher", false);
    auto title = r.text3("title", true);
    r.finish();
    if (!id || !f || !title || !unique)
        return;
    m_out.exhibition.sources.push_back(
        { *id, *f, author.value_or(""), publisher.value_or(""), *title });
}

void Compiler::read_partnership(const std::string& file, const toml::table& table)
{
    TableReader r(*this, file, table, "partnership");
    Partnership p;
    auto id = r.id();
    bool unique = id && claim_id(Reference::Kind::Partnership, *id, r.pos());
    p.order = static_cast<int>(r.integer("order", false).value_or(0));
    p.place_ids = r.string_list("places", true);
    for (auto& place : p.place_ids)
        refer(Reference::Kind::Place, place, r.pos_of_key("places"));
    p.image = r.reference("image", Reference::Kind::Image, false).value_or("");
    auto name = r.text3("name", true);
    auto tagline = r.text3("tagline", true);
    r.finish();
    if (!id || !name || !tagline || !unique)
        return;
    p.id = *id;
    p.name = *name;
    p.tagline = *tagline;
    m_out.locations["partnership:" + p.id] = { file, r.pos().line };
    m_out.exhibition.partnerships.push_back(std::move(p));
}

void Compiler::read_topic(const std::string& file, const toml::table& table)
{
    TableReader r(*this, file, table, "topic");
    Topic t;
    auto id = r.id();
    bool unique = id && claim_id(Reference::Kind::Topic, *id, r.pos());
    auto part = r.reference("partnership", Reference::Kind::Partnership, true);
    if (part)
        t.partnership_id = *part;
    bool kind_ok = r.enum_value("kind", t.kind, parse_topic_kind,
        "overview, environment, water, economy, culture or people");
    t.order = static_cast<int>(r.integer("order", false).value_or(0));
    t.icon = r.reference("icon", Reference::Kind::Image, false).value_or("");
    auto title = r.text3("title", true);
    auto summary = r.text3("summary", true);
    r.finish();
    if (!id || !part || !kind_ok || !title || !summary || !unique)
        return;
    t.id = *id;
    t.title = *title;
    t.summary = *summary;
    m_out.locations["topic:" + t.id] = { file, r.pos().line };
    m_out.exhibition.topics.push_back(std::move(t));
}

void Compiler::read_slide(const std::string& file, const toml::table& table)
{
    ++m_slide_tables;
    TableReader r(*this, file, table, "slide");
    Slide s;
    auto id = r.id();
    bool unique = id && claim_id(Reference::Kind::Slide, *id, r.pos());
    auto topic = r.reference("topic", Reference::Kind::Topic, true);
    if (topic)
        s.topic_id = *topic;
    s.order = static_cast<int>(r.integer("order", false).value_or(0));
    if (auto d = r.integer("duration_s", false)) {
        if (*d < 2 || *d > 600)
            error(r.pos_of_key("duration_s"), "slide: duration_s must be 2..600 seconds");
        else
            s.duration_ms = static_cast<int>(*d * 1000);
    }
    s.attract = r.boolean("attract").value_or(true);
    s.image = r.reference("image", Reference::Kind::Image, false).value_or("");
    read_photo_keys(r, s);
    read_video_keys(r, s);
    if (!s.video.empty() && !s.video_loop && r.has("duration_s"))
        error(r.pos_of_key("duration_s"),
            "slide: a slide whose video plays once (video_loop = false) lasts as long as the "
            "video; leave out duration_s");
    s.place_id = r.reference("place", Reference::Kind::Place, false).value_or("");
    s.chart_id = r.reference("chart", Reference::Kind::Chart, false).value_or("");
    auto source = r.reference("source", Reference::Kind::Source, true);
    if (source)
        s.source_id = *source;
    auto title = r.text3("title", true);
    auto body = r.text3("body", true);
    r.finish();
    if (!id || !topic || !source || !title || !body || !unique)
        return;
    s.id = *id;
    s.title = *title;
    s.body = *body;
    m_out.locations["slide:" + s.id] = { file, r.pos().line };
    if (!s.image.empty())
        m_slide_image_pos[s.id] = r.pos_of_key("image");
    m_out.exhibition.slides.push_back(std::move(s));
}

// A photo on a slide says where its subject is (kept in every crop) and whom to credit; a drawing
// is shown whole and is the project's own, so it takes neither.
void Compiler::read_photo_keys(TableReader& r, Slide& s)
{
    bool photo = is_photo_id(s.image);
    bool has_focus = r.has("focus"), has_credit = r.has("credit");
    if (auto focus = r.unit_point("focus"))
        s.image_focus = *focus;
    if (auto credit = r.text3("credit", photo))
        s.image_credit = *credit;
    if (!photo && (has_focus || has_credit))
        error(r.pos_of_key(has_focus ? "focus" : "credit"),
            "slide: 'focus' and 'credit' belong to a photo (image = \"....jpg\", .png, .webp)");
}

// A video plays in the picture's place, muted; the slide's image (if any) is its poster.
void Compiler::read_video_keys(TableReader& r, Slide& s)
{
    s.video = r.reference("video", Reference::Kind::Video, false).value_or("");
    bool has_loop = r.has("video_loop");
    s.video_loop = r.boolean("video_loop").value_or(true);
    if (has_loop && s.video.empty())
        error(r.pos_of_key("video_loop"), "slide: 'video_loop' without a 'video'");
}

bool Compiler::take_video(const Reference& ref)
{
    if (auto refused = m_input.refused_videos.find(ref.id);
        refused != m_input.refused_videos.end()) {
        error(ref.pos, "video '" + ref.id + "' is refused: " + refused->second);
        return false;
    }
    if (m_video_infos.contains(ref.id))
        return true;
    auto it = m_input.videos.find(ref.id);
    if (it == m_input.videos.end()) {
        error(ref.pos,
            "reference to an unknown video '" + ref.id + "' (no assets/videos/" + ref.id + ")");
        return false;
    }
    if (!count_row("video", ref.pos))
        return false;
    VideoInfo info;
    if (m_input.probe_video) {
        auto probed = m_input.probe_video(ref.id, it->second);
        if (!probed) {
            error(ref.pos, "video '" + ref.id + "' cannot be played: " + probed.error());
            return false;
        }
        info = probed.release_value();
    }
    spend_media(it->second.size(), ref.pos, "video '" + ref.id + "'");
    m_video_infos[ref.id] = info;
    m_out.locations["video:" + ref.id] = { ref.pos.file, ref.pos.line };
    m_out.videos.push_back({ ref.id, it->second, info });
    return true;
}

void Compiler::spend_media(size_t bytes, const Pos& pos, const std::string& what)
{
    m_media_bytes += bytes;
    if (m_media_bytes > MAX_MEDIA_TOTAL_BYTES && !m_over_budget) {
        m_over_budget = true;
        error(pos,
            what + " takes the exhibition's pictures and videos to "
                + std::to_string(m_media_bytes >> 20) + " MiB, over the budget of "
                + std::to_string(MAX_MEDIA_TOTAL_BYTES >> 20)
                + " MiB (see Video limits in docs/content-format.md)");
    }
}

// Slides learn their video's facts; one played once lasts as long as it (at least 2 s).
void Compiler::apply_video_info()
{
    for (auto& slide : m_out.exhibition.slides) {
        auto it = slide.video.empty() ? m_video_infos.end() : m_video_infos.find(slide.video);
        if (it == m_video_infos.end())
            continue;
        slide.video_info = it->second;
        if (!slide.video_loop && it->second.duration_ms > 0)
            slide.duration_ms = std::max(2000, it->second.duration_ms);
    }
}

void Compiler::read_place(const std::string& file, const toml::table& table)
{
    TableReader r(*this, file, table, "place");
    Place p;
    auto id = r.id();
    bool unique = id && claim_id(Reference::Kind::Place, *id, r.pos());
    bool kind_ok = r.enum_value("kind", p.kind, parse_place_kind, "city, prefecture, site or port");
    auto lat = r.number("lat", true);
    auto lon = r.number("lon", true);
    bool coords_ok = lat && lon;
    if (lat && !(std::isfinite(*lat) && *lat >= -90 && *lat <= 90)) {
        error(r.pos_of_key("lat"), "place: bad coordinates: lat must be -90..90 degrees");
        coords_ok = false;
    }
    if (lon && !(std::isfinite(*lon) && *lon >= -180 && *lon <= 180)) {
        error(r.pos_of_key("lon"), "place: bad coordinates: lon must be -180..180 degrees");
        coords_ok = false;
    }
    auto source = r.reference("source", Reference::Kind::Source, true);
    if (source)
        p.source_id = *source;
    p.coord_ref = r.string("coord_ref", false).value_or("");
    p.offshore = r.boolean("offshore").value_or(false);
    p.image = r.reference("image", Reference::Kind::Image, false).value_or("");
    p.slide_ids = r.string_list("slides", false);
    for (auto& slide : p.slide_ids)
        refer(Reference::Kind::Slide, slide, r.pos_of_key("slides"));
    auto name = r.text3("name", true);
    auto text = r.text3("text", true);
    r.finish();
    if (!id || !kind_ok || !coords_ok || !source || !name || !text || !unique)
        return;
    p.id = *id;
    p.lat_deg = *lat;
    p.lon_deg = *lon;
    p.name = *name;
    p.text = *text;
    m_out.locations["place:" + p.id] = { file, r.pos().line };
    m_out.exhibition.places.push_back(std::move(p));
}

void Compiler::read_link(const std::string& file, const toml::table& table)
{
    TableReader r(*this, file, table, "link");
    Link l;
    auto id = r.id();
    bool unique = id && claim_id(Reference::Kind::Link, *id, r.pos());
    auto from = r.reference("from", Reference::Kind::Place, true);
    auto to = r.reference("to", Reference::Kind::Place, true);
    bool kind_ok
        = r.enum_value("kind", l.kind, parse_link_kind, "friendship, sister or cooperation");
    l.since_year = static_cast<int>(r.integer("since", false).value_or(0));
    auto source = r.reference("source", Reference::Kind::Source, true);
    auto label = r.text3("label", true);
    r.finish();
    if (!id || !from || !to || !kind_ok || !source || !label || !unique)
        return;
    l.id = *id;
    l.from_place_id = *from;
    l.to_place_id = *to;
    l.source_id = *source;
    l.label = *label;
    m_out.locations["link:" + l.id] = { file, r.pos().line };
    m_out.exhibition.links.push_back(std::move(l));
}

void Compiler::read_event(const std::string& file, const toml::table& table)
{
    TableReader r(*this, file, table, "event");
    TimelineEvent e;
    auto id = r.id();
    bool unique = id && claim_id(Reference::Kind::Event, *id, r.pos());
    auto date_text = r.string("date", true);
    std::optional<PartialDate> date;
    if (date_text) {
        date = parse_partial_date(*date_text);
        if (!date)
            error(r.pos_of_key("date"),
                "event: date must be YYYY, YYYY-MM or YYYY-MM-DD, not '" + *date_text + "'");
    }
    e.inferred = r.boolean("inferred").value_or(false);
    e.partnership_id = r.reference("partnership", Reference::Kind::Partnership, false).value_or("");
    auto source = r.reference("source", Reference::Kind::Source, true);
    auto text = r.text3("text", true);
    r.finish();
    if (!id || !date || !source || !text || !unique)
        return;
    e.id = *id;
    e.date = *date;
    e.source_id = *source;
    e.text = *text;
    m_out.locations["event:" + e.id] = { file, r.pos().line };
    m_out.exhibition.events.push_back(std::move(e));
}

void Compiler::read_chart(const std::string& file, const toml::table& table)
{
    TableReader r(*this, file, table, "chart");
    Chart c;
    auto id = r.id();
    bool unique = id && claim_id(Reference::Kind::Chart, *id, r.pos());
    bool kind_ok = r.enum_value("kind", c.kind, parse_chart_kind, "bar, line, figures or share");
    auto source = r.reference("source", Reference::Kind::Source, true);
    c.topic_id = r.reference("topic", Reference::Kind::Topic, false).value_or("");
    auto title = r.text3("title", true);
    auto unit = r.text3("unit", true);
    bool points_ok = true;
    if (auto* points = r.array("point")) {
        for (auto& node : *points) {
            auto* point_table = node.as_table();
            if (!point_table) {
                error(pos_of(file, node.source()), "chart: each point must be a table");
                points_ok = false;
                continue;
            }
            TableReader pr(*this, file, *point_table, "chart point");
            ChartPoint point;
            auto value = pr.number("value", true);
            point.approx = pr.boolean("approx").value_or(false);
            auto label = pr.text3("label", true);
            pr.finish();
            if (value && !std::isfinite(*value)) {
                error(pr.pos_of_key("value"), "chart point: value must be a finite number");
                value.reset();
            }
            if (!value || !label) {
                points_ok = false;
                continue;
            }
            point.value = *value;
            point.label = *label;
            if (!count_row("chart point", pr.pos())) {
                points_ok = false;
                continue;
            }
            c.points.push_back(std::move(point));
        }
    }
    r.finish();
    if (points_ok && c.points.size() < 2 && id)
        error(r.pos(), "chart '" + *id + "': needs at least two points");
    if (points_ok && kind_ok && c.kind == ChartKind::Share && !c.points.empty() && id) {
        for (size_t i = 1; i < c.points.size(); ++i) {
            if (!(c.points[0].value > 0) || c.points[i].value < 0
                || c.points[i].value > c.points[0].value)
                error(r.pos(),
                    "chart '" + *id
                        + "': a share's parts must lie between 0 and its whole (the first point)");
        }
    }
    if (!id || !kind_ok || !source || !title || !unit || !points_ok || !unique)
        return;
    c.id = *id;
    c.source_id = *source;
    c.title = *title;
    c.unit = *unit;
    m_out.locations["chart:" + c.id] = { file, r.pos().line };
    m_out.exhibition.charts.push_back(std::move(c));
}

void Compiler::read_file(const SourceFile& file)
{
    if (auto bad = find_invalid_utf8(file.text)) {
        // Name the line and column of the bad byte: toml++ would only say "invalid UTF-8".
        int line = 1;
        size_t line_start = 0;
        for (size_t i = 0; i < *bad; ++i) {
            if (file.text[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        }
        auto column = static_cast<int>(code_point_count(
                          std::string_view(file.text).substr(line_start, *bad - line_start)))
            + 1;
        error({ file.path, line, column }, "invalid UTF-8");
        return;
    }
    toml::table root;
    try {
        root = toml::parse(file.text, file.path);
    } catch (const toml::parse_error& e) {
        error(pos_of(file.path, e.source()), std::string(e.description()));
        return;
    }
    using ReadFn = void (Compiler::*)(const std::string&, const toml::table&);
    static const std::map<std::string, ReadFn, std::less<>> ARRAYS {
        { "source", &Compiler::read_source },
        { "partnership", &Compiler::read_partnership },
        { "topic", &Compiler::read_topic },
        { "slide", &Compiler::read_slide },
        { "place", &Compiler::read_place },
        { "link", &Compiler::read_link },
        { "event", &Compiler::read_event },
        { "chart", &Compiler::read_chart },
    };
    for (auto& [key, node] : root) {
        if (key.str() == "exhibition") {
            if (auto* table = node.as_table())
                read_exhibition(file.path, *table);
            else
                error(pos_of(file.path, node.source()), "exhibition must be a table: [exhibition]");
            continue;
        }
        auto it = ARRAYS.find(key.str());
        if (it == ARRAYS.end()) {
            error(pos_of(file.path, key.source()),
                "unknown key '" + std::string(key.str())
                    + "' (expected exhibition, source, partnership, topic, slide, place, link, "
                      "event or chart)");
            continue;
        }
        auto* array = node.as_array();
        if (!array || !array->is_array_of_tables()) {
            error(pos_of(file.path, node.source()),
                "'" + std::string(key.str()) + "' must be written as [[" + std::string(key.str())
                    + "]] tables");
            continue;
        }
        for (auto& item : *array)
            (this->*(it->second))(file.path, *item.as_table());
    }
}

void Compiler::check_references()
{
    std::set<std::string> used_images;
    for (auto& ref : m_refs) {
        if (ref.kind == Reference::Kind::Video) {
            take_video(ref);
            continue;
        }
        if (ref.kind == Reference::Kind::Image) {
            if (auto refused = m_input.refused_images.find(ref.id);
                refused != m_input.refused_images.end()) {
                error(ref.pos, "image '" + ref.id + "' is refused: " + refused->second);
                continue;
            }
            auto it = m_input.images.find(ref.id);
            if (it == m_input.images.end()) {
                error(ref.pos,
                    "reference to an unknown image '" + ref.id + "' (no assets/images/" + ref.id
                        + ")");
                continue;
            }
            if (!used_images.contains(ref.id) && !count_row("image", ref.pos))
                continue;
            if (!used_images.insert(ref.id).second)
                continue;
            m_out.locations["image:" + ref.id] = { ref.pos.file, ref.pos.line };
            if (!m_input.prepare_image) {
                m_out.images.push_back({ ref.id, it->second });
                continue;
            }
            auto prepared = m_input.prepare_image(it->second);
            if (!prepared) {
                error(ref.pos, "image '" + ref.id + "' cannot be shown: " + prepared.error());
                continue;
            }
            spend_media(prepared.value().size(), ref.pos, "image '" + ref.id + "'");
            m_out.images.push_back({ ref.id, prepared.release_value() });
            continue;
        }
        if (!m_ids.contains({ ref.kind, ref.id }))
            error(ref.pos,
                "reference to an unknown " + std::string(kind_word(ref.kind)) + " '" + ref.id
                    + "'");
    }
    std::sort(m_out.images.begin(), m_out.images.end(),
        [](const Image& a, const Image& b) { return a.id < b.id; });
    std::sort(m_out.videos.begin(), m_out.videos.end(),
        [](const Video& a, const Video& b) { return a.id < b.id; });
    apply_video_info();
}

// A slide's picture is about that slide: never a topic's icon blown up, and never the picture of
// the slide shown just before it, neither in its topic (the slide screen's swipe order and the
// topic's card grid) nor in the attract loop (which wraps round to its first slide).
void Compiler::check_pictures()
{
    auto& ex = m_out.exhibition;
    std::map<std::string, std::string> icons; // image -> the topic using it as its icon
    for (auto& topic : ex.topics) {
        if (!topic.icon.empty())
            icons.emplace(topic.icon, topic.id);
    }
    auto where = [&](const Slide& slide) {
        auto it = m_slide_image_pos.find(slide.id);
        return it != m_slide_image_pos.end() ? it->second : Pos {};
    };
    std::set<std::pair<std::string, std::string>> reported;
    auto neighbours = [&](const Slide& before, const Slide& slide, const std::string& order) {
        if (slide.image.empty() || slide.image != before.image || &before == &slide)
            return;
        if (!reported.insert({ before.id, slide.id }).second)
            return;
        error(where(slide),
            "slide '" + slide.id + "' shows the same picture as '" + before.id + "' just before it "
                + order + " (image '" + slide.image
                + "'); neighbouring slides need pictures of their own");
    };
    for (auto& slide : ex.slides) {
        if (auto icon = icons.find(slide.image); icon != icons.end())
            error(where(slide),
                "slide '" + slide.id + "' uses the icon of topic '" + icon->second
                    + "' as its picture (image '" + slide.image
                    + "'); a slide's picture is about the slide");
    }
    for (auto& topic : ex.topics) {
        auto slides = ex.slides_of(topic.id);
        for (size_t i = 1; i < slides.size(); ++i)
            neighbours(*slides[i - 1], *slides[i], "in topic '" + topic.id + "'");
    }
    auto loop = ex.attract_slides();
    for (size_t i = 1; i < loop.size(); ++i)
        neighbours(*loop[i - 1], *loop[i], "in the attract loop");
    if (loop.size() > 2)
        neighbours(*loop.back(), *loop.front(), "in the attract loop (it wraps round)");
}

void Compiler::check_completeness()
{
    std::string where = m_input.files.empty() ? std::string("content") : m_input.files.front().path;
    if (!m_have_exhibition)
        error({ where, 1, 1 }, "no [exhibition] table in any file");
    if (m_slide_tables == 0)
        error({ where, 1, 1 }, "the content has no slides");
}

CompileOutput Compiler::run()
{
    for (auto& file : m_input.files)
        read_file(file);
    check_references();
    check_pictures();
    check_completeness();
    return std::move(m_out);
}

} // namespace

bool is_photo_id(std::string_view id)
{
    auto dot = id.rfind('.');
    if (dot == std::string_view::npos)
        return false;
    std::string ext(id.substr(dot + 1));
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == "jpg" || ext == "jpeg" || ext == "png" || ext == "webp";
}

CompileOutput compile_content(const CompileInput& input)
{
    return Compiler(input).run();
}

} // namespace kiosk::tools
