// The text test card's content and grid. The strings are chosen to be hard: stacked Vietnamese
// marks on capitals, numbers with units, a long unspaced Japanese sentence with 。、「」 and
// small kana, and JP-specific glyph forms (直, 骨, 角).
#include "kiosk/platform/text_card.h"

#include <algorithm>
#include <array>
#include <string>

namespace kiosk::platform {

namespace {

using core::Align;
using core::Lang;
using core::TextRole;
using core::Weight;

struct CardLine {
    const char* text;
    TextRole role;
    Weight weight;
    Align align;
};

struct Column {
    Lang lang;
    std::array<CardLine, 6> lines;
};

const std::array<Column, 3> COLUMNS = { {
    { Lang::Vi,
        { {
            { "TIẾNG VIỆT", TextRole::Label, Weight::Bold, Align::Start },
            { "Hải Phòng – Kitakyushu", TextRole::Title, Weight::Bold, Align::Start },
            { "Hải Phòng – Kitakyushu: thành phố kết nghĩa từ năm 2014. Nhà máy nước An Dương "
              "100.000 m³/ngày",
                TextRole::Body, Weight::Regular, Align::Start },
            { "Diện tích 1.561,8 km², dân số 2.088.020 người. Đường ống dẫn nước sạch đến từng "
              "khu phố.",
                TextRole::Body, Weight::Bold, Align::Start },
            { "ẮẰẲẴẶ ẤẦẨẪẬ ẾỀỂỄỆ ỐỒỔỖỘ ỚỜỞỠỢ ỨỪỬỮỰ Đ đ ỹ ỵ", TextRole::Body, Weight::Regular,
                Align::Start },
            { "Ảnh: Công ty Cấp nước Hải Phòng. Chạm vào màn hình để xem tiếp.", TextRole::Caption,
                Weight::Regular, Align::Start },
        } } },
    { Lang::Ja,
        { {
            { "日本語", TextRole::Label, Weight::Bold, Align::Start },
            { "北九州市とハイフォン市", TextRole::Title, Weight::Bold, Align::Start },
            { "北九州市とハイフォン市は二〇一四年に姉妹都市となり、上下水道の技術協力を続けています"
              "。"
              "「きれいな水をすべての家庭へ」という目標のもと、ちょっとした工夫を積み重ねてきました"
              "。",
                TextRole::Body, Weight::Regular, Align::Start },
            { "安全な水を毎日100,000 m³、約94万人に届けています。", TextRole::Body, Weight::Bold,
                Align::Start },
            { "直線・骨格・角度・写真・今日（日本の字形）", TextRole::Body, Weight::Regular,
                Align::Start },
            { "写真：ハイフォン市上下水道公社。画面にタッチしてください。", TextRole::Caption,
                Weight::Regular, Align::Start },
        } } },
    { Lang::En,
        { {
            { "ENGLISH", TextRole::Label, Weight::Bold, Align::Start },
            { "Hai Phong – Kitakyushu", TextRole::Title, Weight::Bold, Align::Start },
            { "Sister cities since 2014. The An Duong water plant treats 100,000 m³ of water a day "
              "for 947,092 people.",
                TextRole::Body, Weight::Regular, Align::Start },
            { "Area 491.95 km². Clean water reaches every district.", TextRole::Body, Weight::Bold,
                Align::Start },
            { "Centred text stays centred on every screen.", TextRole::Body, Weight::Regular,
                Align::Center },
            { "Photo: Hai Phong Water Supply Company. Touch the screen to continue.",
                TextRole::Caption, Weight::Regular, Align::End },
        } } },
} };

const CardLine MIXED_LINE
    = { "Hải Phòng ハイフォン市 · Kitakyushu 北九州市 · 100.000 m³/ngày · 「水」",
          TextRole::Heading, Weight::Regular, Align::Center };

constexpr core::Color WHITE { 255, 255, 255, 255 };
constexpr core::Color MUTED { 165, 190, 225, 255 };
constexpr core::Color ACCENT { 250, 200, 90, 255 };

// Draws the lines of one column top-down; returns the y below the last one.
float draw_column(TextRenderer& text, const Column& column, core::Rect area, int scale_height_px)
{
    float y = area.y;
    float gap = static_cast<float>(core::type_scale_px(TextRole::Caption, scale_height_px)) * 0.6f;
    for (const auto& card_line : column.lines) {
        // A zero-height box would mean "no height limit"; a full column simply stops.
        if (area.bottom() - y < 1)
            break;
        core::DrawText command;
        command.text = card_line.text;
        command.style.role = card_line.role;
        command.style.weight = card_line.weight;
        command.style.align = card_line.align;
        command.style.lang = column.lang;
        command.box = { area.x, y, area.w, area.bottom() - y };
        command.color = card_line.role == TextRole::Label ? ACCENT
            : card_line.role == TextRole::Caption         ? MUTED
                                                          : WHITE;
        const auto& laid = text.layout(command.text, command.style,
            { static_cast<int>(command.box.w), static_cast<int>(command.box.h) }, scale_height_px);
        text.draw(command, scale_height_px);
        y += laid.height + gap;
    }
    return y;
}

} // namespace

void draw_text_card(SDL_Renderer* renderer, TextRenderer& text, core::Size screen)
{
    SDL_SetRenderDrawColor(renderer, 0x0b, 0x24, 0x47, 255);
    SDL_RenderClear(renderer);

    bool portrait = screen.height > screen.width;
    int scale_height_px = std::min(screen.width, screen.height);
    float margin = static_cast<float>(scale_height_px) * 0.04f;
    float gutter = margin;
    float width = static_cast<float>(screen.width);
    float height = static_cast<float>(screen.height);

    // The mixed line runs along the bottom on every layout.
    // Room for one Heading line on landscape, two when the narrow portrait screen wraps it.
    float mixed_lines = portrait ? 3.6f : 2.2f;
    float mixed_h
        = static_cast<float>(core::type_scale_px(TextRole::Heading, scale_height_px)) * mixed_lines;
    core::Rect mixed_box { margin, height - margin - mixed_h, width - 2 * margin, mixed_h };
    core::Rect content { margin, margin, width - 2 * margin, mixed_box.y - 2 * margin };

    if (portrait) {
        float section_h = (content.h - 2 * gutter) / 3;
        for (size_t i = 0; i < COLUMNS.size(); ++i) {
            core::Rect area { content.x, content.y + static_cast<float>(i) * (section_h + gutter),
                content.w, section_h };
            draw_column(text, COLUMNS[i], area, scale_height_px);
        }
    } else {
        float column_w = (content.w - 2 * gutter) / 3;
        for (size_t i = 0; i < COLUMNS.size(); ++i) {
            core::Rect area { content.x + static_cast<float>(i) * (column_w + gutter), content.y,
                column_w, content.h };
            draw_column(text, COLUMNS[i], area, scale_height_px);
        }
    }

    // A rule above the mixed line.
    SDL_SetRenderDrawColor(renderer, MUTED.r, MUTED.g, MUTED.b, 255);
    SDL_Rect rule { static_cast<int>(margin), static_cast<int>(mixed_box.y - margin / 2),
        static_cast<int>(mixed_box.w), std::max(1, scale_height_px / 540) };
    SDL_RenderFillRect(renderer, &rule);

    core::DrawText mixed;
    mixed.text = MIXED_LINE.text;
    mixed.style.role = MIXED_LINE.role;
    mixed.style.weight = MIXED_LINE.weight;
    mixed.style.align = MIXED_LINE.align;
    mixed.style.lang = Lang::Vi;
    mixed.box = mixed_box;
    mixed.color = WHITE;
    text.draw(mixed, scale_height_px);
}

} // namespace kiosk::platform
