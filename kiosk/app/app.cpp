// The app's wiring and its loop. One turn of the loop (advance): gestures -> navigation, the
// screen machine's timeouts, the screen's own clock, the kiosk looking after its content and
// itself at quiet moments, then a frame only when something changed. Between turns the real-time
// loop sleeps on events. Each job lives in its own part; the app only passes things between them.
#include "kiosk/app/app.h"

#include "kiosk/app/app_parts.h"
#include "kiosk/app/log.h"
#include "kiosk/platform/images.h"
#include "kiosk/screens/error_panel.h"
#include "kiosk/store/blob_source.h"
#include "kiosk/tools/content/picture_check.h"

#include <chrono>
#include <cstdio>

namespace kiosk::app {

using namespace core;

namespace {

int64_t wall_ms()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

App::App(Options options, Config config)
    : m_options(std::move(options))
    , m_run(run_traits(m_options))
    , m_config(std::move(config))
    , m_parts(std::make_unique<Parts>())
{
}

App::~App() = default;

int App::start()
{
    auto& p = *m_parts;
    trace_start("main");
    Parts* parts = &p;
    auto display = Display::open(
        m_run, m_config, m_options.size,
        [parts](const std::string& id) {
            auto& c = parts->content->content();
            auto bytes = c.store ? c.store->load_image(id) : Result<std::vector<uint8_t>>(Error {});
            return bytes ? std::optional(bytes.release_value()) : std::nullopt;
        },
        [parts](const std::string& id) -> platform::VideoDecoder::SourceOpener {
            // Read in place on the decoder's thread, through a connection of its own.
            auto& c = parts->content->content();
            std::string path = c.store ? c.store->info().path : std::string();
            return [path, id]() -> Result<std::unique_ptr<ByteSource>> {
                if (path.empty())
                    return Error { "no content file" };
                auto blob = store::BlobSource::open_video(path, id);
                if (!blob)
                    return Error { blob.error() };
                return std::unique_ptr<ByteSource>(blob.release_value());
            };
        });
    if (auto* failure = std::get_if<Display::Failure>(&display))
        return failure->exit_code;
    p.display = std::move(std::get<std::unique_ptr<Display>>(display));
    auto& d = *p.display;
    p.staff = std::make_unique<screens::StaffScreen>(d.fonts());
    auto gesture_config = GestureConfig::for_scale(
        static_cast<float>(std::min(d.size().width, d.size().height)) / 1080.0f);
    gesture_config.staff_corner_px = screens::Metrics::for_screen(d.size()).target * 1.5f;
    gesture_config.screen_width_px = static_cast<float>(d.size().width);
    p.gestures.set_config(gesture_config);

    p.content = std::make_unique<ContentManager>(m_config, platform::check_image_decodes,
        m_run.looks_after_content, m_run.mode == RunMode::Driven);
    // Inbox installs draw every picture at every size, laid out with fonts of their own (the
    // worker thread's; the display's are the loop's).
    p.content->set_drawn_check(
        tools::installer_picture_check([]() -> std::unique_ptr<core::FontMetrics> {
            auto fonts = platform::FontSet::open(font_dirs());
            if (!fonts)
                return nullptr;
            fonts.value()->set_phrase_model(load_phrase_model());
            return fonts.release_value();
        }));
    if (m_run.mode == RunMode::Watch) {
        if (int code = start_watch())
            return code;
    } else {
        p.content->start(m_options.db_path.empty() ? default_db_path() : m_options.db_path);
    }
    if (!d.font_problem().empty())
        p.content->set_problem(d.font_problem());
    trace_start("content");
    if (m_run.looks_after_content)
        p.counts.open(m_config.state_dir);
    p.wall_at_start_ms = wall_ms();
    // The lockout's clock: wall time at the start plus the loop's clock, so it outlasts a
    // restart and still follows a driven (virtual) clock.
    p.desk = std::make_unique<StaffDesk>(
        m_config, [parts]() { return parts->wall_at_start_ms + parts->clock.now_ms(); });
    p.health = std::make_unique<Health>(m_config);
    p.frame_log.open_from_env();
    rebuild_screens();
    return 0;
}

void App::rebuild_screens()
{
    auto& p = *m_parts;
    auto& content = p.content->content();
    if (m_run.looks_after_content && content.store)
        p.display->images().set_disk_cache(
            picture_cache_dir(m_config.state_dir), content.store->info().checksum);
    p.fallback = std::make_unique<screens::FallbackScreen>(p.display->fonts(), content.error);
    ScreenDeps deps { screens::Context { content.exhibition, p.display->fonts() }, {}, {}, {} };
    deps.attract.langs = content.exhibition.meta.attract_langs;
    if (m_options.lang)
        deps.attract.langs = { *m_options.lang };
    deps.attract.hold = m_run.hold;
    deps.map_geometry = [this]() {
        auto& parts = *m_parts;
        if (!parts.map_tried) {
            parts.map_tried = true;
            parts.map = load_map();
        }
        return parts.map.get();
    };
    p.navigator = std::make_unique<Navigator>(std::move(deps));
    MachineConfig machine_config;
    machine_config.default_lang = m_options.lang.value_or(
        m_config.default_lang.value_or(content.exhibition.meta.default_lang));
    machine_config.idle_timeout_ms = TimeMs { p.desk->idle_timeout_s(content.exhibition) } * 1000;
    machine_config.hold = m_run.hold;
    // The first time: the screen asked for; after a content reload: the attract loop.
    // A live preview opens on home: the attract loop would not stay on what is edited.
    ScreenRef first
        = m_run.mode == RunMode::Watch ? ScreenRef { ScreenKind::Home, {} } : ScreenRef {};
    ScreenRef start = p.machine ? ScreenRef {} : m_options.screen.value_or(first);
    p.machine = std::make_unique<ScreenMachine>(machine_config, start, p.clock.now_ms());
    p.shown = nullptr;
    p.dirty = true;
}

screens::Screen* App::current_screen()
{
    auto& p = *m_parts;
    auto& ref = p.machine->current();
    if (p.shown && ref == p.shown_ref)
        return p.shown;
    auto& content = p.content->content();
    screens::Screen* screen = ref.kind == ScreenKind::Staff ? p.staff.get()
        : !content.error.empty()                            ? p.fallback.get()
                                                            : p.navigator->resolve(ref);
    if (!screen) {
        // An unknown id (or a screen this content cannot show) falls back to home: never a dead
        // end.
        if (ref.kind != ScreenKind::Home)
            log_warning("no screen " + screen_ref_name(ref) + " in this content; showing home");
        screen = p.navigator->screen(ScreenKind::Home);
    }
    if (screen != p.staff.get())
        p.staff->lock();
    p.shown = screen;
    p.shown_ref = ref;
    screen->enter(p.clock.now_ms());
    if (screen == p.staff.get())
        p.staff->set_info(p.desk->info(content, p.counts));
    else if (ref.kind != ScreenKind::Attract)
        p.counts.count("screen", ref.kind);
    return screen;
}

void App::draw_frame()
{
    auto& p = *m_parts;
    p.draw_list.reset();
    if (p.health->blanked())
        p.draw_list.clear({ 0, 0, 0, 255 });
    else
        current_screen()->draw(p.draw_list, p.frame(p.clock.now_ms(), p.machine->lang()));
    if (!p.watch_errors.empty())
        screens::draw_error_panel(p.draw_list, p.display->fonts(),
            p.frame(p.clock.now_ms(), p.machine->lang()), p.watch_heading, p.watch_errors);
    p.display->renderer().play(p.draw_list, p.display->video().size());
    ++p.frames;
}

void App::apply_nav(const screens::Nav& nav)
{
    auto& p = *m_parts;
    TimeMs now = p.clock.now_ms();
    using screens::NavKind;
    if (auto to = nav_destination(nav)) {
        if (to->kind == ScreenKind::Staff)
            log_info("staff gesture");
        if (to->kind == ScreenKind::Map && !to->id.empty()
            && p.content->content().exhibition.find_place(to->id))
            p.counts.count("place", to->id);
        p.machine->go(*to, now);
    } else if (nav.kind == NavKind::Back) {
        p.machine->back(now);
    } else if (nav.kind == NavKind::SetLang) {
        p.machine->set_lang(nav.lang, now);
        p.counts.count("lang", std::string(lang_code(nav.lang)));
    } else if (nav.kind == NavKind::StaffAction) {
        switch (p.desk->handle(nav, *p.staff, p.content->content().exhibition, p.counts)) {
        case StaffOutcome::Exit:
            p.exit_code = EXIT_STAFF_STOP;
            break;
        case StaffOutcome::Restart:
            p.exit_code = EXIT_RESTART;
            break;
        case StaffOutcome::Close:
            p.machine->go({ ScreenKind::Attract, {} }, now);
            break;
        case StaffOutcome::SettingsChanged:
            // The machine takes the new settings; the staff screen stays open and shows them.
            rebuild_screens();
            p.machine->go({ ScreenKind::Staff, {} }, now);
            p.staff->unlock();
            break;
        case StaffOutcome::Rollback: {
            auto status = p.content->roll_back();
            (status ? log_info : log_error)(status ? "staff: rolled back to the previous content"
                                                   : "rollback: " + status.error());
            p.shown = nullptr;
            break;
        }
        case StaffOutcome::None:
            break;
        }
    } else {
        return;
    }
    p.dirty = true;
}

void App::handle_gestures()
{
    auto& p = *m_parts;
    core::merge_pinches(p.pending);
    for (auto& g : p.pending) {
        TimeMs now = p.clock.now_ms();
        p.dirty = true;
        p.last_touch_ms = now;
        if (p.health->blanked()) {
            // Outside opening hours a touch wakes the screen and does nothing else.
            p.health->wake();
            continue;
        }
        if (p.session_start_ms < 0 && g.kind == GestureKind::Tap) {
            p.session_start_ms = now;
            p.counts.count("session", "started");
        }
        if (g.kind == GestureKind::Press)
            p.pressed = g.point;
        if (g.kind == GestureKind::Release)
            p.pressed.reset();
        bool was_attract = p.machine->current().kind == ScreenKind::Attract;
        auto* screen = current_screen();
        if (g.kind != GestureKind::Press && g.kind != GestureKind::Release
            && g.kind != GestureKind::PanEnd)
            p.machine->touch(now);
        // The first tap on the attract loop only wakes it (home).
        if (!(g.kind == GestureKind::Tap && was_attract))
            apply_nav(screens::deliver(*screen, g, p.frame(now, p.machine->lang())));
    }
    p.pending.clear();
}

void App::feed(const TouchSample& sample)
{
    m_parts->gestures.feed(sample, m_parts->pending);
}

// Quiet-moment work: new content, opening hours, counts, the self-check, the healthy start.
void App::look_after(TimeMs now, bool quiet)
{
    auto& p = *m_parts;
    if (p.watch)
        take_watch_build();
    if (p.content->poll(now, quiet && !p.gestures.active())) {
        // Everything that points into the old content goes before it does.
        p.shown = nullptr;
        p.navigator.reset();
        p.display->drop_caches();
        p.content->adopt();
        rebuild_screens();
    }
    if (p.health->update_hours(now, quiet, p.last_touch_ms))
        p.dirty = true;
    if (m_run.looks_after_content && now >= p.next_stats_flush_ms && quiet) {
        p.next_stats_flush_ms = now + 60000;
        p.counts.flush();
    }
    if (m_run.looks_after_content && p.frames > 0 && p.health->self_check_due(now)) {
        auto verdict = p.health->judge_frame(now, p.display->video().frame_is_uniform());
        if (verdict != Health::Verdict::Fine) {
            p.display->drop_caches();
            p.dirty = true;
        }
        if (verdict == Health::Verdict::Fallback) {
            p.content->set_problem(
                "self-check: the screen stayed blank; showing this page instead");
            rebuild_screens();
        }
    }
    p.content->ran_for(now);
}

bool App::advance(TimeMs now_ms)
{
    auto& p = *m_parts;
    p.clock.set(now_ms);
    TimeMs now = p.clock.now_ms();
    p.gestures.tick(now, p.pending);
    handle_gestures();
    if (p.machine->tick(now)) {
        p.dirty = true;
        if (p.session_start_ms >= 0) {
            p.counts.count("session_seconds", "total", (now - p.session_start_ms) / 1000);
            p.session_start_ms = -1;
        }
    }
    if (p.machine->current() != p.shown_ref)
        p.dirty = true;
    bool quiet = p.machine->current().kind == ScreenKind::Attract || now - p.last_touch_ms > 30000;
    look_after(now, quiet);
    if (current_screen()->update(now))
        p.dirty = true;
    if (!p.dirty && !(p.frame_due && *p.frame_due <= now && !p.health->blanked()))
        return false;
    auto t0 = std::chrono::steady_clock::now();
    draw_frame();
    p.display->video().present();
    p.last_frame_us = static_cast<uint32_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0)
            .count());
    p.frame_log.record(p.last_frame_us);
    if (p.watch_report)
        report_watch_frame();
    p.dirty = false;
    p.frame_due = p.health->blanked() ? std::nullopt : current_screen()->next_frame_ms(now);
    // A sharper picture is being painted in the background: show it as soon as it is ready.
    if (p.display->renderer().waiting() && !p.health->blanked())
        p.frame_due = std::min(p.frame_due.value_or(now + 16), now + 16);
    // Decode what comes next (the next attract slide, a slide's neighbours) in a pause, never
    // during a cross-fade (a decode takes longer than a 60 fps frame).
    if (p.frames > 1 && (!p.frame_due || *p.frame_due - now >= 50)) {
        DrawList ahead;
        current_screen()->draw_ahead(ahead, p.frame(now, p.machine->lang()));
        p.display->renderer().preload(ahead, p.display->video().size());
    }
    return true;
}

} // namespace kiosk::app
