// The benchmark's frame log.
#include "kiosk/app/frame_log.h"

#include "kiosk/app/app.h"

#include <cstdio>
#include <cstdlib>

namespace kiosk::app {

void FrameLog::open_from_env()
{
    if (const char* path = std::getenv("KIOSK_FRAME_LOG"); path && *path)
        m_path = path;
}

void FrameLog::record(uint32_t frame_us)
{
    if (!m_path.empty() && m_frame_us.size() < 1000000)
        m_frame_us.push_back(frame_us);
}

void FrameLog::write(const AppStats& s) const
{
    if (m_path.empty())
        return;
    FILE* f = std::fopen(m_path.c_str(), "w");
    if (!f)
        return;
    std::fprintf(f,
        "# frames=%llu text_hits=%llu text_misses=%llu text_bytes=%zu text_textures=%zu "
        "image_hits=%llu image_misses=%llu image_bytes=%zu\n",
        static_cast<unsigned long long>(s.frames), static_cast<unsigned long long>(s.text_hits),
        static_cast<unsigned long long>(s.text_misses), s.text_bytes, s.text_textures,
        static_cast<unsigned long long>(s.image_hits),
        static_cast<unsigned long long>(s.image_misses), s.image_bytes);
    for (auto us : m_frame_us)
        std::fprintf(f, "%u\n", us);
    std::fclose(f);
}

} // namespace kiosk::app
