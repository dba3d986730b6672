// The app: builds the store, the platform parts and the screens, and runs the loop. It owns the
// parts and hands references into constructors; screens see only their Context.
#pragma once

#include "kiosk/app/options.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/content_model.h"
#include "kiosk/core/screen_machine.h"

#include <memory>
#include <string>

namespace kiosk::app {

// The database used when --db is not given: $KIOSK_DB, the build's kiosk.db, the installed one.
std::string default_db_path();
// Folders searched for fonts: $KIOSK_FONT_DIR, the source tree's assets/fonts, the installed one.
std::vector<std::string> font_dirs();

class App {
public:
    explicit App(Options options);
    ~App();
    // Runs until the kiosk is told to stop (or after one frame for screenshots); the exit code.
    int run();

private:
    struct Parts;
    Options m_options;
    std::unique_ptr<Parts> m_parts;
};

} // namespace kiosk::app
