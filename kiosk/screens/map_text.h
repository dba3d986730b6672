// The map screen's own words (not content), in the three languages.
#pragma once

#include "kiosk/core/content_model.h"
#include "kiosk/core/lang.h"

namespace kiosk::screens::map_text {

inline const core::Text3 BOTH_COUNTRIES { { "Cả hai nước", "両国", "Both countries" } };
// The other presets are the partnerships, named as the content names them
// ("Hải Phòng – Kitakyushu", "Hà Nội – Kanagawa").
inline const core::Text3 CLOSE { { "Đóng", "閉じる", "Close" } };
inline const core::Text3 READ_MORE { { "Xem thêm", "関連スライド", "Read more" } };
// Natural Earth is public domain (the credit is a courtesy its terms ask for); the finer coasts,
// lakes and rivers are GSHHG's (LGPL-3.0), whose authors ask to be cited.
inline constexpr const char* CREDIT = "Natural Earth · GSHHG (Wessel & Smith)";

// The legend of the arcs, one line per kind of link (in core::LinkKind's order).
inline const core::Text3& link_kind_name(core::LinkKind kind)
{
    static const core::Text3 NAMES[] = {
        { { "Hữu nghị", "友好関係", "Friendship" } },
        { { "Thành phố kết nghĩa", "姉妹都市", "Sister cities" } },
        { { "Ghi nhớ hợp tác", "協力の覚書", "Cooperation memorandum" } },
    };
    static_assert(static_cast<int>(core::LinkKind::Friendship) == 0
        && static_cast<int>(core::LinkKind::Sister) == 1
        && static_cast<int>(core::LinkKind::Cooperation) == 2);
    return NAMES[static_cast<size_t>(kind)];
}

inline const core::Text3& kind_name(core::PlaceKind kind)
{
    static const core::Text3 CITY { { "Thành phố", "都市", "City" } };
    static const core::Text3 PREFECTURE { { "Tỉnh", "県", "Prefecture" } };
    static const core::Text3 SITE { { "Địa điểm", "施設", "Site" } };
    static const core::Text3 PORT { { "Cảng", "港", "Port" } };
    switch (kind) {
    case core::PlaceKind::City:
        return CITY;
    case core::PlaceKind::Prefecture:
        return PREFECTURE;
    case core::PlaceKind::Site:
        return SITE;
    case core::PlaceKind::Port:
        return PORT;
    }
    return CITY;
}

} // namespace kiosk::screens::map_text
