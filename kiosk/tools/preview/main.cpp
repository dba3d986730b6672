// kiosk-preview: pictures of every screen for content editors and reviewers.
//   kiosk-preview -o DIR [--db FILE] [--sizes 1920x1080,1080x1920,3840x2160] [--langs vi,ja,en]
// writes DIR/<size>/<lang>/<screen>.png for every screen of the exhibition and one contact sheet
// per size and language, DIR/contact-<lang>-<size>.png: thumbnails in a grid, each named.
#include "kiosk/app/app.h"
#include "kiosk/app/screen_registry.h"
#include "kiosk/core/strings.h"
#include "kiosk/platform/fonts.h"
#include "kiosk/platform/sdl_handles.h"
#include "kiosk/store/store.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace kiosk;
namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    std::string out_dir, db = app::default_db_path();
    std::string sizes = "1920x1080,1080x1920,3840x2160", langs = "vi,ja,en";
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (i + 1 >= argc) {
            out_dir.clear();
            break;
        }
        if (arg == "-o")
            out_dir = argv[++i];
        else if (arg == "--db")
            db = argv[++i];
        else if (arg == "--sizes")
            sizes = argv[++i];
        else if (arg == "--langs")
            langs = argv[++i];
    }
    if (out_dir.empty()) {
        std::fputs("usage: kiosk-preview -o DIR [--db FILE] [--sizes WxH,...] [--langs vi,ja,en]\n",
            stderr);
        return 2;
    }
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    setenv("KIOSK_CONFIG", "/nonexistent", 1);
    auto store = store::Store::open(db, store::Verify::Quick);
    if (!store) {
        std::fprintf(stderr, "kiosk-preview: %s\n", store.error().c_str());
        return 1;
    }
    auto ex = store.value()->load_exhibition();
    if (!ex) {
        std::fprintf(stderr, "kiosk-preview: %s\n", ex.error().c_str());
        return 1;
    }
    auto refs = app::all_screens(ex.value());
    platform::SdlLibrary sdl;
    if (!sdl.init(SDL_INIT_VIDEO)) {
        std::fprintf(stderr, "kiosk-preview: %s\n", SDL_GetError());
        return 1;
    }
    auto fonts = platform::FontSet::open(app::font_dirs());
    if (!fonts) {
        std::fprintf(stderr, "kiosk-preview: %s\n", fonts.error().c_str());
        return 1;
    }
    fonts.value()->set_phrase_model(app::load_phrase_model());
    size_t written = 0;
    for (auto& size_text : core::split_list(sizes)) {
        core::Size size;
        if (std::sscanf(size_text.c_str(), "%dx%d", &size.width, &size.height) != 2)
            continue;
        for (auto& lang_text : core::split_list(langs)) {
            auto lang = core::parse_lang(lang_text);
            if (!lang)
                continue;
            fs::path dir = fs::path(out_dir) / size_text / lang_text;
            fs::create_directories(dir);
            // The contact sheet: thumbnails 384 px wide (or tall, for portrait), 6 to a row.
            const int columns = 6;
            int thumb_w = size.width >= size.height ? 384 : 216;
            int thumb_h = thumb_w * size.height / size.width;
            int label_h = 28, gap = 12;
            int rows = static_cast<int>((refs.size() + columns - 1) / columns);
            platform::SurfacePtr sheet(
                SDL_CreateRGBSurfaceWithFormat(0, columns * (thumb_w + gap) + gap,
                    rows * (thumb_h + label_h + gap) + gap, 32, SDL_PIXELFORMAT_ARGB8888));
            SDL_FillRect(sheet.get(), nullptr, SDL_MapRGB(sheet->format, 30, 30, 36));
            TTF_Font* label_font
                = fonts.value()->font(core::Script::Latin, core::Weight::Regular, 16);
            for (size_t i = 0; i < refs.size(); ++i) {
                std::string name = core::screen_ref_name(refs[i]);
                std::replace(name.begin(), name.end(), ':', '_');
                fs::path png = dir / (name + ".png");
                app::Options options;
                options.screenshot_path = png.string();
                options.db_path = db;
                options.size = size;
                options.lang = lang;
                options.screen = refs[i];
                app::App app(options);
                if (app.start() != 0)
                    continue;
                app.advance(0);
                if (!app.save_png(png.string()))
                    continue;
                ++written;
                platform::SurfacePtr shot(IMG_Load(png.string().c_str()));
                if (!shot)
                    continue;
                int col = static_cast<int>(i % columns), row = static_cast<int>(i / columns);
                SDL_Rect dest { gap + col * (thumb_w + gap), gap + row * (thumb_h + label_h + gap),
                    thumb_w, thumb_h };
                SDL_BlitScaled(shot.get(), nullptr, sheet.get(), &dest);
                std::string label = core::screen_ref_name(refs[i]);
                if (label_font) {
                    platform::SurfacePtr text(TTF_RenderUTF8_Blended(
                        label_font, label.c_str(), SDL_Color { 230, 230, 230, 255 }));
                    if (text) {
                        SDL_Rect at { dest.x, dest.y + thumb_h + 4, std::min(text->w, thumb_w),
                            text->h };
                        SDL_Rect src { 0, 0, at.w, text->h };
                        SDL_BlitSurface(text.get(), &src, sheet.get(), &at);
                    }
                }
            }
            auto sheet_path
                = fs::path(out_dir) / ("contact-" + lang_text + "-" + size_text + ".png");
            IMG_SavePNG(sheet.get(), sheet_path.string().c_str());
            std::printf("%s: %zu screens\n", sheet_path.string().c_str(), refs.size());
        }
    }
    std::printf("%zu screen pictures under %s\n", written, out_dir.c_str());
    return 0;
}
