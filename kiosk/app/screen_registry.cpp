// The screen registry's rows.
#include "kiosk/app/screen_registry.h"

#include "kiosk/screens/browse_screens.h"
#include "kiosk/screens/home_screen.h"
#include "kiosk/screens/map_screen.h"
#include "kiosk/screens/slide_screen.h"

namespace kiosk::app {

using core::Exhibition;
using screens::Screen;

namespace {

template<typename T> std::unique_ptr<Screen> plain(const ScreenDeps& deps)
{
    return std::make_unique<T>(deps.context);
}

std::vector<std::string> no_ids(const Exhibition&)
{
    return { std::string {} };
}

std::vector<std::string> partnership_ids(const Exhibition& ex)
{
    std::vector<std::string> ids;
    for (auto& p : ex.partnerships)
        ids.push_back(p.id);
    return ids;
}

std::vector<std::string> topic_ids(const Exhibition& ex)
{
    std::vector<std::string> ids;
    for (auto& p : ex.partnerships) {
        for (auto* topic : ex.topics_of(p.id))
            ids.push_back(topic->id);
    }
    return ids;
}

std::vector<std::string> slide_ids(const Exhibition& ex)
{
    std::vector<std::string> ids;
    for (auto& id : topic_ids(ex)) {
        for (auto* slide : ex.slides_of(id))
            ids.push_back(slide->id);
    }
    return ids;
}

std::vector<std::string> chart_ids(const Exhibition& ex)
{
    std::vector<std::string> ids;
    for (auto& c : ex.charts)
        ids.push_back(c.id);
    return ids;
}

std::vector<std::string> map_ids(const Exhibition& ex)
{
    std::vector<std::string> ids { std::string {} };
    for (auto& id : partnership_ids(ex))
        ids.push_back(id);
    for (auto& place : ex.places)
        ids.push_back(place.id);
    return ids;
}

std::unique_ptr<Screen> make_attract(const ScreenDeps& deps)
{
    auto config = deps.attract;
    auto find = deps.screen;
    config.map = [find]() { return static_cast<screens::MapScreen*>(find(core::ScreenKind::Map)); };
    return std::make_unique<screens::AttractScreen>(deps.context, std::move(config));
}

std::unique_ptr<Screen> make_map(const ScreenDeps& deps)
{
    return std::make_unique<screens::MapScreen>(deps.context, deps.map_geometry());
}

} // namespace

const std::vector<ScreenRow>& screen_registry()
{
    using namespace core::ScreenKind;
    static const std::vector<ScreenRow> rows {
        { Attract, IdRule::None, make_attract, no_ids },
        { Home, IdRule::None, plain<screens::HomeScreen>, no_ids },
        { Partnership, IdRule::Required, plain<screens::PartnershipScreen>, partnership_ids },
        { Topic, IdRule::Required, plain<screens::TopicScreen>, topic_ids },
        { Slide, IdRule::Required, plain<screens::SlideScreen>, slide_ids },
        { Chart, IdRule::Required, plain<screens::ChartScreen>, chart_ids },
        { Timeline, IdRule::None, plain<screens::TimelineScreen>, no_ids },
        { Map, IdRule::Optional, make_map, map_ids },
        { Staff, IdRule::None, nullptr, nullptr },
    };
    return rows;
}

const ScreenRow* find_screen_row(std::string_view kind)
{
    for (auto& row : screen_registry()) {
        if (kind == row.kind)
            return &row;
    }
    return nullptr;
}

std::optional<core::ScreenRef> parse_screen_name(std::string_view name)
{
    auto ref = core::parse_screen_ref(name);
    if (!ref)
        return std::nullopt;
    auto* row = find_screen_row(ref->kind);
    if (!row || (row->ids == IdRule::None && !ref->id.empty())
        || (row->ids == IdRule::Required && ref->id.empty()))
        return std::nullopt;
    return ref;
}

std::vector<core::ScreenRef> all_screens(const core::Exhibition& exhibition)
{
    std::vector<core::ScreenRef> refs;
    for (auto& row : screen_registry()) {
        if (!row.preview_ids)
            continue;
        for (auto& id : row.preview_ids(exhibition))
            refs.push_back({ row.kind, id });
    }
    return refs;
}

} // namespace kiosk::app
