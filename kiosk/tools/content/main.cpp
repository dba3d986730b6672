// kiosk-content: the content editors' and staff's command.
//   build DIR -o FILE   compile content/ into a database (atomic; a failed build keeps FILE)
//   check DIR           compile and report every string that overflows its box on any screen
//   render PICTURE -o PNG   one picture drawn through the kiosk's own code path
#include "kiosk/app/config.h"
#include "kiosk/app/paths.h"
#include "kiosk/platform/fonts.h"
#include "kiosk/platform/images.h"
#include "kiosk/platform/pictures.h"
#include "kiosk/platform/sdl_handles.h"
#include "kiosk/platform/video_probe.h"
#include "kiosk/store/installer.h"
#include "kiosk/store/signing.h"
#include "kiosk/store/stats_db.h"
#include "kiosk/store/writer.h"
#include "kiosk/tools/content/compiler.h"
#include "kiosk/tools/content/overflow_check.h"
#include "kiosk/tools/content/picture_check.h"
#include "kiosk/tools/content/source_tree.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sodium.h>
#include <sstream>
#include <string>
#include <tuple>
#include <unistd.h>
#include <vector>

using namespace kiosk;

namespace {

int usage()
{
    std::fputs(
        "usage: kiosk-content build DIR -o FILE [--assets DIR]   compile content into a database\n"
        "       kiosk-content check DIR [--assets DIR]           report text that overflows any "
        "screen\n"
        "       kiosk-content pack DIR -o FILE [--assets DIR] [--sign KEYFILE]\n"
        "                                                        build and fully verify one "
        "content file\n"
        "       kiosk-content install FILE [--state DIR] [--config FILE]\n"
        "                                                        verify FILE and make it the "
        "current content\n"
        "       kiosk-content keygen -o KEYFILE                  make a signing key, print its "
        "public key\n"
        "       kiosk-content stats [--state DIR]                interaction counts as CSV\n"
        "       kiosk-content hash-pin                           read a staff PIN on stdin, print "
        "its hash\n"
        "       kiosk-content render PICTURE -o PNG [--size WxH] [--focus X,Y] [--matte RRGGBB]\n"
        "                                                        one picture as the kiosk draws "
        "it in a WxH box\n"
        "--state defaults to $KIOSK_STATE_DIR or /var/lib/kiosk; --config to $KIOSK_CONFIG or "
        "/etc/kiosk/kiosk.toml (its [content] trusted_keys)\n",
        stderr);
    return 2;
}

struct Args {
    std::string command;
    std::string dir; // the content folder, or the file for install
    std::string output;
    std::string assets;
    std::string state;
    std::string sign_key; // pack --sign KEYFILE
    std::string config; // install --config FILE
    core::Size size { 1920, 1080 }; // render: the box
    core::Point focus { 0.5f, 0.5f }; // render: a photo's focus
    std::optional<core::Color> matte; // render: painted under the picture
};

std::optional<Args> parse(int argc, char** argv)
{
    if (argc < 2)
        return std::nullopt;
    Args args;
    args.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        if ((arg == "-o" || arg == "--output") && i + 1 < argc)
            args.output = argv[++i];
        else if (arg == "--assets" && i + 1 < argc)
            args.assets = argv[++i];
        else if (arg == "--state" && i + 1 < argc)
            args.state = argv[++i];
        else if (arg == "--sign" && i + 1 < argc)
            args.sign_key = argv[++i];
        else if (arg == "--config" && i + 1 < argc)
            args.config = argv[++i];
        else if (arg == "--size" && i + 1 < argc) {
            int w = 0, h = 0;
            char end = 0;
            if (std::sscanf(argv[++i], "%dx%d%c", &w, &h, &end) != 2 || w < 1 || h < 1 || w > 8192
                || h > 8192)
                return std::nullopt;
            args.size = { w, h };
        } else if (arg == "--focus" && i + 1 < argc) {
            float x = 0, y = 0;
            if (std::sscanf(argv[++i], "%f,%f", &x, &y) != 2 || !(x >= 0 && x <= 1)
                || !(y >= 0 && y <= 1))
                return std::nullopt;
            args.focus = { x, y };
        } else if (arg == "--matte" && i + 1 < argc) {
            unsigned rgb = 0;
            if (std::sscanf(argv[++i], "%6x", &rgb) != 1)
                return std::nullopt;
            args.matte = core::Color { static_cast<uint8_t>(rgb >> 16),
                static_cast<uint8_t>(rgb >> 8), static_cast<uint8_t>(rgb), 255 };
        } else if (!arg.empty() && arg[0] != '-' && args.dir.empty())
            args.dir = arg;
        else
            return std::nullopt;
    }
    bool needs_dir = args.command == "build" || args.command == "check" || args.command == "pack"
        || args.command == "install" || args.command == "render";
    if (needs_dir && args.dir.empty())
        return std::nullopt;
    if (args.assets.empty() && !args.dir.empty() && args.command != "render")
        args.assets = tools::default_assets_dir(args.dir);
    if (args.state.empty()) {
        const char* env = std::getenv("KIOSK_STATE_DIR");
        args.state = env && *env ? env : "/var/lib/kiosk";
    }
    return args;
}

std::optional<std::string> read_text_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Compiles; prints every diagnostic; nullopt when there was any.
std::optional<tools::CompileOutput> compile(const Args& args)
{
    // Each picture keeps the limits and is stored as the kiosk will read it (photos downscaled).
    auto out = tools::compile_source_tree(
        args.dir, args.assets,
        [](const std::vector<uint8_t>& bytes) -> core::Result<std::vector<uint8_t>> {
            auto prepared = platform::prepare_picture(bytes);
            if (!prepared)
                return core::Error { prepared.error() };
            return std::move(prepared.value().bytes);
        },
        nullptr, platform::probe_video);
    if (!out.diagnostics.empty()) {
        std::fputs(out.diagnostics.format().c_str(), stderr);
        std::fprintf(stderr, "%zu error%s\n", out.diagnostics.size(),
            out.diagnostics.size() == 1 ? "" : "s");
        return std::nullopt;
    }
    return out;
}

// Writes the compiled content to args.output (atomically).
int write_output(const Args& args, const tools::CompileOutput& out)
{
    auto status = store::write_database(args.output, out.exhibition, out.images, out.videos);
    if (!status) {
        std::fprintf(stderr, "%s: error: %s\n", args.output.c_str(), status.error().c_str());
        return 1;
    }
    auto& ex = out.exhibition;
    std::printf("%s: %zu slides, %zu topics, %zu places, %zu links, %zu events, %zu charts, %zu "
                "images, %zu videos\n",
        args.output.c_str(), ex.slides.size(), ex.topics.size(), ex.places.size(), ex.links.size(),
        ex.events.size(), ex.charts.size(), out.images.size(), out.videos.size());
    return 0;
}

int build(const Args& args)
{
    if (args.output.empty())
        return usage();
    auto out = compile(args);
    if (!out)
        return 1;
    return write_output(args, *out);
}

// The kiosk's fonts, for laying out the screens; `sdl` (SDL_ttf) is started here and must
// outlive them.
std::unique_ptr<platform::FontSet> open_fonts(const Args& args, platform::SdlLibrary& sdl)
{
    if (!sdl.init(0)) {
        std::fprintf(stderr, "kiosk-content: cannot start SDL_ttf: %s\n", SDL_GetError());
        return nullptr;
    }
    std::vector<std::string> font_dirs { args.assets + "/fonts" };
    if (const char* env = std::getenv("KIOSK_FONT_DIR"); env && *env)
        font_dirs.insert(font_dirs.begin(), env);
    auto fonts = platform::FontSet::open(font_dirs);
    if (!fonts) {
        std::fprintf(stderr, "kiosk-content: %s\n", fonts.error().c_str());
        return nullptr;
    }
    // Japanese lines break between BudouX phrases in the kiosk, so they must here too.
    auto phrase_path = args.assets + "/text/budoux-ja.tsv";
    if (std::error_code ec; std::filesystem::exists(phrase_path, ec)) {
        auto phrases = platform::FontSet::read_phrase_model(phrase_path);
        if (!phrases) {
            std::fprintf(stderr, "kiosk-content: %s\n", phrases.error().c_str());
            return nullptr;
        }
        fonts.value()->set_phrase_model(phrases.release_value());
    } else {
        std::fprintf(stderr,
            "kiosk-content: warning: %s not found; Japanese is checked without phrase breaks\n",
            phrase_path.c_str());
    }
    return fonts.release_value();
}

// Rasterises every picture at every size a screen draws it (each screen, language and screen
// size, through the screens' own code), as the kiosk's cache would; prints a file:line error for
// each that fails. Returns how many failed.
size_t verify_drawn_pictures(const tools::CompileOutput& out, core::FontMetrics& fonts)
{
    std::map<std::string, const std::vector<uint8_t>*> bytes;
    for (auto& image : out.images)
        bytes[image.id] = &image.bytes;
    auto report = tools::check_drawn_pictures(
        out.exhibition,
        [&](const std::string& id) -> std::optional<std::vector<uint8_t>> {
            auto it = bytes.find(id);
            return it == bytes.end() ? std::nullopt : std::optional(*it->second);
        },
        fonts, tools::checked_screen_sizes());
    for (auto& p : report.problems) {
        auto where = out.locations.find("image:" + p.image_id);
        std::string at = where != out.locations.end()
            ? where->second.first + ":" + std::to_string(where->second.second) + ":1"
            : "assets/images/" + p.image_id;
        std::fprintf(stderr, "%s: error: image '%s' cannot be drawn at %dx%d: %s\n", at.c_str(),
            p.image_id.c_str(), p.box.width, p.box.height, p.error.c_str());
    }
    std::printf("drew %zu pictures at %zu sizes the screens use: %zu failed (slowest %lld ms: "
                "%s)\n",
        report.pictures, report.rasters, report.problems.size(),
        static_cast<long long>(report.slowest_ms), report.slowest.c_str());
    return report.problems.size();
}

// Compiles, then lays out every string of every screen with the real fonts.
int check(const Args& args)
{
    auto out = compile(args);
    if (!out)
        return 1;
    platform::SdlLibrary sdl;
    auto fonts = open_fonts(args, sdl);
    if (!fonts)
        return 1;
    size_t picture_problems = verify_drawn_pictures(*out, *fonts);
    auto overflows = tools::check_overflow(
        out->exhibition, out->locations, *fonts, tools::checked_screen_sizes());
    for (auto& o : overflows)
        std::fprintf(stderr, "%s\n", tools::format_overflow(o).c_str());
    auto& ex = out->exhibition;
    std::printf("checked %zu slides, %zu topics, %zu events, %zu charts in vi, ja, en at "
                "1920x1080, 1080x1920, 3840x2160: %zu overflow%s\n",
        ex.slides.size(), ex.topics.size(), ex.events.size(), ex.charts.size(), overflows.size(),
        overflows.size() == 1 ? "" : "s");
    return overflows.empty() && picture_problems == 0 ? 0 : 1;
}

std::optional<std::string> check_image(const std::vector<uint8_t>& bytes)
{
    return platform::check_image_decodes(bytes);
}

// build, then the installer's full verification, so the file staff carry is known good.
int pack(const Args& args)
{
    if (args.output.empty())
        return usage();
    std::string key_file;
    if (!args.sign_key.empty()) {
        auto key = read_text_file(args.sign_key);
        auto public_key = key ? store::public_key_of(*key)
                              : core::Result<std::string>(core::Error { "cannot read the file" });
        if (!public_key) {
            std::fprintf(
                stderr, "%s: error: %s\n", args.sign_key.c_str(), public_key.error().c_str());
            return 1;
        }
        key_file = *key;
    }
    auto out = compile(args);
    if (!out)
        return 1;
    // Every picture at every size the screens draw it, before the file is written.
    platform::SdlLibrary sdl;
    auto fonts = open_fonts(args, sdl);
    if (!fonts || verify_drawn_pictures(*out, *fonts) != 0)
        return 1;
    if (int written = write_output(args, *out); written != 0)
        return written;
    if (!key_file.empty()) {
        auto signed_status = store::sign_content_file(args.output, key_file);
        if (!signed_status) {
            std::fprintf(stderr, "%s: error: signing: %s\n", args.output.c_str(),
                signed_status.error().c_str());
            std::filesystem::remove(args.output);
            return 1;
        }
    }
    // The pictures were drawn at every size above, with the real fonts.
    auto verified = store::verify_content_file(args.output, check_image);
    if (!verified) {
        std::fprintf(stderr, "%s: error: %s\n", args.output.c_str(), verified.error().c_str());
        return 1;
    }
    std::printf("%s: verified: content %s, %zu slides, %zu images, checksum %s, %s\n",
        args.output.c_str(), verified.value().content_version.c_str(), verified.value().slides,
        verified.value().images, verified.value().checksum.substr(0, 16).c_str(),
        verified.value().signed_by.empty() ? "unsigned"
                                           : ("signed by " + verified.value().signed_by).c_str());
    return 0;
}

// A new signing key: the secret key file (mode 0600, never overwritten) and the public key.
int keygen(const Args& args)
{
    if (args.output.empty())
        return usage();
    auto pair = store::generate_key_pair();
    int fd = ::open(args.output.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        std::fprintf(stderr, "%s: error: cannot create the key file: %s\n", args.output.c_str(),
            std::strerror(errno));
        return 1;
    }
    auto& text = pair.secret_key_file;
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size())
        && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    sodium_memzero(text.data(), text.size());
    if (!ok) {
        std::fprintf(stderr, "%s: error: cannot write the key file\n", args.output.c_str());
        std::filesystem::remove(args.output);
        return 1;
    }
    std::printf("secret key written to %s (keep it private; sign with pack --sign %s)\n"
                "public key: %s\n"
                "put it in each kiosk's kiosk.toml:\n[content]\ntrusted_keys = [\"%s\"]\n",
        args.output.c_str(), args.output.c_str(), pair.public_key.c_str(), pair.public_key.c_str());
    return 0;
}

int install(const Args& args)
{
    auto config = app::load_config_file(args.config.empty() ? app::config_path() : args.config);
    for (auto& problem : config.problems)
        std::fprintf(stderr, "kiosk-content: config: %s\n", problem.c_str());
    auto paths = store::install_paths(args.state);
    // Pictures are laid out with the kiosk's own fonts and phrase model, as its inbox does.
    platform::SdlLibrary sdl;
    if (!sdl.init(0)) {
        std::fprintf(stderr, "kiosk-content: cannot start SDL_ttf: %s\n", SDL_GetError());
        return 1;
    }
    auto kiosk_fonts = []() -> std::unique_ptr<core::FontMetrics> {
        auto fonts = platform::FontSet::open(app::font_dirs());
        if (!fonts) {
            std::fprintf(stderr, "kiosk-content: %s; pictures laid out with estimated text\n",
                fonts.error().c_str());
            return nullptr;
        }
        fonts.value()->set_phrase_model(app::load_phrase_model());
        return fonts.release_value();
    };
    auto installed = store::install_content_file(
        args.dir, paths, check_image, config.trust(), tools::installer_picture_check(kiosk_fonts));
    if (!installed) {
        std::fprintf(stderr, "kiosk-content install: error: %s\n", installed.error().c_str());
        return 1;
    }
    std::printf("installed %s as %s (content %s); the previous file is kept as %s; the kiosk picks "
                "it up at the next quiet moment\n",
        args.dir.c_str(), paths.current.c_str(), installed.value().content_version.c_str(),
        paths.previous.c_str());
    return 0;
}

int stats(const Args& args)
{
    std::string path = args.state + "/stats.db";
    if (!std::filesystem::exists(path)) {
        std::fprintf(stderr, "%s: error: no interaction counts yet\n", path.c_str());
        return 1;
    }
    auto db = store::StatsDb::open(path);
    if (!db) {
        std::fprintf(stderr, "%s: error: %s\n", path.c_str(), db.error().c_str());
        return 1;
    }
    auto csv = db.value()->export_csv();
    if (!csv) {
        std::fprintf(stderr, "%s: error: %s\n", path.c_str(), csv.error().c_str());
        return 1;
    }
    std::fputs(csv.value().c_str(), stdout);
    return 0;
}

int hash_pin()
{
    std::string pin;
    if (!std::getline(std::cin, pin) || pin.size() < 4
        || pin.find_first_not_of("0123456789") != std::string::npos) {
        std::fputs("kiosk-content: the PIN must be 4 to 12 digits, on one line on stdin\n", stderr);
        return 1;
    }
    if (sodium_init() < 0)
        return 1;
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0) {
        std::fputs("kiosk-content: out of memory hashing the PIN\n", stderr);
        return 1;
    }
    std::printf("[staff]\npin_hash = \"%s\"\n", hash);
    return 0;
}

} // namespace

// One picture file drawn as the kiosk draws it: prepared as the compiler stores it, then
// rasterised by the function the kiosk's image cache calls, for a box of --size.
int render(const Args& args)
{
    if (args.output.empty())
        return usage();
    std::ifstream in(args.dir, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "%s: error: cannot read the file\n", args.dir.c_str());
        return 1;
    }
    std::vector<uint8_t> bytes(
        (std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto prepared = platform::prepare_picture(bytes);
    if (!prepared) {
        std::fprintf(stderr, "%s:1:1: error: %s\n", args.dir.c_str(), prepared.error().c_str());
        return 1;
    }
    std::string error;
    auto surface
        = platform::decode_image(prepared.value().bytes, args.size, args.focus, args.matte, &error);
    if (!surface) {
        std::fprintf(stderr, "%s:1:1: error: at %dx%d: %s\n", args.dir.c_str(), args.size.width,
            args.size.height, error.c_str());
        return 1;
    }
    if (IMG_SavePNG(surface.get(), args.output.c_str()) != 0) {
        std::fprintf(stderr, "%s: error: %s\n", args.output.c_str(), IMG_GetError());
        return 1;
    }
    std::printf("%s: %s %dx%d drawn at %dx%d\n", args.output.c_str(),
        platform::picture_kind_name(prepared.value().info.kind), prepared.value().info.width_px,
        prepared.value().info.height_px, surface->w, surface->h);
    return 0;
}

int main(int argc, char** argv)
{
    auto args = parse(argc, argv);
    if (!args)
        return usage();
    if (args->command == "build")
        return build(*args);
    if (args->command == "check")
        return check(*args);
    if (args->command == "pack")
        return pack(*args);
    if (args->command == "install")
        return install(*args);
    if (args->command == "stats")
        return stats(*args);
    if (args->command == "keygen")
        return keygen(*args);
    if (args->command == "hash-pin")
        return hash_pin();
    if (args->command == "render")
        return render(*args);
    return usage();
}
