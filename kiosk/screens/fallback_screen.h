// The screen shown when there is no usable content (missing, damaged or wrong database): a calm
// message in all three languages and, small, the reason for staff. Needs no content and no image.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

class FallbackScreen : public Screen {
public:
    FallbackScreen(core::FontMetrics& fonts, std::string reason);
    const std::string& reason() const { return m_reason; }

protected:
    void draw_content(core::DrawList& out, const Frame& frame) override;

private:
    core::Exhibition m_empty; // no content: the chrome helpers still get a Context
    core::FontMetrics& m_fonts;
    std::string m_reason;
};

} // namespace kiosk::screens
