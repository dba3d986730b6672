// The bundled BudouX Japanese model (assets/text/budoux-ja.tsv), read once for core tests: core
// never reads files, so the test does it and hands the model in as data.
#pragma once

#include "kiosk/core/budoux.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace kiosk::core::testing {

inline std::string read_source_file(const std::string& relative_path)
{
    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + relative_path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline const PhraseModel& japanese_phrases()
{
    static const PhraseModel model = [] {
        auto parsed = PhraseModel::parse(read_source_file("assets/text/budoux-ja.tsv"));
        if (!parsed)
            throw std::runtime_error("assets/text/budoux-ja.tsv: " + parsed.error());
        return parsed.release_value();
    }();
    return model;
}

} // namespace kiosk::core::testing
