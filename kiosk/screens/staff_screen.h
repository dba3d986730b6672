// The staff screen, behind a PIN: content version and install date, last errors, interaction
// counts, default language and idle timeout, a test pattern, rollback, restart and exit. The PIN
// is checked by the app (against a hash); this screen only collects digits and shows the verdict.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

struct StaffInfo {
    std::string content_version;
    std::string content_installed; // when the file was built / installed
    std::string content_path;
    std::vector<std::string> last_errors; // newest last
    std::vector<std::pair<std::string, int64_t>> counts; // label, number
    core::Lang default_lang { core::Lang::Vi };
    int idle_timeout_s { 60 };
    bool pin_configured { false };
    // How new content is accepted: signed by a trusted key, or (no key configured) unsigned.
    bool updates_signed { false };
    size_t trusted_keys { 0 };
    std::vector<std::string> config_problems; // "file:line:col: message"
};

class StaffScreen : public Screen {
public:
    explicit StaffScreen(core::FontMetrics& fonts)
        : m_fonts(fonts)
    {
    }
    void enter(core::TimeMs now_ms) override;
    void set_info(StaffInfo info) { m_info = std::move(info); }
    // The app's verdict on the PIN just entered.
    void unlock()
    {
        m_unlocked = true;
        m_message.clear();
    }
    // Leaving the staff screen locks it again.
    void lock() { m_unlocked = false; }
    void reject(std::string message)
    {
        m_digits.clear();
        m_message = std::move(message);
    }
    // A line for staff in the menu (what an action did).
    void notice(std::string message) { m_notice = std::move(message); }
    bool unlocked() const { return m_unlocked; }
    Nav on_tap(core::Point point, const Frame& frame) override;

protected:
    void draw_content(core::DrawList& out, const Frame& frame) override;

private:
    void draw_pin_pad(core::DrawList& out, const Frame& frame);
    void draw_menu(core::DrawList& out, const Frame& frame);
    void draw_test_pattern(core::DrawList& out, const Frame& frame);

    core::FontMetrics& m_fonts;
    StaffInfo m_info;
    std::string m_digits;
    std::string m_message;
    std::string m_notice;
    bool m_unlocked { false };
    bool m_pattern { false };
};

} // namespace kiosk::screens
