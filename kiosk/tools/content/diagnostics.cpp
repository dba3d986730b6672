// Diagnostic collection and formatting.
#include "kiosk/tools/content/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace kiosk::tools {

void Diagnostics::error(std::string file, int line, int column, std::string message)
{
    m_items.push_back({ std::move(file), line, column, std::move(message) });
}

std::string format_diagnostic(const Diagnostic& d)
{
    return d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column)
        + ": error: " + d.message;
}

std::string Diagnostics::format() const
{
    auto sorted = m_items;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
    std::string out;
    for (auto& d : sorted)
        out += format_diagnostic(d) + "\n";
    return out;
}

} // namespace kiosk::tools
