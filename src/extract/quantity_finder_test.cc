#include "extract/quantity_finder.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace newsfuse::extract {
namespace {

std::vector<Quantity> Find(const std::string& text) {
  std::vector<text::Span> tokens;
  text::Tokenize(text, &tokens);
  return FindQuantities(text, tokens);
}

TEST(QuantityFinderTest, NumbersWithHedgesAndNouns) {
  struct Case {
    const char* text;
    double value;
    const char* hedge;
    const char* noun;
    const char* unit;
  };
  const Case cases[] = {
      {"where more than one million civilians are taking refuge", 1e6, "more than", "civilians", ""},
      {"is hosting about 1.4 million people, the UN estimates", 1.4e6, "about", "people", ""},
      {"where more than a million residents live", 1e6, "more than", "residents", ""},
      {"an attack that killed around 1,200 people", 1200, "around", "people", ""},
      {"repairs at $120 million.", 1.2e8, "", "", "$"},
      {"the bridge carries roughly 38,000 vehicles each day", 38000, "roughly", "vehicles", ""},
      {"four Israeli and U.S. officials told reporters", 4, "", "officials", ""},
  };
  for (const auto& c : cases) {
    auto q = Find(c.text);
    ASSERT_EQ(q.size(), 1u) << c.text;
    EXPECT_DOUBLE_EQ(q[0].value, c.value) << c.text;
    EXPECT_EQ(q[0].hedge, c.hedge) << c.text;
    EXPECT_EQ(q[0].noun, c.noun) << c.text;
    EXPECT_EQ(q[0].unit, c.unit) << c.text;
  }
}

TEST(QuantityFinderTest, DatesYearsAndTimesAreNotQuantities) {
  for (const char* text : {"on March 17, 2024, he spoke", "in 2023 the council met", "at 5:29 PM",
                           "since Oct. 7 the war", "one of the officials"}) {
    EXPECT_TRUE(Find(text).empty()) << text;
  }
}

}  // namespace
}  // namespace newsfuse::extract
