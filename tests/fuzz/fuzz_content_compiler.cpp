// Feeds arbitrary bytes to the content compiler as one content file, beside a valid exhibition
// table, so the fuzzer reaches the validator as well as the TOML parser. Any crash, sanitizer
// report or diagnostic without a position inside the file is a bug.
#include "kiosk/tools/content/compiler.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    kiosk::tools::CompileInput input;
    input.files.push_back({ "content/exhibition.toml",
        "[exhibition]\nversion = \"f\"\ndefault_lang = \"vi\"\n"
        "title = { vi = \"a\", ja = \"b\", en = \"c\" }\n" });
    input.files.push_back(
        { "content/fuzz.toml", std::string(reinterpret_cast<const char*>(data), size) });
    input.images["flag.svg"] = { '<', 's', 'v', 'g', '/', '>' };
    auto out = kiosk::tools::compile_content(input);
    for (auto& d : out.diagnostics.items()) {
        if (d.file == "content/fuzz.toml" && (d.line < 0 || d.column < 0))
            std::abort();
    }
    return 0;
}
