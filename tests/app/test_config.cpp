// The configuration file: every bad setting keeps its default and is reported with file:line,
// never fatal; trusted keys fail closed.
#include "kiosk/app/config.h"
#include "kiosk/store/signing.h"

#include <gtest/gtest.h>

using kiosk::app::parse_config;

namespace {

struct BadCase {
    const char* id;
    const char* text;
    const char* expected; // in the one problem reported
};

const BadCase BAD_CASES[] {
    { "c1 rotation 45", "[touch]\nrotation = 45\n",
        "k.toml:2:12: [touch] rotation must be 0, 90, 180 or 270" },
    { "c2 rotation as text", "[touch]\nrotation = \"90\"\n",
        "k.toml:2:12: [touch] rotation must be" },
    { "c3 on 25:00", "[display]\non = \"25:00\"\n", "k.toml:2:6: [display] on must be a time" },
    { "c4 off not a clock", "[display]\noff = \"6pm\"\n",
        "k.toml:2:7: [display] off must be a time" },
    { "c5 idle overflow", "[visitor]\nidle_timeout_s = 2147484\n",
        "k.toml:2:18: [visitor] idle_timeout_s must be 10 to 3600 seconds" },
    { "c6 idle negative", "[visitor]\nidle_timeout_s = -5\n", "idle_timeout_s must be 10 to 3600" },
    { "c7 unknown key", "[touch]\nrotaton = 90\n",
        "k.toml:2:11: unknown key [touch] rotaton (known: rotation, mirror_x, mirror_y)" },
    { "c8 unknown section", "[screen]\nsize = 1\n", "unknown section [screen]" },
    { "c9 wrong type bool", "[touch]\nmirror_x = \"yes\"\n",
        "[touch] mirror_x must be true or false" },
    { "c10 renderer", "[display]\nrenderer = \"opengl\"\n", "[display] renderer must be" },
    { "c11 lang", "[visitor]\ndefault_lang = \"fr\"\n", "[visitor] default_lang must be" },
    { "c12 pin hash", "[staff]\npin_hash = \"1234\"\n",
        "k.toml:2:12: [staff] pin_hash is not a PIN hash; make one with `kiosk-content hash-pin`" },
    { "c13 syntax error", "[touch\nrotation = 90\n", "k.toml:1:7: " },
    { "c14 empty state", "[content]\nstate = \"\"\n", "[content] state must not be empty" },
    { "c15 bad key", "[content]\ntrusted_keys = [\"abc\"]\n",
        "[content] trusted_keys has an entry that is not a public key" },
};

void PrintTo(const BadCase& c, std::ostream* os)
{
    *os << c.id;
}

} // namespace

class BadConfig : public ::testing::TestWithParam<BadCase> { };

TEST_P(BadConfig, KeepsTheDefaultAndSaysWhere)
{
    auto& c = GetParam();
    auto config = parse_config(c.text, "k.toml");
    ASSERT_EQ(config.problems.size(), 1u) << c.id;
    EXPECT_NE(config.problems[0].find(c.expected), std::string::npos)
        << c.id << ": " << config.problems[0];
    kiosk::app::Config defaults;
    EXPECT_EQ(config.touch.rotation_deg, defaults.touch.rotation_deg) << c.id;
    EXPECT_EQ(config.idle_timeout_s, defaults.idle_timeout_s) << c.id;
    EXPECT_EQ(config.on_minute, defaults.on_minute) << c.id;
    EXPECT_EQ(config.off_minute, defaults.off_minute) << c.id;
    EXPECT_EQ(config.state_dir, defaults.state_dir) << c.id;
    EXPECT_TRUE(config.staff_pin_hash.empty()) << c.id;
}

INSTANTIATE_TEST_SUITE_P(Cases, BadConfig, ::testing::ValuesIn(BAD_CASES), [](const auto& info) {
    std::string name = info.param.id;
    for (auto& ch : name)
        ch = std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
    return name;
});

TEST(Config, GoodFileIsReadWithoutProblems)
{
    auto key = kiosk::store::generate_key_pair().public_key;
    auto config = parse_config("[touch]\nrotation = 90\nmirror_x = true\n"
                               "[display]\nrenderer = \"gpu\"\non = \"08:00\"\noff = \"18:30\"\n"
                               "[visitor]\ndefault_lang = \"ja\"\nidle_timeout_s = 3600\n"
                               "[content]\nstate = \"/s\"\ninbox = \"/i\"\ntrusted_keys = [\""
            + key + "\"]\n",
        "k.toml");
    EXPECT_TRUE(config.problems.empty()) << config.problems[0];
    EXPECT_EQ(config.touch.rotation_deg, 90);
    EXPECT_TRUE(config.touch.mirror_x);
    EXPECT_TRUE(config.gpu_renderer);
    EXPECT_EQ(config.on_minute, 8 * 60);
    EXPECT_EQ(config.off_minute, 18 * 60 + 30);
    EXPECT_EQ(config.default_lang, kiosk::core::Lang::Ja);
    EXPECT_EQ(config.idle_timeout_s, 3600);
    EXPECT_EQ(config.state_dir, "/s");
    EXPECT_EQ(config.inbox_dir, "/i");
    ASSERT_EQ(config.trusted_keys.size(), 1u);
    EXPECT_TRUE(config.require_signature);
}

TEST(Config, EveryProblemOfOneFileIsListed)
{
    auto config
        = parse_config("[touch]\nrotation = 45\n[display]\non = \"25:00\"\nfoo = 1\n", "k.toml");
    EXPECT_EQ(config.problems.size(), 3u);
}

TEST(Config, TrustedKeysFailClosed)
{
    // A key list that cannot be used still demands signed files, so a typo never lets unsigned
    // content in; so does a file that cannot be parsed at all.
    for (const char* text : { "[content]\ntrusted_keys = [\"abc\"]\n",
             "[content]\ntrusted_keys = \"abc\"\n", "[content\ntrusted_keys = []\n" }) {
        auto config = parse_config(text, "k.toml");
        EXPECT_TRUE(config.require_signature) << text;
        EXPECT_TRUE(config.trusted_keys.empty()) << text;
    }
    EXPECT_FALSE(parse_config("", "k.toml").require_signature);
    EXPECT_FALSE(parse_config("[content]\ntrusted_keys = []\n", "k.toml").require_signature);
}
