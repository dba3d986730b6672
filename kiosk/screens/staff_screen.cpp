// Staff screen layout: a PIN pad until unlocked, then the information and actions.
#include "kiosk/screens/staff_screen.h"

#include "kiosk/screens/chrome.h"

namespace kiosk::screens {

using namespace core;

namespace {

const Text3 STAFF { { "Nhân viên", "スタッフ", "Staff" } };
const Text3 ENTER_PIN { { "Nhập mã PIN", "PINを入力", "Enter the PIN" } };
const Text3 NO_PIN { { "Chưa đặt mã PIN (kiosk.toml: [staff] pin_hash)",
    "PIN未設定（kiosk.toml: [staff] pin_hash）", "No PIN is set (kiosk.toml: [staff] pin_hash)" } };
const Text3 CLOSE { { "Đóng", "閉じる", "Close" } };
const Text3 EXIT { { "Thoát kiosk", "終了", "Exit kiosk" } };
const Text3 RESTART { { "Khởi động lại", "再起動", "Restart" } };
const Text3 ROLLBACK { { "Nội dung trước", "前の内容に戻す", "Previous content" } };
const Text3 PATTERN { { "Mẫu kiểm tra", "テストパターン", "Test pattern" } };
const Text3 CONTENT { { "Nội dung", "コンテンツ", "Content" } };
const Text3 INSTALLED { { "Cài đặt", "導入", "Installed" } };
const Text3 DEFAULT_LANG { { "Ngôn ngữ mặc định", "既定の言語", "Default language" } };
const Text3 IDLE { { "Chờ (giây)", "待機（秒）", "Idle timeout (s)" } };
const Text3 ERRORS { { "Lỗi gần đây", "最近のエラー", "Recent errors" } };
const Text3 NONE { { "không có", "なし", "none" } };
const Text3 COUNTS { { "Lượt tương tác", "利用回数", "Interactions" } };
const Text3 EXPORT { { "Xuất CSV", "CSV出力", "Export CSV" } };
const Text3 UPDATES_SIGNED { { "Cập nhật: chỉ nhận tệp có chữ ký tin cậy",
    "更新：信頼できる署名付きファイルのみ", "Updates: only files signed by a trusted key" } };
const Text3 UPDATES_UNSIGNED { { "Cập nhật: KHÔNG kiểm tra chữ ký (kiosk.toml: trusted_keys)",
    "更新：署名を確認していません（kiosk.toml: trusted_keys）",
    "Updates: UNSIGNED, anyone with the inbox can change the exhibition (kiosk.toml: "
    "trusted_keys)" } };
const Text3 CONFIG { { "Cấu hình", "設定", "Configuration" } };

} // namespace

void StaffScreen::enter(TimeMs)
{
    m_notice.clear();
    m_digits.clear();
    m_message.clear();
    m_pattern = false;
}

Nav StaffScreen::on_tap(Point point, const Frame& frame)
{
    if (m_pattern) {
        m_pattern = false;
        return {};
    }
    auto nav = Screen::on_tap(point, frame);
    if (nav.kind != NavKind::StaffAction)
        return nav;
    // Digits stay inside the screen until OK.
    switch (nav.staff) {
    case StaffCommand::KeyDigit:
        if (m_digits.size() < 12)
            m_digits += nav.id;
        return {};
    case StaffCommand::KeyDelete:
        if (!m_digits.empty())
            m_digits.pop_back();
        return {};
    case StaffCommand::KeyOk: {
        Nav pin = Nav::staff_command(StaffCommand::Pin, m_digits);
        m_digits.clear();
        return pin;
    }
    case StaffCommand::Pattern:
        m_pattern = true;
        return {};
    default:
        return nav;
    }
}

void StaffScreen::draw_content(DrawList& out, const Frame& frame)
{
    out.clear(palette::NAVY);
    if (m_pattern) {
        draw_test_pattern(out, frame);
        // The whole pattern is one target: a tap returns to the menu.
        add_hit({ 0, 0, static_cast<float>(frame.metrics.screen.width),
                    static_cast<float>(frame.metrics.screen.height) },
            Nav::staff_command(StaffCommand::PatternOff));
        return;
    }
    if (m_unlocked)
        draw_menu(out, frame);
    else
        draw_pin_pad(out, frame);
}

void StaffScreen::draw_pin_pad(DrawList& out, const Frame& frame)
{
    auto& m = frame.metrics;
    Exhibition none;
    Context ctx { none, m_fonts };
    float w = static_cast<float>(m.screen.width);
    auto title = style(TextRole::Title, frame.lang, Weight::Bold, Align::Center);
    out.add(DrawText { STAFF[frame.lang], title, { 0, m.u(40), w, m.u(90) }, palette::WHITE });
    auto label = style(TextRole::Body, frame.lang, Weight::Regular, Align::Center);
    out.add(DrawText { m_info.pin_configured ? ENTER_PIN[frame.lang] : NO_PIN[frame.lang], label,
        { m.margin, m.u(140), w - 2 * m.margin, m.u(60) }, palette::SAND });
    std::string dots;
    for (size_t i = 0; i < m_digits.size(); ++i)
        dots += "● ";
    auto dot_style = style(TextRole::Heading, frame.lang, Weight::Bold, Align::Center);
    out.add(DrawText {
        dots.empty() ? " " : dots, dot_style, { 0, m.u(210), w, m.u(70) }, palette::GOLD });
    if (!m_message.empty()) {
        auto msg = style(TextRole::Label, frame.lang, Weight::Bold, Align::Center);
        out.add(DrawText {
            m_message, msg, { m.margin, m.u(285), w - 2 * m.margin, m.u(50) }, palette::RED });
    }
    // A 4x3 pad of big keys.
    float key = m.u(130), gap = m.u(20);
    float pad_w = 3 * key + 2 * gap;
    float x0 = (w - pad_w) / 2, y0 = m.u(350);
    const char* keys[12] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK" };
    for (int i = 0; i < 12; ++i) {
        Rect r { x0 + static_cast<float>(i % 3) * (key + gap),
            y0 + static_cast<float>(i / 3) * (key + gap), key, key };
        bool pressed = pressed_in(frame, r);
        out.add(FillRect { pressed ? r.inset(m.u(4)) : r,
            i == 11 ? palette::TEAL : palette::NAVY_LIGHT, m.u(20) });
        if (i == 9) {
            // Backspace drawn (the fonts have no U+232B): a key-cap pointing left with an x.
            float cx = r.x + r.w / 2, cy = r.y + r.h / 2, s = r.w * 0.22f, t = m.u(5);
            Point tip { cx - s * 1.5f, cy }, tl { cx - s * 0.6f, cy - s },
                tr { cx + s * 1.3f, cy - s }, br { cx + s * 1.3f, cy + s },
                bl { cx - s * 0.6f, cy + s };
            out.add(Polyline { { tip, tl, tr, br, bl, tip }, palette::WHITE, t });
            float xs = s * 0.45f, xc = cx + s * 0.35f;
            out.add(DrawLine { { xc - xs, cy - xs }, { xc + xs, cy + xs }, palette::WHITE, t });
            out.add(DrawLine { { xc - xs, cy + xs }, { xc + xs, cy - xs }, palette::WHITE, t });
        } else {
            auto s = style(TextRole::Title, Lang::En, Weight::Bold, Align::Center);
            s.valign = VAlign::Middle;
            out.add(DrawText { keys[i], s, r, palette::WHITE });
        }
        add_hit(r,
            i == 9        ? Nav::staff_command(StaffCommand::KeyDelete)
                : i == 11 ? Nav::staff_command(StaffCommand::KeyOk)
                          : Nav::staff_command(StaffCommand::KeyDigit, keys[i]));
    }
    auto close = draw_button(out, ctx, frame,
        { m.margin, static_cast<float>(m.screen.height) - m.margin - m.target }, CLOSE[frame.lang],
        palette::NAVY_LIGHT, palette::WHITE, false, true);
    add_hit(close, { NavKind::Home, {} });
}

void StaffScreen::draw_menu(DrawList& out, const Frame& frame)
{
    auto& m = frame.metrics;
    Exhibition none;
    Context ctx { none, m_fonts };
    float w = static_cast<float>(m.screen.width);
    auto title = style(TextRole::Title, frame.lang, Weight::Bold);
    out.add(DrawText { STAFF[frame.lang], title, { m.margin, m.u(30), w - 2 * m.margin, m.u(90) },
        palette::WHITE });
    auto body = style(TextRole::Label, frame.lang);
    float y = m.u(140);
    auto line = [&](const std::string& text, Color color) {
        out.add(DrawText { text, body, { m.margin, y, w - 2 * m.margin, m.u(44) }, color });
        y += m.u(48);
    };
    line(CONTENT[frame.lang] + ": " + m_info.content_version + "  (" + m_info.content_path + ")",
        palette::WHITE);
    line(INSTALLED[frame.lang] + ": " + m_info.content_installed, palette::WHITE);
    line(DEFAULT_LANG[frame.lang] + ": " + std::string(lang_code(m_info.default_lang)) + "    "
            + IDLE[frame.lang] + ": " + std::to_string(m_info.idle_timeout_s),
        palette::WHITE);
    std::string counts = COUNTS[frame.lang] + ":";
    for (auto& [label, n] : m_info.counts)
        counts += "  " + label + " " + std::to_string(n);
    line(counts, palette::SAND);
    line(m_info.updates_signed ? UPDATES_SIGNED[frame.lang] : UPDATES_UNSIGNED[frame.lang],
        m_info.updates_signed ? palette::WHITE : palette::GOLD);
    if (!m_info.config_problems.empty())
        line(CONFIG[frame.lang] + ": " + m_info.config_problems.front()
                + (m_info.config_problems.size() > 1
                        ? "  (+" + std::to_string(m_info.config_problems.size() - 1) + ")"
                        : ""),
            palette::GOLD);
    line(ERRORS[frame.lang] + ":" + (m_info.last_errors.empty() ? " " + NONE[frame.lang] : ""),
        palette::SAND);
    auto small = style(TextRole::Caption, Lang::En);
    small.max_lines = 1;
    size_t first = m_info.last_errors.size() > 5 ? m_info.last_errors.size() - 5 : 0;
    for (size_t i = first; i < m_info.last_errors.size(); ++i) {
        out.add(DrawText { m_info.last_errors[i], small,
            { m.margin + m.u(24), y, w - 2 * m.margin - m.u(24), m.u(36) }, palette::MUTED });
        y += m.u(38);
    }
    if (!m_notice.empty()) {
        auto notice = style(TextRole::Label, frame.lang, Weight::Bold);
        notice.max_lines = 2;
        out.add(DrawText {
            m_notice, notice, { m.margin, y + m.u(8), w - 2 * m.margin, m.u(80) }, palette::GOLD });
        y += m.u(88);
    }
    // Actions: two rows of buttons.
    y = std::max(y + m.u(24), static_cast<float>(m.screen.height) * 0.58f);
    float x = m.margin;
    auto button = [&](const std::string& label, Nav action, Color fill) {
        float bw = button_width(ctx, frame, label);
        if (x + bw > w - m.margin) {
            x = m.margin;
            y += m.target + m.u(24);
        }
        auto r = draw_button(out, ctx, frame, { x, y }, label, fill, palette::WHITE);
        add_hit(r, std::move(action));
        x = r.right() + m.u(24);
    };
    for (auto lang : ALL_LANGS)
        button(DEFAULT_LANG[frame.lang] + ": " + std::string(lang_code(lang)),
            Nav { NavKind::StaffAction, {}, lang, StaffCommand::DefaultLang },
            lang == m_info.default_lang ? palette::SEA : palette::NAVY_LIGHT);
    button(IDLE[frame.lang] + " –", Nav::staff_command(StaffCommand::IdleShorter),
        palette::NAVY_LIGHT);
    button(
        IDLE[frame.lang] + " +", Nav::staff_command(StaffCommand::IdleLonger), palette::NAVY_LIGHT);
    button(PATTERN[frame.lang], Nav::staff_command(StaffCommand::Pattern), palette::SEA);
    button(EXPORT[frame.lang], Nav::staff_command(StaffCommand::Export), palette::SEA);
    button(ROLLBACK[frame.lang], Nav::staff_command(StaffCommand::Rollback), palette::SEA);
    button(RESTART[frame.lang], Nav::staff_command(StaffCommand::Restart), palette::SEA);
    button(EXIT[frame.lang], Nav::staff_command(StaffCommand::Exit), palette::RED);
    button(CLOSE[frame.lang], Nav::staff_command(StaffCommand::Close), palette::TEAL);
}

void StaffScreen::draw_test_pattern(DrawList& out, const Frame& frame)
{
    auto& m = frame.metrics;
    float w = static_cast<float>(m.screen.width), h = static_cast<float>(m.screen.height);
    // Colour bars, a grid every 10 % and a touch-size square in each corner.
    const Color bars[] = { palette::WHITE, palette::GOLD, palette::TEAL, palette::LEAF,
        palette::RED, palette::SEA, palette::NAVY_LIGHT, { 0, 0, 0, 255 } };
    float bw = w / 8;
    for (int i = 0; i < 8; ++i)
        out.add(FillRect { { bw * static_cast<float>(i), 0, bw + 1, h * 0.5f }, bars[i], 0 });
    for (int i = 1; i < 10; ++i) {
        out.add(DrawLine { { w * static_cast<float>(i) / 10, h * 0.5f },
            { w * static_cast<float>(i) / 10, h }, palette::MUTED, 1 });
        out.add(DrawLine { { 0, h * 0.5f + h * 0.05f * static_cast<float>(i) },
            { w, h * 0.5f + h * 0.05f * static_cast<float>(i) }, palette::MUTED, 1 });
    }
    for (auto corner : { Point { 0, 0 }, Point { w - m.target, 0 }, Point { 0, h - m.target },
             Point { w - m.target, h - m.target } })
        out.add(FillRect { { corner.x, corner.y, m.target, m.target }, palette::RED, 0 });
    auto s = style(TextRole::Heading, Lang::Vi, Weight::Bold, Align::Center);
    out.add(DrawText { "Hải Phòng – Kitakyushu · 北九州市・ハイフォン · Hanoi – Kanagawa", s,
        { 0, h * 0.62f, w, m.u(80) }, palette::WHITE });
    out.add(DrawText { std::to_string(m.screen.width) + " × " + std::to_string(m.screen.height), s,
        { 0, h * 0.72f, w, m.u(80) }, palette::GOLD });
}

} // namespace kiosk::screens
