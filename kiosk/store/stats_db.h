// Anonymous interaction counts (screens opened, places tapped, languages chosen, sessions and
// their length) in their own SQLite file, written in WAL mode in batches so that a frame never
// waits on the disk. Nothing personal is stored: counts per day and key only.
#pragma once

#include "kiosk/core/result.h"
#include "kiosk/store/sqlite_handles.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>

namespace kiosk::store {

// (day "YYYY-MM-DD", kind, key) -> amount to add.
using CountBatch = std::map<std::tuple<std::string, std::string, std::string>, int64_t>;

class StatsDb {
public:
    static core::Result<std::unique_ptr<StatsDb>> open(const std::string& path);
    // Adds the batch in one transaction.
    core::Status add(const CountBatch& batch);
    // "day,kind,key,count" lines with a header, ordered.
    core::Result<std::string> export_csv();
    // The total for a kind and key over all days (staff screen).
    int64_t total(const std::string& kind, const std::string& key);
    int64_t total_of_kind(const std::string& kind);

private:
    explicit StatsDb(DbPtr db)
        : m_db(std::move(db))
    {
    }
    DbPtr m_db;
};

} // namespace kiosk::store
