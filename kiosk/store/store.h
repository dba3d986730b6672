// The read-only content store: opens a compiled exhibition database, checks it, and hands the
// core plain values. Every failure is a Result with a message a person can act on.
#pragma once

#include "kiosk/core/content_model.h"
#include "kiosk/core/result.h"
#include "kiosk/store/sqlite_handles.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::store {

enum class Verify {
    Quick, // schema version, PRAGMA quick_check, content present (start-up)
    Full, // also PRAGMA integrity_check and the content checksum (install, staff screen)
};

struct StoreInfo {
    std::string path;
    int schema_version { 0 };
    std::string content_version;
    std::string checksum;
    std::string built_at; // UTC, ISO 8601
};

class Store {
public:
    static core::Result<std::unique_ptr<Store>> open(const std::string& path, Verify verify);

    const StoreInfo& info() const { return m_info; }
    // The open connection, for checks beside the store's own (signing.h).
    sqlite3* db() const { return m_db.get(); }
    core::Result<core::Exhibition> load_exhibition();
    // The image's bytes as stored (SVG); an error when the id is unknown.
    core::Result<std::vector<uint8_t>> load_image(std::string_view id);
    // The ids of the images (rows whose id is not text are left out).
    std::vector<std::string> image_ids();
    // The ids of the videos, likewise (their bytes are read in place: store/blob_source.h).
    std::vector<std::string> video_ids();
    // Every image row in id order, each checked (an id within the limits, bytes a blob); the
    // first bad row ends the walk with an error naming it.
    using ImageVisitor
        = std::function<void(const std::string& id, const std::vector<uint8_t>& bytes)>;
    core::Status for_each_image(const ImageVisitor& visit);

private:
    explicit Store(DbPtr db)
        : m_db(std::move(db))
    {
    }
    core::Status check(Verify verify);

    DbPtr m_db;
    StoreInfo m_info;
};

} // namespace kiosk::store
