// Content model helpers: partial dates, enum names, number formats, attract order.
#include "kiosk/core/content_model.h"
#include "kiosk/core/number_format.h"
#include "kiosk/core/strings.h"

#include <gtest/gtest.h>

using namespace kiosk::core;

TEST(PartialDate, ParsesTheThreePrecisions)
{
    EXPECT_EQ(parse_partial_date("1963"), (PartialDate { 1963, 0, 0 }));
    EXPECT_EQ(parse_partial_date("2014-05"), (PartialDate { 2014, 5, 0 }));
    EXPECT_EQ(parse_partial_date("2024-10-17"), (PartialDate { 2024, 10, 17 }));
    EXPECT_EQ(format_partial_date({ 2024, 10, 17 }), "2024-10-17");
    EXPECT_EQ(format_partial_date({ 2014, 5, 0 }), "2014-05");
    EXPECT_LT(*parse_partial_date("2014"), *parse_partial_date("2014-01"));
}

TEST(PartialDate, LeapDaysFollowTheCalendar)
{
    EXPECT_EQ(parse_partial_date("2024-02-29"), (PartialDate { 2024, 2, 29 }));
    EXPECT_EQ(parse_partial_date("2000-02-29"), (PartialDate { 2000, 2, 29 }));
    for (const char* bad : { "2023-02-29", "1900-02-29", "2100-02-29", "2023-04-31" })
        EXPECT_FALSE(parse_partial_date(bad).has_value()) << bad;
}

TEST(PartialDate, RejectsMalformedDates)
{
    for (const char* bad : { "", "63", "2014-5", "2014-13", "2014-02-30", "2014/05", "20x4",
             "2014-05-1", "2014-05-01x" })
        EXPECT_FALSE(parse_partial_date(bad).has_value()) << bad;
}

TEST(EnumNames, RoundTrip)
{
    for (auto name : { "overview", "environment", "water", "economy", "culture", "people" })
        EXPECT_EQ(topic_kind_name(*parse_topic_kind(name)), name);
    EXPECT_FALSE(parse_topic_kind("sports"));
    EXPECT_EQ(place_kind_name(*parse_place_kind("port")), "port");
    EXPECT_EQ(link_kind_name(*parse_link_kind("sister")), "sister");
    EXPECT_EQ(chart_kind_name(*parse_chart_kind("line")), "line");
}

struct NumberCase {
    double value;
    Lang lang;
    const char* expected;
};

TEST(NumberFormat, EachLanguageUsesItsSeparators)
{
    const NumberCase cases[] = {
        { 947092, Lang::Vi, "947.092" },
        { 947092, Lang::Ja, "947,092" },
        { 947092, Lang::En, "947,092" },
        { 491.95, Lang::Vi, "491,95" },
        { 491.95, Lang::En, "491.95" },
        { 100000, Lang::Vi, "100.000" },
        { 35000, Lang::Ja, "35,000" },
        { 15, Lang::En, "15" },
        { 0.5, Lang::Vi, "0,5" },
        { -1234.5, Lang::En, "-1,234.5" },
        { 1000000, Lang::En, "1,000,000" },
    };
    for (auto& c : cases)
        EXPECT_EQ(format_number(c.value, c.lang), c.expected) << c.value;
}

TEST(Exhibition, AttractOrderFollowsPartnershipTopicAndSlideOrder)
{
    Exhibition ex;
    ex.partnerships = { { "b", 2, {}, "", {}, {} }, { "a", 1, {}, "", {}, {} } };
    ex.topics = { { "tb", "b", TopicKind::Overview, 1, "", {}, {} },
        { "ta2", "a", TopicKind::Water, 2, "", {}, {} },
        { "ta1", "a", TopicKind::Overview, 1, "", {}, {} } };
    auto slide = [](std::string id, std::string topic, int order, bool attract = true) {
        Slide s;
        s.id = std::move(id);
        s.topic_id = std::move(topic);
        s.order = order;
        s.attract = attract;
        return s;
    };
    ex.slides = { slide("b1", "tb", 1), slide("a2-2", "ta2", 2), slide("a2-1", "ta2", 1),
        slide("a1", "ta1", 1), slide("hidden", "ta1", 2, false) };
    std::vector<std::string> ids;
    for (auto* s : ex.attract_slides())
        ids.push_back(s->id);
    EXPECT_EQ(ids, (std::vector<std::string> { "a1", "a2-1", "a2-2", "b1" }));
}

TEST(Strings, SplitListDropsEmptyPieces)
{
    EXPECT_EQ(split_list("a,b,,c"), (std::vector<std::string> { "a", "b", "c" }));
    EXPECT_EQ(split_list(""), std::vector<std::string> {});
    EXPECT_EQ(split_list(",x,"), std::vector<std::string> { "x" });
    EXPECT_EQ(split_list("1920x1080", 'x'), (std::vector<std::string> { "1920", "1080" }));
}
