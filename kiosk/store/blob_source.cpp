// Reading a video blob in place.
#include "kiosk/store/blob_source.h"

#include <algorithm>
#include <climits>

namespace kiosk::store {

core::Result<std::unique_ptr<BlobSource>> BlobSource::open_video(
    const std::string& path, const std::string& id)
{
    auto db = open_db(path, OpenMode::ReadOnly);
    if (!db)
        return core::Error { db.error() };
    // The row by its id (bound), then its bytes by rowid; a hostile file may hold text or NULL
    // where the bytes belong, which sqlite3_blob would read as bytes: refuse it first.
    auto stmt = Statement::create(
        db.value().get(), "SELECT rowid, typeof(bytes) FROM video WHERE id = ?1");
    if (!stmt)
        return core::Error { "video " + id + ": " + stmt.error() };
    stmt.value().bind(1, id);
    if (!stmt.value().step())
        return core::Error { "video " + id + ": "
            + (stmt.value().failed() ? stmt.value().error() : "no such video in " + path) };
    if (stmt.value().text(1) != "blob")
        return core::Error { "video " + id + ": bytes is " + stmt.value().text(1)
            + ", not a blob" };
    sqlite3_int64 rowid = stmt.value().integer(0);
    sqlite3_blob* raw = nullptr;
    int rc = sqlite3_blob_open(db.value().get(), "main", "video", "bytes", rowid, 0, &raw);
    BlobPtr blob(raw);
    if (rc != SQLITE_OK)
        return core::Error { "video " + id + ": " + sqlite3_errmsg(db.value().get()) };
    auto size = static_cast<uint64_t>(std::max(0, sqlite3_blob_bytes(blob.get())));
    return std::unique_ptr<BlobSource>(new BlobSource(db.release_value(), std::move(blob), size));
}

int64_t BlobSource::read_at(uint64_t offset, std::span<uint8_t> out)
{
    if (offset >= m_size)
        return 0;
    auto n = static_cast<int>(std::min<uint64_t>({ out.size(), m_size - offset, INT_MAX }));
    if (sqlite3_blob_read(m_blob.get(), out.data(), n, static_cast<int>(offset)) != SQLITE_OK)
        return -1;
    return n;
}

} // namespace kiosk::store
