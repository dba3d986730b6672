// The kiosk's own words (not content): buttons and calls to action, in the three languages.
#pragma once

#include "kiosk/core/lang.h"

namespace kiosk::screens::ui_text {

inline const core::Text3 HOME { { "Trang chủ", "ホーム", "Home" } };
inline const core::Text3 BACK { { "Quay lại", "戻る", "Back" } };
inline const core::Text3 NEXT_TOPIC { { "Chủ đề tiếp", "次のテーマ", "Next topic" } };
inline const core::Text3 MORE_BELOW { { "Kéo lên để xem thêm", "上にスクロールしてもっと見る",
    "Drag up for more" } };
inline const core::Text3 TOUCH_TO_EXPLORE { { "Chạm để khám phá", "タッチしてご覧ください",
    "Touch to explore" } };
inline const core::Text3 SOURCE { { "Nguồn", "出典", "Source" } };
inline const core::Text3 MAP { { "Bản đồ", "地図", "Map" } };
inline const core::Text3 TIMELINE { { "Dòng thời gian", "年表", "Timeline" } };
inline const core::Text3 MAP_INVITE { { "Các thành phố trên bản đồ", "地図で見る都市",
    "The cities on the map" } };
inline const core::Text3 TIMELINE_INVITE { { "Các mốc theo năm tháng", "年ごとの歩み",
    "Year by year" } };
inline const core::Text3 CHARTS { { "Số liệu", "データ", "Figures" } };
inline const core::Text3 CHOOSE_PARTNERSHIP { { "Chọn một mối quan hệ hợp tác",
    "交流を選んでください", "Choose a partnership" } };
inline const core::Text3 NOT_READY_TITLE { { "Triển lãm đang được chuẩn bị", "展示を準備しています",
    "The exhibition is being prepared" } };
inline const core::Text3 NOT_READY_BODY { { "Xin vui lòng quay lại sau ít phút.",
    "しばらくしてから、もう一度お越しください。", "Please come back in a few minutes." } };
inline const core::Text3 INFERRED { { "năm suy ra", "推定年", "year inferred" } };
inline const core::Text3 ABOUT { { "khoảng", "約", "about" } };

// The language switch names each language in itself.
inline constexpr const char* LANG_NAMES[3] = { "Tiếng Việt", "日本語", "English" };

} // namespace kiosk::screens::ui_text
