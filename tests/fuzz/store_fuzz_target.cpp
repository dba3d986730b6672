// Open + verify + load + install of arbitrary bytes (see store_fuzz_target.h).
#include "tests/fuzz/store_fuzz_target.h"

#include "kiosk/store/installer.h"
#include "kiosk/store/store.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace kiosk::fuzz {

namespace fs = std::filesystem;

namespace {

fs::path scratch()
{
    static const fs::path dir = [] {
        fs::path base = fs::is_directory("/dev/shm") ? "/dev/shm" : fs::temp_directory_path();
        auto path = base / ("kiosk-store-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(path / "state");
        return path;
    }();
    return dir;
}

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "store fuzz: %s\n", what);
    std::abort();
}

} // namespace

void store_fuzz_one(const uint8_t* data, size_t size)
{
    auto input = (scratch() / "input.kiosk").string();
    {
        std::ofstream out(input, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    if (auto s = store::Store::open(input, store::Verify::Quick)) {
        auto ex = s.value()->load_exhibition();
        if (!ex && ex.error().empty())
            fail("load_exhibition failed without a message");
        for (auto& id : s.value()->image_ids())
            (void)s.value()->load_image(id);
    } else if (s.error().empty()) {
        fail("Store::open failed without a message");
    }
    (void)store::verify_content_file(input, nullptr, store::Trust { {}, true });

    auto state = scratch() / "state";
    std::error_code ec;
    fs::remove_all(state, ec);
    fs::create_directories(state, ec);
    auto paths = store::install_paths(state.string());
    auto installed = store::install_content_file(input, paths, nullptr);
    for (auto& entry : fs::directory_iterator(state, ec)) {
        auto name = entry.path().filename().string();
        if (name != "current.kiosk" && name != "previous.kiosk")
            fail("the installer left a file behind");
    }
    if (installed) {
        auto s = store::Store::open(paths.current, store::Verify::Full);
        if (!s || !s.value()->load_exhibition())
            fail("an installed file does not load");
    } else if (fs::exists(paths.current, ec)) {
        fail("a refused file became current");
    }
}

} // namespace kiosk::fuzz
