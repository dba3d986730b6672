// Home: the exhibition's title and the two partnerships as the first choice, with the map and
// the timeline one tap away.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

class HomeScreen : public Screen {
public:
    explicit HomeScreen(Context ctx)
        : m_ctx(ctx)
    {
    }

protected:
    void draw_content(core::DrawList& out, const Frame& frame) override;

private:
    Context m_ctx;
};

} // namespace kiosk::screens
