// What the staff screen's commands do: the PIN (checked against an argon2id hash) with a lockout
// that doubles and survives restarts (kept in the state folder), the settings staff may change,
// the CSV export of the interaction counts. What needs the rest of the app (exit, restart,
// rollback, new settings) comes back as an outcome for the app to carry out.
#pragma once

#include "kiosk/app/config.h"
#include "kiosk/app/interaction_counts.h"
#include "kiosk/screens/staff_screen.h"

#include <cstdint>
#include <functional>
#include <string>

namespace kiosk::app {

struct Content;

enum class StaffOutcome { None, Exit, Restart, Close, SettingsChanged, Rollback };

class StaffDesk {
public:
    // `config` is the app's: staff settings change it. `now_ms` is wall-clock time in ms (the
    // lockout must outlast a restart).
    StaffDesk(Config& config, std::function<int64_t()> now_ms);

    StaffOutcome handle(const screens::Nav& nav, screens::StaffScreen& screen,
        const core::Exhibition& exhibition, InteractionCounts& counts);
    // What the staff screen shows about the kiosk.
    screens::StaffInfo info(const Content& content, InteractionCounts& counts) const;
    // The idle timeout in force: the configuration's, else the content's.
    int idle_timeout_s(const core::Exhibition& exhibition) const;
    // Until when (wall-clock ms) PIN entry is refused; 0 when it is not.
    int64_t locked_until_ms() const { return m_locked_until_ms; }

private:
    void check_pin(const std::string& pin, screens::StaffScreen& screen);
    void export_csv(screens::StaffScreen& screen, InteractionCounts& counts);
    void load_lockout();
    void save_lockout() const;

    Config& m_config;
    std::function<int64_t()> m_now_ms;
    std::string m_lockout_path; // state folder/.pin-lockout: "failures locked-until-ms"
    int m_failures { 0 };
    int64_t m_locked_until_ms { 0 };
};

} // namespace kiosk::app
