// A video's bytes read in place from the content database through sqlite3_blob, with no copy of
// the file: the player's demuxer reads it at offsets. Each source owns its own read-only
// connection, so it may live on the decoder's thread while the store serves the screens.
#pragma once

#include "kiosk/core/byte_source.h"
#include "kiosk/core/result.h"
#include "kiosk/store/sqlite_handles.h"

#include <memory>
#include <string>

namespace kiosk::store {

struct BlobCloser {
    void operator()(sqlite3_blob* blob) const { sqlite3_blob_close(blob); }
};
using BlobPtr = std::unique_ptr<sqlite3_blob, BlobCloser>;

class BlobSource final : public core::ByteSource {
public:
    // The bytes of the video `id` in the database at `path`; an error when the file cannot be
    // opened, holds no such video, or its bytes are not a blob.
    static core::Result<std::unique_ptr<BlobSource>> open_video(
        const std::string& path, const std::string& id);

    uint64_t size() const override { return m_size; }
    int64_t read_at(uint64_t offset, std::span<uint8_t> out) override;

private:
    BlobSource(DbPtr db, BlobPtr blob, uint64_t size)
        : m_db(std::move(db))
        , m_blob(std::move(blob))
        , m_size(size)
    {
    }
    // The blob closes before its connection.
    DbPtr m_db;
    BlobPtr m_blob;
    uint64_t m_size { 0 };
};

} // namespace kiosk::store
