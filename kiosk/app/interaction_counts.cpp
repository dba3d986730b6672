// Interaction counts, batched.
#include "kiosk/app/interaction_counts.h"

#include "kiosk/app/log.h"
#include "kiosk/app/paths.h"

#include <filesystem>

namespace kiosk::app {

namespace fs = std::filesystem;

InteractionCounts::~InteractionCounts()
{
    flush();
}

void InteractionCounts::open(const std::string& state_dir)
{
    std::error_code ec;
    if (!fs::is_directory(state_dir, ec))
        return;
    auto db = store::StatsDb::open((fs::path(state_dir) / "stats.db").string());
    if (db)
        m_db = db.release_value();
    else
        log_warning("interaction counts disabled: " + db.error());
}

void InteractionCounts::count(const std::string& kind, const std::string& key, int64_t n)
{
    m_batch[{ today(), kind, key }] += n;
}

void InteractionCounts::flush()
{
    if (!m_db || m_batch.empty())
        return;
    auto status = m_db->add(m_batch);
    if (!status)
        log_warning("interaction counts: " + status.error());
    m_batch.clear();
}

} // namespace kiosk::app
