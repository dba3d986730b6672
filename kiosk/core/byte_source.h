// Bytes read at an offset from somewhere (a blob in the content database, a buffer), for readers
// such as the video demuxer that must not care where the bytes live.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace kiosk::core {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    // The total size in bytes.
    virtual uint64_t size() const = 0;
    // Copies up to out.size() bytes from `offset` into `out`; the count copied (0 at or past the
    // end), or -1 on a read error.
    virtual int64_t read_at(uint64_t offset, std::span<uint8_t> out) = 0;
};

// A ByteSource over bytes it does not own (they must outlive it).
class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::span<const uint8_t> bytes)
        : m_bytes(bytes)
    {
    }
    uint64_t size() const override { return m_bytes.size(); }
    int64_t read_at(uint64_t offset, std::span<uint8_t> out) override;

private:
    std::span<const uint8_t> m_bytes;
};

} // namespace kiosk::core
