// Staff commands, the PIN and its lockout.
#include "kiosk/app/staff_desk.h"

#include "kiosk/app/content_manager.h"
#include "kiosk/app/log.h"
#include "kiosk/app/paths.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sodium.h>

namespace kiosk::app {

namespace fs = std::filesystem;
using screens::StaffCommand;

StaffDesk::StaffDesk(Config& config, std::function<int64_t()> now_ms)
    : m_config(config)
    , m_now_ms(std::move(now_ms))
    , m_lockout_path(config.state_dir + "/.pin-lockout")
{
    load_lockout();
}

void StaffDesk::load_lockout()
{
    FILE* f = std::fopen(m_lockout_path.c_str(), "r");
    if (!f)
        return;
    int failures = 0;
    long long until = 0;
    if (std::fscanf(f, "%d %lld", &failures, &until) == 2 && failures >= 0) {
        m_failures = std::min(failures, 1000);
        // A lockout never lasts longer than the longest one there is (a clock set back, a
        // hand-edited file).
        m_locked_until_ms = std::clamp<int64_t>(until, 0, m_now_ms() + (int64_t { 30000 } << 6));
    }
    std::fclose(f);
}

void StaffDesk::save_lockout() const
{
    std::string temp = m_lockout_path + ".tmp";
    FILE* f = std::fopen(temp.c_str(), "w");
    if (!f)
        return; // no state folder (a preview): the lockout lasts as long as the process
    std::fprintf(f, "%d %lld\n", m_failures, static_cast<long long>(m_locked_until_ms));
    if (std::fclose(f) == 0)
        std::rename(temp.c_str(), m_lockout_path.c_str());
}

int StaffDesk::idle_timeout_s(const core::Exhibition& exhibition) const
{
    return m_config.idle_timeout_s > 0 ? m_config.idle_timeout_s
                                       : static_cast<int>(exhibition.meta.idle_timeout_ms / 1000);
}

void StaffDesk::check_pin(const std::string& pin, screens::StaffScreen& screen)
{
    int64_t now = m_now_ms();
    if (now < m_locked_until_ms) {
        screen.reject(
            "Locked: wait " + std::to_string((m_locked_until_ms - now + 999) / 1000) + " s");
        return;
    }
    bool good = !m_config.staff_pin_hash.empty() && sodium_init() >= 0
        && crypto_pwhash_str_verify(m_config.staff_pin_hash.c_str(), pin.c_str(), pin.size()) == 0;
    if (good) {
        m_failures = 0;
        m_locked_until_ms = 0;
        save_lockout();
        screen.unlock();
        log_info("staff screen unlocked");
        return;
    }
    // Rate limit: after three failures, a lockout that doubles each time (30 s, 60 s, ...).
    ++m_failures;
    log_warning("wrong staff PIN (" + std::to_string(m_failures) + " in a row)");
    if (m_failures >= 3) {
        int64_t lock_ms = int64_t { 30000 } << std::min(m_failures - 3, 6);
        m_locked_until_ms = now + lock_ms;
        screen.reject("Locked: wait " + std::to_string(lock_ms / 1000) + " s");
    } else {
        screen.reject("Wrong PIN");
    }
    save_lockout();
}

void StaffDesk::export_csv(screens::StaffScreen& screen, InteractionCounts& counts)
{
    // The interaction counts as CSV, where staff can take them (a USB stick, if configured).
    counts.flush();
    std::string dir
        = m_config.export_dir.empty() ? m_config.state_dir + "/exports" : m_config.export_dir;
    std::error_code ec;
    fs::create_directories(dir, ec);
    auto csv = counts.db()
        ? counts.db()->export_csv()
        : core::Result<std::string>(core::Error { "no interaction counts here" });
    std::string path = dir + "/interactions-" + today() + ".csv";
    std::FILE* f = csv ? std::fopen(path.c_str(), "w") : nullptr;
    bool ok = f && std::fwrite(csv.value().data(), 1, csv.value().size(), f) == csv.value().size();
    if (f)
        ok = std::fclose(f) == 0 && ok;
    std::string message = ok ? "CSV: " + path : "CSV export failed: " + (csv ? path : csv.error());
    (ok ? log_info : log_error)(message);
    screen.notice(message);
}

StaffOutcome StaffDesk::handle(const screens::Nav& nav, screens::StaffScreen& screen,
    const core::Exhibition& exhibition, InteractionCounts& counts)
{
    if (nav.staff == StaffCommand::Pin) {
        check_pin(nav.id, screen);
        return StaffOutcome::None;
    }
    if (!screen.unlocked())
        return StaffOutcome::None;
    switch (nav.staff) {
    case StaffCommand::Exit:
        log_info("staff: exit");
        return StaffOutcome::Exit;
    case StaffCommand::Restart:
        log_info("staff: restart");
        return StaffOutcome::Restart;
    case StaffCommand::Export:
        export_csv(screen, counts);
        return StaffOutcome::None;
    case StaffCommand::Close:
        return StaffOutcome::Close;
    case StaffCommand::DefaultLang:
        m_config.default_lang = nav.lang;
        log_info("staff: default language " + std::string(core::lang_code(nav.lang)));
        return StaffOutcome::SettingsChanged;
    case StaffCommand::IdleLonger:
    case StaffCommand::IdleShorter: {
        int step = nav.staff == StaffCommand::IdleLonger ? 15 : -15;
        m_config.idle_timeout_s = std::clamp(idle_timeout_s(exhibition) + step, 15, 600);
        log_info("staff: idle timeout " + std::to_string(m_config.idle_timeout_s) + " s");
        return StaffOutcome::SettingsChanged;
    }
    case StaffCommand::Rollback:
        return StaffOutcome::Rollback;
    default:
        return StaffOutcome::None;
    }
}

screens::StaffInfo StaffDesk::info(const Content& content, InteractionCounts& counts) const
{
    screens::StaffInfo info;
    info.content_path = content.path;
    if (content.store) {
        info.content_version = content.store->info().content_version;
        info.content_installed = content.store->info().built_at;
    }
    info.last_errors = recent_problems();
    if (auto* db = counts.db()) {
        counts.flush();
        info.counts = { { "sessions", db->total_of_kind("session") },
            { "screens", db->total_of_kind("screen") }, { "places", db->total_of_kind("place") },
            { "vi", db->total("lang", "vi") }, { "ja", db->total("lang", "ja") },
            { "en", db->total("lang", "en") } };
    }
    info.default_lang = m_config.default_lang.value_or(content.exhibition.meta.default_lang);
    info.idle_timeout_s = idle_timeout_s(content.exhibition);
    info.pin_configured = !m_config.staff_pin_hash.empty();
    info.updates_signed = m_config.require_signature || !m_config.trusted_keys.empty();
    info.trusted_keys = m_config.trusted_keys.size();
    info.config_problems = m_config.problems;
    return info;
}

} // namespace kiosk::app
