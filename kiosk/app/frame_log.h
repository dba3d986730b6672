// For the benchmark: with $KIOSK_FRAME_LOG set, each frame's draw+present time (µs) is kept and
// written at exit with the cache figures, one number a line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::app {

struct AppStats;

class FrameLog {
public:
    // Reads $KIOSK_FRAME_LOG; off when it is unset.
    void open_from_env();
    void record(uint32_t frame_us);
    void write(const AppStats& stats) const;

private:
    std::string m_path;
    std::vector<uint32_t> m_frame_us;
};

} // namespace kiosk::app
