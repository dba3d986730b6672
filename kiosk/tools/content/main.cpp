// kiosk-content: the content editors' and staff's command.
//   build DIR -o FILE   compile content/ into a database (atomic; a failed build keeps FILE)
//   check DIR           compile and report every string that overflows its box on any screen
#include "kiosk/platform/fonts.h"
#include "kiosk/platform/images.h"
#include "kiosk/platform/sdl_handles.h"
#include "kiosk/store/writer.h"
#include "kiosk/tools/content/compiler.h"
#include "kiosk/tools/content/overflow_check.h"
#include "kiosk/tools/content/source_tree.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace kiosk;

namespace {

int usage()
{
    std::fputs("usage: kiosk-content build DIR -o FILE [--assets DIR]\n"
               "       kiosk-content check DIR [--assets DIR]\n",
        stderr);
    return 2;
}

struct Args {
    std::string command;
    std::string dir;
    std::string output;
    std::string assets;
};

std::optional<Args> parse(int argc, char** argv)
{
    if (argc < 3)
        return std::nullopt;
    Args args;
    args.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        if ((arg == "-o" || arg == "--output") && i + 1 < argc)
            args.output = argv[++i];
        else if (arg == "--assets" && i + 1 < argc)
            args.assets = argv[++i];
        else if (!arg.empty() && arg[0] != '-' && args.dir.empty())
            args.dir = arg;
        else
            return std::nullopt;
    }
    if (args.dir.empty())
        return std::nullopt;
    if (args.assets.empty())
        args.assets = tools::default_assets_dir(args.dir);
    return args;
}

// Compiles; prints every diagnostic; nullopt when there was any.
std::optional<tools::CompileOutput> compile(const Args& args)
{
    tools::Diagnostics read_problems;
    auto input = tools::read_source_tree(args.dir, args.assets, read_problems);
    input.decode_image
        = [](const std::vector<uint8_t>& bytes) { return platform::check_image_decodes(bytes); };
    auto out = tools::compile_content(input);
    for (auto& d : read_problems.items())
        out.diagnostics.error(d.file, d.line, d.column, d.message);
    if (!out.diagnostics.empty()) {
        std::fputs(out.diagnostics.format().c_str(), stderr);
        std::fprintf(stderr, "%zu error%s\n", out.diagnostics.size(),
            out.diagnostics.size() == 1 ? "" : "s");
        return std::nullopt;
    }
    return out;
}

int build(const Args& args)
{
    if (args.output.empty())
        return usage();
    auto out = compile(args);
    if (!out)
        return 1;
    auto status = store::write_database(args.output, out->exhibition, out->images);
    if (!status) {
        std::fprintf(stderr, "%s: error: %s\n", args.output.c_str(), status.error().c_str());
        return 1;
    }
    auto& ex = out->exhibition;
    std::printf(
        "%s: %zu slides, %zu topics, %zu places, %zu links, %zu events, %zu charts, %zu images\n",
        args.output.c_str(), ex.slides.size(), ex.topics.size(), ex.places.size(), ex.links.size(),
        ex.events.size(), ex.charts.size(), out->images.size());
    return 0;
}

// Compiles, then lays out every string of every screen with the real fonts.
int check(const Args& args)
{
    auto out = compile(args);
    if (!out)
        return 1;
    platform::SdlLibrary sdl;
    if (!sdl.init(0)) {
        std::fprintf(stderr, "kiosk-content: cannot start SDL_ttf: %s\n", SDL_GetError());
        return 1;
    }
    std::vector<std::string> font_dirs { args.assets + "/fonts" };
    if (const char* env = std::getenv("KIOSK_FONT_DIR"); env && *env)
        font_dirs.insert(font_dirs.begin(), env);
    auto fonts = platform::FontSet::open(font_dirs);
    if (!fonts) {
        std::fprintf(stderr, "kiosk-content: %s\n", fonts.error().c_str());
        return 1;
    }
    const std::vector<core::Size> sizes { { 1920, 1080 }, { 1080, 1920 }, { 3840, 2160 } };
    auto overflows = tools::check_overflow(out->exhibition, out->locations, *fonts.value(), sizes);
    for (auto& o : overflows)
        std::fprintf(stderr, "%s\n", tools::format_overflow(o).c_str());
    auto& ex = out->exhibition;
    std::printf("checked %zu slides, %zu topics, %zu events, %zu charts in vi, ja, en at "
                "1920x1080, 1080x1920, 3840x2160: %zu overflow%s\n",
        ex.slides.size(), ex.topics.size(), ex.events.size(), ex.charts.size(), overflows.size(),
        overflows.size() == 1 ? "" : "s");
    return overflows.empty() ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    auto args = parse(argc, argv);
    if (!args)
        return usage();
    if (args->command == "build")
        return build(*args);
    if (args->command == "check")
        return check(*args);
    return usage();
}
