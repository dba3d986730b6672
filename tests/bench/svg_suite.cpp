// kiosk-svg-suite: how faithfully the kiosk draws SVG, measured against a public test suite with
// reference PNGs (resvg's tests/ folder: each NAME.svg beside its NAME.png). Each drawing is
// rasterised at its reference's size through the kiosk's path (prepare_picture, then
// decode_image, as `kiosk-content render` and the image cache do) and through SDL_image's
// nanosvg (what the kiosk used before), both over white, and compared with the reference over
// white: a pixel differs when a channel is off by more than 48 (as tests/support/golden.h), and a
// drawing matches when at most 1 % of its pixels differ. Prints a line per folder and totals.
//   kiosk-svg-suite [--list FILE] DIR...
#include "kiosk/platform/images.h"
#include "kiosk/platform/pictures.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

platform::SurfacePtr over_white(SDL_Surface* picture, int w, int h)
{
    platform::SurfacePtr out(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
    SDL_FillRect(out.get(), nullptr, SDL_MapRGB(out->format, 255, 255, 255));
    if (picture) {
        SDL_SetSurfaceBlendMode(picture, SDL_BLENDMODE_BLEND);
        SDL_BlitSurface(picture, nullptr, out.get(), nullptr);
    }
    return out;
}

bool matches(SDL_Surface* a, SDL_Surface* b)
{
    size_t differing = 0;
    for (int y = 0; y < a->h; ++y) {
        auto* ra = reinterpret_cast<const uint32_t*>(
            static_cast<const uint8_t*>(a->pixels) + y * a->pitch);
        auto* rb = reinterpret_cast<const uint32_t*>(
            static_cast<const uint8_t*>(b->pixels) + y * b->pitch);
        for (int x = 0; x < a->w; ++x) {
            for (int shift = 0; shift < 24; shift += 8) {
                int d = static_cast<int>((ra[x] >> shift) & 0xFF)
                    - static_cast<int>((rb[x] >> shift) & 0xFF);
                if (d > 48 || d < -48) {
                    ++differing;
                    break;
                }
            }
        }
    }
    return differing * 100 <= static_cast<size_t>(a->w) * static_cast<size_t>(a->h);
}

struct Tally {
    int total { 0 };
    int ours { 0 };
    int nanosvg { 0 };
};

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> dirs;
    std::string list_path;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--list" && i + 1 < argc)
            list_path = argv[++i];
        else
            dirs.push_back(arg);
    }
    if (dirs.empty()) {
        std::fputs("usage: kiosk-svg-suite [--list FILE] DIR...\n", stderr);
        return 2;
    }
    std::ofstream list;
    if (!list_path.empty())
        list.open(list_path);
    std::map<std::string, Tally> by_folder;
    for (auto& dir : dirs) {
        std::vector<fs::path> svgs;
        for (auto& entry : fs::recursive_directory_iterator(dir))
            if (entry.path().extension() == ".svg"
                && fs::exists(fs::path(entry.path()).replace_extension(".png")))
                svgs.push_back(entry.path());
        std::sort(svgs.begin(), svgs.end());
        for (auto& svg : svgs) {
            auto png = fs::path(svg).replace_extension(".png");
            platform::SurfacePtr loaded(IMG_Load(png.c_str()));
            if (!loaded)
                continue;
            platform::SurfacePtr reference_raw(
                SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0));
            int w = reference_raw->w, h = reference_raw->h;
            auto reference = over_white(reference_raw.get(), w, h);
            std::ifstream in(svg, std::ios::binary);
            std::vector<uint8_t> bytes(
                (std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

            bool ours_ok = false;
            if (auto prepared = platform::prepare_picture(bytes)) {
                auto drawn = platform::decode_image(prepared.value().bytes, { w, h },
                    { 0.5f, 0.5f }, core::Color { 255, 255, 255, 255 });
                ours_ok = drawn && drawn->w == w && drawn->h == h
                    && matches(drawn.get(), reference.get());
            }
            platform::RWopsPtr rw(SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size())));
            platform::SurfacePtr nano(IMG_LoadSizedSVG_RW(rw.get(), w, h));
            bool nano_ok = false;
            if (nano && nano->w == w && nano->h == h) {
                platform::SurfacePtr argb(
                    SDL_ConvertSurfaceFormat(nano.get(), SDL_PIXELFORMAT_ARGB8888, 0));
                auto flat = over_white(argb.get(), w, h);
                nano_ok = matches(flat.get(), reference.get());
            }
            auto folder = svg.parent_path().parent_path().filename().string() + "/"
                + svg.parent_path().filename().string();
            auto& t = by_folder[folder];
            ++t.total;
            t.ours += ours_ok;
            t.nanosvg += nano_ok;
            if (list)
                list << (ours_ok ? "ok  " : "BAD ") << (nano_ok ? "ok  " : "BAD ") << svg.string()
                     << "\n";
        }
    }
    Tally all;
    std::printf("%-34s %6s %14s %14s\n", "folder", "tests", "librsvg", "nanosvg");
    for (auto& [folder, t] : by_folder) {
        std::printf("%-34s %6d %6d %5.1f %% %6d %5.1f %%\n", folder.c_str(), t.total, t.ours,
            100.0 * t.ours / t.total, t.nanosvg, 100.0 * t.nanosvg / t.total);
        all.total += t.total;
        all.ours += t.ours;
        all.nanosvg += t.nanosvg;
    }
    std::printf("%-34s %6d %6d %5.1f %% %6d %5.1f %%\n", "all", all.total, all.ours,
        100.0 * all.ours / std::max(1, all.total), all.nanosvg,
        100.0 * all.nanosvg / std::max(1, all.total));
    return 0;
}
