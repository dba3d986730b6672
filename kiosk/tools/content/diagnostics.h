// Problems found in content files, collected (never printed from deep inside) and reported
// together as `file:line:col: error: message`.
#pragma once

#include <string>
#include <vector>

namespace kiosk::tools {

struct Diagnostic {
    std::string file;
    int line { 0 }; // 1-based; 0 when the problem concerns the whole file
    int column { 0 }; // 1-based, in code points
    std::string message;
};

class Diagnostics {
public:
    void error(std::string file, int line, int column, std::string message);
    bool empty() const { return m_items.empty(); }
    size_t size() const { return m_items.size(); }
    const std::vector<Diagnostic>& items() const { return m_items; }
    // Sorted by file, line, column; one line each.
    std::string format() const;

private:
    std::vector<Diagnostic> m_items;
};

std::string format_diagnostic(const Diagnostic& diagnostic);

} // namespace kiosk::tools
