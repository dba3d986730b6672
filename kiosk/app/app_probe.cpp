// What tests, tools and the benchmark may ask of a running app: where it is, what it shows,
// where a target is, and a picture of the frame.
#include "kiosk/app/app_parts.h"

#include "kiosk/screens/map_screen.h"

namespace kiosk::app {

using namespace core;

namespace {

// A template, so the app's private parts need not be named here.
template<typename Parts> screens::MapScreen* shown_map(Parts& p, screens::Screen* shown)
{
    auto* map = p.navigator ? p.navigator->made(ScreenKind::Map) : nullptr;
    return map && map == shown ? static_cast<screens::MapScreen*>(map) : nullptr;
}

} // namespace

TimeMs App::now_ms() const
{
    return m_parts->clock.now_ms();
}

std::optional<Point> App::target(const screens::Nav& nav)
{
    for (auto& hit : current_screen()->hits()) {
        if (hit.nav.kind == nav.kind && hit.nav.id == nav.id && hit.nav.staff == nav.staff
            && (nav.kind != screens::NavKind::SetLang || hit.nav.lang == nav.lang)
            && (nav.staff != screens::StaffCommand::DefaultLang || hit.nav.lang == nav.lang))
            return Point { hit.rect.x + hit.rect.w / 2, hit.rect.y + hit.rect.h / 2 };
    }
    return std::nullopt;
}

std::optional<Point> App::marker(const std::string& place_id)
{
    auto* map = shown_map(*m_parts, current_screen());
    return map ? map->marker_position(place_id) : std::nullopt;
}

std::string App::open_place()
{
    auto* map = shown_map(*m_parts, current_screen());
    return map ? map->open_place() : std::string {};
}

ScreenRef App::screen() const
{
    return m_parts->machine->current();
}

Lang App::lang() const
{
    return m_parts->machine->lang();
}

Size App::size() const
{
    return m_parts->display->size();
}

Status App::save_png(const std::string& path)
{
    auto& p = *m_parts;
    // The picture as it settles: pictures still being painted in the background are waited for.
    if (p.display->renderer().waiting()) {
        p.display->renderer().finish_background();
        draw_frame();
        p.display->video().present();
    }
    return p.display->video().save_png(path);
}

std::optional<int> App::exit_requested() const
{
    return m_parts->exit_code;
}

bool App::showing_fallback() const
{
    return !m_parts->content->content().error.empty();
}

std::string App::content_version() const
{
    auto& c = m_parts->content->content();
    return c.store && c.error.empty() ? c.store->info().content_version : std::string {};
}

AppStats App::stats() const
{
    auto& p = *m_parts;
    AppStats s;
    s.frames = p.frames;
    s.last_frame_us = p.last_frame_us;
    auto t = p.display->text().stats();
    s.text_textures = t.textures;
    s.text_bytes = t.bytes;
    s.text_hits = t.hits;
    s.text_misses = t.misses;
    s.image_textures = p.display->images().count();
    s.image_bytes = p.display->images().bytes();
    s.image_hits = p.display->images().hits();
    s.image_misses = p.display->images().misses();
    return s;
}

} // namespace kiosk::app
