// libFuzzer entry for the installer/store path (store_fuzz_target.h). Seeded by run.sh with
// valid packages, so mutations reach the rows as well as SQLite's file format.
#include "tests/fuzz/store_fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    kiosk::fuzz::store_fuzz_one(data, size);
    return 0;
}
