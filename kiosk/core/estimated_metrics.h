// Text metrics without fonts: every CJK code point 1.0 em, every other one 0.55 em (bold 5 %
// wider), combining marks 0; line heights 1.36 em (Latin) and 1.45 em (CJK). For laying screens
// out where no font may be opened (the installer on a worker thread, where SDL_ttf is not safe
// beside the kiosk's own drawing), when only the boxes of pictures matter, not the text's own.
#pragma once

#include "kiosk/core/layout.h"

namespace kiosk::core {

class EstimatedFontMetrics : public FontMetrics {
public:
    int measure_px(std::string_view utf8, Script script, Weight weight, int size_px) override;
    int line_height_px(Script script, Weight weight, int size_px) override;
};

} // namespace kiosk::core
