// BudouX's parser in C++: its own test cases, the phrases BudouX's JavaScript parser found in
// every Japanese string of the content (tests/core/data/budoux-ja-phrases.tsv, made with the
// model by kiosk/tools/budoux/build-model.mjs), and hostile model files.
#include "japanese_phrases.h"
#include "kiosk/core/budoux.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace kiosk::core;
using kiosk::core::testing::japanese_phrases;
using kiosk::core::testing::read_source_file;

namespace {

std::vector<std::string> phrases(const PhraseModel& model, const std::string& sentence)
{
    std::vector<std::string> result;
    if (sentence.empty())
        return result;
    size_t start = 0;
    for (auto offset : model.phrase_starts(sentence)) {
        result.push_back(sentence.substr(start, offset - start));
        start = offset;
    }
    result.push_back(sentence.substr(start));
    return result;
}

PhraseModel model_of(const std::string& lines)
{
    auto model = PhraseModel::parse("budoux-model\t1\n" + lines);
    EXPECT_TRUE(model.ok()) << (model.ok() ? "" : model.error());
    return model.release_value();
}

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
        auto end = text.find(separator, start);
        parts.push_back(text.substr(start, end - start));
        if (end == std::string::npos)
            return parts;
        start = end + 1;
    }
}

} // namespace

// javascript/src/tests/parser_test.ts, case by case.
TEST(Budoux, SeparatesWhereAStrongFeatureSupports)
{
    EXPECT_EQ(phrases(model_of("UW4\ta\t10000\n"), "abcdeabcd"),
        (std::vector<std::string> { "abcde", "abcd" }));
}

TEST(Budoux, SeparatesEvenIntoAOneCharacterPhrase)
{
    EXPECT_EQ(phrases(model_of("UW4\tb\t10000\n"), "abcdeabcd"),
        (std::vector<std::string> { "a", "bcdea", "bcd" }));
}

TEST(Budoux, EmptySentenceHasNoPhrases)
{
    EXPECT_TRUE(model_of("").phrase_starts("").empty());
}

TEST(Budoux, BaseScoreCountsKeysTooLongToMatch)
{
    // UW4 "a" alone (1001) would break before every a; a 4-character key that can never match
    // still lowers the base score by half its value: -0.5 * (1001 + 1004) + 1001 < 0.
    EXPECT_EQ(phrases(model_of("UW4\ta\t1001\n"), "xaxa").size(), 3u); // x|ax|a
    EXPECT_EQ(phrases(model_of("UW4\ta\t1001\nTW1\tabcd\t1004\n"), "xaxa").size(), 1u);
}

TEST(Budoux, NeverBreaksInsideASurrogatePair)
{
    // U+20BB7 is two UTF-16 units. BW2 (the pair of units around a position) matches it only at
    // the position between its halves, where JavaScript would cut the character in two.
    EXPECT_EQ(phrases(model_of("BW2\t𠮷\t10000\n"), "a𠮷b"), (std::vector<std::string> { "a𠮷b" }));
    // BW3 (the two units after a position) matches it before the character: a real phrase start.
    EXPECT_EQ(
        phrases(model_of("BW3\t𠮷\t10000\n"), "a𠮷b"), (std::vector<std::string> { "a", "𠮷b" }));
}

TEST(Budoux, MatchesTheJavaScriptParserOnEveryReferenceSentence)
{
    auto table = read_source_file("tests/core/data/budoux-ja-phrases.tsv");
    size_t rows = 0;
    size_t line_number = 0;
    for (auto& line : split(table, '\n')) {
        ++line_number;
        if (line.empty() || line[0] == '#')
            continue;
        auto tab = line.find('\t');
        ASSERT_NE(tab, std::string::npos) << "line " << line_number;
        auto sentence = line.substr(0, tab);
        auto expected = line.substr(tab + 1);
        std::vector<std::string> want
            = sentence.empty() ? std::vector<std::string> {} : split(expected, '|');
        EXPECT_EQ(phrases(japanese_phrases(), sentence), want) << "line " << line_number;
        ++rows;
    }
    EXPECT_GT(rows, 100u);
}

TEST(Budoux, BundledModelHasEveryFeature)
{
    EXPECT_EQ(japanese_phrases().feature_count(), 1630u);
}

struct BadModelCase {
    int id;
    const char* text;
    const char* message; // part of the error
};

class BudouxBadModel : public ::testing::TestWithParam<BadModelCase> { };

TEST_P(BudouxBadModel, IsRefusedWithItsLine)
{
    auto row = GetParam();
    auto model = PhraseModel::parse(row.text);
    ASSERT_FALSE(model.ok()) << "row " << row.id;
    EXPECT_NE(model.error().find(row.message), std::string::npos)
        << "row " << row.id << ": " << model.error();
}

INSTANTIATE_TEST_SUITE_P(Rows, BudouxBadModel,
    ::testing::Values(BadModelCase { 1, "", "header" }, //
        BadModelCase { 2, "{\"UW1\": {}}", "line 1: expected the header" },
        BadModelCase { 3, "budoux-model\t2\n", "line 1" },
        BadModelCase { 4, "budoux-model\t1\nUW7\ta\t1\n", "line 2: unknown feature" },
        BadModelCase { 5, "budoux-model\t1\nUW1\ta\n", "line 2: expected FEATURE" },
        BadModelCase { 6, "budoux-model\t1\nUW1\ta\t1\t2\n", "line 2: expected FEATURE" },
        BadModelCase { 7, "budoux-model\t1\nUW1\t\t1\n", "line 2: the key is empty" },
        BadModelCase { 8, "budoux-model\t1\nUW1\t\xFF\t1\n", "not UTF-8" },
        BadModelCase { 9, "budoux-model\t1\nUW1\ta\t1.5\n", "not an integer" },
        BadModelCase { 10, "budoux-model\t1\nUW1\ta\t\n", "not an integer" },
        BadModelCase { 11, "budoux-model\t1\nUW1\ta\t99999999999999999999\n", "not an integer" },
        BadModelCase { 12, "budoux-model\t1\nUW1\ta\t1000000001\n", "beyond" },
        BadModelCase {
            13, "# c\nbudoux-model\t1\nUW1\ta\t1\nUW1\ta\t2\n", "line 4: the key is listed twice" },
        BadModelCase { 14, "budoux-model\t1\nUW4\t\xED\xB2\xB7\t1\n", "not UTF-8" }),
    [](const auto& info) { return "row" + std::to_string(info.param.id); });
