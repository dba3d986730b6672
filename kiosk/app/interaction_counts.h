// What visitors did, counted per day in the state folder's stats.db: batched in memory and
// written at quiet moments, so a touch never waits for the disk.
#pragma once

#include "kiosk/store/stats_db.h"

#include <memory>
#include <string>

namespace kiosk::app {

class InteractionCounts {
public:
    InteractionCounts() = default;
    InteractionCounts(const InteractionCounts&) = delete;
    InteractionCounts& operator=(const InteractionCounts&) = delete;
    ~InteractionCounts();

    // Counts into state_dir/stats.db when that folder exists; otherwise counts are kept in
    // memory only and dropped (a preview, a read-only machine).
    void open(const std::string& state_dir);
    void count(const std::string& kind, const std::string& key, int64_t n = 1);
    // Writes the batch (one transaction).
    void flush();
    // The file's totals, nullptr when there is none.
    store::StatsDb* db() { return m_db.get(); }

private:
    std::unique_ptr<store::StatsDb> m_db;
    store::CountBatch m_batch;
};

} // namespace kiosk::app
