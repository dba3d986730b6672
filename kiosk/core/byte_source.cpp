// Reading a buffer at an offset.
#include "kiosk/core/byte_source.h"

#include <algorithm>
#include <cstring>

namespace kiosk::core {

int64_t MemorySource::read_at(uint64_t offset, std::span<uint8_t> out)
{
    if (offset >= m_bytes.size())
        return 0;
    size_t n = std::min<uint64_t>(out.size(), m_bytes.size() - offset);
    std::memcpy(out.data(), m_bytes.data() + offset, n);
    return static_cast<int64_t>(n);
}

} // namespace kiosk::core
