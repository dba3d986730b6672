// The installer/store fuzz target, shared by the libFuzzer binary (clang, tests/fuzz/run.sh) and
// the mutation replay in the normal test suite (tests/store/test_store_mutations.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace kiosk::fuzz {

// Treats the bytes as a .kiosk file: opens it (quick), loads it, verifies it fully (with and
// without required signatures) and installs it into a scratch state folder. Aborts when the
// installer leaves a temporary file behind or replaces current with a file that fails to load.
void store_fuzz_one(const uint8_t* data, size_t size);

} // namespace kiosk::fuzz
